"""Resolve an actor phrase ("Syria's foreign ministry") to a country, a sector and a code.

The phrase is normalised into words, every dictionary pattern found among its word n-grams is
collected with one dict lookup per n-gram, and overlapping matches are settled longest first.
Two kinds of person match are then settled: a single-name reference ("Putin", a one-word
people pattern) needs a capital and is dropped when another capitalised word no match covers
stands next to it ("Laura Bush", "Trump Tower"; "Mr Putin" is fine); and a capitalised name
after a title ("President Mugabe", "Chancellor Scholz") becomes a person of the one country
whose listed people have that surname (`surname_position`; first names given must fit).
The surviving matches are then read the way English noun phrases are built:

* The phrase is cut into segments at words not covered by a match: "of", "from" and "for"
  open an *owner* segment ("members of parliament"), "and", "or" and commas open a
  *conjunct* ("Syrian and Russian troops"), "in", "at", "across" ... open a *location*
  ("trade unions in Denmark"), and other prepositions ("to", "against", "with") end the part
  that can describe the actor ("ambassador to France"). The first segment is the head; owner
  and conjunct segments are consulted, in order, only for what it lacks; a location only
  supplies a (state) country when nothing else does ("Russian troops in Syria" -> RUS).
* Sector: the role word or organisation closest to the head (rightmost) in the first segment
  that has one ("government troops" -> MIL); then the own sector of a named person heading
  the segment, so a title wins ("Foreign Minister Park Jin" -> GOV from the title); weak
  role words (titles such as "commander", "officials", "forces") only when no other role is
  named ("rebel commander" -> REB), but before a person who only modifies the head
  ("Gaddafi's forces" -> MIL); a capital's implied GOV last ("Damascus" -> SYR GOV), never
  when the capital only says where someone is based ("a Kabul-based charity"). "X-held",
  "X-controlled", "X-occupied" ... describe a place, so X gives no sector ("a
  government-held district" is not GOV), nor a capital that only modifies a thing ("the Kabul
  car bombing"). A business title held of a state is a state office ("Hong Kong Chief
  Executive" -> HKG GOV, not BUS). A state sector preceded by "former", "ex",
  "retired", "ousted", "exiled" or "deposed" becomes ELI ("former president" -> ELI), and so
  does a named person preceded by one of them ("ex-Thaksin Shinawatra" -> ELI).
* Country: a possessor ("Russia's Syria envoy" -> RUS), else the country word closest to the
  head, else the organisation's own country ("Amnesty International" -> NGO). Country words
  after "pro-"/"anti-" or before "-backed", "-funded" etc. describe someone else and are
  ignored ("Iranian-backed militia" -> no country). A titled surname's country comes last,
  after every explicit country word ("General Ismail of Malaysia" -> MYS). A location gives
  no country to a role abroad ("the ambassador in Lima") or a foreign one.
* A phrase headed by a noun naming what happens (sectors.tsv strength "event": "bombing",
  "demands") keeps only what may name its party: owners, states, nationalities and strong
  roles ("US strikes" -> USA, "a police raid" -> COP, "protesters' demands" -> CVL); a
  capital, a weak role adjective or where it happened name none ("the Kabul car bombing",
  "her diplomatic immunity", "criticism within Peru" -> nothing).
* Name: the canonical name when the phrase's head is a named person or organisation or a
  country or capital ("the Kremlin" -> "Kremlin", "Damascus" -> "Syria"), otherwise None.
* Code: country + sector, CAMEO style ("SYRGOV", "RUS" without a sector, "MIL" without a
  country), None when neither is known.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum

from ..gazetteer import is_country_name, names_a_town, region_country
from .dictionary import (
    NAME_SUFFIXES,
    NONSTATE_CODES,
    POSSESSIVE,
    ActorDictionary,
    Entry,
    Token,
    normalise,
)

FORMER_WORDS = frozenset({"former", "ex", "retired", "ousted", "exiled", "deposed"})
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
ELITE_SECTOR = "ELI"
BUSINESS_SECTOR = "BUS"
GOVERNMENT_SECTOR = "GOV"
# Business titles a person holds, which are state offices when held of a state
OFFICE_TITLE_WORDS = frozenset(
    {"executive", "chairman", "chairwoman", "chairperson", "chair", "ceo", "director", "head"}
)
# Roles that belong to another state than the one they are in, or to none: "the ambassador in
# Damascus" is not Syrian, and no article's setting is theirs. Foreign markers also keep a
# description from being the same body as a domestic one ("foreign forces" after "Afghan
# forces").
FOREIGN_WORDS = frozenset(
    {
        "foreign", "international", "overseas", "outside", "external", "world", "global",
        "western", "allied", "allies", "multinational", "coalition", "peacekeepers",
        "peacekeeping", "mercenaries", "mercenary", "neighbouring", "neighboring",
        # regions of several states: "European leaders", "Arab ministers"
        "european", "african", "asian", "arab", "nordic", "scandinavian", "balkan", "baltic",
        "caribbean", "continental",
    }
)  # fmt: skip
DIPLOMATIC_WORDS = frozenset(
    {
        "embassy", "embassies", "ambassador", "ambassadors", "envoy", "envoys", "diplomat",
        "diplomats", "diplomatic", "consulate", "consulates", "consul", "consular",
    }
)  # fmt: skip
VISITOR_WORDS = frozenset(
    {
        "expatriate", "expatriates", "exiled", "exile", "exiles", "immigrant", "immigrants",
        "migrant", "migrants", "refugee", "refugees", "tourist", "tourists",
    }
)  # fmt: skip
ABROAD_WORDS = FOREIGN_WORDS | DIPLOMATIC_WORDS | VISITOR_WORDS
NEGATING_PREFIXES = frozenset({"pro", "anti"})
SPONSOR_WORDS = frozenset(
    {"backed", "sponsored", "supported", "funded", "armed", "trained", "allied", "aligned"}
)
BASED_WORDS = frozenset({"based", "headquartered", "born", "registered", "owned", "flagged"})
# "X-held" / "X-controlled" ... describe a place by who holds it: X plays no role in the phrase
HELD_WORDS = frozenset({"held", "controlled", "occupied", "ruled", "besieged", "administered"})
# Title words after which a capitalised name resolves by its surname ("President Mugabe")
TITLE_HEADS = frozenset(
    {
        "president", "minister", "premier", "chancellor", "king", "queen", "emir", "sultan",
        "prince", "general", "gen", "marshal", "admiral", "colonel", "col", "secretary",
        "ayatollah",
    }
)  # fmt: skip
# Courtesy titles that may precede a single-name reference ("Mr Putin")
COURTESY_WORDS = frozenset(
    {"mr", "mrs", "ms", "miss", "mister", "dr", "sir", "dame", "lord", "lady", "madam", "madame"}
)
# Particles that prove nothing when a titled name's first names are compared ("al", "van")
NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "abu", "de", "da", "do", "dos", "du", "di", "van", "von", "der",
     "le", "la"}
)  # fmt: skip
# Words that are never part of a name, even when capitalised ("Former Putin aide", "His ...")
NOT_NAME_WORDS = FORMER_WORDS | frozenset(
    {
        "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your",
        "late", "new", "incoming", "outgoing", "elect", "acting", "interim",
    }
)  # fmt: skip
OWNER_WORDS = frozenset({"of", "from", "for"})
LOCATIVE_WORDS = frozenset({"in", "at", "inside", "within", "across", "throughout"})
CONJUNCTION_WORDS = frozenset({"and", "or", "nor", "plus", ",", "&"})
BLOCKING_WORDS = frozenset(
    {
        "to",
        "on",
        "against",
        "with",
        "into",
        "toward",
        "towards",
        "near",
        "over",
        "by",
        "after",
        "during",
        "since",
        "outside",
        "among",
        "between",
        "under",
        "via",
        "who",
        "which",
        "that",
    }
)
COUNTRY_KINDS = frozenset({"countries", "demonyms"})
PERSON_KIND = "people"
WAR_WORDS = frozenset({"war", "wars"})
NAMED_KINDS = frozenset({"organisations", PERSON_KIND})
_CACHE_LIMIT = 100_000


class Segment(Enum):
    HEAD = "head"
    OWNER = "owner"
    CONJUNCT = "conjunct"
    LOCATION = "location"
    BLOCKED = "blocked"


@dataclass(frozen=True, slots=True)
class Resolution:
    """What an actor phrase resolves to; every field is None when nothing is known."""

    name: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    # Where the sector comes from: "role" (a role word or title: "former President X"),
    # "weak-role" (a generic one: "officials"), "person" (a listed person's own role),
    # "place" (a capital speaking for its state); and, for "person", their years in the role.
    # (provenance only: two resolutions are equal when they name the same actor)
    sector_basis: str | None = field(default=None, compare=False)
    years: str | None = field(default=None, compare=False)
    person: bool = field(default=False, compare=False)  # names a listed person ("Wang Yi")


UNRESOLVED = Resolution()


@dataclass(frozen=True, slots=True)
class Match:
    """A dictionary pattern found at words [start, end) of the phrase."""

    start: int
    end: int
    entry: Entry
    possessor: bool = False
    guessed: bool = False  # a titled surname: its country yields to any explicit one

    @property
    def size(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Part:
    """The matches of one segment of the phrase, left to right."""

    kind: Segment
    matches: tuple[Match, ...]
    first_word: int
    last_word: int  # the segment's last word that is not a possessive marker, or -1


def make_code(country: str | None, sector: str | None) -> str | None:
    """CAMEO-style actor code: "SYRGOV", "RUS", "MIL"; None when both are unknown."""
    return (country or "") + (sector or "") or None


class ActorResolver:
    """Resolves short actor phrases against an `ActorDictionary`; results are cached."""

    def __init__(self, dictionary: ActorDictionary) -> None:
        self.dictionary = dictionary
        self._cache: dict[str, Resolution] = {}

    def resolve(self, text: str) -> Resolution:
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        result = self._resolve(normalise(text))
        self._cache[text] = result
        return result

    def matches(self, text: str) -> list[Match]:
        """The dictionary matches the resolver works from, left to right."""
        return self._matches(normalise(text))

    def ends_with_title(self, text: str) -> bool:
        """Whether the text ends with a title word such as "President" or "Foreign Minister"."""
        tokens = normalise(text)
        chosen = self._select(tokens)
        return bool(chosen) and chosen[-1].end == len(tokens) and _is_title(chosen[-1], tokens)

    def surname_position(self, words: Sequence[Token]) -> int | None:
        """Which word of a name is a surname that names one country, if the name fits it.

        The last word (generational suffixes skipped) must be the surname of listed people of
        exactly one country, and when first names are given, one of them must occur in those
        people's names: "George Bush" fits George W. Bush, "Wolfgang Sobotka" (an Austrian)
        does not fit the Czech Bohuslav Sobotka.
        """
        last = len(words) - 1
        while last > 0 and words[last].word in NAME_SUFFIXES:
            last -= 1
        if last < 0 or not self.dictionary.surname_country(words[last].word):
            return None
        given = {token.word for token in words[:last]} - NAME_PARTICLES
        if given and not given & self.dictionary.surname_words(words[last].word):
            return None
        return last

    def _matches(self, tokens: list[Token]) -> list[Match]:
        chosen = _single_names_fit(tokens, _in_their_container(tokens, self._select(tokens)))
        return _usable(tokens, self._titled_surnames(tokens, chosen))

    def _resolve(self, tokens: list[Token]) -> Resolution:
        if not tokens:
            return UNRESOLVED
        matches = self._matches(tokens)
        parts = _segments(tokens, matches)
        event = _headed_by_event(parts[0])
        if event:  # where it happened names no party: "criticism within Peru"
            parts = _segments(tokens, _agents_of_event(matches, tokens))
        live = [part for part in parts if part.kind in DESCRIBING_SEGMENTS]
        places = [part for part in parts if part.kind is Segment.LOCATION and not event]
        sector, sector_match = _sector(live, tokens)
        country = _country(live)
        if country is None and not _points_abroad(live, tokens):
            country = _located_country(places)
        if sector is None and country is None:
            return UNRESOLVED
        name = self._name(live[0])
        head = live[0].matches[-1] if live[0].matches else None
        person = head is not None and head.entry.kind == PERSON_KIND and name is not None
        basis = _sector_basis(sector, sector_match, live, tokens)
        years = sector_match.entry.years if basis == "person" and sector_match else None
        return Resolution(name, country, sector, make_code(country, sector), basis, years, person)

    def _candidates(self, tokens: list[Token]) -> list[Match]:
        words = tuple(token.word for token in tokens)
        found: list[Match] = []
        longest = self.dictionary.max_words
        for start in range(len(words)):
            for end in range(min(len(words), start + longest), start, -1):
                entry = self.dictionary.get(words[start:end])
                if entry is None:
                    continue
                if entry.cased and not all(token.upper for token in tokens[start:end]):
                    continue
                if _is_single_name(entry, end - start) and not tokens[start].capital:
                    continue
                if entry.kind == "countries" and tokens[start].lowercase:
                    continue  # "the turkey the president pardoned": a word, not a place
                if entry.kind == "countries" and end < len(words) and words[end] in WAR_WORDS:
                    continue  # "Iraq War veteran", "the Vietnam war": a war's name
                found.append(Match(start, end, entry))
        return found

    def _select(self, tokens: list[Token]) -> list[Match]:
        """Non-overlapping matches, longest first, then leftmost."""
        taken = [False] * len(tokens)
        chosen: list[Match] = []
        for match in sorted(self._candidates(tokens), key=lambda m: (-m.size, m.start)):
            if any(taken[match.start : match.end]):
                continue
            taken[match.start : match.end] = [True] * match.size
            chosen.append(match)
        chosen.sort(key=lambda m: m.start)
        return chosen

    def _titled_surnames(self, tokens: list[Token], matches: list[Match]) -> list[Match]:
        """Add a person match for each capitalised name after a title whose surname is known."""
        covered = _covered(matches)
        added: list[Match] = []
        for match in matches:
            if not _is_title(match, tokens):
                continue
            end = _name_run_end(tokens, match.end, covered)
            position = self.surname_position(tokens[match.end : end]) if end > match.end else None
            if position is None:
                continue
            country = self.dictionary.surname_country(tokens[match.end + position].word)
            added.append(Match(match.end, end, Entry(PERSON_KIND, country=country), guessed=True))
        return sorted([*matches, *added], key=lambda m: m.start) if added else matches

    def _name(self, head: Part) -> str | None:
        if not head.matches:
            return None
        last = head.matches[-1]
        if last.end - 1 != head.last_word:
            return None
        if last.entry.kind in NAMED_KINDS:
            return last.entry.name
        if last.entry.kind == "countries":
            return self.dictionary.country_name(last.entry.country)
        return None


def _headed_by_event(head: Part) -> bool:
    """A phrase whose head names what happens ("the Kabul car bombing", "US strikes")."""
    last = head.matches[-1] if head.matches else None
    return last is not None and last.entry.event and last.end - 1 == head.last_word


def _in_their_container(tokens: list[Token], matches: list[Match]) -> list[Match]:
    """'a Paris, Missouri man', 'Edmonton, Kentucky': a town named with the state or country
    it is in belongs to that one, not to the bigger town of its name elsewhere."""
    kept = []
    for number, match in enumerate(matches):
        after = matches[number + 1] if number + 1 < len(matches) else None
        if after is not None and match.entry.kind == after.entry.kind == "countries" and (
                _next_to(tokens, match, after) and after.entry.country != match.entry.country
                and _a_container(tokens[after.start:after.end])
                and not _a_container(tokens[match.start:match.end])):  # "Germany, France"
            continue
        kept.append(match)
    return kept


def _next_to(tokens: list[Token], first: Match, second: Match) -> bool:
    """Adjacent, or apart by a comma only ("Paris, Missouri")."""
    between = tokens[first.end:second.start]
    return all(token.word == "," for token in between) and len(between) <= 1


def _a_container(words: Sequence[Token]) -> bool:
    text = " ".join(token.word for token in words)
    return region_country(text) is not None or is_country_name(text)


def _agents_of_event(matches: list[Match], tokens: list[Token]) -> list[Match]:
    """What may name the party behind an event noun: owners ("protesters' demands"),
    states, nationalities and roles ("US strikes", "a police raid"); not a capital or town,
    which says where it happened ("the Kabul car bombing"), nor a weak role adjective ("her
    diplomatic immunity")."""
    return [
        match for match in matches
        if match.possessor
        or not ((match.entry.kind in COUNTRY_KINDS and match.entry.sector) or match.entry.weak
                or (match.entry.kind in COUNTRY_KINDS and names_a_town(
                    " ".join(t.word for t in tokens[match.start:match.end]))))
    ]


def _is_single_name(entry: Entry, size: int) -> bool:
    """A one-word person pattern ("Putin"): a single-name reference."""
    return entry.kind == PERSON_KIND and size == 1


def _is_title(match: Match, tokens: list[Token]) -> bool:
    return match.entry.kind == "sectors" and tokens[match.end - 1].word in TITLE_HEADS


def _name_word(token: Token) -> bool:
    word = token.word
    if not token.capital or word == POSSESSIVE or word in NOT_NAME_WORDS:
        return False
    return _boundary(word) is None


def _name_run_end(tokens: list[Token], start: int, covered: set[int]) -> int:
    """Where a run of capitalised words that no match covers, from `start`, ends."""
    end = start
    while end < len(tokens) and end not in covered and _name_word(tokens[end]):
        end += 1
    return end


def _covered(matches: list[Match]) -> set[int]:
    return {i for match in matches for i in range(match.start, match.end)}


def _single_names_fit(tokens: list[Token], matches: list[Match]) -> list[Match]:
    """Drop single-name matches inside a longer unlisted name ("Laura Bush", "Trump Tower")."""
    covered = _covered(matches)
    return [match for match in matches if not _inside_longer_name(tokens, match, covered)
            and not _tail_of_longer_name(tokens, match, matches)]


def _inside_longer_name(tokens: list[Token], match: Match, covered: set[int]) -> bool:
    if not _is_single_name(match.entry, match.size):
        return False
    before, after = match.start - 1, match.end
    if _free_name_word(tokens, before, covered) and tokens[before].word not in COURTESY_WORDS:
        return True
    return _free_name_word(tokens, after, covered)


def _tail_of_longer_name(tokens: list[Token], match: Match, matches: list[Match]) -> bool:
    """A one-word organisation after "and" joining it to a capitalised word
    naming nothing listed ("Liberation" in "Party for Socialism and Liberation", "Workers
    and Liberation"): a word of a longer name. "Reuters and Libération" are two outlets."""
    if match.entry.kind != ORGANISATION_KIND or match.size != 1 or match.start < 2:
        return False
    if tokens[match.start - 1].word not in NAME_CONNECTORS:  # not "of": "Head of Hamas"
        return False
    named = {i for m in matches if m.entry.kind in LISTED_NAME_KINDS
             for i in range(m.start, m.start + m.size)}
    before = match.start - 2
    if before < 1 or not _name_word(tokens[before]) or before in named:
        return False
    earlier = tokens[before - 1]  # the name goes on further back: "Party for Socialism"
    return _name_word(earlier) or earlier.word in NAME_LINKS


NAME_LINKS = frozenset({"and", "of", "for", "&"})


NAME_CONNECTORS = frozenset({"and", "&"})
ORGANISATION_KIND = "organisations"
LISTED_NAME_KINDS = frozenset({PERSON_KIND, ORGANISATION_KIND, "countries", "demonyms"})


def _free_name_word(tokens: list[Token], index: int, covered: set[int]) -> bool:
    """A capitalised word at `index` that no dictionary match covers."""
    return 0 <= index < len(tokens) and index not in covered and _name_word(tokens[index])


COUNTING_WORDS = frozenset({
    "dozens", "hundreds", "thousands", "millions", "scores", "tens", "dozen", "hundred",
    "thousand", "million", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty"})


def _counted_before(tokens: list[Token], start: int) -> bool:
    return any(t.word in COUNTING_WORDS or t.word.replace(",", "").isdigit()
               for t in tokens[:start])


def _usable(tokens: list[Token], matches: list[Match]) -> list[Match]:
    """Drop matches that describe someone else; mark possessors; "X-based" is only a place.

    "X-held", "X-controlled" ... describe a place too: X keeps its country, never its role.
    """
    kept: list[Match] = []
    for match in matches:
        before = tokens[match.start - 1].word if match.start > 0 else ""
        after = tokens[match.end].word if match.end < len(tokens) else ""
        if before in NEGATING_PREFIXES or after in SPONSOR_WORDS:
            continue
        entry = match.entry
        if entry.counted and not _counted_before(tokens, match.start):
            continue  # "people said": no party; "40 people", "dozens of people": civilians
        if after in BASED_WORDS and entry.kind in COUNTRY_KINDS and entry.sector:
            entry = replace(entry, sector=None)
        if after in HELD_WORDS and entry.sector:
            entry = replace(entry, sector=None)
        kept.append(replace(match, entry=entry, possessor=after == POSSESSIVE))
    return kept


DESCRIBING_SEGMENTS = frozenset({Segment.HEAD, Segment.OWNER, Segment.CONJUNCT})


def _boundary(word: str) -> Segment | None:
    if word in OWNER_WORDS:
        return Segment.OWNER
    if word in CONJUNCTION_WORDS:
        return Segment.CONJUNCT
    if word in LOCATIVE_WORDS:
        return Segment.LOCATION
    if word in BLOCKING_WORDS:
        return Segment.BLOCKED
    return None


def _next_kind(current: Segment, boundary: Segment) -> Segment:
    """A location stays a location (or becomes blocked); blocked stays blocked."""
    if current is Segment.BLOCKED or boundary is Segment.BLOCKED:
        return Segment.BLOCKED
    if current is Segment.LOCATION:
        return Segment.LOCATION
    return boundary


def _segments(tokens: list[Token], matches: list[Match]) -> list[Part]:
    """Cut the phrase at uncovered boundary words (see `_next_kind`)."""
    starts = {match.start: match for match in matches}
    parts: list[Part] = []
    kind, current, first_word, last_word = Segment.HEAD, [], 0, -1
    position = 0
    while position < len(tokens):
        match = starts.get(position)
        if match is not None:
            current.append(match)
            last_word = match.end - 1
            position = match.end
            continue
        boundary = _boundary(tokens[position].word)
        if boundary is not None and _quantifier_at(tokens, position):
            boundary = None  # "at least 12 protesters": a count, not a place
        if boundary is not None:
            parts.append(Part(kind, tuple(current), first_word, last_word))
            kind = _next_kind(kind, boundary)
            current, first_word, last_word = [], position + 1, -1
        elif tokens[position].word != POSSESSIVE:
            last_word = position
        position += 1
    parts.append(Part(kind, tuple(current), first_word, last_word))
    return parts


def _quantifier_at(tokens: list[Token], position: int) -> bool:
    """'at least 12 protesters', 'over 150 prisoners', 'around 300 people': a count, not a
    place or a topic."""
    following = tokens[position + 1].word if position + 1 < len(tokens) else ""
    word = tokens[position].word
    if word == "at" and following in ("least", "most"):
        return True
    return word in APPROXIMATORS and (following[:1].isdigit() or following in COUNTING_WORDS)


APPROXIMATORS = frozenset({"over", "about", "around", "nearly", "almost", "some", "under",
                           "roughly", "approximately", "above", "below"})


def _strong(match: Match) -> bool:
    entry = match.entry
    if entry.sector is None or entry.kind in COUNTRY_KINDS or entry.kind == PERSON_KIND:
        return False
    return not entry.weak and not match.possessor


def _person(match: Match) -> bool:
    return match.entry.kind == PERSON_KIND and match.entry.sector is not None


def _weak(match: Match) -> bool:
    entry = match.entry
    if entry.sector is None or entry.kind in COUNTRY_KINDS or entry.kind == PERSON_KIND:
        return False
    return not _strong(match)


def _head_person(match: Match, part: Part) -> bool:
    """A named person heading the segment ("General Gerasimov"), not a modifier of it."""
    return _person(match) and not match.possessor and match.end - 1 == part.last_word


def _strong_role(match: Match, part: Part) -> bool:
    del part
    return _strong(match)


def _weak_role(match: Match, part: Part) -> bool:
    del part
    return _weak(match)


def _any_person(match: Match, part: Part) -> bool:
    del part
    return _person(match)


SECTOR_TESTS: tuple[Callable[[Match, Part], bool], ...] = (
    _strong_role,
    _head_person,
    _weak_role,
    _any_person,
)


def _pick_sector_match(parts: list[Part]) -> Match | None:
    """Strong role, then a heading person, then weak role ("Gaddafi's forces" -> MIL)."""
    for test in SECTOR_TESTS:
        for part in parts:
            found = [match for match in part.matches if test(match, part)]
            if found:
                return found[-1]
    for part in parts:
        implied = [m for m in part.matches if _speaks_for_state(m, part)]
        if implied:
            return implied[-1]
    return None


def _speaks_for_state(match: Match, part: Part) -> bool:
    """A capital heading its phrase or owning something ("Damascus", "Moscow's"); not one
    that only modifies a noun naming no actor ("the Kabul car bombing")."""
    if match.entry.kind not in COUNTRY_KINDS or not match.entry.sector:
        return False
    return match.possessor or match.end - 1 >= part.last_word


def _sector(parts: list[Part], tokens: list[Token]) -> tuple[str | None, Match | None]:
    match = _pick_sector_match(parts)
    if match is None:
        return None, None
    sector = match.entry.sector
    if sector == BUSINESS_SECTOR and _state_office(parts, tokens):
        return GOVERNMENT_SECTOR, match
    former_able = sector in STATE_SECTORS or match.entry.kind == PERSON_KIND
    if former_able and _follows_former_word(parts, match, tokens):
        return ELITE_SECTOR, match
    return sector, match


def _sector_basis(
    sector: str | None, match: Match | None, parts: list[Part], tokens: list[Token]
) -> str | None:
    """Where the sector came from (see `Resolution`): "former" is a role the text states."""
    if sector is None or match is None:
        return None
    if match.entry.kind in COUNTRY_KINDS:
        return "place"
    if match.entry.kind == PERSON_KIND:
        return "role" if sector == ELITE_SECTOR else "person"
    return "weak-role" if match.entry.weak else "role"


def _state_office(parts: list[Part], tokens: list[Token]) -> bool:
    """A business title held of a state is a state office: "Hong Kong Chief Executive
    Carrie Lam", "chief executive of Hong Kong"; not "Chinese chief executive", "Apple's
    chief executive" nor a business ("Nigeria's airlines")."""
    matches = [m for part in parts for m in part.matches if m.entry.kind != PERSON_KIND]
    titles = [m for m in matches if m.entry.kind == "sectors"]
    states = [m for m in matches if m.entry.kind == "countries"]
    if not states or len(titles) + len(states) != len(matches):
        return False
    return all(
        m.entry.sector == BUSINESS_SECTOR and tokens[m.end - 1].word in OFFICE_TITLE_WORDS
        for m in titles
    )


def _follows_former_word(parts: list[Part], match: Match, tokens: list[Token]) -> bool:
    """Whether "former", "ex" ... precede the match inside its own segment."""
    part = next(p for p in parts if match in p.matches)
    return any(token.word in FORMER_WORDS for token in tokens[part.first_word : match.start])


def _country_in(part: Part, guessed: bool) -> str | None:
    with_country = [m for m in part.matches if m.entry.country and m.guessed == guessed]
    if not with_country:
        return None
    possessors = [m for m in with_country if m.possessor]
    if possessors:
        return possessors[-1].entry.country
    words = [m for m in with_country if m.entry.kind in COUNTRY_KINDS]
    return (words or with_country)[-1].entry.country


def _points_abroad(parts: list[Part], tokens: list[Token]) -> bool:
    """A diplomatic or foreign role in the describing segments ("the ambassador in ...")."""
    return any(
        token.word in ABROAD_WORDS
        for part in parts
        for token in tokens[part.first_word : part.last_word + 1]
    )


def _located_country(parts: list[Part]) -> str | None:
    """The state named by a location phrase ("trade unions in Denmark" -> DNK)."""
    for part in parts:
        for match in part.matches:
            country = match.entry.country
            if country and country not in NONSTATE_CODES:
                return country
    return None


def _country(parts: list[Part]) -> str | None:
    """The first segment's country, else the next ...; titled surnames only as a last resort."""
    for guessed in (False, True):
        for part in parts:
            country = _country_in(part, guessed)
            if country:
                return country
    return None
