"""Throughput benchmark: `dossier extract` against bare spaCy parsing of the same texts.

    .venv/bin/python benchmarks/run.py [--corpus wikinews|bbc|PATH] [--limit N] [--repeat N]

Both sides run in this process on the same texts, model and batch size, after a warm-up;
the figure that matters is the ratio (pipeline throughput / bare `nlp.pipe` throughput).
A third run leaves out the stages under study (`--without`, default quotes and claims) and
prints what they add to extract time, measured the same way. The real CLI is then timed end
to end in a subprocess (model loading included). Results go to stdout and to
benchmarks/results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsdossier.evaluate import find_shared_dir
from newsdossier.ingest import ItemError, RawItem, build_article
from newsdossier.model import Article
from newsdossier.pipeline import Pipeline
from newsdossier.settings import load_settings

CORPORA = {
    "wikinews": "data/corpus/wikinews/wikinews.jsonl",
    "bbc": "data/corpus/bbc/bbc.jsonl",
}
RESULTS = Path(__file__).resolve().parent / "results"


def corpus_path(name: str) -> Path:
    if Path(name).is_file():
        return Path(name)
    shared = find_shared_dir()
    if shared is None:
        sys.exit("benchmark: ../shared is absent; pass a JSONL corpus path")
    return shared / CORPORA[name]


def load_rows(path: Path, limit: int | None) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    return rows


def to_articles(rows: list[dict[str, Any]], max_chars: int) -> list[Article]:
    articles = []
    for number, row in enumerate(rows):
        item = RawItem(origin=str(number), text=row["text"], id=row.get("id"),
                       title=row.get("title"), published=row.get("published") or row.get("date"))
        article = build_article(item, max_chars)
        if not isinstance(article, ItemError):
            articles.append(article)
    return articles


def timed(run: Callable[[], int], repeat: int) -> tuple[float, int]:
    """Best wall time over `repeat` runs, and what the run counted."""
    best, count = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = run()
        best = min(best, time.perf_counter() - start)
    return best, count


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def run_cli(path: Path, limit: int | None) -> dict[str, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
        for row in load_rows(path, limit):
            handle.write(json.dumps({"text": row["text"], "title": row.get("title"),
                                     "published": row.get("published") or row.get("date")})
                         + "\n")
        corpus = handle.name
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newsdossier.cli", "extract", corpus],
                   stdout=subprocess.DEVNULL, check=True, env={**os.environ,
                                                               "DOSSIER_PROGRESS": "never"})
    elapsed = time.perf_counter() - start
    os.unlink(corpus)
    return {"seconds": elapsed, "peak_rss_mb": peak_rss_mb(resource.RUSAGE_CHILDREN)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="wikinews")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--no-cli", action="store_true", help="skip the subprocess CLI timing")
    parser.add_argument("--without", default="quotes,claims",
                        help="stages whose added cost to time (comma-separated)")
    args = parser.parse_args()

    path = corpus_path(args.corpus)
    settings = load_settings()
    pipeline = Pipeline(settings)
    nlp, batch = pipeline.nlp, settings.batch_size
    rows = load_rows(path, args.limit)
    articles = to_articles(rows, settings.max_article_chars)
    texts = [a.text for a in articles]
    chars = sum(len(t) for t in texts)
    words = sum(len(t.split()) for t in texts)
    list(pipeline.pipe(articles[:5]))  # warm-up: lazy tables, caches

    def bare() -> int:
        return sum(1 for _ in nlp.pipe(texts, batch_size=batch))

    def extract_with(chosen: Pipeline) -> Callable[[], int]:
        def run() -> int:
            fresh = to_articles(rows, settings.max_article_chars)  # normalisation counts
            return sum(len(json.dumps(r.to_dict(), ensure_ascii=False))
                       for r in chosen.pipe(fresh)) and len(fresh)
        return run

    left_out = [name for name in args.without.split(",") if name in pipeline.stage_names]
    reduced = Pipeline(settings, nlp=nlp,
                       stages=[n for n in pipeline.stage_names if n not in left_out])
    list(reduced.pipe(articles[:5]))
    bare_s, _ = timed(bare, args.repeat)
    full_s, _ = timed(extract_with(pipeline), args.repeat)
    reduced_s, _ = timed(extract_with(reduced), args.repeat)
    result: dict[str, Any] = {
        "corpus": str(path), "articles": len(articles), "characters": chars, "words": words,
        "model": nlp.meta.get("name"), "stages": pipeline.stage_names, "batch_size": batch,
        "bare_spacy": {"seconds": round(bare_s, 3), "articles_per_s": round(len(texts) / bare_s, 2),
                       "words_per_s": round(words / bare_s)},
        "pipeline": {"seconds": round(full_s, 3), "articles_per_s": round(len(texts) / full_s, 2),
                     "words_per_s": round(words / full_s)},
        "ratio_pipeline_to_bare": round(bare_s / full_s, 3),
        "without": {"stages": left_out, "seconds": round(reduced_s, 3),
                    "articles_per_s": round(len(texts) / reduced_s, 2),
                    "words_per_s": round(words / reduced_s),
                    "ratio_to_bare": round(bare_s / reduced_s, 3),
                    "added_share": round(full_s / reduced_s - 1, 3)},
        "peak_rss_mb_in_process": round(peak_rss_mb(), 1),
    }
    if not args.no_cli:
        cli = run_cli(path, args.limit)
        result["cli_extract"] = {
            "seconds": round(cli["seconds"], 3),
            "articles_per_s": round(len(texts) / cli["seconds"], 2),
            "peak_rss_mb": round(cli["peak_rss_mb"], 1),
            "ratio_to_bare_spacy": round(bare_s / cli["seconds"], 3),
        }
    print_table(result)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(result, indent=1) + "\n")


def print_table(result: dict[str, Any]) -> None:
    print(f"corpus {result['corpus']}: {result['articles']} articles, "
          f"{result['words']:,} words; model {result['model']}; batch {result['batch_size']}")
    print(f"stages: {', '.join(result['stages'])}")
    print(f"{'run':<28}{'seconds':>9}{'articles/s':>12}{'words/s':>10}{'ratio':>8}")
    for label, key in (("bare spaCy nlp.pipe", "bare_spacy"), ("newsdossier pipeline", "pipeline")):
        row = result[key]
        ratio = 1.0 if key == "bare_spacy" else result["ratio_pipeline_to_bare"]
        print(f"{label:<28}{row['seconds']:>9.2f}{row['articles_per_s']:>12.1f}"
              f"{row['words_per_s']:>10,}{ratio:>8.3f}")
    without = result["without"]
    label = "  without " + ", ".join(without["stages"])
    print(f"{label:<28}{without['seconds']:>9.2f}{without['articles_per_s']:>12.1f}"
          f"{without['words_per_s']:>10,}{without['ratio_to_bare']:>8.3f}")
    print(f"{', '.join(without['stages'])} add {without['added_share']:.1%} to extract time")
    if "cli_extract" in result:
        cli = result["cli_extract"]
        print(f"{'dossier extract (CLI, cold)':<28}{cli['seconds']:>9.2f}"
              f"{cli['articles_per_s']:>12.1f}{'':>10}{cli['ratio_to_bare_spacy']:>8.3f}"
              f"   peak RSS {cli['peak_rss_mb']:.0f} MB")
    print(f"peak RSS in process: {result['peak_rss_mb_in_process']:.0f} MB")


if __name__ == "__main__":
    main()
