"""The "statements" stage: accusations and condemnations told in quotations."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdossier.events.statements import AccusationError, AccusationWords
from newsdossier.model import Article, Event, Record
from newsdossier.pipeline import Pipeline
from newsdossier.settings import Settings


def run(pipeline: Pipeline, text: str) -> Record:
    return pipeline.process(Article(id="t", text=text, published="2026-03-12"))


def accusations(record: Record) -> list[Event]:
    return [e for e in record.events if e.type == "ACCUSE"]


def codes(actors) -> list[str]:
    return [a.code for a in actors]


def test_saying_a_party_lies_accuses_it(pipeline: Pipeline) -> None:
    record = run(pipeline, '"The Venezuelan government is lying about the death toll," said '
                           "Colombian foreign minister Ana Ruiz.")
    [accusation] = accusations(record)
    assert (accusation.cameo, codes(accusation.source), codes(accusation.target)) == (
        "112", ["COLGOV"], ["VENGOV"])
    assert accusation.trigger.text == "said"
    assert record.article.text[accusation.sentence.start:accusation.sentence.end] == \
        accusation.sentence.text


def test_a_condemning_word_criticises_the_owner_of_the_act(pipeline: Pipeline) -> None:
    record = run(pipeline, "Kenya's president said Uganda's decision to close the border was "
                           '"disgraceful".')
    [criticism] = accusations(record)
    assert criticism.cameo == "111" and codes(criticism.target) == ["UGA"]


def test_calling_an_act_a_violation_accuses_its_actor(pipeline: Pipeline) -> None:
    record = run(pipeline, "Peru's foreign ministry called the Bolivian blockade a serious "
                           "violation of international law.")
    [accusation] = accusations(record)
    assert codes(accusation.source) == ["PERGOV"] and codes(accusation.target) == ["BOL"]


def test_a_claim_accuses_the_doer_of_what_it_claims(pipeline: Pipeline) -> None:
    record = run(pipeline, "The Chadian opposition claimed the protesters were beaten by the "
                           "army.")
    [accusation] = accusations(record)
    assert codes(accusation.source) == ["TCDOPP"]
    assert [a.sector for a in accusation.target] == ["MIL"]


def test_no_accusation_when_negated_or_only_about_the_speakers_side(pipeline: Pipeline) -> None:
    assert accusations(run(pipeline, '"Ghana is not lying," the Togolese minister said.')) == []
    assert accusations(run(pipeline, '"We will not tolerate terrorism," Nigeria\'s president '
                                      "said.")) == []


def test_an_accusation_the_coder_already_found_is_not_made_twice(pipeline: Pipeline) -> None:
    record = run(pipeline, "Mali accused France of lying about the raid.")
    assert len(accusations(record)) == 1


def test_user_word_files_add_and_remove_words(tmp_path: Path) -> None:
    extra = tmp_path / "words.tsv"
    extra.write_text("# mine\nswindle\talleges\nlie\t-\n", encoding="utf-8")
    words = AccusationWords.load([extra])
    assert words.words["swindle"] == "alleges" and "lie" not in words.words
    bad = tmp_path / "bad.tsv"
    bad.write_text("swindle\tscolds\n", encoding="utf-8")
    with pytest.raises(AccusationError, match=r"bad\.tsv:1"):
        AccusationWords.load([bad])


def test_the_setting_names_the_extra_files(tmp_path: Path, nlp) -> None:
    extra = tmp_path / "words.tsv"
    extra.write_text("swindle\talleges\n", encoding="utf-8")
    settings = Settings(event_accusations=(str(extra),))
    pipeline = Pipeline(settings, nlp=nlp)
    record = pipeline.process(Article(id="t", text='"Nigeria swindled us," the Ghanaian '
                                                    "minister said.", published="2026-03-12"))
    assert [codes(e.target) for e in accusations(record)] == [["NGA"]]


def test_two_named_people_of_one_government_are_two_parties(pipeline: Pipeline) -> None:
    record = run(pipeline, '"President Harlow treats the courts with contempt," said the '
                           "Kenyan attorney general, Mary Otieno.")
    [criticism] = accusations(record)
    assert criticism.target[0].name != criticism.source[0].name


def test_an_event_told_in_the_first_person_is_the_speakers(pipeline: Pipeline) -> None:
    record = pipeline.process(Article(id="t", text=(
        "Cuba's foreign minister responded on Twitter: \"I strongly reject the new US "
        "blockade measures.\""), published="2026-03-12"))
    [rejection] = [e for e in record.events if e.type == "REJECT"]
    assert [a.code for a in rejection.source] == ["CUBGOV"]
    assert [e for e in record.events if e.type == "ACCUSE"] == []


def test_a_measure_which_bans_is_no_party(pipeline: Pipeline) -> None:
    record = pipeline.process(Article(id="t", text=(
        "The minister criticised the new US measure which bans flights to Havana."),
        published="2026-03-12"))
    assert all(e.type != "SANCTION" for e in record.events)


def test_a_first_person_event_is_the_speakers_even_uncoded(pipeline: Pipeline) -> None:
    # the speaker is a named person the dictionary does not know, and "I" governs the act
    # through an adjective ("I am glad to endorse him")
    record = pipeline.process(Article(id="t", text=(
        "\"Today I am glad to endorse Senator Obama,\" said Mirela Vantu."),
        published="2026-03-12"))
    [support] = [e for e in record.events if e.type == "SUPPORT"]
    assert [a.name for a in support.source] == ["Mirela Vantu"]


def test_the_one_ready_to_act_is_its_doer(pipeline: Pipeline) -> None:
    record = pipeline.process(Article(id="t", text="Iran is willing to negotiate with Oman.",
                                      published="2026-03-12"))
    assert [[a.code for a in e.source] for e in record.events] == [["IRN"]]


def test_calling_an_act_a_wrongdoing_criticises_its_doer(pipeline: Pipeline) -> None:
    record = pipeline.process(Article(id="t", text=(
        "Venezuela described the Colombian raid as a flagrant violation of international law."),
        published="2026-03-12"))
    [criticism] = [e for e in record.events if e.type == "ACCUSE"]
    assert [a.code for a in criticism.source] == ["VEN"]
    assert [a.code for a in criticism.target] == ["COL"]
    assert not [e for e in record.events if e.type == "ASSAULT"
                and any(a.code == "VEN" for a in e.source)]
    praise = pipeline.process(Article(id="p", text=(
        "Venezuela described the talks with Colombia as constructive."),
        published="2026-03-12"))
    assert not [e for e in praise.events if e.type == "ACCUSE"]


def test_a_criticism_is_made_beside_another_act_joined_to_it(pipeline: Pipeline) -> None:
    record = pipeline.process(Article(id="t", text=(
        "The interior minister described the bombings as a \"cowardly act\" and urged "
        "residents to report suspicious parcels."), published="2026-03-12"))
    assert sorted(e.type for e in record.events if not e.background) == ["ACCUSE", "REQUEST"]
    [criticism] = [e for e in record.events if e.type == "ACCUSE"]
    assert criticism.cameo == "111" and criticism.trigger.text == "described"


def test_calling_a_deal_void_judges_it_and_makes_no_deal(pipeline: Pipeline) -> None:
    record = pipeline.process(Article(id="t", text=(
        "The Cypriot president called the pipeline agreement \"null and void\"."),
        published="2026-03-12"))
    assert [(e.type, e.cameo) for e in record.events if not e.background] == [("ACCUSE", "111")]
    assert not [e for e in record.events if e.type == "AGREE" and e.source]
    strike = pipeline.process(Article(id="s", text="The unions called a general strike.",
                                      published="2026-03-12"))
    assert [e.type for e in strike.events] == ["PROTEST"]  # calling one is no judgement


def test_a_past_verb_the_parser_hung_under_a_noun_is_the_main_verb(pipeline: Pipeline) -> None:
    record = pipeline.process(Article(id="t", text=(
        "On Monday, Turkish foreign minister Mevlut Cavusoglu speaking to the Brookings "
        "Institution think tank called the maritime deal \"completely illegal\"."),
        published="2026-03-12"))
    [criticism] = [e for e in record.events if e.type == "ACCUSE"]
    assert [a.code for a in criticism.source] == ["TURGOV"]


def test_what_we_do_in_a_quotation_is_the_speakers(pipeline: Pipeline) -> None:
    record = pipeline.process(Article(id="t", text=(
        "\"We condemn this cowardly attack,\" said the Nigerian foreign minister."),
        published="2026-03-12"))
    assert [(e.type, [a.code for a in e.source]) for e in record.events] == [
        ("ACCUSE", ["NGAGOV"])]
    nobody = pipeline.process(Article(id="n", text="\"We condemn this attack,\" one shouted.",
                                      published="2026-03-12"))
    assert nobody.events == []


def test_claiming_a_fact_accuses_no_one_claiming_who_was_behind_it_does(
        pipeline: Pipeline) -> None:
    plain = pipeline.process(Article(id="t", text=(
        "The senator claimed that the state has enough money to pay its debts."),
        published="2026-03-12"))
    assert not [e for e in plain.events if e.type == "ACCUSE"]
    behind = pipeline.process(Article(id="b", text=(
        "Police claimed the rioters were paid by the opposition."), published="2026-03-12"))
    assert [e.type for e in behind.events] == ["ACCUSE"]


def test_water_bombing_a_fire_is_no_attack(pipeline: Pipeline) -> None:
    record = pipeline.process(Article(id="t", text=(
        "Firefighters said water bombing by helicopters was ruled out over the old town."),
        published="2026-03-12"))
    assert not [e for e in record.events if e.type in ("ASSAULT", "ACCUSE")]


def test_a_neutral_report_of_an_attack_is_no_accusation(pipeline) -> None:
    from newsdossier.model import Article

    record = pipeline.process(Article(id="t", published="2026-03-12", text=(
        "The ministry said rebel fighters attacked a convoy near the border on Monday.")))
    assert [e.type for e in record.events] == ["ASSAULT"]
    assert record.events[0].attributed_to is not None


def test_a_party_speaking_inside_a_report_is_the_accuser(pipeline) -> None:
    from newsdossier.model import Article

    record = pipeline.process(Article(id="t", published="2026-03-12", text=(
        "According to The Guardian, security officials warned the ministry last May that "
        "the adviser could be a channel for Chinese propaganda.")))
    [accusation] = [e for e in record.events if e.type == "ACCUSE"]
    assert [a.text for a in accusation.source] == ["security officials"]
    assert accusation.attributed_to is not None and "Guardian" in accusation.attributed_to.text
