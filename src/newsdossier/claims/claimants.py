"""Who makes a claim: the resolved speaker of its quotation or the author of its event,
completed from the article when the mention alone does not say whose side it is on.

* no speaker: the subject the parse gives the claim's verb, through the clauses it hangs on
  ("police were able to determine …", "was forceful in blaming …", "…,” said a protester");
* several speakers ("Germany and France accused …"): one claimant each;
* a claimant without country or kind takes them from the parties its own phrase names
  ("Arnel dela Vega of the army's Western Mindanao Command" is the army's,
  "Brazil's space institute" Brazil's, "his associates" those of the man "his" refers to),
  from an earlier mention of the same name ("Hotak" after "Sharif Hotak, of the provincial
  council"), a news organisation from the verb that makes it one ("Rudaw reports …");
* a role ("police", "protesters", "officials") or a person still without a country belongs to
  the country the article is set in — when one country clearly dominates the article's
  parties and places, never when two compete.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..events.arguments import agent_of
from ..gazetteer import city_country, region_country
from ..model import Actor
from .reading import span_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..events.arguments import ActorIndex
    from ..model import Record

# Codes that are no country an article can be set in.
NOT_SETTINGS = frozenset({"IGO", "NGO", "IMG", "UNO", "EUR", "MNC"})
SETTING_MIN_MENTIONS = 3
LOCAL_MIN_MENTIONS = 2  # towns and regions of one country
SETTING_DOMINANCE = 2.0  # the setting country is named at least twice as often as any other
# Sectors of the people and bodies of the place where a story happens.
LOCAL_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "CVL", "MED",
                           "EDU", "LAB", "REB", "CRM", "SOC", "REL", "BUS", "ELI"})
# Nouns whose possessor is the side they speak for ("his associates", "her spokesman").
AFFILIATES = frozenset({"associate", "aide", "ally", "spokesman", "spokeswoman",
                        "spokesperson", "supporter", "adviser", "advisor", "lawyer", "attorney",
                        "office", "staff", "camp", "campaign", "party", "follower", "deputy",
                        "representative", "envoy", "government", "administration"})
OUTLET_VERBS = frozenset({"report", "according"})
OUTLET_MAX_TOKENS = 3  # "CBS", "The Guardian", "Radio Andina": a name, not a role
FIGURES = frozenset({"MONEY", "CARDINAL", "QUANTITY", "PERCENT"})
DIPLOMATIC = frozenset({"embassy", "ambassador", "envoy", "consulate", "consul", "diplomat",
                        "attaché", "attache", "legation", "chargé"})
# Nouns of kinship: a relative speaks as a private person.
KIN = frozenset({"mother", "father", "parent", "wife", "husband", "son", "daughter",
                 "brother", "sister", "widow", "widower", "relative", "family", "cousin",
                 "uncle", "aunt", "grandmother", "grandfather", "neighbour", "neighbor"})
# Documents that speak for their makers.
DOCUMENTS = frozenset({"estimate", "statement", "report", "study", "letter", "tweet",
                       "release", "motion", "lawsuit", "petition", "survey", "analysis",
                       "footage", "video", "document", "filing", "complaint", "memo"})
FILING = frozenset({"file", "issue", "submit", "send", "release", "publish", "lodge",
                    "bring"})
_FILER_REACH = 600  # characters back to the sentence that says who filed a document
_PRONOUN_REACH = 600  # characters back to the person a "he" / "she" claimant is
_CLIMB_DEPS = frozenset({"xcomp", "acomp", "pcomp", "prep", "advcl", "conj"})
_MAX_CLIMB = 5
_SPEECH = frozenset({"say", "tell", "add", "write", "ask"})
_MAX_OWNER_TOKENS = 8
_MAX_ROLE_TOKENS = 12  # "Sharif Hotak, of the Maidan Wardak provincial council"


class Claimants:
    """Claimant resolution for one record (see the module's docstring)."""

    def __init__(self, doc: Doc, record: Record, index: ActorIndex) -> None:
        self.doc = doc
        self.record = record
        self.index = index
        self.text = record.article.text
        self._setting: str | bool | None = False  # False: not computed yet
        self.seen: list[Actor] = []  # completed claimants, in text order
        self._entities: tuple[Span, ...] | None = None

    @property
    def entities(self) -> tuple[Span, ...]:
        if self._entities is None:
            self._entities = tuple(self.doc.ents)
        return self._entities

    # --- speakers from the parse --------------------------------------------------------

    def from_parse(self, verb: Token | None) -> Actor | None:
        """The subject the parse gives a claim's verb: its agent, that of the clause it
        hangs on, or the noun after a closing verb of saying ("…,” said a protester)."""
        if verb is None:
            return None
        head = self._subject(verb)
        return self.actor_of(head) if head is not None else None

    def actor_of(self, head: Token) -> Actor | None:
        """The party a noun phrase names: its coded actor, else the phrase itself; parties
        coordinated with it ("Saba and al-Eryani") make one phrase, split() parts it."""
        found = self.index.actor_at(head)
        if head.conjuncts:
            last = max(head.conjuncts, key=lambda t: t.i)
            start = head.left_edge.idx
            end = last.right_edge.idx + len(last.right_edge)
            if start < end and (found is None or found.start >= start):
                return Actor(text=self.text[start:end], start=start, end=end)
        if found is not None and not found.start <= head.idx < found.end:
            phrase = self.index.resolve_phrase(head)  # "a German government source"
            if phrase is not None and phrase.code and phrase.sector:
                return phrase
        if found is not None and found.code:
            return found
        return self._phrase(head)

    def _subject(self, verb: Token) -> Token | None:
        node = verb
        for _ in range(_MAX_CLIMB):
            if node.pos_ in ("VERB", "AUX"):
                subject = agent_of(node) or next(  # "The US has been encouraging" misparsed
                    (s for a in node.children if a.dep_ == "aux" for s in a.children
                     if s.dep_ == "nsubj"), None)
                if subject is not None and subject.lower_ not in ("it", "there", "that"):
                    return subject
                after = next((c for c in node.rights if c.dep_ in ("dobj", "nsubj")
                              and c.pos_ in ("NOUN", "PROPN")), None)
                if after is not None and node.lemma_.lower() in _SPEECH and node.i > 0 and (
                        self.doc[node.i - 1].text in ("”", '"', ",", "'")):
                    return after  # "…,” said a protester using the pseudonym Katya
            if node.dep_ == "acl" and _active(node) and node.head.pos_ == "NOUN" and \
                    node.head.dep_ in ("dobj", "obj", "pobj") and node.head.head.i != node.head.i:
                node = node.head.head  # "filed a motion claiming …": the filer
                continue
            if node.dep_ not in _CLIMB_DEPS or node.head.i == node.i:
                return None
            node = node.head
        return None

    def _phrase(self, head: Token) -> Actor | None:
        """The subject's phrase: its words up to the head and an owner after it ("members
        of opposition parties"), not a relative clause or participle."""
        start, end = head.left_edge.i, head.i + 1
        for child in head.rights:
            if child.dep_ != "prep" or child.lower_ not in ("of", "from", "for", "within") \
                    or child.right_edge.i + 1 - end > _MAX_OWNER_TOKENS:
                break
            end = child.right_edge.i + 1
        tokens = list(self.doc[start:end])
        while tokens and (tokens[0].tag_ in ("DT", "PDT") or tokens[0].is_punct):
            tokens = tokens[1:]
        while tokens and tokens[-1].is_punct:
            tokens = tokens[:-1]
        if not tokens or not any(t.is_alpha for t in tokens):
            return None
        first, last = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        return Actor(text=self.text[first:last], start=first, end=last)

    # --- several speakers --------------------------------------------------------------

    def split(self, claimant: Actor | None) -> list[Actor | None]:
        """'Germany and France': one claimant per coordinated party."""
        if claimant is None:
            return [None]
        span = span_of(self.doc, claimant.start, claimant.end)
        if span is None or not any(t.dep_ == "cc" for t in span):
            return [claimant]
        named = self.index.by_token.get(span.root.i)
        if named is not None and all(named.start <= t.idx < named.end for t in span
                                     if t.dep_ == "cc"):
            return [claimant]  # "the Islamic State of Iraq and the Levant": one name
        root = span.root
        parties = []
        for head in [root, *root.conjuncts]:
            if not (claimant.start <= head.idx < claimant.end) or not head.is_alpha or \
                    head.ent_type_ in ("MONEY", "CARDINAL", "QUANTITY", "PERCENT", "DATE"):
                continue
            party = self._phrase_only(head)
            if party is not None and party not in parties:
                parties.append(party)
        return list(parties) if len(parties) > 1 else [claimant]

    def nobody(self, claimant: Actor | None) -> bool:
        """'Not everyone', 'no one', 'nobody': a claimant that names no one."""
        if claimant is None:
            return False
        words = claimant.text.lower().split()
        return bool(words) and (words[0] in ("nobody", "none") or words[:2] in (
            ["no", "one"], ["not", "everyone"], ["not", "all"], ["not", "everybody"]))

    def _phrase_only(self, head: Token) -> Actor | None:
        """A conjunct's own words ("the foreign minister" of "X and the foreign
        minister")."""
        tokens = [t for t in head.subtree if not any(
            c.dep_ in ("conj", "cc") and t in c.subtree for c in head.children)]
        while tokens and (tokens[0].tag_ in ("DT", "PDT", "CC") or tokens[0].is_punct):
            tokens = tokens[1:]
        while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
            tokens = tokens[:-1]
        if not tokens:
            return None
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        found = self.index.actor_at(head)
        if found is not None and found.code and start <= found.start and found.end <= end:
            return found
        return Actor(text=self.text[start:end], start=start, end=end)

    # --- completion ------------------------------------------------------------------

    def complete(self, claimant: Actor | None, verb: Token | None) -> Actor | None:
        """The claimant with the country and kind the article gives it."""
        claimant = self._cleaned(claimant)
        if claimant is None:
            return None
        claimant = self._owner(claimant)
        span = span_of(self.doc, claimant.start, claimant.end)
        person = self._person_antecedent(claimant, span)
        if person is not None:
            claimant = Actor(text=claimant.text, start=claimant.start, end=claimant.end,
                             name=person.name or person.text, country=person.country,
                             sector=person.sector, code=person.code)
        country, sector = claimant.country, claimant.sector
        for source in self._sources(claimant, span):
            if country and sector:
                break
            if source.sector and sector and source.sector != sector and country is None:
                country = source.country  # "a spokesman of the ministry": only the country
                continue
            country = country or source.country
            sector = sector or source.sector
        if sector is None and country is None and _outlet(span, verb):
            sector = "JRN"
        if sector is None and span is not None and len(span) and \
                span.root.lemma_.lower() in KIN:
            sector = "CVL"  # "Dunn's mother": a private person
        if country is None and span is not None and _local(span, sector):
            country = self.setting()
        if (country, sector) != (claimant.country, claimant.sector):
            claimant = Actor(text=claimant.text, start=claimant.start, end=claimant.end,
                             name=claimant.name, country=country, sector=sector,
                             code=((country or "") + (sector or "")) or None)
        self.seen.append(claimant)
        return claimant

    def surname(self, claimant: Actor | None) -> str | None:
        """The last name of a claimant who is a named person ("Ortagus"), else None."""
        if claimant is None:
            return None
        span = span_of(self.doc, claimant.start, claimant.end)
        names = [t for t in span or () if t.ent_type_ == "PERSON"]
        if names:
            return names[-1].text
        if claimant.name and (claimant.text.lower() in ("he", "she") or (
                span is not None and len(span)
                and span.root.text == claimant.name.split()[-1])):
            return claimant.name.split()[-1]  # "Reyes", named "Tomas Reyes" before
        return None

    def _owner(self, claimant: Actor) -> Actor:
        """'Estimates by event organizers', 'a statement by the presidential spokesman',
        'Footage from the student union': a document speaks for whoever made it."""
        span = span_of(self.doc, claimant.start, claimant.end)
        if span is None or not len(span) or claimant.code:
            return claimant
        head = span.root
        if head.lemma_.lower() not in DOCUMENTS:
            return claimant
        makers = [c for c in head.children if c.dep_ == "poss"]
        makers += [p for c in head.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                   for p in c.children if p.dep_ == "pobj"]
        for maker in makers:
            found = self.actor_of(maker)
            if found is not None and (found.code or maker.pos_ == "PROPN" or maker.tag_ == "NNS"):
                return found
        if not makers and any(t.lower_ in ("the", "this") for t in head.lefts):
            return self._filer(head) or claimant  # "The motion claims …"
        return claimant

    def _filer(self, document: Token) -> Actor | None:
        """Who filed, issued or sent the document an earlier sentence names ("attorneys
        general filed a combined lawsuit … The motion claims …")."""
        low = document.idx - _FILER_REACH
        for token in reversed(self.doc[:document.i]):
            if token.idx < low:
                return None
            if token.lemma_.lower() in DOCUMENTS and token.dep_ in ("dobj", "obj") and (
                    token.head.lemma_.lower() in FILING):
                subject = agent_of(token.head)
                return self.actor_of(subject) if subject is not None else None
        return None

    def _sources(self, claimant: Actor, span: Span | None) -> Iterator[Actor]:
        """Where a claimant's missing codes may come from, nearest first (looked at only as
        far as needed)."""
        if claimant.country and claimant.sector:
            return
        yield from self._inner(claimant, span)
        yield from self._places(span)
        yield from self._possessor(span)
        yield from self._same_name(claimant, span)
        yield from self._same_head(claimant, span)

    def _cleaned(self, claimant: Actor | None) -> Actor | None:
        """Not a dateline or furniture glued to the name ("2019\\n\\nEstimates by …"), not
        a scrap ("'s")."""
        if claimant is None:
            return None
        text, start = claimant.text, claimant.start
        cut = text.rfind("\n")
        if cut >= 0:
            start += cut + 1
            text = text[cut + 1:]
            while text and text[0].isspace():
                text, start = text[1:], start + 1
        if not any(ch.isalpha() for ch in text) or text.lower() in ("'s", "s"):
            return None
        mention = self._named_mention(start, claimant.end)
        if mention is not None:
            return mention  # "Al Jazeera, US$3.6 billion from …": the name, not the list
        span = span_of(self.doc, start, claimant.end)
        if span is not None and len(span) > 1 and any(
                t.pos_ == "VERB" and t.dep_ not in ("amod", "compound", "acl", "relcl")
                and t.i > span.root.i for t in span):
            return self._phrase_only(span.root) or claimant  # "government cease": the noun
        if start == claimant.start:
            return claimant
        return Actor(text=text, start=start, end=claimant.end, name=claimant.name,
                     country=claimant.country, sector=claimant.sector, code=claimant.code)

    def _named_mention(self, start: int, end: int) -> Actor | None:
        """The actor mention that opens a claimant phrase swollen with figures."""
        span = span_of(self.doc, start, end)
        if span is None or not any(t.ent_type_ in FIGURES for t in span):
            return None
        mention = self.index.by_token.get(span[0].i)
        if mention is None or mention.end >= end or not mention.code:
            return None
        return mention

    def _inner(self, claimant: Actor, span: Span | None) -> list[Actor]:
        """Coded parties named inside the claimant's phrase, other than itself."""
        if span is None:
            return []
        return [a for a in self.record.actors if claimant.start <= a.start
                and a.end <= claimant.end and (a.start, a.end) != (claimant.start, claimant.end)
                and (a.country or a.sector) and a.country not in ("IGO",)]

    def _places(self, span: Span | None) -> list[Actor]:
        """'Northamptonshire police': the country of a place the phrase names."""
        if span is None:
            return []
        found = []
        for token in span:
            if token.dep_ == "pobj" and token.head.lower_ not in ("of", "from"):
                continue  # "the delegation in Geneva" is not Swiss
            if (token.ent_type_ in ("GPE", "LOC") and token.ent_iob_ == "B") or (
                    token.dep_ in ("compound", "poss") and token.pos_ == "PROPN"
                    and token.ent_type_ in ("", "ORG")):
                entity = next((e for e in self.entities if e.start <= token.i < e.end), None)
                name = entity if entity is not None else self.doc[token.i:token.i + 1]
                country = self._place_country(name.text)
                if country is not None and country not in NOT_SETTINGS:
                    found.append(Actor(text=name.text, start=name.start_char,
                                       end=name.end_char, country=country, code=country))
        return found

    def _place_country(self, name: str) -> str | None:
        """The country a place name stands for: a country, region or town the resolver or
        the gazetteer knows."""
        return (self.index.resolver.resolve(name).country or city_country(name)
                or region_country(name))

    def _person_antecedent(self, claimant: Actor, span: Span | None) -> Actor | None:
        """'He said' / 'he added': the person last named as the subject of a clause
        before it, in its paragraph or the one before — not an organisation or a crowd
        the pronoun was taken for ("the press", "the think tank")."""
        if span is None or len(span) != 1 or span[0].lower_ not in ("he", "she"):
            return None
        pronoun = span[0]
        low = max(0, pronoun.idx - _PRONOUN_REACH)
        people = [a for a in [*self.record.actors, *self.seen] if low <= a.start
                  and a.end <= pronoun.idx and a.code and self._names_person(a)]
        if not people:
            return None
        subjects = [a for a in people if self._is_subject(a)]
        return max(subjects or people, key=lambda a: a.start)

    def _names_person(self, actor: Actor) -> bool:
        """A named person: a PERSON name, or a proper name the dictionary gives a role
        ("Rouhani": IRN GOV) that is no place, organisation or nationality."""
        span = span_of(self.doc, actor.start, actor.end)
        if span is None or not len(span):
            return False
        if any(t.ent_type_ == "PERSON" for t in span):
            return True
        if span.text.lower() in ("he", "she"):
            return bool(actor.name)  # a "he" already resolved to someone named
        return bool(actor.name and actor.sector) and span.root.pos_ == "PROPN" and not any(
            t.ent_type_ in ("GPE", "ORG", "NORP", "LOC", "FAC") for t in span)

    def _is_subject(self, actor: Actor) -> bool:
        span = span_of(self.doc, actor.start, actor.end)
        return span is not None and len(span) > 0 and span.root.dep_ in (
            "nsubj", "nsubjpass")

    def _same_head(self, claimant: Actor, span: Span | None) -> list[Actor]:
        """'the embassy' after 'the US Embassy in London': the latest earlier mention with
        the same head noun and a country."""
        if span is None or not len(span) or span.root.pos_ != "NOUN":
            return []
        word = span.root.lower_
        for actor in sorted(self.record.actors, key=lambda a: -a.start):
            if actor.end <= claimant.start and actor.country and \
                    word in actor.text.lower().split():
                return [actor]
        return []

    def _possessor(self, span: Span | None) -> list[Actor]:
        """'his associates': the side of the man "his" refers to (the kind only for
        affiliates: "his mother" is not in government)."""
        if span is None or not len(span):
            return []
        head = span.root
        possessor = next((c for c in head.children if c.dep_ == "poss"), None)
        if possessor is None or possessor.pos_ != "PRON":
            return []
        owner = self.index.antecedent(possessor)
        if owner is None or not owner.code:
            return []
        if head.lemma_.lower() in AFFILIATES:
            return [owner]
        return [Actor(text=owner.text, start=owner.start, end=owner.end, country=owner.country)]

    def _same_name(self, claimant: Actor, span: Span | None) -> list[Actor]:
        """An earlier mention of the same person with its role ("Hotak" after "Sharif
        Hotak, of the Maidan Wardak provincial council")."""
        if span is None or not len(span) or span[-1].ent_type_ != "PERSON":
            return []
        surname = span[-1].text
        for earlier in reversed(self.seen):
            names = earlier.text.replace("-", " ").split()
            if earlier.end <= claimant.start and surname in names and (
                    earlier.country or earlier.sector):
                return [earlier]
        for entity in reversed(self.entities):
            if entity.label_ != "PERSON" or entity.end_char > claimant.start or \
                    surname not in entity.text.split():
                continue
            root = entity.root
            low = root.left_edge.idx
            high = max(t.idx + len(t) for t in root.subtree if t.i - root.i <= _MAX_ROLE_TOKENS)
            found = [a for a in self.record.actors if low <= a.start and a.end <= high
                     and (a.country or a.sector)]
            if found:
                return found
        return []

    # --- the article's setting ---------------------------------------------------------

    def _town(self, entity: Span) -> str | None:
        """The country of a town or region named ("Watford", "Texas"), not of a country,
        a continent or a town that shares a country's name ("Egypt", Illinois)."""
        if entity.label_ not in ("GPE", "FAC"):
            return None
        town = city_country(entity.text) or region_country(entity.text)
        if town is None or town in NOT_SETTINGS:
            return None
        named = self.index.resolver.resolve(entity.text).country
        return town if named in (None, town) else None

    def setting(self) -> str | None:
        """The country the article is set in: named (by its parties and its places) at
        least SETTING_DOMINANCE times as often as any other; None when none dominates."""
        if self._setting is False:
            self._setting = self._dominant()
        return self._setting if isinstance(self._setting, str) else None

    def _dominant(self) -> str | None:
        """The towns and regions an article names say where it happens ("Watford",
        "London" in a story about a US diplomat's wife); failing those, the countries of
        all its parties and places."""
        local: Counter[str] = Counter()
        votes: Counter[str] = Counter(a.country for a in self.record.actors
                                      if a.country and a.country not in NOT_SETTINGS)
        covered = {t for a in self.record.actors for t in range(a.start, a.end)}
        for entity in self.entities:
            if entity.label_ not in ("GPE", "LOC", "FAC"):
                continue
            town = self._town(entity)
            if town is not None:
                local[town] += 1
            if entity.start_char not in covered:
                country = self._place_country(entity.text)
                if country is not None and country not in NOT_SETTINGS:
                    votes[country] += 1
        return _dominating(local, LOCAL_MIN_MENTIONS) or _dominating(votes, SETTING_MIN_MENTIONS)


def _active(participle: Token) -> bool:
    """'a motion claiming …', and a misparse: '… speaking to the think tank called the
    agreement void' (a participle with an object is no passive)."""
    return participle.tag_ == "VBG" or any(c.dep_ == "dobj" for c in participle.children)


def _dominating(votes: Counter[str], least: int) -> str | None:
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < least:
        return None
    if len(ranked) > 1 and ranked[0][1] < SETTING_DOMINANCE * ranked[1][1]:
        return None
    return ranked[0][0]


def _outlet(span: Span | None, verb: Token | None) -> bool:
    """'Rudaw reports …', 'according to CBS': a name otherwise unknown that reports the
    news is a news organisation."""
    if span is None or not len(span) or verb is None:
        return False
    if verb.lemma_.lower() not in OUTLET_VERBS and verb.lower_ not in OUTLET_VERBS:
        return False
    named = [t for t in span if t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN")]
    if not named or len(span) > OUTLET_MAX_TOKENS or any(t.ent_type_ in ("GPE", "NORP")
                                                          for t in span):
        return False
    people = [t for t in span if t.ent_type_ == "PERSON"]
    # "Rudaw reports": one word never named before is no person's name ("al-Eryani" is)
    return not people or (len(span) == 1 and not _named_before(span[0]))


def _named_before(token: Token) -> bool:
    """Whether a word is part of a name the article gave before ("Minister of Information
    Moammar al-Eryani" before "al-Eryani")."""
    word = token.text.lower()
    return any(word in t.lower_.split("-") for t in token.doc[:token.i]
               if t.pos_ == "PROPN" or t.ent_type_ == "PERSON")


def _local(span: Span, sector: str | None) -> bool:
    """A role of the story's own place, or someone named (who is not a foreigner the
    phrase marks as such — that would have given a country already); never a diplomat,
    who serves another country."""
    if any(t.lemma_.lower() in DIPLOMATIC for t in span):
        return False
    if sector is not None:
        return sector in LOCAL_SECTORS
    return span.root.pos_ == "PROPN" or any(t.ent_type_ == "PERSON" for t in span)
