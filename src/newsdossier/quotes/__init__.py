"""Quotations: who said what, with the cue and the speaker, as `record.quotes`."""

from .cues import Cue, CueError, CueTable
from .extract import QuoteFinder
from .marks import Quoted, quotations
from .stage import QuotesStage, make_quotes_stage

__all__ = [
    "Cue",
    "CueError",
    "CueTable",
    "QuoteFinder",
    "Quoted",
    "QuotesStage",
    "make_quotes_stage",
    "quotations",
]
