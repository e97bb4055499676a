"""Sentences stage: the sentence spans every later item points back to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import registry
from .model import Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .model import Record
    from .settings import Settings


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the whitespace spaCy keeps at sentence edges (e.g. paragraph breaks)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class SentencesStage:
    name = "sentences"

    def __call__(self, doc: Doc, record: Record) -> None:
        text = record.article.text  # == doc.text, which spaCy rebuilds on every access
        spans = (trimmed(text, s.start_char, s.end_char) for s in doc.sents)
        record.sentences = [Sentence(start, end) for start, end in spans if end > start]


@registry.stages.register("sentences")
def make_sentences_stage(settings: Settings, nlp: Language) -> SentencesStage:
    return SentencesStage()
