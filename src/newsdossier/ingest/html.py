"""An HTML page → its main text, title and publication date (trafilatura + htmldate)."""

from __future__ import annotations

import logging

from .items import ItemError, RawItem

# trafilatura logs every page it finds no text in; our own one-line error says it better.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

_MIN_TEXT_CHARS = 20


def _drop_repeated_title(text: str, title: str | None) -> str:
    """trafilatura keeps the page's <h1>; the title is stored on its own already."""
    if not title:
        return text
    first, _, rest = text.partition("\n")
    if first.strip() == title.strip() and rest.strip():
        return rest
    return text


def extract_html(html: str, origin: str) -> RawItem | ItemError:
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"extensive_search": True, "original_date": True},
        )
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        return ItemError(origin, f"HTML could not be parsed ({type(exc).__name__}: {exc})")
    text = getattr(document, "text", None) if document is not None else None
    if not text or len(text.strip()) < _MIN_TEXT_CHARS:
        return ItemError(origin, "no article text found in the HTML")
    title = getattr(document, "title", None)
    return RawItem(
        origin=origin,
        text=_drop_repeated_title(text, title),
        title=title,
        published=getattr(document, "date", None),
        source=getattr(document, "sitename", None),
        url=getattr(document, "url", None),
        language=getattr(document, "language", None),
    )
