"""A job's Parquet shards: what the Ray engine reads and writes, and `dossier load` merges.

The layout lives under one folder or object-store prefix (anything pyarrow's filesystems
open: a local or shared path, s3://…, gs://…), so every node of a cluster sees the same job:

    input/part-00000.parquet …        articles to extract: seq, origin, article (JSON)
    input/_planned.json               written last: the inputs, shard count, article count
    output/round-00000-<id>/*.parquet records: seq, origin, record (JSON, schema record-v1)
                                      or error, and the node that extracted them
    output/round-00000-<id>.done.json written after the round's files: the input shards done

A round's output counts only once its `.done.json` exists; a run that was killed leaves
output without one, which the next run deletes and redoes. Loading adds records in `seq`
order (input order), so the store ends up as a local run would have left it, and adding is
idempotent, so loading twice adds nothing.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from .model import Article, Record

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.fs as pafs

    from .store import Store

INPUT, OUTPUT, PLANNED = "input", "output", "_planned.json"


class ShardError(RuntimeError):
    """A shard folder is missing, unreadable, or from another job."""


@dataclass(frozen=True)
class Layout:
    filesystem: pafs.FileSystem
    root: str
    uri: str

    @classmethod
    def open(cls, location: str) -> Layout:
        import pyarrow.fs as pafs

        filesystem, root = pafs.FileSystem.from_uri(_as_uri(location))
        return cls(filesystem, root.rstrip("/"), location)

    def path(self, *parts: str) -> str:
        return "/".join((self.root, *parts))

    def exists(self, *parts: str) -> bool:
        import pyarrow.fs as pafs

        return self.filesystem.get_file_info(self.path(*parts)).type != pafs.FileType.NotFound

    def listing(self, *parts: str) -> list[str]:
        """Names directly inside a folder, sorted; none if it does not exist."""
        import pyarrow.fs as pafs

        if not self.exists(*parts):
            return []
        selector = pafs.FileSelector(self.path(*parts), recursive=False)
        return sorted(info.base_name for info in self.filesystem.get_file_info(selector))

    def write_json(self, data: dict[str, Any], *parts: str) -> None:
        """Written under a temporary name and moved into place, so readers see all or none."""
        temporary = self.path(*parts) + f".tmp-{uuid.uuid4().hex}"
        with self.filesystem.open_output_stream(temporary) as out:
            out.write(json.dumps(data, indent=1).encode("utf-8"))
        self.filesystem.move(temporary, self.path(*parts))

    def read_json(self, *parts: str) -> dict[str, Any]:
        with self.filesystem.open_input_stream(self.path(*parts)) as handle:
            return dict(json.loads(handle.read().decode("utf-8")))

    def remove(self, *parts: str) -> None:
        import pyarrow.fs as pafs

        info = self.filesystem.get_file_info(self.path(*parts))
        if info.type == pafs.FileType.Directory:
            self.filesystem.delete_dir(self.path(*parts))
        elif info.type == pafs.FileType.File:
            self.filesystem.delete_file(self.path(*parts))


def _as_uri(location: str) -> str:
    if "://" in location:
        return location
    from pathlib import Path

    return Path(location).resolve().as_uri()


# --- planning: inputs → input shards ------------------------------------------------------------


def input_schema() -> pa.Schema:
    import pyarrow as pa

    return pa.schema([("seq", pa.int64()), ("origin", pa.string()), ("article", pa.string())])


def output_schema() -> pa.Schema:
    import pyarrow as pa

    return pa.schema([("seq", pa.int64()), ("origin", pa.string()), ("record", pa.string()),
                      ("error", pa.string()), ("node", pa.string())])


def plan(layout: Layout, pairs: Iterable[tuple[Article, str]], inputs: list[str],
         shard_articles: int) -> dict[str, Any]:
    """Write the articles as input shards of `shard_articles` each (streaming: one shard in
    memory at a time); a plan already complete for the same inputs is kept as it is."""
    if layout.exists(INPUT, PLANNED):
        planned = layout.read_json(INPUT, PLANNED)
        if planned.get("inputs") == inputs:
            return planned
        raise ShardError(f"{layout.uri} holds a job for other inputs ({planned.get('inputs')}); "
                         "give another --shards folder")
    layout.remove(INPUT)
    layout.filesystem.create_dir(layout.path(INPUT), recursive=True)
    shards = articles = 0
    batch: list[tuple[Article, str]] = []
    for pair in pairs:
        batch.append(pair)
        if len(batch) >= shard_articles:
            _write_input_shard(layout, shards, articles, batch)
            shards, articles, batch = shards + 1, articles + len(batch), []
    if batch:
        _write_input_shard(layout, shards, articles, batch)
        shards, articles = shards + 1, articles + len(batch)
    planned = {"inputs": inputs, "shards": shards, "articles": articles}
    layout.write_json(planned, INPUT, PLANNED)
    return planned


def _write_input_shard(layout: Layout, number: int, first_seq: int,
                       batch: list[tuple[Article, str]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({
        "seq": list(range(first_seq, first_seq + len(batch))),
        "origin": [origin for _, origin in batch],
        "article": [json.dumps(asdict(article), ensure_ascii=False) for article, _ in batch],
    }, schema=input_schema())
    pq.write_table(table, layout.path(INPUT, f"part-{number:05d}.parquet"),
                   filesystem=layout.filesystem)


def input_shards(layout: Layout) -> list[str]:
    return [name for name in layout.listing(INPUT) if name.endswith(".parquet")]


# --- rounds: which input shards are extracted ---------------------------------------------------


def finished_rounds(layout: Layout) -> list[tuple[str, dict[str, Any]]]:
    """(round folder, manifest) of every round that completed, in order."""
    rounds = []
    for name in layout.listing(OUTPUT):
        if name.endswith(".done.json"):
            rounds.append((name.removesuffix(".done.json"), layout.read_json(OUTPUT, name)))
    return sorted(rounds, key=lambda pair: pair[1]["number"])


def discard_unfinished(layout: Layout) -> int:
    """Delete output a killed run left without a manifest; how many round folders went."""
    done = {folder for folder, _ in finished_rounds(layout)}
    gone = 0
    for name in layout.listing(OUTPUT):
        if not name.endswith(".done.json") and name not in done:
            layout.remove(OUTPUT, name)
            gone += 1
    return gone


def pending_shards(layout: Layout) -> list[str]:
    done = {shard for _, manifest in finished_rounds(layout) for shard in manifest["shards"]}
    return [shard for shard in input_shards(layout) if shard not in done]


def new_round(layout: Layout) -> tuple[int, str]:
    numbers = [manifest["number"] for _, manifest in finished_rounds(layout)]
    number = max(numbers, default=-1) + 1
    return number, f"round-{number:05d}-{uuid.uuid4().hex[:8]}"


def finish_round(layout: Layout, folder: str, number: int, shards: list[str]) -> None:
    layout.write_json({"number": number, "shards": shards}, OUTPUT, folder + ".done.json")


# --- loading: output shards → the store ----------------------------------------------------------


@dataclass
class LoadSummary:
    new: int = 0
    already_stored: int = 0
    failed: int = 0
    rounds: int = 0
    nodes: set[str] | None = None

    def line(self) -> str:
        return f"{self.new} new, {self.already_stored} already stored, {self.failed} failed"


def round_rows(layout: Layout, folder: str) -> Iterator[dict[str, Any]]:
    """A finished round's rows in input order."""
    import pyarrow.parquet as pq

    files = [name for name in layout.listing(OUTPUT, folder) if name.endswith(".parquet")]
    tables = [pq.read_table(layout.path(OUTPUT, folder, name), filesystem=layout.filesystem)
              for name in files]
    rows = [row for table in tables for row in table.to_pylist()]
    yield from sorted(rows, key=lambda row: row["seq"])


def load(layout: Layout, store: Store, report: Callable[[str], None],
         progress: Callable[[Iterable[Any]], Iterable[Any]] = lambda rows: rows) -> LoadSummary:
    """Add every finished round's records to the store, in input order."""
    if not layout.exists(OUTPUT) and not layout.exists(INPUT):
        raise ShardError(f"{layout.uri}: no job shards here (no input/ or output/ folder)")
    summary = LoadSummary(nodes=set())
    for folder, _ in finished_rounds(layout):
        summary.rounds += 1
        for row in progress(round_rows(layout, folder)):
            if row.get("node"):
                summary.nodes.add(row["node"])  # type: ignore[union-attr]
            if row.get("error"):
                summary.failed += 1
                report(f"{row['origin']}: {row['error']}")
                continue
            record = Record.from_dict(json.loads(row["record"]))
            if store.add_record(record, row["origin"]):
                summary.new += 1
            else:
                summary.already_stored += 1
    return summary
