"""Event coding: who did what to whom, in PLOVER with CAMEO alongside."""

from .coder import EventCoder
from .consolidate import ConsolidateStage, make_consolidate_stage
from .intents import IntentError, IntentTable
from .patterns import Pattern, PatternError, PatternTable
from .stage import EventsStage, make_events_stage
from .statements import AccusationWords, StatementsStage, make_statements_stage

__all__ = [
    "AccusationWords",
    "ConsolidateStage",
    "EventCoder",
    "EventsStage",
    "IntentError",
    "IntentTable",
    "Pattern",
    "PatternError",
    "PatternTable",
    "StatementsStage",
    "make_consolidate_stage",
    "make_events_stage",
    "make_statements_stage",
]
