"""The analyst's events table: one export for the CLI and the web app, with the article, its
outlet, the sentence, the date's precision and CAMEO as text."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

import synthetic
from conftest import run_dossier
from newsdossier.export import (
    EVENT_EXPORT_COLUMNS,
    PANDAS_DTYPES,
    date_precision,
    event_rows,
    export_events,
)
from newsdossier.outlets import outlet_from_url, outlet_name, registered_domain
from newsdossier.store import Store
from newsdossier.store.migrations import MIGRATIONS
from newsdossier.web import create_app
from newsdossier.web.queries import Filters, connect


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthetic.build(tmp_path_factory.mktemp("export") / "synthetic.db")


@pytest.fixture(scope="module")
def conn(db: Path) -> sqlite3.Connection:
    return connect(db)


def rows_by_id(conn: sqlite3.Connection, **filters: object) -> dict[str, dict]:
    return {f"{r['article_id']}/{r['event_id']}": r
            for r in event_rows(conn, Filters(**filters))}  # type: ignore[arg-type]


# --- outlets ---------------------------------------------------------------------------------


def test_the_registered_domain_of_a_host():
    assert registered_domain("en.wikinews.org") == "wikinews.org"
    assert registered_domain("news.bbc.co.uk") == "bbc.co.uk"
    assert registered_domain("www.abc.net.au") == "abc.net.au"
    assert registered_domain("WWW.Example-News.com.") == "example-news.com"
    assert registered_domain("127.0.0.1") == "127.0.0.1"


def test_an_outlet_is_the_stated_source_else_the_sites_name_else_its_domain():
    assert outlet_name("Meridian Wire", "https://en.wikinews.org/wiki/X") == "Meridian Wire"
    assert outlet_name(None, "https://en.wikinews.org//wiki/Some_story") == "Wikinews"
    assert outlet_name("  ", "https://fr.wikinews.org/wiki/Un_article") == "Wikinews"
    assert outlet_from_url("https://www.example-news.com/a/b") == "example-news.com"
    for not_a_site in (None, "", "javascript:alert(1)", "file:///etc/passwd", "not a url"):
        assert outlet_from_url(not_a_site) is None


def test_every_article_gets_an_outlet_when_stored(db: Path):
    with Store(db, readonly=True) as store:
        outlets = {row["id"]: row["outlet"] for row in store.iter_rows("articles")}
    assert outlets == {"wn-1": "Wikinews", "mw-1": "Meridian Wire", "ex-1": "example-news.com"}


def test_migration_nine_files_existing_articles_under_their_outlet(tmp_path: Path):
    path = tmp_path / "v8.db"
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:8]:
        conn.executescript(script)
    conn.execute("PRAGMA user_version = 8")
    conn.executemany(
        "INSERT INTO articles (id, text, source, url, ingested_at, record) VALUES (?,?,?,?,?,?)",
        [("a", "x", None, "https://en.wikinews.org/wiki/A", "2026-01-01", "{}"),
         ("b", "y", "Meridian Wire", "https://m.example.org/b", "2026-01-01", "{}"),
         ("c", "z", None, None, "2026-01-01", "{}")])
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.schema_version() == len(MIGRATIONS)
        got = dict(store.conn.execute("SELECT id, outlet FROM articles").fetchall())
    assert got == {"a": "Wikinews", "b": "Meridian Wire", "c": None}


# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "granularities", "expected"), [
    ("2020-03-09", None, "day"),
    ("2020-03-09T10:00:00", None, "day"),
    ("2020-03", None, "month"),
    ("2020", None, "year"),
    ("2020-W11", None, "week"),
    ("2020-03-02/2020-03-08", None, "week"),
    ("2020-02-01/2020-02-29", None, "month"),
    ("2020-01-01/2020-12-31", None, "year"),
    ("2020-03-03/2020-03-05", None, "range"),
    ("2020-03/2020-05", None, "range"),
    ("2020-03-09", "week", "week"),  # "last week" resolved to its Monday
    ("2020-03-09", "day,week", "day"),  # a day-precise mention gives the same day
    ("2020-03-09", "month", "month"),
    (None, None, None),
    ("2259 resolution", None, None),
])
def test_date_precision_from_the_values_form(value, granularities, expected):
    assert date_precision(value, granularities) == expected


# --- the analyst's table ----------------------------------------------------------------------


def test_rows_carry_the_article_the_sentence_and_the_dates_precision(conn: sqlite3.Connection):
    rows = rows_by_id(conn)
    assaulted = rows["wn-1/e2"]
    assert list(assaulted) == EVENT_EXPORT_COLUMNS
    assert assaulted["title"] == "Protest in Kalo" and assaulted["outlet"] == "Wikinews"
    assert assaulted["url"] == synthetic.WIKINEWS_URL and assaulted["published"] == "2020-01-08"
    assert assaulted["sentence"] == "Police fired at the crowd on 2 January, killing 3 people."
    assert (assaulted["source_name"], assaulted["source_code"], assaulted["target_sector"]) == (
        "Police", "SDNCOP", "CVL")
    assert (assaulted["location_name"], assaulted["lat"], assaulted["dead"]) == ("Kalo", 13.2, 3)
    assert (assaulted["date"], assaulted["date_precision"], assaulted["date_basis"]) == (
        "2020-01-02", "day", "stated")
    assert rows["wn-1/e3"]["date_precision"] == "week"
    assert rows["mw-1/e1"]["date_precision"] == "month"
    assert rows["mw-1/e2"]["date_precision"] == "year"
    assert rows["mw-1/e3"]["date"] is None and rows["mw-1/e3"]["date_precision"] is None


def test_sentences_are_the_texts_own_characters(db: Path, conn: sqlite3.Connection):
    with Store(db, readonly=True) as store:
        texts = {row["id"]: row["text"] for row in store.iter_rows("articles")}
    for row in event_rows(conn, Filters(include_background=True)):
        start, end = row["sentence_start"], row["sentence_end"]
        assert row["sentence"] == texts[row["article_id"]][start:end]


def test_every_row_has_a_plover_type_and_cameo_only_events_stay_in_the_raw_table(
        conn: sqlite3.Connection, db: Path):
    rows = list(event_rows(conn, Filters(include_background=True)))
    assert rows and all(row["type"] for row in rows)
    assert "wn-1/e4" not in rows_by_id(conn, include_background=True)  # CAMEO 015, typeless
    with Store(db, readonly=True) as store:
        raw = {(r["article_id"], r["event_id"]): r for r in store.iter_rows("events")}
    assert raw[("wn-1", "e4")]["type"] is None and raw[("wn-1", "e4")]["cameo"] == "015"


def test_background_and_low_confidence_events_are_left_out_on_request(
        conn: sqlite3.Connection):
    assert len(rows_by_id(conn)) == synthetic.FOREGROUND_TYPED
    assert "mw-1/e4" in rows_by_id(conn, include_background=True)
    confident = rows_by_id(conn, min_confidence=0.5)
    assert len(confident) == synthetic.FOREGROUND_TYPED_CONFIDENT
    assert all(row["confidence"] >= 0.5 for row in confident.values())


def test_csv_keeps_cameos_leading_zero_with_the_documented_dtypes(conn: sqlite3.Connection):
    out = io.StringIO()
    count = export_events(conn, "csv", text_out=out)
    assert count == synthetic.FOREGROUND_TYPED
    frame = pd.read_csv(io.StringIO(out.getvalue()), dtype=PANDAS_DTYPES)
    assert set(frame["cameo"]) >= {"010", "042", "070", "190"}
    assert "2020" in set(frame["date"])  # a year stays text
    assert frame["confidence"].dtype == float
    naive = pd.read_csv(io.StringIO(out.getvalue()))
    assert 10 in set(naive["cameo"])  # why the README gives the dtypes
    assert "cameo" in PANDAS_DTYPES and "date" in PANDAS_DTYPES


def test_parquet_types_cameo_as_a_string(conn: sqlite3.Connection, tmp_path: Path):
    target = tmp_path / "events.parquet"
    with target.open("wb") as handle:
        assert export_events(conn, "parquet", binary_out=handle) == synthetic.FOREGROUND_TYPED
    table = pq.read_table(target)
    schema = table.schema
    assert schema.field("cameo").type == pa.string()
    assert schema.field("date").type == pa.string()
    assert schema.field("confidence").type == pa.float64()
    assert schema.field("sentence_start").type == pa.int64()
    assert "010" in table.column("cameo").to_pylist()
    empty = tmp_path / "none.parquet"
    with empty.open("wb") as handle:
        assert export_events(conn, "parquet", Filters(type="SANCTION"), binary_out=handle) == 0
    assert pq.read_table(empty).schema.field("cameo").type == pa.string()


def test_the_cli_and_the_web_app_export_the_same_table(db: Path, tmp_path: Path):
    cli = run_dossier("export", "--db", str(db), "--table", "events", "--format", "csv")
    assert cli.returncode == 0, cli.stderr
    assert f"{synthetic.FOREGROUND_TYPED} events" in cli.stderr
    client = TestClient(create_app(db))
    web = client.get("/api/events", params={"format": "csv", "sort": "date", "order": "asc"})
    cli_rows = list(csv.DictReader(io.StringIO(cli.stdout)))
    web_rows = list(csv.DictReader(io.StringIO(web.text)))
    assert cli_rows == web_rows and list(cli_rows[0]) == EVENT_EXPORT_COLUMNS
    lines = client.get("/api/events", params={"format": "jsonl"}).text.splitlines()
    assert {json.loads(line)["outlet"] for line in lines} == {
        "Wikinews", "Meridian Wire", "example-news.com"}
    parquet = client.get("/api/events", params={"format": "parquet"})
    assert pq.read_table(io.BytesIO(parquet.content)).schema.field("cameo").type == pa.string()
    raw = run_dossier("export", "--db", str(db), "--table", "events", "--raw", "--format",
                      "jsonl")
    assert raw.returncode == 0, raw.stderr
    assert len(raw.stdout.splitlines()) == 9  # every stored event, typeless and background too
    refused = run_dossier("export", "--db", str(db), "--table", "actors", "--raw")
    assert refused.returncode == 2 and "--table events" in refused.stderr


def test_what_did_not_happen_is_left_out_unless_asked_for(db: Path, tmp_path: Path):
    copy = tmp_path / "negated.db"
    copy.write_bytes(db.read_bytes())
    with sqlite3.connect(copy) as raw:
        raw.execute("UPDATE events SET status = 'negated' WHERE article_id = 'wn-1' "
                    "AND event_id = 'e1'")
    conn = connect(copy)
    assert "wn-1/e1" not in rows_by_id(conn)
    assert "wn-1/e1" in rows_by_id(conn, include_negated=True)
    assert "wn-1/e1" in rows_by_id(conn, status="negated")
    assert len(rows_by_id(conn)) == synthetic.FOREGROUND_TYPED - 1
