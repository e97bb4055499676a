"""Event coding: who did what to whom, in PLOVER with CAMEO alongside."""

from .coder import EventCoder
from .patterns import Pattern, PatternError, PatternTable
from .stage import EventsStage, make_events_stage

__all__ = [
    "EventCoder",
    "EventsStage",
    "Pattern",
    "PatternError",
    "PatternTable",
    "make_events_stage",
]
