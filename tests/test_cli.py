"""End to end through the real `dossier` command, in subprocesses."""

from __future__ import annotations

import csv
import io
import json
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import jsonschema
import pyarrow.parquet as pq
import pytest

import synthetic
from conftest import DOSSIER, run_dossier, shared_path

ARTICLE = ("Syria's foreign ministry on Monday rejected accusations by the US State Department "
           "that detainees were executed at a prison near Damascus. Russian troops meanwhile "
           "left the town of Kalo, the Kremlin said.")
PAGE = ("<html><head><title>Ministry rejects report</title>"
        "<meta name='date' content='2026-03-12'></head><body><article><h1>Ministry rejects "
        f"report</h1><p>{ARTICLE}</p><p>Talks resumed in Geneva last week.</p></article>"
        "</body></html>")


def validate(record: dict, schema: dict) -> None:
    jsonschema.validate(record, schema)
    text = record["article"]["text"]
    for actor in record["actors"]:
        assert text[actor["start"]:actor["end"]] == actor["text"]
    for date in record["dates"]:
        assert text[date["start"]:date["end"]] == date["text"]


def jsonl(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def write_corpus(path: Path, count: int) -> None:
    towns = ["Kalo", "Mosul", "Goma", "Aleppo", "Sake", "Herat", "Kharkiv", "Misrata"]
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            town = towns[i % len(towns)]
            text = (f"Report {i}: Government troops shelled {town} on Monday, killing {i + 3} "
                    f"people, local officials said. The United Nations called for restraint "
                    f"and Russian diplomats urged talks in Geneva next week.")
            handle.write(json.dumps({"id": f"art-{i:03d}", "text": text,
                                     "published": "2026-03-12", "source": "Test Wire"}) + "\n")


def test_extract_text_file_is_schema_valid(tmp_path: Path, record_schema: dict):
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = run_dossier("extract", str(path), "--published", "2026-03-12", "--title", "T",
                         "--source", "Wire", "--url", "https://example.org/t")
    assert result.returncode == 0, result.stderr
    [record] = jsonl(result.stdout)
    validate(record, record_schema)
    article = record["article"]
    assert (article["title"], article["source"], article["published"]) == ("T", "Wire",
                                                                           "2026-03-12")
    assert article["id"] == __import__("hashlib").sha256(ARTICLE.encode()).hexdigest()
    assert any(a["code"] == "SYRGOV" for a in record["actors"])
    assert record["dates"][0]["value"] == "2026-03-09"
    events = {event["cameo"]: event for event in record["events"]}
    denial = events["016"]  # "rejected accusations by the US State Department"
    assert denial["source"][0]["code"] == "SYRGOV"
    assert denial["target"][0]["code"] == "USAGOV"
    execution = events["1823"]
    assert (execution["status"], execution["background"]) == ("denied", True)
    assert execution["attributed_to"]["code"] == "USAGOV"
    withdrawal = events["0874"]  # "Russian troops left the town of Kalo, the Kremlin said"
    assert withdrawal["source"][0]["code"] == "RUSMIL" and withdrawal["status"] == "reported"
    quotes = {quote["cue"]["text"]: quote for quote in record["quotes"]}
    assert quotes["rejected"]["stance"] == "denies"
    assert quotes["rejected"]["speaker"]["code"] == "SYRGOV"
    said = quotes["said"]
    assert said["content"]["text"] == "Russian troops meanwhile left the town of Kalo"
    assert said["speaker"]["code"] == "RUSGOV" and said["kind"] == "indirect"
    denial = next(c for c in record["claims"] if c["stance"] == "denies")
    assert denial["claimant"]["code"] == "SYRGOV" and "016" in {
        e["cameo"] for e in record["events"] if e["id"] in denial["event_ids"]}


def test_extract_html_jsonl_and_stdin_in_input_order(tmp_path: Path, record_schema: dict):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    lines = tmp_path / "two.jsonl"
    lines.write_text(json.dumps({"id": "first", "text": "Protesters marched in Nairobi."}) + "\n"
                     + json.dumps({"id": "second", "text": "Sanctions were imposed on Iran."})
                     + "\n", encoding="utf-8")
    result = run_dossier("extract", str(page), str(lines), "-", stdin="Talks began in Doha.")
    assert result.returncode == 0, result.stderr
    records = jsonl(result.stdout)
    for record in records:
        validate(record, record_schema)
    assert records[0]["article"]["title"] == "Ministry rejects report"
    assert records[0]["article"]["published"] == "2026-03-12"
    assert [r["article"]["id"] for r in records[1:3]] == ["first", "second"]
    assert records[3]["article"]["text"] == "Talks began in Doha."


def test_extract_pretty_and_json_formats(tmp_path: Path):
    result = run_dossier("extract", "--format", "pretty", "--published", "2026-03-12",
                         stdin=ARTICLE)
    assert result.returncode == 0, result.stderr
    assert "Syria's foreign ministry [SYRGOV]" in result.stdout
    assert "'Monday' → 2026-03-09" in result.stdout
    result = run_dossier("extract", "--format", "json", stdin=ARTICLE)
    assert json.loads(result.stdout)[0]["schema"] == "newsdossier.record/1"


def test_extract_reports_each_bad_input_and_carries_on(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.7")
    result = run_dossier("extract", str(empty), str(good), str(binary),
                         str(tmp_path / "missing.html"), str(tmp_path / "x.pdf"))
    assert result.returncode == 1
    assert len(jsonl(result.stdout)) == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 4
    assert errors[0].startswith(str(empty)) and "empty" in errors[0]
    assert errors[1].startswith(str(binary)) and "binary" in errors[1]
    assert "missing.html: no such file" in errors[2]
    assert "x.pdf: unknown file kind" in errors[3]


def test_usage_errors_exit_2(tmp_path: Path):
    assert run_dossier("ingest").returncode == 2
    assert run_dossier("extract", "--format", "xml", stdin="x").returncode == 2
    assert run_dossier("extract", "--published", "someday", stdin="Talks.").returncode == 2
    assert run_dossier("export", "--table", "nope").returncode == 2


def test_ingest_is_idempotent_and_exports(tmp_path: Path):
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, 6)
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "a.txt").write_text(ARTICLE)
    (tmp_path / "more" / "broken.html").write_text("<html><body><nav>x</nav>")
    db = str(tmp_path / "d.db")
    first = run_dossier("ingest", str(corpus), str(tmp_path / "more"), "--db", db)
    assert first.returncode == 1
    assert first.stderr.strip().splitlines()[-1] == "7 new, 0 already stored, 1 failed"
    assert "broken.html: no article text" in first.stderr
    again = run_dossier("ingest", str(corpus), str(tmp_path / "more" / "a.txt"),
                        env={"DOSSIER_DB": db})
    assert again.returncode == 0, again.stderr
    assert again.stderr.strip().splitlines()[-1] == "0 new, 7 already stored, 0 failed"

    out = tmp_path / "actors.csv"
    exported = run_dossier("export", "--db", db, "--table", "actors", "--format", "csv",
                           "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    assert out.read_text().startswith("article_id,idx,text,start,end,name,country,sector,code")
    parquet = tmp_path / "articles.parquet"
    run_dossier("export", "--db", db, "--table", "articles", "--format", "parquet",
                "-o", str(parquet))
    assert pq.read_table(parquet).num_rows == 7
    lines = run_dossier("export", "--db", db, "--table", "dates", "--format", "jsonl")
    mondays = [row["value"] for row in jsonl(lines.stdout)
               if row["text"] == "Monday" and row["article_id"].startswith("art-")]
    assert mondays == ["2026-03-09"] * 6
    hits = run_dossier("search", "Kremlin", "--db", db)
    assert hits.returncode == 0 and "1 hits" in hits.stderr


def test_killed_ingest_resumes_without_duplicates_or_loss(tmp_path: Path):
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, 60)
    db = tmp_path / "killed.db"
    process = subprocess.Popen(
        [*DOSSIER, "ingest", str(corpus), "--db", str(db), "--batch-size", "1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
                    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                stored = 0
        if stored >= 5:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 5 <= stored < 60, "the run should be killed part-way"

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        before = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        orphans = conn.execute(
            "SELECT count(*) FROM actors WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
    assert orphans == 0
    resumed = run_dossier("ingest", str(corpus), "--db", str(db))
    assert resumed.returncode == 0, resumed.stderr
    assert resumed.stderr.strip().splitlines()[-1] == (
        f"{60 - before} new, {before} already stored, 0 failed"
    )
    clean_db = tmp_path / "clean.db"
    assert run_dossier("ingest", str(corpus), "--db", str(clean_db)).returncode == 0
    query = ("SELECT a.id, count(x.idx) FROM articles a LEFT JOIN actors x ON x.article_id = a.id "
             "GROUP BY a.id ORDER BY a.id")
    with sqlite3.connect(db) as resumed_conn, sqlite3.connect(clean_db) as clean_conn:
        assert resumed_conn.execute(query).fetchall() == clean_conn.execute(query).fetchall()
        assert resumed_conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 60


def test_demo_builds_a_fresh_database(tmp_path: Path):
    db = tmp_path / "demo.db"
    first = run_dossier("demo", "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "16 new, 0 already stored, 0 failed" in first.stdout
    assert "16 articles" in first.stdout
    again = run_dossier("demo", "--db", str(db))
    assert "16 new, 0 already stored, 0 failed" in again.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 16
        countries = {r[0] for r in conn.execute("SELECT DISTINCT country FROM actors")}
    assert {"USA", "MMR", "RUS"} <= countries


def test_demo_claims_show_the_allegation_thread_across_articles(tmp_path: Path):
    db = tmp_path / "demo.db"
    assert run_dossier("demo", "--db", str(db)).returncode == 0
    shown = run_dossier("claims", "--db", str(db), "--about", "MMR")
    assert shown.returncode == 0, shown.stderr
    threads = shown.stdout.strip().split("\n\n")
    main_thread = threads[0]
    header = main_thread.splitlines()[0]
    assert "in 5 articles · 2026-02-17 → 2026-03-11" in header
    assert "MMR" in header and "USA" in header and "RUS" in header
    lines = main_thread.splitlines()
    first = next(line for line in lines if line.lstrip().startswith("1. "))
    assert "ALLEGES" in first and "United States" in first and "2026-02-17" in first
    for stance, who in (("DENIES", "[MMRGOV]"), ("SUPPORTS", "[MMROPP]"),
                        ("DISPUTES", "Russia [RUS]")):
        assert any(stance in line and who in line for line in lines), (stance, who)
    assert any("evidence: consistent with a crematorium" in line for line in lines)
    assert any("↳ answers 1" in line for line in lines)
    for source in ("Meridian Wire", "The Harbour Post", "Radio Nordvik", "Atlas Press Agency",
                   "Continental Dispatch"):
        assert source in main_thread
    searched = run_dossier("claims", "--db", str(db), "--search", "crematorium")
    assert searched.stdout.split("\n\n")[0].splitlines()[0] == header
    nothing = run_dossier("claims", "--db", str(db), "--about", "Atlantis")
    assert nothing.returncode == 0 and nothing.stdout == "" and "0 threads" in nothing.stderr
    missing = run_dossier("claims", "--db", str(tmp_path / "none.db"))
    assert missing.returncode != 0 and "no such database" in missing.stderr


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthetic.build(tmp_path_factory.mktemp("cli") / "synthetic.db")


def test_events_query_with_the_web_apps_filters(synthetic_db: Path):
    db = str(synthetic_db)
    table = run_dossier("events", "--db", db)
    assert table.returncode == 0, table.stderr
    # the default view hides the one event below confidence 0.5, and says so
    assert f"{synthetic.FOREGROUND_TYPED_CONFIDENT} of {synthetic.FOREGROUND_TYPED_CONFIDENT} "\
        "events (1 more below confidence 0.5" in table.stderr
    assert "ASSAULT (190)   Police [SDNCOP] → the crowd [CVL]  @ Kalo (SDN)  (dead 3)" in \
        table.stdout
    assert "“Police fired at the crowd on 2 January, killing 3 people.”" in table.stdout
    assert "Wikinews, 2020-01-08 — Protest in Kalo" in table.stdout
    assert "claimed" not in table.stdout  # CAMEO-only: not a PLOVER event

    rows = jsonl(run_dossier("events", "--db", db, "--country", "sdn", "--type", "assault",
                             "--since", "2020-01-01", "--format", "jsonl").stdout)
    assert [(r["article_id"], r["event_id"]) for r in rows] == [("wn-1", "e2")]
    window = jsonl(run_dossier("events", "--db", db, "--since", "2019-12", "--until",
                               "2019-12-31", "--format", "jsonl").stdout)
    assert {r["event_id"] for r in window} == {"e1", "e3"}
    every = jsonl(run_dossier("events", "--db", db, "--min-confidence", "0", "--format",
                              "jsonl", "--sort", "confidence", "--order", "asc").stdout)
    assert len(every) == synthetic.FOREGROUND_TYPED and every[0]["confidence"] == 0.3
    wire = run_dossier("events", "--db", db, "--source-outlet", "Meridian Wire", "--format",
                       "csv", "--limit", "1")
    [row] = list(csv.DictReader(io.StringIO(wire.stdout)))
    assert row["outlet"] == "Meridian Wire" and row["cameo"] in ("112", "010")

    bad = run_dossier("events", "--db", db, "--type", "FIGHT")
    assert bad.returncode == 2 and "ASSAULT" in bad.stderr
    assert run_dossier("events", "--db", db, "--since", "last week").returncode == 2
    missing = run_dossier("events", "--db", str(synthetic_db.parent / "none.db"))
    assert missing.returncode == 1 and "no such database" in missing.stderr


def test_stats_summarise_a_database(synthetic_db: Path):
    text = run_dossier("stats", "--db", str(synthetic_db))
    assert text.returncode == 0, text.stderr
    assert f"3 articles (2020-01-08 → 2020-04-02), {synthetic.FOREGROUND_TYPED} events" \
        in text.stdout
    assert "with a date: 6 (86 %) · with a place: 2 (29 %)" in text.stdout
    assert "1 recalled as background, 1 CAMEO-only" in text.stdout
    found = json.loads(run_dossier("stats", "--db", str(synthetic_db), "--format",
                                   "json").stdout)
    assert {item["value"]: item["n"] for item in found["by_type"]} == {
        "ASSAULT": 2, "PROTEST": 1, "CONSULT": 1, "ACCUSE": 1, "REJECT": 1, "AID": 1}
    assert {item["value"]: item["n"] for item in found["by_outlet"]} == {
        "Wikinews": 3, "Meridian Wire": 3, "example-news.com": 1}
    assert {item["value"]: item["n"] for item in found["by_month"]} == {
        "2019-12": 2, "2020-01": 1, "2020-02": 1, "2020-03": 1, "2020": 1}
    countries = {item["value"]: item["n"] for item in found["by_country"]}
    assert countries["SDN"] == 3 and countries["BOR"] == 2  # an event counts once per country
    actors = {(item["name"], item["code"]): item["n"] for item in found["top_actors"]}
    assert actors[("Borduria", "BOR")] == 2 and actors[("Police", "SDNCOP")] == 1
    codes = {item["value"]: item["n"] for item in found["top_codes"]}
    assert codes["BOR"] == 2 and codes["SDNGOV"] == 1
    assert "CVL" not in codes  # a bare sector names no group of actors
    assert found["left_out"] == {"background": 1, "no_plover_type": 1, "low_confidence": 1,
                                 "low_confidence_below": 0.5}
    confident = json.loads(run_dossier("stats", "--db", str(synthetic_db), "--min-confidence",
                                       "0.5", "--format", "json").stdout)
    assert confident["events"] == synthetic.FOREGROUND_TYPED_CONFIDENT


def test_evaluate_lists_and_scores_a_gold_file(tmp_path: Path):
    listing = run_dossier("evaluate", "--list")
    assert listing.returncode == 0 and "actors" in listing.stdout
    gold = tmp_path / "gold.jsonl"
    cases = [
        {"function": "agent_to_code", "input": "Syrian troops",
         "expected": {"country": "SYR", "code_1": "MIL"}},
        {"function": "search_nat", "input": "Germany", "expected": {"cc": "DEU"}},
        {"function": "short_text_to_agent", "input": "police officers",
         "expected": {"code_1": "COP", "country": ""}},
        {"function": "agent_to_code", "input": "Syrian troops", "disabled": True,
         "expected": {"country": "XXX"}},
    ]
    gold.write_text("\n".join(json.dumps(c) for c in cases) + "\n")
    result = run_dossier("evaluate", "actors", "--gold", str(gold), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["cases"] == 3
    assert report["metrics"]["country"]["accuracy"] == 1.0
    assert report["metrics"]["sector"]["accuracy"] == 1.0


def test_evaluate_gate_on_the_shared_dev_set():
    gold = shared_path("data/events/ngec_actor_resolution_cases.jsonl")
    result = run_dossier("evaluate", "actors", "--gold", str(gold), "--check-floors")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "country.accuracy" in result.stderr and "BELOW" not in result.stderr


def test_shipped_schema_matches_the_shared_contract():
    shared = shared_path("schema/record-v1.schema.json")
    shipped = Path(__file__).resolve().parents[1] / "src/newsdossier/schema/record-v1.schema.json"
    assert json.loads(shipped.read_text()) == json.loads(shared.read_text())


@pytest.mark.parametrize("bad", [b"\xff\xfe\x00\xd8garbage", b"\x00" * 100, b""])
def test_stdin_garbage_is_an_error_not_a_crash(bad: bytes):
    result = subprocess.run([*DOSSIER, "extract", "-"], input=bad, capture_output=True)
    assert result.returncode == 1
    assert result.stderr.decode().strip().startswith("-: ")
