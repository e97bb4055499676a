"""`--workers N`: the same records as one worker, bounded memory, clear failures, resumable."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from newsdossier.model import Article
from newsdossier.parallel import WorkerError, extract_in_workers, resolve_workers
from newsdossier.pipeline import Pipeline
from newsdossier.runner import Summary, ingest_paths
from newsdossier.settings import load_settings
from newsdossier.store import Store

DEMO = Path(str(resources.files("newsdossier").joinpath("demo/articles.jsonl")))
TABLES = {
    "events": "article_id, event_id, type, cameo, source_name, target_name, status, "
              "location_name, date, trigger_start, cluster_id",
    "quotes": "article_id, quote_id, speaker_name, content_start, content_end",
    "claims": "article_id, claim_id, stance, claimant_name, thread_id",
    "articles": "id, story_id",
}


def _rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db) as connection:
        return {table: connection.execute(
            f"SELECT {columns} FROM {table} ORDER BY 1, 2").fetchall()
            for table, columns in TABLES.items()}


def _demo_rows(count: int) -> list[str]:
    """The demo corpus, repeated with new ids and small edits until it has `count` rows."""
    base = [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    rows = []
    for number in range(count):
        row = dict(base[number % len(base)])
        row["id"] = f"copy-{number}"
        if number >= len(base):
            row["text"] = row["text"] + f"\n\nUpdated {number} times."
        rows.append(json.dumps(row))
    return rows


def test_auto_workers_is_the_usable_cores():
    assert resolve_workers(3) == 3
    assert resolve_workers(0) == len(os.sched_getaffinity(0))


def test_two_workers_store_exactly_what_one_stores(tmp_path: Path):
    settings = load_settings().with_overrides(batch_size=2)
    stored = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        with Store(db) as store:
            summary = ingest_paths([str(DEMO)], store, lambda: Pipeline(settings),
                                   workers=workers, settings=settings)
        assert summary.line() == "16 new, 0 already stored, 0 failed"
        stored[workers] = _rows(db)
    assert stored[1]["events"] and stored[1]["claims"]
    assert stored[1] == stored[2]


def _counted(articles: list[Article], taken: list[int]) -> Iterator[tuple[Article, int]]:
    for number, article in enumerate(articles):
        taken.append(number)
        yield article, number


def test_workers_read_ahead_only_a_few_chunks(tmp_path: Path):
    settings = load_settings().with_overrides(batch_size=2, stages=("sentences",))
    articles = [Article(id=f"a{n}", text=f"Item {n}. The council met on Monday.")
                for n in range(60)]
    taken: list[int] = []
    built: list[Pipeline] = []
    seen = []
    for record, number in extract_in_workers(_counted(articles, taken), settings, 2,
                                             lambda: built.append(Pipeline(settings))):
        seen.append(number)
        # chunks of 2, at most 2 × 2 in flight, plus the one being handed out
        assert len(taken) - len(seen) <= 2 * (2 * 2 + 1)
        assert record.article.id == f"a{number}"
    assert seen == list(range(60))
    assert not built  # long enough for the workers: no pipeline in this process


def test_short_inputs_run_in_this_process():
    settings = load_settings().with_overrides(batch_size=4, stages=("sentences",))
    articles = [Article(id=f"s{n}", text="A short note.") for n in range(5)]
    built: list[Pipeline] = []

    def local() -> Pipeline:
        built.append(Pipeline(settings))
        return built[-1]

    results = list(extract_in_workers(((a, None) for a in articles), settings, 2, local))
    assert [r.article.id for r, _ in results] == [a.id for a in articles]
    assert len(built) == 1


def test_a_worker_that_cannot_start_is_one_clear_error():
    settings = load_settings().with_overrides(batch_size=1, model="no_such_model_pkg")
    articles = ((Article(id=f"x{n}", text="Text."), None) for n in range(8))
    with pytest.raises(WorkerError, match="no_such_model_pkg"):
        list(extract_in_workers(articles, settings, 2, lambda: pytest.fail("not local")))


def test_cli_workers_flag_and_bad_model(tmp_path: Path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(_demo_rows(8)) + "\n", encoding="utf-8")
    base = [sys.executable, "-m", "newsdossier.cli", "ingest", "--db", str(tmp_path / "x.db"),
            "--batch-size", "1", "--workers", "2"]
    bad = subprocess.run([*base, "--model", "no_such_model_pkg", str(corpus)],
                         capture_output=True, text=True, timeout=300)
    assert bad.returncode == 1
    assert bad.stderr.strip().splitlines()[-1].startswith("Error: ")
    assert "no_such_model_pkg" in bad.stderr and "Traceback" not in bad.stderr
    good = subprocess.run([*base, str(corpus)], capture_output=True, text=True, timeout=300)
    assert good.returncode == 0 and "8 new, 0 already stored, 0 failed" in good.stderr


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _stored_articles(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as connection:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0


@pytest.mark.parametrize("workers", [1, 2])
def test_kill_minus_nine_then_rerun_completes_without_duplicates(tmp_path: Path, workers: int):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(_demo_rows(40)) + "\n", encoding="utf-8")
    killed, reference = tmp_path / "killed.db", tmp_path / "reference.db"
    command = [sys.executable, "-m", "newsdossier.cli", "ingest", "--batch-size", "2",
               "--workers", str(workers), str(corpus)]
    environment = {**os.environ, "DOSSIER_PROGRESS": "never"}
    run = subprocess.Popen([*command, "--db", str(killed)], env=environment,
                           stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    while _stored_articles(killed) < 6 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert run.poll() is None, "the run ended before it could be killed"
    workers_before = _children(run.pid)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    run.stderr.close()  # type: ignore[union-attr]
    partial = _stored_articles(killed)
    assert 6 <= partial < 40

    deadline = time.monotonic() + 20  # workers notice their parent is gone and exit
    while any(_state(pid) not in ("Z", None) for pid in workers_before):
        assert time.monotonic() < deadline, "worker processes outlived their killed parent"
        time.sleep(0.2)

    resumed = subprocess.run([*command, "--db", str(killed)], env=environment,
                             capture_output=True, text=True, timeout=300)
    assert f"{40 - partial} new, {partial} already stored, 0 failed" in resumed.stderr
    subprocess.run([*command, "--db", str(reference)], env=environment, check=True,
                   capture_output=True, timeout=300)
    assert _rows(killed) == _rows(reference)


def _state(pid: int) -> str | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return None


def test_summary_counts_match_the_python_api(tmp_path: Path):
    settings = load_settings().with_overrides(batch_size=2)
    with Store(tmp_path / "api.db") as store:
        first = ingest_paths([str(DEMO)], store, lambda: Pipeline(settings), workers=2,
                             settings=settings)
        again = ingest_paths([str(DEMO)], store, lambda: Pipeline(settings), workers=2,
                             settings=settings)
    assert isinstance(first, Summary)
    assert (first.new, again.new, again.already_stored) == (16, 0, 16)
