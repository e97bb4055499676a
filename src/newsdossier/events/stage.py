"""The "events" stage: PLOVER/CAMEO events with actors, date, status and attribution."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import registry
from ..language import skip_unless_english
from .coder import EventCoder
from .guards import Mishaps
from .intents import IntentTable
from .learned import ModelReviewer, load_event_model
from .patterns import PatternTable
from .status import load_reporting_verbs

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..model import Record
    from ..settings import Settings


class EventsStage:
    name = "events"

    def __init__(self, coder: EventCoder) -> None:
        self.coder = coder

    def __call__(self, doc: Doc, record: Record) -> None:
        if skip_unless_english(record, self.name):
            return
        record.events.extend(self.coder.code(doc, record))


@registry.stages.register("events")
def make_events_stage(settings: Settings, nlp: Language) -> EventsStage:
    from ..actors import ActorDictionary, ActorResolver

    resolver = ActorResolver(ActorDictionary.load(settings.actor_dictionaries))
    table = PatternTable.load(settings.event_patterns)
    intents = IntentTable.load(settings.event_intents)
    mishaps = Mishaps.load(settings.event_mishaps)
    model = load_event_model(settings.event_model, settings.event_model_weights)
    reviewer = ModelReviewer(model, table) if model is not None else None
    return EventsStage(EventCoder(table, resolver, load_reporting_verbs(), intents,
                                  mishaps=mishaps, reviewer=reviewer))
