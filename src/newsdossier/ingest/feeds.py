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
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .. import registry
from .decode import NotTextError, decode_bytes
from .fetch import Fetcher, FetchError, fetcher_for
from .html import extract_html
from .items import ItemError, ItemStored, ItemWarning, RawItem, clean_field

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
    from .readers import read_nonempty

    data = read_nonempty(source, settings)
    if isinstance(data, ItemError):
        yield data
        return
    yield from feed_items(data, source, settings, feed_url=None)


def feed_items(
    data: bytes, source: Source, settings: Settings, feed_url: str | None
) -> Iterator[Yielded]:
    """One item per entry of the feed in `data`; with `feed_entries` "fetch" (or "auto" for a
    feed fetched from `feed_url`) each entry's text is the page its link points to."""
    import feedparser

    mode = settings.feed_entries
    if mode not in ("auto", "fetch", "content"):
        yield ItemError(source.origin, f"setting feed_entries is {mode!r}; expected auto, "
                                       "fetch or content")
        return
    headers = {"content-location": feed_url} if feed_url else {}
    parsed = feedparser.parse(data, response_headers=headers)  # bytes: nothing is fetched
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = f" ({type(problem).__name__}: {problem})" if problem else ""
        yield ItemError(source.origin, f"no feed entries: not an RSS or Atom feed{reason}")
        return
    fetch = mode == "fetch" or (mode == "auto" and feed_url is not None)
    feed = FeedInfo(title=parsed.feed.get("title") or None,
                    language=parsed.feed.get("language") or None)
    fetcher = (source.fetcher or fetcher_for(settings)) if fetch else None
    for number, entry in enumerate(parsed.entries, 1):
        origin = f"{source.origin}#{number}"
        if fetcher is not None:
            yield from _fetched_entry(entry, origin, feed, source, fetcher)
        else:
            yield _entry_item(entry, origin, feed)


@dataclass(frozen=True, slots=True)
class FeedInfo:
    title: str | None
    language: str | None


def _entry_item(entry: Any, origin: str, feed: FeedInfo) -> RawItem | ItemError:
    text = fragment_text(_entry_html(entry))
    if len(text) < MIN_ENTRY_CHARS:
        return ItemError(origin, "entry has no text (title or link only)")
    link = entry.get("link") or None
    return RawItem(origin=origin, text=text, id=entry.get("id") or link,
                   title=fragment_text(str(entry.get("title") or "")) or None,
                   published=_entry_date(entry), source=feed.title, url=link,
                   language=feed.language)


def _fetched_entry(
    entry: Any, origin: str, feed: FeedInfo, source: Source, fetcher: Fetcher
) -> Iterator[Yielded]:
    """The entry's page, fetched politely; the entry's own text if that fails."""
    from .urls import page_item

    link = str(entry.get("link") or "")
    entry_id = clean_field(entry.get("id") or link or None)
    if entry_id and source.stored(entry_id):
        yield ItemStored(origin, entry_id)
        return
    if not link.lower().startswith(("http://", "https://")):
        yield _entry_item(entry, origin, feed)
        return
    try:
        page = page_item(fetcher.get(link), f"{origin} {link}")
    except FetchError as exc:
        page = ItemError(f"{origin} {link}", str(exc).removeprefix(f"{link}: "))
    if isinstance(page, ItemError):
        fallback = _entry_item(entry, origin, feed)
        if isinstance(fallback, RawItem):
            yield ItemWarning(origin, f"{page.reason}; the entry's own text is used")
            yield fallback
        else:
            yield page
        return
    yield RawItem(origin=origin, text=page.text, id=entry_id,
                  title=fragment_text(str(entry.get("title") or "")) or page.title,
                  published=_entry_date(entry) or page.published,
                  source=feed.title or page.source, url=page.url or link,
                  language=page.language or feed.language)


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
    html = decode_html(payload, content_type, origin)
    if isinstance(html, ItemError):
        return html
    item = extract_html(html, origin)
    if isinstance(item, RawItem) and uri:
        return RawItem(origin=item.origin, text=item.text, title=item.title,
                       published=item.published, source=item.source, url=uri,
                       language=item.language)
    return item


def decode_html(payload: bytes, content_type: str, origin: str) -> str | ItemError:
    """A page's bytes as text: the charset its Content-Type names, else detected."""
    charset = re.search(r"charset=\"?([\w.-]+)", content_type, re.IGNORECASE)
    try:
        return payload.decode(charset.group(1)) if charset else decode_bytes(payload).text
    except (LookupError, UnicodeDecodeError):
        try:
            return decode_bytes(payload).text
        except NotTextError as exc:
            return ItemError(origin, str(exc))
    except NotTextError as exc:
        return ItemError(origin, str(exc))
