"""The Ray engine: the same pipeline over a Ray cluster with Ray Data (extra `[ray]`).

`dossier ingest --engine ray [--address ADDR]` plans the job as Parquet input shards (see
shards.py), then, round by round, has Ray Data read the pending shards, run them through a
pool of actors that each load the spaCy model once, and write output shards; a round
counts once its manifest is written. The records are then loaded into the store in input
order (`dossier load` does that step alone), so the store equals the local engine's.
"""

from __future__ import annotations

import json
import logging
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .shards import (
    INPUT,
    OUTPUT,
    Layout,
    discard_unfinished,
    finish_round,
    new_round,
    output_schema,
    pending_shards,
)

if TYPE_CHECKING:
    import pyarrow as pa

    from .settings import Settings


ACTOR_START_TIMEOUT_S = 600


class RayUnavailable(RuntimeError):
    """Ray is not installed, or the cluster cannot be reached."""


class Extractor:
    """One Ray Data actor: builds the pipeline (and so loads the model) once, then extracts
    input shard after input shard, reading each from the job's shared storage itself."""

    def __init__(self, settings: Settings, location: str) -> None:
        import ray

        from .pipeline import Pipeline

        self.pipeline = Pipeline(settings)
        self.layout = Layout.open(location)
        self.node = ray.get_runtime_context().get_node_id()

    def __call__(self, batch: dict[str, Any]) -> pa.Table:
        import pyarrow as pa

        tables = [self._extract_shard(str(shard)) for shard in batch["shard"]]
        return pa.concat_tables(tables) if tables else output_schema().empty_table()

    def _extract_shard(self, shard: str) -> pa.Table:
        import pyarrow as pa
        import pyarrow.parquet as pq

        from .model import Article, Record
        from .pipeline import StageError

        rows = pq.read_table(self.layout.path(INPUT, shard),
                             filesystem=self.layout.filesystem).to_pylist()
        pairs = ((Article(**json.loads(row["article"])), row) for row in rows)
        out: dict[str, list[Any]] = {name: [] for name in output_schema().names}
        for result, row in self.pipeline.pipe_with_context(pairs):
            out["seq"].append(row["seq"])
            out["origin"].append(row["origin"])
            out["node"].append(self.node)
            if isinstance(result, StageError):
                out["record"].append(None)
                out["error"].append(str(result))
            else:
                assert isinstance(result, Record)
                out["record"].append(json.dumps(result.to_dict(), ensure_ascii=False))
                out["error"].append(None)
        return pa.table(out, schema=output_schema())


@dataclass
class RayRun:
    rounds: int = 0
    shards: int = 0
    actors: int = 0
    discarded: int = 0


def _connect(address: str | None, workers: int) -> Any:
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise RayUnavailable("the ray engine needs Ray: pip install 'newsdossier[ray]'") from exc
    options: dict[str, Any] = {"include_dashboard": False, "logging_level": logging.WARNING,
                               "log_to_driver": False, "ignore_reinit_error": True}
    if address:
        options["address"] = address
    elif workers > 0:
        options["num_cpus"] = workers
    try:
        ray.init(**options)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise RayUnavailable(f"cannot start or reach Ray at {address or 'this machine'}: "
                             f"{exc}") from exc
    return ray


def _groups(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def run_ray(layout: Layout, settings: Settings, address: str | None, workers: int,
            report: Callable[[str], None], progress: bool = False) -> RayRun:
    """Extract every pending input shard on the cluster, one manifest per round."""
    ray = _connect(address, workers)
    try:
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = progress
        warnings.filterwarnings("ignore", category=UserWarning, module=r"ray\..*")
        context.execution_options.preserve_order = True
        # A block here is a shard's name, not its data: send it to any free actor, not to
        # one on the node that happens to hold the block.
        context.execution_options.actor_locality_enabled = False
        # Start every actor (each loads the model) before handing out shards, so the work
        # spreads over the whole pool, and fail clearly if the cluster cannot host them.
        context.wait_for_min_actors_s = ACTOR_START_TIMEOUT_S
        logging.getLogger("ray.data").setLevel(logging.WARNING)
        logging.getLogger("ray").setLevel(logging.WARNING)
        run = RayRun(discarded=discard_unfinished(layout))
        if run.discarded:
            report(f"{layout.uri}: {run.discarded} unfinished round(s) of a killed run "
                   "discarded; redoing them")
        cpus = int(ray.cluster_resources().get("CPU", 1))
        run.actors = max(1, min(workers or cpus, cpus))
        pending = pending_shards(layout)
        for group in _groups(pending, settings.shards_per_round):
            number, folder = new_round(layout)
            # One row per input shard, which the actor reads itself; writing takes no CPU
            # of its own, so every CPU goes to an actor and no I/O task waits on one.
            shards = ray.data.from_items([{"shard": shard} for shard in group],
                                         override_num_blocks=len(group))  # a block each
            extracted = shards.map_batches(
                Extractor, fn_constructor_args=(settings, layout.uri), batch_size=1,
                num_cpus=1, compute=ray.data.ActorPoolStrategy(size=min(run.actors, len(group))))
            try:
                extracted.write_parquet(layout.path(OUTPUT, folder),
                                        filesystem=layout.filesystem,
                                        ray_remote_args={"num_cpus": 0})
            except ray.exceptions.GetTimeoutError as exc:
                raise RayUnavailable(f"the cluster could not start {run.actors} extraction "
                                     f"actors in {ACTOR_START_TIMEOUT_S} s (one CPU and the "
                                     "model's memory each)") from exc
            finish_round(layout, folder, number, group)
            run.rounds += 1
            run.shards += len(group)
            report(f"{layout.uri}: round {number} done ({run.shards} of {len(pending)} "
                   "pending shards)")
        return run
    finally:
        ray.shutdown()
