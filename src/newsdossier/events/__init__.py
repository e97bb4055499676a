"""Event coding: who did what to whom, in PLOVER with CAMEO alongside."""

from .coder import EventCoder
from .consolidate import ConsolidateStage, make_consolidate_stage
from .intents import IntentError, IntentTable
from .patterns import Pattern, PatternError, PatternTable
from .stage import EventsStage, make_events_stage

__all__ = [
    "ConsolidateStage",
    "EventCoder",
    "EventsStage",
    "IntentError",
    "IntentTable",
    "Pattern",
    "PatternError",
    "PatternTable",
    "make_consolidate_stage",
    "make_events_stage",
]
