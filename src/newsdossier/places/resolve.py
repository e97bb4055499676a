"""Toponym resolution: which of the places called so a mention means.

Each candidate the gazetteer files under the mention's name is scored by

* its size: log10 of its population (a prior that alone is the "largest population"
  baseline), and its kind: a country, continent, sea or named region or facility from the
  alias table is meant more often than a village of the same name;
* a qualifier the text gives: "Alexandria, La.", "Knox County, Tennessee", "Homs in Syria",
  "X, a city in Y" — candidates in that region or country get QUALIFIER_BONUS;
* the article's context: the countries and first-level regions of the article's other
  places (one vote a name, however often repeated; more weakly, of its actors, except
  those named after a place being resolved: "Paris police"), and nearness to the places
  resolved without doubt (a country, a qualified or unambiguous name);
* joint support: how near some reading of each other place name lies to the candidate.

A candidate filed under another of its names ("Oxford" for a village once so called) loses
OTHER_NAME_PENALTY when a place of that very name is on offer.

Resolution runs PASSES times: first with the context of the unambiguous mentions and the
actors, then again with the context of the previous pass's resolutions (each name's own vote
aside).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..actors.setting import TOWN_READINGS
from ..model import Place
from ..nlp import doc_text
from .facilities import town_of_facility
from .gazetteer import ALIAS_ID_BASE, Entry, Gazetteer
from .names import key
from .sources import demonym_countries, place_adjectives

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..model import Actor

FEATURE_BONUS = {"PCLI": 3.0, "CONT": 3.0, "RGN": 2.0, "SEA": 2.5, "H": 2.0, "STM": 1.5,
                 "FAC": 3.0, "ISL": 1.5, "AREA": 1.5, "T": 1.0, "ADM1": 1.5, "PPLC": 3.0,
                 "ADM2": -1.0, "PPL": 0.0}
ADMIN_WORDS = ("county", "parish", "district", "borough", "province", "governorate",
               "oblast", "prefecture", "department", "municipality")
ADMIN_WORD_BONUS = 2.5
EXACT_NAME_BONUS = 1.0
QUALIFIER_BONUS = 6.0
COUNTRY_WEIGHT = 3.0
ADMIN1_WEIGHT = 2.0
NEARNESS_WEIGHT = 1.5
NEARNESS_KM = 500.0
ACTOR_VOTE = 0.5
JOINT_WEIGHT = 2.0
JOINT_CANDIDATES = 15
ALIAS_BONUS = 4.0
PASSES = 3
COHERENCE_WEIGHT = 1.0
COHERENCE_KM = 200.0
MAX_COHERENCE = 4.0
MAX_CANDIDATES = 60
SMALL_PLACE = 100_000
TINY_PLACE = 5_000
DOMINANT_SHARE = 0.5
REPEATED_MENTIONS = 3
OTHER_NAME_PENALTY = 3.0
CITY_OVER_REGION = 3.0
CITY_SHARE = 0.5
WORLD_CITY_RATIO = 5
QUALIFIER_WORDS = frozenset({"in", "of"})
QUALIFIER_DIRECTIONS = frozenset({"northern", "southern", "eastern", "western", "central",
                                  "northeastern", "northwestern", "southeastern",
                                  "southwestern", "north", "south", "east", "west"})
GENERIC_REGION_WORDS = frozenset({"north", "south", "east", "west", "central", "northern",
                                  "southern", "eastern", "western", "northeastern",
                                  "northwestern", "southeastern", "southwestern", "middle",
                                  "upper", "lower", "region", "state", *ADMIN_WORDS})
REGIONAL_HEADS = frozenset({"gov", "governor", "governorship", "border", "borders",
                            "legislature", "statehouse", "senator", "senators", "lawmakers",
                            "assembly", "senate", "lieutenant"})
TOWN_NOUNS = frozenset({"town", "village", "city", "hamlet", "settlement", "municipality",
                        "suburb", "township", "commune"})


@dataclass(slots=True)
class Target:
    """A span to resolve, with the qualifier the text gives it, if any."""

    start: int
    end: int
    text: str
    qualifier: str | None = None
    candidates: list[Entry] = field(default_factory=list)
    qualifying: list[Entry] = field(default_factory=list)  # the places the qualifier names
    support: dict[int, float] = field(default_factory=dict)  # candidate id → joint support
    facility: bool = False  # placed at the town it is named after ("Jolo Cathedral")
    town: bool = False  # the text calls it a town: "the village of Flumeri", "the town, Wairoa"
    repeated: bool = False  # named as a place again and again: the story is there
    regional: bool = False  # names what a region has: "New York Gov.", "the Texas border"
    dominated: frozenset[int] = frozenset()  # regions most of whose people live in a
    # city of their name ("Omsk" the oblast): the name means the city


@dataclass(slots=True)
class Context:
    countries: Counter[str] = field(default_factory=Counter)
    regions: Counter[str] = field(default_factory=Counter)  # admin1 name keys
    anchors: list[Entry] = field(default_factory=list)
    neighbours: list[Entry] = field(default_factory=list)  # the other mentions' places
    placed: Counter[str] = field(default_factory=Counter)  # countries named by places

    def share(self, country: str | None) -> float:
        total = sum(self.countries.values())
        return self.countries[country] / total if country and total else 0.0


class Resolver:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.demonyms = demonym_countries()
        self.adjectives = place_adjectives()

    def resolve(self, doc: Doc, spans: Sequence[tuple[int, int]],
                actors: Iterable[Actor] = ()) -> list[Place | None]:
        text = doc_text(doc)
        targets = [self._target(doc, start, end, text) for start, end in spans]
        counts = Counter(key(_stripped(t.text)) for t in targets)
        for target in targets:
            target.repeated = counts[key(_stripped(target.text))] >= REPEATED_MENTIONS
        base = Context()
        for actor in _independent(actors, targets):
            base.countries[actor.country] += ACTOR_VOTE
        for target in targets:
            sure = _unambiguous(target)
            if sure is not None:
                _vote(base, sure, 1.0)
                base.anchors.append(sure)
        _joint_support(targets)
        chosen = [self._best(t, base) for t in targets]
        for _ in range(PASSES - 1):
            chosen = self._coherent_pass(targets, chosen, base)
        chosen = _one_sense_per_name(targets, chosen)
        return [_place(t, e) if e is not None else None for t, e in zip(targets, chosen,
                                                                          strict=True)]

    def _coherent_pass(self, targets: list[Target], chosen: list[Entry | None],
                       base: Context) -> list[Entry | None]:
        """Each mention again, in the context of what the others resolved to: their
        countries and regions, and their nearness (other names only: a repeated "Paris"
        does not vouch for itself)."""
        full = Context(Counter(base.countries), Counter(base.regions), list(base.anchors),
                       placed=Counter(base.placed))
        names = [key(_stripped(t.text)) for t in targets]
        voted: set[str] = set()
        for name, entry in zip(names, chosen, strict=True):
            if entry is not None and name not in voted:  # one vote a name
                voted.add(name)
                _vote(full, entry, 1.0)
        again = []
        for index, (target, own) in enumerate(zip(targets, chosen, strict=True)):
            context = _without(full, own)
            context.neighbours = [e for i, e in enumerate(chosen) if e is not None
                                  and names[i] != names[index] and e.feature not in
                                  ("PCLI", "CONT")]
            again.append(self._best(target, context))
        return again

    def _target(self, doc: Doc, start: int, end: int, text: str) -> Target:
        words = text[start:end]
        target = Target(start, end, words, _qualifier(doc, start, end),
                        town=_called_a_town(doc, start, end),
                        regional=_names_a_regions_office(doc, start, end))
        name_key = key(_stripped(words))
        demonym = self.demonyms.get(name_key)
        country = self.gazetteer.country(demonym) if demonym else None
        if country is not None:  # "Syrian" named where a place is expected: the country
            target.candidates = [country]
        elif name_key in self.adjectives:  # "African": the continent
            target.candidates = self.gazetteer.candidates(self.adjectives[name_key])[:1]
        else:
            target.candidates = self.gazetteer.candidates(_stripped(words))[:MAX_CANDIDATES]
        if not target.candidates:  # "Jerome Township", "Grove City": the town by its name
            bare = _without_generic(_stripped(words))
            if bare:
                target.candidates = [e for e in self.gazetteer.candidates(bare)
                                     if e.feature.startswith("PPL")][:MAX_CANDIDATES]
        if not target.candidates:  # "Baghdad International Airport": at its town
            town = town_of_facility(_stripped(words))
            if town:
                target.candidates = [e for e in self.gazetteer.candidates(town)
                                     if e.feature.startswith("PPL")
                                     or e.feature in ("ADM1", "ADM2")][:MAX_CANDIDATES]
                target.facility = bool(target.candidates)
        target.candidates = _as_the_article_reads_it(doc, name_key, target.candidates)
        target.dominated = _dominated_regions(target.candidates, name_key)
        if target.qualifier:
            target.qualifying = [e for e in self.gazetteer.candidates(target.qualifier)
                                 if e.feature in ("PCLI", "ADM1", "ADM2")][:MAX_CANDIDATES]
            if _regions_listed(target.candidates, target.qualifying, name_key):
                target.qualifier, target.qualifying = None, []
        return target

    def _best(self, target: Target, context: Context) -> Entry | None:
        if not target.candidates:
            return None
        mention_key = key(_stripped(target.text))
        named = any(key(e.name) == mention_key for e in target.candidates)

        def value(entry: Entry) -> tuple[float, int]:
            score = (_score(entry, mention_key, context, target.qualifying)
                     + JOINT_WEIGHT * target.support.get(entry.id, 0.0))
            if entry.id in target.dominated and not any(w in mention_key.split()
                                                        for w in ADMIN_WORDS):
                score -= CITY_OVER_REGION  # "Omsk", "São Paulo": the city
            if named and key(entry.name) != mention_key and entry.id > ALIAS_ID_BASE \
                    and entry.feature not in ("PCLI", "CONT"):  # "Burma" is still Myanmar
                score -= OTHER_NAME_PENALTY  # "Oxford" is Oxford, not a village once so called
            return score, -entry.id

        if target.qualifying and target.text.split()[-1].lower() in ADMIN_WORDS and not any(
                _within(entry, region) for entry in target.candidates
                for region in target.qualifying):
            return None  # "the Northern District of California" is no district of Israel
        best = max(target.candidates, key=value)
        if target.regional and best.feature.startswith("PPL"):
            region = next((e for e in target.candidates if e.feature == "ADM1"
                           and key(e.name) == mention_key), None)
            if region is not None:
                return region  # "New York Gov." is the state's
        state = _state_of_the_name(best, mention_key, target)
        if state is not None:
            return state
        world = _world_city(best, mention_key, context, target)
        if world is not None:
            return world
        return None if _implausible(best, mention_key, context, target) else best


def _score(entry: Entry, mention_key: str, context: Context,
           qualifying: list[Entry]) -> float:
    value = math.log10(entry.population + 1) + FEATURE_BONUS.get(entry.feature, 0.0)
    if key(entry.name) == mention_key:
        value += EXACT_NAME_BONUS
    if entry.id <= ALIAS_ID_BASE:
        value += ALIAS_BONUS  # the alias table is curated: its "White House" is the one
    if entry.feature in ("ADM1", "ADM2") and any(w in mention_key.split() for w in ADMIN_WORDS):
        value += ADMIN_WORD_BONUS  # "Knox County" is the county, not a town of that name
    if qualifying and any(_within(entry, q) for q in qualifying):
        value += QUALIFIER_BONUS
    value += COUNTRY_WEIGHT * context.share(entry.country)
    if entry.admin1 and context.regions[key(entry.admin1)] > 0 and entry.feature != "ADM1" \
            and key(entry.admin1) != mention_key:  # "Quebec" the province, not its city
        value += ADMIN1_WEIGHT
    if entry.feature in ("PCLI", "CONT"):
        return value
    if context.anchors:
        nearest = min(distance_km(entry, anchor) for anchor in context.anchors)
        value += NEARNESS_WEIGHT * max(0.0, 1 - nearest / NEARNESS_KM)
    if context.neighbours:
        near = sum(max(0.0, 1 - distance_km(entry, other) / COHERENCE_KM)
                   for other in context.neighbours)
        value += COHERENCE_WEIGHT * min(near, MAX_COHERENCE)
    return value


def _implausible(entry: Entry, mention_key: str, context: Context, target: Target) -> bool:
    """A small place with nothing to vouch for it in an article about elsewhere: better
    unresolved. "The town of Kalo" in a story on Syria is not Kalaw in Myanmar, "Whitehall"
    in a London story not the Ohio town, "Earth" in one on the Amazon not a Texan village.
    What vouches: a qualifier; where the article names its country at all, the text
    calling it a town, its region or places near it named, its country dominating the
    article, or (a place of TINY_PLACE people or more) its country named among the
    article's places, not only its actors'; or the article naming it again and again.
    A small place known by another name ("Notre
    Dame" is also a village near Rouen) needs more than its country: local evidence. A
    region named only by a direction and an admin word ("Central district") needs its
    country named, whatever its size."""
    if target.qualifying or target.facility or not context.countries:
        return False
    share = context.share(entry.country)
    if share == 0 and entry.feature in ("ADM1", "ADM2") and set(mention_key.split()) <= (
            GENERIC_REGION_WORDS):
        return True  # "Central district" in a Hong Kong story is no district of Israel
    if entry.population >= SMALL_PLACE or entry.feature not in ("PPL", "ADM2"):
        return False
    if share == 0:
        return key(entry.name) != mention_key or entry.population < TINY_PLACE
    dominant = share >= DOMINANT_SHARE and key(entry.name) == mention_key
    if dominant or target.town or target.repeated or _local(entry, context, target):
        return False
    return entry.population < TINY_PLACE or context.placed[entry.country] <= 0 \
        or key(entry.name) != mention_key


def _state_of_the_name(entry: Entry, mention_key: str, target: Target) -> Entry | None:
    """A state's or province's name means the region, not a town named after it that the
    context favoured ("California" in a list of states is not California, Maryland),
    unless a qualifier picks the town or the region is its capital city's ("Omsk")."""
    if entry.feature not in ("PPL", "ADM2") or target.qualifying:
        return None
    if entry.population >= SMALL_PLACE:
        return None  # "New York" the city
    regions = [e for e in target.candidates if e.feature == "ADM1"
               and e.country == entry.country and key(e.name) == mention_key
               and e.id not in target.dominated and e.population > entry.population]
    return max(regions, key=lambda e: (e.population, -e.id)) if regions else None


def _world_city(entry: Entry, mention_key: str, context: Context, target: Target
                ) -> Entry | None:
    """The major place of the name when a small namesake won on the article's country
    alone: "Geneva" in a US statement on Syrian talks is the Swiss city, not the Ohio town.
    A small place keeps its name only with local evidence — a qualifier, its region or
    places near it named."""
    if entry.population >= SMALL_PLACE or entry.feature not in ("PPL", "ADM2"):
        return None
    if target.qualifying or target.town or _local(entry, context, target):
        return None
    major = [e for e in target.candidates if key(e.name) == mention_key
             and e.feature in ("PPL", "PPLC", "ADM1")
             and e.population >= max(SMALL_PLACE, WORLD_CITY_RATIO * entry.population)]
    return max(major, key=lambda e: (e.population, -e.id)) if major else None


def _local(entry: Entry, context: Context, target: Target) -> bool:
    """Whether the article names the entry's region or places near it."""
    if entry.admin1 and context.regions[key(entry.admin1)] > 0:
        return True
    if not context.neighbours:  # the first pass: some reading of another name is near
        return target.support.get(entry.id, 0.0) > 0  # (later: the one it resolved to)
    return any(distance_km(entry, other) < COHERENCE_KM
               for other in (*context.anchors, *context.neighbours))


def _regions_listed(candidates: list[Entry], qualifying: list[Entry], name_key: str) -> bool:
    """ "California, Maryland, Florida": a list of regions, not a town qualified by one."""
    return any(e.feature == "ADM1" and key(e.name) == name_key for e in candidates) and \
        bool(qualifying) and all(e.feature != "PCLI" for e in qualifying)


def _dominated_regions(candidates: list[Entry], name_key: str) -> frozenset[int]:
    """The first-level regions among the candidates whose namesake city, also a candidate,
    holds CITY_SHARE of their people or more."""
    cities = [e for e in candidates if e.feature.startswith("PPL") and key(e.name) == name_key]
    return frozenset(
        region.id for region in candidates
        if region.feature == "ADM1" and key(region.name) == name_key and any(
            city.country == region.country and city.admin1 == region.admin1
            and city.population >= CITY_SHARE * region.population for city in cities))


def _joint_support(targets: list[Target]) -> None:
    """How well each candidate fits some reading of the article's other place names: for
    each other name, the closeness of its nearest candidate (1 at the same spot, 0 beyond
    COHERENCE_KM), summed and capped. "Paris" and "Henry County" both have readings in
    Tennessee; the French Paris has no Henry County near it."""
    import numpy as np

    names = [key(_stripped(t.text)) for t in targets]
    pool: dict[str, list[Entry]] = {}
    for name, target in zip(names, targets, strict=True):
        if target.candidates and name not in pool:
            pool[name] = [e for e in target.candidates[:JOINT_CANDIDATES]
                          if e.feature not in ("PCLI", "CONT")]
    pool = {name: entries for name, entries in pool.items() if entries}
    if len(pool) < 2:
        return
    owners = [name for name, entries in pool.items() for _ in entries]
    entries = [e for group in pool.values() for e in group]
    lat = np.radians([e.lat for e in entries])
    lon = np.radians([e.lon for e in entries])
    h = (np.sin((lat[:, None] - lat[None, :]) / 2) ** 2 + np.cos(lat[:, None])
         * np.cos(lat[None, :]) * np.sin((lon[:, None] - lon[None, :]) / 2) ** 2)
    km = 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(h, 0, 1)))
    closeness = np.clip(1 - km / COHERENCE_KM, 0, None)
    owner_index = {name: i for i, name in enumerate(pool)}
    groups = np.array([owner_index[name] for name in owners])
    best_per_group = np.zeros((len(entries), len(pool)))
    for group in range(len(pool)):
        columns = groups == group
        best_per_group[:, group] = closeness[:, columns].max(axis=1)
    best_per_group[np.arange(len(entries)), groups] = 0.0  # not its own name
    support = np.minimum(best_per_group.sum(axis=1), MAX_COHERENCE)
    by_name: dict[str, dict[int, float]] = {name: {} for name in pool}
    for owner, entry, value in zip(owners, entries, support, strict=True):
        by_name[owner][entry.id] = float(value)
    for name, target in zip(names, targets, strict=True):
        target.support = by_name.get(name, {})


def _as_the_article_reads_it(doc: Doc, name_key: str, candidates: list[Entry]) -> list[Entry]:
    """A town several countries share, which the actors stage read as the namesake the
    article's evidence points to (Paris, Texas, in a Paris, Texas paper): that namesake's
    towns only."""
    reading = (doc.user_data.get(TOWN_READINGS) or {}).get(name_key)
    if reading is None:
        return candidates
    kept = [e for e in candidates if e.country == reading and e.feature.startswith("PPL")]
    return kept or candidates


def _independent(actors: Iterable[Actor], targets: list[Target]) -> Iterable[Actor]:
    """The actors whose country is evidence of its own: not one read off a place name
    being resolved ("A Paris man", "Paris police" would vote for France in a Tennessee
    story)."""
    spans = [(t.start, t.end) for t in targets]
    for actor in actors:
        if not (actor.country and len(actor.country) == 3 and actor.country.isalpha()):
            continue
        if any(actor.start < end and start < actor.end for start, end in spans):
            continue
        yield actor


def _one_sense_per_name(targets: list[Target], chosen: list[Entry | None]
                        ) -> list[Entry | None]:
    """'the port town of Mokha, Yemen' … 'Mokha is calm': a mention left unresolved for
    want of context is the place the same name was resolved to elsewhere in the article."""
    settled: dict[str, Entry] = {}
    for target, entry in zip(targets, chosen, strict=True):
        if entry is not None:
            settled.setdefault(key(_stripped(target.text)), entry)
    return [entry if entry is not None else settled.get(key(_stripped(target.text)))
            for target, entry in zip(targets, chosen, strict=True)]


def _within(entry: Entry, region: Entry) -> bool:
    if region.feature == "PCLI":
        return entry.country == region.country and entry.feature != "PCLI"
    if region.feature == "ADM1":
        return entry.country == region.country and entry.admin1 == region.admin1 and (
            entry.id != region.id)
    if region.feature == "ADM2":
        return entry.admin2 == region.admin2 and entry.admin1 == region.admin1
    return False


def _unambiguous(target: Target) -> Entry | None:
    """A mention resolved without context: a country or continent by its name, the one
    place of its name, or a name whose most populous place, so called, outweighs the next
    tenfold."""
    if not target.candidates:
        return None
    top = target.candidates[0]
    exact = key(top.name) == key(_stripped(target.text))
    if top.feature in ("PCLI", "CONT") and exact:
        return top
    if len(target.candidates) == 1 and exact and top.population >= TINY_PLACE \
            and not set(key(top.name).split()) <= GENERIC_REGION_WORDS:
        return top  # (a "Central District" is one of many the gazetteer lacks)
    second = target.candidates[1] if len(target.candidates) > 1 else None
    if second is not None and top.feature == second.feature == "PCLI":
        return None  # "Congo": two countries, the article has to say which
    if exact and second is not None and top.population > 10 * max(second.population, 1) \
            and top.population >= 100_000 and top.feature != "ADM2":
        return top  # ("Atlanta" was once "White Hall"; a county's people are a sum: unsure)
    return None


def _vote(context: Context, entry: Entry, weight: float) -> None:
    if entry.country:
        context.countries[entry.country] += weight
        context.placed[entry.country] += weight
    if entry.admin1:
        context.regions[key(entry.admin1)] += weight


def _without(context: Context, entry: Entry | None) -> Context:
    if entry is None:
        return context
    trimmed = Context(Counter(context.countries), Counter(context.regions), context.anchors,
                      context.neighbours, Counter(context.placed))
    if entry.country:
        trimmed.countries[entry.country] -= 1.0
        trimmed.placed[entry.country] -= 1.0
    if entry.admin1:
        trimmed.regions[key(entry.admin1)] -= 1.0
    return trimmed


GENERIC_ENDINGS = ("township", "borough", "village", "town", "city", "municipality", "hamlet")


def _without_generic(name: str) -> str | None:
    words = name.split()
    if len(words) > 1 and words[-1].lower() in GENERIC_ENDINGS:
        return " ".join(words[:-1])
    return None


def _stripped(text: str) -> str:
    text = text.strip()
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    if text.lower().startswith("the "):
        text = text[4:]
    return text


def _qualifier(doc: Doc, start: int, end: int) -> str | None:
    """The region or country the text places a mention in: "X, Y", "X in Y", "X, a city
    in Y", "X of Y"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return None
    following = doc[span.end: span.end + 8]
    if following and following[0].text == ",":
        rest = following[1:]
        if rest and rest[0].lower_ in ("a", "an", "the"):
            inside = next((t for t in rest if t.lower_ in QUALIFIER_WORDS), None)
            if inside is not None:
                return _name_after(doc, inside.i + 1)
            return None
        return _name_after(doc, span.end + 1)
    if following and following[0].lower_ == "in":
        return _name_after(doc, span.end + 1)
    if following and following[0].lower_ == "of" and span[-1].lower_ in ADMIN_WORDS:
        return _name_after(doc, span.end + 1)  # "the Northern District of California"
    return None


def _names_a_regions_office(doc: Doc, start: int, end: int) -> bool:
    """ "New York Gov. Andrew Cuomo", "the Texas border", "the Ohio legislature": a name
    modifying what only a region has."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ in ("compound", "nmod", "poss") and \
        root.head.lower_.rstrip(".") in REGIONAL_HEADS


def _called_a_town(doc: Doc, start: int, end: int) -> bool:
    """ "the village of Flumeri", "the town where she worked, Wairoa", "Ye-U, a town"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    head = root.head
    if root.dep_ == "appos" and head.lemma_ in TOWN_NOUNS:
        return True
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in TOWN_NOUNS:
        return True
    return any(child.dep_ == "appos" and child.lemma_ in TOWN_NOUNS for child in root.children)


def _name_after(doc: Doc, position: int) -> str | None:
    """The capitalised name starting at `position` ("La.", "North Carolina"), past a
    direction ("in southern Italy")."""
    tokens: list[str] = []
    index = position
    while index < len(doc) and doc[index].lower_ in QUALIFIER_DIRECTIONS:
        index += 1
    while index < len(doc) and len(tokens) < 4:
        token = doc[index]
        if token.text[:1].isupper() and (token.is_alpha or token.text.replace(".", "").isalpha()):
            tokens.append(token.text_with_ws)
            index += 1
            continue
        break
    return "".join(tokens).strip() or None


def distance_km(a: Entry, b: Entry) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _place(target: Target, entry: Entry) -> Place:
    if target.facility:  # the facility itself, at its town's point
        return Place(text=target.text, start=target.start, end=target.end,
                     name=_stripped(target.text), country=entry.country,
                     lat=round(entry.lat, 5), lon=round(entry.lon, 5), geonameid=None,
                     feature="FAC")
    return Place(text=target.text, start=target.start, end=target.end, name=entry.name,
                 country=entry.country, lat=round(entry.lat, 5), lon=round(entry.lon, 5),
                 geonameid=entry.geonameid, feature=entry.feature)


__all__ = ["Resolver", "distance_km", "haversine_km"]
