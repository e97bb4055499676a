"""Feed (RSS/Atom) and WARC readers, on files these tests write."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

from conftest import run_dossier
from newsdossier.ingest.feeds import fragment_text
from newsdossier.ingest.items import ItemError, RawItem
from newsdossier.ingest.readers import read_items
from newsdossier.settings import load_settings

BODY = ("Government forces shelled the market in El Obeid on Monday, killing 12 people, "
        "officials said. The army denied it.")

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Wire</title><language>en</language>
<item><title>Market shelled in El Obeid</title><link>https://example.org/a1</link>
<guid>tag:example.org,2026:a1</guid><pubDate>Tue, 03 Mar 2026 08:15:00 GMT</pubDate>
<content:encoded><![CDATA[<p>{BODY}</p><script>alert(1)</script><p>Second paragraph
here.</p>]]></content:encoded></item>
<item><title>Headline only</title><link>https://example.org/a2</link></item>
<item><title>Talks &amp; truce</title><link>https://example.org/a3</link>
<description>Envoys met in Geneva on Tuesday and agreed to resume talks next week.</description>
</item>
</channel></rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atlas Press</title>
<entry><title>Shelling</title><id>urn:atlas:1</id><updated>2026-03-04T10:00:00Z</updated>
<link href="https://example.org/atlas/1"/><content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content>
</entry></feed>
"""


def items(path: Path) -> list[RawItem | ItemError]:
    return [i for i in read_items([str(path)], load_settings()) if not hasattr(i, "message")]


def test_rss_entries_become_items_and_bad_ones_errors(tmp_path: Path):
    feed = tmp_path / "wire.rss"
    feed.write_text(RSS, encoding="utf-8")
    first, headline_only, third = items(feed)
    assert isinstance(first, RawItem) and first.text.startswith(BODY)
    assert "alert" not in first.text and "\n\nSecond paragraph here." in first.text
    assert (first.title, first.url, first.source, first.id) == (
        "Market shelled in El Obeid", "https://example.org/a1", "Harbour Wire",
        "tag:example.org,2026:a1")
    assert first.published == "2026-03-03T08:15:00Z" and first.origin.endswith("wire.rss#1")
    assert isinstance(headline_only, ItemError) and headline_only.origin.endswith("#2")
    assert isinstance(third, RawItem) and third.title == "Talks & truce"


def test_atom_feed(tmp_path: Path):
    feed = tmp_path / "atlas.atom"
    feed.write_text(ATOM, encoding="utf-8")
    (entry,) = items(feed)
    assert entry.text == BODY and entry.source == "Atlas Press"
    assert entry.url == "https://example.org/atlas/1" and entry.published.startswith("2026-03-04")


def test_broken_and_empty_feeds_are_one_error_each(tmp_path: Path):
    for name, data in (("empty.xml", b""), ("junk.xml", b"\x00\x01 not a feed"),
                       ("html.rss", b"<html><body>hello</body></html>"),
                       ("cut.rss", RSS[:120].encode())):
        path = tmp_path / name
        path.write_bytes(data)
        (error,) = items(path)
        assert isinstance(error, ItemError) and error.origin.endswith(name), (name, error)


def test_fragment_text_drops_markup_and_keeps_paragraphs():
    assert fragment_text("<p>One <b>two</b></p><p>Three<br>four</p>") == \
        "One two\n\nThree\n\nfour"
    assert fragment_text("plain   words") == "plain words"
    assert fragment_text("<style>x{}</style><p>ok</p><script>y()</script>") == "ok"


def write_warc(path: Path, pages: list[tuple[str, str, str, bytes]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.name.endswith(".gz"))
        for uri, status, content_type, body in pages:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response",
                                                          payload=io.BytesIO(body),
                                                          http_headers=headers))
            writer.write_record(writer.create_warc_record(uri, "request",
                                                          payload=io.BytesIO(b"GET / HTTP/1.1")))


def page(title: str, body: str) -> bytes:
    return (f"<html><head><title>{title}</title><meta name='date' content='2026-03-05'>"
            f"</head><body><article><h1>{title}</h1><p>{body}</p><p>{body}</p></article>"
            "</body></html>").encode()


PAGES = [
    ("https://example.org/n/1", "200 OK", "text/html; charset=utf-8", page("Shelling", BODY)),
    ("https://example.org/logo.png", "200 OK", "image/png", b"\x89PNG...."),
    ("https://example.org/gone", "404 Not Found", "text/html", b"<html>gone</html>"),
    ("https://example.org/n/2", "200 OK", "text/html",
     page("Talks", "Envoys met in Geneva on Tuesday and agreed to resume talks next week.")),
]


def test_warc_html_responses_become_items(tmp_path: Path):
    archive = tmp_path / "news.warc.gz"
    write_warc(archive, PAGES)
    first, second = items(archive)
    assert isinstance(first, RawItem) and BODY in first.text
    assert first.url == "https://example.org/n/1" and first.title == "Shelling"
    assert first.published == "2026-03-05" and "#record 1 https://example.org/n/1" in first.origin
    assert isinstance(second, RawItem) and second.url == "https://example.org/n/2"
    plain = tmp_path / "news.warc"
    write_warc(plain, PAGES[:1])
    assert [i.url for i in items(plain)] == ["https://example.org/n/1"]


def test_a_truncated_warc_keeps_what_came_before(tmp_path: Path):
    archive = tmp_path / "cut.warc.gz"
    write_warc(archive, [*PAGES, *PAGES])
    data = archive.read_bytes()
    archive.write_bytes(data[: int(len(data) * 0.8)])
    found = items(archive)
    assert any(isinstance(i, RawItem) for i in found)
    assert isinstance(found[-1], ItemError) and "truncated or corrupt" in found[-1].reason
    garbage = tmp_path / "junk.warc"
    garbage.write_bytes(b"this is no archive\n" * 10)
    (error,) = items(garbage)
    assert isinstance(error, ItemError)


def test_ingest_feed_and_warc_twice_adds_nothing_twice(tmp_path: Path):
    feed = tmp_path / "wire.rss"
    feed.write_text(RSS, encoding="utf-8")
    archive = tmp_path / "news.warc.gz"
    write_warc(archive, PAGES)
    db = tmp_path / "f.db"
    first = run_dossier("ingest", str(feed), str(archive), "--db", str(db))
    assert first.returncode == 1  # the headline-only entry is named as failed
    assert "wire.rss#2: entry has no text" in first.stderr
    assert "4 new, 0 already stored, 1 failed" in first.stderr
    again = run_dossier("ingest", str(feed), str(archive), "--db", str(db))
    assert "0 new, 4 already stored, 1 failed" in again.stderr
    with sqlite3.connect(db) as conn:
        urls = {row[0] for row in conn.execute("SELECT url FROM articles")}
    assert {"https://example.org/a1", "https://example.org/n/1"} <= urls
