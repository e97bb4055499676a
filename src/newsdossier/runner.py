"""Orchestration shared by the CLI and the Python API: inputs → Articles → Records → sinks."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TextIO, TypeVar

from .ingest import ItemError, ItemWarning, build_article, read_items
from .model import Article, Record
from .pipeline import Pipeline, StageError
from .store import Store

Report = Callable[[str], None]
T = TypeVar("T")


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
    pipeline: Pipeline,
    summary: Summary,
    report: Report,
    input_format: str | None = None,
    overrides: dict[str, str | None] | None = None,
) -> Iterator[tuple[Article, str]]:
    """Articles (with the origin naming each) from the inputs; failures counted and reported."""
    settings = pipeline.settings
    for item in read_items(paths, settings, input_format):
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
    pairs: Iterable[tuple[Article, str]], pipeline: Pipeline, summary: Summary, report: Report
) -> Iterator[tuple[Record, str]]:
    for result, origin in pipeline.pipe_with_context(pairs):
        if isinstance(result, StageError):
            _fail(summary, report, f"{origin}: {result}")
            continue
        yield result, origin


def extract_paths(
    paths: Iterable[str],
    pipeline: Pipeline,
    summary: Summary,
    report: Report = report_to_stderr,
    input_format: str | None = None,
    overrides: dict[str, str | None] | None = None,
) -> Iterator[Record]:
    """Records for every article in the inputs, in input order."""
    pairs = iter_articles(paths, pipeline, summary, report, input_format, overrides)
    for record, _ in run_pipeline(pairs, pipeline, summary, report):
        yield record


def ingest_paths(
    paths: Iterable[str],
    store: Store,
    pipeline: Pipeline,
    report: Report = report_to_stderr,
    progress: bool = False,
    input_format: str | None = None,
) -> Summary:
    """Extract and store every article not stored yet; each article commits on its own, so a
    killed run loses at most the article in flight and a re-run picks up where it stopped."""
    summary = Summary()

    def unseen() -> Iterator[tuple[Article, str]]:
        for article, origin in iter_articles(paths, pipeline, summary, report, input_format):
            if store.has_article(article.id):
                summary.already_stored += 1
            else:
                yield article, origin

    records = run_pipeline(unseen(), pipeline, summary, report)
    for record, origin in with_progress(records, progress, " articles"):
        if store.add_record(record, origin):
            summary.new += 1
        else:
            summary.already_stored += 1
    return summary
