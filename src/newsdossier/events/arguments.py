"""Who: the source and target actors of a trigger, found in the dependency parse.

Argument heads are mapped to the actor mentions the actors stage already found (by token);
pronouns go to the nearest fitting earlier mention; a head the actors stage did not take is
resolved from its noun phrase with the actor dictionary and kept only when that names a
country or a role. Coordinated modifiers give one actor per country ("US and British
activists" → a USA and a GBR actor over the same span). A place named by a locative phrase
("protested in Beijing", "fired at it from the Gaza Strip") stands for its country when the
event names no coded party on that side, as event coders traditionally do.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from ..actors.resolver import make_code
from ..actors.stage import CIVILIANS, FOLLOWER_NOUNS, a_charge
from ..datelines import in_dateline
from ..entities import entity_at
from ..gazetteer import city_country, is_country_name, region_country, town_or_region_country
from ..model import Actor, Span
from ..nlp import doc_text
from ..parse_repairs import main_verb_of_stranded_conjunct, subject_of_stranded_finite_verb

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from ..actors import ActorResolver

SUBJECTS = ("nsubj", "csubj")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
OBJECTS = ("dobj", "obj")
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "himself", "herself"})
_GROUP_PRONOUNS = frozenset({"they", "them", "we", "us", "it", "themselves", "itself"})
_POSSESSIVES = {"its": "it", "their": "they", "his": "he", "her": "she", "our": "we"}
_MODIFIER_DEPS = ("poss", "compound", "amod", "nmod", "npadvmod")
# Bodies and staff named after the person they work for: "the Trump campaign", "Biden's
# lawyers", "Putin's spokesman".
PERSONAL_BODIES = frozenset({"campaign", "team", "camp", "spokesperson", "spokesman",
                             "spokeswoman", "aide", "aides", "lawyer", "lawyers", "attorney",
                             "attorneys", "adviser", "advisers", "advisor", "advisors"})
# Nouns that stand for the parties named after them: "the nations of Bahrain and Kosovo".
COLLECTIVE_HEADS = frozenset({"nation", "country", "state", "government", "member",
                              "leader", "people", "coalition", "alliance"})
_NOMINAL = ("NOUN", "PROPN", "PRON")
_PRONOUN_WINDOW_CHARS = 600
_MAX_PHRASE_TAIL = 8
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Prepositions whose object is where an event happened (its target's country, failing a
# coded target) and those whose object is where it came from (its source's country).
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "inside", "into", "across", "on",
                                   "over", "throughout", "outside", "around"})
ORIGIN_PREPOSITIONS = frozenset({"from"})


def _coded(actors: list[Actor]) -> bool:
    return any(a.country for a in actors)


class ActorIndex:
    """The document's actor mentions, looked up by token, and resolution of other phrases."""

    def __init__(self, doc: Doc, actors: list[Actor], resolver: ActorResolver, text: str) -> None:
        self.doc = doc
        self.text = text
        self.resolver = resolver
        self.actors = actors
        self.by_token: dict[int, Actor] = {}
        self._resolving: set[int] = set()  # possessive pronouns being resolved (no cycles)
        self._binding: set[int] = set()  # pronouns whose bound antecedent is being sought
        for actor in actors:
            span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token.setdefault(token.i, actor)

    # --- actors of an argument ---------------------------------------------------------

    def actors_for(self, head: Token | None) -> list[Actor]:
        """The actor(s) a syntactic argument names: conjuncts give several ("X and Y")."""
        if head is None:
            return []
        found: list[Actor] = []
        seen: set[tuple[int, int, str | None, str | None]] = set()
        for token in self._members(head):
            for actor in self._split_by_modifiers(token, self.actor_at(token)):
                key = (actor.start, actor.end, actor.country, actor.sector)
                if key not in seen:
                    seen.add(key)
                    found.append(actor)
        return found

    def _members(self, head: Token) -> list[Token]:
        """The argument head and the heads coordinated with it: its conjuncts, those of the
        tokens of its mention ("Barack Obama and Vladimir Putin" parsed around "Barack"),
        and a coordinated apposition ("The US, Russia, and Switzerland")."""
        members = [head, *head.conjuncts]
        actor = self.by_token.get(head.i)
        if actor is not None:
            for token in self.doc.char_span(actor.start, actor.end,
                                            alignment_mode="expand") or ():
                members.extend(t for t in token.conjuncts if t not in members)
        for child in head.children:
            if child.dep_ == "appos" and child.conjuncts:
                members.extend(t for t in (child, *child.conjuncts) if t not in members)
        if head.pos_ == "PRON" and head.lower_ in ("they", "we") and head.dep_ in (
                "nsubj", "nsubjpass"):  # "Obama and Putin said they …"; not "fired at them"
            members.extend(self._plural_antecedents(head, members))
        return members

    def actor_at(self, token: Token) -> Actor | None:
        if token.i in self.by_token:
            actor = self._with_possessor_country(token, self.by_token[token.i])
            if actor.country is None and actor.sector is None:
                return self._city(token) or actor
            if actor.country is None:
                return self._with_origin_country(token, actor)
            return actor
        if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl" and (
                token.head.head.i != token.head.i):
            return self.actor_at(token.head.head)  # "the rebels, who attacked the town"
        if token.pos_ == "PRON":
            return self.antecedent(token)
        named = next((c for c in token.children if c.dep_ == "appos" and c.i in self.by_token),
                     None)
        if named is not None:  # "his main rival Joe Biden": the rival is Biden
            return self.actor_at(named)
        if token.lemma_.lower() in COLLECTIVE_HEADS:
            for pobj in _of_objects(token):  # "the Muslim-majority nations of Bahrain and …"
                if pobj.i in self.by_token:
                    return self.by_token[pobj.i]
        for child in token.children:
            if child.dep_ in _MODIFIER_DEPS and child.i in self.by_token:
                owner = self.by_token[child.i]
                if token.lemma_.lower() in FOLLOWER_NOUNS:
                    return self._followers(token, owner)
                if token.lower_ in PERSONAL_BODIES and owner.name:
                    return self._body_of(token, owner)
                # "their government's response": the government, of those it is theirs
                return self._with_possessor_country(child, owner)
        for pobj in _of_objects(token):
            if pobj.i in self.by_token:
                return self.by_token[pobj.i]
        if token.pos_ in ("NOUN", "PROPN"):
            return self.resolve_phrase(token)
        return None

    def _followers(self, noun: Token, leader: Actor) -> Actor:
        """'a Trump supporter', 'Navalny's allies': people on someone's side, not that
        person — civilians of the leader's country."""
        return self._named_for(noun, leader.country, CIVILIANS)

    def _body_of(self, noun: Token, person: Actor) -> Actor:
        """'the Trump campaign', 'Biden's lawyers': they speak and act for the person, of the
        person's country and side, but are not the person."""
        return self._named_for(noun, person.country, person.sector)

    def _named_for(self, noun: Token, country: str | None, sector: str | None) -> Actor:
        """The noun with its modifiers (no leading article) as a party of its own, named for
        someone else: no name, the country and sector given."""
        left = min((t.idx for t in noun.subtree if t.i <= noun.i), default=noun.idx)
        text = doc_text(self.doc)[left:noun.idx + len(noun)]
        start = left
        if text.lower().startswith(("a ", "an ", "the ")):
            cut = text.index(" ") + 1
            text, start = text[cut:], left + cut
        return Actor(text=text, start=start, end=start + len(text), name=None,
                     country=country, sector=sector, code=make_code(country, sector))

    def _split_by_modifiers(self, token: Token, actor: Actor | None) -> list[Actor]:
        """'US and British activists', 'Syrian government and opposition representatives',
        'the leaders of Egypt and Jordan': one actor per coordinated modifier (or owner)
        that names another country or role."""
        if actor is None:
            return []
        parts: list[tuple[str | None, str | None]] = []
        coordinated = [c for c in token.children
                       if c.dep_ in ("amod", "compound", "nmod") and c.conjuncts]
        if token.lemma_.lower() in COLLECTIVE_HEADS:  # "the governments of France and Germany"
            coordinated += [p for p in _of_objects(token) if p.conjuncts]
        for child in coordinated:
            for modifier in (child, *child.conjuncts):
                resolution = self.resolver.resolve(modifier.text)
                part = (resolution.country or actor.country, resolution.sector or actor.sector)
                if (resolution.country or resolution.sector) and part not in parts:
                    parts.append(part)
        if len(parts) < 2:
            return [actor]
        return [Actor(text=actor.text, start=actor.start, end=actor.end, name=None,
                      country=country, sector=sector,
                      code=((country or "") + (sector or "")) or None)
                for country, sector in parts]

    def _with_origin_country(self, token: Token, actor: Actor) -> Actor:
        """'exiled dissidents from military-ruled Myanmar': the phrase's own place."""
        for child in token.children:  # not "in": a delegation in Geneva is not Swiss
            if child.dep_ != "prep" or child.lower_ not in ("from", "of"):
                continue
            pobj = child_with(child, ("pobj",))
            place = self.place_actor(pobj) if pobj is not None else None
            if place is not None and place.country not in (None, "IMG"):
                code = place.country + (actor.sector or "")
                return Actor(text=actor.text, start=actor.start, end=actor.end,
                             name=actor.name, country=place.country, sector=actor.sector,
                             code=code)
        return actor

    def _with_possessor_country(self, token: Token, actor: Actor) -> Actor:
        """'its forces' after 'Syria's foreign ministry': the forces are Syria's."""
        if actor.country is not None:
            return actor
        possessor = next((c for c in token.children if c.dep_ == "poss"), None)
        if possessor is None or possessor.pos_ != "PRON" or possessor.lower_ not in _POSSESSIVES:
            return actor
        if possessor.i in self._resolving:
            return actor  # "its" whose antecedent search led back here: no owner
        self._resolving.add(possessor.i)
        try:
            owner = self.antecedent(possessor)
        finally:
            self._resolving.discard(possessor.i)
        if owner is None or owner.country is None:
            return actor
        code = owner.country + (actor.sector or "")
        return Actor(text=actor.text, start=actor.start, end=actor.end, name=actor.name,
                     country=owner.country, sector=actor.sector, code=code)

    def resolve_phrase(self, token: Token) -> Actor | None:
        start = token.left_edge.i
        while start < token.i and self.doc[start].dep_ in ("det", "punct", "cc", "nummod"):
            start += 1
        end = token.i + 1
        for child in token.rights:  # "Druze inhabitants of the Syrian Golan Heights"
            if child.dep_ != "prep" or child.lower_ not in ("of", "from", "in"):
                break
            if child.right_edge.i + 1 - end > _MAX_PHRASE_TAIL or a_charge(child):
                break  # not "the governor of fraud" in "accused the governor of fraud"
            end = child.right_edge.i + 1
        span = self.doc[start:end]
        if token.ent_type_ == "GPE" and end == token.i + 1:
            entity = entity_at(token)
            if entity is not None and entity.end == end:
                span = self.doc[start:self._with_container(entity).end]  # "Paris, Texas"
        resolution = self.resolver.resolve(span.text)
        if not (resolution.country or resolution.sector):
            return self._city(token)
        if end > token.i + 1 and self._a_thing(list(self.doc[start:token.i + 1])):
            return self._party_in_tail(token)  # "the claim from Berlin": Berlin's, not a party
        owner = child_with(token, ("poss",))
        if owner is not None and owner.pos_ != "PRON" and self._a_thing([token]):
            # "the UK Government's daily briefing": the government, not its briefing
            return self.by_token.get(owner.i) or self.resolve_phrase(owner)
        return Actor(text=span.text, start=span.start_char, end=span.end_char,
                     name=resolution.name, country=resolution.country,
                     sector=resolution.sector, code=resolution.code)

    def _a_thing(self, words: Sequence[Token]) -> bool:
        """A phrase head that names no one ("claim", "briefing"), as against "inhabitants",
        "the governor" or a name."""
        if not words or any(t.ent_type_ for t in words):
            return False
        resolution = self.resolver.resolve(" ".join(t.text for t in words))
        return not (resolution.country or resolution.sector)

    def _party_in_tail(self, token: Token) -> Actor | None:
        for child in token.rights:
            if child.dep_ != "prep":
                break
            pobj = child_with(child, ("pobj",))
            if pobj is None:
                continue
            if pobj.i in self.by_token:
                return self.by_token[pobj.i]
            return self.resolve_phrase(pobj) if pobj.pos_ in ("NOUN", "PROPN") else None
        return None

    def _city(self, token: Token) -> Actor | None:
        """A town named as an argument ("shelled Kharkiv") stands for its country."""
        if token.ent_type_ not in PLACE_LABELS:
            return None
        span = entity_at(token)
        if span is None:
            return None
        placed = self._with_container(span)  # "Edmonton, Kentucky": not the Canadian city
        country = (self.resolver.resolve(placed.text).country if placed.end > span.end
                   else None) or town_or_region_country(span.text)
        if country is None:
            return None
        return Actor(text=placed.text, start=placed.start_char, end=placed.end_char,
                     name=span.text, country=country, sector=None, code=country)

    # --- places standing for their country -------------------------------------------------

    def place_actor(self, token: Token) -> Actor | None:
        """The country a place phrase names ("in Beijing", "the Gaza Strip"), as an actor
        without a sector; None when the phrase names no known place."""
        span = entity_at(token)
        if span is None or span.label_ not in PLACE_LABELS | {"NORP", "ORG"}:
            if span is None and _owned_thing(token):
                return None  # "at the government's weekly press conference": no place
            phrase = self.doc[token.left_edge.i : token.i + 1]
        else:
            phrase = self._with_container(span)
        resolution = self.resolver.resolve(phrase.text)
        country = resolution.country
        if country is None and span is not None and (span.label_ in PLACE_LABELS or (
                span.label_ == "ORG" and token.dep_ == "pobj"
                and token.head.lower_ in LOCATIVE_PREPOSITIONS)):  # "in Ghazni" tagged ORG
            country = town_or_region_country(span.text)
        if country is None:
            return None
        return Actor(text=phrase.text, start=phrase.start_char, end=phrase.end_char,
                     name=resolution.name, country=country, sector=None, code=country)

    def _with_container(self, span: SpacySpan) -> SpacySpan:
        """'Paris, Texas': a town with the state or country written after it, read as one
        place (so that it is not the bigger town of its name elsewhere)."""
        after = span.end
        if after + 1 >= len(self.doc) or self.doc[after].text != "," or (
                self.doc[after + 1].ent_type_ != "GPE"):
            return span
        if is_country_name(span.text) or region_country(span.text):
            return span  # "Germany, France and Italy": a list, not a town in its country
        container = entity_at(self.doc[after + 1])
        if container is None or container.start != after + 1:
            return span
        return self.doc[span.start : container.end]

    def located(self, heads: list[Token], prepositions: frozenset[str],
                nested: bool = True) -> Actor | None:
        """The first place named by one of `prepositions` attached to any of `heads`; with
        `nested`, also a place inside that phrase ("in the east of the Gaza Strip")."""
        for head in heads:
            for child in head.children:
                if child.dep_ != "prep" or child.lower_ not in prepositions:
                    continue
                pobj = child_with(child, ("pobj",))
                if pobj is None:
                    continue
                actor = self.place_actor(pobj) or (self._nested_place(pobj) if nested
                                                   else None)
                if actor is not None:
                    return actor
        return None

    def _nested_place(self, pobj: Token, depth: int = 0) -> Actor | None:
        """'in the east of the Gaza Strip', 'at a jail in East Timor's capital Dili'."""
        for child in pobj.children:
            if child.dep_ != "prep" or child.lower_ not in ("of", "in", "at", "near"):
                continue
            inner = child_with(child, ("pobj",))
            if inner is None:
                continue
            actor = self.place_actor(inner)
            if actor is None and depth < 1:
                actor = self._nested_place(inner, depth + 1)
            if actor is not None:
                return actor
        return None

    def first_country_in(self, token: Token) -> Actor | None:
        """The first coded actor or place inside a phrase ("a summit in Switzerland on ...")."""
        for inner in token.subtree:
            if inner.i == token.i:
                continue
            actor = self.by_token.get(inner.i)
            if actor is not None and actor.country:
                return actor
            if inner.ent_type_ in PLACE_LABELS and inner.ent_iob_ == "B":
                place = self.place_actor(inner)
                if place is not None:
                    return place
        return None

    # --- pronouns ------------------------------------------------------------------------

    def antecedent(self, pronoun: Token, skip: tuple[int, int] | None = None) -> Actor | None:
        """The nearest earlier coded mention that fits the pronoun, within a short window,
        outside `skip` (a character range: the quotation whose speaker the pronoun is).

        A reflexive ("themselves") or a pronoun subject of a clause reported by a speaker
        ("Obama said he would ...") prefers the clause's own subject / the speaker."""
        word = _POSSESSIVES.get(pronoun.lower_, pronoun.lower_)
        if word not in _PERSON_PRONOUNS and word not in _GROUP_PRONOUNS:
            return None
        if pronoun.i in self._binding:
            return None  # a misparse made the pronoun its own antecedent's argument
        self._binding.add(pronoun.i)
        try:
            bound = self._bound_antecedent(pronoun, word)
        finally:
            self._binding.discard(pronoun.i)
        if bound is not None:
            return bound
        if word in ("it", "itself") and self._bound_to_a_thing(pronoun, word):
            return None
        earlier = self._earlier_pronoun(pronoun, word)
        if earlier is not None:  # "As they tried to storm it, police fired at them"
            return self.antecedent(earlier, skip)
        own_subject = self._own_subject(pronoun)
        limit = pronoun.idx - _PRONOUN_WINDOW_CHARS
        quoted = _quoted_regions(pronoun.sent)
        nearest: Actor | None = None
        for actor in reversed(self.actors):
            if actor.end > pronoun.idx:
                continue
            if actor.end < limit:
                break
            named_person = word in _PERSON_PRONOUNS and actor.name is not None
            if skip is not None and skip[0] <= actor.start < skip[1]:
                continue  # the speaker of a quotation is not someone it mentions
            if (actor.code is None and not named_person) or any(
                    a <= actor.start < b for a, b in quoted):
                continue  # "'Companies should ...,' he said": not the companies
            if word in _PERSON_PRONOUNS and not self._could_be_a_person(actor):
                continue
            if self._a_predicate(actor):
                continue  # "labelled Karimi a terrorist … sanctions against him": Karimi
            if own_subject is not None and actor.start <= own_subject.idx < actor.end:
                continue  # "police fired at them": not the police
            if nearest is None:
                nearest = actor
                if self._is_subject(actor) or self._sentence_of(actor) == pronoun.sent.start:
                    return actor
            elif self._sentence_of(actor) != self._sentence_of(nearest):
                break
            elif self._is_subject(actor) and _same_number(word, actor, self.doc):
                # "The protesters clashed with the police … As they tried …": the subject
                # of the sentence before is the likelier antecedent than its last noun
                return actor
        return nearest

    def _earlier_pronoun(self, pronoun: Token, word: str) -> Token | None:
        """A pronoun of the same person and number earlier in the sentence, as subject
        ("they" before "them"), which names the same party."""
        if word not in ("them", "themselves", "they"):
            return None
        for token in pronoun.sent:
            if token.i >= pronoun.i:
                return None
            if token.lower_ == "they" and token.dep_ in ("nsubj", "nsubjpass") and (
                    token.head.i != pronoun.head.i):
                return token
        return None

    @staticmethod
    def _own_subject(pronoun: Token) -> Token | None:
        """The subject of the clause a pronoun object is in (never its antecedent)."""
        if pronoun.dep_ not in ("dobj", "pobj", "dative"):
            return None
        node = pronoun.head
        for _ in range(3):
            if node.pos_ in ("VERB", "AUX"):
                return verb_subject(node)
            if node.head.i == node.i:
                return None
            node = node.head
        return None

    def _sentence_of(self, actor: Actor) -> int:
        return self.doc[self._token_index(actor.start)].sent.start

    def _token_index(self, offset: int) -> int:
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span.start if span is not None else 0

    def _is_subject(self, actor: Actor) -> bool:
        span = self.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")

    def _a_predicate(self, actor: Actor) -> bool:
        """A mention that says what someone is ("named him a terrorist", "is a lawyer",
        "Yusuf Haddad, a smuggler"), not someone of its own."""
        span = self.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        if root.dep_ == "appos":  # "Yusuf Haddad, a terrorist": the name is the mention
            named = self.by_token.get(root.head.i)
            return named is not None and named.name is not None and named is not actor
        return root.dep_ in ("oprd", "attr")

    def _could_be_a_person(self, actor: Actor) -> bool:
        """'he'/'she' refer to one person: not to "workers", "Parliament" or "the ministry"."""
        span = self.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is None:
            return actor.name is not None
        head = span.root  # "the president of France" is a person, "Associates of X" are not
        if actor.country is not None and city_country(span.text) == actor.country:
            return False  # a capital speaking for its government ("Naypyitaw"), not a "he"
        if any(t.ent_type_ == "PERSON" for t in span):
            return True
        if head.tag_ in ("NNS", "NNPS") or head.lemma_.lower() in INSTITUTION_WORDS:
            return False
        if head.ent_type_ in ("GPE", "ORG", "NORP", "LOC", "FAC"):
            return False
        return actor.name is not None or actor.sector is not None

    def _plural_antecedents(self, pronoun: Token, members: list[Token]) -> list[Token]:
        """'Obama and Putin said they ...': every member of the governing subject."""
        node = pronoun.head
        for _ in range(4):
            subject = child_with(node, SUBJECTS)
            if subject is not None and subject.i < pronoun.i and subject.pos_ != "PRON":
                return [t for t in self._members(subject) if t not in members]
            if node.head.i == node.i:
                return []
            node = node.head
        return []

    def _bound_to_a_thing(self, pronoun: Token, word: str) -> bool:
        """'Mokha is calmer than other towns since it was recaptured', 'the attack was
        condemned because it killed children': "it" is the governing clause's subject, a
        thing or place that is no party, not a party named further back."""
        node = pronoun.head
        own = self._own_subject(pronoun)
        for _ in range(4):
            subject = child_with(node, SUBJECTS)
            if subject is not None and (own is None or subject.i != own.i) and (
                    subject.i < pronoun.i and subject.pos_ in ("NOUN", "PROPN")
                    and _agrees_in_number(word, subject)):
                if subject.ent_type_ in ("ORG", "NORP", "PERSON"):
                    return False  # a body or person the resolver left uncoded
                named = [subject, *(c for c in subject.children if c.dep_ == "appos")]
                return not any(a.code for t in named for a in self.actors_for(t))
            if node.head.i == node.i:
                return False
            node = node.head
        return False

    def _bound_antecedent(self, pronoun: Token, word: str) -> Actor | None:
        """The subject of the clause that governs the pronoun's clause, when it fits."""
        node = pronoun.head
        own = self._own_subject(pronoun)  # "captured two soldiers and killed them"
        for _ in range(4):
            subject = child_with(node, SUBJECTS)
            if own is not None and subject is not None and subject.i == own.i:
                subject = None
            if subject is not None and subject.i != pronoun.i and subject.i < pronoun.i and (
                    _agrees_in_number(word, subject)):
                actors = [a for a in self.actors_for(subject) if a.code and (
                    word not in _PERSON_PRONOUNS or self._could_be_a_person(a))]
                fits = word in _GROUP_PRONOUNS or any(a.name or a.sector for a in actors)
                if actors and fits and subject.pos_ != "PRON":
                    return actors[0]
            if node.head.i == node.i:
                return None
            node = node.head
        return None


# Common nouns that name a place when someone's ("Kenya's capital", "Iran's embassy").
OWNED_PLACES = frozenset({"town", "city", "village", "province", "region", "district", "state",
                          "county", "area", "capital", "port", "island", "suburb", "territory",
                          "border", "soil", "waters", "airspace", "coast", "embassy",
                          "consulate", "streets", "camp", "base", "land", "frontier"})


def _owned_thing(token: Token) -> bool:
    """A common noun owned by a party that is no place: "the government's briefing"."""
    return token.pos_ == "NOUN" and token.lemma_.lower() not in OWNED_PLACES and any(
        c.dep_ == "poss" and c.pos_ != "PRON" for c in token.children)


def _same_number(word: str, actor: Actor, doc: Doc) -> bool:
    """'they' for a plural noun, 'it' for a singular one (names of bodies go either way)."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return True
    return _agrees_in_number(word, span.root) and (
        word not in ("they", "them", "themselves") or span.root.tag_ in ("NNS", "NNPS")
        or span.root.ent_type_ in ("ORG", "NORP", "GPE"))


def _agrees_in_number(word: str, subject: Token) -> bool:
    """'it'/'its' is never a plural noun ("Moscow said Ukrainian forces attacked its troops":
    its = Moscow's) — but a body's plural-looking name is one ("the Syrian Democratic Forces
    announced it had …"); other pronouns take either (collectives are plural in use)."""
    if subject.tag_ == "NNPS" and subject.ent_type_ in ("ORG", "GPE"):
        return True
    return word not in ("it", "itself") or subject.tag_ not in ("NNS", "NNPS")


# Bodies, not persons: never the antecedent of "he" or "she".
INSTITUTION_WORDS = frozenset({
    "ministry", "government", "parliament", "army", "police", "council", "committee", "court",
    "party", "company", "firm", "group", "union", "agency", "department", "office",
    "administration", "embassy", "organisation", "organization", "military", "navy",
    "commission", "assembly", "senate", "congress", "cabinet", "board", "bank", "authority",
    "authorities", "regime", "movement", "coalition", "alliance", "force", "forces", "kremlin",
    "pentagon", "state", "country", "nation", "team", "club", "association", "network",
    "hospital", "clinic", "school", "university", "charity", "institute", "centre", "center",
    "newspaper", "broadcaster", "channel", "station", "prison", "camp", "city", "town",
    "presidency", "premiership", "candidacy", "campaign", "tenure",
})


def _quoted_regions(sentence: object) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks in a sentence (unbalanced marks: none)."""
    marks = [t.idx for t in sentence if t.text in ('"', "“", "”", "``", "''")]  # type: ignore[attr-defined]
    return [(marks[i], marks[i + 1]) for i in range(0, len(marks) - 1, 2)]


def _of_objects(token: Token) -> Iterator[Token]:
    """Owners: "leader of the rebels", "envoy from Qatar", "a spokesman for the ministry"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "for"):
            yield from (c for c in child.children if c.dep_ == "pobj")


def nearest_subject(verb: Token) -> Token | None:
    """The verb's subject; of two ("BANGKOK — A rights group said"), the one nearest it;
    never a dateline the parser took for one, but the subject it hung on the dateline as an
    apposition ("SEOUL, South Korea (CNN) - A South Korean court has found …")."""
    subjects = [_past_the_dateline(c) for c in verb.children if c.dep_ in SUBJECTS]
    subjects = [c for c in subjects if c is not None]
    if len(subjects) < 2:
        return subjects[0] if subjects else None
    before = [s for s in subjects if s.i < verb.i]
    return before[-1] if before else subjects[0]


def _past_the_dateline(subject: Token) -> Token | None:
    if not in_dateline(subject):
        return subject
    return next((c for c in subject.children if c.dep_ == "appos" and not in_dateline(c)
                 and c.i > subject.i), None)


def child_with(token: Token, deps: tuple[str, ...]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps and not in_dateline(c)), None)


def prep_object(token: Token, preposition: str) -> Token | None:
    """The object of `token`'s prepositional child `preposition` ("sanctions on Iran")."""
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative", "prt") and child.lower_ == preposition:
            pobj = child_with(child, ("pobj",))
            if pobj is not None:
                found = _past_date(pobj)
                if found is not None:
                    return found
                continue
            pcomp = child_with(child, ("pcomp",))
            if pcomp is not None and pcomp.pos_ in _NOMINAL:
                return pcomp
    return None


def _past_date(pobj: Token) -> Token | None:
    """A date is no party ("on Saturday"); but 'met with Syrian President Bashar Assad
    Tuesday' is parsed with the date as the head: the name before it is the argument."""
    if pobj.ent_type_ not in ("DATE", "TIME"):
        return pobj
    names = [c for c in pobj.lefts if c.dep_ == "compound" and c.ent_type_ not in ("DATE",
                                                                                 "TIME")]
    return names[-1] if names else None


# What someone issues, which speaks for them: "a message blaming Iran" is its author's.
ISSUED_NOUNS = frozenset({"message", "statement", "letter", "tweet", "post", "note", "report",
                          "communique", "declaration", "resolution", "release", "video",
                          "speech", "address", "op-ed", "editorial", "petition", "motion",
                          "call", "demand", "appeal", "request", "plea", "warning"})

# Verbs of saying a participle may be parsed under though it belongs to the reported clause.
SAYING = frozenset({"say", "tell", "report", "add", "state", "announce", "claim", "confirm",
                    "allege", "note", "write"})

# Participles that describe their subject's stance, not something done to it: "Israel is
# opposed to French mediation", "Vietnam is committed to opening up".
STATIVE_PARTICIPLES = frozenset({"oppose", "commit", "determine", "prepare", "dedicate",
                                 "resolve", "poise", "set"})


def unwrapped_subject(subject: Token) -> Token:
    """'The Red Cross operating in Iraq said' parsed with "operating" as the subject: the
    participle's own subject is the speaker."""
    if subject.tag_ == "VBG":
        inner = child_with(subject, ("nsubj",))
        if inner is not None:
            return inner
    return subject


def is_passive(verb: Token) -> bool:
    if verb.lemma_.lower() in STATIVE_PARTICIPLES and not any(
        c.dep_ == "agent" for c in verb.children
    ):
        return False
    if any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in verb.children):
        return True
    if reduced_relative(verb):
        return True  # "the diplomats expelled by Britain"
    # "was shot and killed": a bare participle coordinated with a passive verb shares it
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.i != verb.i and not any(
        c.dep_ in ("nsubj", "aux", "auxpass") for c in verb.children) and any(
        c.dep_ == "auxpass" for c in verb.head.children)


def reduced_relative(verb: Token) -> bool:
    """A past participle that describes the noun it follows ("the diplomats expelled by
    Britain", "a man arrested on Friday"): passive, the noun its undergoer."""
    return (verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i < verb.i
            and verb.head.pos_ in ("NOUN", "PROPN", "PRON"))


# A gerund after these shares the subject of the verb it hangs on ("responded by throwing
# stones", "fled after shelling the town"); not "accused X of hanging …" (X's act).
SUBJECT_SHARING_PREPOSITIONS = frozenset({"by", "through", "after", "before", "while",
                                          "since", "upon", "without"})


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _told_finite(verb: Token) -> bool:
    """A past or present verb: "spoke"; "threatened" tagged a participle with no auxiliary
    (an infinitive's conjunct would be bare: "to withdraw and return")."""
    return verb.tag_ in FINITE_TAGS or (verb.tag_ == "VBN" and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children))


def _a_reporter(subject: Token) -> bool:
    """A subject the parser gave an "-ing" verb of saying: "officials reporting …"."""
    return any(c.dep_ == "acl" and c.tag_ == "VBG" and c.lemma_.lower() in SAYING
               for c in subject.children)


# Journeys, which their purpose follows ("flew to Kampala to meet Museveni"; "women going
# to Gaza to deliver aid": not yet done when told in the present).
JOURNEYS = frozenset({"go", "travel", "head", "fly", "sail", "drive", "set", "leave",
                      "depart", "journey", "come", "arrive", "return"})


def verb_subject(verb: Token, depth: int = 0) -> Token | None:
    """The subject of a verb, inherited through xcomp/conj chains ("threatened to strike")."""
    subject = nearest_subject(verb)
    if subject is not None and _a_reporter(subject):
        return None  # "with officials reporting 150 soldiers killed": they told it
    if subject is None and verb.lemma_.lower() in STATIVE_PARTICIPLES:
        subject = child_with(verb, PASSIVE_SUBJECTS)
    if subject is not None or depth > 4:
        return subject
    if verb.dep_ == "relcl" and verb.head.pos_ in _NOMINAL:
        return verb.head
    stranded = subject_of_stranded_finite_verb(verb)
    if stranded is not None:
        return stranded
    above = main_verb_of_stranded_conjunct(verb)
    if above is not None:
        return verb_subject(above, depth + 1)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in _NOMINAL:
        noun = verb.head  # "protesters blocking the road"; "a message blaming Iran": its author
        if noun.dep_ == "pobj":  # "posted a message on Twitter blaming Iran"
            node = noun
            for _ in range(4):
                if node.head.i == node.i:
                    break
                node = node.head
                if node.pos_ in ("VERB", "AUX"):
                    return agent_of(node)
        if noun.lemma_.lower() not in ISSUED_NOUNS:
            return noun
        author = child_with(noun, ("poss",))
        if author is None and noun.head.pos_ in ("VERB", "AUX") and noun.dep_ in OBJECTS:
            author = agent_of(noun.head)
        return author
    if verb.dep_ == "acomp" and verb.head.i != verb.i:  # "is ready to talk", "glad to endorse"
        return verb_subject(verb.head, depth + 1)
    charged = _charged_with(verb)
    if charged is not None:  # "was accused of shooting", "found guilty of raping"
        return charged
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" and (
            verb.head.lower_ in SUBJECT_SHARING_PREPOSITIONS) and (
            verb.head.head.pos_ in ("VERB", "AUX")):  # "responded by throwing stones"
        return verb_subject(verb.head.head, depth + 1)
    if verb.dep_ == "advcl" and verb.tag_ == "VB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and (
            verb.head.lemma_.lower() in JOURNEYS and not is_passive(verb.head)):
        return verb_subject(verb.head, depth + 1)  # "flew to Kampala to meet Museveni"
    participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"  # "shelled X, killing four"
    reported = reported_clause(verb) if participle else None
    if reported is not None:
        # "Jets bombed the town, the rebels said, killing 12": the killing is the bombing's
        return verb_subject(reported, depth + 1)
    if verb.dep_ == "conj" and _told_finite(verb) and verb.head.tag_ == "VB" and (
            verb.head.dep_ == "xcomp") and verb.head.head.i != verb.head.i:
        # "urged the embassy to reconsider and spoke with Pompeo": a finite verb joins
        # "urged", not the infinitive the parser hung it on
        return verb_subject(verb.head.head, depth + 1)
    if (verb.dep_ in ("xcomp", "conj") or participle) and verb.head.i != verb.i:
        if verb.dep_ == "xcomp":
            controller = child_with(verb.head, OBJECTS)
            if controller is not None and verb.head.lemma_ in OBJECT_CONTROL:
                return controller
            raised = child_with(verb.head, PASSIVE_SUBJECTS)
            if raised is not None:  # "Obama is scheduled to attend"
                return raised
        if verb.dep_ == "conj" and is_passive(verb.head) and not is_passive(verb):
            return child_with(verb.head, PASSIVE_SUBJECTS)  # "was indicted and will resign"
        return verb_subject(verb.head, depth + 1)
    return None


# Verbs that charge someone with an act told after "of"/"with", and adjectives of guilt.
CHARGING_VERBS = frozenset({"accuse", "suspect", "convict", "find", "charge", "indict",
                            "acquit", "arrest", "sentence", "jail", "prosecute", "try"})
GUILT_WORDS = frozenset({"guilty", "innocent", "responsible", "culpable", "liable"})


def _charged_with(verb: Token) -> Token | None:
    """'The soldier is accused of shooting two civilians', 'two officers were found guilty
    of raping a tourist', 'a court convicted him of killing …': the one charged did it."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.head.dep_ != "prep" or (
            verb.head.lower_ not in ("of", "with", "for")):
        return None
    holder = verb.head.head
    if holder.lemma_.lower() in GUILT_WORDS and holder.head.i != holder.i:
        holder = holder.head
    if holder.dep_ in OBJECTS and holder.head.lemma_.lower() in CHARGING_VERBS:
        return holder  # "convicted [the officer of killing …]"
    if holder.pos_ not in ("VERB", "AUX") or holder.lemma_.lower() not in CHARGING_VERBS:
        return None
    if is_passive(holder):
        return child_with(holder, PASSIVE_SUBJECTS)
    return child_with(holder, OBJECTS)


def reported_clause(participle: Token) -> Token | None:
    """For a participle parsed under the verb of saying that interrupts a report ("Jets
    bombed the town, the rebels said, killing 12"), the reported clause it continues."""
    saying = participle.head
    if saying.i == participle.i or saying.lemma_.lower() not in SAYING:
        return None
    if saying.dep_ in ("parataxis", "ccomp") and saying.head.i != saying.i:
        return saying.head
    return next((c for c in saying.children if c.dep_ in ("ccomp", "parataxis")
                 and c.i < participle.i), None)


def agent_of(verb: Token) -> Token | None:
    """The doer of a verb: the "by" agent when passive, else the (inherited) subject."""
    if is_passive(verb):
        by = prep_object(verb, "by")
        if by is not None:
            return by
        if verb.dep_ == "conj" and verb.head.i != verb.i and is_passive(verb.head):
            return prep_object(verb.head, "by")
        return None
    return verb_subject(verb)


# "urged Syria to withdraw": the object, not the subject, does the withdrawing.
OBJECT_CONTROL = frozenset({
    "urge", "ask", "call", "order", "force", "press", "pressure", "tell", "persuade",
    "encourage", "allow", "invite", "compel", "request", "instruct", "warn", "advise",
    "want", "wish", "expect", "need", "help", "permit", "authorize", "authorise", "enable",
})


def is_implied_agent(actor: Actor, trigger: Span) -> bool:
    """An agent the coder supplied from the act itself ("were arrested" → police): nobody
    the text names, so nobody a speaker accuses."""
    return actor.start == trigger.start and actor.end == trigger.end


FIRST_PERSON = frozenset({"i", "we"})


def told_in_the_first_person(verb: Token) -> bool:
    """'"We condemn this attack," the minister said': an act whose subject is "I" or "we",
    inside quotation marks, is the speaker's (once the quotation's speaker is known)."""
    subject = verb_subject(verb) if verb.pos_ in ("VERB", "AUX") else None
    if subject is None or subject.lower_ not in FIRST_PERSON:
        return False
    sentence = verb.sent
    marks = sum(1 for t in sentence if t.i < verb.i and t.text in ('"', "“", "”", "``", "''"))
    return marks % 2 == 1 or sentence.text.lstrip().startswith(('"', "“"))
