"""Local parallelism benchmark: `dossier ingest --workers N` against `--workers 1`.

    .venv/bin/python benchmarks/parallel.py [--corpus wikinews --corpus bbc] [--limit N]
                                            [--workers 2] [--repeat 1]

Each run is the real CLI in a subprocess (model loading, reading, extraction and the store's
writes all included) into a fresh database, on the same corpora, in the same invocation; the
figure that matters is the speed-up (one-worker time / N-worker time). It also checks that
the runs stored the same events, and reports per-core throughput, the number behind the
README's articles-per-day estimate. Results go to stdout and benchmarks/results/parallel.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import corpus_path

RESULTS = Path(__file__).resolve().parent / "results"


def limited_corpus(names: list[str], limit: int | None, folder: Path) -> tuple[Path, int, int]:
    """One JSONL of the corpora (each cut to `limit` articles); with its articles and chars."""
    target = folder / "corpus.jsonl"
    count = chars = 0
    with target.open("w", encoding="utf-8") as out:
        for name in names:
            with corpus_path(name).open(encoding="utf-8") as handle:
                taken = 0
                for line in handle:
                    if not line.strip():
                        continue
                    row = json.loads(line)
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
                    count, chars, taken = count + 1, chars + len(row.get("text", "")), taken + 1
                    if limit and taken >= limit:
                        break
    return target, count, chars


def timed_ingest(corpus: Path, db: Path, workers: int, engine: str = "local") -> float:
    command = [sys.executable, "-m", "newsdossier.cli", "ingest", "--db", str(db),
               "--workers", str(workers), "--engine", engine, str(corpus)]
    environment = {**os.environ, "DOSSIER_PROGRESS": "never"}
    start = time.perf_counter()
    subprocess.run(command, check=True, env=environment, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def timed_load(shards: Path, db: Path) -> float:
    """`dossier load` of finished shards into a fresh database: the store's write rate."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newsdossier.cli", "load", str(shards), "--db",
                    str(db)], check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def stored_events(db: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT article_id, event_id, type, cameo, source_name, target_name, status, "
            "location_name, date, cluster_id FROM events ORDER BY article_id, event_id"
        ).fetchall()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", action="append", help="wikinews, bbc or a JSONL path")
    parser.add_argument("--limit", type=int, help="articles taken from each corpus")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1, help="runs per setting; best is kept")
    parser.add_argument("--ray", action="store_true",
                        help="also time --engine ray (a local Ray instance, N actors)")
    args = parser.parse_args()
    names = args.corpus or ["wikinews", "bbc"]
    with tempfile.TemporaryDirectory() as folder:
        corpus, articles, chars = limited_corpus(names, args.limit, Path(folder))
        times: dict[int, float] = {}
        events: dict[int, list[tuple[Any, ...]]] = {}
        for _ in range(args.repeat):
            for workers in (1, args.workers):
                db = Path(folder) / f"w{workers}.db"
                for suffix in ("", "-wal", "-shm"):
                    Path(str(db) + suffix).unlink(missing_ok=True)
                elapsed = timed_ingest(corpus, db, workers)
                times[workers] = min(elapsed, times.get(workers, elapsed))
                events[workers] = stored_events(db)
            if args.ray:
                db = Path(folder) / f"ray-{len(times)}.db"
                elapsed = timed_ingest(corpus, db, args.workers, "ray")
                times[-1] = min(elapsed, times.get(-1, elapsed))
                events[-1] = stored_events(db)
                times[-2] = min(timed_load(Path(f"{db}.shards"), Path(folder) / "load.db"),
                                times.get(-2, float("inf")))
    speedup = times[1] / times[args.workers]
    result = {
        "corpora": names, "articles": articles, "characters": chars,
        "workers": args.workers, "cores": os.cpu_count(),
        "seconds_one_worker": round(times[1], 2),
        "seconds_n_workers": round(times[args.workers], 2),
        "speedup": round(speedup, 3),
        "articles_per_second_per_core": round(articles / times[args.workers] / args.workers, 3),
        "identical_events": events[1] == events[args.workers],
        "events": len(events[1]),
    }
    if args.ray:
        result["seconds_ray"] = round(times[-1], 2)
        result["ray_speedup"] = round(times[1] / times[-1], 3)
        result["ray_articles_per_second_per_core"] = round(
            articles / times[-1] / args.workers, 3)
        result["ray_identical_events"] = events[-1] == events[1]
        result["seconds_load"] = round(times[-2], 2)
        result["load_records_per_second"] = round(articles / times[-2], 1)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "parallel.json").write_text(json.dumps(result, indent=1) + "\n")
    print(f"corpora {'+'.join(names)}: {articles} articles, {chars:,} characters")
    print(f"ingest, 1 worker:  {times[1]:7.1f} s  ({articles / times[1]:.2f} articles/s)")
    print(f"ingest, {args.workers} workers: {times[args.workers]:7.1f} s  "
          f"({articles / times[args.workers]:.2f} articles/s)")
    print(f"speed-up {speedup:.2f}× with {args.workers} workers on {os.cpu_count()} cores; "
          f"per core {result['articles_per_second_per_core']} articles/s")
    print(f"same {len(events[1])} events stored by both: {result['identical_events']}")
    if args.ray:
        print(f"ingest --engine ray, {args.workers} actors: {times[-1]:7.1f} s  (speed-up "
              f"{result['ray_speedup']:.2f}×, per core "
              f"{result['ray_articles_per_second_per_core']} articles/s; same events: "
              f"{result['ray_identical_events']})")
        print(f"dossier load of its shards into a fresh database: {times[-2]:.1f} s "
              f"({result['load_records_per_second']} records/s)")


if __name__ == "__main__":
    main()
