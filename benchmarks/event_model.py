"""What the learned event model costs: CPU seconds of bare parsing, of the pipeline with
the model off and on, and of the model's own review of every sentence.

    .venv/bin/python benchmarks/event_model.py [--corpus wikinews|bbc|PATH] [--limit N]

CPU time of this process (`time.process_time`), not wall time: on a shared machine other
processes change wall time a lot and CPU time little. Prints one line per measure.
"""

from __future__ import annotations

import argparse
import resource
import time
from collections.abc import Callable

from newsdossier.events import learned
from newsdossier.pipeline import Pipeline
from newsdossier.settings import load_settings
from run import corpus_path, load_rows, to_articles  # benchmarks/run.py


def cpu(work: Callable[[], object]) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="wikinews")
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    settings = load_settings()
    articles = to_articles(load_rows(corpus_path(args.corpus), args.limit),
                           settings.max_article_chars)
    words = sum(len(a.text.split()) for a in articles)
    off = Pipeline(settings.with_overrides(event_model="off"))
    on = Pipeline(settings.with_overrides(event_model="on"), nlp=off.nlp)
    texts = [a.text for a in articles]
    list(off.nlp.pipe(texts[:20]))  # warm-up

    spent = [0.0]
    review = learned.revise

    def timed_revise(*args: object, **kwargs: object) -> object:
        started = time.process_time()
        try:
            return review(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            spent[0] += time.process_time() - started

    bare = cpu(lambda: list(off.nlp.pipe(texts, batch_size=settings.batch_size)))
    without = cpu(lambda: list(off.pipe(articles)))
    import newsdossier.events.coder as coder

    coder.revise = timed_revise  # type: ignore[assignment]
    with_model = cpu(lambda: list(on.pipe(articles)))
    coder.revise = review  # type: ignore[assignment]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {args.corpus}, {len(articles)} articles, {words} words")
    print(f"bare spaCy parse: {bare:.1f} CPU s")
    print(f"pipeline, event_model off: {without:.1f} CPU s (ratio {bare / without:.3f})")
    print(f"pipeline, event_model on: {with_model:.1f} CPU s (ratio {bare / with_model:.3f})")
    print(f"model review inside it: {spent[0]:.2f} CPU s ({100 * spent[0] / bare:.1f}% of the "
          f"bare parse); peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
