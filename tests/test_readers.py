"""Readers meet bad input with one-line errors naming the item, and carry on."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsdossier.ingest import ItemError, ItemWarning, RawItem, build_article, read_items
from newsdossier.ingest.decode import NotTextError, decode_bytes
from newsdossier.settings import Settings

SETTINGS = Settings()
ARTICLE = "Rebels shelled the town of Kalo on Monday, killing four civilians, officials said."
PAGE = f"""<html><head><title>Shelling hits Kalo</title>
<meta property="article:published_time" content="2026-03-02T08:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>Shelling hits Kalo</h1><p>{ARTICLE}</p>
<p>The army said it would respond. Residents fled toward the river overnight.</p>
<script>document.title = "owned"</script></article><footer>© Example</footer></body></html>"""


def items(*paths: Path | str, settings: Settings = SETTINGS) -> list:
    return list(read_items([str(p) for p in paths], settings))


def only(results: list, kind: type) -> list:
    return [r for r in results if isinstance(r, kind)]


def test_plain_text_file(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [item] = items(path)
    assert isinstance(item, RawItem)
    assert item.text == ARTICLE
    assert item.origin == str(path)


def test_html_page_gives_main_text_title_and_date(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [item] = items(path)
    assert isinstance(item, RawItem)
    assert item.title == "Shelling hits Kalo"
    assert item.published == "2026-03-02"
    assert ARTICLE in item.text
    assert "owned" not in item.text and "Home | World" not in item.text
    assert not item.text.startswith("Shelling hits Kalo")


def test_jsonl_fields_and_date_alias(tmp_path: Path):
    path = tmp_path / "a.jsonl"
    rows = [
        {"id": "x1", "text": ARTICLE, "title": "T", "published": "2026-03-02", "source": "S",
         "url": "https://example.org/x1"},
        {"text": "Second article text about talks in Geneva.", "date": "2026-03-04"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    first, second = items(path)
    assert (first.id, first.title, first.source, first.url) == ("x1", "T", "S",
                                                                 "https://example.org/x1")
    assert second.published == "2026-03-04" and second.id is None
    assert second.origin == f"{path}:2"


def test_empty_file_is_an_error(tmp_path: Path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    [error] = items(path)
    assert isinstance(error, ItemError) and error.origin == str(path)
    assert "empty" in str(error)


def test_whitespace_only_file_is_an_error(tmp_path: Path):
    path = tmp_path / "blank.txt"
    path.write_text(" \n\n\t ")
    [error] = items(path)
    assert isinstance(error, ItemError) and "empty" in error.reason


def test_binary_file_is_an_error(tmp_path: Path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    [error] = items(path)
    assert isinstance(error, ItemError) and "binary" in error.reason
    assert "\n" not in str(error)


def test_latin1_file_is_read_with_a_warning(tmp_path: Path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Le président a déclaré à Genève que les pourparlers".encode("latin-1"))
    warning, item = items(path)
    assert isinstance(warning, ItemWarning) and "UTF-8" in str(warning)
    assert isinstance(item, RawItem) and "président" in item.text and "Genève" in item.text


def test_utf8_with_bom_and_utf16_are_decoded():
    assert decode_bytes("\ufeffKyiv said".encode("utf-8")).text == "Kyiv said"
    assert decode_bytes("Kyiv said".encode("utf-16")).text == "Kyiv said"
    with pytest.raises(NotTextError):
        decode_bytes(b"\x00\x01\x02\x03" * 100)


def test_huge_file_is_refused_over_the_limit(tmp_path: Path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        line = (ARTICLE + "\n").encode()
        for _ in range(50_000_000 // len(line) + 1):
            handle.write(line)
    assert path.stat().st_size >= 50_000_000
    [error] = items(path)
    assert isinstance(error, ItemError) and "limit" in error.reason
    small = Settings(max_file_bytes=1000)
    path2 = tmp_path / "a.txt"
    path2.write_text(ARTICLE * 20)
    [error2] = items(path2, settings=small)
    assert isinstance(error2, ItemError) and "max_file_bytes" in error2.reason


def test_overlong_article_is_refused():
    item = RawItem(origin="x.txt", text="word " * 300)
    error = build_article(item, max_chars=100)
    assert isinstance(error, ItemError) and "max_article_chars" in error.reason


def test_truncated_html_still_yields_its_text(tmp_path: Path):
    path = tmp_path / "cut.html"
    path.write_text(PAGE[: PAGE.index("The army")], encoding="utf-8")
    [item] = items(path)
    assert isinstance(item, RawItem) and ARTICLE in item.text


def test_html_without_text_is_an_error(tmp_path: Path):
    path = tmp_path / "nav.html"
    path.write_text("<html><body><div><a href='/'>Home</a></div>", encoding="utf-8")
    [error] = items(path)
    assert isinstance(error, ItemError) and "no article text" in error.reason


def test_jsonl_broken_line_is_reported_and_the_rest_read(tmp_path: Path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": ARTICLE}) + "\n"
        + '{"id": "b", "text": "unterminated\n'
        + "[1, 2, 3]\n"
        + json.dumps({"id": "d", "title": "no text"}) + "\n"
        + json.dumps({"id": "e", "text": ["not", "a", "string"]}) + "\n"
        + "\n"
        + json.dumps({"id": "f", "text": "Last good article about sanctions."}) + "\n",
        encoding="utf-8",
    )
    results = items(path)
    assert [r.id for r in only(results, RawItem)] == ["a", "f"]
    errors = only(results, ItemError)
    assert [e.origin for e in errors] == [f"{path}:2", f"{path}:3", f"{path}:4", f"{path}:5"]
    assert "invalid JSON" in errors[0].reason
    assert "JSON object" in errors[1].reason
    assert "missing required field 'text'" in errors[2].reason
    assert "must be a string" in errors[3].reason


def test_jsonl_overlong_line_is_skipped(tmp_path: Path):
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": ARTICLE}) + "\n")
    results = items(path, settings=Settings(max_file_bytes=1000))
    assert isinstance(results[0], ItemError) and results[0].origin == f"{path}:1"
    assert isinstance(results[1], RawItem) and results[1].text == ARTICLE


def test_gzipped_jsonl_and_truncated_gzip(tmp_path: Path):
    path = tmp_path / "a.jsonl.gz"
    payload = "".join(json.dumps({"id": str(i), "text": ARTICLE}) + "\n" for i in range(200))
    path.write_bytes(gzip.compress(payload.encode()))
    assert len(only(items(path), RawItem)) == 200
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(path.read_bytes()[:300])
    results = items(cut)
    assert isinstance(results[-1], ItemError) and results[-1].origin == str(cut)


def test_unknown_extension_and_missing_path(tmp_path: Path):
    odd = tmp_path / "notes.docx"
    odd.write_bytes(b"PK\x03\x04")
    unknown, missing = items(odd, tmp_path / "nope.txt")
    assert isinstance(unknown, ItemError) and "unknown file kind '.docx'" in unknown.reason
    assert isinstance(missing, ItemError) and "no such file" in missing.reason


def test_unreadable_file_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "locked.txt"
    path.write_text(ARTICLE)

    def refuse(self: Path, *args: object, **kwargs: object):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    [error] = items(path)
    assert isinstance(error, ItemError) and "Permission denied" in error.reason


def test_folders_are_read_recursively_in_order(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("First article about a protest in Nairobi.")
    (tmp_path / "b" / "c.txt").write_text("Second article about talks in Doha.")
    (tmp_path / "b" / "README.md").write_text("not an article")
    (tmp_path / ".hidden.txt").write_text("hidden")
    results = items(tmp_path)
    assert [Path(r.origin).name for r in results] == ["a.txt", "c.txt"]


def test_build_article_normalises_and_hashes():
    item = RawItem(origin="x", text="  Talks  resumed\r\n in Doha. ", published="March 3, 2026",
                   title="  Talks\n resume ")
    article = build_article(item, max_chars=10_000)
    assert article.text == "Talks resumed\nin Doha."
    assert article.published == "2026-03-03"
    assert article.title == "Talks resume"
    assert len(article.id) == 64
    same = build_article(RawItem(origin="y", text="Talks resumed\nin Doha."), 10_000)
    assert same.id == article.id
