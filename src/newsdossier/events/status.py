"""Whether an event happened as the text tells it: asserted, reported, alleged, denied,
negated, hypothetical, future or historical — and who says so."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from ..parse_repairs import main_verb_of_stranded_conjunct
from .arguments import JOURNEYS, OBJECTS, child_with, unwrapped_subject

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

STANCE_STATUS = {
    "say": "reported", "support": "reported", "allege": "alleged", "dispute": "alleged",
    "deny": "denied",
}
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "'d", "can", "ca",
                               "must", "ought"})
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
_HEDGES = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "apparently"})
# Verbs whose infinitive complement is not (yet) done: "plans to", "is due to", "wants to".
FUTURE_GOVERNORS = frozenset({
    "plan", "intend", "prepare", "vow", "promise", "pledge", "expect", "aim", "seek",
    "want", "hope", "agree", "threaten", "schedule", "set", "propose", "offer",
    "consider", "mull", "weigh", "wish", "swear", "due", "ready", "willing", "determined",
    "prepared", "poised", "likely", "going",
})
# Through these a clause is part of what a reporting verb reports; "dobj" for "accused
# the police of executing ..." and "officials reported the attack".
# "X is set / due / scheduled / expected to ...": what X does is still to come.
SCHEDULING = frozenset({"set", "schedule", "expect", "due", "poise", "plan"})
_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "pcomp", "pobj", "prep",
                              "conj", "acomp", "oprd", "dobj"})
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
    fronted: bool  # "X said (that) ..." before the report, not "..., X said" after it


def _speaker(verb: Token) -> Token | None:
    subject = child_with(verb, ("nsubj",))
    if subject is not None:
        return unwrapped_subject(subject)
    if any(c.dep_ == "auxpass" for c in verb.children):  # "a court martial was told"
        return None
    return None


def reporting_ancestor(clause: Token, verbs: dict[str, str]) -> Attribution | None:
    """The nearest reporting verb whose complement holds `clause`, if any."""
    if main_verb_of_stranded_conjunct(clause) is not None:
        return None  # "said there was … and urged the crowd": the urging is the speaker's act
    node = clause
    for _ in range(8):
        head = node.head
        if head.i == node.i:
            break
        if node.dep_ not in _COMPLEMENT_DEPS:
            return None
        stance = verbs.get(head.lemma_.lower())
        if stance and head.pos_ in ("VERB", "AUX") and node.dep_ != "conj":
            fronted = head.i < node.left_edge.i
            return Attribution(head, stance, _speaker(head), fronted)
        node = head
    return _parataxis_reporter(node, verbs)


# Nouns whose content clause is an allegation: "accusations by the US that detainees were
# executed"; the content is denied when the noun is what a denial verb takes.
ALLEGATION_NOUNS = frozenset({"accusation", "allegation", "claim", "charge", "report",
                              "assertion", "suggestion", "rumour", "rumor"})
_DENIAL_VERBS = frozenset({"reject", "deny", "dismiss", "refute", "rebut", "dispute"})


def allegation_frame(clause: Token) -> Attribution | None:
    """'rejected accusations by the US State Department that detainees were executed': the
    execution is alleged by the State Department, and denied since the accusation is
    rejected."""
    for _ in range(3):  # "allegations that the president tried to pressure …"
        if clause.dep_ not in ("xcomp", "conj") or clause.head.i == clause.i:
            break
        clause = clause.head
    noun = clause.head
    if clause.dep_ not in ("acl", "ccomp", "relcl") or noun.lemma_.lower() not in (
        ALLEGATION_NOUNS
    ) or clause.dep_ == "relcl":
        return None
    author = next((c for c in noun.children if c.dep_ == "poss"), None)
    if author is None:
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")),
                  None)
        author = child_with(by, ("pobj",)) if by is not None else None
    verb = noun.head
    denied = noun.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in _DENIAL_VERBS and (
        not any(c.dep_ == "neg" for c in verb.children)
    )
    return Attribution(noun, "deny" if denied else "allege", author, noun.i < clause.i)


def _parataxis_reporter(clause_root: Token, verbs: dict[str, str]) -> Attribution | None:
    """'Rebels attacked the town, officials said' parsed with 'said' under the event."""
    for child in clause_root.children:
        stance = verbs.get(child.lemma_.lower())
        if stance and child.dep_ in ("parataxis", "ccomp", "advcl") and child.i > clause_root.i:
            if child.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass")
                                               for c in child.children):
                continue  # "criticised the move, arguing that …": the actor's own words
            return Attribution(child, stance, _speaker(child), False)
    return None


def according_to(sentence: Span) -> Token | None:
    """The object of 'according to X' in the sentence, if any."""
    for token in sentence:
        if token.lower_ == "according":
            to = next((c for c in token.children if c.lower_ == "to"), None)
            if to is not None:
                return child_with(to, ("pobj",))
    return None


_NEGATING_GOVERNORS = frozenset({"fail", "refrain", "avoid", "cease"})
NOTHING_WORDS = frozenset({"nothing", "none", "nobody", "noone"})


def negated(trigger: Token, light_verb: Token | None) -> bool:
    """'did not attack', 'no talks were held', 'no deadline had been set', 'failed to
    reach agreement', 'neither the EU nor the US endorsed'."""
    heads = [trigger] if light_verb is None else [trigger, light_verb]
    if any(c.dep_ == "neg" for head in heads for c in head.children):
        return True
    subject = child_with(heads[-1], ("nsubj", "nsubjpass"))
    if subject is not None and any(c.lower_ == "neither" for c in subject.children):
        return True
    if any(c.lower_ in ("no", "never") and c.dep_ == "det" for c in trigger.children):
        return True
    clause = heads[-1]
    if any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in NOTHING_WORDS
           for c in clause.children):
        return True  # "have conceded nothing", "nothing was agreed"
    if any(c.dep_ in ("nsubjpass", "dobj") and any(
        d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in clause.children):
        return True
    return clause.dep_ == "xcomp" and clause.head.lemma_.lower() in _NEGATING_GOVERNORS


# Nouns whose infinitive is an act yet to come: "plans to pull out", "a pledge to cut".
PLANNING_NOUNS = frozenset({"plan", "intention", "pledge", "promise", "decision",
                            "commitment", "offer", "proposal", "vow"})


def planned_by_noun(clause: Token) -> bool:
    """An infinitive that is the content of a noun of planning: 'plans to pull out'."""
    return clause.dep_ == "acl" and clause.head.lemma_.lower() in PLANNING_NOUNS and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def modality(clause: Token) -> str | None:
    """"future" (will, plans to, is due to), "hypothetical" (would, could, if) or None."""
    node = clause
    for _ in range(6):
        for child in node.children:
            word = child.lower_
            if child.dep_ in ("aux", "auxpass") and word in _FUTURE_AUX:
                return "future"
            if child.dep_ in ("aux", "auxpass") and word in _HYPOTHETICAL_AUX:
                if word in ("would", "'d") and _future_in_the_past(node):
                    return "future"  # "said the government would pressure the US"
                return "hypothetical"
            if child.dep_ == "mark" and word in _CONDITIONAL_MARKS:
                return "hypothetical"
        head = node.head
        governed = head.lemma_.lower() in FUTURE_GOVERNORS or (
            head.lemma_ == "be" and _adjective_governor(node)
        )
        if node.dep_ == "xcomp" and governed:
            return _modality_of_governor(head) or "future"
        if planned_by_noun(node):
            return "future"  # "announced plans to pull out", "its pledge to cut emissions"
        if node.dep_ == "xcomp" and head.lemma_ == "be" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            return "future"  # "the minister is to face trial", "talks are to resume"
        if node.dep_ == "xcomp" and head.dep_ == "acomp" and head.lemma_.lower() in (
            FUTURE_GOVERNORS
        ):
            return "future"
        if node.dep_ in ("advcl", "xcomp") and head.lemma_.lower() in JOURNEYS and (
                head.tag_ not in ("VBD", "VBN")) and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            return "future"  # "women going to Gaza to deliver aid": what the trip is for
            # (not "flew to Kampala to meet him": told after the trip, it took place)
        infinitive = node.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                  for c in node.children)
        if (node.dep_ in ("xcomp", "conj") or infinitive) and head.i != node.i:
            node = head  # "would have allowed the government to extradite": its modality
            continue
        break
    if clause.tag_ == "VBG" and clause.head.lemma_ == "be" and _has_future_time(clause):
        return "future"
    if clause.lemma_.lower() in SCHEDULING and child_with(clause, ("xcomp",)) is not None:
        return "future"  # "the assembly is set to open tomorrow"
    return None


_SAYING_IN_THE_PAST = frozenset({"say", "announce", "vow", "pledge", "promise", "warn",
                                 "tell", "confirm", "state", "declare", "indicate", "add"})


def _future_in_the_past(clause: Token) -> bool:
    """'would' reporting what someone said they will do: the clause is what a verb of
    saying in the past reports, and no condition ("if", "unless") bounds it."""
    if clause.dep_ not in ("ccomp", "conj") or clause.head.i == clause.i:
        return False
    saying = clause.head
    while saying.dep_ == "conj" and saying.head.i != saying.i and clause.dep_ == "conj":
        saying = saying.head
    if saying.lemma_.lower() not in _SAYING_IN_THE_PAST or saying.tag_ != "VBD":
        return False
    return not any((c.dep_ in ("advcl", "mark") and c.lower_ in _CONDITIONAL_MARKS)
                   or any(g.dep_ == "mark" and g.lower_ in _CONDITIONAL_MARKS
                          for g in c.children)
                   for c in clause.children)


def _adjective_governor(node: Token) -> bool:
    return any(c.dep_ == "acomp" and c.lemma_.lower() in FUTURE_GOVERNORS
               for c in node.head.children)


def _modality_of_governor(governor: Token) -> str | None:
    """'would be ready to host': the governor's own 'would' makes the whole hypothetical."""
    for child in governor.children:
        if child.dep_ == "aux" and child.lower_ in _HYPOTHETICAL_AUX:
            return "hypothetical"
    return None


def _has_future_time(verb: Token) -> bool:
    return any(t.lower_ in ("tomorrow", "next") for t in verb.subtree)


# What makes an event noun one still to come: "scheduled two meetings", "a meeting was
# planned", "the proposed talks", "an upcoming visit".
SCHEDULED_BY = frozenset({"schedule", "plan", "set", "arrange", "organise", "organize",
                          "propose", "slate"})
TO_COME = frozenset({"planned", "proposed", "scheduled", "upcoming", "forthcoming",
                     "future", "expected", "prospective"})


def still_to_come(trigger: Token) -> bool:
    """An event noun that is scheduled, planned or proposed, not yet held."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ == "amod" and c.lower_ in TO_COME for c in trigger.children):
        return True
    return trigger.dep_ in ("dobj", "nsubjpass") and trigger.head.lemma_.lower() in SCHEDULED_BY


def hedged(trigger: Token, clause: Token) -> bool:
    return any(c.lower_ in _HEDGES for c in clause.children) or any(
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
    negated: bool
    modality: str | None


def find_status(
    trigger: Token,
    light_verb: Token | None,
    verbs: dict[str, str],
    sentence: Span,
    event_date: str | None,
    published: dt.date | None,
) -> StatusFinding:
    clause = light_verb if light_verb is not None else trigger
    if clause.i == trigger.i and trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in (
        "nsubj", "nsubjpass"
    ) and trigger.head.pos_ in ("VERB", "AUX"):
        clause = trigger.head  # "the meeting is set to open tomorrow": the verb's modality
    attribution = reporting_ancestor(clause, verbs) or allegation_frame(clause)
    if attribution is not None and attribution.verb.i == trigger.i:
        attribution = None
    speaker = attribution.speaker if attribution else according_to(sentence)
    stance = attribution.stance if attribution else ("say" if speaker is not None else None)
    if stance == "deny" and attribution and any(c.dep_ == "neg" for c in attribution.verb.children):
        stance = "say"
    is_negated = negated(trigger, light_verb)
    mood = modality(clause) or ("future" if still_to_come(trigger) else None)
    if stance == "deny":
        status = "denied"
    elif is_negated:
        status = "negated"
    elif mood:
        status = mood
    elif stance in ("allege", "dispute") or hedged(trigger, clause):
        status = "alleged"
    elif is_historical(event_date, published):
        status = "historical"
    elif stance is not None:
        status = STANCE_STATUS[stance]
    else:
        status = "asserted"
    return StatusFinding(status, attribution, speaker, is_negated, mood)


def accused_party(attribution: Attribution | None) -> Token | None:
    """In 'X accused Y of attacking Z', Y did the attacking."""
    if attribution is None or attribution.stance != "allege":
        return None
    return child_with(attribution.verb, OBJECTS)
