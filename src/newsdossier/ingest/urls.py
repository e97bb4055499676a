"""Inputs named by http(s) URL: a feed (its entries' pages fetched too) or a single page.

`dossier ingest https://example.org/rss.xml` fetches the feed politely (see fetch.py), then,
with `feed_entries = "auto"`, each entry's page; entries already in the store are passed
over before their page is fetched, so re-running a feed costs one request per new entry.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .. import registry
from .decode import NotTextError, decode_bytes
from .feeds import decode_html, feed_items
from .fetch import Fetcher, FetchError, Response, fetcher_for
from .html import extract_html
from .items import ItemError, RawItem

if TYPE_CHECKING:
    from ..settings import Settings
    from .readers import Source, Yielded

FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                        "application/xml", "text/xml", "application/x-rss+xml"})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")


def looks_like_feed(response: Response) -> bool:
    if response.content_type in FEED_TYPES - {"application/xml", "text/xml"}:
        return True
    head = response.body[:2048].lstrip().lower()
    return response.content_type in FEED_TYPES | {"text/plain", "application/octet-stream"} \
        and any(root in head for root in FEED_ROOTS)


def page_item(response: Response, origin: str) -> RawItem | ItemError:
    """A fetched HTML page → its article (trafilatura + htmldate), the URL it came from kept."""
    if response.content_type not in HTML_TYPES:
        return ItemError(origin, f"not an HTML page (content type {response.content_type})")
    if not response.body.strip():
        return ItemError(origin, "empty page")
    content_type = response.content_type
    if response.charset:
        content_type += f"; charset={response.charset}"
    html = decode_html(response.body, content_type, origin)
    if isinstance(html, ItemError):
        return html
    item = extract_html(html, origin)
    if isinstance(item, RawItem):
        return RawItem(origin=item.origin, text=item.text, id=item.id, title=item.title,
                       published=item.published, source=item.source, url=response.url,
                       language=item.language)
    return item


@registry.readers.register("url")
def read_url(source: Source, settings: Settings) -> Iterator[Yielded]:
    url = source.url or source.origin
    fetcher: Fetcher = source.fetcher or fetcher_for(settings)
    if source.stored(url):  # a page ingested before by this URL: not fetched again
        from .items import ItemStored

        yield ItemStored(source.origin, url)
        return
    try:
        response = fetcher.get(url)
    except FetchError as exc:
        yield ItemError(source.origin, str(exc).removeprefix(f"{url}: "))
        return
    if looks_like_feed(response):
        yield from feed_items(response.body, source, settings, feed_url=response.url)
    elif response.content_type in HTML_TYPES:
        item = page_item(response, source.origin)
        if isinstance(item, RawItem):
            item = RawItem(origin=item.origin, text=item.text, id=url, title=item.title,
                           published=item.published, source=item.source, url=item.url,
                           language=item.language)
        yield item
    elif response.content_type == "text/plain":
        try:
            text = decode_bytes(response.body).text
        except NotTextError as exc:
            yield ItemError(source.origin, str(exc))
            return
        yield RawItem(origin=source.origin, text=text, id=url, url=response.url)
    else:
        yield ItemError(source.origin, f"neither a feed nor a page (content type "
                                       f"{response.content_type})")
