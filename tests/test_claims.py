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
    assert [a.country for a in claim.about if a.country] == ["SYR"]
    assert all(a.sector == "CVL" for a in claim.about if not a.country)  # the prisoners


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


# --- stance read in context (reading.py) -----------------------------------------------------


@pytest.mark.parametrize("text, stance, words", [
    # a neutral verb of claiming: what is claimed decides
    ("The Red Hand militia has claimed responsibility for the ambush.", "asserts",
     "claimed responsibility for the ambush"),
    ("A militia spokesman claimed 40 soldiers had died.", "asserts", "40 soldiers had died"),
    ("The governor claimed the army had shelled the village.", "alleges", "shelled the village"),
    # wrongdoing said of a party the sentence names is an accusation; said of nobody it is not
    ("The Spanish foreign minister said the Venezuelan government's repression of journalists "
     "had to end.", "alleges", "repression of journalists"),
    ("Lebanon's foreign ministry described the Israeli raid as a flagrant violation of its "
     "sovereignty.", "alleges", "violation"),
    ("Opposition leaders claimed the violent gangs were sent by the ruling party.", "alleges",
     "sent by the ruling party"),
    ("The defence minister said the perpetrators would be brought to justice.", "asserts",
     "perpetrators"),
    ("The senator claimed the new fence would stem illegal logging.", "asserts",
     "illegal logging"),
    ("The newspaper says the prison is marred by allegations of abuse.", "alleges",
     "allegations of abuse"),
    # the frame: a participle of saying takes the stance of the verb it hangs on
    ("The governor agreed, saying only the militia could have carried out the attack.",
     "supports", "only the militia"),
    ("The Kenyan ministry denounced the ruling, calling it a political decision.", "disputes",
     "political decision"),
    # the speaker's own first-person stance verb
    ("\u201cI firmly reject these new tariffs on our steel,\u201d the trade minister of Canada "
     "wrote.", "disputes", "reject these new tariffs"),
    # a negated verb of finding, disapproval, doubt
    ("The inquiry did not find that the company had broken the law.", "disputes",
     "broken the law"),
    ("The embassy said it was disappointed by the court's decision.", "disputes",
     "disappointed"),
    ("The Kremlin dismissed the reports as groundless.", "disputes", "groundless"),
])
def test_stance_read_in_context(pipeline: Pipeline, text: str, stance: str, words: str):
    _, claims = claims_of(pipeline, text)
    assert [c.stance for c in claims if words in c.content.text] == [stance]
    assert {c.stance for c in claims} == {stance}


def test_evidence_needs_evidence_not_just_backing(pipeline: Pipeline):
    _, claims = claims_of(pipeline, "According to the minister, the rebels are backed by Iran.")
    (claim,) = claims
    assert (claim.stance, claim.evidence) == ("asserts", [])


def test_no_claim_of_a_bare_noun_phrase(pipeline: Pipeline):
    _, claims = claims_of(pipeline, "The rebels denied responsibility for the attack. He gave "
                                    "a speech which was delivered in Nairobi.")
    assert [c.content.text for c in claims] == ["denied responsibility for the attack"]


def test_one_claim_per_coordinated_accuser(pipeline: Pipeline):
    _, claims = claims_of(pipeline, "Both Germany and France have accused Moscow of "
                                    "interfering in the vote.")
    assert sorted((c.claimant.country, c.stance) for c in claims) == [
        ("DEU", "alleges"), ("FRA", "alleges")]


def test_a_third_partys_accusation_inside_a_quote_is_its_own_claim(pipeline: Pipeline):
    text = ("The president has said the forests should be opened to mining, and his critics "
            "blame him for encouraging illegal logging.")
    _, claims = claims_of(pipeline, text)
    president = next(c for c in claims if c.claimant and c.claimant.sector == "GOV")
    assert president.stance == "asserts" and "critics" not in president.content.text
    blame = next(c for c in claims if "encouraging illegal logging" in c.content.text)
    assert blame.stance == "alleges" and blame.claimant.text == "his critics"


def test_no_evidence_of_an_allegation_disputes_the_nearest_one(pipeline: Pipeline):
    text = ("Germany said the activist was poisoned. His associates had alleged he was "
            "poisoned. Doctors in Omsk reported no traces of poison were found in his blood.")
    _, claims = claims_of(pipeline, text)
    doctors = next(c for c in claims if "no traces" in c.content.text)
    associates = next(c for c in claims if c.claimant and c.claimant.text == "His associates")
    assert (doctors.stance, doctors.responds_to) == ("disputes", associates.id)


def test_two_people_of_one_government_are_two_claimants(pipeline: Pipeline):
    text = ("President Ana Silva said she had dismissed her adviser Tomas Reyes on Monday. "
            "Reyes gave a different account, saying he had resigned.")
    _, claims = claims_of(pipeline, text)
    silva, reyes = claims
    assert (reyes.stance, reyes.responds_to) == ("disputes", silva.id)


# --- claimants (claimants.py) ------------------------------------------------------------------

PERU = (
    "Two bombs exploded at a market in Ayacucho, Peru, on Sunday, killing nine people. Police "
    "said the bombs had been hidden in fruit stalls. Colonel Ana Ruiz of the army's Southern "
    "Command said the Shining Path were the suspected culprits. Radio Andina reports the group "
    "has denied any role. Peru's interior ministry said 14 people had been arrested in Ayacucho "
    "and Lima.\n\nInterior Minister Jorge Salas was questioned about the arrests while speaking "
    "to the press in Lima. He said the investigation would take months.\n\nThe victim's "
    "mother, Rosa Diaz, told reporters that the government had ignored warnings for months. "
    "Opposition leader Marta Quispe was detained in Cusco last month. Her associates alleged "
    "she had been beaten by guards."
)


def test_claimants_completed_from_the_article(pipeline: Pipeline):
    _, claims = claims_of(pipeline, PERU)

    def claimant_of(words: str) -> tuple[str | None, str | None]:
        claim = next(c for c in claims if words in c.content.text)
        return claim.claimant.country, claim.claimant.sector

    assert claimant_of("hidden in fruit stalls") == ("PER", "COP")  # the article's setting
    assert claimant_of("suspected culprits") == ("PER", "MIL")  # "of the army's …"
    assert claimant_of("denied any role")[1] == "JRN"  # a name that reports the news
    assert claimant_of("take months") == ("PER", "GOV")  # "He": the minister, not the press
    assert claimant_of("ignored warnings") == ("PER", "CVL")  # a relative
    assert claimant_of("beaten by guards") == ("PER", "OPP")  # "her associates"
    assert all(c.claimant is not None for c in claims)


# --- claims read from the parse (parsed.py) --------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("The Chilean government has since declared victory over the rebels.",
     [("asserts", "CHL", "declared victory over the rebels")]),
    ("The bombing was claimed by the Red Hand militia.",
     [("asserts", None, "The bombing was claimed by the Red Hand militia")]),
    ("The Committee to Protect Journalists reports nine journalist deaths in the country "
     "this year.", [("asserts", "NGO", "reports nine journalist deaths")]),
    ("Similar accusations were made by the state broadcaster and the foreign minister.",
     [("alleges", None, "Similar accusations were made"),
      ("alleges", None, "Similar accusations were made")]),
    ("The European Union sanctioned Belarus over alleged election fraud.",
     [("alleges", "EUR", "alleged election fraud")]),
    ("Students' demands include an inquiry into alleged police abuse.",
     [("alleges", None, "alleged police abuse")]),
    ("The militia is supported by Iran. The two leaders agreed to a meeting in May.", []),
])
def test_claims_from_the_parse(pipeline: Pipeline, text: str, expected: list):
    _, claims = claims_of(pipeline, text)
    found = [(c.stance, c.claimant.country if c.claimant and expected and expected[0][1]
              else None, c.content.text) for c in claims]
    assert [(s, code) for s, code, _ in found] == [(s, code) for s, code, _ in expected]
    pairs = zip(found, expected, strict=True)
    assert all(words in content for (_, _, content), (_, _, words) in pairs)


def test_an_attribution_inside_a_report_is_the_inner_speakers_claim(pipeline: Pipeline):
    text = ("Radio Andina reported the interior minister recommended that the curfew be lifted. "
            "Reuters reported a senior Chilean official said the ban was not part of a wider "
            "plan.")
    _, claims = claims_of(pipeline, text)
    minister = next(c for c in claims if c.claimant and c.claimant.text == "interior minister")
    assert (minister.stance, minister.content.text) == ("supports", "the curfew be lifted")
    assert minister.responds_to is None  # not the report that carries it
    official = next(c for c in claims if c.claimant and "official" in c.claimant.text)
    assert (official.claimant.code, official.content.text) == (
        "CHLGOV", "the ban was not part of a wider plan")


# --- what a claim answers (responses.py) -----------------------------------------------------


def test_a_claim_named_by_its_owner_or_its_act_is_answered(pipeline: Pipeline):
    text = ("The Chilean parliament voted on a resolution to expel the foreign troops. The US "
            "State Department said it was disappointed by the parliament's decision. Chile's "
            "ambassador asked the embassy to hand over the suspect. The embassy declined the "
            "request and said the suspect had left the country.")
    _, claims = claims_of(pipeline, text)
    parliament = next(c for c in claims if c.claimant and c.claimant.sector == "LEG")
    assert "resolution to expel the foreign troops" in parliament.content.text
    disappointed = next(c for c in claims if "disappointed" in c.content.text)
    assert (disappointed.stance, disappointed.responds_to) == ("disputes", parliament.id)
    request = next(c for c in claims if "hand over the suspect" in c.content.text)
    left = next(c for c in claims if "suspect had left" in c.content.text)
    assert left.responds_to == request.id


def test_an_answer_naming_the_accuser(pipeline: Pipeline):
    text = ("President Rodrigo Reyes accused the broadcaster of cheating him. The broadcaster's "
            "chief executive said refunds for Reyes's advertisements had been offered.")
    _, claims = claims_of(pipeline, text)
    accusation, answer = claims
    assert (accusation.stance, answer.responds_to) == ("alleges", accusation.id)


def test_the_towns_named_set_the_article_when_two_countries_compete(pipeline: Pipeline):
    text = ("The United States said a US diplomat's wife had left Britain after a crash near "
            "Oxford. American officials said the US embassy had followed advice from "
            "Washington. Police revealed on Saturday that she had left the country. The crash "
            "happened on a road between Oxford and Reading.")
    _, claims = claims_of(pipeline, text)
    police = next(c for c in claims if c.claimant and c.claimant.text == "Police")
    assert (police.claimant.country, police.claimant.sector) == ("GBR", "COP")


def test_an_act_called_a_violation_is_an_accusation(pipeline: Pipeline):
    # the parse may give the attack the ministry as its author: it is not the ministry's
    _, claims = claims_of(pipeline, "The Foreign Ministry of Lebanon characterized the attack "
                                    "as a serious violation of its sovereignty.")
    (claim,) = claims
    assert (claim.stance, claim.claimant.code) == ("alleges", "LBNGOV")


def test_own_words_stance_with_a_later_clause(pipeline: Pipeline):
    text = ("The Cuban foreign minister responded on Twitter: \u201cI strongly reject the new US "
            "measure that bans flights to Cuban airports, they won't extract any concession from "
            "us.\u201d")
    _, claims = claims_of(pipeline, text)
    assert [c.stance for c in claims] == ["disputes"]


@pytest.mark.parametrize("text, expected", [
    # a statement that disowns a link or a part denies it; the report carrying it asserts
    ("Reuters reported a Chilean government source said the new tariff is not part of any "
     "wider trade dispute.", [("asserts", "Reuters"), ("denies", "CHLGOV")]),
    # a figure given by someone is their statement
    ("Some casualty figures, provided anonymously by officials to reporters, exceeded 200.",
     [("asserts", "GOV")]),
    # a lawsuit that claims something alleges it, the filer's claim
    ("The farmers' union filed a lawsuit claiming that the dam was illegal.",
     [("alleges", "farmers' union")]),
    # one name with "and" in it is one claimant
    ("The Islamic State of Iraq and the Levant claimed responsibility for the bombing.",
     [("asserts", "IMGREB")]),
    # calling those who claim something liars denies it; "he" is the man last named
    ("President Hassan Rouhani of Iran spoke on Sunday. \u201cThose who link these attacks to "
     "Iran are lying,\u201d he said.", [("denies", "IRNGOV")]),
])
def test_more_claims_read_in_context(pipeline: Pipeline, text: str, expected: list):
    _, claims = claims_of(pipeline, text)
    assert len(claims) == len(expected)
    for claim, (stance, who) in zip(claims, expected, strict=True):
        assert claim.stance == stance and who in (claim.claimant.code, claim.claimant.text)


# --- what is no claim (proposition.py) -------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Protesters wearing helmets gathered outside the station, blocking the exits.",  # an act
    "Ministers from four countries gathered in Cairo to discuss the crisis.",  # a purpose
    "The law would let the government extradite people accused of crimes.",  # no accuser
    "The festival, a holiday called Unity Day, was cancelled.",  # a name, not a statement
    "Not everyone agreed there should be a new election.",  # nobody in particular
    "Protesters with a banner saying \"free the press\". Image: Jane Doe.",  # a caption
    "Most voters voted to leave.",  # an act
    "The minister spoke with the ambassador about the case.",  # a topic
])
def test_no_claim(pipeline: Pipeline, text: str):
    _, claims = claims_of(pipeline, text)
    assert claims == []


def test_no_claim_of_a_purpose_clause_or_a_refusal(pipeline: Pipeline):
    _, claims = claims_of(pipeline, "The president declared an emergency last week so he could "
                                    "build the fence. He urged residents to stay calm and "
                                    "\"deny the attackers any victory\".")
    assert not any(c.content.text.startswith("he could") for c in claims)
    assert "denies" not in {c.stance for c in claims}


def test_hearsay_in_the_articles_voice(pipeline: Pipeline):
    _, claims = claims_of(pipeline, "Reportedly, the two ministers have been at odds over the "
                                    "budget.")
    (claim,) = claims
    assert (claim.stance, claim.claimant) == ("asserts", None)
    assert claim.content.text == "the two ministers have been at odds over the budget"


def test_a_document_speaks_for_whoever_filed_it(pipeline: Pipeline):
    _, claims = claims_of(pipeline, "Farmers from Oregon filed a lawsuit on Monday. The lawsuit "
                                    "claims that the dam is illegal.")
    claim = next(c for c in claims if "the dam is illegal" in c.content.text)
    assert claim.claimant.text == "Farmers from Oregon"


@pytest.mark.parametrize("text, who, sector", [
    ("Dawnbreak reports the minister has resigned.", "Dawnbreak", "JRN"),  # an outlet
    ("Information Minister Ali al-Rashidi spoke in Aden. According to al-Rashidi, the rebels "
     "are armed by Iran.", "Rashidi", "GOV"),  # a person named before, not an outlet
])
def test_who_reports(pipeline: Pipeline, text: str, who: str, sector: str):
    _, claims = claims_of(pipeline, text)
    (claim,) = claims
    assert who in claim.claimant.text and claim.claimant.sector == sector


def test_a_diplomat_does_not_take_the_articles_setting(pipeline: Pipeline):
    text = ("Police in Lima said two men were arrested in Lima and Cusco. The embassy declined "
            "the request and said the suspect had left Peru.")
    _, claims = claims_of(pipeline, text)
    embassy = next(c for c in claims if "had left Peru" in c.content.text)
    assert embassy.claimant.country is None


@pytest.mark.parametrize("text, stance", [
    # a question asked later on is no verdict on a claim
    ("\u201cAnd I hope that she will come back. To anticipate a question you might ask, I will "
     "raise it myself,\u201d the prime minister said.", "asserts"),
    ("The Kremlin said the claims were unproven.", "disputes"),
])
def test_a_verdict_is_said_of_a_claim(pipeline: Pipeline, text: str, stance: str):
    _, claims = claims_of(pipeline, text)
    assert [c.stance for c in claims] == [stance]


def test_a_negated_auxiliary_unsays(pipeline: Pipeline):
    _, claims = claims_of(pipeline, "The United States had not, as of yesterday, announced any "
                                    "plans to withdraw the troops.")
    assert claims == []


@pytest.mark.parametrize("text, stance", [
    ("The President declared an emergency on Friday. \u201cHe knows his emergency declaration "
     "is unwarranted,\u201d the attorney general said.", "disputes"),
    ("\u201cThey are using different tricks and lies,\u201d a protester said.", "asserts"),
])
def test_a_statement_called_unfounded_and_lies_that_are_used(pipeline: Pipeline, text: str,
                                                             stance: str):
    _, claims = claims_of(pipeline, text)
    assert claims[-1].stance == stance


def test_an_investigation_alleges_nothing(pipeline: Pipeline) -> None:
    record, claims = claims_of(pipeline, "Police in Leeds are investigating the death of a "
                                         "42-year-old man.")
    assert [e.mode for e in record.events] == ["investigate"]
    assert [c for c in claims if c.stance == "alleges"] == []


def test_a_dispute_of_what_a_party_did_answers_the_allegation_against_it(pipeline: Pipeline):
    text = ("Amnesty International said on Monday that its report was accurate. The "
            "interior minister accused Amnesty International of lying. A parliamentary "
            "inquiry did not find that Amnesty International had lied.")
    _, claims = claims_of(pipeline, text)
    allegation = next(c for c in claims if c.stance == "alleges")
    dispute = next(c for c in claims if c.stance in ("disputes", "denies")
                   and "had lied" in c.content.text)
    assert dispute.responds_to == allegation.id


def test_a_group_of_officials_is_not_the_named_official_of_their_government(pipeline: Pipeline):
    text = ("Kenyan President William Ruto declared a tax emergency. Kenyan governors from twelve "
            "counties said President Ruto's declaration is unconstitutional.")
    _, claims = claims_of(pipeline, text)
    ruto = next(c for c in claims if c.claimant is not None and "Ruto" in c.claimant.text)
    answer = next(c for c in claims if "unconstitutional" in c.content.text)
    assert answer.responds_to == ruto.id
