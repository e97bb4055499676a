"""Foreground or background: is an event reported as news of its sentence, or mentioned
as context of another event?

Event datasets count what a sentence reports, not what it recalls: in "UN troops withdrew
on Monday, two weeks after rebels kidnapped dozens of peacekeepers" the withdrawal is the
news and the kidnapping is background (counting it again would count one abduction once per
article that recalls it). An event is background when its clause is

* a relative clause or a participle modifying a noun ("the militants who seized Mosul",
  "a member of Hamas jailed a year ago", "the Israeli-occupied sector"), unless the noun is
  the subject of "there were" ("there were 10 soldiers killed");
* an adverbial clause of time or cause ("after", "since", "before", "when", "because" ...),
  a purpose infinitive ("... staged rallies to demand reforms") or an -ing elaboration of
  another event ("opened fire, killing one"), or the object of a preposition ("for
  helping", "by promoting");
* for an event noun: the object of a preposition ("in protest at the arrest", "following
  the killing"), the content of a noun ("a plan to sell") or the object of another event
  verb ("condemned the attack", "rejected calls"). A noun that is a subject ("air strikes
  killed 12") or the object of a verb that is no event of its own ("used tear gas", "began a
  hunger strike") is foreground.

Background events stay in the record with `background: true`; counts and evaluations use the
foreground ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .arguments import OBJECTS, PASSIVE_SUBJECTS
from .triggers import characterised, made_the_subject_of, suffered_in

if TYPE_CHECKING:
    from spacy.tokens import Token

BACKGROUND_MARKS = frozenset({
    "after", "before", "since", "until", "till", "when", "whenever", "once", "because",
    "following", "unless", "lest",
})
# "Rwanda hoped French officials would be indicted": a wish is not an event.
WISHING = frozenset({"hope", "wish", "fear", "pray", "dream"})
# An attempted event is news: "an attempt to assassinate the governor was thwarted".
ATTEMPT_NOUNS = frozenset({"attempt", "bid", "plot"})
# A statement's content is its news: "issued a declaration demanding that ...".
STATEMENT_NOUNS = frozenset({"declaration", "statement", "communique", "letter", "message",
                             "resolution", "announcement", "ultimatum", "appeal", "order"})
# Nouns naming an act of speech by what it expresses: "words of condemnation".
EXPRESSION_NOUNS = frozenset({"word", "expression", "show", "gesture", "sign", "note"})
# Verbs whose prepositional object is what they say: "insisted on its demands".
SAYING_WITH_PREPOSITION = frozenset({"insist", "press", "push", "call", "reiterate"})
_NOUN_FOREGROUND_DEPS = frozenset({"nsubj", "nsubjpass", "ROOT", "attr", "appos"})
# Attachments through which a clause inherits the salience of what it hangs on.
_CLIMBING_DEPS = frozenset({"conj", "ccomp", "parataxis", "xcomp", "acomp", "oprd", "advcl",
                            "acl", "prep", "pobj", "attr", "nsubj", "nsubjpass", "dobj",
                            "appos", "dative"})
MAX_STEPS = 12


def _wishes(verb: Token) -> bool:
    """'hoped' is lemmatised "hop" by the small English model: check the word too."""
    word = verb.lower_
    return verb.lemma_.lower() in WISHING or any(
        word in (w, w + "s", w + "d", w + "ed", w[:-1] + "ing", w + "ing") for w in WISHING
    )


def _is_existential_subject(noun: Token) -> bool:
    """'There were 10 soldiers killed': the noun is the attribute of existential 'be'."""
    head = noun.head
    return noun.dep_ in ("attr", "nsubj") and head.lemma_ == "be" and any(
        c.dep_ == "expl" for c in head.children
    )


MANNER_PREPOSITIONS = frozenset({"by", "through"})


def _clause_backgrounds(verb: Token, triggers: set[int]) -> bool:
    """Whether this clause's own attachment makes it background (not its ancestors')."""
    dep = verb.dep_
    if dep == "pcomp" and verb.head.lower_ in MANNER_PREPOSITIONS:
        return False  # "responded by throwing stones": how it was done, not before or after
    if dep in ("relcl", "amod", "csubj", "csubjpass", "pcomp"):
        return True
    if dep == "ccomp" and _wishes(verb.head):
        return True
    if dep == "acl":
        head = verb.head
        if head.lemma_.lower() in ATTEMPT_NOUNS or head.lemma_.lower() in STATEMENT_NOUNS:
            return False
        return not _is_existential_subject(head)
    if dep == "advcl":
        marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod")}
        if marks & BACKGROUND_MARKS:
            return True
        purpose = any(c.lower_ == "to" and c.dep_ in ("aux", "mark") for c in verb.children)
        if purpose or verb.tag_ == "VBG":
            # "staged rallies to demand reforms" (the rally is the news); but in "used tear
            # gas to disperse them" or "shunned work to protest" the purpose is the event.
            return verb.head.i in triggers
    return False


def clause_is_background(verb: Token, triggers: set[int] | None = None) -> bool:
    """Whether the clause headed by `verb`, or any clause above it, is background."""
    triggers = triggers or set()
    node = verb
    for _ in range(MAX_STEPS):
        if _clause_backgrounds(node, triggers):
            return True
        if node.head.i == node.i or node.dep_ == "ROOT" or node.dep_ not in _CLIMBING_DEPS:
            return False
        node = node.head
    return False


def noun_is_background(noun: Token, light_verb: Token | None, is_trigger: set[int]) -> bool:
    """Whether an event noun is background (see the module docstring)."""
    if light_verb is not None:
        if light_verb.i in is_trigger and noun.dep_ in OBJECTS + PASSIVE_SUBJECTS:
            return True  # the content of another event: "condemned the attack"
        if characterised(noun, light_verb):
            return True  # "called the agreement void": what is judged
        return clause_is_background(light_verb, is_trigger)
    dep = noun.dep_
    if dep == "conj" and noun.head.i != noun.i:
        return noun_is_background(noun.head, None, is_trigger)
    if dep in _NOUN_FOREGROUND_DEPS or _is_existential_subject(noun):
        head = noun.head
        return dep != "ROOT" and head.pos_ in ("VERB", "AUX") and clause_is_background(
            head, is_trigger)
    if dep in OBJECTS and noun.head.pos_ in ("VERB", "AUX"):
        return clause_is_background(noun.head, is_trigger)
    sufferer = suffered_in(noun)
    if sufferer is not None and sufferer.i not in is_trigger:
        return clause_is_background(sufferer, is_trigger)  # "died in an attack": the news
    undergoer = made_the_subject_of(noun)
    if undergoer is not None:  # "has been the subject of sanctions"
        return clause_is_background(undergoer.head, is_trigger)
    if dep == "pobj" and noun.head.lower_ == "of" and (
            noun.head.head.lemma_.lower() in STATEMENT_NOUNS | EXPRESSION_NOUNS):
        return noun_is_background(noun.head.head, None, is_trigger)  # "statements of
        # condemnation have come from …": as salient as the statements
    if dep == "pobj" and noun.head.dep_ == "prep":
        verb = noun.head.head
        if verb.lemma_.lower() in SAYING_WITH_PREPOSITION and verb.i not in is_trigger:
            return clause_is_background(verb, is_trigger)
    return True
