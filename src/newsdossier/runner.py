"""Orchestration shared by the CLI and the Python API: inputs → Articles → Records → sinks."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TextIO, TypeVar

from .ingest import ItemError, ItemStored, ItemWarning, build_article, read_items
from .model import Article, Record
from .pipeline import Pipeline, StageError
from .settings import Settings
from .store import Store

Report = Callable[[str], None]
T = TypeVar("T")
# A built pipeline, or a way to build one when it is first needed: with several workers the
# parent may never need its own (each worker builds one from the settings).
PipelineSource = Pipeline | Callable[[], Pipeline]


def report_to_stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


@dataclass
class Summary:
    new: int = 0
    already_stored: int = 0
    failed: int = 0
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        return f"{self.new} new, {self.already_stored} already stored, {self.failed} failed"


def with_progress(items: Iterable[T], enabled: bool, unit: str) -> Iterable[T]:
    """The same items, counted on a progress bar on stderr when enabled."""
    if not enabled:
        return items
    from tqdm import tqdm

    return tqdm(items, unit=unit, file=sys.stderr, dynamic_ncols=True, smoothing=0.1)


def progress_enabled(setting: str, stream: TextIO = sys.stderr) -> bool:
    if setting == "always":
        return True
    if setting == "never":
        return False
    return stream.isatty()


def iter_articles(
    paths: Iterable[str],
    settings: Settings,
    summary: Summary,
    report: Report,
    input_format: str | None = None,
    overrides: dict[str, str | None] | None = None,
    is_stored: Callable[[str], bool] | None = None,
) -> Iterator[tuple[Article, str]]:
    """Articles (with the origin naming each) from the inputs; failures counted and reported."""
    for item in read_items(paths, settings, input_format, is_stored):
        if isinstance(item, ItemStored):
            summary.already_stored += 1
            continue
        if isinstance(item, ItemWarning):
            report(str(item))
            continue
        if isinstance(item, ItemError):
            _fail(summary, report, str(item))
            continue
        article = build_article(item, settings.max_article_chars)
        if isinstance(article, ItemError):
            _fail(summary, report, str(article))
            continue
        for key, value in (overrides or {}).items():
            if value is not None:
                setattr(article, key, value)
        yield article, item.origin


def _fail(summary: Summary, report: Report, line: str) -> None:
    summary.failed += 1
    summary.failures.append(line)
    report(line)


def run_pipeline(
    pairs: Iterable[tuple[Article, str]],
    pipeline: PipelineSource,
    summary: Summary,
    report: Report,
    workers: int = 1,
    settings: Settings | None = None,
) -> Iterator[tuple[Record, str]]:
    """Records in input order; with workers > 1 each worker process builds its pipeline from
    `settings` (stages by registered name), so the results equal one worker's."""
    for result, origin in _results(pairs, pipeline, workers, settings):
        if isinstance(result, StageError):
            _fail(summary, report, f"{origin}: {result}")
            continue
        yield result, origin


def _results(
    pairs: Iterable[tuple[Article, str]],
    pipeline: PipelineSource,
    workers: int,
    settings: Settings | None,
) -> Iterator[tuple[Record | StageError, str]]:
    if workers <= 1 and isinstance(pipeline, Pipeline):
        return pipeline.pipe_with_context(pairs)
    from .parallel import extract_in_workers

    return extract_in_workers(pairs, _settings_of(pipeline, settings), workers,
                              _builder(pipeline))


def _builder(pipeline: PipelineSource) -> Callable[[], Pipeline]:
    if isinstance(pipeline, Pipeline):
        return lambda: pipeline
    return pipeline


def _settings_of(pipeline: PipelineSource, settings: Settings | None) -> Settings:
    if settings is not None:
        return settings
    if isinstance(pipeline, Pipeline):
        return pipeline.settings
    raise ValueError("settings are needed when the pipeline is built later")


def extract_paths(
    paths: Iterable[str],
    pipeline: PipelineSource,
    summary: Summary,
    report: Report = report_to_stderr,
    input_format: str | None = None,
    overrides: dict[str, str | None] | None = None,
    workers: int = 1,
    settings: Settings | None = None,
) -> Iterator[Record]:
    """Records for every article in the inputs, in input order."""
    settings = _settings_of(pipeline, settings)
    pairs = iter_articles(paths, settings, summary, report, input_format, overrides)
    for record, _ in run_pipeline(pairs, pipeline, summary, report, workers, settings):
        yield record


def _unstored(
    paths: Iterable[str],
    settings: Settings,
    store: Store,
    summary: Summary,
    report: Report,
    input_format: str | None,
) -> Iterator[tuple[Article, str]]:
    """The inputs' articles not in the store yet; the others are counted as already stored."""
    for article, origin in iter_articles(paths, settings, summary, report, input_format,
                                         is_stored=store.has_article):
        if store.has_article(article.id):
            summary.already_stored += 1
        else:
            yield article, origin


def ingest_paths(
    paths: Iterable[str],
    store: Store,
    pipeline: PipelineSource,
    report: Report = report_to_stderr,
    progress: bool = False,
    input_format: str | None = None,
    workers: int = 1,
    settings: Settings | None = None,
) -> Summary:
    """Extract and store every article not stored yet; each article commits on its own, so a
    killed run loses at most the articles in flight and a re-run picks up where it stopped.
    Only this process writes the store, in input order, whatever the number of workers."""
    summary = Summary()
    settings = _settings_of(pipeline, settings)

    unseen = _unstored(paths, settings, store, summary, report, input_format)
    records = run_pipeline(unseen, pipeline, summary, report, workers, settings)
    for record, origin in with_progress(records, progress, " articles"):
        if store.add_record(record, origin):
            summary.new += 1
        else:
            summary.already_stored += 1
    return summary


def ingest_with_ray(
    paths: list[str],
    store: Store,
    settings: Settings,
    shards: str,
    address: str | None = None,
    workers: int = 0,
    report: Report = report_to_stderr,
    progress: bool = False,
    input_format: str | None = None,
) -> Summary:
    """The Ray engine: plan the unstored articles as Parquet shards in `shards`, extract them
    on the cluster round by round, then load the records into the store in input order. A
    killed run, re-run with the same inputs and shards, redoes only the unfinished round."""
    from .cluster import run_ray
    from .shards import Layout, load, plan

    summary = Summary()
    layout = Layout.open(shards)

    unseen = _unstored(paths, settings, store, summary, report, input_format)
    plan(layout, unseen, _job_inputs(paths), settings.shard_articles)
    run_ray(layout, settings, address, workers, report, progress)
    loaded = load(layout, store, report,
                  lambda rows: with_progress(rows, progress, " records"))
    summary.new += loaded.new
    summary.already_stored += loaded.already_stored
    summary.failed += loaded.failed
    return summary


def _job_inputs(paths: list[str]) -> list[str]:
    from pathlib import Path

    return [p if "://" in p or p == "-" else str(Path(p).resolve()) for p in paths]
