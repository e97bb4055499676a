"""Trigger words: tokens of the parse that match a row of the pattern table."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..parse_repairs import object_misparsed_as_modifier
from .arguments import (
    OBJECTS,
    PASSIVE_SUBJECTS,
    child_with,
    is_passive,
    prep_object,
    reduced_relative,
    verb_subject,
)
from .patterns import ANY_OBJECT, Pattern, PatternTable

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

# Verbs that take an event noun as their "in" object: "engaged peacekeepers in a firefight".
ENGAGING_VERBS = frozenset({"engage", "involve", "embroil"})
# Verbs that carry an event noun through a preposition: "took part in protests", "remained
# on alert", "went on strike", "joined in the attack".
CARRYING_VERBS = {
    "in": frozenset({"engage", "involve", "embroil", "participate", "take", "join"}),
    "on": frozenset({"remain", "stay", "be", "put", "place", "go", "keep"}),
    "into": frozenset({"enter", "go", "launch", "plunge", "draw", "drag"}),
    "under": frozenset({"come", "fall"}),  # "came under attack", "fell under rebel control"
}
# Verbs whose subject undergoes the event their object names: "faces pressure from Congress".
UNDERGOING_VERBS = frozenset({"face", "receive", "suffer", "endure", "draw", "incur", "come",
                              "fall"})
# Verbs whose subject underwent the attack their "in" names: "twelve soldiers died in an
# attack", "three were hurt in the blast". The noun is the news, the subject its target.
SUFFERING_VERBS = frozenset({"die", "perish", "injure", "wound", "hurt", "kill", "maim"})
# Participles whose "by" agent did the act a noun names: "an attack carried out by the
# Taliban", "the raid, reportedly conducted by special forces".
CARRYING_OUT_PARTICIPLES = frozenset({
    "carried", "conducted", "perpetrated", "launched", "staged", "mounted", "committed",
    "executed", "orchestrated", "masterminded", "organised", "organized", "led", "planned",
    "fired", "detonated"})
# Verbs answering what another party said or did ("addressed the allegations", "dismissed
# the threats"): the noun's act is someone else's, aimed at the one who answers.
ANSWERING_VERBS = frozenset({"address", "answer", "deny", "dismiss", "rebut", "refute",
                             "deflect", "counter", "downplay", "acknowledge", "shrug",
                             "brush", "ignore", "confront", "respond", "fend"})


@dataclass(slots=True)
class Match:
    """A trigger token with the pattern it matched, before actors and status are found."""

    token: Token
    pattern: Pattern
    extra: list[Token] = field(default_factory=list)
    light_verb: Token | None = None
    consumed_noun: bool = False  # a verb pattern that took an event noun ("held talks")

    @property
    def clause_head(self) -> Token:
        """The verb that carries tense, negation and modality for this trigger."""
        return self.light_verb if self.light_verb is not None else self.token

    @property
    def is_noun(self) -> bool:
        return self.pattern.pos == "NOUN"


def object_of(token: Token) -> Token | None:
    """The direct object of a verb; the subject when the verb is passive; for a relative
    pronoun ("measures, which the government dropped"), the noun the clause describes."""
    if is_passive(token):
        found = (child_with(token, PASSIVE_SUBJECTS) or _subject_shared_by_conjunct(token)
                 or (token.head if reduced_relative(token) else None))
    else:
        found = child_with(token, OBJECTS) or object_misparsed_as_modifier(token)
    if found is not None and found.tag_ in ("WDT", "WP") and token.dep_ == "relcl" and (
            token.head.i != token.i):
        return token.head
    return found


def _subject_shared_by_conjunct(verb: Token) -> Token | None:
    """'The activist founded a party but was arrested in 1995': a passive conjunct without a
    subject of its own undergoes what it says to the subject of the verb it joins."""
    if verb.dep_ != "conj" or verb.head.i == verb.i or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    if is_passive(verb.head):  # "was released in 2004 and arrested again in 2006"
        return child_with(verb.head, PASSIVE_SUBJECTS) or _subject_shared_by_conjunct(
            verb.head)
    return verb_subject(verb.head)


def _particle(token: Token, particle: str) -> Token | None:
    for child in token.children:
        if child.dep_ in ("prt", "advmod", "prep", "dobj") and child.lower_ == particle:
            return child
    return None


def _modifiers(token: Token, modifiers: tuple[str, ...]) -> list[Token] | None:
    lefts = [c for c in token.lefts if c.dep_ in ("compound", "amod", "nmod")]
    found = []
    for modifier in modifiers:
        child = next((c for c in lefts if c.lemma_.lower() == modifier
                      or c.lower_ == modifier), None)
        if child is None:
            return None
        found.append(child)
    return found


def _complement_has_modal(token: Token, modals: frozenset[str]) -> bool:
    complement = child_with(token, ("ccomp",))
    if complement is None:
        return False
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in modals for c in complement.children)


# Heads of measure phrases whose "of" object is the real object: "700 kg of medicine".
QUANTITY_HEADS = frozenset({
    "kg", "kilogram", "ton", "tonne", "tons", "lot", "number", "series", "batch", "shipment",
    "consignment", "load", "cargo", "package", "amount", "quantity", "dollar", "euro",
    "pound", "million", "billion", "thousand", "hundred", "dozen", "pair", "set", "unit",
    "round", "wave", "barrage", "convoy", "truckload", "planeload", "crate", "box", "litre",
    "liter", "gallon", "barrel", "kilo", "gram", "supply", "piece",
})


def measured(token: Token) -> Token:
    """The noun a measure phrase measures ("tons of food aid" → aid), else the token."""
    if token.lemma_.lower() not in QUANTITY_HEADS and token.lower_ not in QUANTITY_HEADS:
        return token
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = child_with(child, ("pobj",))
            if pobj is not None:
                return pobj
    return token


def _names(token: Token, words: frozenset[str]) -> bool:
    head = measured(token)
    return any(t.lemma_.lower() in words or t.lower_ in words
               for t in (token, head, *_examples(token)))


GENERIC_OBJECTS = frozenset({"thing", "item", "object", "stuff", "material", "anything",
                             "everything", "something"})


def _examples(token: Token) -> list[Token]:
    """What a generic noun is said to include: 'things, including Molotov cocktails',
    'objects such as stones'."""
    if token.lemma_.lower() not in GENERIC_OBJECTS:
        return []
    found: list[Token] = []
    for child in (*token.children, *token.head.children):  # "throwing things, including …"
        if child.dep_ == "prep" and child.lower_ in ("including", "like", "as"):
            pobj = child_with(child, ("pobj",))
            if pobj is not None:
                for example in (pobj, *pobj.conjuncts):
                    found.extend((example, *(c for c in example.children
                                             if c.dep_ == "compound")))
    return found


def _clause_introduced_by(token: Token, preposition: str) -> bool:
    """'called for the bill to be dropped': a clause the preposition introduces."""
    return any(c.dep_ in ("advcl", "ccomp", "xcomp") and any(
        m.dep_ == "mark" and m.lower_ == preposition and m.i < c.i for m in c.children)
        for c in token.children)


# Prepositions whose object is the pattern's argument unless it is a time ("called on
# Tuesday", "for two weeks"); "given until Thursday" is about a time by nature.
ARGUMENT_PREPOSITIONS = frozenset({"on", "for", "in", "at", "over", "with", "against", "to"})


def _tells_a_time(preposition: Token, wanted: str) -> bool:
    """'on Tuesday', 'for two weeks', 'in March': a time, not what "call on" or "call for"
    takes."""
    if wanted not in ARGUMENT_PREPOSITIONS:
        return False
    pobj = child_with(preposition, ("pobj",))
    return pobj is not None and pobj.ent_type_ in ("DATE", "TIME")


def conditions_hold(token: Token, pattern: Pattern) -> bool:
    when = pattern.when
    if when.objects or when.not_objects:
        obj = object_of(token) if pattern.pos == "VERB" else None
        if when.objects and (obj is None or (
            ANY_OBJECT not in when.objects and not _names(obj, when.objects)
        )):
            return False
        if obj is not None and _names(obj, when.not_objects):
            return False
    # "got out of the region" parsed with "of" under "out": the particle holds the phrase
    holders = [token, *(c for c in token.children if pattern.particle and pattern.pos == "VERB"
                        and c.lower_ == pattern.particle)]
    if when.prep and all(prep_object(h, when.prep) is None and not any(
        c.dep_ == "prep" and c.lower_ == when.prep and not _tells_a_time(c, when.prep)
        for c in h.children
    ) for h in holders) and not _clause_introduced_by(token, when.prep):
        return False
    if when.prep_objects:
        pobjs = [prep_object(h, when.prep or "") for h in holders]
        if not any(p is not None and _names(p, when.prep_objects) for p in pobjs):
            return False
    if when.light_verbs:
        verb = light_verb(token) if pattern.pos == "NOUN" else None
        if verb is None or verb.lemma_.lower() not in when.light_verbs:
            return False
    if when.modals and not _complement_has_modal(token, when.modals):
        return False
    if when.ccomp and child_with(token, ("ccomp",)) is None:
        return False
    return not (when.xcomp and child_with(token, ("xcomp",)) is None)


# Named things whose words are names, not events: "Organisation of Islamic Cooperation",
# "the Committee to Protect Journalists", "the Defence of the Realm Act".
NAME_LABELS = frozenset({"GPE", "PERSON", "NORP", "ORG", "FAC", "WORK_OF_ART", "LAW",
                         "PRODUCT"})


def _pos(token: Token) -> str | None:
    if token.pos_ == "VERB":
        return "VERB"
    if token.pos_ in ("NOUN", "PROPN") and not _inside_a_name(token) and not (
            _ends_a_proper_name(token)) and not _a_month(token):
        return "NOUN"
    return None


MONTHS = frozenset(calendar.month_name[1:])  # capitalised: "March", not "march"


def _a_month(token: Token) -> bool:
    """'on March 8', 'in March 2020', 'last March': the month, not a march."""
    if token.text not in MONTHS:
        return False
    near = [token.doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(token.doc)]
    if near and near[0].i < token.i and near[0].lower_ in ("the", "a", "an") and not (
            near[-1].like_num):
        return False  # "joined the March for Our Lives"
    return token.ent_type_ in ("DATE", "TIME") or any(
        t.like_num or t.lower_ in ("in", "on", "since", "until", "by", "last", "next", "early",
                                   "late", "mid", "this", "of") for t in near)


def _ends_a_proper_name(token: Token) -> bool:
    """A capitalised word closing a run of capitalised names the tagger left untyped
    ("Florida Highway Patrol", "Revolutionary Guard Corps"): part of a name, not an event
    — unless the whole line is in title case ("Rebels Launch Attack")."""
    if token.pos_ != "PROPN" or not token.text[:1].isupper() or token.is_sent_start:
        return False
    if not any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.text[:1].isupper()
               for c in token.lefts):
        return False
    words = [t for t in token.sent if t.is_alpha and len(t) > 3]
    capitalised = sum(t.text[:1].isupper() for t in words)
    return capitalised * 2 < len(words) + 1


def _inside_a_name(token: Token) -> bool:
    if token.ent_type_ in ("GPE", "PERSON", "NORP"):
        return True
    if token.ent_type_ not in NAME_LABELS:
        return False
    if token.ent_iob_ == "I":  # an entity of more than one word (read from the tags: fast)
        return True
    following = token.i + 1
    return following < len(token.doc) and token.doc[following].ent_iob_ == "I"


def match_token(token: Token, table: PatternTable) -> Match | None:
    """The most specific pattern row this token satisfies, or None."""
    pos = _pos(token)
    if pos is None:
        return None
    lemma = token.lemma_.lower()
    candidates = table.candidates(pos, lemma)
    if not candidates and lemma != token.lower_:
        candidates = table.candidates(pos, token.lower_)
    for pattern in candidates:
        extra: list[Token] = []
        if pattern.particle:
            particle = _particle(token, pattern.particle)
            if particle is None:
                continue
            extra.append(particle)
        if pattern.modifiers:
            modifiers = _modifiers(token, pattern.modifiers)
            if modifiers is None:
                continue
            extra.extend(modifiers)
        if conditions_hold(token, pattern):
            return None if pattern.blocks else Match(token, pattern, extra)
    return None


def light_verb(noun: Token) -> Token | None:
    """The verb a nominal trigger is the object of ("held talks", "launched an attack",
    "engaged them in a firefight", "faced pressure")."""
    while noun.dep_ == "conj" and noun.head.i != noun.i and noun.head.pos_ in ("NOUN",
                                                                            "PROPN"):
        noun = noun.head  # "used water cannon and tear gas": the first object's verb
    head = noun.head
    if noun.dep_ in OBJECTS + PASSIVE_SUBJECTS and head.pos_ in ("VERB", "AUX"):
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in CARRYING_VERBS:
        verb = head.head
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in CARRYING_VERBS[head.lower_]:
            return verb
    return None


# Verbs that say what something is ("called the deal null and void", "described the raid
# as a war crime"): an act so named is what is judged, not something the speaker did.
CHARACTERISING_VERBS = frozenset({"call", "describe", "characterize", "characterise", "label",
                                  "brand", "term", "dub", "deem", "declare"})


def characterised(noun: Token, verb: Token | None) -> bool:
    """Whether an event noun is the object a verb says something of: "called the agreement
    void", "described the strike as illegal" (not "called a strike": that calls one)."""
    if verb is None or verb.lemma_.lower() not in CHARACTERISING_VERBS or noun.dep_ not in (
            "dobj", "nsubjpass"):
        return False
    return any(c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as")
               for c in (*verb.children, *noun.children))


def suffered_in(noun: Token) -> Token | None:
    """The verb of dying or being hurt whose "in"/"during" object the noun is ("died in an
    attack", "were wounded during the raid"), or None."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.lower_ not in ("in",
                                                                                 "during"):
        return None
    verb = noun.head.head
    if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in SUFFERING_VERBS:
        return verb
    return None


# Nouns that make whoever "is" one of them the party an act is aimed at: "has been the
# subject of sanctions", "became the target of attacks", "was the victim of a smear".
UNDERGOER_NOUNS = frozenset({"subject", "target", "object", "victim", "focus"})


def made_the_subject_of(noun: Token) -> Token | None:
    """Who is made "the subject of" the act this noun names, or None."""
    of = noun.head
    if noun.dep_ != "pobj" or of.lower_ != "of" or of.head.lemma_.lower() not in (
            UNDERGOER_NOUNS):
        return None
    role = of.head
    if role.dep_ not in ("attr", "acomp", "oprd") or role.head.lemma_ not in ("be", "become",
                                                                          "remain"):
        return None
    return child_with(role.head, ("nsubj",))


def carried_out_by(noun: Token) -> Token | None:
    """The doer a participle names for an event noun: "an attack carried out by the
    Taliban"; "died in the attack, reportedly conducted by the Taliban" (the participle
    parsed under the verb the noun hangs on)."""
    participles = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    holder = suffered_in(noun)
    if holder is not None:
        participles += [c for c in holder.children if c.dep_ == "advcl" and c.tag_ == "VBN"
                        and c.i > noun.i]
    for participle in participles:
        if participle.lower_ not in CARRYING_OUT_PARTICIPLES:  # "staged" is lemmatised "stag"
            continue
        agent = next((c for c in participle.children if c.dep_ == "agent"), None)
        doer = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if doer is not None:
            return doer
    return None


def sentence_matches(sentence: SpacySpan, table: PatternTable) -> list[Match]:
    matches = [m for m in (match_token(t, table) for t in sentence) if m is not None]
    for match in matches:
        if match.is_noun:
            match.light_verb = light_verb(match.token)
    return matches
