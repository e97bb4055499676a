"""Quantities stage: casualty figures, money and other counted things, read from the parse.

`QuantitiesStage` (registered as "quantities") scans the tokens once for number expressions,
reads their value, unit and what they count from the dependency parse, and appends a
`Quantity` per expression to `record.quantities`, sorted by start. `casualty_kind` maps a
quantity to "dead", "injured", "arrested", "displaced" or "missing" for the event coder.

Conventions, chosen for news reporting:

* Values are plain numbers: "13,000" → 13000, "1.5 million" → 1500000, "two dozen" → 24,
  "half a million" → 500000, "€3bn" → 3000000000 with unit "EUR".
* Hedges keep the stated figure and are not recorded: "at least 27", "about 50", "up to
  13,000" and "more than 1,000" are 27, 50, 13000 and 1000. The span includes the hedge.
* A range gives both its bounds, two quantities: "between 36 and 40" → 36 (the span of the
  whole range) and 40 (the span of the upper bound), "two or three" → 2 and 3; a scale or
  currency on the upper bound applies to both ("between $5 and $7 billion" → 5e9 and 7e9).
* Vague plurals are their unit, read as a lower bound: "dozens" 12, "scores of" 20,
  "hundreds" 100, "thousands" 1000, "millions" and "in the millions" 1000000, "tens of
  thousands" 10000, "hundreds of thousands" 100000. A vague figure is left out where the
  article states an exact figure of the same kind (the same casualty outcome, people, or
  counted noun): "dozens died" beside "12 were killed" adds nothing. "several" is 3: as a
  multiplier ("several hundred" → 300) always, on its own only when it counts people or a
  casualty outcome; "a few hundred" is 300.
* A stated zero is a figure: "no casualties were reported", "no one was hurt" → 0.
* Distances, heights, speeds and temperatures ("50 km north of", "160 km/h") are no figures
  the news counts and are left out; areas, weights, volumes and magnitudes stay.
* Units: ISO 4217 codes for money ("$" is USD, "US$" USD, "HK$" HKD, "£" GBP, ...),
  "percent" for percentages, a short unit name for measures ("km", "tonne", ...), else None.
  A rate right after the expression is appended: "50 detainees a day" → unit "per day",
  "$5 a day" → "USD per day".
* `what` is the counted noun as written (with its compounds, lower-cased unless a proper noun)
  followed by the casualty or damage outcome the parse attaches to it: "people killed",
  "civilians killed", "prisoners hanged", "apartments damaged", "wounded" (from "12 wounded"),
  "dead" (from a death toll). For money it is what the money is for when the parse says
  ("appeal", "aid"); for percentages and measures the "of" object ("population", "aid").
* The span runs from the hedge or currency symbol through the figure, its unit words and,
  when adjacent, the counted noun: "at least 27 people", "Dozens of people", "12 wounded".
  Tallies and tolls are read from their clause: "the death toll rose to 45" → what "dead",
  "the number of cases is 9" → "cases", "claimed 6,606 lives" → "lives lost".
* Skipped: years, dates, times and durations, ordinals, numbers inside names ("Resolution
  2254", "G7", "F-16", "Flight 370") or short quoted names and slogans ("one country, two
  systems"), labels ("page 5"), ages ("Putin, 66", "aged 11 to 75"), scores ("3-1"), phone
  numbers and runs of bare numbers (tables), and hyphenated modifiers ("16-year-old") other
  than sizes ("the 55-member union", "a 300-strong force"). Without a casualty outcome, a
  figure after "the"/"these"/"those" that no clause restricts counts a set the text already
  gave ("the two countries"), and one followed by the names it counts only counts a list
  ("a group of seven countries, Britain, France, …"). A lone "one" is an individual ("One
  MP said", "one of them was hurt") unless it is a casualty toll ("one person was killed")
  or one figure of a list ("14 civilians, five soldiers and one guard").
  A number the model did not tag as CARDINAL, MONEY, QUANTITY or PERCENT is kept only when
  the parse shows what it counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import registry
from .model import Quantity, Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from .model import Record
    from .settings import Settings

# --- vocabulary ----------------------------------------------------------------------------

_WORD_VALUES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
# Scales that multiply what precedes them within the same group ("two hundred", "two dozen").
_SMALL_SCALES = {"hundred": 100, "dozen": 12}
# Scales that close a group ("two hundred thousand", "1.5 million", "500 crore").
_BIG_SCALES = {
    "thousand": 1e3, "lakh": 1e5, "million": 1e6, "crore": 1e7, "billion": 1e9, "trillion": 1e12,
}  # fmt: skip
# Abbreviated scales, separate tokens after a figure ("$40m" → "$", "40", "m"); "m" and "b"
# are millions and billions only when money is named, otherwise "m" is metres.
_ABBREVIATED_SCALES = {
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "trn": 1e12,
}  # fmt: skip
_MONEY_ONLY_ABBREVIATIONS = frozenset({"m", "b"})
# Vague plurals and the unit they count in; the value is the unit, a lower bound ("millions"
# is at least a million).
_VAGUE_UNITS = {
    "dozens": 12, "scores": 20, "tens": 10, "hundreds": 100, "thousands": 1e3,
    "millions": 1e6, "billions": 1e9,
}  # fmt: skip
_VAGUE_NEEDS_OF = frozenset({"scores", "tens"})  # "scores" alone is usually about sport
_SCALE_WORDS = frozenset({*_SMALL_SCALES, *_BIG_SCALES})
_SEVERAL = 3.0
_STARTERS = frozenset({*_VAGUE_UNITS, "a", "an", "half", "several"})

_NUMBER_TOKEN = re.compile(
    r"(?P<cur>[A-Z]{0,3}\$|[€£¥₹₽₩₺₴₦₱₿])?"
    r"(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"
    r"(?P<scale>bn|mn|mln|tn|trn|k|m|b)?"
)

_DOLLAR_PREFIXES = {
    "": "USD", "US": "USD", "HK": "HKD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD",
    "CAN": "CAD", "CDN": "CAD", "NZ": "NZD", "S": "SGD", "R": "BRL", "NT": "TWD", "MX": "MXN",
}  # fmt: skip
_CURRENCY_SYMBOLS = {
    "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY",
    "₴": "UAH", "₦": "NGN", "₱": "PHP", "₿": "BTC", "rs": "INR", "rs.": "INR",
}  # fmt: skip
_CURRENCY_CODES = frozenset({
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "RUB", "CHF", "AUD", "CAD", "NZD", "HKD",
    "SGD", "TRY", "UAH", "KRW", "BRL", "ZAR", "NGN", "KES", "PKR", "EGP", "SAR", "AED", "ILS",
    "IRR", "SEK", "NOK", "DKK", "PLN", "MXN",
})  # fmt: skip
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "rouble": "RUB",
    "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "lira": "TRY", "hryvnia": "UAH",
    "hryvnias": "UAH", "sterling": "GBP",
}  # fmt: skip
_DOLLAR_ADJECTIVES = {"us": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD"}
_POUNDS = frozenset({"pound", "pounds"})  # money with a big scale, else weight

_MEASURE_UNITS = {
    "km": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
    "mile": "mile", "miles": "mile", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
    "m": "m", "tonne": "tonne", "tonnes": "tonne", "ton": "ton", "tons": "ton", "kg": "kg",
    "kilogram": "kg", "kilograms": "kg", "kilos": "kg", "hectare": "hectare",
    "hectares": "hectare", "acre": "acre", "acres": "acre", "barrel": "barrel",
    "barrels": "barrel", "litre": "litre", "litres": "litre", "liter": "litre",
    "liters": "litre", "gallon": "gallon", "gallons": "gallon", "feet": "ft", "ft": "ft",
    "mg": "mg", "ml": "ml", "°": "degree", "degrees": "degree", "mph": "mile per hour",
    "kph": "km per hour", "km/h": "km per hour", "magnitude": "magnitude",
}  # fmt: skip
_SQUARE_UNITS = {"km": "km2", "mile": "sq mile", "m": "m2"}
# Measures that place or describe rather than size what the news counts: distances,
# heights, speeds, temperatures. Areas, weights, volumes and magnitudes are kept.
_NOT_SIZES = frozenset({"km", "mile", "m", "ft", "km per hour", "mile per hour", "degree"})
_PERCENT_WORDS = frozenset({"%", "percent", "pct"})

# Hedges before a number, longest first; they widen the span and leave the value alone.
_HEDGES = frozenset({
    ("no", "fewer", "than"), ("no", "less", "than"), ("no", "more", "than"),
    ("not", "more", "than"), ("as", "many", "as"), ("as", "few", "as"), ("as", "much", "as"),
    ("in", "excess", "of"), ("at", "least"), ("at", "most"), ("up", "to"), ("more", "than"),
    ("less", "than"), ("fewer", "than"), ("close", "to"), ("upwards", "of"), ("just", "over"),
    ("just", "under"), ("well", "over"), ("an", "estimated"), ("nearly",), ("almost",),
    ("about",), ("around",), ("approximately",), ("roughly",), ("some",), ("over",),
    ("under",), ("estimated",),
})  # fmt: skip
_RANGE_WORDS = frozenset({"-", "–", "to", "or", "and"})
_RATE_DETERMINERS = frozenset({"a", "an", "per", "each", "every"})
_RATE_UNITS = frozenset({"hour", "day", "week", "month", "year"})

# Entity labels whose numbers belong to a name, never a count.
_NAME_LABELS = frozenset({
    "PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
    "LANGUAGE", "NORP",
})  # fmt: skip
_COUNT_LABELS = frozenset({"CARDINAL", "MONEY", "QUANTITY", "PERCENT"})
_TIME_LABELS = frozenset({"DATE", "TIME"})
_TIME_NOUNS = frozenset({
    "second", "minute", "hour", "day", "night", "week", "weekend", "fortnight", "month",
    "year", "decade", "century", "millennium", "morning", "afternoon", "evening", "time",
    "am", "pm", "a.m.", "p.m.", "o'clock", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})  # fmt: skip
_NOT_COUNTED = frozenset({
    *_TIME_NOUNS, "times", "half", "halves", "third", "thirds", "quarter", "quarters", "fifth",
    "fifths", "tenth", "tenths",
})  # fmt: skip
# Words before a number that make it a label or an identifier, not a count.
_LABEL_WORDS = frozenset({
    "page", "pages", "p.", "pp.", "section", "article", "chapter", "paragraph", "clause",
    "resolution", "flight", "route", "no.", "nos.", "number", "#", "room", "highway",
    "interstate", "platform", "gate", "item", "amendment", "vol.", "volume", "figure", "table",
    "level", "category", "grade", "phase", "round", "episode", "season", "apollo", "district",
    "ward", "bill", "unit", "block", "floor", "terminal", "exit", "line", "bus", "channel",
    "magnitude", "aged", "age", "version", "model", "code", "class", "call", "calling", "top",
    "rank", "ranked",
    "dial", "dialling", "dialing",
})  # fmt: skip
# Words after "N-" that make the figure a size: "the 55-member union", "a 300-strong force".
_SIZE_WORDS = frozenset({
    "member", "strong", "man", "nation", "country", "state", "seat", "vehicle", "ship",
    "vessel", "aircraft", "plane", "jet", "truck", "tank", "bed", "person",
})  # fmt: skip
# Determiners before a figure that point back to a set the text has given: "the two
# countries", "these five demands" are no new figure.
_DEFINITE = frozenset({"the", "these", "those"})
_AGE_WORDS = frozenset({"age", "ages", "aged"})
_STREET_WORDS = frozenset({"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd",
                           "lane", "ln", "drive", "dr", "way", "court", "ct", "place", "pl",
                           "terrace", "parkway", "pkwy"})
_FRACTIONS = frozenset({"half", "halves", "third", "thirds", "quarter", "quarters", "fifth",
                        "fifths", "tenth", "tenths"})
MAX_QUOTED_NAME_TOKENS = 6
_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
_PEOPLE_NOUNS = frozenset({
    "people", "person", "civilian", "soldier", "child", "woman", "man", "protester",
    "demonstrator", "officer", "policeman", "troop", "fighter", "militant", "rebel", "refugee",
    "migrant", "prisoner", "detainee", "hostage", "worker", "student", "resident",
    "journalist", "victim", "passenger", "casualty", "family", "member", "activist",
    "official", "patient", "pilgrim", "miner", "villager", "guard", "crew", "other",
})  # fmt: skip

# Outcome verbs whose object (or passive subject) is what is counted, as the word `what` uses.
_TRANSITIVE_OUTCOMES = {
    "kill": "killed", "murder": "murdered", "massacre": "massacred", "execute": "executed",
    "hang": "hanged", "behead": "beheaded", "slay": "slain", "shoot": "shot",
    "wound": "wounded", "injure": "injured", "hurt": "hurt", "maim": "maimed",
    "arrest": "arrested", "detain": "detained", "jail": "jailed", "imprison": "imprisoned",
    "capture": "captured", "abduct": "abducted", "kidnap": "kidnapped",
    "displace": "displaced", "evacuate": "evacuated", "rescue": "rescued",
    "hospitalise": "hospitalised", "hospitalize": "hospitalised", "deport": "deported",
    "release": "released", "free": "freed", "damage": "damaged", "destroy": "destroyed",
}  # fmt: skip
# Outcome verbs whose subject is what is counted.
_INTRANSITIVE_OUTCOMES = {
    "die": "dead", "perish": "dead", "drown": "drowned", "flee": "fled", "miss": "missing",
    "disappear": "missing",
}  # fmt: skip
# Predicate adjectives: "39 are confirmed dead", "30 remain missing", "left 12 dead".
_STATES = {
    "dead": "dead", "missing": "missing", "injured": "injured", "wounded": "wounded",
    "hurt": "hurt", "homeless": "homeless", "unaccounted": "missing", "deceased": "dead",
}  # fmt: skip
# A figure as the value of a tally: "the number of cases rose to 9", "deaths reached 50".
_TALLY_VERBS = frozenset({
    "be", "reach", "rise", "climb", "surpass", "exceed", "top", "hit", "stand", "increase",
    "jump", "grow", "pass", "total", "number",
})  # fmt: skip
_TALLY_NOUNS = frozenset({"number", "count", "total", "tally", "figure"})
# Nouns a stated zero counts: "no casualties", "no deaths were reported".
_ZERO_NOUNS = frozenset({"casualty", "death", "fatality", "injury", "victim", "arrest"})
_COUNTED_SUBJECTS = frozenset({
    "death", "casualty", "fatality", "injury", "case", "infection", "arrest", "victim",
})  # fmt: skip
_LIFE_TAKERS = frozenset({"claim", "cost", "take", "lose"})
_PREDICATE_DEPS = frozenset({"acomp", "oprd", "attr", "xcomp", "ccomp"})
_MODIFIER_DEPS = frozenset({"amod", "acl", "relcl", "appos"})

_CASUALTY_WORDS = {
    "killed": "dead", "dead": "dead", "murdered": "dead", "massacred": "dead",
    "executed": "dead", "hanged": "dead", "beheaded": "dead", "slain": "dead",
    "drowned": "dead", "deaths": "dead", "death": "dead", "fatalities": "dead",
    "bodies": "dead", "wounded": "injured", "injured": "injured", "hurt": "injured",
    "maimed": "injured", "hospitalised": "injured", "injuries": "injured",
    "arrested": "arrested", "detained": "arrested", "jailed": "arrested",
    "imprisoned": "arrested", "arrests": "arrested", "displaced": "displaced",
    "evacuated": "displaced", "fled": "displaced", "homeless": "displaced",
    "refugees": "displaced", "evacuees": "displaced", "missing": "missing",
    "deceased": "dead",
}  # fmt: skip


def casualty_kind(quantity: Quantity) -> str | None:
    """The casualty kind `what` names: dead, injured, arrested, displaced, missing or None.

    The outcome (the last word) decides; a bare noun such as "deaths" or "refugees" counts
    when there is no outcome. Abductions and "casualties" (dead and injured) give None.
    """
    if not quantity.what or quantity.unit not in (None, "per day", "per week"):
        return None
    words = quantity.what.lower().split()
    if words[-2:] in (["shot", "dead"], ["lives", "lost"]):
        return "dead"
    return _CASUALTY_WORDS.get(words[-1])


# --- reading a number expression -------------------------------------------------------------


@dataclass(slots=True)
class _Number:
    """Tokens [start, end) holding a figure, its value and the scale of its last words."""

    start: int
    end: int
    value: float
    scale: float = 1.0
    currency: str | None = None
    vague: bool = False
    upper: _Number | None = None  # a range's upper bound ("36 to 40": 40)
    # "noun": a lone "one" counts only with a counted noun or an outcome;
    # "people": a lone "several" only when it counts people or casualties.
    needs: str | None = None


@dataclass(slots=True)
class _Expression:
    number: _Number
    start: int  # first token of the span (hedge or currency)
    end: int  # token after the figure and its unit words
    unit: str | None = None
    kind: str = "count"  # "count", "money", "percent" or "measure"
    score: bool = False  # "3-1": a result, not a quantity


def _glued(doc: Doc, left: int) -> bool:
    """No whitespace between token `left` and the next one."""
    return not doc[left].whitespace_


def _digit_match(token: Token) -> re.Match[str] | None:
    if token.is_alpha:
        return None
    match = _NUMBER_TOKEN.fullmatch(token.text)
    if match and match["num"].startswith("0") and match["num"][1:2] not in ("", "."):
        return None  # "0958": an identifier, not a count
    return match


def _currency_of_prefix(prefix: str) -> str:
    if prefix.endswith("$"):
        return _DOLLAR_PREFIXES.get(prefix[:-1], prefix)
    return _CURRENCY_SYMBOLS[prefix]


def _currency_token(token: Token) -> str | None:
    """The currency a symbol or code token names ("$", "US$", "€", "USD", "Rs")."""
    text = token.text
    if text.endswith("$") and (text == "$" or text[:-1].isupper()):
        return _DOLLAR_PREFIXES.get(text[:-1], text)
    if text in _CURRENCY_CODES:
        return "CNY" if text == "RMB" else text
    return _CURRENCY_SYMBOLS.get(token.lower_)


def _money_before(doc: Doc, index: int) -> bool:
    return index > 0 and _currency_token(doc[index - 1]) is not None


def _is_scale(doc: Doc, i: int) -> bool:
    return i < len(doc) and (doc[i].lower_ in _SMALL_SCALES or doc[i].lower_ in _BIG_SCALES)


def _read_words(doc: Doc, i: int) -> tuple[int, float] | None:
    """Number words below a hundred from token `i`: "twelve", "twenty-one"."""
    value, end = 0.0, i
    while end < len(doc) and doc[end].lower_ in _WORD_VALUES:
        value += _WORD_VALUES[doc[end].lower_]
        end += 1
        hyphen = end + 1 < len(doc) and doc[end].text == "-" and _glued(doc, end - 1)
        if not (hyphen and _glued(doc, end) and doc[end + 1].lower_ in _WORD_VALUES):
            break
        end += 1
    return (end, value) if end > i else None


def _and_words(doc: Doc, i: int) -> tuple[int, float] | None:
    """ "and fifty" after a scale word, unless it starts a second figure ("and two hundred")."""
    if i + 1 >= len(doc) or doc[i].lower_ != "and" or doc[i - 1].lower_ not in _SCALE_WORDS:
        return None
    words = _read_words(doc, i + 1)
    if words is None or _is_scale(doc, words[0]):
        return None
    return words


def _apply_scales(doc: Doc, i: int, current: float, money: bool) -> tuple[int, float, float]:
    """Consume scale words after a figure; returns (next index, value, product of scales)."""
    total, scale = 0.0, 1.0
    while i < len(doc):
        low = doc[i].lower_
        if low in _SMALL_SCALES:
            current, scale = current * _SMALL_SCALES[low], scale * _SMALL_SCALES[low]
        elif low in _BIG_SCALES:
            total += current * _BIG_SCALES[low]
            current, scale = 0.0, scale * _BIG_SCALES[low]
        elif low in _ABBREVIATED_SCALES and _glued(doc, i - 1) and scale == 1.0:
            if low in _MONEY_ONLY_ABBREVIATIONS and not money:
                break
            current, scale = current * _ABBREVIATED_SCALES[low], _ABBREVIATED_SCALES[low]
        elif (words := _and_words(doc, i)) is not None:
            i, added = words
            current += added
            continue
        else:
            break
        i += 1
    return i, total + current, scale


def _read_vague(doc: Doc, i: int) -> _Number | None:
    """ "dozens", "tens of thousands", "hundreds of thousands": their unit, a lower bound."""
    low = doc[i].lower_
    value, end = _VAGUE_UNITS[low], i + 1
    while end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].lower_ in _VAGUE_UNITS:
        value *= _VAGUE_UNITS[doc[end + 1].lower_]
        end += 2
    followed_by_of = end < len(doc) and doc[end].lower_ == "of"
    if (low in _VAGUE_NEEDS_OF and not followed_by_of) or (low == "tens" and end == i + 1):
        return None  # "scores" alone is sport; "tens of" must go on to "thousands"
    return _Number(i, end, value, vague=True)


def _read_digits(doc: Doc, i: int, match: re.Match[str]) -> _Number | None:
    prefix, suffix = match["cur"], match["scale"]
    value = float(match["num"].replace(",", ""))
    currency = _currency_of_prefix(prefix) if prefix else None
    money = currency is not None or _money_before(doc, i)
    scale = 1.0
    if suffix:
        if suffix in _MONEY_ONLY_ABBREVIATIONS and not money:
            return None  # "40m" glued into one token: nothing we can read
        value, scale = value * _ABBREVIATED_SCALES[suffix], _ABBREVIATED_SCALES[suffix]
    end, value, more = _apply_scales(doc, i + 1, value, money)
    return _Number(i, end, value, scale * more, currency)


def _read_word_number(doc: Doc, i: int) -> _Number | None:
    low = doc[i].lower_
    needs = None
    if low in ("a", "an") and _is_scale(doc, i + 1):
        seed, first = 1.0, i + 1
    elif low == "half" and i + 2 < len(doc) and doc[i + 1].lower_ in ("a", "an"):
        if not _is_scale(doc, i + 2):
            return None
        seed, first = 0.5, i + 2
    elif low == "a" and doc[i + 1 : i + 2].text == "few" and _is_scale(doc, i + 2):
        seed, first = _SEVERAL, i + 2  # "a few hundred"
    elif low == "several":
        seed, first = _SEVERAL, i + 1
        needs = None if _is_scale(doc, i + 1) else "people"
    else:
        words = _read_words(doc, i)
        if words is None:
            return None
        first, seed = words
        needs = "noun" if low == "one" and first == i + 1 and not _is_scale(doc, first) else None
    end, value, scale = _apply_scales(doc, first, seed, _money_before(doc, i))
    return _Number(i, end, value, scale, needs=needs)


def _read_number(doc: Doc, i: int) -> _Number | None:
    """The figure starting at token `i`, if one does."""
    if doc[i].lower_ in _VAGUE_UNITS:
        return _read_vague(doc, i)
    if match := _digit_match(doc[i]):
        return _read_digits(doc, i, match)
    return _read_word_number(doc, i)


# --- ranges, units and hedges ----------------------------------------------------------------


def _word_before(doc: Doc, start: int) -> str:
    """The word before a figure, looking past a currency symbol ("between US$300")."""
    k = start - 1
    if k >= 0 and _currency_token(doc[k]) is not None:
        k -= 1
    return doc[k].lower_ if k >= 0 else ""


def _read_range(doc: Doc, first: _Number) -> tuple[_Number, bool]:
    """Join "36 to 40" / "between 36 and 40" / "36-40" / "two or three" into the lower bound.

    Returns the (possibly widened) number and whether it is a score such as "3-1".
    """
    j = first.end
    if first.vague or j + 1 >= len(doc) or doc[j].lower_ not in _RANGE_WORDS:
        return first, False
    joiner = doc[j].lower_
    second_at = j + 2 if j + 2 < len(doc) and _currency_token(doc[j + 1]) else j + 1
    second = _read_number(doc, second_at)  # "between $5 and $7 billion"
    if second is None or second.vague:
        return first, False
    before = _word_before(doc, first.start)
    if (joiner == "and" and before != "between") or (joiner == "to" and before == "from"):
        return first, False
    low = first.value * second.scale if first.scale == 1.0 else first.value
    if second.value <= low:
        hyphen = joiner in ("-", "–") and _glued(doc, j - 1) and _glued(doc, j)
        return first, hyphen
    currency = first.currency or second.currency
    if second_at != j + 1:  # the upper bound's span takes its currency symbol
        second = _Number(j + 1, second.end, second.value, second.scale, second.currency)
    return _Number(first.start, second.end, low, second.scale, currency, upper=second), False


def _currency_after(doc: Doc, i: int, scale: float) -> tuple[int, str] | None:
    """A currency word or code at token `i` ("dollars", "US dollars", "USD")."""
    if i >= len(doc):
        return None
    token = doc[i]
    low = token.lower_
    next_low = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    if low in _DOLLAR_ADJECTIVES and next_low in ("dollar", "dollars"):
        return i + 2, _DOLLAR_ADJECTIVES[low]
    if token.text in _CURRENCY_CODES:
        return i + 1, "CNY" if token.text == "RMB" else token.text
    if low in _CURRENCY_WORDS:
        return i + 1, _CURRENCY_WORDS[low]
    if low in _POUNDS and scale >= 1e6:
        return (i + 2 if next_low == "sterling" else i + 1), "GBP"
    return None


def _unit_after(doc: Doc, i: int) -> tuple[int, str, str] | None:
    """A percent sign or measure unit at token `i`: (next index, unit, kind)."""
    if i >= len(doc):
        return None
    low = doc[i].lower_
    next_low = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    if doc[i].is_space and i + 1 < len(doc):  # "250\xa0ft"
        return _unit_after(doc, i + 1)
    if low in _PERCENT_WORDS:
        return i + 1, "percent", "percent"
    if low == "per" and next_low == "cent":
        return i + 2, "percent", "percent"
    if low in ("square", "sq") and _MEASURE_UNITS.get(next_low) in _SQUARE_UNITS:
        return i + 2, _SQUARE_UNITS[_MEASURE_UNITS[next_low]], "measure"
    if low not in _MEASURE_UNITS:
        return None
    per_hour = doc[i + 1 : i + 3].text == "/h" and _glued(doc, i) and _glued(doc, i + 1)
    if per_hour:
        return i + 3, f"{_MEASURE_UNITS[low]} per hour", "measure"  # "160 km/h"
    return i + 1, _MEASURE_UNITS[low], "measure"


def _hedge_start(doc: Doc, start: int) -> int:
    for length in (3, 2, 1):
        if start >= length:
            words = tuple(doc[k].lower_ for k in range(start - length, start))
            if words in _HEDGES:
                return start - length
    return start


def _money(doc: Doc, number: _Number) -> tuple[int, int, str] | None:
    """(span start, span end, currency) when the figure is a sum of money."""
    if number.currency is not None:
        return number.start, number.end, number.currency
    if number.start > 0 and (symbol := _currency_token(doc[number.start - 1])):
        return number.start - 1, number.end, symbol
    after = number.end
    if number.vague and after < len(doc) and doc[after].lower_ == "of":
        after += 1  # "millions of dollars"
    found = _currency_after(doc, after, number.scale)
    return (number.start, found[0], found[1]) if found else None


def _read_expression(doc: Doc, i: int) -> _Expression | None:
    first = _read_number(doc, i)
    if first is None:
        return None
    number, score = _read_range(doc, first)
    expression = _Expression(number, number.start, number.end, score=score)
    if money := _money(doc, number):
        start, expression.end, expression.unit = money
        expression.start, expression.kind = min(start, expression.start), "money"
    if number.end != first.end and doc[first.end].lower_ == "and":
        expression.start -= 1  # "between"
    elif unit := _unit_after(doc, number.end):
        expression.end, expression.unit, expression.kind = unit
    expression.start = _hedge_start(doc, expression.start)
    return expression


# --- what is counted ---------------------------------------------------------------------------


def _anchor(doc: Doc, expression: _Expression) -> Token:
    """The token of the figure and its unit words whose head lies outside them."""
    start, end = expression.number.start, expression.end
    for k in range(end - 1, start - 1, -1):
        head = doc[k].head.i
        if head < start or head >= end or head == k:
            return doc[k]
    return doc[end - 1]


def _of_object(token: Token) -> Token | None:
    """The noun in "<token> of (the) <noun>", if the parse has one."""
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ != "pobj":
                    continue
                if grandchild.pos_ in ("NOUN", "PROPN") or grandchild.lower_ in _STATES:
                    return grandchild  # "of the people", "of the dead"
    return None


def _counted_noun(anchor: Token, expression: _Expression) -> Token | None:
    """The noun the figure counts: its head noun to the right, or an "of" object."""
    head = anchor.head
    modifies = anchor.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod")
    if modifies and head.i >= expression.end and head.pos_ in ("NOUN", "PROPN"):
        return (_of_object(head) or head) if head.lower_ == "head" else head  # head of cattle
    if expression.number.needs == "noun":
        return None  # "one of the largest cities" does not count cities
    return _of_object(anchor) or _tally_subject(_holder(anchor, None))


def _holder(anchor: Token, counted: Token | None) -> Token:
    """The token standing for the counted phrase in its clause."""
    if counted is not None and counted.i == anchor.head.i:
        return counted
    if anchor.head.lower_ == "more" and anchor.head.i > anchor.i:
        return anchor.head  # "injured at least 50 more"
    return anchor


def _predicate_verb(holder: Token) -> Token | None:
    """The verb a figure is the value of: "is 39", "reached 50", "rose to 45", "stands at 45"."""
    if holder.dep_ in ("attr", "dobj"):
        return holder.head
    if holder.dep_ == "pobj" and holder.head.lower_ in ("to", "at"):
        return holder.head.head
    return None


def _tally_subject(holder: Token) -> Token | None:
    """What a tally counts: "deaths reached 50" → deaths, "the number of cases is 9" → cases."""
    verb = _predicate_verb(holder)
    if verb is None or verb.lemma_ not in _TALLY_VERBS:
        return None
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if child.lemma_ in _TALLY_NOUNS:
            return _of_object(child)
        return child if child.lemma_ in _COUNTED_SUBJECTS else None
    return None


def _noun_text(noun: Token, after: int) -> str:
    """The noun with its compounds, lower-cased unless a name; tokens before `after` excluded."""
    words = [c for c in noun.lefts if c.dep_ == "compound" and c.i >= after]
    words = [c for c in words if c.pos_ in ("NOUN", "PROPN")]
    return " ".join(w.text if w.pos_ == "PROPN" else w.lower_ for w in [*words, noun])


def _state_child(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ in _PREDICATE_DEPS and child.lower_ in _STATES:
            return _STATES[child.lower_]
    return None


def _has_object(verb: Token) -> bool:
    return any(child.dep_ == "dobj" for child in verb.children)


def _verb_outcome(verb: Token, role: str) -> str | None:
    """The outcome `verb` gives its subject ("passive"/"active") or object ("object")."""
    state = _state_child(verb)
    if state is not None and (role != "active" or not _has_object(verb)):
        return state  # "were shot dead", "remain missing", "left 12 people dead"
    if verb.pos_ == "ADJ":
        return _STATES.get(verb.lower_)
    lemma = verb.lemma_.lower()
    if lemma in _TRANSITIVE_OUTCOMES:
        # An active verb without an object is a headline passive: "Thousands displaced".
        headline = role == "active" and verb.tag_ in ("VBN", "VBD") and not _has_object(verb)
        return _TRANSITIVE_OUTCOMES[lemma] if role != "active" or headline else None
    if role != "active":
        return None
    if lemma in _INTRANSITIVE_OUTCOMES:
        return _INTRANSITIVE_OUTCOMES[lemma]
    if lemma == "lose" and any(c.lemma_ == "life" for c in verb.children):
        return "dead"
    return None


def _modifier_outcome(token: Token) -> str | None:
    """ "12 wounded", "Dozens dead", "four people injured", "survivors who were injured"."""
    for child in token.children:
        if child.dep_ not in _MODIFIER_DEPS:
            continue
        if child.lower_ in _STATES:
            return _STATES[child.lower_]
        passive = child.tag_ == "VBN" and child.dep_ != "relcl"
        passive = passive or any(c.dep_ in ("nsubjpass", "auxpass") for c in child.children)
        outcome = _verb_outcome(child, "passive" if passive else "active")
        if outcome is not None:
            return outcome
    return None


def _toll_outcome(holder: Token) -> str | None:
    """A figure given as a death toll: "a death toll of 39", "the toll rose to 45"."""
    governor = holder.head.head if holder.dep_ == "pobj" else holder.head
    subjects = (c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass"))
    for token in (governor, *subjects):
        if token.lemma_ == "toll" and token.i != holder.i:
            compounds = {c.lower_ for c in token.children if c.dep_ == "compound"}
            return "dead" if not compounds or compounds & {"death", "casualty"} else None
    return None


def _clause_slot(slot: Token) -> Token:
    """Where the counted phrase sits in its clause: up through conjuncts and "a total of"."""
    while slot.dep_ == "conj" and slot.head.pos_ in ("NOUN", "PROPN", "NUM"):
        slot = slot.head
    if slot.dep_ == "pobj" and slot.head.lower_ == "of" and slot.head.head.lemma_ == "total":
        slot = slot.head.head
    return slot


_ROLES = {"nsubjpass": "passive", "nsubj": "active", "dobj": "object"}


def _outcome(anchor: Token, counted: Token | None) -> str | None:
    """The casualty or damage outcome the parse attaches to the counted phrase."""
    if anchor.head.pos_ == "ADJ" and anchor.head.lower_ in _STATES:
        return _STATES[anchor.head.lower_]  # "left 12 dead"
    holder = _holder(anchor, counted)
    for token in dict.fromkeys(t for t in (holder, anchor, counted) if t is not None):
        if (found := _modifier_outcome(token)) is not None:
            return found
    slot = _clause_slot(holder)
    verb = slot.head.head if slot.head.dep_ in ("aux", "auxpass") else slot.head  # "40 are missing"
    if slot.dep_ in _ROLES and (found := _verb_outcome(verb, _ROLES[slot.dep_])):
        return found
    if slot.dep_ == "dobj" and slot.lemma_ == "life" and slot.head.lemma_ in _LIFE_TAKERS:
        return "lost"  # "claimed 3,000 lives"
    return _toll_outcome(holder)


def _purpose(doc: Doc, expression: _Expression, counted: Token | None) -> Token | None:
    """What money is for: the noun it modifies, or the "in"/"for" object after the sum."""
    if counted is not None and counted.lower_ not in _CURRENCY_WORDS:
        return counted
    for k in range(expression.number.start, expression.end):
        for child in doc[k].rights:
            if child.dep_ == "prep" and child.lower_ in ("in", "for", "of"):
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj" and grandchild.pos_ == "NOUN":
                        return grandchild
    return None


# --- what is not a count -------------------------------------------------------------------------


def _is_bare_figure(token: Token) -> bool:
    return token.like_num and not token.is_alpha


def _label_before(doc: Doc, start: int, anchor: Token) -> bool:
    """ "page 5", "Resolution 2254", "Su-24", "Putin, 66", or a run of bare numbers."""
    previous = doc[start - 1]
    if previous.lower_ in _LABEL_WORDS or _is_bare_figure(previous):
        return True
    if previous.text in ("-", "–") and _glued(doc, start - 1) and start > 1:
        return doc[start - 2].is_alpha and _glued(doc, start - 2)
    if previous.pos_ == "PROPN" and not previous.ent_type_ and doc[start].is_digit:
        return True  # "Falcon 9 rocket", "HR 6819", "Area 51"
    head = anchor.head
    return (
        head.i < start
        and head.pos_ in ("NOUN", "PROPN")
        and doc[start].is_digit
        and (anchor.dep_ in ("nummod", "appos", "compound", "npadvmod", "nmod"))
    )


def _modifier_after(doc: Doc, end: int) -> bool:
    """ "16-year-old", "6.4-magnitude", or a bare number right after; not a size ("the
    55-member union", "a 300-strong force")."""
    following = doc[end]
    if _is_bare_figure(following):
        return True
    return _hyphened(doc, end) and not _sized(doc, end)


def _hyphened(doc: Doc, end: int) -> bool:
    """A hyphen and a word glued to the figure ending before `end` ("16-year")."""
    following = doc[end]
    hyphen = following.text in ("-", "–") and _glued(doc, end - 1) and end + 1 < len(doc)
    return hyphen and doc[end + 1].is_alpha and _glued(doc, end)


def _sized(doc: Doc, end: int) -> bool:
    """ "55-member", "300-strong", "12-nation": a figure sizing what follows."""
    return _hyphened(doc, end) and doc[end + 1].lower_ in _SIZE_WORDS


def _is_identifier(doc: Doc, expression: _Expression, anchor: Token) -> bool:
    start, end = expression.number.start, expression.number.end
    if expression.kind != "count" or expression.start != start:
        return False  # money, percentages, measures and hedged figures are never labels
    if start > 0 and _label_before(doc, start, anchor):
        return True
    return end < len(doc) and _modifier_after(doc, end)


def _is_year(doc: Doc, expression: _Expression, counted: Token | None) -> bool:
    number = expression.number
    if number.end - number.start != 1 or expression.kind != "count":
        return False
    token = doc[number.start]
    if not (token.is_digit and len(token.text) == 4 and 1000 <= int(token.text) <= 2100):
        return False
    return counted is None or counted.tag_ != "NNS" or token.ent_type_ in _TIME_LABELS


def _label(doc: Doc, number: _Number) -> str:
    for k in range(number.start, number.end):
        if doc[k].ent_type_:
            return doc[k].ent_type_
    return ""


def _not_counted(counted: Token | None) -> bool:
    """Durations, dates, multiples and fractions: "three years", "2.6 times", "two thirds"."""
    if counted is None:
        return False
    return counted.lemma_.lower() in _TIME_NOUNS or counted.lower_ in _NOT_COUNTED


def _rejected(
    doc: Doc, expression: _Expression, anchor: Token, counted: Token | None, outcome: str | None
) -> bool:
    label = _label(doc, expression.number)
    if expression.score or label in _NAME_LABELS or _not_counted(counted):
        return True
    if _is_identifier(doc, expression, anchor) or _is_year(doc, expression, counted):
        return True
    if label in _TIME_LABELS and counted is None and outcome is None:
        return True
    if _ages(doc, expression) or _in_a_quoted_name(doc, expression):
        return True
    if counted is None and outcome is None and _age_of_a_person(anchor):
        return True  # "when she was 57"
    if expression.kind == "measure" and expression.unit in _NOT_SIZES:
        return True  # "50 km north of the city", "160 km/h", "450°F"
    if _address(counted) or _fraction_after(doc, expression.number.end):
        return True  # "619 Waddell Avenue", "two thirds"
    if outcome is None and expression.kind == "count" and (
            _refers_back(doc, expression, counted) or _counts_a_list(counted)):
        return True
    needs = expression.number.needs
    if needs == "people":
        return outcome is None and (counted is None or counted.lemma_ not in _PEOPLE_NOUNS)
    if needs == "noun":
        return _one_is_no_figure(doc, expression, anchor, counted, outcome)
    known = label in _COUNT_LABELS or expression.unit is not None
    return not known and counted is None and outcome is None


def _address(counted: Token | None) -> bool:
    """ "619 Waddell Avenue": a house number."""
    return counted is not None and counted.pos_ == "PROPN" and \
        counted.lower_.rstrip(".") in _STREET_WORDS


def _fraction_after(doc: Doc, end: int) -> bool:
    """ "two thirds", "three quarters": a fraction, not a count."""
    return end < len(doc) and doc[end].lower_ in _FRACTIONS


def _one_is_no_figure(doc: Doc, expression: _Expression, anchor: Token,
                      counted: Token | None, outcome: str | None) -> bool:
    """A lone "one" names an individual ("One MP said", "shot at one person", "one of them
    was hurt"), unless it stands in a list of figures ("14 civilians, five soldiers and one
    guard") or is a casualty toll ("one person was killed")."""
    if expression.start > 0 and doc[expression.start - 1].pos_ == "DET":
        return True  # "the one thing"
    if _in_a_list_of_figures(counted or anchor):
        return False
    partitive = any(c.dep_ == "prep" and c.lower_ == "of" for c in anchor.children)
    return outcome is None or partitive


def _in_a_list_of_figures(token: Token) -> bool:
    """A counted phrase coordinated with another counted phrase."""
    def counted(word: Token) -> bool:
        return any(c.dep_ == "nummod" for c in word.children)

    if token.dep_ == "conj" and counted(token.head):
        return True
    return any(c.dep_ == "conj" and counted(c) for c in token.children)


def _refers_back(doc: Doc, expression: _Expression, counted: Token | None) -> bool:
    """ "the two countries", "one of the five demands": a set the text already gave; not
    "the 2.8 million who voted" (a clause says which), "in the millions", "the 55-member
    union"."""
    start = expression.start
    if start == 0 or doc[start - 1].lower_ not in _DEFINITE or expression.number.vague:
        return False
    if _sized(doc, expression.number.end):
        return False
    phrase = [*doc[expression.number.start: expression.end], *([counted] if counted else [])]
    return not any(c.dep_ in ("relcl", "acl") for t in phrase for c in t.children)


def _counts_a_list(counted: Token | None) -> bool:
    """ "a group of seven countries, the United Kingdom, France, …": the figure only counts
    the names the sentence lists."""
    if counted is None:
        return False
    return any(c.dep_ in ("conj", "appos") and c.pos_ == "PROPN"
               and not any(g.dep_ == "nummod" for g in c.children) for c in counted.children)


def _ages(doc: Doc, expression: _Expression) -> bool:
    """ "ranging in age from 11 to 75", "aged between 20 and 30": ages, not counts."""
    sentence_start = doc[expression.number.start].sent.start
    for k in range(expression.number.start - 1, max(sentence_start, expression.start - 8) - 1,
                   -1):
        token = doc[k]
        if token.lower_ in _AGE_WORDS:
            return True
        if not (token.like_num or token.lower_ in ("in", "from", "to", "between", "and",
                                                   "of", "ranging", "ranged", "-", "–")):
            return False
    return False


def _age_of_a_person(anchor: Token) -> bool:
    """ "when I was eight", "she was about 57": a bare figure predicated of a person."""
    if anchor.dep_ not in ("attr", "acomp") or anchor.head.lemma_ != "be":
        return False
    return any(c.dep_ == "nsubj" and (c.lower_ in ("i", "he", "she") or c.ent_type_ == "PERSON")
               for c in anchor.head.children)


def _in_a_quoted_name(doc: Doc, expression: _Expression) -> bool:
    """A figure inside a short quotation that is a name or a slogan: "the 'one country, two
    systems' model", "the 'Group of 20'"."""
    sentence = doc[expression.number.start].sent
    before = [t.i for t in doc[sentence.start: expression.number.start] if t.text in _QUOTES]
    after = [t.i for t in doc[expression.number.end: sentence.end] if t.text in _QUOTES]
    if len(before) % 2 == 0 or not after:
        return False
    opening, closing = before[-1], after[0]
    return closing - opening - 1 <= MAX_QUOTED_NAME_TOKENS


# --- the stage -------------------------------------------------------------------------------


def _may_start(token: Token) -> bool:
    """Cheap test before any reading: digits, number words, vague plurals, "a"/"several"."""
    if token.like_num:
        return True
    if token.lower_ in _STARTERS:
        return True
    return not token.is_alpha and any(ch.isdigit() for ch in token.text)


def _span_end(doc: Doc, expression: _Expression, anchor: Token, counted: Token | None) -> int:
    """The token after the span: the counted noun and an adjacent outcome word join it."""
    end = expression.end
    if counted is not None and counted.i >= end and counted.i - end <= 4:
        between = doc[end : counted.i]
        if all(t.head.i in (counted.i, t.i + 1) or t.lower_ == "of" for t in between):
            end = counted.i + 1
    state = doc[end] if end < len(doc) and doc[end].lower_ in _STATES else None
    if state is not None and (state.head.i < end or state.i == anchor.head.i):
        end += 1  # "12 wounded", "Dozens dead", "left 12 dead"
    return end


def _rate(doc: Doc, end: int) -> tuple[int, str] | None:
    """ "a day", "per week" at token `end`."""
    if end + 1 >= len(doc) or doc[end].lower_ not in _RATE_DETERMINERS:
        return None
    unit = doc[end + 1].lower_
    return (end + 2, f"per {unit}") if unit in _RATE_UNITS else None


def _what(noun: Token | None, outcome: str | None, after: int) -> str | None:
    parts = [_noun_text(noun, after) if noun is not None else None, outcome]
    return " ".join(p for p in parts if p) or None


@dataclass(slots=True)
class _Reading:
    """A quantity with what the stage knows of it: vague ("dozens") and the kind it counts
    (a casualty outcome, "people", or the counted noun)."""

    quantity: Quantity
    vague: bool
    kind: str | None


def _readings(doc: Doc, text: str, expression: _Expression) -> list[_Reading]:
    """The quantity an expression states; a range states two, its bounds."""
    anchor = _anchor(doc, expression)
    counted = _counted_noun(anchor, expression)
    outcome = _outcome(anchor, counted) if expression.kind == "count" else None
    if _rejected(doc, expression, anchor, counted, outcome):
        return []
    noun = _purpose(doc, expression, counted) if expression.kind == "money" else counted
    end = _span_end(doc, expression, anchor, counted)
    unit = expression.unit
    if (rate := _rate(doc, end)) is not None:
        end, per = rate
        unit = f"{unit} {per}" if unit else per
    last = doc[end - 1]
    end_char = last.idx + len(last.text)
    what = _what(noun, outcome, expression.end)
    kind = _kind(counted, outcome)
    number = expression.number
    bounds = [(doc[expression.start].idx, number.value)]
    if number.upper is not None:
        bounds.append((doc[number.upper.start].idx, number.upper.value))
    return [_Reading(Quantity(value, Span(start, end_char, text[start:end_char]), unit, what),
                     number.vague, kind) for start, value in bounds]


def _kind(counted: Token | None, outcome: str | None) -> str | None:
    """What a figure counts, coarsely: the casualty outcome, "people", or the noun."""
    if outcome is not None:
        return "dead" if outcome == "lost" else _CASUALTY_WORDS.get(outcome, outcome)
    if counted is None:
        return None
    if counted.lemma_.lower() in _PEOPLE_NOUNS or counted.pos_ == "PROPN":
        return "people"  # "protesters", "Taliban"
    return counted.lemma_.lower()


_ZERO_WORDS = re.compile(r"\b(?:no|nobody|none)\b", re.IGNORECASE)


def _zero_counts(doc: Doc, text: str) -> list[_Reading]:
    """Stated zero counts: "no casualties were reported", "no one was hurt"."""
    found: list[_Reading] = []
    for match in _ZERO_WORDS.finditer(text):  # not a walk over every token: a hot path
        words = doc.char_span(match.start(), match.end())
        if words is None or len(words) != 1:
            continue
        token = words[0]
        what: str | None = None
        end = token.i + 1
        if token.lower_ == "no" and end < len(doc) and doc[end].lemma_.lower() in _ZERO_NOUNS:
            what, end = doc[end].lower_, end + 1
        else:
            if token.lower_ == "no" and end < len(doc) and doc[end].lower_ == "one":
                end += 1
            subject = doc[end - 1]
            verb = subject.head if subject.dep_ in ("nsubj", "nsubjpass") else None
            outcome = _verb_outcome(verb, "passive" if subject.dep_ == "nsubjpass"
                                    else "active") if verb is not None else None
            if outcome is not None and token.lower_ != "none":
                what = f"people {outcome}"
        if what is not None:
            start = token.idx
            last = doc[end - 1]
            stop = last.idx + len(last.text)
            found.append(_Reading(Quantity(0.0, Span(start, stop, text[start:stop]), None, what),
                                  False, None))
    return found


def find_quantities(doc: Doc, text: str) -> list[Quantity]:
    """Every counted quantity in `doc` (whose text is `text`), sorted by start. A vague
    figure ("dozens died") is left out where the article states an exact one of the same
    kind ("12 were killed"): it adds nothing but doubt."""
    readings: list[_Reading] = []
    i, n = 0, len(doc)
    while i < n:
        expression = _read_expression(doc, i) if _may_start(doc[i]) else None
        if expression is None:
            i += 1
            continue
        readings.extend(_readings(doc, text, expression))
        i = max(expression.number.end, i + 1)
    readings.extend(_zero_counts(doc, text))
    exact = {r.kind for r in readings if not r.vague and r.kind is not None}
    found = [r.quantity for r in readings if not (r.vague and r.kind in exact)]
    found.sort(key=lambda q: (q.span.start, q.span.end))
    return found


class QuantitiesStage:
    """Appends a Quantity for every casualty figure, sum of money and other count."""

    name = "quantities"

    def __call__(self, doc: Doc, record: Record) -> None:
        text = record.article.text  # == doc.text, which spaCy rebuilds on every access
        record.quantities.extend(find_quantities(doc, text))
        record.quantities.sort(key=lambda q: (q.span.start, q.span.end))


@registry.stages.register("quantities")
def make_quantities_stage(settings: Settings, nlp: Language) -> QuantitiesStage:
    """The "quantities" stage; needs nothing from the settings or the model beyond the parse."""
    return QuantitiesStage()
