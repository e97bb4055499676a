"""Export a store table as JSONL, CSV or Parquet, streaming in batches."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from itertools import islice
from typing import IO, Any

from .store import Store

FORMATS = ("jsonl", "csv", "parquet")
EXPORT_TABLES = (
    "articles", "actors", "events", "quotes", "claims", "places", "quantities", "dates",
    "event_clusters",  # one row per real-world event; `events` is one row per report
)
_BATCH = 5_000


def _batches(rows: Iterator[dict[str, Any]], size: int = _BATCH) -> Iterator[list[dict[str, Any]]]:
    while batch := list(islice(rows, size)):
        yield batch


def write_jsonl(rows: Iterator[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(rows: Iterator[dict[str, Any]], columns: list[str], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def _arrow_schema(store: Store, table: str, columns: list[str]) -> Any:
    import pyarrow as pa

    declared = {
        row["name"]: (row["type"] or "").upper()
        for row in store.conn.execute(f'PRAGMA table_info("{table}")')
    }
    kinds = {"INTEGER": pa.int64(), "REAL": pa.float64()}
    return pa.schema([(c, kinds.get(declared.get(c, ""), pa.string())) for c in columns])


def write_parquet(store: Store, table: str, rows: Iterator[dict[str, Any]],
                  columns: list[str], out: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema(store, table, columns)
    count = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        for batch in _batches(rows):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def export_columns(store: Store, table: str) -> list[str]:
    return [c for c in store.columns(table) if c not in ("rowid", "record")]


def export_table(store: Store, table: str, fmt: str, text_out: IO[str] | None = None,
                 binary_out: IO[bytes] | None = None) -> int:
    """Write every row of `table`; returns the number of rows written."""
    if table not in EXPORT_TABLES:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(EXPORT_TABLES)}")
    columns = export_columns(store, table)
    rows = store.iter_rows(table)
    if fmt == "parquet":
        if binary_out is None:
            raise ValueError("parquet needs a binary output")
        return write_parquet(store, table, rows, columns, binary_out)
    if text_out is None:
        raise ValueError(f"{fmt} needs a text output")
    if fmt == "csv":
        return write_csv(rows, columns, text_out)
    if fmt == "jsonl":
        return write_jsonl(rows, text_out)
    raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
