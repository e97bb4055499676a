"""Repairs of parses the small English model gets wrong in a way several stages meet.

Each helper reads one known misparse and says what the sentence means; stages that look
for a verb's subject (events, quotations) ask here before giving up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def subject_of_stranded_finite_verb(verb: Token) -> Token | None:
    """'Mitsotakis speaking to the think tank called the deal void', parsed with "speaking"
    as the root and "called" hung on "tank": a past-tense verb with no subject, attached to
    a noun in a sentence whose root is an -ing participle, is the main verb, and the root's
    subject is its subject."""
    if verb.dep_ != "acl" or verb.tag_ != "VBD":
        return None
    root = verb.sent.root
    if root.tag_ != "VBG" or root.i == verb.i:
        return None
    return next((c for c in root.children if c.dep_ == "nsubj"), None)


def main_verb_of_stranded_conjunct(verb: Token) -> Token | None:
    """'Flynn said there was a lack of transparency and urged the crowd to …', parsed with
    "urged" joined to "was": a conjunct with no subject whose first conjunct has only an
    expletive "there" cannot share it; it is joined to the verb above, whose subject it
    shares (Flynn urged)."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    first = verb.head
    if first.dep_ != "ccomp" or not any(c.dep_ == "expl" for c in first.children) or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in first.children):
        return None
    above = first.head
    if above.i == first.i or not any(c.dep_ == "nsubj" for c in above.children):
        return None
    return above


MISPARSED_OBJECT_DEPS = frozenset({"advmod", "npadvmod", "dep", "oprd"})
NAMED_PARTY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def object_misparsed_as_modifier(verb: Token) -> Token | None:
    """'the actor accused O'Reilly of spreading lies', parsed with "O'Reilly" as an adverb of
    "accused": a name right after a verb that has no object, hung on it as a modifier, is
    its object."""
    if verb.pos_ != "VERB" or any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return None
    for child in verb.rights:
        if child.dep_ in MISPARSED_OBJECT_DEPS and child.ent_type_ in NAMED_PARTY_LABELS:
            between = verb.doc[verb.i + 1:child.i]
            if all(t.ent_type_ == child.ent_type_ or t.dep_ == "compound" for t in between):
                return child
        break
    return None
