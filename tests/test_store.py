"""The embedded store: migrations, atomic idempotent writes, FTS, read-only readers, export."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsdossier.export import export_table
from newsdossier.model import (
    Actor,
    Article,
    Claim,
    DateMention,
    Event,
    Place,
    Quantity,
    Quote,
    Record,
    Span,
)
from newsdossier.store import SCHEMA_VERSION, TABLES, Store, StoreError

TEXT = "Syria's foreign ministry denied on Monday that 50 detainees were hanged in Saydnaya."


def make_record(article_id: str = "a1", text: str = TEXT) -> Record:
    ministry = Actor("Syria's foreign ministry", 0, 24, "Syrian foreign ministry", "SYR", "GOV",
                     "SYRGOV")
    sentence = Span(0, len(text), text)
    place = Place("Saydnaya", 75, 83, "Saydnaya", "SYR", 33.69, 36.37, 170000, "PPL")
    event = Event(id="e1", type="ACCUSE", cameo="112", sentence=sentence,
                  trigger=Span(25, 31, "denied"), source=[ministry], location=place,
                  date="2026-03-09", status="denied")
    return Record(
        article=Article(id=article_id, text=text, published="2026-03-12", title="Denial",
                        source="Wire", url="https://example.org/a", language="en"),
        actors=[ministry], events=[event],
        quotes=[Quote("q1", "indirect", Span(37, 84, text[37:84]), ministry,
                      Span(25, 31, "denied"))],
        claims=[Claim("c1", "denies", Span(37, 84, text[37:84]), ministry)],
        places=[place], quantities=[Quantity(50, Span(47, 49, "50"), what="detainees")],
        dates=[DateMention("Monday", 35, 41, "2026-03-09", "day")],
    )


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "test.db") as opened:
        yield opened


def test_new_database_is_migrated_to_the_current_version(store: Store):
    assert store.schema_version() == SCHEMA_VERSION
    mode = store.conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    assert set(store.counts()) == set(TABLES)


def test_add_record_stores_every_table_once(store: Store):
    assert store.add_record(make_record(), origin="x.jsonl:1") is True
    assert store.add_record(make_record(), origin="x.jsonl:1") is False
    counts = store.counts()
    assert counts == {"articles": 1, "actors": 1, "events": 1, "quotes": 1, "claims": 1,
                      "places": 1, "quantities": 1, "dates": 1}
    event = next(store.iter_rows("events"))
    assert event["source_code"] == "SYRGOV" and event["status"] == "denied"
    assert event["location_name"] == "Saydnaya" and event["lat"] == 33.69


def test_record_round_trips(store: Store):
    record = make_record()
    store.add_record(record)
    assert store.record("a1") == record
    assert store.record("missing") is None


def test_failed_write_leaves_nothing_half_written(store: Store, monkeypatch: pytest.MonkeyPatch):
    store.add_record(make_record("kept"))
    original = store._insert_rows

    def explode(table: str, article_id: str, rows: list) -> None:
        if table == "quotes":
            raise sqlite3.OperationalError("disk I/O error (simulated)")
        original(table, article_id, rows)

    monkeypatch.setattr(store, "_insert_rows", explode)
    with pytest.raises(sqlite3.OperationalError):
        store.add_record(make_record("broken", TEXT + " Again."))
    counts = store.counts()
    assert counts["articles"] == 1 and counts["actors"] == 1 and counts["quotes"] == 1
    assert store.has_article("kept") and not store.has_article("broken")


def test_full_text_search(store: Store):
    store.add_record(make_record("a1"))
    store.add_record(make_record("a2", "Protesters gathered in Nairobi over fuel prices."))
    hits = store.search("hanged")
    assert [h["id"] for h in hits] == ["a1"]
    assert "[hanged]" in hits[0]["snippet"]
    assert [h["id"] for h in store.search("nairobi OR saydnaya")] in (["a1", "a2"], ["a2", "a1"])


def test_reader_opens_read_only_while_a_writer_holds_the_database(tmp_path: Path):
    path = tmp_path / "shared.db"
    writer = Store(path)
    writer.add_record(make_record("a1"))
    writer.conn.execute("BEGIN IMMEDIATE")
    writer.conn.execute("UPDATE articles SET title = 'pending' WHERE id = 'a1'")
    reader = Store(path, readonly=True)
    assert reader.counts()["articles"] == 1
    assert next(reader.iter_rows("articles"))["title"] == "Denial"
    with pytest.raises(sqlite3.OperationalError):
        reader.conn.execute("DELETE FROM articles")
    writer.conn.execute("COMMIT")
    assert next(reader.iter_rows("articles"))["title"] == "pending"
    reader.close()
    writer.close()


def test_read_only_open_of_missing_or_foreign_files(tmp_path: Path):
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "nope.db", readonly=True)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a newsdossier database"):
        Store(junk)


def test_newer_schema_is_refused(tmp_path: Path):
    path = tmp_path / "future.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)
    with pytest.raises(StoreError, match="newer"):
        Store(path, readonly=True)


def test_export_jsonl_csv_parquet(store: Store, tmp_path: Path):
    store.add_record(make_record("a1"))
    store.add_record(make_record("a2", "Protesters gathered in Nairobi over fuel prices."))
    out = io.StringIO()
    assert export_table(store, "actors", "jsonl", text_out=out) == 2
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert rows[0]["code"] == "SYRGOV" and rows[0]["article_id"] == "a1"
    out = io.StringIO()
    export_table(store, "events", "csv", text_out=out)
    parsed = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(parsed) == 2 and parsed[0]["type"] == "ACCUSE"
    target = tmp_path / "articles.parquet"
    with target.open("wb") as handle:
        assert export_table(store, "articles", "parquet", binary_out=handle) == 2
    table = pq.read_table(target)
    assert table.num_rows == 2 and "text" in table.column_names
    assert "record" not in table.column_names


def test_export_of_an_empty_table_keeps_its_columns(store: Store, tmp_path: Path):
    target = tmp_path / "quotes.parquet"
    with target.open("wb") as handle:
        assert export_table(store, "quotes", "parquet", binary_out=handle) == 0
    assert "content_text" in pq.read_table(target).column_names
    out = io.StringIO()
    export_table(store, "claims", "csv", text_out=out)
    assert out.getvalue().startswith("article_id,claim_id,stance")


def test_version_one_database_is_upgraded_with_its_rows(tmp_path: Path):
    from newsdossier.store.migrations import MIGRATIONS

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0])
    conn.execute("INSERT INTO articles (id, text, ingested_at, record) VALUES "
                 "('old', 'An older article.', '2026-01-01T00:00:00', '{}')")
    conn.execute("INSERT INTO events (article_id, event_id, source, target, status, "
                 "sentence_start, sentence_end, trigger_start, trigger_end, trigger_text) "
                 "VALUES ('old', 'e1', '[]', '[]', 'asserted', 0, 17, 3, 8, 'older')")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        [old] = list(store.iter_rows("events"))
        assert (old["event_id"], old["background"], old["quantities"]) == ("e1", 0, "[]")


def test_event_coder_fields_are_stored(store: Store):
    record = make_record()
    casualties = Quantity(50, Span(47, 49, "50"), what="detainees hanged")
    record.events[0].background = True
    record.events[0].intent = "ASSAULT"
    record.events[0].dead = 50
    record.events[0].quantities = [casualties]
    store.add_record(record)
    row = next(store.iter_rows("events"))
    assert (row["background"], row["intent"], row["dead"]) == (1, "ASSAULT", 50)
    assert json.loads(row["quantities"])[0]["what"] == "detainees hanged"
    assert store.record("a1") == record
