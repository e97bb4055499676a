"""Export a store table as JSONL, CSV or Parquet, streaming in batches; and the analyst's
events table, the one events export that `dossier export --table events`, `dossier events`
and the web app's downloads share."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import IO, Any

from .store import Store
from .web.queries import Filters, iter_events

FORMATS = ("jsonl", "csv", "parquet")
EXPORT_TABLES = (
    "articles", "actors", "events", "quotes", "claims", "places", "quantities", "dates",
    "event_clusters",  # one row per real-world event; `events` is one row per report
)
_BATCH = 5_000

# The analyst's events table, column by column with its type. Codes, dates and CAMEO are
# text ("010" keeps its zero: read the CSV with the dtypes in `PANDAS_DTYPES`); figures and
# coordinates are numbers; flags are 0/1.
EVENT_FIELDS: tuple[tuple[str, str], ...] = (
    ("article_id", "string"), ("event_id", "string"), ("title", "string"), ("url", "string"),
    ("outlet", "string"), ("published", "string"),
    ("date", "string"), ("date_precision", "string"), ("date_basis", "string"),
    ("type", "string"), ("mode", "string"), ("cameo", "string"), ("status", "string"),
    ("confidence", "float"),
    ("source_name", "string"), ("source_code", "string"), ("source_country", "string"),
    ("source_sector", "string"),
    ("target_name", "string"), ("target_code", "string"), ("target_country", "string"),
    ("target_sector", "string"),
    ("attributed_name", "string"), ("attributed_code", "string"),
    ("location_name", "string"), ("location_country", "string"), ("lat", "float"),
    ("lon", "float"), ("location_basis", "string"),
    ("dead", "float"), ("injured", "float"), ("size", "float"),
    ("sentence", "string"), ("trigger_text", "string"),
    ("sentence_start", "int"), ("sentence_end", "int"), ("trigger_start", "int"),
    ("trigger_end", "int"), ("mentions", "int"),
    ("background", "int"), ("reciprocal", "int"), ("intent", "string"), ("cluster_id", "int"),
)
EVENT_EXPORT_COLUMNS = [name for name, _ in EVENT_FIELDS]
# What to pass to pandas.read_csv(..., dtype=PANDAS_DTYPES) so no text column is read as a
# number ("010" → 10, "2019" → 2019, an id "0042" → 42); R: colClasses = "character" for the
# same columns (README, "Exports").
PANDAS_DTYPES = {name: "str" for name, kind in EVENT_FIELDS if kind == "string"}

PRECISIONS = ("day", "week", "month", "year", "range")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_WEEK = re.compile(r"^\d{4}-W\d{2}$")


def _batches(rows: Iterator[dict[str, Any]], size: int = _BATCH) -> Iterator[list[dict[str, Any]]]:
    while batch := list(islice(rows, size)):
        yield batch


class _Counted:
    """An iterator that counts what passes through it."""

    def __init__(self, rows: Iterator[dict[str, Any]]) -> None:
        self.rows, self.n = rows, 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for row in self.rows:
            self.n += 1
            yield row


def jsonl_lines(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"


def csv_chunks(rows: Iterator[dict[str, Any]], columns: list[str],
               chunk_chars: int = 65536) -> Iterator[str]:
    """CSV text, header first, in pieces of about `chunk_chars` (for streaming)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n",
                            extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
        if buffer.tell() > chunk_chars:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def write_jsonl(rows: Iterator[dict[str, Any]], out: IO[str]) -> int:
    counted = _Counted(rows)
    for line in jsonl_lines(iter(counted)):
        out.write(line)
    return counted.n


def write_csv(rows: Iterator[dict[str, Any]], columns: list[str], out: IO[str]) -> int:
    counted = _Counted(rows)
    for chunk in csv_chunks(iter(counted), columns):
        out.write(chunk)
    return counted.n


def _arrow_schema(store: Store, table: str, columns: list[str]) -> Any:
    import pyarrow as pa

    declared = {
        row["name"]: (row["type"] or "").upper()
        for row in store.conn.execute(f'PRAGMA table_info("{table}")')
    }
    kinds = {"INTEGER": pa.int64(), "REAL": pa.float64()}
    return pa.schema([(c, kinds.get(declared.get(c, ""), pa.string())) for c in columns])


def event_schema() -> Any:
    """The Parquet schema of the analyst's events table (CAMEO a string, never a number)."""
    import pyarrow as pa

    kinds = {"string": pa.string(), "float": pa.float64(), "int": pa.int64()}
    return pa.schema([(name, kinds[kind]) for name, kind in EVENT_FIELDS])


def write_parquet_rows(rows: Iterator[dict[str, Any]], schema: Any, out: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    count = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        for batch in _batches(rows):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def write_parquet(store: Store, table: str, rows: Iterator[dict[str, Any]],
                  columns: list[str], out: IO[bytes]) -> int:
    return write_parquet_rows(rows, _arrow_schema(store, table, columns), out)


def export_columns(store: Store, table: str) -> list[str]:
    return [c for c in store.columns(table) if c not in ("rowid", "record")]


def export_table(store: Store, table: str, fmt: str, text_out: IO[str] | None = None,
                 binary_out: IO[bytes] | None = None) -> int:
    """Write every row of the stored `table` as it is; returns the number of rows written."""
    if table not in EXPORT_TABLES:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(EXPORT_TABLES)}")
    columns = export_columns(store, table)
    rows = store.iter_rows(table)
    if fmt == "parquet":
        if binary_out is None:
            raise ValueError("parquet needs a binary output")
        return write_parquet(store, table, rows, columns, binary_out)
    return _write_text(rows, columns, fmt, text_out)


def _write_text(rows: Iterator[dict[str, Any]], columns: list[str], fmt: str,
                text_out: IO[str] | None) -> int:
    if text_out is None:
        raise ValueError(f"{fmt} needs a text output")
    if fmt == "csv":
        return write_csv(rows, columns, text_out)
    if fmt == "jsonl":
        return write_jsonl(rows, text_out)
    raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")


# --- the analyst's events table ------------------------------------------------------------


def date_precision(value: str | None, granularities: str | None = None) -> str | None:
    """How precise an event date is, from its form: "2020-03-09" day, "2020-W11" week,
    "2020-03" month, "2020" year, "2020-03-02/2020-03-08" the span it covers (a Monday to
    Sunday is a week, a whole month a month, a whole year a year, else "range"). A day that
    only a coarser time expression of the article gives ("last week" resolved to its Monday)
    takes that expression's granularity. None without a date or in a form not known."""
    if not value:
        return None
    value = value.strip()
    if "/" in value:
        return _interval_precision(*value.split("/", 1))
    if _DAY.match(value):
        found = {g.strip() for g in (granularities or "").split(",") if g.strip()}
        if found and "day" not in found:
            return next((g for g in ("week", "month", "year") if g in found), "day")
        return "day"
    for pattern, precision in ((_WEEK, "week"), (_MONTH, "month"), (_YEAR, "year")):
        if pattern.match(value):
            return precision
    return None


def _interval_precision(first: str, last: str) -> str | None:
    start, end = _day(first), _day(last)
    if start is None or end is None:
        forms = {date_precision(first), date_precision(last)}
        return "range" if None not in forms else None
    if start == end:
        return "day"
    if start.weekday() == 0 and (end - start).days == 6:
        return "week"
    after = end + datetime.timedelta(days=1)
    if start.day == 1 and after.day == 1 and (start.year, start.month) == (end.year, end.month):
        return "month"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return "year"
    return "range"


def _day(text: str) -> datetime.date | None:
    match = _DAY.match(text.strip())
    if not match:
        return None
    try:
        return datetime.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def analyst_row(row: dict[str, Any]) -> dict[str, Any]:
    """A row of `iter_events` as the analyst's table has it (`EVENT_FIELDS`, in order)."""
    out = {name: row.get(name) for name in EVENT_EXPORT_COLUMNS}
    out["date_precision"] = row.get("date_precision") or date_precision(
        row.get("date"), row.get("date_granularities"))
    out["cameo"] = None if row.get("cameo") is None else str(row["cameo"])
    return out


def event_rows(conn: sqlite3.Connection, filters: Filters | None = None, *,
               sort: str = "date", order: str = "desc",
               limit: int | None = None) -> Iterator[dict[str, Any]]:
    """The analyst's events table for the filters (the web app's; by default every
    foreground PLOVER event), streamed."""
    kwargs = {} if limit is None else {"limit": limit}
    for row in iter_events(conn, filters or Filters(), sort=sort, order=order, **kwargs):
        yield analyst_row(row)


def export_events(conn: sqlite3.Connection, fmt: str, filters: Filters | None = None, *,
                  text_out: IO[str] | None = None, binary_out: IO[bytes] | None = None,
                  sort: str = "date", order: str = "desc", limit: int | None = None,
                  progress: Callable[[Iterator[dict[str, Any]]], Iterable[dict[str, Any]]]
                  | None = None) -> int:
    """Write the analyst's events table; returns the number of events written. `progress`
    may wrap the rows (a progress bar)."""
    rows = event_rows(conn, filters, sort=sort, order=order, limit=limit)
    if progress is not None:
        rows = iter(progress(rows))
    if fmt == "parquet":
        if binary_out is None:
            raise ValueError("parquet needs a binary output")
        return write_parquet_rows(rows, event_schema(), binary_out)
    return _write_text(rows, EVENT_EXPORT_COLUMNS, fmt, text_out)
