"""benchmarks/spotcheck.py: a reproducible sample of events into a review sheet, and the
scores of a filled-in sheet."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import synthetic

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "spotcheck.py"
CHROMIUM = Path(os.environ.get("DOSSIER_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("DOSSIER_CHROMEDRIVER", "/usr/bin/chromedriver"))


def _module():
    spec = importlib.util.spec_from_file_location("spotcheck", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


spotcheck = _module()


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True,
                          timeout=120, env={**os.environ})


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthetic.build(tmp_path_factory.mktemp("spotcheck") / "synthetic.db")


def sheet(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_the_same_seed_draws_the_same_sample(db: Path, tmp_path: Path):
    first = run("--db", str(db), "-n", "4", "--seed", "7")
    assert first.returncode == 0, first.stderr
    assert "4 events drawn" in first.stderr
    again = run("--db", str(db), "-n", "4", "--seed", "7", "--out", str(tmp_path / "s.csv"))
    assert (tmp_path / "s.csv").read_text(encoding="utf-8") == first.stdout
    rows = sheet(first.stdout)
    assert [row["no"] for row in rows] == ["1", "2", "3", "4"]
    assert list(rows[0]) == spotcheck.SHEET_COLUMNS
    assert all(row[column] == "" for row in rows for column in spotcheck.VERDICT_COLUMNS)
    assert again.returncode == 0
    samples = {tuple((r["article_id"], r["event_id"]) for r in
                     sheet(run("--db", str(db), "-n", "4", "--seed", str(seed)).stdout))
               for seed in range(6)}
    assert len(samples) > 1  # the seed matters


def test_the_sheet_holds_each_event_with_its_sentence_and_fields(db: Path):
    rows = spotcheck.draw(db, 100, seed=1)
    assert len(rows) == synthetic.FOREGROUND_TYPED  # never more than there are
    shot = next(row for row in rows if row["article_id"] == "wn-1" and row["event_id"] == "e2")
    assert shot["sentence"] == "Police fired at the crowd on 2 January, killing 3 people."
    assert shot["trigger"] == "fired" and shot["type"] == "ASSAULT" and shot["cameo"] == "190"
    assert shot["source"] == "Police [SDNCOP, SDN, COP]"
    assert shot["place"] == "Kalo (SDN) 13.200,30.200" and shot["dead"] == "3"
    assert (shot["date"], shot["date_precision"], shot["outlet"]) == (
        "2020-01-02", "day", "Wikinews")
    confident = spotcheck.draw(db, 100, seed=1, min_confidence=0.5)
    assert len(confident) == synthetic.FOREGROUND_TYPED_CONFIDENT


def fill(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """A reviewer's verdicts: rows 1-3 acceptable (row 3 by its fields only), 1-2 with every
    field right, row 4 wrong on its type, the rest left unjudged."""
    verdicts = [
        {"acceptable": "yes", "all_fields_right": "yes", "type_ok": "right",
         "source_ok": "right", "target_ok": "right", "date_ok": "right", "place_ok": "right",
         "figures_ok": "n/a", "text_has_place": "yes"},
        {"acceptable": "Y", "all_fields_right": "y", "type_ok": "ok", "source_ok": "ok",
         "target_ok": "ok", "date_ok": "ok", "place_ok": "ok", "text_has_place": "no"},
        {"type_ok": "right", "source_ok": "right", "target_ok": "right", "date_ok": "wrong",
         "place_ok": "right", "text_has_place": "yes", "notes": "date is the report's"},
        {"acceptable": "no", "type_ok": "wrong", "source_ok": "right", "target_ok": "n/a"},
    ]
    for row, verdict in zip(rows, verdicts, strict=False):
        row.update(verdict)
    return rows


def test_scores_of_a_filled_in_sheet(db: Path, tmp_path: Path):
    rows = fill(sheet(run("--db", str(db), "-n", "6", "--seed", "2").stdout))
    path = tmp_path / "reviewed.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=spotcheck.SHEET_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    found = json.loads(run("--score", str(path), "--db", str(db), "--json").stdout)
    assert (found["rows"], found["reviewed"]) == (6, 4)
    assert found["acceptable"]["right"] == 3 and found["acceptable"]["n"] == 4
    # row 3: no overall verdict, a wrong date → not all right; row 4: a wrong type
    assert (found["all_fields_right"]["right"], found["all_fields_right"]["n"]) == (2, 4)
    assert found["fields"]["type"] == {"right": 3, "n": 4, "rate": 0.75,
                                       "ci95": found["fields"]["type"]["ci95"]}
    assert found["fields"]["date"]["right"] == 2 and found["fields"]["date"]["n"] == 3
    assert found["fields"]["figures"]["n"] == 0  # n/a is no verdict
    low, high = found["acceptable"]["ci95"]
    assert 0 < low < 0.75 < high <= 1
    assert found["database"]["events"] == synthetic.FOREGROUND_TYPED
    assert found["database"]["dated"]["right"] == 6 and found["database"]["placed"]["right"] == 2
    lines = {line.split("  ")[1]: line for line in
             run("--score", str(path), "--db", str(db)).stdout.splitlines()[1:]}
    assert "3/4" in lines["acceptable"] and "75.0 %" in lines["acceptable"]
    assert lines["acceptable"].endswith("bar ≥ 80 %: NOT met")
    assert lines["database: dated"].endswith("bar ≥ 60 %: met")


def test_wilson_interval_and_verdict_words():
    low, high = spotcheck.wilson(48, 60)
    assert round(low, 2) == 0.68 and round(high, 2) == 0.88
    assert spotcheck.wilson(0, 0) == (0.0, 0.0)
    assert [spotcheck.verdict(w) for w in ("Yes", " right ", "no", "WRONG", "n/a", "", None)] \
        == [True, True, False, False, None, None, None]


def test_refusals(db: Path, tmp_path: Path):
    assert run().returncode == 2
    assert "no such database" in run("--db", str(tmp_path / "none.db")).stderr
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n")
    refused = run("--score", str(other))
    assert refused.returncode != 0 and "not a review sheet" in refused.stderr


def test_the_html_sheet_escapes_text_and_saves_the_csv(db: Path, tmp_path: Path):
    rows = spotcheck.draw(db, 3, seed=4)
    rows[0]["title"] = "Rebels </script><script>window.__pwned = 1</script>"
    rows[0]["url"] = "javascript:window.__pwned = 2"
    page = tmp_path / "sheet.html"
    with page.open("w", encoding="utf-8") as handle:
        spotcheck.write_html(rows, handle, "Spot-check", "synthetic-n3-seed4")
    text = page.read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in text and "javascript:" not in text.split("<script")[0]
    assert text.count("<mark>") == 3
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip(f"needs {CHROMIUM} and {CHROMEDRIVER} for the page's own check")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        driver.get(page.as_uri())
        Select(driver.find_element(By.CSS_SELECTOR, "select[name=acceptable][data-no='1']")) \
            .select_by_value("yes")
        Select(driver.find_element(By.CSS_SELECTOR, "select[name=type_ok][data-no='2']")) \
            .select_by_value("wrong")
        driver.find_element(By.CSS_SELECTOR, "textarea[data-no='2']").send_keys("wrong, \"x\"")
        saved = driver.execute_script("return verdictsCsv()")
        assert driver.execute_script("return window.__pwned === undefined")
    finally:
        driver.quit()
    back = sheet(saved)
    assert [row["acceptable"] for row in back] == ["yes", "", ""]
    assert back[1]["type_ok"] == "wrong" and back[1]["notes"] == "wrong, \"x\""
    assert back[0]["title"] == rows[0]["title"] and list(back[0]) == spotcheck.SHEET_COLUMNS
    found = spotcheck.score(back)
    assert found["acceptable"] == {"right": 1, "n": 2, "rate": 0.5,
                                   "ci95": found["acceptable"]["ci95"]}


def test_articles_already_reviewed_are_left_out_of_the_sample(db: Path, tmp_path: Path):
    everything = sheet(run("--db", str(db), "-n", "1000", "--seed", "1").stdout)
    articles = sorted({row["article_id"] for row in everything})
    assert len(articles) > 1
    verdicts = tmp_path / "verdicts.tsv"
    verdicts.write_text("article_id\ttrigger_start\n" + f"{articles[0]}\t0\n", encoding="utf-8")
    drawn = sheet(run("--db", str(db), "-n", "1000", "--seed", "1", "--exclude-reviewed",
                      str(verdicts)).stdout)
    assert drawn and articles[0] not in {row["article_id"] for row in drawn}
    assert len(drawn) == len([r for r in everything if r["article_id"] != articles[0]])
    more = tmp_path / "more.tsv"  # several verdict files: the union is left out
    more.write_text("article_id\ttrigger_start\n" + f"{articles[1]}\t0\n", encoding="utf-8")
    drawn = sheet(run("--db", str(db), "-n", "1000", "--seed", "1", "--exclude-reviewed",
                      str(verdicts), "--exclude-reviewed", str(more)).stdout)
    assert not {articles[0], articles[1]} & {row["article_id"] for row in drawn}


def test_a_bad_verdict_file_is_refused_in_one_line(db: Path, tmp_path: Path):
    binary = tmp_path / "verdicts.tsv"
    binary.write_bytes(b"\x00\xff\xfe binary \x00")
    for path in (binary, tmp_path / "missing.tsv"):
        result = run("--db", str(db), "--exclude-reviewed", str(path))
        assert result.returncode == 2
        assert "--exclude-reviewed" in result.stderr and "Traceback" not in result.stderr


def test_filled_sheets_become_verdicts_and_bad_sheets_are_skipped(db: Path, tmp_path: Path):
    tool = Path(__file__).resolve().parent.parent / "tools" / "fit_confidence.py"
    filled = tmp_path / "filled.csv"
    rows = sheet(run("--db", str(db), "-n", "3", "--seed", "2").stdout)
    for row in rows:
        row["acceptable"] = "yes"
    with filled.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    garbage = tmp_path / "garbage.csv"
    garbage.write_bytes(b"\xff\xfe\x00\x01")
    verdicts = tmp_path / "verdicts.tsv"
    args = [sys.executable, str(tool), "--import", str(garbage), str(filled), "--db", str(db),
            "--verdicts", str(verdicts)]
    first = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    assert "garbage.csv: skipped" in first.stderr
    assert "3 verdicts added" in first.stdout
    lines = verdicts.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t")[:3] == ["article_id", "trigger_start", "trigger_end"]
    assert len(lines) == 4 and all(line.split("\t")[6] == "yes" for line in lines[1:])
    again = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert "0 verdicts added" in again.stdout  # importing twice adds nothing twice
