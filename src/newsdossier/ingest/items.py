"""What readers yield: raw items to turn into Articles, or one-line errors naming the item."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..dates import date_from_url, normalise_publication_date
from ..model import Article
from ..normalize import normalize_text


@dataclass(frozen=True, slots=True)
class RawItem:
    """One article as a reader found it, before normalisation."""

    origin: str
    text: str
    id: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class ItemError:
    """An input item that could not be read; `origin` names it (path, path:line, or '-')."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ItemWarning:
    """Something odd about an item that was still read (e.g. decoded as Windows-1252)."""

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: warning: {self.message}"


@dataclass(frozen=True, slots=True)
class ItemStored:
    """An item already in the store, passed over before any work (a feed entry not re-fetched)."""

    origin: str
    id: str


def article_id_for(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def clean_field(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = " ".join(normalize_text(str(value)).split())
    return cleaned or None


def build_article(item: RawItem, max_chars: int) -> Article | ItemError:
    """Normalise the text, check it, and give the article its stable id."""
    text = normalize_text(item.text)
    if not text:
        return ItemError(item.origin, "empty text (nothing but whitespace)")
    if len(text) > max_chars:
        return ItemError(
            item.origin,
            f"text has {len(text):,} characters, over the limit of {max_chars:,} "
            "(setting max_article_chars)",
        )
    published = (normalise_publication_date(item.published) if item.published else None
                 ) or date_from_url(item.url)
    return Article(
        id=clean_field(item.id) or article_id_for(text),
        text=text,
        published=published,
        title=clean_field(item.title),
        source=clean_field(item.source),
        url=clean_field(item.url),
        language=clean_field(item.language),
    )
