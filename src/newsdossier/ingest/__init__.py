"""Ingest: readers for each input kind, and turning what they read into Articles."""

from .items import ItemError, ItemStored, ItemWarning, RawItem, article_id_for, build_article
from .readers import SUFFIXES, Source, format_for, read_items

__all__ = [
    "SUFFIXES",
    "ItemError",
    "ItemStored",
    "ItemWarning",
    "RawItem",
    "Source",
    "article_id_for",
    "build_article",
    "format_for",
    "read_items",
]
