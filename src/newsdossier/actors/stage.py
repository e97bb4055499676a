"""The "actors" stage: find actor mentions in the parse and resolve each one.

Candidate mentions, from the shared spaCy parse only:

* named entities PERSON, NORP and ORG, always;
* GPE entities only when the place is used as an actor: subject or passive agent of a verb,
  direct or indirect object, object of "by", "against", "with" or "on", possessor
  ("Syria's"), modifier of an actor noun ("U.S. troops"), head of a verbless sentence (a
  headline or caption such as "Germany"), or coordinated with such a GPE. "in Damascus" is a
  place, not an actor;
* noun chunks whose head is a role word or named organisation from the dictionaries ("the
  foreign ministry", "Syrian troops", "military police"), a nationality noun ("the
  Syrians"), or an actor entity ("President Kassym-Jomart Tokayev"); a role chunk used as a
  place ("at the hospital", "in the army") is skipped.

Overlapping candidates are merged by keeping the longer span ("Syria's foreign ministry" is
one actor, not "Syria" plus "foreign ministry"). Leading determiners and punctuation are
trimmed token-wise, so `doc.text[start:end] == text` always holds. Person names are kept out
of the resolution (so "Jordan Peterson" is not Jordanian) except for leading titles
("President", "Syrian President"); a person's name becomes the actor's `name`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import registry
from ..model import Actor
from .dictionary import ActorDictionary, Entry, Token, normalise
from .resolver import UNRESOLVED, ActorResolver, Resolution

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span
    from spacy.tokens import Token as SpacyToken

    from ..model import Record
    from ..settings import Settings

ACTOR_LABELS = frozenset({"PERSON", "NORP", "ORG"})
GPE_LABEL = "GPE"
PERSON_LABEL = "PERSON"
SUBJECT_OBJECT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "csubj", "csubjpass", "agent", "dobj", "dative", "obj", "iobj", "poss"}
)
FRAGMENT_DEP = "ROOT"  # a GPE heading a verbless sentence is a mention, not a location
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "nn"})
ACTOR_PREPOSITIONS = frozenset({"by", "against", "with", "on"})
PLACE_PREPOSITIONS = frozenset(
    {
        "in",
        "at",
        "near",
        "inside",
        "outside",
        "into",
        "within",
        "around",
        "across",
        "beside",
        "behind",
        "toward",
        "towards",
        "throughout",
        "onto",
    }
)
MAX_PREMODIFIER_TOKENS = 8
TRIMMED_TAGS = frozenset({"DT", "PDT"})
TITLE_KINDS = frozenset({"sectors", "demonyms", "countries"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A token range [start, end) that mentions an actor."""

    start: int
    end: int

    @property
    def size(self) -> int:
        return self.end - self.start


class ActorsStage:
    """Appends one `Actor` per actor mention to `record.actors`, sorted by start offset."""

    name = "actors"

    def __init__(self, resolver: ActorResolver) -> None:
        self.resolver = resolver
        self.dictionary: ActorDictionary = resolver.dictionary

    def __call__(self, doc: Doc, record: Record) -> None:
        candidates = _merge(self._candidates(doc))
        record.actors.extend(self._actor(doc[c.start : c.end]) for c in candidates)

    # --- finding mentions -------------------------------------------------------------

    def _candidates(self, doc: Doc) -> Iterator[Candidate | None]:
        parsed = doc.has_annotation("DEP")
        for ent in doc.ents:
            if ent.label_ == PERSON_LABEL and parsed:
                yield _trimmed(_with_premodifiers(ent))
            elif ent.label_ in ACTOR_LABELS or (
                parsed and ent.label_ == GPE_LABEL and self._gpe_is_actor(ent.root)
            ):
                yield _trimmed(ent)
        if parsed:
            for chunk in doc.noun_chunks:
                if self._chunk_is_actor(chunk):
                    yield _trimmed(chunk)

    def _chunk_is_actor(self, chunk: Span) -> bool:
        root = chunk.root
        if root.ent_type_ in ACTOR_LABELS:
            return True
        if root.ent_type_ == GPE_LABEL:
            return self._gpe_is_actor(root)
        entry = self._entry_ending_at(chunk, root)
        if entry is None or (entry.country is None and entry.sector is None):
            return False
        if entry.kind == "countries":
            return self._gpe_is_actor(root)
        if entry.kind in ("organisations", "demonyms") and not root.text[:1].isupper():
            return False
        return not _used_as_place(root)

    def _entry_ending_at(self, chunk: Span, root: SpacyToken) -> Entry | None:
        words = normalise(chunk.doc[chunk.start : root.i + 1].text)
        return self.dictionary.entry_ending(words) if words else None

    def _gpe_is_actor(self, token: SpacyToken) -> bool:
        dep = token.dep_
        if dep in SUBJECT_OBJECT_DEPS or any(c.dep_ == "case" for c in token.children):
            return True
        if dep == FRAGMENT_DEP:
            return token.pos_ in ("PROPN", "NOUN")
        if dep == "pobj":
            return token.head.lower_ in ACTOR_PREPOSITIONS
        if dep in MODIFIER_DEPS:
            return self._is_actor_noun(token.head)
        if dep in ("conj", "appos") and token.head is not token:
            return token.head.ent_type_ == GPE_LABEL and self._gpe_is_actor(token.head)
        return False

    def _is_actor_noun(self, token: SpacyToken) -> bool:
        if token.ent_type_ in ACTOR_LABELS:
            return True
        entry = self.dictionary.entry_ending(normalise(token.text))
        if entry is None or entry.kind not in ("sectors", "organisations"):
            return False
        return entry.sector is not None or entry.country is not None

    # --- resolving mentions -----------------------------------------------------------

    def _actor(self, span: Span) -> Actor:
        text, person = self._resolution_text(span)
        resolution: Resolution = self.resolver.resolve(text) if text.strip() else UNRESOLVED
        return Actor(
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            name=resolution.name or person,
            country=resolution.country,
            sector=resolution.sector,
            code=resolution.code,
        )

    def _resolution_text(self, span: Span) -> tuple[str, str | None]:
        """The span's text without person names (titles kept), and the head person's name."""
        kept: list[str] = []
        person: str | None = None
        position = span.start
        doc = span.doc
        while position < span.end:
            token = doc[position]
            if token.ent_type_ != PERSON_LABEL:
                kept.append(token.text_with_ws)
                position += 1
                continue
            run_end = _person_run_end(doc, position, span.end)
            titles = self._title_length(doc[position:run_end])
            kept.extend(t.text_with_ws for t in doc[position : position + titles])
            if run_end == span.end and position + titles < run_end:
                person = doc[position + titles : run_end].text
            position = run_end
        return "".join(kept), person

    def _title_length(self, tokens: Span) -> int:
        """How many leading tokens of a person entity are titles ("Syrian President")."""
        words = [normalise(token.text) for token in tokens]
        position, title_end = 0, 0
        while position < len(words):
            size, entry = self._longest_title(words, position)
            if entry is None:
                break
            position += size
            if entry.kind == "sectors":
                title_end = position
        return title_end

    def _longest_title(self, words: Sequence[list[Token]], start: int) -> tuple[int, Entry | None]:
        for size in range(min(self.dictionary.max_words, len(words) - start), 0, -1):
            flat = tuple(t.word for group in words[start : start + size] for t in group)
            entry = self.dictionary.get(flat) if flat else None
            if entry is not None and entry.kind in TITLE_KINDS:
                return size, entry
        return 0, None


def _with_premodifiers(ent: Span) -> Span:
    """A person entity widened to its pre-modifiers ("U.S. Secretary of State Antony Blinken").

    spaCy's noun chunks drop such titles when they contain a prepositional phrase.
    """
    left = ent.root.left_edge.i
    if left >= ent.start or ent.start - left > MAX_PREMODIFIER_TOKENS:
        return ent
    doc = ent.doc
    if any(token.pos_ in ("VERB", "AUX") for token in doc[left : ent.start]):
        return ent
    return doc[left : ent.end]


def _person_run_end(doc: Doc, start: int, limit: int) -> int:
    end = start + 1
    while end < limit and doc[end].ent_type_ == PERSON_LABEL and doc[end].ent_iob_ == "I":
        end += 1
    return end


def _used_as_place(token: SpacyToken) -> bool:
    return token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS


def _trimmed(span: Span) -> Candidate | None:
    """The span without leading determiners/punctuation and trailing punctuation/'s."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].tag_ in TRIMMED_TAGS or _is_filler(doc[start])):
        start += 1
    while end > start and (_is_filler(doc[end - 1]) or doc[end - 1].tag_ == "POS"):
        end -= 1
    return Candidate(start, end) if start < end else None


def _is_filler(token: SpacyToken) -> bool:
    return token.is_punct or token.is_space


def _merge(candidates: Iterable[Candidate | None]) -> list[Candidate]:
    """Non-overlapping candidates, preferring the longer; sorted by position."""
    taken: set[int] = set()
    kept: list[Candidate] = []
    unique = {candidate for candidate in candidates if candidate is not None}
    for candidate in sorted(unique, key=lambda c: (-c.size, c.start)):
        positions = range(candidate.start, candidate.end)
        if taken.intersection(positions):
            continue
        taken.update(positions)
        kept.append(candidate)
    return sorted(kept, key=lambda c: (c.start, c.end))


@registry.stages.register("actors")
def make_actors_stage(settings: Settings, nlp: Language) -> ActorsStage:
    """Build the stage from the shipped dictionaries plus `settings.actor_dictionaries`."""
    del nlp  # the stage reads the shared parse only
    dictionary = ActorDictionary.load(settings.actor_dictionaries)
    return ActorsStage(ActorResolver(dictionary))
