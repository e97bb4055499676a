"""Date resolution: time expressions in news text → calendar values.

`DateResolver.resolve` turns an expression ("last Friday", "two weeks ago", "March 3, 2019")
into a `ResolvedDate` against the article's publication date. Fast, anchored rules cover the
forms news uses; dateparser is only consulted for absolute dates in formats the rules do not
know ("03/04/2019", "Jan 4 2019 10:00 GMT"). Conventions, chosen for news reporting:

* A bare weekday is the most recent such day on or before publication ("Monday" published on
  a Monday is that day); "last X" is strictly before, "next X"/"coming X" strictly after, and
  "this X" is that day of the publication week (weeks run Monday–Sunday).
* A month without a year ("in February", "March 3") is in the most recent such month not after
  the publication month, so the same month as publication means this year.
* Week values are the Monday of the week. "the past week" is the calendar week holding most of
  the seven days before publication (the week of publication minus four days).
* Weekends resolve to their Saturday with granularity "day": "last weekend" is the weekend
  before the publication week, a bare "weekend" the most recent Saturday on or before
  publication.
* Durations, frequencies, decades, ranges and anything relative to another event ("two weeks",
  "daily", "the 1990s", "the next day") resolve to None, as do relative expressions when there
  is no full publication date.

`DatesStage` (registered as "dates") records every DATE entity plus relative expressions the
model missed as `DateMention`s, less bare numbers that are no year in context (a label:
"resolution 2259", "Act No. 7966"; a clock time: "1800 UTC"; a year out of reach);
`date_for_span` finds the date nearest an event trigger.
"""

from __future__ import annotations

import datetime
import email.utils
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import registry
from .model import DateMention
from .nlp import doc_text

if TYPE_CHECKING:
    from dateparser.date import DateDataParser
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from .model import Record
    from .settings import Settings

GRANULARITIES = ("day", "week", "month", "year")

# Expressions longer than this are not time expressions; the cap also bounds dateparser's work.
_MAX_EXPRESSION_CHARS = 100
# Relative base for dateparser when there is no publication date; only absolute dates (with a
# year) ever reach it then, so the value never shows in a result.
_NO_BASE = datetime.datetime(2000, 1, 1)

_WEEKDAYS = {
    "monday": 0, "mon": 0,
    "tuesday": 1, "tues": 1, "tue": 1,
    "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thur": 3, "thu": 3,
    "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip
_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip


def _alternation(words: dict[str, int]) -> str:
    # Longest first so "september" wins over "sep".
    return "|".join(sorted(words, key=len, reverse=True))


_WEEKDAY_ALT = _alternation(_WEEKDAYS)
_MONTH_ALT = _alternation(_MONTHS)
_PAST_QUALIFIERS = frozenset({"last", "past", "this past"})
_FUTURE_QUALIFIERS = frozenset({"next", "coming", "this coming"})
_QUALIFIER = r"(last|past|this past|next|coming|this coming|this)"
_DAY_NUMBER = r"(\d{1,2})(?:st|nd|rd|th)?"


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A calendar value: YYYY-MM-DD for "day" and "week" (its Monday), YYYY-MM, or YYYY."""

    value: str
    granularity: str


def _day(day: datetime.date) -> ResolvedDate:
    return ResolvedDate(day.isoformat(), "day")


def _week(day: datetime.date) -> ResolvedDate:
    monday = day - datetime.timedelta(days=day.weekday())
    return ResolvedDate(monday.isoformat(), "week")


def _month(year: int, month: int) -> ResolvedDate:
    datetime.date(year, month, 1)  # raises ValueError when out of range
    return ResolvedDate(f"{year:04d}-{month:02d}", "month")


def _year(year: int) -> ResolvedDate:
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        raise ValueError(f"year {year} out of range")
    return ResolvedDate(f"{year:04d}", "year")


def _shift(published: datetime.date, unit: str, amount: int) -> ResolvedDate:
    """The `unit` (day/week/month/year) lying `amount` units away from publication."""
    if unit == "day":
        return _day(published + datetime.timedelta(days=amount))
    if unit == "week":
        return _week(published + datetime.timedelta(weeks=amount))
    if unit == "month":
        year, month_index = divmod(published.year * 12 + published.month - 1 + amount, 12)
        return _month(year, month_index + 1)
    return _year(published.year + amount)


def _parse_count(text: str) -> int | None:
    """A count such as "3", "three", "a" or "twenty-one"; vaguer words ("a few") → None."""
    if text.isdigit():
        return int(text)
    if text in _SMALL_NUMBERS:
        return _SMALL_NUMBERS[text]
    parts = re.split(r"[-\s]+", text)
    if parts[0] not in _TENS or len(parts) > 2:
        return None
    if len(parts) == 1:
        return _TENS[parts[0]]
    units = _SMALL_NUMBERS.get(parts[1], 0)
    return _TENS[parts[0]] + units if 1 <= units <= 9 and parts[1] not in ("a", "an") else None


# --- normalisation -----------------------------------------------------------------------

_LEADING_WORDS = re.compile(
    r"^(?:(?:on|in|at|during|since|from|by|until|till|for|over|within|as of)\s+"
    r"|(?:the\s+)?(?:very\s+)?(?:early|mid|late|end\s+of|beginning\s+of|start\s+of"
    r"|middle\s+of)(?:\s+|-))"
)
_ALIASES = {
    "tonight": "today",
    "this morning": "today",
    "this afternoon": "today",
    "this evening": "today",
    "earlier today": "today",
    "later today": "today",
    "last night": "yesterday",
}
_PART_OF_DAY = re.compile(r"\s+(?:morning|afternoon|evening|night)$")
_EDGE_PUNCTUATION = "\"'()[]{}.,;:!?-–— "


def _normalise(expression: str) -> str:
    """Lower-case, drop punctuation noise, prepositions, vague modifiers and times of day."""
    text = expression.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"(?<=[a-z])\.", "", text)  # "Jan." → "jan", "a.m." → "am"
    text = " ".join(text.replace(",", " ").split()).strip(_EDGE_PUNCTUATION)
    text = re.sub(r"'s?$", "", text)  # "last week's"
    previous = None
    while previous != text:
        previous = text
        text = _LEADING_WORDS.sub("", text)
    text = _ALIASES.get(text, text)
    stripped = _PART_OF_DAY.sub("", text)
    return _ALIASES.get(stripped, stripped) if stripped else text


# --- rules: each takes a normalised expression and returns a ResolvedDate or None ---------

_ISO_DAY = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(?:the\s+year\s+)?(\d{4})$")


def _absolute_numeric(expr: str, published: datetime.date | None) -> ResolvedDate | None:
    if match := _ISO_DAY.match(expr):
        return _day(datetime.date(int(match[1]), int(match[2]), int(match[3])))
    if match := _ISO_MONTH.match(expr):
        return _month(int(match[1]), int(match[2]))
    if match := _YEAR.match(expr):
        return _year(int(match[1]))
    return None


_NAMED_DAY_OFFSETS = {
    "today": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "day before yesterday": -2,
    "the day after tomorrow": 2,
    "day after tomorrow": 2,
}


def _named_day(expr: str, published: datetime.date | None) -> ResolvedDate | None:
    offset = _NAMED_DAY_OFFSETS.get(expr)
    if offset is None or published is None:
        return None
    return _day(published + datetime.timedelta(days=offset))


_AGO = re.compile(r"^(.+?)\s+(day|week|month|year)s?\s+(ago|from now)$")


def _ago(expr: str, published: datetime.date | None) -> ResolvedDate | None:
    match = _AGO.match(expr)
    if not match or published is None:
        return None
    count = _parse_count(match[1])
    if count is None:
        return None
    sign = -1 if match[3] == "ago" else 1
    return _shift(published, match[2], sign * count)


_PERIOD = re.compile(
    r"^(last|next|this|earlier this|later this|earlier in the|later in the|past|the past"
    r"|the last|this past)\s+(week|month|year)$"
)
_PERIOD_OFFSETS = {"last": -1, "next": 1, "this": 0, "earlier this": 0, "later this": 0,
                   "earlier in the": 0, "later in the": 0}


def _relative_period(expr: str, published: datetime.date | None) -> ResolvedDate | None:
    match = _PERIOD.match(expr)
    if not match or published is None:
        return None
    qualifier, unit = match[1], match[2]
    if qualifier in _PERIOD_OFFSETS:
        return _shift(published, unit, _PERIOD_OFFSETS[qualifier])
    # "the past week": a rolling window; "the past year" is a duration in news usage.
    return _week(published - datetime.timedelta(days=4)) if unit == "week" else None


_WEEKEND = re.compile(
    r"^(?:(last|past|the past|this past|next|coming|this coming|this|the)\s+)?weekend$"
)


def _weekend(expr: str, published: datetime.date | None) -> ResolvedDate | None:
    match = _WEEKEND.match(expr)
    if not match or published is None:
        return None
    monday = published - datetime.timedelta(days=published.weekday())
    qualifier = match[1]
    if qualifier in (None, "the"):
        return _day(published - datetime.timedelta(days=(published.weekday() - 5) % 7))
    if qualifier == "this":
        return _day(monday + datetime.timedelta(days=5))
    if qualifier in _FUTURE_QUALIFIERS:
        return _day(monday + datetime.timedelta(days=12))
    return _day(monday - datetime.timedelta(days=2))


_WEEKDAY_EXPR = re.compile(rf"^(?:{_QUALIFIER}\s+)?({_WEEKDAY_ALT})$")


def _weekday(expr: str, published: datetime.date | None) -> ResolvedDate | None:
    match = _WEEKDAY_EXPR.match(expr)
    if not match or published is None:
        return None
    qualifier, target, today = match[1], _WEEKDAYS[match[2]], published.weekday()
    if qualifier is None:
        days_back = (today - target) % 7
    elif qualifier in _PAST_QUALIFIERS:
        days_back = (today - target) % 7 or 7
    elif qualifier in _FUTURE_QUALIFIERS:
        days_back = -((target - today) % 7 or 7)
    else:
        days_back = today - target
    return _day(published - datetime.timedelta(days=days_back))


def _recent_year(published: datetime.date, month: int) -> int:
    """The year of the most recent `month` not after the publication month."""
    return published.year if month <= published.month else published.year - 1


_MONTH_DAY = re.compile(
    rf"^(?:(?:{_WEEKDAY_ALT})\s+)?({_MONTH_ALT})\s+(?:the\s+)?{_DAY_NUMBER}(?:\s+(\d{{4}}))?$"
)
_DAY_MONTH = re.compile(
    rf"^(?:(?:{_WEEKDAY_ALT})\s+)?(?:the\s+)?{_DAY_NUMBER}(?:\s+of)?\s+({_MONTH_ALT})"
    r"(?:\s+(\d{4}))?$"
)


def _month_day(expr: str, published: datetime.date | None) -> ResolvedDate | None:
    if match := _MONTH_DAY.match(expr):
        month, day, year = _MONTHS[match[1]], int(match[2]), match[3]
    elif match := _DAY_MONTH.match(expr):
        day, month, year = int(match[1]), _MONTHS[match[2]], match[3]
    else:
        return None
    if year:
        return _day(datetime.date(int(year), month, day))
    if published is None:
        return None
    first_year = _recent_year(published, month)
    for year_number in range(first_year, first_year - 8, -1):  # 29 February → a leap year
        try:
            return _day(datetime.date(year_number, month, day))
        except ValueError:
            continue
    return None


_MONTH_EXPR = re.compile(rf"^(?:{_QUALIFIER}\s+)?({_MONTH_ALT})(?:\s+(?:of\s+)?(\d{{4}}))?$")


def _month_name(expr: str, published: datetime.date | None) -> ResolvedDate | None:
    match = _MONTH_EXPR.match(expr)
    if not match:
        return None
    qualifier, month = match[1], _MONTHS[match[2]]
    if match[3]:
        return _month(int(match[3]), month)
    if published is None:
        return None
    year = published.year
    if qualifier is None:
        year = _recent_year(published, month)
    elif qualifier in _PAST_QUALIFIERS:
        year = year if month < published.month else year - 1
    elif qualifier in _FUTURE_QUALIFIERS:
        year = year if month > published.month else year + 1
    return _month(year, month)


_COARSE_PERIOD_OF_YEAR = re.compile(
    r"^(?:the\s+)?(?:spring|summer|autumn|fall|winter|q[1-4]|h[12]"
    r"|(?:first|second|third|fourth|last)\s+(?:half|quarter))\s+(?:of\s+)?(\d{4})$"
)


def _coarse_period_of_year(expr: str, published: datetime.date | None) -> ResolvedDate | None:
    """Seasons, quarters and halves of a named year are coarsened to that year."""
    match = _COARSE_PERIOD_OF_YEAR.match(expr)
    return _year(int(match[1])) if match else None


_RULES = (
    _absolute_numeric,
    _named_day,
    _ago,
    _relative_period,
    _weekend,
    _weekday,
    _month_day,
    _month_name,
    _coarse_period_of_year,
)

# --- expressions anchored on an earlier date of the text ------------------------------------

_ANCHORED_DAY = re.compile(
    r"^(?:(?:the|that)\s+)?(?:(following|next|previous|same|preceding)\s+day"
    r"|day\s+(before|after)|(following|next|previous|same|preceding)\s+"
    r"(?:morning|afternoon|evening|night)"
    r"|(a|one|two|three|four|five|six|\d)\s+days?\s+(later|earlier|after|before))$"
)
_ANCHOR_OFFSETS = {"following": 1, "next": 1, "after": 1, "later": 1, "previous": -1,
                   "preceding": -1, "before": -1, "earlier": -1, "same": 0}


def resolve_anchored(expression: str, anchor: datetime.date) -> ResolvedDate | None:
    """A day told relative to another day of the text ("the following day", "the same day",
    "two days later"): resolved against that day (`anchor`, the latest day named before)."""
    match = _ANCHORED_DAY.match(_normalise(expression))
    if match is None:
        return None
    if match[4]:
        count = _parse_count(match[4]) or 0
        return _day(anchor + datetime.timedelta(days=count * _ANCHOR_OFFSETS[match[5]]))
    word = match[1] or match[2] or match[3]
    return _day(anchor + datetime.timedelta(days=_ANCHOR_OFFSETS[word]))


# --- dateparser fallback, for absolute dates only ------------------------------------------

_ABSOLUTE_TOKEN = re.compile(
    rf"^(?:{_MONTH_ALT}|{_WEEKDAY_ALT}|\d{{1,2}}(?:st|nd|rd|th)?|\d{{4}}"
    r"|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}:\d{2}(?::\d{2})?(?:am|pm)?"
    r"|am|pm|of|the|day|at|gmt|utc|z)$"
)
_HAS_YEAR = re.compile(r"\b\d{4}\b|\d[/.-]\d{1,2}[/.-]\d{2,4}")


def _looks_absolute(expr: str) -> bool:
    """Only date-ish words and a year: nothing dateparser could read as relative."""
    tokens = expr.split()
    return (
        0 < len(tokens) <= 8
        and all(_ABSOLUTE_TOKEN.match(token) for token in tokens)
        and _HAS_YEAR.search(expr) is not None
    )


@functools.lru_cache(maxsize=64)
def _parser(base: datetime.datetime, strict: bool) -> DateDataParser:
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    if strict:
        settings["STRICT_PARSING"] = True
    else:
        settings["REQUIRE_PARTS"] = ["month", "year"]
    return DateDataParser(languages=["en"], settings=settings)


def _dateparser_fallback(expr: str, published: datetime.date | None) -> ResolvedDate | None:
    base = datetime.datetime.combine(published, datetime.time()) if published else _NO_BASE
    try:
        full = _parser(base, strict=True).get_date_data(expr).date_obj
        if full is not None:
            return _day(full.date())
        partial = _parser(base, strict=False).get_date_data(expr).date_obj
        if partial is not None:
            return _month(partial.year, partial.month)
    except Exception:  # dateparser raises assorted errors on odd input; resolving never does
        return None
    return None


# --- resolver ------------------------------------------------------------------------------


@functools.lru_cache(maxsize=16384)
def _resolve_cached(expression: str, published: datetime.date | None) -> ResolvedDate | None:
    expr = _normalise(expression)
    if not expr:
        return None
    try:
        for rule in _RULES:
            result = rule(expr, published)
            if result is not None:
                return result
    except (ValueError, OverflowError):  # e.g. "February 30, 2019", "5000 years ago"
        return None
    return _dateparser_fallback(expr, published) if _looks_absolute(expr) else None


def _as_date(value: object) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    return value if isinstance(value, datetime.date) else None


class DateResolver:
    """Resolves time expressions against a publication date; results are cached."""

    def resolve(self, expression: str, published: datetime.date | None) -> ResolvedDate | None:
        """The date `expression` refers to, or None when it is vague, a duration or unknown.

        Without `published` only absolute dates resolve. Never raises.
        """
        if not isinstance(expression, str) or len(expression) > _MAX_EXPRESSION_CHARS:
            return None
        return _resolve_cached(expression, _as_date(published))

    @staticmethod
    def cache_clear() -> None:
        _resolve_cached.cache_clear()


_RESOLVER = DateResolver()

# --- publication dates -----------------------------------------------------------------------

_SCHEMA_DATE = re.compile(r"^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$")
_ISO_DATETIME_START = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]")


def _schema_form(text: str) -> str | None:
    """Numeric forms such as "2019", "2019-01", "2019/01/04" → the schema form, validated."""
    match = _SCHEMA_DATE.match(text)
    if not match:
        return None
    try:
        if match[3]:
            return _day(datetime.date(int(match[1]), int(match[2]), int(match[3]))).value
        if match[2]:
            return _month(int(match[1]), int(match[2])).value
        return _year(int(match[1])).value
    except ValueError:
        return None


def _iso_datetime(text: str) -> str | None:
    # The local calendar date as written, not converted to UTC: that is the article's date.
    if not _ISO_DATETIME_START.match(text):
        return None
    try:
        return datetime.datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        return None


def _rfc2822(text: str) -> str | None:
    if not re.match(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s", text):
        return None
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def normalise_publication_date(raw: str | None) -> str | None:
    """A publication date in any common form → 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'; junk → None."""
    if not isinstance(raw, str):
        return None
    text = raw.strip()
    if not text or len(text) > _MAX_EXPRESSION_CHARS:
        return None
    for parse in (_schema_form, _compact_day, _iso_datetime, _rfc2822):
        value = parse(text)
        if value is not None:
            return value
    resolved = _RESOLVER.resolve(text, None)
    if resolved is None:
        bare = _without_clock(text)  # "7:58 AM ET, Sat January 3, 2015"
        if bare and bare != text:
            resolved = _RESOLVER.resolve(bare, None)
    return resolved.value if resolved is not None else None


# A time of day with its zone, and words around a stamp: what a page's dateline adds to the day
# ("4:58pm EST", "Updated 1244 GMT (2044 HKT)", "Wed Nov 23, 2016 | 3:01pm").
_CLOCK = re.compile(
    r"\(.*?\)|\|"
    r"|\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)(?![a-z])"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b"
    r"|\b\d{4}(?=\s+(?:GMT|UTC)\b.*\b(?:19|20)\d{2}\b)"  # "1244 GMT", a year follows
    r"|\b(?:[ECMP][SD]?T|GMT|UTC|HKT|BST|CET|CEST|IST|JST|AEST|AEDT)\b"
    r"|\b(?:updated|published|posted)\b:?"
    r"|(?<=\s)[ap]\.?m\.?(?=\s|$)",  # "4:45:51 EST PM": the half of the day, left alone
    re.IGNORECASE)


def _without_clock(text: str) -> str:
    return re.sub(r"\s*,\s*(?=,|$)|^\s*,\s*", "", re.sub(r"\s+", " ", _CLOCK.sub(" ", text))
                  ).strip(" ,")


_COMPACT_DAY = re.compile(r"(\d{4})(\d{2})(\d{2})")


def _compact_day(text: str) -> str | None:
    """'20080804', the form news archives (Gigaword, GDELT) use."""
    match = _COMPACT_DAY.fullmatch(text)
    if match is None:
        return None
    try:
        return datetime.date(*(int(g) for g in match.groups())).isoformat()
    except ValueError:
        return None


# The day in a news page's address: "/2016/12/17/", "/2016-12-17/", "/news/20170508/".
_URL_DAY = re.compile(r"/((?:19|20)\d{2})([/-])(\d{1,2})\2(\d{1,2})(?=[/.-]|$)"
                      r"|/((?:19|20)\d{2})(\d{2})(\d{2})(?=[/.-]|$)")


def date_from_url(url: str | None) -> str | None:
    """The publication day a news URL names ('…/2016/12/17/rally-…' → '2016-12-17'), or
    None; an impossible day is none."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    for match in _URL_DAY.finditer(path):
        year, month, day = ((match[1], match[3], match[4]) if match[1]
                            else (match[5], match[6], match[7]))
        try:
            return datetime.date(int(year), int(month), int(day)).isoformat()
        except ValueError:
            continue
    return None


def parse_publication_date(value: str | None) -> datetime.date | None:
    """The publication day, or None unless the full day is known (relative dates need it)."""
    normalised = normalise_publication_date(value)
    if normalised is None or len(normalised) != len("YYYY-MM-DD"):
        return None
    return datetime.date.fromisoformat(normalised)


# --- choosing a date for an event --------------------------------------------------------------


def _gap(mention: DateMention, start: int, end: int) -> int:
    """Characters between the mention and [start, end); 0 when they overlap."""
    return max(mention.start - end, start - mention.end, 0)


def date_for_span(
    dates: list[DateMention], start: int, end: int, sentence_start: int, sentence_end: int
) -> DateMention | None:
    """The resolved date mention in the sentence closest to [start, end), if any.

    Ties go to the finer granularity, then to the earlier mention.
    """
    candidates = [
        mention
        for mention in dates
        if mention.value is not None
        and not mention.dateline
        and sentence_start <= mention.start
        and mention.end <= sentence_end
    ]
    if not candidates:
        return None
    return min(
        candidates,
        key=lambda m: (_gap(m, start, end), _granularity_rank(m.granularity), m.start),
    )


def _granularity_rank(granularity: str | None) -> int:
    return GRANULARITIES.index(granularity) if granularity in GRANULARITIES else len(GRANULARITIES)


# --- pipeline stage ------------------------------------------------------------------------------

_NUMBER_WORD = "|".join(sorted({*_SMALL_NUMBERS, *_TENS}, key=len, reverse=True))
_MISSED_EXPRESSION = re.compile(
    r"\b(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)"
    r"|(?:(?:last|next|this\s+coming|this\s+past|this|coming)\s+)?"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:yesterday|today|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?"
    r"|tonight|this\s+(?:morning|afternoon|evening)|last\s+night"
    r"|(?:(?:earlier|later)\s+this|(?:earlier|later)\s+in\s+the|last|next|this|the\s+past)"
    r"\s+(?:weekend|week|month|year)"
    r"|the\s+(?:following|next|previous|same)\s+day|the\s+day\s+(?:before|after)"
    r"|(?:a|one|two|three|four|five|six)\s+days?\s+(?:later|earlier)"
    rf"|(?:\d{{1,3}}|(?:{_NUMBER_WORD})(?:-(?:{_NUMBER_WORD}))?)\s+(?:day|week|month|year)s?\s+ago"
    r")\b",
    re.IGNORECASE,
)


# Words before a number that make it a label ("Resolution 2259", "Act No. 3846") and after
# it that make it a clock time ("1800 UTC"): no year in either case.
_LABEL_BEFORE = frozenset({
    "no", "no.", "nos", "nos.", "number", "#", "resolution", "resolutions", "act", "bill",
    "law", "decree", "order", "ordinance", "article", "section", "chapter", "clause", "code",
    "flight", "route", "highway", "room", "case", "file", "item", "model", "page", "vol",
    "vol.", "volume", "unit", "platform", "gate", "form", "rule", "regulation", "directive",
    "amendment", "convention", "protocol", "hr", "h.r.", "s.", "sb", "hb",
})  # fmt: skip
_CLOCK_AFTER = frozenset({
    "utc", "gmt", "bst", "cet", "cest", "est", "edt", "cst", "cdt", "pst", "pdt", "hours",
    "hrs", "hr", "local", "zulu", "z",
})  # fmt: skip
_BARE_NUMBER = re.compile(r"\d{4}")
_WORD_BEFORE = re.compile(r"(\S+)\s*$")
_WORD_AFTER = re.compile(r"^\s*([^\s,.;:)]+)")
# A bare year this far after publication is no year news writes ("resolution 2259").
_MAX_YEARS_AHEAD = 50


def _number_not_a_year(text: str, start: int, end: int,
                       published: datetime.date | None) -> bool:
    """A bare four-digit number the model took for a year that is none: a label ("UN
    Security Council resolution 2259", "Republic Act No. 7966"), a clock time ("1800 UTC"),
    or a year out of reach (more than _MAX_YEARS_AHEAD after publication, or before 1000)."""
    if not _BARE_NUMBER.fullmatch(text[start:end]):
        return False
    before = _WORD_BEFORE.search(text[max(0, start - 30):start])
    if before is not None and before[1].lower() in _LABEL_BEFORE:
        return True
    after = _WORD_AFTER.search(text[end:end + 20])
    if after is not None and after[1].lower() in _CLOCK_AFTER:
        return True
    year = int(text[start:end])
    latest = (published.year if published else datetime.date.today().year) + _MAX_YEARS_AHEAD
    return not 1000 <= year <= latest


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < span_end and span_start < end for span_start, span_end in spans)


def _entity_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "on "/"in " if the model included it in the entity, and whatever
    follows a line break: an entity never runs from a dateline into the first paragraph
    ("Monday, May 4, 2020\n\nYesterday")."""
    if text[:3].lower() in ("on ", "in ") and len(text) > 3:
        start, text = start + 3, text[3:]
    line = text.split("\n", 1)[0].rstrip("\u00a0 \t")
    return start, start + len(line) if line else end


# A day the model joined to what follows ("sentenced on Wednesday to 20 years in prison",
# "jailed Friday for life"): when the whole does not resolve, its first part may.
_JOINED_EXPRESSION = re.compile(r"(.+?)\s+(?:to|for|with|after)\s+\S", re.IGNORECASE)


class DatesStage:
    """Adds a DateMention for every DATE entity and every relative expression the model missed."""

    name = "dates"

    def __init__(self, resolver: DateResolver | None = None) -> None:
        self.resolver = resolver or DateResolver()

    def __call__(self, doc: Doc, record: Record) -> None:
        published = parse_publication_date(record.article.published)
        spans = self._entity_spans(doc) + self._missed_spans(doc)
        text = record.article.text  # == doc.text, which spaCy rebuilds on every access
        for start, end in spans:
            if _number_not_a_year(text, start, end, published):
                continue
            mention = self._mention(text, start, end, published)
            mention.dateline = _alone_on_its_line(text, start, end)
            record.dates.append(mention)
        record.dates.sort(key=lambda mention: (mention.start, mention.end))
        _resolve_anchored_mentions(record.dates, doc)
        if published is not None:
            for mention in record.dates:
                _move_to_the_future(mention, doc, published)

    @staticmethod
    def _entity_spans(doc: Doc) -> list[tuple[int, int]]:
        return [
            _entity_span(ent.text, ent.start_char, ent.end_char)
            for ent in doc.ents
            if ent.label_ == "DATE"
        ]

    @staticmethod
    def _missed_spans(doc: Doc) -> list[tuple[int, int]]:
        # DATE entities are already recorded; TIME entities may hold a missed "Tuesday night".
        blocked = [(e.start_char, e.end_char) for e in doc.ents if e.label_ != "TIME"]
        return [
            (match.start(), match.end())
            for match in _MISSED_EXPRESSION.finditer(doc_text(doc))
            if not _overlaps(match.start(), match.end(), blocked)
        ]

    def _mention(
        self, text: str, start: int, end: int, published: datetime.date | None
    ) -> DateMention:
        span_text = text[start:end]
        resolved = self.resolver.resolve(span_text, published)
        if resolved is None:
            head = _JOINED_EXPRESSION.match(span_text)  # "Wednesday to 20 years" (in prison)
            if head is not None and (found := self.resolver.resolve(head[1], published)):
                return DateMention(head[1], start, start + len(head[1]), found.value,
                                   found.granularity)
            return DateMention(span_text, start, end, None, None)
        return DateMention(span_text, start, end, resolved.value, resolved.granularity)


_FUTURE_MARKERS = frozenset({"will", "shall", "'ll", "would", "until", "till", "due",
                             "scheduled", "set", "expected", "planned", "upcoming", "next"})


def _move_to_the_future(mention: DateMention, doc: Doc, published: datetime.date) -> None:
    """'an election to be held on August 9', 'suspended until October 14': a day named
    without its year (or a weekday) that the sentence puts ahead is the next such day, not
    the last."""
    if not mention.value or re.search(r"\d{4}", mention.text):
        return
    if mention.granularity == "month" and len(mention.value) == len("2020-01"):
        _move_month_ahead(mention, doc, published)
        return
    if mention.granularity != "day":
        return
    day = datetime.date.fromisoformat(mention.value)
    if day >= published or not _told_as_ahead(doc, mention):
        return
    if re.search(_WEEKDAY_ALT, mention.text.lower()) and not re.search(_MONTH_ALT,
                                                                       mention.text.lower()):
        ahead = day + datetime.timedelta(days=7)
    else:
        try:
            ahead = day.replace(year=day.year + 1)
        except ValueError:  # 29 February
            return
    mention.value = ahead.isoformat()


def _move_month_ahead(mention: DateMention, doc: Doc, published: datetime.date) -> None:
    """'Parliament would meet in early September', 'a trial anticipated to begin in
    January': a month named without its year that the sentence puts ahead is the next."""
    year, month = (int(part) for part in mention.value.split("-"))  # type: ignore[union-attr]
    if (year, month) >= (published.year, published.month) or not _told_as_ahead(doc, mention):
        return
    if (year + 1, month) > (published.year, published.month):
        mention.value = f"{year + 1:04d}-{month:02d}"


def _told_as_ahead(doc: Doc, mention: DateMention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    preposition = root.head if root.dep_ == "pobj" else None
    verb = root
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if preposition is not None and preposition.lower_ in ("until", "till"):
        return True  # "was suspended until October 14": the state lasts into that day
    if preposition is not None and preposition.lower_ == "by":
        # "will reopen by March 13"; but "were suspended by March 13" was done before it
        return not (verb.pos_ in ("VERB", "AUX") and _told_in_the_past(verb))
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if words & _FUTURE_MARKERS or verb.lower_ in _FUTURE_MARKERS:
        return True
    # "to be held on August 9": an infinitive of a plan
    return "to" in words and verb.dep_ in ("relcl", "acl", "xcomp") and verb.tag_ in ("VB",
                                                                                    "VBN")


def _told_in_the_past(verb: Token) -> bool:
    """'were suspended', 'had closed', 'closed': a simple past or a past auxiliary."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_MARKERS for a in auxes):
        return False
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)


def _alone_on_its_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip(" \t\u00a0.,")


def _resolve_anchored_mentions(mentions: list[DateMention], doc: Doc) -> None:
    """'On Wednesday the ministers met … The following day Turkey replied': a day told
    relative to another takes the latest day before it in the text that dates a clause
    (not one that only describes a thing: "the deal of November 27")."""
    anchor: datetime.date | None = None
    for mention in mentions:
        if mention.value is None and anchor is not None:
            resolved = resolve_anchored(mention.text, anchor)
            if resolved is not None:
                mention.value, mention.granularity = resolved.value, resolved.granularity
        if mention.value is not None and mention.granularity == "day" and (
                _dates_a_clause(doc, mention)):
            anchor = datetime.date.fromisoformat(mention.value)


def _dates_a_clause(doc: Doc, mention: DateMention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return True
    head = span.root
    if head.dep_ == "pobj" and head.head.i != head.i:
        head = head.head  # "on Wednesday", "of November 27"
    if head.dep_ == "ROOT" or head.head.i == head.i:
        return True
    return head.head.pos_ in ("VERB", "AUX")


@registry.stages.register("dates")
def make_dates_stage(settings: Settings, nlp: Language) -> DatesStage:
    """The "dates" stage; needs nothing from the settings or the model beyond the parse."""
    return DatesStage()
