"""Resolve an actor phrase ("Syria's foreign ministry") to a country, a sector and a code.

The phrase is normalised into words, every dictionary pattern found among its word n-grams is
collected with one dict lookup per n-gram, and overlapping matches are settled longest first.
The surviving matches are then read the way English noun phrases are built:

* The phrase is cut into segments at words not covered by a match: "of", "from" and "for"
  open an *owner* segment ("members of parliament"), "and", "or" and commas open a
  *conjunct* ("Syrian and Russian troops"), "in", "at", "across" ... open a *location*
  ("trade unions in Denmark"), and other prepositions ("to", "against", "with") end the part
  that can describe the actor ("ambassador to France"). The first segment is the head; owner
  and conjunct segments are consulted, in order, only for what it lacks; a location only
  supplies a (state) country when nothing else does ("Russian troops in Syria" -> RUS).
* Sector: the role word or organisation closest to the head (rightmost) in the first segment
  that has one ("government troops" -> MIL); then a named person's own sector, so a title
  wins ("Foreign Minister Park Jin" -> GOV from the title); weak role words (titles such as
  "commander", "officials") only when no other role is named ("rebel commander" -> REB); a
  capital's implied GOV last ("Damascus" -> SYR GOV), never when the capital only says where
  someone is based ("a Kabul-based charity"). A state sector preceded by "former", "ex",
  "retired", "ousted", "exiled" or "deposed" becomes ELI ("former president" -> ELI), and so
  does a named person preceded by one of them ("ex-Thaksin Shinawatra" -> ELI).
* Country: a possessor ("Russia's Syria envoy" -> RUS), else the country word closest to the
  head, else the organisation's own country ("Amnesty International" -> NGO). Country words
  after "pro-"/"anti-" or before "-backed", "-funded" etc. describe someone else and are
  ignored ("Iranian-backed militia" -> no country).
* Name: the canonical name when the phrase's head is a named person or organisation or a
  country or capital ("the Kremlin" -> "Kremlin", "Damascus" -> "Syria"), otherwise None.
* Code: country + sector, CAMEO style ("SYRGOV", "RUS" without a sector, "MIL" without a
  country), None when neither is known.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from .dictionary import NONSTATE_CODES, POSSESSIVE, ActorDictionary, Entry, Token, normalise

FORMER_WORDS = frozenset({"former", "ex", "retired", "ousted", "exiled", "deposed"})
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
ELITE_SECTOR = "ELI"
NEGATING_PREFIXES = frozenset({"pro", "anti"})
SPONSOR_WORDS = frozenset(
    {"backed", "sponsored", "supported", "funded", "armed", "trained", "allied", "aligned"}
)
BASED_WORDS = frozenset({"based", "headquartered", "born", "registered", "owned", "flagged"})
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


UNRESOLVED = Resolution()


@dataclass(frozen=True, slots=True)
class Match:
    """A dictionary pattern found at words [start, end) of the phrase."""

    start: int
    end: int
    entry: Entry
    possessor: bool = False

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
        tokens = normalise(text)
        return _usable(tokens, self._select(tokens))

    def _resolve(self, tokens: list[Token]) -> Resolution:
        if not tokens:
            return UNRESOLVED
        parts = _segments(tokens, _usable(tokens, self._select(tokens)))
        live = [part for part in parts if part.kind in DESCRIBING_SEGMENTS]
        places = [part for part in parts if part.kind is Segment.LOCATION]
        sector = _sector(live, tokens)
        country = _country(live) or _located_country(places)
        if sector is None and country is None:
            return UNRESOLVED
        name = self._name(live[0])
        return Resolution(name, country, sector, make_code(country, sector))

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


def _usable(tokens: list[Token], matches: list[Match]) -> list[Match]:
    """Drop matches that describe someone else; mark possessors; "X-based" is only a place."""
    kept: list[Match] = []
    for match in matches:
        before = tokens[match.start - 1].word if match.start > 0 else ""
        after = tokens[match.end].word if match.end < len(tokens) else ""
        if before in NEGATING_PREFIXES or after in SPONSOR_WORDS:
            continue
        entry = match.entry
        if after in BASED_WORDS and entry.kind in COUNTRY_KINDS and entry.sector:
            entry = replace(entry, sector=None)
        kept.append(Match(match.start, match.end, entry, possessor=after == POSSESSIVE))
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
        if boundary is not None:
            parts.append(Part(kind, tuple(current), first_word, last_word))
            kind = _next_kind(kind, boundary)
            current, first_word, last_word = [], position + 1, -1
        elif tokens[position].word != POSSESSIVE:
            last_word = position
        position += 1
    parts.append(Part(kind, tuple(current), first_word, last_word))
    return parts


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


def _pick_sector_match(parts: list[Part]) -> Match | None:
    for test in (_strong, _person, _weak):
        for part in parts:
            found = [match for match in part.matches if test(match)]
            if found:
                return found[-1]
    for part in parts:
        implied = [m for m in part.matches if m.entry.kind in COUNTRY_KINDS and m.entry.sector]
        if implied:
            return implied[-1]
    return None


def _sector(parts: list[Part], tokens: list[Token]) -> str | None:
    match = _pick_sector_match(parts)
    if match is None:
        return None
    sector = match.entry.sector
    former_able = sector in STATE_SECTORS or match.entry.kind == PERSON_KIND
    if former_able and _follows_former_word(parts, match, tokens):
        return ELITE_SECTOR
    return sector


def _follows_former_word(parts: list[Part], match: Match, tokens: list[Token]) -> bool:
    """Whether "former", "ex" ... precede the match inside its own segment."""
    part = next(p for p in parts if match in p.matches)
    return any(token.word in FORMER_WORDS for token in tokens[part.first_word : match.start])


def _country_in(part: Part) -> str | None:
    with_country = [m for m in part.matches if m.entry.country]
    if not with_country:
        return None
    possessors = [m for m in with_country if m.possessor]
    if possessors:
        return possessors[-1].entry.country
    words = [m for m in with_country if m.entry.kind in COUNTRY_KINDS]
    return (words or with_country)[-1].entry.country


def _located_country(parts: list[Part]) -> str | None:
    """The state named by a location phrase ("trade unions in Denmark" -> DNK)."""
    for part in parts:
        for match in part.matches:
            country = match.entry.country
            if country and country not in NONSTATE_CODES:
                return country
    return None


def _country(parts: list[Part]) -> str | None:
    for part in parts:
        country = _country_in(part)
        if country:
            return country
    return None
