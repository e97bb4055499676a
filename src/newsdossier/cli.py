"""The `dossier` command line."""

from __future__ import annotations

import functools
import json
import shutil
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

import click

from . import __version__
from .settings import Settings, SettingsError, load_settings

OUTPUT_FORMATS = ("jsonl", "json", "pretty")
INPUT_FORMATS = ("txt", "html", "jsonl")
DEMO_DB = "dossier-demo.db"


def _settings_from(ctx_options: dict[str, Any]) -> Settings:
    try:
        settings = load_settings(ctx_options.pop("config", None))
        extra_dicts = ctx_options.pop("dictionaries", ()) or ()
        extra_patterns = ctx_options.pop("patterns", ()) or ()
        settings = settings.with_overrides(
            model=ctx_options.pop("model", None),
            batch_size=ctx_options.pop("batch_size", None),
            workers=ctx_options.pop("workers", None),
        )
        if extra_dicts:
            settings = settings.with_overrides(
                actor_dictionaries=(*settings.actor_dictionaries, *extra_dicts)
            )
        if extra_patterns:
            settings = settings.with_overrides(
                event_patterns=(*settings.event_patterns, *extra_patterns)
            )
        return settings
    except SettingsError as exc:
        raise click.UsageError(str(exc)) from exc


def pipeline_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Options every command that runs the extraction pipeline shares."""

    @click.option("--config", type=click.Path(dir_okay=False), help="Settings file (TOML).")
    @click.option("--model", help="spaCy model package to load (default: settings, 'auto').")
    @click.option("--dict", "dictionaries", multiple=True, type=click.Path(exists=True,
                  dir_okay=False), help="Extra actor dictionary TSV (repeatable).")
    @click.option("--patterns", multiple=True, type=click.Path(exists=True, dir_okay=False),
                  help="Extra event pattern TSV (repeatable).")
    @click.option("--batch-size", type=click.IntRange(1, 10_000), help="Articles per batch.")
    @click.option("--workers", type=click.IntRange(0, 1024),
                  help="Worker processes (default: settings, 0 = one per core).")
    @functools.wraps(command)
    def wrapper(**options: Any) -> Any:
        settings = _settings_from(options)
        return command(settings=settings, **options)

    return wrapper


def _build_pipeline(settings: Settings) -> Any:
    from .actors import DictionaryError
    from .events import IntentError, PatternError
    from .nlp import ModelNotFoundError
    from .pipeline import Pipeline, PipelineError

    try:
        return Pipeline(settings)
    except (ModelNotFoundError, PipelineError, DictionaryError, PatternError,
            IntentError) as exc:
        raise click.ClickException(str(exc)) from exc


def _lazy_pipeline(settings: Settings) -> Callable[[], Any]:
    """Builds the pipeline in this process only if it is needed here (not when workers do it)."""
    built: list[Any] = []

    def build() -> Any:
        if not built:
            built.append(_build_pipeline(settings))
        return built[0]

    return build


def _worker_errors_reported(records: Any) -> Any:
    from .parallel import WorkerError

    try:
        yield from records
    except WorkerError as exc:
        raise click.ClickException(str(exc)) from exc


def _db_path(db: str | None, settings: Settings) -> str:
    return db or settings.db


def _writable_store(path: str | Path, settings: Settings) -> Any:
    """The database to write, with sentence embeddings for claim threads if settings ask."""
    from .store import Store
    from .store.embeddings import EmbeddingsUnavailable, embedder_for

    try:
        embedder = embedder_for(settings.thread_embeddings)
    except (EmbeddingsUnavailable, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    return Store(path, embedder=embedder)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsdossier")
def main() -> None:
    """newsdossier: news articles → evidence-linked records of who did and said what."""


@main.command()
@click.argument("paths", nargs=-1, type=str)
@click.option("--published", help="Publication date (YYYY-MM-DD) for every article read.")
@click.option("--title", help="Title for every article read.")
@click.option("--source", help="Source (outlet) for every article read.")
@click.option("--url", help="URL for every article read.")
@click.option("--format", "output_format", type=click.Choice(OUTPUT_FORMATS), default="jsonl",
              show_default=True, help="Output: JSON lines, a JSON array, or readable text.")
@click.option("--input-format", type=click.Choice(INPUT_FORMATS),
              help="Read every input as this kind (default: by file suffix; stdin sniffed).")
@pipeline_options
def extract(paths: tuple[str, ...], published: str | None, title: str | None,
            source: str | None, url: str | None, output_format: str,
            input_format: str | None, settings: Settings) -> None:
    """Write one record per article to stdout (PATH: .txt, .html, .jsonl, a folder, or -)."""
    from .dates import normalise_publication_date
    from .formatting import pretty
    from .parallel import resolve_workers
    from .runner import Summary, extract_paths

    if published and normalise_publication_date(published) is None:
        raise click.BadParameter(f"not a date: {published!r}", param_hint="--published")
    overrides = {
        "published": normalise_publication_date(published) if published else None,
        "title": title, "source": source, "url": url,
    }
    summary = Summary()
    records = extract_paths(paths or ("-",), _lazy_pipeline(settings), summary,
                            input_format=input_format, overrides=overrides,
                            workers=resolve_workers(settings.workers), settings=settings)
    out = sys.stdout
    first = True
    if output_format == "json":
        out.write("[")
    for record in _worker_errors_reported(records):
        data = record.to_dict()
        if output_format == "jsonl":
            out.write(json.dumps(data, ensure_ascii=False) + "\n")
        elif output_format == "json":
            separator = "" if first else ","
            out.write(separator + "\n" + json.dumps(data, ensure_ascii=False, indent=1))
        else:
            out.write(("" if first else "\n") + pretty(record) + "\n")
        first = False
        out.flush()
    if output_format == "json":
        out.write("\n]\n")
    if summary.failed:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=str)
@click.option("--db", envvar="DOSSIER_DB", help="Database file (default ./dossier.db).")
@click.option("--input-format", type=click.Choice(INPUT_FORMATS),
              help="Read every input as this kind (default: by file suffix).")
@click.option("--engine", type=click.Choice(("local", "ray")), default="local",
              show_default=True, help="local: worker processes on this machine; ray: a Ray "
              "cluster (pip install 'newsdossier[ray]').")
@click.option("--address", help="Ray cluster to join (e.g. 10.0.0.5:6379 or auto; default: "
              "start Ray on this machine). Only with --engine ray.")
@click.option("--shards", help="Folder or URI (s3://…) for the Ray job's Parquet shards "
              "(default: the database path + .shards). Only with --engine ray.")
@pipeline_options
def ingest(paths: tuple[str, ...], db: str | None, input_format: str | None, engine: str,
           address: str | None, shards: str | None, settings: Settings) -> None:
    """Extract articles from files, folders and URLs into the database (idempotent,
    resumable)."""
    from .cluster import RayUnavailable
    from .parallel import WorkerError, resolve_workers
    from .runner import ingest_paths, ingest_with_ray, progress_enabled
    from .shards import ShardError
    from .store import StoreError

    if engine == "local" and (address or shards):
        raise click.UsageError("--address and --shards go with --engine ray")
    path = _db_path(db, settings)
    try:
        store = _writable_store(path, settings)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    progress = progress_enabled(settings.progress)
    with store:
        try:
            if engine == "ray":
                summary = ingest_with_ray(list(paths), store, settings, shards or f"{path}.shards",
                                          address, settings.workers, progress=progress,
                                          input_format=input_format)
            else:
                summary = ingest_paths(paths, store, _lazy_pipeline(settings), progress=progress,
                                       input_format=input_format,
                                       workers=resolve_workers(settings.workers),
                                       settings=settings)
        except (WorkerError, RayUnavailable, ShardError) as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(summary.line(), err=True)
    if summary.failed:
        sys.exit(1)


@main.command()
@click.argument("shards")
@click.option("--db", envvar="DOSSIER_DB", help="Database file (default ./dossier.db).")
@click.option("--config", type=click.Path(dir_okay=False), help="Settings file (TOML).")
def load(shards: str, db: str | None, config: str | None) -> None:
    """Merge a Ray job's finished output shards (folder or URI) into the database."""
    from .runner import progress_enabled, with_progress
    from .shards import Layout, ShardError
    from .shards import load as load_shards
    from .store import StoreError

    settings = _settings_from({"config": config})
    try:
        store = _writable_store(_db_path(db, settings), settings)
        with store:
            summary = load_shards(Layout.open(shards), store,
                                  lambda line: click.echo(line, err=True),
                                  lambda rows: with_progress(
                                      rows, progress_enabled(settings.progress), " records"))
    except (ShardError, StoreError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{summary.line()} (from {summary.rounds} finished rounds)", err=True)
    if summary.failed:
        sys.exit(1)


def _demo_corpus() -> Path:
    return Path(str(resources.files("newsdossier").joinpath("demo/articles.jsonl")))


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@main.command()
@click.option("--db", default=DEMO_DB, show_default=True, help="Database file to (re)build.")
@click.option("--serve/--no-serve", default=None,
              help="Open the web app on it afterwards (default: when run on a terminal).")
@click.option("--port", type=int, default=8000, show_default=True, help="Port for --serve.")
@pipeline_options
def demo(db: str, serve: bool | None, port: int, settings: Settings) -> None:
    """Build a fresh database from the bundled demo corpus, summarise what it holds, and
    (on a terminal) open the web app on it."""
    from .runner import ingest_paths, progress_enabled

    path = Path(db)
    _remove_database(path)
    pipeline = _build_pipeline(settings)
    with _writable_store(path, settings) as store:
        summary = ingest_paths([str(_demo_corpus())], store, pipeline,
                               progress=progress_enabled(settings.progress))
        click.echo(_demo_summary(store, path))
    click.echo(summary.line())
    if summary.failed:
        sys.exit(1)
    if serve or (serve is None and sys.stdin.isatty() and sys.stdout.isatty()):
        _serve(path, "127.0.0.1", port)


@main.command()
@click.option("--db", envvar="DOSSIER_DB", default="dossier.db", show_default=True,
              help="Database file (opened read-only).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind; anything but loopback exposes the data to the network.")
@click.option("--port", type=int, default=8000, show_default=True)
def serve(db: str, host: str, port: int) -> None:
    """Explore a database in the browser: search, events, timeline, map, network, claims."""
    _serve(Path(db), host, port)


def _serve(path: Path, host: str, port: int) -> None:
    try:
        import uvicorn

        from .web import create_app
        app = create_app(path)
    except (ImportError, OSError, ValueError) as exc:
        raise click.ClickException(f"serve: {exc}") from exc
    except Exception as exc:  # sqlite3 errors opening a file that is no database
        raise click.ClickException(f"serve: {path}: {exc}") from exc
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: serving on {host}: anyone who can reach it can read the data",
                   err=True)
    click.echo(f"newsdossier on http://{'[' + host + ']' if ':' in host else host}:{port}/ "
               f"— {path} (read-only); Ctrl-C stops", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _demo_summary(store: Any, path: Path) -> str:
    counts = store.counts()
    lines = [f"demo database: {path.resolve()}"]
    lines.append("  " + ", ".join(f"{n} {table}" for table, n in counts.items()))
    countries = Counter(
        row["country"] for row in store.iter_rows("actors") if row["country"]
    )
    if countries:
        top = ", ".join(f"{code} ×{n}" for code, n in countries.most_common(8))
        lines.append(f"  actors by country: {top}")
    events = [row for row in store.iter_rows("events") if not row["background"]]
    types = Counter(row["type"] or f"CAMEO {row['cameo']}" for row in events)
    if types:
        lines.append(f"  events reported ({len(events)}; background ones aside), by type: "
                     + ", ".join(f"{name} ×{n}" for name, n in types.most_common()))
    places = Counter(f"{row['name']} ({row['country'] or '-'})"
                     for row in store.iter_rows("places") if row["lat"] is not None)
    if places:
        lines.append("  places named most: " + ", ".join(
            f"{name} ×{n}" for name, n in places.most_common(6)))
    located = Counter(row["location_name"] for row in events if row["location_name"])
    if located:
        lines.append(f"  events placed ({sum(located.values())} of {len(events)}): " + ", ".join(
            f"{name} ×{n}" for name, n in located.most_common(6)))
    clustered = list(store.iter_rows("event_clusters"))
    if clustered:
        repeated = sum(1 for row in clustered if row["num_reports"] > 1)
        lines.append(f"  real-world events: {len(clustered)} from {len(events)} reports "
                     f"({repeated} reported by more than one article)")
    stories = Counter(row["story_id"] for row in store.iter_rows("articles", include_text=False))
    copies = sum(n for n in stories.values() if n > 1)
    lines.append(f"  stories: {len(stories)} ({copies} articles share a story with another)")
    resolved = sum(1 for row in store.iter_rows("dates") if row["value"])
    lines.append(f"  time expressions resolved to dates: {resolved} of {counts['dates']}")
    stances = Counter(row["stance"] for row in store.iter_rows("claims"))
    lines.append("  claims by stance: " + ", ".join(f"{name} ×{n}"
                                                    for name, n in stances.most_common()))
    threads = store.find_threads()
    if threads:
        biggest = threads[0]
        lines.append(f"  claim threads across articles: {len(threads)}; the largest, "
                     f"{biggest['members']} claims in {biggest['articles']} articles: "
                     f"“{biggest['label'][:70]}…”")
    lines.append("  articles:")
    for row in store.iter_rows("articles", include_text=False):
        lines.append(f"    {row['published'] or '????-??-??'}  {row['outlet'] or '?':<20}  "
                     f"{row['title']}")
    lines.append(f"  next: dossier stats --db {path}")
    lines.append(f"        dossier events --db {path} --type ASSAULT")
    lines.append(f"        dossier claims --db {path}")
    lines.append(f"        dossier export --db {path} --table events --format csv")
    lines.append(f"        dossier export --db {path} --table places --format csv")
    lines.append(f"        dossier extract --format pretty {_demo_corpus()}")
    return "\n".join(lines)


EXPORT_TABLES = ("articles", "actors", "events", "quotes", "claims", "places", "quantities",
                 "dates", "event_clusters")


@main.command()
@click.option("--db", envvar="DOSSIER_DB", help="Database file (default ./dossier.db).")
@click.option("--table", required=True, type=click.Choice(EXPORT_TABLES))
@click.option("--format", "output_format", type=click.Choice(("jsonl", "csv", "parquet")),
              default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Output file (default stdout; parquet needs a file or a pipe).")
@click.option("--raw", is_flag=True, help="events: the stored table as it is (every column, "
              "background and CAMEO-only events too) instead of the analyst's table.")
@click.option("--min-confidence", type=click.FloatRange(0, 1),
              help="events: leave out those whose confidence is lower.")
@click.option("--background", is_flag=True,
              help="events: also those recalled as background of another.")
@click.option("--negated", is_flag=True,
              help="events: also those the text says did not or may only happen (negated, "
              "hypothetical).")
@click.option("--config", type=click.Path(dir_okay=False), help="Settings file (TOML).")
def export(db: str | None, table: str, output_format: str, output: str | None, raw: bool,
           min_confidence: float | None, background: bool, negated: bool,
           config: str | None) -> None:
    """Export a table of the database as JSONL, CSV or Parquet.

    `--table events` is the analyst's events table, the same as the web app's downloads and
    `dossier events --format csv`: per event its article (id, title, URL, outlet,
    publication date), date with precision and basis, PLOVER type, CAMEO code (text), parties,
    place, figures, confidence and the sentence. Read the CSV with the column types the
    README gives (pandas `dtype={"cameo": str, ...}`) so CAMEO "010" keeps its zero."""
    from .export import export_events, export_table
    from .runner import progress_enabled, with_progress
    from .store import Store, StoreError
    from .web.queries import Filters, QueryError

    if (raw or min_confidence is not None or background or negated) and table != "events":
        raise click.UsageError("--raw, --min-confidence, --background and --negated go with "
                               "--table events")
    settings = _settings_from({"config": config})
    try:
        store = Store(_db_path(db, settings), readonly=True)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc

    def write(text_out: Any = None, binary_out: Any = None) -> int:
        if table != "events" or raw:
            return export_table(store, table, output_format, text_out=text_out,
                                binary_out=binary_out)
        filters = Filters(min_confidence=min_confidence, include_background=background,
                          include_negated=negated)
        return export_events(store.conn, output_format, filters, text_out=text_out,
                             binary_out=binary_out, sort="date", order="asc",
                             progress=lambda rows: with_progress(
                                 rows, progress_enabled(settings.progress), " events"))

    with store:
        try:
            if output_format == "parquet":
                if output:
                    with open(output, "wb") as handle:
                        count = write(binary_out=handle)
                else:
                    count = write(binary_out=sys.stdout.buffer)
            elif output:
                with open(output, "w", encoding="utf-8", newline="") as handle:
                    count = write(text_out=handle)
            else:
                count = write(text_out=sys.stdout)
        except QueryError as exc:
            raise click.ClickException(str(exc)) from exc
    what = "events (the analyst's table)" if table == "events" and not raw else "rows"
    click.echo(f"{count} {what} exported from {table}", err=True)


def _date_option(value: str | None, param_hint: str) -> str | None:
    import re

    if value and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise click.BadParameter(f"not a date: {value!r} (YYYY, YYYY-MM or YYYY-MM-DD)",
                                 param_hint=param_hint)
    return value or None


def _read_connection(db: str | None) -> Any:
    from .store import Store, StoreError

    try:
        return Store(_db_path(db, load_settings()), readonly=True)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


@main.command()
@click.option("--db", envvar="DOSSIER_DB", help="Database file (default ./dossier.db).")
@click.option("--country", help="ISO3 code of the source's, target's or place's country.")
@click.option("--type", "event_type", help="PLOVER event type (ASSAULT, ACCUSE, CONSULT …).")
@click.option("--since", help="From this date on (YYYY[-MM[-DD]]; the event's date, else the "
              "article's).")
@click.option("--until", help="Up to this date, included.")
@click.option("--source-outlet", "outlet", help="Only articles of this outlet (as `dossier "
              "stats` lists them, e.g. Wikinews).")
@click.option("--actor", help="Source or target: a code (SYRGOV, USA) or part of a name.")
@click.option("--status", help="asserted, reported, alleged, denied, negated, future …")
@click.option("--location", help="The event's place, by name.")
@click.option("--search", "words", help="Only articles holding these words.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.5, show_default=True,
              help="Leave out events whose confidence is lower (0 shows all).")
@click.option("--background", is_flag=True, help="Also events recalled as background.")
@click.option("--negated", is_flag=True, help="Also events the text says did not or may only "
              "happen (negated, hypothetical; shown anyway when --status names one).")
@click.option("--sort", type=click.Choice(("date", "published", "type", "source", "target",
                                           "location", "status", "dead", "confidence",
                                           "outlet")), default="date", show_default=True)
@click.option("--order", type=click.Choice(("asc", "desc")), default="desc", show_default=True)
@click.option("--limit", type=click.IntRange(1), help="At most N events (default: 50 as a "
              "table, all as csv/jsonl).")
@click.option("--format", "output_format", type=click.Choice(("table", "csv", "jsonl")),
              default="table", show_default=True)
def events(db: str | None, country: str | None, event_type: str | None, since: str | None,
           until: str | None, outlet: str | None, actor: str | None, status: str | None,
           location: str | None, words: str | None, min_confidence: float, background: bool,
           negated: bool, sort: str, order: str, limit: int | None,
           output_format: str) -> None:
    """Query events with the web app's filters: a readable table, or the analyst's events
    table as CSV / JSON lines (the columns of `dossier export --table events`)."""
    from .events.patterns import PLOVER_TYPES
    from .export import EVENT_EXPORT_COLUMNS, csv_chunks, event_rows, jsonl_lines
    from .formatting import event_table_lines
    from .web.queries import Filters, QueryError, count_events

    if event_type and event_type.upper() not in PLOVER_TYPES:
        raise click.BadParameter(f"{event_type!r}: one of {', '.join(sorted(PLOVER_TYPES))}",
                                 param_hint="--type")
    filters = Filters(q=words, date_from=_date_option(since, "--since"),
                      date_to=_date_option(until, "--until"), actor=actor,
                      country=country.upper() if country else None,
                      type=event_type.upper() if event_type else None, status=status,
                      source=outlet, include_background=background,
                      include_negated=negated, location=location,
                      min_confidence=min_confidence or None)
    if limit is None and output_format == "table":
        limit = 50
    with _read_connection(db) as store:
        try:
            total = count_events(store.conn, filters)
            rows = event_rows(store.conn, filters, sort=sort, order=order, limit=limit)
            if output_format == "csv":
                pieces = csv_chunks(rows, EVENT_EXPORT_COLUMNS)
            elif output_format == "jsonl":
                pieces = jsonl_lines(rows)
            else:
                width = shutil.get_terminal_size((120, 24)).columns
                pieces = (line + "\n" for row in rows
                          for line in event_table_lines(row, width))
            for piece in pieces:
                sys.stdout.write(piece)
            hidden = (count_events(store.conn, replace(filters, min_confidence=None)) - total
                      if filters.min_confidence else 0)
        except QueryError as exc:
            raise click.ClickException(str(exc)) from exc
    shown = min(total, limit) if limit else total
    note = f"{shown} of {total} events"
    if hidden:
        note += (f" ({hidden} more below confidence {min_confidence:g}: --min-confidence 0 "
                 "shows them)")
    click.echo(note, err=True)


@main.command()
@click.option("--db", envvar="DOSSIER_DB", help="Database file (default ./dossier.db).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Count only events at least this confident.")
@click.option("--top", type=click.IntRange(1, 1000), default=15, show_default=True,
              help="How many countries, outlets and actors to list.")
@click.option("--format", "output_format", type=click.Choice(("text", "json")), default="text",
              show_default=True)
def stats(db: str | None, min_confidence: float, top: int, output_format: str) -> None:
    """Summarise a database: events by type, country, month and outlet, the top actors, and
    the share of events with a date and with a place."""
    from .formatting import stats_text
    from .web.queries import Filters, QueryError
    from .web.queries import stats as compute_stats

    with _read_connection(db) as store:
        try:
            found = compute_stats(store.conn, Filters(min_confidence=min_confidence or None),
                                  top=top)
        except QueryError as exc:
            raise click.ClickException(str(exc)) from exc
        path = store.path
    if output_format == "json":
        click.echo(json.dumps(found, ensure_ascii=False, indent=1))
    else:
        click.echo(stats_text(found, str(path)))


@main.command()
@click.argument("query")
@click.option("--db", envvar="DOSSIER_DB", help="Database file (default ./dossier.db).")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
def search(query: str, db: str | None, limit: int) -> None:
    """Full-text search over stored articles (SQLite FTS5 query syntax)."""
    import sqlite3

    from .store import Store, StoreError

    try:
        store = Store(_db_path(db, load_settings()), readonly=True)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    with store:
        try:
            hits = store.search(query, limit)
        except sqlite3.OperationalError as exc:
            raise click.UsageError(f"bad search query: {exc}") from exc
    for hit in hits:
        click.echo(f"{hit['published'] or '????-??-??'}  {hit['id'][:16]}  {hit['title']}")
        click.echo(f"    {hit['snippet']}")
    click.echo(f"{len(hits)} hits", err=True)


@main.command()
@click.option("--db", envvar="DOSSIER_DB", help="Database file (default ./dossier.db).")
@click.option("--about", help="Only threads with a claim by or about this actor (code, country "
              "or name, e.g. USA, MMRGOV, 'foreign ministry').")
@click.option("--search", "text", help="Only threads with a claim whose content holds this text.")
@click.option("--all", "every", is_flag=True,
              help="Also threads told in a single article (default: two articles or more).")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
def claims(db: str | None, about: str | None, text: str | None, every: bool,
           limit: int) -> None:
    """Claim threads across articles: each allegation with its denials, supports and the
    evidence cited, with dates and sources."""
    from .formatting import thread_text
    from .store import Store, StoreError

    try:
        store = Store(_db_path(db, load_settings()), readonly=True)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    with store:
        threads = store.find_threads(about=about, search=text, limit=limit,
                                     min_articles=1 if every else 2)
        for thread in threads:
            click.echo(thread_text(thread, store.thread_claims(thread["thread_id"])))
            click.echo("")
    click.echo(f"{len(threads)} threads", err=True)


@main.command()
@click.argument("name", required=False)
@click.option("--gold", type=click.Path(exists=True), help="Gold file (default: shared data).")
@click.option("--limit", type=click.IntRange(1), help="Score only the first N cases.")
@click.option("--check-floors", is_flag=True,
              help="Exit 1 when a metric falls below its recorded floor (the CI gate).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--list", "list_only", is_flag=True, help="List the evaluators.")
@pipeline_options
def evaluate(name: str | None, gold: str | None, limit: int | None, check_floors: bool,
             as_json: bool, list_only: bool, settings: Settings) -> None:
    """Score the pipeline against a gold set and print P/R/F1 tables."""
    from .evaluate import EvaluationError, evaluator_names, get_evaluator, resolve_gold
    from .evaluate import check_floors as floors_of

    names = evaluator_names()
    if list_only or not name:
        for known in names:
            click.echo(f"{known:12} {get_evaluator(known).description}")
        return
    try:
        evaluator = get_evaluator(name)
        gold_path = resolve_gold(evaluator, gold)
        pipeline = _build_pipeline(settings)
        report = evaluator.evaluate(pipeline, gold_path, limit)
    except EvaluationError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(report.as_dict(), indent=1) if as_json else report.table())
    if check_floors:
        checks = floors_of(report)
        for check in checks:
            click.echo(check.line(), err=True)
        if not all(check.ok for check in checks):
            sys.exit(1)


@main.command()
@pipeline_options
def info(settings: Settings) -> None:
    """Show the version, the settings in force and the model that would load."""
    from .nlp import ModelNotFoundError, resolve_model_name

    try:
        model = resolve_model_name(settings.model)
    except ModelNotFoundError as exc:
        model = f"none ({exc})"
    click.echo(f"newsdossier {__version__}")
    click.echo(f"model: {model}")
    for key in settings.__class__.__dataclass_fields__:
        click.echo(f"{key}: {getattr(settings, key)}")


if __name__ == "__main__":
    main()
