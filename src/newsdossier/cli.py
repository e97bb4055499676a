"""The `dossier` command line."""

from __future__ import annotations

import functools
import json
import sys
from collections import Counter
from collections.abc import Callable
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
        lines.append(f"    {row['published'] or '????-??-??'}  {row['source'] or '?':<20}  "
                     f"{row['title']}")
    lines.append(f"  next: dossier claims --db {path}")
    lines.append(f"        dossier export --db {path} --table events --format csv")
    lines.append(f"        dossier export --db {path} --table places --format csv")
    lines.append(f"        dossier extract --format pretty {_demo_corpus()}")
    return "\n".join(lines)


@main.command()
@click.option("--db", envvar="DOSSIER_DB", help="Database file (default ./dossier.db).")
@click.option("--table", required=True,
              type=click.Choice(("articles", "actors", "events", "quotes", "claims", "places",
                                 "quantities", "dates", "event_clusters")))
@click.option("--format", "output_format", type=click.Choice(("jsonl", "csv", "parquet")),
              default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Output file (default stdout; parquet needs a file or a pipe).")
@click.option("--config", type=click.Path(dir_okay=False), help="Settings file (TOML).")
def export(db: str | None, table: str, output_format: str, output: str | None,
           config: str | None) -> None:
    """Export a table of the database as JSONL, CSV or Parquet."""
    from .export import export_table
    from .store import Store, StoreError

    settings = _settings_from({"config": config})
    try:
        store = Store(_db_path(db, settings), readonly=True)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    with store:
        if output_format == "parquet":
            if output:
                with open(output, "wb") as handle:
                    count = export_table(store, table, "parquet", binary_out=handle)
            else:
                count = export_table(store, table, "parquet", binary_out=sys.stdout.buffer)
        elif output:
            with open(output, "w", encoding="utf-8", newline="") as handle:
                count = export_table(store, table, output_format, text_out=handle)
        else:
            count = export_table(store, table, output_format, text_out=sys.stdout)
    click.echo(f"{count} rows exported from {table}", err=True)


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
