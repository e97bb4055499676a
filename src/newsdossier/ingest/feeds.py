"""RSS and Atom feeds (feedparser) and web archives (warcio) → RawItems.

A feed file gives one item per entry: its content (or summary) as text, its title, link, id
and date, the feed's title as the source. A WARC file (CC-NEWS included, gzipped or not)
gives one item per HTML response with status 200, extracted like any page (trafilatura +
htmldate), the record's target URI as the URL. Neither reaches the network: a feed is
parsed from its bytes. Every entry or record that cannot be used is one error naming it
(`feed.xml#3`, `news.warc.gz#record 17 <uri>`); the rest go on.
"""

from __future__ import annotations

import re
import time
import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .. import registry
from .decode import NotTextError, decode_bytes
from .html import extract_html
from .items import ItemError, RawItem

if TYPE_CHECKING:
    from ..settings import Settings
    from .readers import Source, Yielded

MIN_ENTRY_CHARS = 20
TRAILING_BYTES = 8  # the blank lines after an uncompressed WARC's last record
PARAGRAPH = "\ue002"  # a block's end, until whitespace is collapsed (no whitespace itself)
BLOCKS = ("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
          "blockquote", "pre", "table", "tr", "section", "article", "figure", "hr")


def fragment_text(html: str) -> str:
    """The text of an HTML fragment (a feed entry's content), paragraphs kept apart; scripts,
    styles and markup dropped."""
    import lxml.html

    if "<" not in html:
        return _tidy(html)
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises several kinds on broken fragments
        return _tidy(re.sub(r"<[^>]*>", " ", html))
    for element in root.xpath("//script|//style|//noscript|//iframe|//object"):
        element.drop_tree()
    for element in root.iter(*BLOCKS):
        element.tail = PARAGRAPH + (element.tail or "")
    flowing = " ".join(root.text_content().split())  # HTML whitespace is one space
    return _tidy(flowing.replace(PARAGRAPH, "\n\n"))


def _tidy(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)
    return None


def _entry_html(entry: Any) -> str:
    for content in entry.get("content") or ():
        if content.get("value"):
            return str(content["value"])
    return str(entry.get("summary") or entry.get("description") or "")


@registry.readers.register("feed")
def read_feed(source: Source, settings: Settings) -> Iterator[Yielded]:
    import feedparser

    from .readers import read_nonempty

    data = read_nonempty(source, settings)
    if isinstance(data, ItemError):
        yield data
        return
    parsed = feedparser.parse(data)  # bytes: parsed here, nothing is fetched
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = f" ({type(problem).__name__}: {problem})" if problem else ""
        yield ItemError(source.origin, f"no feed entries: not an RSS or Atom feed{reason}")
        return
    feed_title = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, 1):
        origin = f"{source.origin}#{number}"
        text = fragment_text(_entry_html(entry))
        title = fragment_text(str(entry.get("title") or "")) or None
        if len(text) < MIN_ENTRY_CHARS:
            yield ItemError(origin, "entry has no text (title or link only)")
            continue
        link = entry.get("link") or None
        yield RawItem(origin=origin, text=text, id=entry.get("id") or link, title=title,
                      published=_entry_date(entry), source=feed_title, url=link,
                      language=(parsed.feed.get("language") or None))


@registry.readers.register("warc")
def read_warc(source: Source, settings: Settings) -> Iterator[Yielded]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if source.path is None:
        yield ItemError(source.origin, "WARC input must be a file")
        return
    number = end = 0
    try:
        with source.path.open("rb") as handle:  # warcio undoes gzip itself
            records = ArchiveIterator(handle)
            for record in records:
                if record.rec_type == "response":
                    number += 1
                    item = _warc_item(record, f"{source.origin}#record {number}", settings)
                    if item is not None:
                        yield item
                records.read_to_end(record)
                end = records.get_record_offset() + records.get_record_length()
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError, OSError) as exc:
        yield ItemError(f"{source.origin}#record {number + 1}",
                        f"WARC truncated or corrupt ({type(exc).__name__}: {exc}); "
                        f"{number} records read before it")
        return
    unread = source.path.stat().st_size - end
    if unread > TRAILING_BYTES:  # warcio ends quietly at a cut-off last record
        yield ItemError(f"{source.origin}#record {number + 1}",
                        f"WARC truncated or corrupt: {unread:,} bytes after the last whole "
                        f"record; {number} records read before it")


def _warc_item(record: Any, origin: str, settings: Settings) -> RawItem | ItemError | None:
    """An HTML page with status 200 → an item; other responses (images, redirects) → None."""
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    origin = f"{origin} {uri}".strip()
    http = record.http_headers
    if http is None or http.get_statuscode() != "200":
        return None
    content_type = (http.get_header("Content-Type") or "").lower()
    if "html" not in content_type:
        return None
    payload = record.content_stream().read(settings.max_file_bytes + 1)
    if len(payload) > settings.max_file_bytes:
        return ItemError(origin, f"page over {settings.max_file_bytes:,} bytes (max_file_bytes)")
    if not payload.strip():
        return ItemError(origin, "empty page")
    charset = re.search(r"charset=([\w.-]+)", content_type)
    try:
        html = payload.decode(charset.group(1)) if charset else decode_bytes(payload).text
    except (LookupError, UnicodeDecodeError):
        try:
            html = decode_bytes(payload).text
        except NotTextError as exc:
            return ItemError(origin, str(exc))
    except NotTextError as exc:
        return ItemError(origin, str(exc))
    item = extract_html(html, origin)
    if isinstance(item, RawItem) and uri:
        return RawItem(origin=item.origin, text=item.text, title=item.title,
                       published=item.published, source=item.source, url=uri,
                       language=item.language)
    return item
