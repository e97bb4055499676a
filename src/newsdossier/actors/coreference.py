"""Same-document coreference for actor mentions: later, shorter mentions of one actor.

Applied after every mention is resolved, left to right:

* a repeated name: a one-word capitalised mention that is a word of an earlier, longer coded
  mention's name or head (not of a name it only mentions: "Tesco" is not "7000 employees from
  Tesco") becomes that actor, full name included ("Foreign Minister Aziz Nodira of
  Uzbekistan ... Nodira said" → Nodira is Uzbekistan's minister Aziz Nodira; "John Kerry ...
  Kerry said" → John Kerry; "Kenyan police ... Police said"); a full name repeated takes the
  codes it had ("Mahan Air" after "Iranian airline Mahan Air"). A country or city named alone
  is the state, never a longer name it is a word of ("Iran" after "Islamic Revolutionary
  Guard Corps of Iran");
* a definite description: a mention of at most three words that names a role but no country
  ("the ministry", "the army", "police", "the rebel group") takes the country of the earlier
  mentions with the same head word ("Syria's foreign ministry"; the head is the noun before
  any prepositional phrase: "US Embassy in London") when they all agree; failing those, of
  the earlier mentions with the same sector, again only when they agree. A role word with no
  sector of its own ("the spokesman") is the latest named or coded mention with that head
  ("Ministry spokesman U Kyaw Thiha Naing"). A longer description of a role in a body takes
  the body's country ("Kurdish and Sunni members of parliament" after "the Parliament of
  Iraq"). A description marked foreign ("foreign forces") is not the domestic body.

A mention that already names a country keeps it; nothing crosses 2,000 characters backwards,
and an antecedent that is not clear (two countries) leaves the mention as it is.

Then, once the article's setting is applied, `one_code_per_person` gives every mention of a
named person the best supported code among them.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from ..model import Actor
from .dictionary import normalise
from .resolver import FOREIGN_WORDS, make_code

COREFERENCE = "coreference"
APPOSITION_WEIGHT = 2.0  # a role given beside the name counts as a title in the mention
WINDOW_CHARS = 2000
MAX_DESCRIPTION_WORDS = 3
_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "its", "their"})
_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our", "my", "your"})
_PREPOSITIONS = frozenset({"of", "in", "at", "from", "for", "on", "to", "with", "within", "across"})


def _words(text: str) -> list[str]:
    return list(_word_tuple(text))


@lru_cache(maxsize=8192)
def _word_tuple(text: str) -> tuple[str, ...]:
    """A text's normalised words; mention texts recur across an article's comparisons."""
    return tuple(token.word for token in normalise(text))


def _head_part(text: str) -> list[str]:
    """The words before any prepositional phrase ("US Embassy" in "US Embassy in London")."""
    words: list[str] = []
    for word in _words(text):
        if word in _PREPOSITIONS and words:
            break
        if word != "'s":
            words.append(word)
    return words


def _head(actor: Actor) -> str | None:
    """The head noun: the last word before any prepositional phrase ("US Embassy in London")."""
    words = _head_part(actor.text)
    return words[-1] if words else None


def _with(actor: Actor, source: Actor, own_name: bool = False) -> Actor:
    country = actor.country or source.country
    sector = actor.sector or source.sector
    if own_name:
        name = actor.name
    elif _longer_name(source.name, actor.name):
        name = source.name
    else:
        name = actor.name or source.name
    basis = actor.country_basis if actor.country else COREFERENCE if country else None
    return Actor(text=actor.text, start=actor.start, end=actor.end, name=name,
                 country=country, sector=sector, code=make_code(country, sector),
                 country_basis=basis)


def _longer_name(full: str | None, short: str | None) -> bool:
    """'Osman Adlan Kheiri' completes 'Kheiri' (or a missing name)."""
    if not full:
        return False
    return short is None or (len(_words(full)) > len(_words(short))
                             and set(_words(short)) <= set(_words(full)))


def _repeated_name(actor: Actor, earlier: list[Actor]) -> Actor | None:
    """'Nodira' after 'Foreign Minister Aziz Nodira': the same person, with the full name
    and the codes of the first mention ('Kheiri' after 'Osman Adlan Kheiri' too, uncoded);
    a full name repeated takes the codes it had ("Mahan Air" after "airline Mahan Air")."""
    words = _words(actor.text)
    if _particle_surname(actor.text, words):
        return _named_with_particle(actor, words, earlier)
    if not actor.text[:1].isupper():
        return None
    if len(words) > 1:  # the full name again: "Mahan Air" after "Iranian airline Mahan Air"
        same = [c for c in earlier if c.name and _words(c.name) == words and c.code]
        return _with(actor, same[-1]) if same else None
    for candidate in reversed(earlier):  # not "Tesco" in "7000 employees from Tesco"
        name_words = _words(candidate.name or "") + _head_part(candidate.text)
        if len(name_words) <= 1 or words[0] not in name_words:
            continue
        if actor.country and candidate.country and actor.country != candidate.country:
            continue
        full_name = candidate.name is not None and len(_words(candidate.name)) > 1
        if candidate.country or candidate.sector or full_name:
            return _with(actor, candidate)
    return None


# Particles that begin a surname: "al-Eryani", "bin Salman", "van der Leyen", "de Mistura".
NAME_PARTICLES = frozenset({"al", "el", "ad", "an", "as", "ash", "at", "az", "ar", "bin",
                            "ibn", "abu", "ben", "van", "von", "der", "de", "da", "di", "du",
                            "del", "della", "le", "la", "dos"})


def _particle_surname(text: str, words: list[str]) -> bool:
    """'al-Eryani', 'bin Tamim', 'de Mistura': a surname told with its particle."""
    return (1 < len(words) <= 3 and all(w in NAME_PARTICLES for w in words[:-1])
            and text[-len(words[-1]):][:1].isupper())


def _named_with_particle(actor: Actor, words: list[str], earlier: list[Actor]) -> Actor | None:
    """'al-Eryani' after 'Minister of Information Moammar al-Eryani': that person."""
    for candidate in reversed(earlier):
        name_words = _words(candidate.name or candidate.text)
        if len(name_words) <= len(words) or name_words[-len(words):] != words:
            continue
        if actor.country and candidate.country and actor.country != candidate.country:
            continue
        if candidate.country or candidate.sector or candidate.name:
            return _with(actor, candidate)
    return None


def _agreed_country(candidates: list[Actor]) -> Actor | None:
    countries = {c.country for c in candidates if c.country}
    if len(countries) != 1:
        return None
    return next(c for c in reversed(candidates) if c.country)


def _description(actor: Actor, earlier: list[Actor]) -> Actor | None:
    """'the ministry' after "Syria's foreign ministry": the same body; not "foreign forces"
    after "Afghan forces"."""
    if actor.country is not None:
        return None
    if _words(actor.text)[:1] and _words(actor.text)[0] in _POSSESSIVE_PRONOUNS:
        return None  # "its troops": the owner says whose (the possessor's country)
    words = [w for w in _words(actor.text) if w not in _DETERMINERS]
    if FOREIGN_WORDS.intersection(words):
        return None
    if not words:
        return None
    if len(words) > MAX_DESCRIPTION_WORDS:
        return _owner_described(actor, words, earlier)
    head = words[-1]
    same_head = [c for c in earlier if _head(c) == head]
    if actor.sector is None:  # "the spokesman" after "Ministry spokesman U Kyaw Thiha Naing"
        named = [c for c in same_head if c.name or c.code]
        return _with(actor, named[-1]) if named else None
    source = _agreed_country(same_head)
    if source is None and not same_head:
        source = _agreed_country([c for c in earlier if c.sector == actor.sector])
    if source is None:
        return None
    if set(words) - set(_words(source.text)) - set(_words(source.name or "")):
        # "the forestry department" after "the Department of Justice": another body of the
        # same state; its country, not the other's name
        return _with(actor, source, own_name=True)
    return _with(actor, source)


def _owner_described(actor: Actor, words: list[str], earlier: list[Actor]) -> Actor | None:
    """'Kurdish and Sunni members of parliament' after "the Parliament of Iraq": a role of a
    body named before takes its country."""
    if actor.sector is None or "of" not in words:
        return None
    owner = words[len(words) - words[::-1].index("of") :]
    if not owner or len(owner) > MAX_DESCRIPTION_WORDS:
        return None
    source = _agreed_country([c for c in earlier if _head(c) == owner[-1]])
    return _with(actor, source) if source is not None else None


def resolve_coreference(
    actors: list[Actor], is_place: Callable[[Actor], bool] | None = None
) -> list[Actor]:
    """The mentions, with later short mentions completed from their antecedents.

    `is_place` tells a country or city named alone ("Iran"): it is the state, never the
    longer name it is a word of ("Islamic Revolutionary Guard Corps of Iran").
    """
    resolved: list[Actor] = []
    for actor in actors:
        earlier = [a for a in resolved if actor.start - a.end <= WINDOW_CHARS]
        named_place = is_place is not None and is_place(actor)
        if actor.country is None:
            repeated = None if named_place else _repeated_name(actor, earlier)
            actor = repeated or _description(actor, earlier) or actor
        elif not named_place and (actor.name is None or len(_words(actor.name)) == 1):
            actor = _repeated_name(actor, earlier) or actor  # "Kerry" after "John Kerry"
        resolved.append(actor)
    return resolved


@dataclass(frozen=True, slots=True)
class MentionEvidence:
    """What a mention says beyond its code: whether it names a person, how much its own code
    counts when the article's mentions of that person disagree, and whether it may take the
    article's setting (not a listed body of no state, such as "Reuters" or "Catholic
    Church")."""

    person: bool = False
    weight: float = 0.0
    local: bool = True


def one_code_per_person(actors: list[Actor], evidence: list[MentionEvidence]) -> list[Actor]:
    """Every mention of one named person carries one code: the best supported.

    Mentions are grouped by the person's full name; each code scores the weight of the
    mentions that state it (a title or role in the mention or in apposition to it outweighs a
    dictionary entry, which outweighs nothing), and the top code, the earliest on a tie, goes
    to every mention ("Hong Kong Chief Executive Carrie Lam" ... "Lam": one HKG GOV; "on live
    television Erdogan" does not make Erdoğan a journalist).
    """
    people = {tuple(_words(actor.name)) for actor, said in zip(actors, evidence, strict=True)
              if said.person and actor.name}
    groups: dict[tuple[str, ...], list[int]] = {}
    for number, actor in enumerate(actors):  # with "the sergeant" once named Ratana
        key = tuple(_words(actor.name)) if actor.name else None
        if key in people:
            groups.setdefault(key, []).append(number)
    unified = list(actors)
    for members in groups.values():
        best = _best_code(members, actors, evidence)
        if best is None:
            continue
        country, sector = best
        for number in members:
            actor = actors[number]
            if (actor.country, actor.sector) == best:
                continue
            basis = actor.country_basis if actor.country == country else COREFERENCE
            unified[number] = replace(
                actor, country=country, sector=sector, code=make_code(country, sector),
                country_basis=basis if country else None,
                country_confidence=actor.country_confidence if basis != COREFERENCE else None,
            )
    return unified


def _best_code(
    members: list[int], actors: list[Actor], evidence: list[MentionEvidence]
) -> tuple[str | None, str | None] | None:
    """The best supported (country, sector) among the mentions, or None when they agree or
    none of them states anything."""
    codes = [(actors[n].country, actors[n].sector) for n in members]
    if len(set(codes)) < 2:
        return None
    scores: dict[tuple[str | None, str | None], float] = {}
    for number, key in zip(members, codes, strict=True):
        if actors[number].code is None:
            continue
        apposition = actors[number].country_basis == "apposition"
        weight = APPOSITION_WEIGHT if apposition else evidence[number].weight
        scores[key] = scores.get(key, 0.0) + weight
    top = max(scores.values(), default=0.0)
    if top <= 0:
        return None
    return next(key for key in codes if scores.get(key) == top)
