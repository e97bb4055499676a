"""The "actors" stage: find actor mentions in the parse and resolve each one.

Candidate mentions, from the shared spaCy parse plus one dictionary scan:

* named entities PERSON, NORP and ORG, except a country or city so mislabelled and used as
  a place ("in Vilnius" tagged ORG) and a clock time ("1800 UTC"); an organisation owned by
  a state is widened to it ("Brazil's National Institute for Space Research");
* names from the dictionaries found in the token stream: listed people ("Gitanas Nausėda",
  whom the tagger may miss or cut short; a single-name reference such as "Bush" only when it
  is not a verb, not the modifier of a thing ("Bush fires") and not inside a longer tagged
  name ("Laura Bush", "Trump Tower")), organisations not used as a place, and official
  country names of three or more words used as an actor ("Republic of China"). A name that
  the tagger cut short widens the candidate it overlaps ("French Foreign Minister Jean-Yves
  Le" + "Drian");
* GPE entities only when the place is used as an actor: subject or passive agent of a verb,
  direct or indirect object, object of "by", "against", "with" or "on", possessor
  ("Syria's"), modifier of an actor noun ("U.S. troops"), head of a verbless sentence (a
  headline or caption such as "Germany"), or coordinated with such a GPE. "in Damascus" is a
  place, not an actor;
* noun chunks whose head is a role word or named organisation from the dictionaries ("the
  foreign ministry", "a US destroyer"), a nationality noun ("the Syrians"), an actor entity
  ("President Kassym-Jomart Tokayev"), a proper name holding a person's name ("Minister Juan
  Carlos Jobet"), a title and a known surname the tagger left untagged ("Chancellor
  Scholz"), a group noun that the phrase qualifies ("a Somalia-based paramilitary
  group", "members of SANDF"), or any noun used as a subject or object and located in a
  named place ("targets in Syria"); a role chunk used as a place ("at the hospital", "in the
  army") is skipped, but not people fired at ("fired at protesters"), and neither is a lone
  role word used as a mass noun ("used force"). A chunk keeps its prepositional modifiers
  ("trade unions in Denmark", "leader of the rebels", "a spokesperson for the governor"), so
  the resolver sees the whole noun phrase; a proper name introduced by its bearer's role is
  one ("Iranian airline Mahan Air", named "Mahan Air"); a role noun owning what the chunk
  names is a mention of its own ("protesters' demands"); a noun naming what happens
  ("discussions within Europe") is none;
* the head of a verbless sentence that is a role word even when tagged as an adjective
  ("paramedic", "mujahideen").

Overlapping candidates are merged by keeping the longer span ("Syria's foreign ministry" is
one actor, not "Syria" plus "foreign ministry"). Leading determiners, dates and punctuation
are trimmed token-wise, and a mention never crosses a line break ("2019\n\nGermany" is
"Germany"), so `record.article.text[start:end] == text` always holds. Person names
the dictionaries do not list are kept out of the resolution (so "Jordan Peterson" is not
Jordanian) except for leading titles ("President", "Syrian President") and, after a title,
a surname borne by listed people of one country whose first names fit ("President Benigno
Aquino" is resolved as "President Aquino" and named "Benigno Aquino"); a listed person, or a
place, body or group the tagger mislabelled as a person ("Burkina Faso's", "Bosnian Serbs"),
is resolved as such. A person's name becomes the actor's `name`.

A role with no country word takes the country of a town or region qualifying it
("Northamptonshire police"), from the gazetteer when the dictionary does not list it.

Then a mention left with neither country nor sector takes both from a resolved mention in
apposition to it: "Ivo Quaxley, the UN envoy," and "the UN envoy, Ivo Quaxley," are UNO GOV;
so does a name set off with the body it belongs to ("Sharif Hotak, of the provincial
council,"). A bracket after the mention is not an apposition of it ("Zorbatown (CNN)"); an
acronym in brackets takes the name before it ("General Motors (GM)"). Coreference follows
(`coreference.py`), then the article's setting (`setting.py`: "police" in a story about
Serbia are Serbia's), then one code per named person. Each actor records why its country is
known in `country_basis`: "stated", "apposition", "coreference" or "article-setting" (with
`country_confidence`, the setting's share of the article's place evidence).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from .. import registry
from ..datelines import DATELINE_DASHES, dateline_tokens, is_dateline_dash
from ..entities import entity_at
from ..model import Actor
from .coreference import (
    COREFERENCE,
    MentionEvidence,
    one_code_per_person,
    resolve_coreference,
)
from .dictionary import POSSESSIVE, ActorDictionary, Entry, Token, held_in, normalise
from .resolver import (
    ABROAD_WORDS,
    COURTESY_WORDS,
    NAME_CONNECTORS,
    STATE_SECTORS,
    UNRESOLVED,
    ActorResolver,
    Resolution,
    make_code,
)
from .setting import (
    PLACE_PREPOSITIONS,
    TOWN_READINGS,
    SettingFinder,
    apply_setting,
    read_town_actor,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span
    from spacy.tokens import Token as SpacyToken

    from ..model import Record
    from ..settings import Settings

ACTOR_LABELS = frozenset({"PERSON", "NORP", "ORG"})
GPE_LABEL = "GPE"
PERSON_LABEL = "PERSON"
ORG_LABEL = "ORG"
PLACE_LABELS = frozenset({"GPE", "LOC"})
SUBJECT_OBJECT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "csubj", "csubjpass", "agent", "dobj", "dative", "obj", "iobj", "poss"}
)
FRAGMENT_DEP = "ROOT"  # a GPE heading a verbless sentence is a mention, not a location
ARGUMENT_DEPS = SUBJECT_OBJECT_DEPS | {FRAGMENT_DEP, "appos", "conj"}
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "nn"})
ACTOR_PREPOSITIONS = frozenset({"by", "against", "with", "on"})
# Prepositional modifiers kept in a mention: owners ("leader of the rebels") and locations
# ("trade unions in Denmark"); the resolver reads each kind its own way.
LOCATING_PREPOSITIONS = frozenset({"in", "at", "across", "inside", "within", "throughout"})
KEPT_PREPOSITIONS = LOCATING_PREPOSITIONS | {"of", "from"}
MAX_MODIFIER_TOKENS = 10
AFFILIATION_PREPOSITIONS = frozenset({"of", "from"})
AIMED_PREPOSITIONS = frozenset({"at", "near", "toward", "towards"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Nouns for people who speak or act for someone else: a mention when "for" or "of" names whom
# ("a spokesperson for the provincial governor")
SPEAKER_NOUNS = frozenset(
    {
        "spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen",
        "spokespeople", "spokespersons", "aide", "aides", "adviser", "advisers", "advisor",
        "advisors",
    }
)  # fmt: skip
# Nouns that name a group of people without a role of their own: a mention when the phrase
# gives them a country or a role ("a Somalia-based paramilitary group", "members of SANDF").
GROUP_NOUNS = frozenset(
    {
        "group", "groups", "organization", "organizations", "organisation", "organisations",
        "member", "members", "unit", "units", "movement", "movements", "faction", "factions",
        "network", "networks", "outfit", "outfits", "body", "bodies", "team", "teams",
        "people", "men", "women", "residents", "citizens", "nationals", "staff", "crew",
        "crews", "personnel", "delegation", "delegations", "representatives", "elements",
        "branch", "wing", "cell", "cells", "coalition", "alliance", "leadership",
        "contingent", "squad", "brigade", "battalion", "division",
    }
)  # fmt: skip
MAX_PREMODIFIER_TOKENS = 8
STATED = "stated"
ROLE_WEIGHT = 2.0
# People named by whose side they are on: "a Trump supporter", "supporters of President
# Trump", "associates of Navalny" are of the leader's country, not the leader; a state
# leader's or an official's are civilians.
FOLLOWER_NOUNS = frozenset({"supporter", "backer", "follower", "loyalist", "fan", "voter",
                            "ally", "associate", "critic", "opponent", "detractor", "rival",
                            "admirer", "sympathiser", "sympathizer", "partisan", "devotee"})
# Of these, the ones against someone: an actor phrase "opponents of Rwanda's Senate" keeps
# the code its words give (only a modifier, "a Trump critic", makes them civilians).
OPPOSING_NOUNS = frozenset({"critic", "opponent", "detractor", "rival"})
OFFICIAL_SECTORS = STATE_SECTORS | {"ELI"}
CIVILIANS = "CVL"
# A listed body of no state takes the article's setting only when it is a state body whose
# name many states use ("National Security Council", "Intelligence Bureau"); not "Reuters".
LOCAL_BODY_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PTY", "OPP"})
WEAK_ROLE_WEIGHT = 1.0
LISTED_WEIGHT = 1.0
APPOSITION = "apposition"
MAX_FRAGMENT_TOKENS = 8
TRIMMED_TAGS = frozenset({"DT", "PDT"})
DATE_LABELS = frozenset({"DATE", "TIME"})
TIME_ZONES = frozenset(
    {"UTC", "GMT", "BST", "CET", "CEST", "EET", "EEST", "EST", "EDT", "CST", "CDT", "MST",
     "MDT", "PST", "PDT", "IST", "JST", "KST", "AEST", "AEDT", "MSK", "WAT", "EAT", "SAST"}
)
TITLE_KINDS = frozenset({"sectors", "demonyms", "countries"})
NAME_KINDS = frozenset({"people", "organisations", "countries"})
# A "person" the tagger found that is really a listed name or group ("Bosnian Serbs")
KNOWN_NAME_KINDS = NAME_KINDS | {"demonyms"}
PERSON_KIND = "people"
ORGANISATION_KIND = "organisations"
MIN_COUNTRY_NAME_WORDS = 3  # shorter country names are found by the tagger as GPE
VERB_POS = frozenset({"VERB", "AUX"})
FRAGMENT_POS = frozenset({"NOUN", "PROPN", "ADJ"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A token range [start, end) that mentions an actor."""

    start: int
    end: int

    @property
    def size(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Hit:
    """A dictionary name found at tokens [start, end) of the document."""

    start: int
    end: int
    entry: Entry


@dataclass(slots=True)
class PhraseText:
    """What the resolver is given for a mention, and the unlisted person it names, if any.

    `by_surname`: the person was resolved by a titled surname ("President Benigno Aquino"), so
    the mention is named after them, never after the listed person with that surname.
    """

    kept: list[str] = field(default_factory=list)
    person: str | None = None
    by_surname: bool = False


class ActorsStage:
    """Appends one `Actor` per actor mention to `record.actors`, sorted by start offset."""

    name = "actors"

    def __init__(self, resolver: ActorResolver) -> None:
        self.resolver = resolver
        self.dictionary: ActorDictionary = resolver.dictionary
        self._name_starts = self.dictionary.first_words(NAME_KINDS)
        self.settings = SettingFinder(resolver)

    def __call__(self, doc: Doc, record: Record) -> None:
        text = record.article.text
        hits = self._hits(doc)
        dateline = dateline_tokens(doc)
        chunks = list(doc.noun_chunks) if doc.has_annotation("DEP") else []  # made once: slow
        found = [c for c in self._candidates(doc, text, hits, chunks)
                 if c is not None and not dateline.issuperset(range(c.start, c.end))]
        candidates = _merge(_widened(found, hits))
        published = record.article.published
        mentions = [self._actor(doc, text, c, hits, published) for c in candidates]
        setting = self.settings.find(doc, record.article.title, record.article.url)
        doc.user_data[TOWN_READINGS] = dict(setting.place_towns)  # the places stage reads the same
        actors = [read_town_actor(actor, setting, self.resolver) for actor, _ in mentions]
        actors = resolve_coreference(_with_appositions(doc, candidates, actors), self._is_place)
        evidence = [said for _, said in mentions]
        actors, evidence = self._with_bodies_told_again(doc, actors, evidence, chunks)
        actors = apply_setting(actors, setting, [said.local for said in evidence])
        record.actors.extend(one_code_per_person(actors, evidence))

    def _with_bodies_told_again(self, doc: Doc, actors: list[Actor],
                                evidence: list[MentionEvidence], chunks: list[Span]
                                ) -> tuple[list[Actor], list[MentionEvidence]]:
        """'ABS-CBN … accused the network of swindling', 'Hamas … the group said': a
        definite generic noun for a body is the body last named before it."""
        found: list[tuple[Actor, MentionEvidence]] = []
        if not doc.has_annotation("DEP"):
            return actors, evidence
        for chunk in chunks:
            root = chunk.root
            if root.lower_ not in BODY_ANAPHORS or len(chunk) != 2 or (
                    chunk[0].lower_ not in ("the", "this")):
                continue
            if any(a.start < chunk.end_char and chunk.start_char < a.end for a in actors):
                continue
            antecedent = self._named_body_before(chunk.start_char, actors, evidence,
                                                 BODY_ANAPHORS[root.lower_])
            if antecedent is not None:
                found.append((replace(antecedent, text=chunk.text, start=chunk.start_char,
                                      end=chunk.end_char,
                                      name=antecedent.name or antecedent.text,
                                      country_basis=antecedent.country_basis and COREFERENCE),
                              MentionEvidence(local=False)))
        if not found:
            return actors, evidence
        merged = sorted([*zip(actors, evidence, strict=True), *found], key=lambda p: p[0].start)
        return [a for a, _ in merged], [e for _, e in merged]

    def _named_body_before(self, start: int, actors: list[Actor],
                           evidence: list[MentionEvidence],
                           sectors: frozenset[str]) -> Actor | None:
        for actor, said in zip(reversed(actors), reversed(evidence), strict=True):
            if actor.end > start:
                continue
            if start - actor.end > BODY_WINDOW_CHARS:
                return None
            if said.person or not actor.code or not actor.text[:1].isupper() or (
                    self._is_place(actor)):
                continue
            if actor.sector in sectors or (actor.sector is None and actor.name and (
                    sectors == BODY_SECTORS)):
                return actor
        return None

    def _is_place(self, actor: Actor) -> bool:
        """A country, capital or city named on its own ("Iran", "Damascus's")."""
        words = [token.word for token in normalise(actor.text) if token.word != POSSESSIVE]
        entry = self.dictionary.get(tuple(words)) if words else None
        return entry is not None and entry.kind == "countries"

    # --- dictionary names in the token stream -----------------------------------------

    def _hits(self, doc: Doc) -> list[Hit]:
        """Longest dictionary names (people, organisations, countries), left to right."""
        words: list[list[Token] | None] = [None] * len(doc)
        hits: list[Hit] = []
        position = 0
        while position < len(doc):
            hit = self._hit_at(doc, position, words)
            if hit is None:
                position += 1
                continue
            hits.append(hit)
            position = hit.end
        return hits

    def _hit_at(self, doc: Doc, start: int, words: list[list[Token] | None]) -> Hit | None:
        if not doc[start].text[:1].isupper():
            return None
        first = _token_words(doc, start, words)
        limit = self._name_starts.get(first[0].word, 0) if first else 0
        if not limit:
            return None
        found: Hit | None = None
        collected: list[Token] = []
        position = start
        while position < len(doc) and len(collected) < limit:
            if position > start and doc[position].is_sent_start:
                break
            added = _token_words(doc, position, words)
            collected.extend(added)
            position += 1
            if not added:  # punctuation ("Kuwait." must not end on its full stop)
                continue
            entry = self.dictionary.get(tuple(t.word for t in collected)) if collected else None
            if entry is not None and entry.kind in NAME_KINDS and _case_fits(entry, collected):
                found = Hit(start, position, entry)
        if found is None or _name_continues(doc, found) or self._single_name_cut(doc, found) \
                or _tail_of_a_longer_name(doc, found):
            return None
        return found

    def _single_name_cut(self, doc: Doc, hit: Hit) -> bool:
        """A single-name hit ("Bush") that is not a name or is part of a longer one.

        Rejected when used as a verb or as the modifier of a thing ("Bush fires"), or when the
        tagged name goes on around it ("Laura Bush", "Trump Tower") other than with a title
        ("President Bush", "Mr Bush").
        """
        if hit.entry.kind != PERSON_KIND or hit.end - hit.start != 1:
            return False
        token = doc[hit.start]
        if token.pos_ in VERB_POS or self._modifies_a_thing(token):
            return True
        after = doc[hit.end] if hit.end < len(doc) else None
        if after is not None and after.ent_iob_ == "I":
            return True
        if token.ent_iob_ != "I" or hit.start == 0:
            return False
        before = doc[hit.start - 1]
        return not self.resolver.ends_with_title(before.text) and (
            before.lower_.rstrip(".") not in COURTESY_WORDS
        )

    def _modifies_a_thing(self, token: SpacyToken) -> bool:
        """A name used as a noun modifier of a common noun naming no actor ("Bush fires")."""
        head = token.head
        return token.dep_ == "compound" and head.pos_ == "NOUN" and not self._is_actor_noun(head)

    # --- finding mentions -------------------------------------------------------------

    def _candidates(self, doc: Doc, text: str, hits: list[Hit],
                    chunks: list[Span]) -> Iterator[Candidate | None]:
        parsed = doc.has_annotation("DEP")
        for ent in doc.ents:
            if parsed and self._is_mislabelled_place(ent):
                continue
            if ent.label_ == PERSON_LABEL and parsed:
                yield _trimmed(self._with_bracketed_title(_with_premodifiers(ent)))
            elif ent.label_ == ORG_LABEL and parsed:
                yield _trimmed(_with_owner(ent))
            elif ent.label_ in ACTOR_LABELS or (
                parsed and ent.label_ == GPE_LABEL and self._gpe_is_actor(ent.root)
            ):
                yield _trimmed(ent)
        for hit in hits:
            span = doc[hit.start : hit.end]
            if self._hit_is_actor(span, hit.entry, parsed) and not _a_language(span):
                yield Candidate(hit.start, hit.end)
        if parsed:
            for chunk in chunks:
                if _a_language(chunk):
                    continue
                yield self._chunk_candidate(chunk, text)
                yield from self._role_possessors(chunk)
            for chunk in _chunks_after_datelines(doc):
                yield self._chunk_candidate(chunk, text)
            yield from self._fragment_heads(doc)

    def _with_bracketed_title(self, ent: Span) -> Span:
        """'Labour MP (Member of Parliament) Tom Watson': a title spelled out in brackets
        before the name is still the name's title."""
        doc = ent.doc
        close = ent.start - 1
        if close < 1 or doc[close].text != ")":
            return ent
        opening = next((i for i in range(close - 1, max(close - 8, -1), -1)
                        if doc[i].text == "("), None)
        if opening is None or opening == 0:
            return ent
        start = opening
        while start > 0 and start > opening - 4 and doc[start - 1].pos_ in ("PROPN", "NOUN",
                                                                            "ADJ"):
            start -= 1
        if start == opening or self.resolver.resolve(doc[start:opening].text).sector is None:
            return ent
        return doc[start:ent.end]

    def _is_mislabelled_place(self, ent: Span) -> bool:
        """A country or city tagged as an organisation or person but used as a place."""
        if ent.root.ent_type_ not in ACTOR_LABELS or not _used_as_place(ent.root):
            return False
        entry = self.dictionary.entry_ending(normalise(ent.text))
        return entry is not None and entry.kind == "countries"

    def _hit_is_actor(self, span: Span, entry: Entry, parsed: bool) -> bool:
        if entry.kind == PERSON_KIND:
            return True
        if not parsed:
            return False
        if entry.kind == "organisations":
            return not _used_as_place(span.root)
        words = sum(len(_token_words(span.doc, i, None)) for i in range(span.start, span.end))
        return words >= MIN_COUNTRY_NAME_WORDS and self._gpe_is_actor(span.root)

    def _chunk_candidate(self, chunk: Span, text: str) -> Candidate | None:
        end = _modifiers_end(chunk)
        if not self._chunk_is_actor(chunk) and not self._chunk_is_other_actor(chunk, text, end) \
                and not self._named_with_its_tail(chunk, end):
            return None
        trimmed = _trimmed(chunk)
        if trimmed is None:
            return None
        entry = self._entry_ending_at(chunk, chunk.root)
        amount = _amount_of(chunk.root) if entry is not None and entry.counted else None
        if amount is not None:  # "hundreds of people": the count is what makes it a party
            trimmed = Candidate(min(trimmed.start, amount.left_edge.i), trimmed.end)
        if end > trimmed.end:
            _, end = _line_of_root(chunk.doc[chunk.start : end])
        return Candidate(trimmed.start, max(trimmed.end, end))

    def _chunk_is_actor(self, chunk: Span) -> bool:
        root = chunk.root
        if root.ent_type_ in ACTOR_LABELS:
            return not self._is_mislabelled_place(chunk)
        if root.ent_type_ == GPE_LABEL:
            return self._gpe_is_actor(root)
        entry = self._entry_ending_at(chunk, root)
        if entry is None or (entry.country is None and entry.sector is None):
            return False
        if entry.kind == "countries":
            return self._gpe_is_actor(root)
        if entry.kind in ("organisations", "demonyms") and not root.text[:1].isupper():
            return False
        if entry.weak and _bare_mass_noun(chunk):
            return False  # "the police used force"
        if entry.counted and not _counted(chunk.root):
            return False  # "people said", "the people"
        return not _used_as_place(root) or _people_aimed_at(root)

    def _chunk_is_other_actor(self, chunk: Span, text: str, end: int) -> bool:
        root = chunk.root
        if _used_as_place(root) or root.pos_ == "PRON":
            return False
        return (
            self._names_a_person(chunk)
            or _surname_of_someone_named(chunk)
            or self._titled_surname_chunk(chunk)
            or self._named_after_role(chunk)
            or self._qualified_group(chunk, text, end)
            or self._located_argument(chunk, end)
        )

    def _named_after_role(self, chunk: Span) -> bool:
        """A name introduced by the role of its bearer: "Iranian airline Mahan Air", "the
        broadcaster Radio Zeta", "rights group Citizens Watch"."""
        return self._role_before_name(chunk) is not None

    def _role_before_name(self, chunk: Span) -> int | None:
        """Where the proper name after a role word starts in the chunk, if it has one."""
        root = chunk.root
        if root.pos_ != "PROPN" or root.ent_type_ in (PERSON_LABEL, GPE_LABEL):
            return None
        name_start = root.i
        while name_start > chunk.start and chunk.doc[name_start - 1].pos_ == "PROPN":
            name_start -= 1
        for token in chunk.doc[chunk.start : name_start]:
            entry = self.dictionary.entry_ending(normalise(token.text))
            if entry is not None and entry.kind == "sectors" and entry.sector and not entry.weak:
                return name_start
        return None

    def _names_a_person(self, chunk: Span) -> bool:
        """A proper-noun phrase holding a person's name the tagger cut short."""
        return chunk.root.pos_ == "PROPN" and any(t.ent_type_ == PERSON_LABEL for t in chunk)

    def _titled_surname_chunk(self, chunk: Span) -> bool:
        """A title and a known surname that the tagger did not tag ("Chancellor Scholz")."""
        root = chunk.root
        if root.pos_ != "PROPN" or root.i == chunk.start:
            return False
        if not self.resolver.ends_with_title(chunk.doc[chunk.start : root.i].text):
            return False
        return self.resolver.surname_position(normalise(root.text)) is not None

    def _qualified_group(self, chunk: Span, text: str, end: int) -> bool:
        """A group noun given a country or role by its phrase ("Somalia-based group"), or
        someone speaking for one ("a spokesperson for the provincial governor")."""
        if chunk.root.lower_ not in GROUP_NOUNS | SPEAKER_NOUNS:
            return False
        doc = chunk.doc
        phrase = text[doc[chunk.start].idx : doc[end - 1].idx + len(doc[end - 1])]
        resolution = self.resolver.resolve(phrase)
        return resolution.country is not None or resolution.sector is not None

    def _located_argument(self, chunk: Span, end: int) -> bool:
        """A subject or object noun placed in a named state ("targets in Syria")."""
        root = chunk.root
        if end <= chunk.end or root.pos_ not in ("NOUN", "PROPN"):
            return False
        if root.dep_ not in ARGUMENT_DEPS or self._names_an_event(root):
            return False  # not "discussions within Europe"
        return any(
            token.ent_type_ == GPE_LABEL
            for child in root.rights
            if child.dep_ == "prep" and child.lower_ in LOCATING_PREPOSITIONS
            for token in child.subtree
        )

    def _names_an_event(self, token: SpacyToken) -> bool:
        entry = self.dictionary.entry_ending(normalise(token.text))
        return entry is not None and entry.event

    def _role_possessors(self, chunk: Span) -> Iterator[Candidate | None]:
        """Role nouns owning what a noun phrase names ("protesters' demands", "the army's
        statement"): noun chunks only give the whole phrase, which names no actor."""
        for token in chunk:
            if token.dep_ != "poss" or token.pos_ != "NOUN":
                continue
            entry = self.dictionary.entry_ending(normalise(token.text))
            if entry is not None and entry.kind == "sectors" and entry.sector is not None:
                yield _trimmed(chunk.doc[token.left_edge.i : token.i + 1])

    def _fragment_heads(self, doc: Doc) -> Iterator[Candidate | None]:
        """Role words heading a verbless sentence, whatever their tag ("paramedic")."""
        for sentence in doc.sents:
            root = sentence.root
            if root.pos_ not in FRAGMENT_POS or any(t.pos_ in VERB_POS for t in sentence):
                continue
            entry = self.dictionary.entry_ending(normalise(root.text))
            if entry is None or entry.kind != "sectors" or entry.sector is None:
                continue
            left, right = root.left_edge.i, root.right_edge.i + 1
            if right - left > MAX_FRAGMENT_TOKENS:
                left, right = root.i, root.i + 1
            yield _trimmed(doc[left:right])

    def _named_with_its_tail(self, chunk: Span, end: int) -> bool:
        """'the United States House of Representatives', chunked as "the United States
        House" + "of Representatives": a body whose name ends in its "of" phrase."""
        if end <= chunk.end or not chunk.root.text[:1].isupper():
            return False
        words = normalise(chunk.doc[chunk.start:end].text)
        entry = self.dictionary.entry_ending(words) if words else None
        return entry is not None and entry.sector is not None and entry.kind != "countries"

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
        if dep in ("conj", "appos") and token.head.i != token.i:
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

    def _actor(
        self, doc: Doc, text: str, candidate: Candidate, hits: list[Hit], published: str | None
    ) -> tuple[Actor, MentionEvidence]:
        span = doc[candidate.start : candidate.end]
        start, end = span.start_char, span.end_char
        inside = [h for h in hits if candidate.start <= h.start and h.end <= candidate.end]
        phrase = self._resolution_text(span, text, inside)
        wording = "".join(phrase.kept)
        resolution: Resolution = self.resolver.resolve(wording) if wording.strip() else UNRESOLVED
        own_name = phrase.person if phrase.by_surname else None
        if resolution.name is None and phrase.person is None:
            own_name = self._name_after_role(span, text)
        country = resolution.country
        if country is None and resolution.sector is not None:
            country = self._place_named_in(span)
        sector = resolution.sector
        if _people_on_someones_side(span):  # "supporters of President Trump" are not Trump
            own_name = None
            resolution = replace(resolution, name=None)
            sector = CIVILIANS if sector in OFFICIAL_SECTORS else sector
        actor = Actor(
            text=text[start:end],
            start=start,
            end=end,
            name=own_name or resolution.name or phrase.person,
            country=country,
            sector=sector,
            code=make_code(country, sector),
            country_basis=STATED if country else None,
        )
        person = resolution.person or phrase.person is not None
        stateless = resolution.name is not None and not person and resolution.country is None
        local = not stateless or resolution.sector in LOCAL_BODY_SECTORS
        return actor, MentionEvidence(person, _weight(resolution, published), local)

    def _name_after_role(self, span: Span, text: str) -> str | None:
        """The proper name in "Iranian airline Mahan Air" ("Mahan Air")."""
        start = self._role_before_name(span)
        if start is None:
            return None
        return text[span.doc[start].idx : span.end_char]

    def _place_named_in(self, span: Span) -> str | None:
        """The country of a town or region that qualifies a role ("Northamptonshire police",
        "Cheshire chief constable Mark Feldon"), found in the gazetteer when the dictionary
        does not list it; never for a role abroad ("the Lagos embassy") nor for where a role
        merely is ("a delegation in Geneva")."""
        if any(token.lower_ in ABROAD_WORDS for token in span):
            return None
        for run in _place_names(span):  # before the head: not "a delegation in Geneva"
            country = self.settings.place_country(run.text)
            if country is not None:
                return country
        return None

    def _resolution_text(self, span: Span, text: str, hits: Sequence[Hit]) -> PhraseText:
        """The span's text without unknown person names (titles kept), and the person's name."""
        phrase = PhraseText()
        position = span.start
        doc = span.doc
        protected = _protected_tokens(hits)
        while position < span.end:
            token = doc[position]
            if token.ent_type_ != PERSON_LABEL or position in protected:
                phrase.kept.append(_text_with_ws(token, text))
                position += 1
                continue
            run_end = _person_run_end(doc, position, span.end, protected)
            if self._is_known_name(doc, position, run_end):
                phrase.kept.extend(_text_with_ws(t, text) for t in doc[position:run_end])
            else:
                self._strip_unknown_name(doc[position:run_end], text, phrase, run_end == span.end)
            position = run_end
        return phrase

    def _strip_unknown_name(self, run: Span, text: str, phrase: PhraseText, last: bool) -> None:
        """Keep an unlisted name's titles, and its surname when a title makes it count."""
        titles = self._title_length(run)
        phrase.kept.extend(_text_with_ws(t, text) for t in run[:titles])
        name = run[titles:]
        surname = self._titled_surname(name, "".join(phrase.kept))
        if surname is not None:
            phrase.kept.append(_text_with_ws(surname, text))
            phrase.by_surname = True
        if last and len(name):
            phrase.person = text[name.start_char : name.end_char]

    def _is_known_name(self, doc: Doc, start: int, end: int) -> bool:
        """Whether a "person" run is really a listed name ("Burkina Faso's" tagged PERSON)."""
        words = [w for i in range(start, end) for w in _token_words(doc, i, None)]
        if words and words[-1].word == POSSESSIVE:
            words.pop()
        entry = self.dictionary.get(tuple(t.word for t in words)) if words else None
        if entry is None or entry.kind not in KNOWN_NAME_KINDS or not _case_fits(entry, words):
            return False
        return not self._single_name_cut(doc, Hit(start, end, entry))

    def _titled_surname(self, name: Span, before: str) -> SpacyToken | None:
        """The token of an unlisted name after a title that carries a known surname.

        Only that token is kept for the resolver ("President Benigno Aquino" is resolved as
        "President Aquino"), so first names that are also places ("Jordan") play no part.
        """
        if not len(name) or not self.resolver.ends_with_title(before):
            return None
        owners = [t for t in name for _ in _token_words(name.doc, t.i, None)]
        words = [w for t in name for w in _token_words(name.doc, t.i, None)]
        position = self.resolver.surname_position(words)
        return owners[position] if position is not None else None

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


def _people_on_someones_side(span: Span) -> bool:
    root = span.root
    lemma = root.lemma_.lower()
    return lemma in FOLLOWER_NOUNS - OPPOSING_NOUNS and root.i < span.end - 1 and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in root.children)


def _a_language(span: Span) -> bool:
    """'told a guard, in French and English, …': a language, not the people of a country."""
    root = span.root
    return (root.ent_type_ == "LANGUAGE" and len(span) == 1
            and root.dep_ in ("pobj", "conj", "dobj") and root.head.pos_ != "NOUN")


def _weight(resolution: Resolution, published: str | None) -> float:
    """How much a mention's own code counts for the person it names: a role or title it
    states most, a listed person's role less, and nothing when the article is dated outside
    the years that role was held ("Joe Biden" listed as president from 2021, in 2020 news)."""
    basis = resolution.sector_basis
    if basis == "role":
        return ROLE_WEIGHT
    if basis == "weak-role":
        return WEAK_ROLE_WEIGHT
    if basis == "person":
        return 0.0 if held_in(resolution.years, published) is False else LISTED_WEIGHT
    return 0.0


def _with_appositions(doc: Doc, candidates: list[Candidate], actors: list[Actor]) -> list[Actor]:
    """Unresolved mentions take the country and sector of a resolved apposition.

    "Ivo Quaxley, the United Nations relief coordinator," and "the UN envoy, Ivo Quaxley,"
    both make Quaxley UNO; the mention keeps its own text and name.
    """
    if not doc.has_annotation("DEP"):
        return actors
    owner = {i: n for n, c in enumerate(candidates) for i in range(c.start, c.end)}
    filled = list(actors)
    for number, actor in enumerate(actors):
        if actor.code is not None:
            continue
        partner = _apposition_partner(doc[candidates[number].start : candidates[number].end], owner)
        if partner is not None and partner != number and actors[partner].code is not None:
            found = actors[partner]
            filled[number] = replace(
                actor, country=found.country, sector=found.sector, code=found.code,
                country_basis=APPOSITION if found.country else None,
            )
    return filled


def _apposition_partner(span: Span, owner: dict[int, int]) -> int | None:
    """The mention (by number) in apposition to a token of the span, if any.

    The apposition's head may lie in a mention, or a mention may modify it ("Ivo Quaxley, the
    United Nations humanitarian coordinator"): the one nearest the head wins. Prepositional
    phrases after the head ("a critic of Putin") describe someone else and are not searched,
    nor is a bracket after the span ("Zorbatown (CNN)", "J Smith (capt)"), though an
    acronym in brackets takes the name before it ("General Motors (GM)").
    """
    for token in span:
        linked = [token.head] if token.dep_ == "appos" else []
        linked.extend(child for child in token.children if child.dep_ == "appos")
        linked.extend(_affiliation(span, token))
        for other in linked:
            if span.start <= other.i < span.end or _bracketed_after(span, other):
                continue
            for position in range(other.i, other.left_edge.i - 1, -1):
                if position in owner and not (span.start <= position < span.end):
                    return owner[position]
    return None


def _affiliation(span: Span, token: SpacyToken) -> Iterator[SpacyToken]:
    """The body a named person is set off as belonging to: "Sharif Hotak, of the provincial
    council," and "Ana Ruiz, from the health ministry," are the council's and the ministry's;
    so is "Arnel Cruz of the army" without the commas (not "Cruz of Manila": a home town)."""
    if not all(t.pos_ == "PROPN" or t.ent_type_ == PERSON_LABEL for t in span):
        return  # a name, not "the attack, of the kind seen before"
    for child in token.children:
        if child.dep_ != "prep" or child.lower_ not in AFFILIATION_PREPOSITIONS:
            continue
        if child.i == span.end + 1 and span.doc[span.end].text == ",":
            yield from (c for c in child.children if c.dep_ == "pobj")
        elif child.i == span.end:  # "Arnel Cruz of the army's Southern Command said"
            yield from (c for c in child.children if c.dep_ == "pobj"
                        and c.ent_type_ not in PLACE_LABELS)


def _place_names(span: Span) -> Iterator[Span]:
    """Runs of capitalised nouns before the span's head that may name a place
    ("Northamptonshire police"); not a word of the head's own name ("Coast Guard"), an
    adjective ("More protesters") nor a person's name."""
    doc = span.doc
    root = span.root.i
    position = span.start
    while position < root:
        end = position
        while end < span.end and _may_name_place(doc[end]):
            end += 1
        if position < end <= root and not _inside_longer_name(doc[position:end]):
            yield doc[position:end]
        position = end + 1


def _inside_longer_name(run: Span) -> bool:
    """A word of a longer name ("Maritime" in "Maritime and Transport Workers") or of a
    hyphenated modifier ("Iranian-backed", "Kabul-based")."""
    doc = run.doc
    if run.end < len(doc) and doc[run.end].text == "-":
        return True
    ent = entity_at(doc[run.start])
    return ent is not None and ent.label_ not in PLACE_LABELS and (
        ent.start < run.start or ent.end > run.end
    )


def _may_name_place(token: SpacyToken) -> bool:
    if not token.text[:1].isupper() or token.ent_type_ == PERSON_LABEL:
        return False
    return token.ent_type_ in PLACE_LABELS or token.pos_ in ("PROPN", "NOUN")


def _bracketed_after(span: Span, other: SpacyToken) -> bool:
    if other.i < span.end:
        return False
    return any(token.text == "(" for token in span.doc[span.end : other.left_edge.i + 1])


def _token_words(doc: Doc, index: int, cache: list[list[Token] | None] | None) -> list[Token]:
    """One token's comparison words; a possessive token ("'s", "’s") is the possessive mark."""
    if cache is not None and cache[index] is not None:
        return cache[index] or []
    token = doc[index]
    if token.tag_ == "POS" or token.lower_ in ("'s", "\u2019s"):
        words = [Token(POSSESSIVE, False)] if token.lower_.endswith("s") else []
    else:
        words = normalise(token.text)
    if cache is not None:
        cache[index] = words
    return words


def _tail_of_a_longer_name(doc: Doc, hit: Hit) -> bool:
    """A one-word organisation matched inside a longer tagged name, after its first word
    ("Liberation" in "the Party for Socialism and Liberation"): a word of that name, not
    the organisation."""
    if hit.entry.kind != ORGANISATION_KIND or hit.end - hit.start != 1:
        return False
    ent = entity_at(doc[hit.start])
    if ent is not None:
        return ent.label_ not in PLACE_LABELS and ent.start < hit.start
    if hit.start < 2 or doc[hit.start - 1].lower_ not in NAME_CONNECTORS:
        return False
    before = doc[hit.start - 2]  # "Socialism" in "Party for Socialism and Liberation"
    return before.text[:1].isupper() and not before.is_sent_start and not before.ent_type_



def _case_fits(entry: Entry, words: Sequence[Token]) -> bool:
    return not entry.cased or all(token.upper for token in words)


def _name_continues(doc: Doc, hit: Hit) -> bool:
    """A person match cut out of a longer tagged name ("Park Jin" in "Park Jin-young")."""
    if hit.entry.kind != PERSON_KIND or hit.end >= len(doc):
        return False
    after, last = doc[hit.end], doc[hit.end - 1]
    return after.ent_iob_ == "I" and after.ent_type_ == PERSON_LABEL == last.ent_type_


def _protected_tokens(hits: Sequence[Hit]) -> set[int]:
    """Tokens of listed people: never stripped as unknown person names."""
    return {i for hit in hits if hit.entry.kind == PERSON_KIND for i in range(hit.start, hit.end)}


def _text_with_ws(token: SpacyToken, text: str) -> str:
    return text[token.idx : token.idx + len(token) + len(token.whitespace_)]


CHARGE_NOUNS = frozenset({
    "fraud", "corruption", "murder", "treason", "terrorism", "crime", "bribery", "embezzlement",
    "espionage", "genocide", "abuse", "misconduct", "negligence", "theft", "rape", "assault",
    "manslaughter", "sedition", "incitement", "collusion", "interference", "wrongdoing",
    "violation", "torture", "killing", "involvement", "complicity", "obstruction", "contempt",
    "perjury", "harassment", "defamation", "attack",
})


def a_charge(preposition: SpacyToken) -> bool:
    """'of fraud', 'of lying', 'of war crimes': what someone is accused or convicted of,
    which the parser may hang on the accused ("accused the governor of fraud")."""
    if preposition.lower_ != "of":
        return False
    pobj = next((c for c in preposition.children if c.dep_ in ("pobj", "pcomp")), None)
    return pobj is not None and (pobj.tag_ == "VBG" or (
        not pobj.ent_type_ and pobj.pos_ == "NOUN" and pobj.lemma_.lower() in CHARGE_NOUNS))


# Adjectives that follow the title they belong to ("attorneys general", "president-elect").
POSTPOSITIVE_TITLES = frozenset({"general", "generals", "elect", "designate"})


def _modifiers_end(chunk: Span) -> int:
    """Where the chunk ends once its prepositional modifiers are added (may be chunk.end)."""
    doc = chunk.doc
    end = chunk.end
    rights = list(chunk.root.rights)
    for child in rights:
        if child.i < end:
            continue
        if child.i == end and child.dep_ == "amod" and child.lower_ in POSTPOSITIVE_TITLES:
            end = child.i + 1  # "attorneys general from sixteen states"
            rights.extend(child.rights)
            continue
        kept = KEPT_PREPOSITIONS | ({"for"} if chunk.root.lower_ in SPEAKER_NOUNS else set())
        if child.i != end or child.dep_ != "prep" or child.lower_ not in kept or (
                a_charge(child)):
            break
        stop = child.right_edge.i + 1
        charge = next((t.i for t in child.subtree if t.i > child.i and t.dep_ == "prep"
                       and a_charge(t)), None)
        if charge is not None:
            stop = charge  # "the mayor of Aleppo" in "convicted the mayor of Aleppo of fraud"
        if stop - chunk.end > MAX_MODIFIER_TOKENS or stop == child.i + 1:
            break
        if any(t.pos_ in VERB_POS or t.text in (",", ";", ":") for t in doc[end:stop]):
            break
        end = stop
    return end


def _with_premodifiers(ent: Span) -> Span:
    """A person entity widened to its pre-modifiers ("U.S. Secretary of State Antony Blinken").

    spaCy's noun chunks drop such titles when they contain a prepositional phrase.
    """
    left = ent.root.left_edge.i
    if left >= ent.start or ent.start - left > MAX_PREMODIFIER_TOKENS:
        return ent
    doc = ent.doc
    if any(token.pos_ in VERB_POS for token in doc[left : ent.start]):
        return ent
    return doc[left : ent.end]


def _with_owner(ent: Span) -> Span:
    """An organisation widened to the state owning it ("Brazil's National Institute for
    Space Research"), so the body takes the state's country."""
    owners = [c for c in ent.root.children if c.dep_ == "poss" and c.i < ent.start]
    if not owners or owners[-1].ent_type_ != GPE_LABEL:
        return ent
    start = owners[-1].left_edge.i
    if ent.start - start > MAX_PREMODIFIER_TOKENS:
        return ent
    return ent.doc[start : ent.end]


def _person_run_end(doc: Doc, start: int, limit: int, protected: set[int]) -> int:
    end = start + 1
    while (
        end < limit
        and doc[end].ent_type_ == PERSON_LABEL
        and doc[end].ent_iob_ == "I"
        and end not in protected
    ):
        end += 1
    return end


def _bare_mass_noun(chunk: Span) -> bool:
    """A lone lower-case singular noun with no determiner ("used force", "by force"): English
    names a body or a person with a determiner ("the force", "a commander")."""
    root = chunk.root
    return len(chunk) == 1 and root.tag_ == "NN" and root.text.islower()


# Sectors a named body can be (not a state, a court or a person).
BODY_SECTORS = frozenset({"REB", "PRM", "JRN", "BUS", "NGO", "REL", "PTY", "OPP", "LAB",
                          "CRM", "SOC", "EDU", "MED", "UAF", "IMG"})
MEDIA_BODIES = frozenset({"JRN"})
ARMED_BODIES = frozenset({"REB", "PRM", "UAF", "IMG", "CRM"})
# Generic nouns for a body, which a definite article ties to the body of a fitting sector
# last named.
BODY_ANAPHORS = {
    "group": BODY_SECTORS, "organisation": BODY_SECTORS, "organization": BODY_SECTORS,
    "movement": BODY_SECTORS, "charity": BODY_SECTORS,
    "network": MEDIA_BODIES, "broadcaster": MEDIA_BODIES, "outlet": MEDIA_BODIES,
    "channel": MEDIA_BODIES, "newspaper": MEDIA_BODIES,
    "militia": ARMED_BODIES, "insurgency": ARMED_BODIES, "faction": ARMED_BODIES,
    "firm": frozenset({"BUS"}), "carrier": frozenset({"BUS"}), "airline": frozenset({"BUS"}),
}
BODY_WINDOW_CHARS = 1500


def _counted(token: SpacyToken) -> bool:
    """'71 people', 'at least 12 men', 'dozens of people', 'hundreds of women'."""
    return any(c.dep_ == "nummod" for c in token.children) or _amount_of(token) is not None


def _amount_of(token: SpacyToken) -> SpacyToken | None:
    """'hundreds' in 'hundreds of people'."""
    head = token.head
    if token.dep_ != "pobj" or head.lower_ != "of" or head.head is head:
        return None
    amount = head.head
    if amount.i > token.i or not (amount.like_num or amount.ent_type_ == "CARDINAL"):
        return None
    return amount


def _people_aimed_at(token: SpacyToken) -> bool:
    """People, not a place, after "at" or "near": "fired at protesters", "shot at police
    officers"; but "at the hospital", "in the army"."""
    return token.tag_ in PLURAL_TAGS and token.head.lower_ in AIMED_PREPOSITIONS


def _used_as_place(token: SpacyToken) -> bool:
    return token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS




def _surname_of_someone_named(chunk: Span) -> bool:
    """A surname alone that the tagger left untagged, of a person the article names in full
    ("Nancy Pelosi was elected … Trump congratulated Pelosi"), even taken for a common
    noun at the head of a sentence ("Blankenship attacked the media")."""
    root = chunk.root
    if root.pos_ not in ("PROPN", "NOUN") or root.ent_type_ or not root.text[:1].isupper():
        return False
    if any(t.pos_ == "PROPN" for t in chunk if t.i != root.i):
        return False
    return any(ent.label_ == PERSON_LABEL and len(ent) > 1 and ent[-1].text == root.text
               for ent in chunk.doc.ents)


def _chunks_after_datelines(doc: Doc) -> Iterator[Span]:
    """The noun phrase right after a dateline when the parse hung the dateline on it
    ("BANGKOK/MOSCOW — Myanmar's main opposition coalition"), which spaCy's noun chunks
    then miss."""
    dateline = dateline_tokens(doc)
    for dash in (i for i in sorted(dateline) if is_dateline_dash(doc[i])):
        sentence_end = doc[dash].sent.end
        for token in doc[dash + 1 : sentence_end]:
            if token.pos_ in ("NOUN", "PROPN") and token.left_edge.i <= dash \
                    and token.dep_ not in ("compound", "poss", "nmod"):
                yield doc[dash + 1 : token.i + 1]
                break


def _is_clock_time(span: Span) -> bool:
    """A time the tagger took for an organisation: "UTC", "1800 UTC", "BST"."""
    return all(token.is_digit or token.is_punct or token.text in TIME_ZONES for token in span)


def _trimmed(span: Span) -> Candidate | None:
    """The span without leading determiners/punctuation and trailing punctuation/'s, and
    without a dateline before a dash ("BANGKOK — A human rights group"); None for a clock
    time ("1800 UTC")."""
    start, end = _line_of_root(span)
    doc = span.doc
    dateline = dateline_tokens(doc)
    dashes = [i for i in range(start, end) if doc[i].text in DATELINE_DASHES
              or (i in dateline and is_dateline_dash(doc[i]))]
    if dashes and dashes[-1] < end - 1:
        start = dashes[-1] + 1
    while start < end and (
        doc[start].tag_ in TRIMMED_TAGS or _is_filler(doc[start]) or _is_date(doc[start])
    ):
        start += 1
    while end > start and (_is_filler(doc[end - 1]) or doc[end - 1].tag_ == "POS"):
        end -= 1
    if start >= end or _is_clock_time(doc[start:end]):
        return None
    return Candidate(start, end)


def _is_filler(token: SpacyToken) -> bool:
    return token.is_punct or token.is_space


def _is_date(token: SpacyToken) -> bool:
    """A date word before a mention ("on Sunday Presidents Buhari and Talon")."""
    return token.ent_type_ in DATE_LABELS


def _line_of_root(span: Span) -> tuple[int, int]:
    """The span's tokens on the root's line: a mention never crosses a line break (the
    parser may join a date line to the first sentence: "2019\n\nGermany")."""
    doc = span.doc
    start, end = span.start, span.end
    root = span.root.i
    for position in range(span.start, span.end):
        token = doc[position]
        if token.is_space and "\n" in token.text:
            if position < root:
                start = position + 1
            elif position > root:
                end = position
                break
        elif "\n" in token.whitespace_:
            if position < root:
                start = position + 1
            else:
                end = position + 1
                break
    return start, end


def _widened(candidates: Iterable[Candidate], hits: Sequence[Hit]) -> list[Candidate]:
    """Candidates that cut a dictionary name short, widened to the whole name."""
    widened: list[Candidate] = []
    for candidate in candidates:
        for hit in hits:
            overlaps = hit.start < candidate.end and candidate.start < hit.end
            if overlaps and (hit.start < candidate.start or candidate.end < hit.end):
                candidate = Candidate(min(candidate.start, hit.start), max(candidate.end, hit.end))
        widened.append(candidate)
    return widened


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
