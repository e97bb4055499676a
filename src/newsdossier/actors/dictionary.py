"""Actor dictionaries: user-extensible TSV files compiled into one n-gram lookup table.

Five kinds of file live in `newsdossier/data/actors/` (each documents its columns in its
header comment block); users layer their own files over them with the `actor_dictionaries`
setting (or `--dict FILE`):

===============  ==========================================  ==================================
kind             columns (tab separated)                     meaning
===============  ==========================================  ==================================
countries        pattern, country[, sector]                  country names and capitals; the
                                                             optional sector (capitals: GOV) is
                                                             used only when no role word is seen
demonyms         pattern, country                            "Syrian", "Syrians", "Emirati" ...
sectors          pattern, sector[, strength]                 role words; strength "weak" marks
                                                             titles that yield to any other role;
                                                             an empty sector marks a phrase with
                                                             no role ("press officer"); strength
                                                             "event" a noun naming what happens
                                                             ("bombing"): a phrase it heads is
                                                             no actor ("the Kabul car bombing");
                                                             "counted" a word that names a group
                                                             only when counted ("71 people")
organisations    pattern, name, country, sector              named bodies (country/sector may be
                                                             empty)
people           pattern, name, country, sector[, years]     named persons by full name (and a
                                                             few single-name references such as
                                                             "Putin"); the sector yields to any
                                                             role word ("former President X")
===============  ==========================================  ==================================

A file's kind comes from a `# kind: countries|demonyms|sectors|organisations|people` comment
line or, failing that, from its header line (the first non-comment line, first cell
`pattern`): `pattern<TAB>country[<TAB>sector]` → countries, `pattern<TAB>sector[<TAB>strength]`
→ sectors, `pattern<TAB>name<TAB>country<TAB>sector` → organisations,
`pattern<TAB>name<TAB>country<TAB>sector<TAB>years` → people (a demonym file needs the kind
comment, otherwise it is read as countries, which only changes the canonical names). A people
row's optional `years` cell (`2014-2022`, `2019-`, `2008`) documents when the role was held;
outside those years an article's own words about the person weigh more than the listed role
(`held_in`; the actors stage keeps one code per person and article).

A one-word people pattern ("Putin") only matches a capitalised word. `surname_country` maps
the family name of every listed person (the last word, generational suffixes dropped; the
first word for China, Taiwan, Hong Kong, Macau and the Koreas) to the one country of the people
who bear it, for titled references the dictionary does not list ("President Mugabe");
`surname_words` gives the words of those people's names, to check a titled name's first names.

Every pattern is normalised the same way as the text it is matched against (see `normalise`):
case, accents, curly apostrophes, dots ("U.S." = "US"), hyphens ("al-Qaeda" = "al Qaeda"),
the word "the" and possessive "'s" boundaries do not matter. Exception: a pattern written as
one upper-case word of at most three letters ("US", "UN", "WHO", "IS") only matches upper-case
text, so the pronouns "us", "who" and "is" are never actors.

Later rows and later files win: a pattern is bound to the last entry seen for it, whatever its
kind. A row whose second cell is `-` deletes the pattern. The canonical name of a country code
is the first countries-kind pattern seen for it (the shipped file lists the short name first).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal

Kind = Literal["countries", "demonyms", "sectors", "organisations", "people"]

KINDS: tuple[Kind, ...] = ("countries", "demonyms", "sectors", "organisations", "people")
NAMED_KINDS = frozenset({"organisations", "people"})
SHIPPED_FILES: tuple[str, ...] = tuple(f"{kind}.tsv" for kind in KINDS)

SECTORS = frozenset(
    {
        # state
        "GOV", "MIL", "COP", "JUD", "LEG", "PRM", "PTY", "REB", "SPY", "UAF", "UNK",
        # society
        "AGR", "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE",
        "REL", "SOC",
    }
)  # fmt: skip
NONSTATE_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})

_HEADERS: dict[tuple[str, ...], Kind] = {
    ("pattern", "country"): "countries",
    ("pattern", "country", "sector"): "countries",
    ("pattern", "sector"): "sectors",
    ("pattern", "sector", "strength"): "sectors",
    ("pattern", "name", "country", "sector"): "organisations",
    ("pattern", "name", "country", "sector", "years"): "people",
}
_KIND_ALIASES: dict[str, Kind] = {
    "countries": "countries",
    "country": "countries",
    "demonyms": "demonyms",
    "demonym": "demonyms",
    "sectors": "sectors",
    "sector": "sectors",
    "organisations": "organisations",
    "organizations": "organisations",
    "organisation": "organisations",
    "organization": "organisations",
    "people": "people",
    "persons": "people",
    "person": "people",
}
_KIND_COMMENT = re.compile(r"^#\s*kind\s*:\s*(\w+)\s*$", re.IGNORECASE)
_COUNTRY_CODE = re.compile(r"^[A-Z]{3}$")
_YEARS = re.compile(r"^\d{4}(?:-(?:\d{4})?)?$")

_CHAR_MAP = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u0060": "'",
        "\u00b4": "'",
        "\u2032": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u02bb": "'",
        ".": None,
        # letters that NFKD leaves alone: "Løkke", "Kaczyński"'s "ł", Turkish dotless "ı"
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "ı": "i",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
    }
)
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*'?|[&,]")
_DROPPED_WORDS = frozenset({"the"})
POSSESSIVE = "'s"
_CASED_MAX_LETTERS = 3
# Surnames for titled references ("President Mugabe"): the last word of a listed name, minus
# generational suffixes; the first word for states whose names put the family name first.
SURNAME_FIRST_COUNTRIES = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK"})
NAME_SUFFIXES = frozenset(
    {"jr", "sr", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xiv", "xvi"}
)
NOT_SURNAMES = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday",
    }
)  # fmt: skip


class DictionaryError(ValueError):
    """An actor dictionary file cannot be read or has a malformed row."""


@dataclass(frozen=True, slots=True)
class Token:
    """One normalised word of a phrase.

    `upper` records whether it was written in capitals, `capital` whether its first letter was
    ("Bush" but not "bush").
    """

    word: str
    upper: bool
    capital: bool = False
    lowercase: bool = False  # written all in small letters ("turkey", not "Turkey"/"iSrael")


@dataclass(frozen=True, slots=True)
class Entry:
    """What a pattern means. `country`/`sector` may be None; `weak` and `event` only for role
    words (sectors files)."""

    kind: Kind
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    weak: bool = False
    cased: bool = False
    event: bool = False  # names what happens ("bombing", "demands"), never who acts
    counted: bool = False  # a party only when counted ("71 people", "dozens of people")
    years: str | None = None  # a listed person's years in the role: "2014-2022", "2019-"


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _split_word(raw: str) -> Iterator[Token]:
    if raw.endswith("'"):
        raw = raw[:-1]
    word = raw.casefold()
    if word in _DROPPED_WORDS or not word:
        return
    if len(word) > 2 and word.endswith(POSSESSIVE):
        yield Token(word[:-2], raw[:-2].isupper(), raw[:1].isupper(), raw[:-2].islower())
        yield Token(POSSESSIVE, False)
        return
    yield Token(word, raw.isupper(), raw[:1].isupper(), raw.islower())


def normalise(text: str) -> list[Token]:
    """Split text into comparison tokens (see the module docstring for what is ignored)."""
    return list(_normalised(text))


@functools.lru_cache(maxsize=16384)
def _normalised(text: str) -> tuple[Token, ...]:
    """Mention texts recur across an article's and a corpus's lookups: split each once."""
    cleaned = _strip_accents(text.translate(_CHAR_MAP))
    tokens: list[Token] = []
    for match in _WORD.finditer(cleaned):
        tokens.extend(_split_word(match.group()))
    return tuple(tokens)


def pattern_key(pattern: str) -> tuple[str, ...]:
    """The lookup key of a dictionary pattern."""
    return tuple(token.word for token in normalise(pattern))


def _is_cased(pattern: str) -> bool:
    letters = pattern.translate(_CHAR_MAP).strip()
    return letters.isalpha() and letters.isupper() and len(letters) <= _CASED_MAX_LETTERS


@dataclass(frozen=True, slots=True)
class Row:
    """One parsed dictionary row, before it is bound to its pattern."""

    key: tuple[str, ...]
    pattern: str
    entry: Entry | None  # None deletes the pattern


def _kind_from_comments(lines: Sequence[str]) -> Kind | None:
    for line in lines:
        found = _KIND_COMMENT.match(line.strip())
        if found:
            alias = found.group(1).lower()
            if alias not in _KIND_ALIASES:
                raise DictionaryError(f"unknown dictionary kind {alias!r}")
            return _KIND_ALIASES[alias]
    return None


def _data_lines(lines: Sequence[str]) -> Iterator[tuple[int, list[str]]]:
    for number, line in enumerate(lines, start=1):
        stripped = line.rstrip("\r\n")
        if not stripped.strip() or stripped.lstrip().startswith("#"):
            continue
        yield number, [cell.strip() for cell in stripped.split("\t")]


def _is_header(cells: Sequence[str]) -> bool:
    return bool(cells) and cells[0].lower() == "pattern"


def _detect_kind(lines: Sequence[str], source: str) -> Kind:
    kind = _kind_from_comments(lines)
    if kind is not None:
        return kind
    for _, cells in _data_lines(lines):
        header = tuple(cell.lower() for cell in cells if cell)
        if _is_header(cells) and header in _HEADERS:
            return _HEADERS[header]
        break
    raise DictionaryError(
        f"{source}: cannot tell the dictionary kind; add a '# kind: {'|'.join(KINDS)}' "
        "line or a header line such as 'pattern<TAB>country'"
    )


def _cell(cells: Sequence[str], index: int) -> str | None:
    value = cells[index] if index < len(cells) else ""
    return value or None


def _check_country(value: str | None, where: str) -> str | None:
    if value is None:
        return None
    code = value.upper()
    if not _COUNTRY_CODE.match(code):
        raise DictionaryError(f"{where}: country {value!r} is not a three-letter code")
    return code


def _check_sector(value: str | None, where: str) -> str | None:
    if value is None:
        return None
    code = value.upper()
    if code not in SECTORS:
        raise DictionaryError(f"{where}: sector {value!r} is not a PLOVER sector code")
    return code


def _entry(kind: Kind, cells: Sequence[str], cased: bool, where: str) -> Entry:
    if kind in ("countries", "demonyms"):
        country = _check_country(_cell(cells, 1), where)
        if country is None:
            raise DictionaryError(f"{where}: a {kind} row needs a country code")
        sector = _check_sector(_cell(cells, 2), where) if kind == "countries" else None
        return Entry(kind, country=country, sector=sector, cased=cased)
    if kind == "sectors":
        sector = _check_sector(_cell(cells, 1), where)  # None: a phrase naming no role
        strength = (_cell(cells, 2) or "strong").lower()
        if strength not in ("strong", "weak", "event", "counted"):
            raise DictionaryError(
                f"{where}: strength must be 'strong', 'weak', 'event' or 'counted'")
        if strength == "event" and sector is not None:
            raise DictionaryError(f"{where}: an 'event' word names no role: leave its sector empty")
        return Entry(kind, sector=sector, weak=strength in ("weak", "counted"), cased=cased,
                     event=strength == "event", counted=strength == "counted")
    name = _cell(cells, 1) or cells[0]
    country = _check_country(_cell(cells, 2), where)
    sector = _check_sector(_cell(cells, 3), where)
    years = None
    if kind == "people":
        years = _cell(cells, 4)
        _check_years(years, where)
        cased = False  # a person's name is never a pronoun
    return Entry(kind, country=country, sector=sector, name=name, cased=cased, years=years)


def held_in(years: str | None, date: str | None) -> bool | None:
    """Whether a role held in `years` ("2014-2022", "2019-", "2008") was held at `date`
    (ISO, "2020-05-01"); None when either is unknown."""
    if not years or not date or not date[:4].isdigit():
        return None
    first, _, last = years.partition("-")
    year = int(date[:4])
    if year < int(first):
        return False
    if not _ and year > int(first):  # a single year
        return False
    return not last or year <= int(last)


def _check_years(value: str | None, where: str) -> None:
    if value is not None and not _YEARS.match(value):
        raise DictionaryError(f"{where}: years {value!r} is not YYYY, YYYY-YYYY or YYYY-")


def parse_rows(text: str, source: str) -> tuple[Kind, list[Row]]:
    """Parse one dictionary file's text into rows (in file order)."""
    lines = text.splitlines()
    kind = _detect_kind(lines, source)
    rows: list[Row] = []
    for number, cells in _data_lines(lines):
        if _is_header(cells):
            continue
        where = f"{source}:{number}"
        key = pattern_key(cells[0])
        if not key:
            raise DictionaryError(f"{where}: empty pattern")
        if _cell(cells, 1) == "-":
            rows.append(Row(key, cells[0], None))
            continue
        rows.append(Row(key, cells[0], _entry(kind, cells, _is_cased(cells[0]), where)))
    return kind, rows


@functools.cache
def _shipped_rows() -> tuple[tuple[Kind, tuple[Row, ...]], ...]:
    folder = resources.files("newsdossier").joinpath("data").joinpath("actors")
    parsed = []
    for filename in SHIPPED_FILES:
        text = folder.joinpath(filename).read_text("utf-8")
        kind, rows = parse_rows(text, f"newsdossier/data/actors/{filename}")
        parsed.append((kind, tuple(rows)))
    return tuple(parsed)


def _read_user_file(path: str) -> tuple[Kind, list[Row]]:
    try:
        text = Path(path).read_text("utf-8")
    except OSError as exc:
        raise DictionaryError(f"{path}: {exc}") from exc
    return parse_rows(text, path)


@dataclass(frozen=True, slots=True)
class Surname:
    """The listed people who share a surname: their one country (None if several), words."""

    country: str | None
    words: frozenset[str]


def _surnames(entries: Mapping[tuple[str, ...], Entry]) -> dict[str, Surname]:
    countries: dict[str, set[str]] = {}
    words: dict[str, set[str]] = {}
    for key, entry in entries.items():
        if entry.kind != "people" or entry.country is None:
            continue
        surname = _surname(key, entry.country)
        if surname is not None:
            countries.setdefault(surname, set()).add(entry.country)
            words.setdefault(surname, set()).update(key)
    index: dict[str, Surname] = {}
    for surname, found in countries.items():
        other = entries.get((surname,))
        if other is not None and other.kind != "people":
            continue
        country = next(iter(found)) if len(found) == 1 else None
        index[surname] = Surname(country, frozenset(words[surname]))
    return index


def _surname(key: tuple[str, ...], country: str) -> str | None:
    """The family name of a listed name's key ("robert mugabe" -> "mugabe"), if usable."""
    words = list(key)
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    surname = words[0] if country in SURNAME_FIRST_COUNTRIES else words[-1]
    if len(surname) < 2 or surname in NOT_SURNAMES or not surname.replace("'", "").isalpha():
        return None
    return surname


class ActorDictionary:
    """Compiled patterns: a dict from normalised word tuples to their `Entry`."""

    def __init__(
        self, entries: Mapping[tuple[str, ...], Entry], country_names: Mapping[str, str]
    ) -> None:
        self._entries = dict(entries)
        self._country_names = dict(country_names)
        self.max_words = max((len(key) for key in self._entries), default=0)
        self._first_words: dict[frozenset[str], dict[str, int]] = {}
        self._surnames: dict[str, Surname] | None = None

    @classmethod
    def load(cls, extra_files: Sequence[str] = ()) -> ActorDictionary:
        """The shipped dictionaries, then each extra file in order (later rows win)."""
        sources: list[tuple[Kind, Sequence[Row]]] = list(_shipped_rows())
        sources.extend(_read_user_file(path) for path in extra_files)
        return cls.from_rows(sources)

    @classmethod
    def from_rows(cls, sources: Iterable[tuple[Kind, Sequence[Row]]]) -> ActorDictionary:
        entries: dict[tuple[str, ...], Entry] = {}
        names: dict[str, str] = {}
        for kind, rows in sources:
            for row in rows:
                if row.entry is None:
                    entries.pop(row.key, None)
                    continue
                entries[row.key] = row.entry
                if kind == "countries" and row.entry.country:
                    names.setdefault(row.entry.country, row.pattern)
        return cls(entries, names)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, pattern: object) -> bool:
        return isinstance(pattern, str) and pattern_key(pattern) in self._entries

    def get(self, words: tuple[str, ...]) -> Entry | None:
        """The entry bound to an already normalised word tuple."""
        return self._entries.get(words)

    def lookup(self, pattern: str) -> Entry | None:
        """The entry a pattern (any spelling) is bound to."""
        return self._entries.get(pattern_key(pattern))

    def first_words(self, kinds: frozenset[str]) -> dict[str, int]:
        """First word of every pattern of the given kinds -> the most words such a pattern has.

        Lets a caller scan text for names word by word without trying every n-gram.
        """
        cached = self._first_words.get(kinds)
        if cached is None:
            cached = {}
            for key, entry in self._entries.items():
                if entry.kind in kinds:
                    cached[key[0]] = max(cached.get(key[0], 0), len(key))
            self._first_words[kinds] = cached
        return cached

    def surname_country(self, word: str) -> str | None:
        """The one country of the listed people with this (normalised) surname, else None.

        None too when people of several countries share it ("kim", "khan"), when the word is
        bound to something other than a person ("jordan") or is a month or weekday ("may").
        """
        found = self._surname_index().get(word)
        return found.country if found is not None else None

    def surname_words(self, word: str) -> frozenset[str]:
        """Every word of the listed names that have this surname ("robert", "mugabe")."""
        found = self._surname_index().get(word)
        return found.words if found is not None else frozenset()

    def _surname_index(self) -> dict[str, Surname]:
        if self._surnames is None:
            self._surnames = _surnames(self._entries)
        return self._surnames

    def country_name(self, code: str | None) -> str | None:
        return self._country_names.get(code) if code else None

    def entry_ending(self, tokens: Sequence[Token]) -> Entry | None:
        """The entry of the longest pattern that ends with the last token, if any."""
        count = len(tokens)
        for size in range(min(self.max_words, count), 0, -1):
            window = tokens[count - size :]
            entry = self._entries.get(tuple(token.word for token in window))
            if entry is None:
                continue
            if not entry.cased or all(token.upper for token in window):
                return entry
        return None
