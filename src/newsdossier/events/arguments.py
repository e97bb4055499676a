"""Who: the source and target actors of a trigger, found in the dependency parse.

Argument heads are mapped to the actor mentions the actors stage already found (by token);
pronouns go to the nearest fitting earlier mention; anything else is resolved from its noun
phrase with the actor dictionary, and kept with null codes when nothing is known.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..gazetteer import city_country
from ..model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..actors import ActorResolver

SUBJECTS = ("nsubj", "csubj")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
OBJECTS = ("dobj", "obj")
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_GROUP_PRONOUNS = frozenset({"they", "them", "we", "us", "it"})
_POSSESSIVES = {"its": "it", "their": "they", "his": "he", "her": "she", "our": "we"}
_MODIFIER_DEPS = ("poss", "compound", "amod", "nmod", "npadvmod")
_NOMINAL = ("NOUN", "PROPN", "PRON")
_PRONOUN_WINDOW_CHARS = 600


class ActorIndex:
    """The document's actor mentions, looked up by token, and resolution of other phrases."""

    def __init__(self, doc: Doc, actors: list[Actor], resolver: ActorResolver, text: str) -> None:
        self.doc = doc
        self.text = text
        self.resolver = resolver
        self.actors = actors
        self.by_token: dict[int, Actor] = {}
        for actor in actors:
            span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token.setdefault(token.i, actor)

    def actors_for(self, head: Token | None) -> list[Actor]:
        """The actor(s) a syntactic argument names: conjuncts give several ("X and Y")."""
        if head is None:
            return []
        found: list[Actor] = []
        for token in (head, *head.conjuncts):
            actor = self.actor_at(token)
            if actor is not None and actor not in found:
                found.append(actor)
        return found

    def actor_at(self, token: Token) -> Actor | None:
        if token.i in self.by_token:
            actor = self._with_possessor_country(token, self.by_token[token.i])
            if actor.country is None and actor.sector is None:
                return self._city(token) or actor
            return actor
        if token.pos_ == "PRON":
            return self.antecedent(token)
        for child in token.children:
            if child.dep_ in _MODIFIER_DEPS and child.i in self.by_token:
                return self.by_token[child.i]
        for pobj in _of_objects(token):
            if pobj.i in self.by_token:
                return self.by_token[pobj.i]
        if token.pos_ in ("NOUN", "PROPN"):
            return self.resolve_phrase(token)
        return None

    def _with_possessor_country(self, token: Token, actor: Actor) -> Actor:
        """'its forces' after 'Syria's foreign ministry': the forces are Syria's."""
        if actor.country is not None:
            return actor
        possessor = next((c for c in token.children if c.dep_ == "poss"), None)
        if possessor is None or possessor.pos_ != "PRON" or possessor.lower_ not in _POSSESSIVES:
            return actor
        owner = self.antecedent(possessor)
        if owner is None or owner.country is None:
            return actor
        code = owner.country + (actor.sector or "")
        return Actor(text=actor.text, start=actor.start, end=actor.end, name=actor.name,
                     country=owner.country, sector=actor.sector, code=code)

    def resolve_phrase(self, token: Token) -> Actor | None:
        start = token.left_edge.i
        while start < token.i and self.doc[start].dep_ in ("det", "punct", "cc"):
            start += 1
        span = self.doc[start : token.i + 1]
        resolution = self.resolver.resolve(span.text)
        if not (resolution.country or resolution.sector):
            return self._city(token)
        return Actor(text=span.text, start=span.start_char, end=span.end_char,
                     name=resolution.name, country=resolution.country,
                     sector=resolution.sector, code=resolution.code)

    def _city(self, token: Token) -> Actor | None:
        """A town named as an argument ("shelled Kharkiv") stands for its country."""
        if token.ent_type_ not in ("GPE", "LOC", "FAC"):
            return None
        span = next((e for e in self.doc.ents if e.start <= token.i < e.end), None)
        if span is None:
            return None
        country = city_country(span.text)
        if country is None:
            return None
        return Actor(text=span.text, start=span.start_char, end=span.end_char, name=span.text,
                     country=country, sector=None, code=country)

    def antecedent(self, pronoun: Token) -> Actor | None:
        """The nearest earlier coded mention that fits the pronoun, within a short window."""
        word = _POSSESSIVES.get(pronoun.lower_, pronoun.lower_)
        if word not in _PERSON_PRONOUNS and word not in _GROUP_PRONOUNS:
            return None
        limit = pronoun.idx - _PRONOUN_WINDOW_CHARS
        for actor in reversed(self.actors):
            if actor.end > pronoun.idx:
                continue
            if actor.end < limit:
                break
            if actor.code is None:
                continue
            if word in _PERSON_PRONOUNS and actor.name is None and actor.sector is None:
                continue
            return actor
        return None


def _of_objects(token: Token) -> Iterator[Token]:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            yield from (c for c in child.children if c.dep_ == "pobj")


def child_with(token: Token, deps: tuple[str, ...]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def prep_object(token: Token, preposition: str) -> Token | None:
    """The object of `token`'s prepositional child `preposition` ("sanctions on Iran")."""
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ == preposition:
            pobj = child_with(child, ("pobj",))
            if pobj is not None:
                return pobj
    return None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in verb.children)


def verb_subject(verb: Token, depth: int = 0) -> Token | None:
    """The subject of a verb, inherited through xcomp/conj chains ("threatened to strike")."""
    subject = child_with(verb, SUBJECTS)
    if subject is not None or depth > 4:
        return subject
    if verb.dep_ == "relcl" and verb.head.pos_ in _NOMINAL:
        return verb.head
    participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"  # "shelled X, killing four"
    if (verb.dep_ in ("xcomp", "conj") or participle) and verb.head is not verb:
        if verb.dep_ == "xcomp":
            controller = child_with(verb.head, OBJECTS)
            if controller is not None and verb.head.lemma_ in OBJECT_CONTROL:
                return controller
        return verb_subject(verb.head, depth + 1)
    return None


# "urged Syria to withdraw": the object, not the subject, does the withdrawing.
OBJECT_CONTROL = frozenset({
    "urge", "ask", "call", "order", "force", "press", "pressure", "tell", "persuade",
    "encourage", "allow", "invite", "compel", "request", "instruct", "warn", "advise",
})
