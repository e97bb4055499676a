"""The "claims" stage: attributed propositions with stance, responses, evidence, events."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import registry
from .build import ClaimBuilder
from .words import ClaimWords

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..actors import ActorResolver
    from ..model import Record
    from ..settings import Settings


class ClaimsStage:
    name = "claims"

    def __init__(self, builder: ClaimBuilder, resolver: ActorResolver) -> None:
        self.builder = builder
        self.resolver = resolver

    def __call__(self, doc: Doc, record: Record) -> None:
        if record.article.language not in (None, "en"):
            return
        from ..events.arguments import ActorIndex

        index = ActorIndex(doc, record.actors, self.resolver, record.article.text)
        record.claims.extend(self.builder.build(doc, record, index))


@registry.stages.register("claims")
def make_claims_stage(settings: Settings, nlp: Language) -> ClaimsStage:
    from ..actors import ActorDictionary, ActorResolver

    del nlp
    resolver = ActorResolver(ActorDictionary.load(settings.actor_dictionaries))
    return ClaimsStage(ClaimBuilder(ClaimWords.load(settings.claim_words)), resolver)
