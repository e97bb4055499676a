"""Whether an event happened as the text tells it: asserted, reported, alleged, denied,
negated, hypothetical, future or historical — and who says so."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from .arguments import OBJECTS, child_with

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

STANCE_STATUS = {
    "say": "reported", "support": "reported", "allege": "alleged", "dispute": "alleged",
    "deny": "denied",
}
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "'d"})
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
_HEDGES = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "apparently"})
_FUTURE_GOVERNORS = frozenset({
    "plan", "intend", "prepare", "vow", "promise", "pledge", "expect", "aim", "seek",
    "want", "hope", "decide", "agree", "threaten", "schedule", "set", "propose", "offer",
    "consider", "mull", "weigh",
})
_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "pcomp", "pobj", "prep",
                              "conj", "acomp", "oprd"})
HISTORICAL_AFTER_DAYS = 365


def load_reporting_verbs() -> dict[str, str]:
    text = resources.files("newsdossier").joinpath("data/events/reporting.tsv").read_text("utf-8")
    verbs = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            lemma, stance = line.split("\t")[:2]
            verbs[lemma.strip()] = stance.strip()
    return verbs


@dataclass(frozen=True, slots=True)
class Attribution:
    """A reporting verb governing the event, its stance and who speaks."""

    verb: Token
    stance: str
    speaker: Token | None


def _reporting_ancestor(trigger: Token, verbs: dict[str, str]) -> Attribution | None:
    node = trigger
    for _ in range(8):
        head = node.head
        if head is node:
            break
        if node.dep_ not in _COMPLEMENT_DEPS:
            return None
        stance = verbs.get(head.lemma_.lower())
        if stance and head.pos_ in ("VERB", "AUX"):
            return Attribution(head, stance, child_with(head, ("nsubj",)))
        node = head
    return _parataxis_reporter(node, verbs)


def _parataxis_reporter(clause_root: Token, verbs: dict[str, str]) -> Attribution | None:
    """'Rebels attacked the town, officials said' parsed with 'said' under the event."""
    for child in clause_root.children:
        stance = verbs.get(child.lemma_.lower())
        if stance and child.dep_ in ("parataxis", "ccomp", "advcl") and child.i > clause_root.i:
            return Attribution(child, stance, child_with(child, ("nsubj",)))
    return None


def according_to(sentence: Span) -> Token | None:
    """The object of 'according to X' in the sentence, if any."""
    for token in sentence:
        if token.lower_ == "according":
            to = next((c for c in token.children if c.lower_ == "to"), None)
            if to is not None:
                return child_with(to, ("pobj",))
    return None


def _negated(trigger: Token, light_verb: Token | None) -> bool:
    heads = [trigger] if light_verb is None else [trigger, light_verb]
    if any(c.dep_ == "neg" for head in heads for c in head.children):
        return True
    return any(c.lower_ in ("no", "never") and c.dep_ == "det" for c in trigger.children)


def _clause_head(trigger: Token, light_verb: Token | None) -> Token:
    return light_verb if light_verb is not None else trigger


def _modality(trigger: Token, light_verb: Token | None) -> str | None:
    verb = _clause_head(trigger, light_verb)
    node = verb
    for _ in range(6):
        for child in node.children:
            word = child.lower_
            if child.dep_ in ("aux", "auxpass") and word in _FUTURE_AUX:
                return "future"
            if child.dep_ in ("aux", "auxpass") and word in _HYPOTHETICAL_AUX:
                return "hypothetical"
            if child.dep_ == "mark" and word in _CONDITIONAL_MARKS:
                return "hypothetical"
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in _FUTURE_GOVERNORS:
            return "future"
        if node.dep_ in ("xcomp", "conj") and node.head is not node:
            node = node.head
            continue
        break
    if verb.tag_ == "VBG" and verb.head.lemma_ == "be" and _has_future_time(verb):
        return "future"
    return None


def _has_future_time(verb: Token) -> bool:
    return any(t.lower_ in ("tomorrow", "next") for t in verb.subtree)


def _hedged(trigger: Token, light_verb: Token | None) -> bool:
    verb = _clause_head(trigger, light_verb)
    return any(c.lower_ in _HEDGES for c in verb.children) or any(
        c.lower_ in _HEDGES for c in trigger.children
    )


def is_historical(event_date: str | None, published: dt.date | None) -> bool:
    if not event_date or published is None:
        return False
    parts = [int(p) for p in event_date.split("-")]
    start = dt.date(parts[0], parts[1] if len(parts) > 1 else 12,
                    parts[2] if len(parts) > 2 else 28)
    return (published - start).days > HISTORICAL_AFTER_DAYS


@dataclass(frozen=True, slots=True)
class StatusFinding:
    status: str
    attribution: Attribution | None
    speaker_token: Token | None


def find_status(
    trigger: Token,
    light_verb: Token | None,
    verbs: dict[str, str],
    sentence: Span,
    event_date: str | None,
    published: dt.date | None,
) -> StatusFinding:
    attribution = _reporting_ancestor(_clause_head(trigger, light_verb), verbs)
    if attribution is not None and attribution.verb.i == trigger.i:
        attribution = None
    speaker = attribution.speaker if attribution else according_to(sentence)
    stance = attribution.stance if attribution else ("say" if speaker is not None else None)
    if stance == "deny" and attribution and any(c.dep_ == "neg" for c in attribution.verb.children):
        stance = "say"
    if stance == "deny":
        status = "denied"
    elif _negated(trigger, light_verb):
        status = "negated"
    elif modality := _modality(trigger, light_verb):
        status = modality
    elif stance in ("allege", "dispute") or _hedged(trigger, light_verb):
        status = "alleged"
    elif is_historical(event_date, published):
        status = "historical"
    elif stance is not None:
        status = STANCE_STATUS[stance]
    else:
        status = "asserted"
    return StatusFinding(status, attribution, speaker)


def accused_party(attribution: Attribution | None) -> Token | None:
    """In 'X accused Y of attacking Z', Y did the attacking."""
    if attribution is None or attribution.stance != "allege":
        return None
    return child_with(attribution.verb, OBJECTS)
