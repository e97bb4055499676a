"""Claims: stances, responses within an article, evidence, events, and the word table."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdossier.claims import ClaimWordError, ClaimWords
from newsdossier.model import Article, Claim, Record
from newsdossier.pipeline import Pipeline

# A wire story in our own words: an allegation, a denial, evidence, an earlier report, support
# and doubt.
STORY = (
    "The US State Department said on Monday that Syrian authorities were hanging about 50 "
    "detainees a day at the Saydnaya military prison north of Damascus and burning the bodies "
    "in a crematorium. Syria's foreign ministry rejected the accusation as \"a new Hollywood "
    "plot\" and said the White House was trying to justify aggression. Satellite photographs "
    "released by the department were consistent with a crematorium, officials said. Amnesty "
    "International had earlier accused military police of hanging up to 13,000 prisoners "
    "there between 2011 and 2015. The opposition delegation in Geneva welcomed the US "
    "allegation and called on the UN envoy to act. The Kremlin said the claims were unproven."
)


def claims_of(pipeline: Pipeline, text: str) -> tuple[Record, list[Claim]]:
    record = pipeline.process(Article(id="c", text=text, published="2026-03-12"))
    ids = {claim.id for claim in record.claims}
    events = {event.id for event in record.events}
    for claim in record.claims:  # provenance and links stay inside the record
        assert text[claim.content.start:claim.content.end] == claim.content.text
        for span in claim.evidence:
            assert text[span.start:span.end] == span.text
        assert claim.responds_to is None or claim.responds_to in ids
        assert set(claim.event_ids) <= events
    return record, record.claims


def by_claimant(claims: list[Claim], code: str) -> list[Claim]:
    return [c for c in claims if c.claimant is not None and c.claimant.code == code]


@pytest.fixture(scope="module")
def story(pipeline: Pipeline) -> tuple[Record, list[Claim]]:
    return claims_of(pipeline, STORY)


def test_story_allegation_denial_support_and_doubt(story):
    record, claims = story
    allegation = by_claimant(claims, "USAGOV")[0]
    assert allegation.stance == "alleges"
    assert "hanging about 50 detainees a day" in allegation.content.text
    assert {"SYRGOV"} <= {a.code for a in allegation.about}
    assert any(e.type == "ASSAULT" for e in record.events if e.id in allegation.event_ids)

    denial = next(c for c in by_claimant(claims, "SYRGOV") if c.stance == "denies")
    assert denial.responds_to == allegation.id
    assert "Hollywood plot" in denial.content.text

    doubt = by_claimant(claims, "RUSGOV")[0]
    assert (doubt.stance, doubt.responds_to) == ("disputes", allegation.id)

    welcome = next(c for c in claims if c.claimant and c.claimant.sector == "OPP"
                   and c.stance == "supports")
    assert welcome.responds_to == allegation.id


def test_story_evidence_and_consistent_with(story):
    _, claims = story
    imagery = next(c for c in claims if "Satellite photographs" in c.content.text)
    assert imagery.stance == "supports" and imagery.responds_to is not None
    evidence = [span.text for span in imagery.evidence]
    assert "Satellite photographs released by the department" in evidence
    assert "consistent with a crematorium" in evidence


def test_story_earlier_report_is_its_own_allegation(story):
    _, claims = story
    amnesty = next(c for c in claims if c.claimant and c.claimant.name == "Amnesty "
                   "International")
    assert amnesty.stance == "alleges"
    assert "13,000 prisoners" in amnesty.content.text


def test_denial_naming_the_accuser_answers_that_accusation(pipeline: Pipeline):
    _, claims = claims_of(pipeline, "Iran categorically denied US accusations that it had "
                                    "supplied drones to Russia. Russia also rejected the claims.")
    denial, embedded, second = claims
    assert (denial.stance, denial.claimant.code) == ("denies", "IRN")
    assert (embedded.stance, embedded.claimant.country) == ("alleges", "USA")
    assert embedded.content.text == "that it had supplied drones to Russia"
    assert denial.responds_to == embedded.id and second.responds_to == embedded.id


def test_response_picks_the_allegation_of_the_party_it_names(pipeline: Pipeline):
    text = ("Human Rights Watch accused the army of shelling villages. Russia accused Ukraine "
            "of shelling a market. The army rejected the Human Rights Watch allegations.")
    _, claims = claims_of(pipeline, text)
    ngo = next(c for c in claims if c.claimant and c.claimant.country == "NGO")
    denial = next(c for c in claims if c.stance == "denies")
    assert denial.responds_to == ngo.id


def test_negating_the_terms_of_an_allegation_denies_it(pipeline: Pipeline):
    text = ("The United States accused the army of carrying out mass executions and burning "
            "bodies in a crematorium. “There is no crematorium at the prison. There have been "
            "no executions there,” a ministry spokesman said.")
    _, claims = claims_of(pipeline, text)
    allegation, reply = claims
    assert (reply.stance, reply.responds_to) == ("denies", allegation.id)


def test_hedged_report_in_the_articles_voice(pipeline: Pipeline):
    _, claims = claims_of(pipeline, "Syria reportedly hanged hundreds of prisoners last year.")
    (claim,) = claims
    assert claim.stance == "alleges" and claim.claimant is None
    assert [a.country for a in claim.about] == ["SYR"]


@pytest.mark.parametrize("text, stance", [
    ("The Pentagon said the video was a hoax.", "denies"),
    ("The ministry said the reports were false.", "denies"),
    ("Moscow said the allegations had not been proven.", "disputes"),
    ("The ministry confirmed that two soldiers had been arrested.", "supports"),
    ("The rebels denied responsibility for the attack.", "denies"),
    ("Rebels did not say that they had attacked the base.", None),  # no claim at all
])
def test_stance_from_words(pipeline: Pipeline, text: str, stance: str | None):
    _, claims = claims_of(pipeline, text)
    assert [c.stance for c in claims] == ([stance] if stance else [])


def test_evidence_kinds(pipeline: Pipeline):
    text = ("Investigators said bank records and witness testimony showed the money came from "
            "Russian accounts.")
    _, claims = claims_of(pipeline, text)
    assert [span.text for span in claims[0].evidence] == ["bank records and witness testimony"]


def test_claim_words_table_and_user_file(tmp_path: Path):
    words = ClaimWords.load()
    assert words.has("the claims were a hoax", "refutes")
    assert words.has("the report was unverified", "questions")
    extra = tmp_path / "words.tsv"
    extra.write_text("# mine\npropaganda stunt\trefutes\n", encoding="utf-8")
    assert ClaimWords.load([extra]).has("it was a propaganda stunt", "refutes")


def test_claim_words_errors_name_the_line(tmp_path: Path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("hoax\trefutes\nwhatever\tshouting\n", encoding="utf-8")
    with pytest.raises(ClaimWordError, match=r"bad\.tsv:2"):
        ClaimWords.load([bad])
