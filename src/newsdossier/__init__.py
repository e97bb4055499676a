"""newsdossier: news articles → evidence-linked records of who did and said what, to whom,
where and when.

>>> import newsdossier
>>> record = newsdossier.extract("Syria's foreign ministry denied the report on Monday.",
...                              published="2026-03-12")
>>> record.actors[0].code
'SYRGOV'
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .model import Actor, Article, Claim, DateMention, Event, Place, Quantity, Quote, Record, Span

if TYPE_CHECKING:
    from .pipeline import Pipeline

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "Claim",
    "DateMention",
    "Event",
    "Pipeline",
    "Place",
    "Quantity",
    "Quote",
    "Record",
    "Span",
    "extract",
]


@functools.lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    from .pipeline import Pipeline

    return Pipeline()


def extract(
    text: str,
    *,
    published: str | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    id: str | None = None,
    pipeline: Pipeline | None = None,
) -> Record:
    """Extract one article's Record from its text (offsets refer to the normalised text,
    which is `record.article.text`)."""
    from .ingest import ItemError, RawItem, build_article

    chosen = pipeline or default_pipeline()
    item = RawItem(origin="<text>", text=text, id=id, title=title, published=published,
                   source=source, url=url)
    article = build_article(item, chosen.settings.max_article_chars)
    if isinstance(article, ItemError):
        raise ValueError(str(article))
    return chosen.process(article)


def __getattr__(name: str) -> object:
    if name == "Pipeline":
        from .pipeline import Pipeline

        return Pipeline
    raise AttributeError(name)
