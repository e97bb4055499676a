"""The event coder: triggers from the pattern table, matched over the dependency parse."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..dates import date_for_span, parse_publication_date
from ..model import Actor, Event, Record, Span
from .arguments import (
    OBJECTS,
    PASSIVE_SUBJECTS,
    ActorIndex,
    child_with,
    is_passive,
    prep_object,
    verb_subject,
)
from .patterns import Pattern, PatternTable
from .status import accused_party, find_status

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from ..actors import ActorResolver

# Verbal events whose clausal complement is their content, not a separate event:
# "agreed to withdraw", "urged Russia to halt", "threatened to strike".
INTENT_TYPES = frozenset({"AGREE", "REQUEST", "THREATEN", "REJECT", "CONCEDE"})
_COMPLEMENTS = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "prep", "advcl"})
_SUBJECT_LIKE = frozenset({"nsubj", "nsubjpass", "ROOT", "appos"})
_MAX_SENTENCE_TOKENS = 400


@dataclass(slots=True)
class Match:
    """A trigger token with the pattern it matched, before actors and status are found."""

    token: Token
    pattern: Pattern
    extra: list[Token]
    light_verb: Token | None = None


def _particle_matches(token: Token, particle: str) -> Token | None:
    for child in token.children:
        if child.dep_ in ("prt", "advmod", "prep") and child.lower_ == particle:
            return child
    return None


def _modifiers_match(token: Token, modifiers: tuple[str, ...]) -> list[Token] | None:
    found = []
    lefts = [c for c in token.lefts if c.dep_ in ("compound", "amod", "nmod")]
    for modifier in modifiers:
        child = next((c for c in lefts if c.lemma_.lower() == modifier), None)
        if child is None:
            return None
        found.append(child)
    return found


def _object_of(token: Token) -> Token | None:
    if is_passive(token):
        return child_with(token, PASSIVE_SUBJECTS)
    return child_with(token, OBJECTS)


def _conditions_hold(token: Token, pattern: Pattern) -> bool:
    when = pattern.when
    if when.objects:
        obj = _object_of(token) if pattern.pos == "VERB" else None
        if obj is None or obj.lemma_.lower() not in when.objects:
            return False
    if when.prep and prep_object(token, when.prep) is None and not any(
        c.dep_ == "prep" and c.lower_ == when.prep for c in token.children
    ):
        return False
    if when.modals and not _complement_has_modal(token, when.modals):
        return False
    return not (when.xcomp and child_with(token, ("xcomp",)) is None)


def _complement_has_modal(token: Token, modals: frozenset[str]) -> bool:
    """'said the rebels must withdraw': a reported obligation is a demand."""
    complement = child_with(token, ("ccomp",))
    if complement is None:
        return False
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in modals for c in complement.children)


def match_token(token: Token, table: PatternTable) -> Match | None:
    pos = "VERB" if token.pos_ == "VERB" else "NOUN" if token.pos_ == "NOUN" else None
    if pos is None:
        return None
    for pattern in table.candidates(pos, token.lemma_.lower()):
        extra: list[Token] = []
        if pattern.particle:
            particle = _particle_matches(token, pattern.particle)
            if particle is None:
                continue
            extra.append(particle)
        if pattern.modifiers:
            modifiers = _modifiers_match(token, pattern.modifiers)
            if modifiers is None:
                continue
            extra.extend(modifiers)
        if _conditions_hold(token, pattern):
            return Match(token, pattern, extra)
    return None


def _trigger_span(match: Match, text: str) -> Span:
    tokens = [match.token, *match.extra]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    return Span(start, end, text[start:end])


class EventCoder:
    """Finds every event of one document; stateless between documents."""

    def __init__(self, table: PatternTable, resolver: ActorResolver,
                 reporting_verbs: dict[str, str]) -> None:
        self.table = table
        self.resolver = resolver
        self.reporting_verbs = reporting_verbs

    def code(self, doc: Doc, record: Record) -> list[Event]:
        text = record.article.text
        index = ActorIndex(doc, record.actors, self.resolver, text)
        published = parse_publication_date(record.article.published)
        events: list[Event] = []
        for sentence in doc.sents:
            if len(sentence) > _MAX_SENTENCE_TOKENS:
                record.notes.append(
                    f"events: sentence at {sentence.start_char} has {len(sentence)} tokens; "
                    "skipped as unparseable prose"
                )
                continue
            for match in self._matches(sentence):
                event = self._event(match, sentence, index, record, published,
                                    f"e{len(events) + 1}")
                if event is not None:
                    events.append(event)
        return events

    def _matches(self, sentence: SpacySpan) -> list[Match]:
        matches = [m for m in (match_token(t, self.table) for t in sentence) if m]
        consumed = set()
        for match in matches:
            if match.pattern.pos == "VERB" and match.pattern.when.objects:
                obj = _object_of(match.token)
                if obj is not None:
                    consumed.add(obj.i)
        by_token = {m.token.i: m for m in matches}
        kept = []
        for match in matches:
            if match.token.i in consumed or _is_content_of_intent(match.token, by_token):
                continue
            if match.pattern.pos == "NOUN":
                match.light_verb = _light_verb(match.token)
            kept.append(match)
        return kept

    def _event(self, match: Match, sentence: SpacySpan, index: ActorIndex, record: Record,
               published: dt.date | None, event_id: str) -> Event | None:
        text = record.article.text
        trigger = _trigger_span(match, text)
        sentence_span = _trimmed_sentence(sentence, text)
        date = date_for_span(record.dates, trigger.start, trigger.end,
                             sentence_span.start, sentence_span.end)
        event_date = date.value if date else None
        finding = find_status(match.token, match.light_verb, self.reporting_verbs, sentence,
                              event_date, published)
        source, target = self._arguments(match, index, finding)
        if match.pattern.pos == "NOUN" and not (source or target) and (
            match.token.dep_ not in _SUBJECT_LIKE
        ):
            return None
        pattern = match.pattern
        attributed = index.actors_for(finding.speaker_token)
        return Event(
            id=event_id, type=pattern.type, cameo=pattern.cameo, sentence=sentence_span,
            trigger=trigger, source=source, target=[a for a in target if a not in source],
            mode=pattern.mode, context=list(pattern.context), date=event_date,
            status=finding.status, attributed_to=attributed[0] if attributed else None,
            confidence=_confidence(pattern, source, target),
        )

    def _arguments(self, match: Match, index: ActorIndex, finding: object) -> tuple[
        list[Actor], list[Actor]
    ]:
        token, pattern = match.token, match.pattern
        if pattern.pos == "VERB":
            source_token = _verb_source(token)
            if source_token is None:
                source_token = accused_party(getattr(finding, "attribution", None))
        else:
            source_token = _noun_source(token, match.light_verb)
        target_token = _target_token(token, pattern, match.light_verb)
        if target_token is None and pattern.type in INTENT_TYPES:
            target_token = _complement_object(token)
        return index.actors_for(source_token), index.actors_for(target_token)


def _verb_source(verb: Token) -> Token | None:
    if is_passive(verb):
        return prep_object(verb, "by")
    return verb_subject(verb)


def _noun_source(noun: Token, light_verb: Token | None) -> Token | None:
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    by = prep_object(noun, "by")
    if by is not None:
        return by
    for child in noun.lefts:
        if child.dep_ in ("amod", "compound", "nmod") and child.ent_type_ in ("NORP", "GPE", "ORG"):
            return child
    if light_verb is not None:
        return _verb_source(light_verb)
    return None


def _target_token(token: Token, pattern: Pattern, light_verb: Token | None) -> Token | None:
    for place in pattern.target:
        if place == "comp":
            complement = child_with(token, ("ccomp", "xcomp"))
            found = verb_subject(complement) if complement is not None else None
        elif place == "obj":
            found = _object_of(token) if pattern.pos == "VERB" else prep_object(token, "of")
        else:
            preposition = place.split(":", 1)[1]
            found = prep_object(token, preposition)
            if found is None and pattern.pos == "VERB":
                obj = child_with(token, OBJECTS)
                found = prep_object(obj, preposition) if obj is not None else None
            if found is None and light_verb is not None:
                found = prep_object(light_verb, preposition)
        if found is not None:
            return found
    return None


def _complement_object(verb: Token) -> Token | None:
    """'threatened to attack militant bases': the threat is aimed at the bases."""
    complement = child_with(verb, ("xcomp", "ccomp"))
    if complement is None:
        return None
    return child_with(complement, OBJECTS) or prep_object(complement, "on") or prep_object(
        complement, "against"
    )


def _light_verb(noun: Token) -> Token | None:
    """The verb a nominal trigger is the object of ("held talks", "launched an attack")."""
    if noun.dep_ in OBJECTS and noun.head.pos_ == "VERB":
        return noun.head
    if noun.dep_ in PASSIVE_SUBJECTS and noun.head.pos_ == "VERB":
        return noun.head
    return None


def _is_content_of_intent(token: Token, by_token: dict[int, Match]) -> bool:
    node = token
    for _ in range(4):
        if node.dep_ not in _COMPLEMENTS or node.head is node:
            return False
        node = node.head
        governing = by_token.get(node.i)
        if governing is not None:
            return governing.pattern.type in INTENT_TYPES
    return False


def _trimmed_sentence(sentence: SpacySpan, text: str) -> Span:
    start, end = sentence.start_char, sentence.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])


def _confidence(pattern: Pattern, source: list[Actor], target: list[Actor]) -> float:
    score = 0.45
    score += 0.25 if any(a.code for a in source) else 0.0
    score += 0.1 if any(a.code for a in target) or not pattern.target else 0.0
    score += 0.1 if pattern.when.specificity else 0.0
    return round(min(score, 0.95), 2)
