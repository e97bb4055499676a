"""Local parallelism: the pipeline in N worker processes, each loading the spaCy model once.

The parent reads the inputs and writes the store; workers only parse and extract. Work goes
out in chunks of `batch_size` articles with at most `2 × workers` chunks in flight, so memory
stays bounded however long the input is, and results come back in input order, so a run with
N workers stores exactly what a run with one stores.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import TypeVar

from .model import Article, Record
from .pipeline import Pipeline, StageError
from .settings import Settings

T = TypeVar("T")
Result = Record | StageError


class WorkerError(RuntimeError):
    """A worker could not start (bad model or dictionary) or died mid-run."""


def resolve_workers(requested: int) -> int:
    """`requested`, or the cores this process may use when it is 0 (the default, "auto")."""
    if requested > 0:
        return requested
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# --- inside a worker ---------------------------------------------------------------------------

_pipeline: Pipeline | None = None
_startup_error: str | None = None


def _start_worker(settings: Settings, parent_pid: int) -> None:
    global _pipeline, _startup_error
    _exit_with_parent(parent_pid)
    try:
        _pipeline = Pipeline(settings)
    except Exception as exc:  # reported to the parent with the first chunk
        _startup_error = f"{type(exc).__name__}: {exc}"


def _exit_with_parent(parent_pid: int) -> None:
    """A worker whose parent was killed (kill -9 included) must not linger holding memory."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


def _extract_chunk(articles: list[Article]) -> list[Result]:
    if _startup_error is not None or _pipeline is None:
        raise WorkerError(_startup_error or "worker pipeline missing")
    pairs = ((article, None) for article in articles)
    return [result for result, _ in _pipeline.pipe_with_context(pairs, len(articles))]


# --- in the parent -----------------------------------------------------------------------------


def _chunks(pairs: Iterable[tuple[Article, T]], size: int) -> Iterator[list[tuple[Article, T]]]:
    iterator = iter(pairs)
    while chunk := list(islice(iterator, size)):
        yield chunk


def extract_in_workers(
    pairs: Iterable[tuple[Article, T]],
    settings: Settings,
    workers: int,
    local_pipeline: Callable[[], Pipeline],
) -> Iterator[tuple[Result, T]]:
    """Records for the articles, in input order, from `workers` processes.

    An input too short to keep the workers busy (fewer than two chunks per worker) is
    extracted in this process with `local_pipeline()`, which saves starting the workers.
    """
    size = settings.batch_size
    chunks = _chunks(pairs, size)
    first = list(islice(chunks, 2 * workers))
    everything = chain(first, chunks)
    if workers <= 1 or len(first) < 2 * workers:
        pipeline = local_pipeline()
        yield from pipeline.pipe_with_context(chain.from_iterable(everything), size)
        return
    yield from _pooled(everything, settings, workers)


def _pooled(
    chunks: Iterable[list[tuple[Article, T]]], settings: Settings, workers: int
) -> Iterator[tuple[Result, T]]:
    context = multiprocessing.get_context("spawn")
    pending: deque[tuple[Future[list[Result]], list[T]]] = deque()
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                             initargs=(settings, os.getpid())) as pool:
        try:
            for chunk in chunks:
                articles = [article for article, _ in chunk]
                pending.append((pool.submit(_extract_chunk, articles), [c for _, c in chunk]))
                if len(pending) >= 2 * workers:
                    yield from _collect(pending.popleft())
            while pending:
                yield from _collect(pending.popleft())
        except BrokenProcessPool as exc:
            raise WorkerError("a worker process died (out of memory or killed?); what was "
                              "stored so far is kept and a re-run resumes") from exc
        finally:
            for future, _ in pending:
                future.cancel()


def _collect(entry: tuple[Future[list[Result]], list[T]]) -> Iterator[tuple[Result, T]]:
    future, contexts = entry
    yield from zip(future.result(), contexts, strict=True)
