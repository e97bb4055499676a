"""Language stage: is this English? Other languages are noted, not mis-coded.

A cheap function-word test over the parse's tokens; it costs microseconds per article and
needs no model download. The input's own language field wins when given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import registry

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .model import Record
    from .settings import Settings

# Share of lower-case alphabetic tokens that are English stop words: English news runs
# 0.3-0.6; other Latin-script languages stay well under 0.1. Capitalised words are left out:
# a headline-like sentence full of names ("Iraq's national security advisor met with Syrian
# President Bashar Assad Tuesday ...") is English however few its function words.
_MIN_ENGLISH_SHARE = 0.18
_MIN_WORDS = 5
# A short, dense news text (two headline-like sentences of names, verbs and nouns with
# three function words in seventeen) falls under the bar;
# other languages' short texts still stay near zero.
_SHORT_TEXT_WORDS = 40
_MIN_SHORT_ENGLISH_SHARE = 0.1


# Tokens read to decide: a few paragraphs tell the language as well as the whole text does.
_SAMPLE_TOKENS = 1500


def english_share(doc: Doc) -> tuple[float, int]:
    words = [token for token in doc[:_SAMPLE_TOKENS]
             if token.is_alpha and token.text[0].islower()]
    if not words:
        return 0.0, 0
    stop = sum(1 for token in words if token.is_stop)
    return stop / len(words), len(words)


class LanguageStage:
    name = "language"

    def __call__(self, doc: Doc, record: Record) -> None:
        article = record.article
        if article.language:
            article.language = article.language.lower().split("-")[0][:8]
            return
        share, words = english_share(doc)
        if words < _MIN_WORDS:
            return
        needed = _MIN_SHORT_ENGLISH_SHARE if words < _SHORT_TEXT_WORDS else _MIN_ENGLISH_SHARE
        if share >= needed:
            article.language = "en"
        else:
            record.notes.append(
                f"language: not English ({share:.0%} English function words); "
                "extraction results are unreliable"
            )


def skip_unless_english(record: Record, stage: str) -> bool:
    """True (with a note naming the stage) when the article's language field says it is not
    English, or, lacking one, the language stage found it is not."""
    language = record.article.language
    if language not in (None, "en"):
        record.notes.append(f"{stage}: skipped, article language is {language!r}")
        return True
    if language is None and any(note.startswith("language:") for note in record.notes):
        record.notes.append(f"{stage}: skipped, the text does not look like English")
        return True
    return False


@registry.stages.register("language")
def make_language_stage(settings: Settings, nlp: Language) -> LanguageStage:
    return LanguageStage()
