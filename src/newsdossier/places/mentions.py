"""Toponym mentions: where an article names a place.

Found in the one parse:

* spaCy's place entities (GPE, LOC, FAC), less a leading "the" and a trailing "'s", and
  organisation or group entities that are a major place by their very name ("Edmonton"
  tagged ORG);
* capitalised runs the gazetteer knows (up to MAX_RUN_TOKENS tokens, joined by "of", "de",
  "al-" and the like, or ending in a place word: "Saydnaya prison", "Gaza Strip"), when the
  run is no entity of another kind or sits where places sit — after a locative or
  directional preposition ("in", "near", "from"), before ", <region>" ("Alexandria, La."),
  after "north of" — so "Jordan" the person and "Georgia" the first name stay out;
* the dateline ("BEIRUT —").

`locational` tells a place used as a place from a place standing for its government or
people ("Damascus said", "Russia's foreign ministry"): record.places keeps only the
locational mentions; given spans (`resolve_spans`) are resolved whatever their use.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..datelines import dateline_tokens
from .gazetteer import Gazetteer
from .names import key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..model import Actor

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MISLABELLED = frozenset({"ORG", "NORP"})
MAJOR_FEATURES = frozenset({"PCLI", "ADM1", "PPLC"})
MAJOR_POPULATION = 100_000
MAX_RUN_TOKENS = 5
LOCATIVE = frozenset({"in", "at", "near", "from", "to", "into", "outside", "inside", "across",
                      "around", "toward", "towards", "through", "throughout", "between",
                      "within", "via", "off", "along", "past", "beyond", "on",
                      "over", "under", "onto", "of"})
DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest",
                        "southeast", "southwest", "northern", "southern", "eastern",
                        "western", "central", "outside", "near"})
CONNECTORS = frozenset({"of", "de", "del", "la", "le", "al", "el", "ad", "ar", "as", "ash",
                        "an", "du", "des", "da", "do", "dos", "van", "von", "upon", "on",
                        "-", "and"})
PLACE_WORDS = frozenset({"prison", "camp", "region", "province", "state", "county", "parish",
                         "district", "strip", "bank", "sea", "river", "valley", "island",
                         "islands", "mountains", "mountain", "desert", "airport", "base",
                         "border", "crossing", "hospital", "heights", "peninsula", "gulf",
                         "bay", "lake", "canal", "strait", "straits", "square", "city",
                         "town", "village", "plant", "port", "harbour", "harbor", "governorate",
                         "oblast", "territory", "territories", "coast", "basin", "delta"})
OF_PLACE_WORDS = DIRECTIONS | {"edge", "outskirts", "centre", "center", "heart", "suburbs",
                               "city", "town", "village", "province", "region", "district",
                               "capital", "residents", "mayor", "governor", "streets", "part",
                               "parts", "state", "county", "border", "port", "people"}
SPEECH_ROLES = frozenset({"nsubj", "nsubjpass", "poss", "agent"})


@dataclass(slots=True)
class Mention:
    start: int  # character offsets into the article text
    end: int
    text: str
    root: Token
    locational: bool
    entity: bool  # a spaCy place entity (else a gazetteer run or a dateline)
    relabelled: bool = False  # an ORG/NORP entity taken for the major place of its name


def find_mentions(doc: Doc, gazetteer: Gazetteer, actors: list[Actor]) -> list[Mention]:
    found: list[Mention] = []
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS and not _major_place(ent, gazetteer, actors):
            continue
        span = _trimmed(ent)
        if span is None:
            continue
        mention = _mention(span, actors, entity=True)
        mention.relabelled = ent.label_ not in PLACE_LABELS
        found.append(mention)
        taken.update(range(span.start, span.end))
    for span in _gazetteer_runs(doc, gazetteer, taken):
        found.append(_mention(span, actors, entity=False))
        taken.update(range(span.start, span.end))
    return sorted(found, key=lambda m: m.start)


def _major_place(ent: Span, gazetteer: Gazetteer, actors: list[Actor]) -> bool:
    """An entity the model took for an organisation or a group that is a well-known place
    by its very name ("Edmonton" tagged ORG, "Aleppo" NORP), not a known organisation."""
    if ent.label_ not in MISLABELLED or not ent.text[:1].isupper():
        return False
    if any(a.start <= ent.start_char and ent.end_char <= a.end and a.code and a.name
           and key(a.name) != key(ent.text) for a in actors):
        return False
    found = gazetteer.candidates(ent.text)
    top = found[0] if found else None
    return top is not None and key(top.name) == key(ent.text) and (
        top.feature in MAJOR_FEATURES or top.population >= MAJOR_POPULATION)


def _mention(span: Span, actors: list[Actor], entity: bool) -> Mention:
    return Mention(span.start_char, span.end_char, span.text, span.root,
                   _locational(span, actors), entity)


def _trimmed(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or (doc[end - 1].is_punct
                           and not doc[end - 1].text.endswith("."))):
        end -= 1
    return doc[start:end] if end > start else None


def _locational(span: Span, actors: list[Actor]) -> bool:
    """A place named as a place, not as the government or people it stands for."""
    if set(range(span.start, span.end)) & dateline_tokens(span.doc):
        return True
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in LOCATIVE:
        return True
    if root.dep_ in ("appos", "conj", "compound") and head.i != root.i:
        return root.dep_ != "compound" or head.lower_ in PLACE_WORDS
    acting = any(a.start <= span.start_char and span.end_char <= a.end and a.code
                 for a in actors)
    return not (acting and root.dep_ in SPEECH_ROLES | {"dobj", "pobj", "conj", "ROOT"})


def _gazetteer_runs(doc: Doc, gazetteer: Gazetteer, taken: set[int]) -> list[Span]:
    runs: list[Span] = []
    dateline = dateline_tokens(doc)
    i = 0
    while i < len(doc):
        if i in taken or not _starts_name(doc[i]):
            i += 1
            continue
        span = _longest_known(doc, i, gazetteer, taken)
        if span is not None and (_place_context(span, dateline) or _ends_in_place_word(span)):
            runs.append(span)
            i = span.end
        else:
            i += 1
    return runs


def _starts_name(token: Token) -> bool:
    return (token.text[:1].isupper() and token.is_alpha) or (
        token.text[:1].isupper() and token.text.rstrip(".").replace(".", "").isalpha())


def _longest_known(doc: Doc, start: int, gazetteer: Gazetteer,
                   taken: set[int]) -> Span | None:
    end = start + 1
    limit = min(len(doc), start + MAX_RUN_TOKENS)
    while end < limit and end not in taken and _continues(doc[end]):
        end += 1
    for stop in range(end, start, -1):
        span = doc[start:stop]
        last = span[-1]
        if last.lower_ in CONNECTORS or (last.is_punct and last.text != "."):
            continue
        if last.is_lower and last.lower_ not in PLACE_WORDS:
            continue
        if span.sent.start != doc[start].sent.start:
            continue
        if gazetteer.has(span.text):
            return span
    return None


def _continues(token: Token) -> bool:
    """Whether a run may go on with this token: a capitalised word, or a lower-case word (a
    run is kept only when it ends in a capitalised or place word: "Saydnaya military
    prison", "Bank of America" is no place)."""
    if token.is_space or "\n" in token.text:
        return False
    if token.text[:1].isupper() and (token.is_alpha or "." in token.text):
        return True
    return token.is_alpha and token.is_lower


def _ends_in_place_word(span: Span) -> bool:
    return len(span) > 1 and span[-1].lower_ in PLACE_WORDS


def _place_context(span: Span, dateline: set[int] | frozenset[int]) -> bool:
    doc = span.doc
    if span.start in dateline:
        return True
    position = span.start - 1
    while position >= 0 and doc[position].lower_ in ("the", "a", "an"):
        position -= 1  # "at the Saydnaya military prison"
    before = doc[position] if position >= 0 else None
    if before is not None and before.lower_ in LOCATIVE:
        return before.lower_ != "of" or (position > 0 and doc[position - 1].lower_
                                         in OF_PLACE_WORDS)
    after = doc[span.end: span.end + 2]
    if len(after) == 2 and after[0].text == "," and after[1].text[:1].isupper() and (
            after[1].ent_type_ in PLACE_LABELS or after[1].text.endswith(".")):
        return True  # "Alexandria, La." / "Pineville, Louisiana"
    return before is not None and before.text == "," and span.root.dep_ in ("appos", "conj")
