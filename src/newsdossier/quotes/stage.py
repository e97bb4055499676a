"""The "quotes" stage: quotations with cue and speaker (see extract.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import registry
from .cues import CueTable
from .extract import QuoteFinder

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..actors import ActorResolver
    from ..model import Record
    from ..settings import Settings


class QuotesStage:
    name = "quotes"

    def __init__(self, finder: QuoteFinder, resolver: ActorResolver) -> None:
        self.finder = finder
        self.resolver = resolver

    def __call__(self, doc: Doc, record: Record) -> None:
        if record.article.language not in (None, "en"):
            record.notes.append(f"quotes: skipped, article language is {record.article.language!r}")
            return
        from ..events.arguments import ActorIndex

        index = ActorIndex(doc, record.actors, self.resolver, record.article.text)
        record.quotes.extend(self.finder.find(doc, record.article.text, index))


@registry.stages.register("quotes")
def make_quotes_stage(settings: Settings, nlp: Language) -> QuotesStage:
    from ..actors import ActorDictionary, ActorResolver

    resolver = ActorResolver(ActorDictionary.load(settings.actor_dictionaries))
    return QuotesStage(QuoteFinder(CueTable.load(settings.quote_cues)), resolver)
