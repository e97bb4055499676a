"""Quotations: direct, indirect, mixed, transcript and byline quotes, cues, speakers, bad marks."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdossier.model import Article, Quote, Record
from newsdossier.pipeline import Pipeline
from newsdossier.quotes import CueTable
from newsdossier.quotes.cues import CueError
from newsdossier.quotes.marks import quotations


def quotes_of(pipeline: Pipeline, text: str) -> list[Quote]:
    record: Record = pipeline.process(Article(id="q", text=text, published="2026-03-12"))
    for quote in record.quotes:  # provenance: every span points into the stored text
        assert text[quote.content.start:quote.content.end] == quote.content.text
        if quote.cue is not None:
            assert text[quote.cue.start:quote.cue.end] == quote.cue.text
        if quote.speaker is not None:
            assert text[quote.speaker.start:quote.speaker.end] == quote.speaker.text
    return record.quotes


def only_quote(pipeline: Pipeline, text: str) -> Quote:
    found = quotes_of(pipeline, text)
    assert len(found) == 1, [(q.kind, q.content.text) for q in found]
    return found[0]


def test_direct_quote_with_trailing_cue(pipeline: Pipeline):
    quote = only_quote(pipeline, '"We have nothing to hide," the minister told reporters.')
    assert (quote.kind, quote.stance, quote.cue.text) == ("direct", "asserts", "told")
    assert quote.content.text == "We have nothing to hide,"
    assert quote.speaker.text == "minister" and quote.speaker.sector == "GOV"


def test_direct_quote_after_a_colon_resolves_a_titled_name(pipeline: Pipeline):
    quote = only_quote(pipeline, 'President Assad told Yahoo News: "We have nothing to hide."')
    assert quote.kind == "direct" and quote.content.text == "We have nothing to hide."
    assert quote.speaker.code == "SYRGOV" and quote.speaker.name == "Bashar al-Assad"


def test_indirect_quote_that_clause_and_denial(pipeline: Pipeline):
    quote = only_quote(pipeline, "The ministry denied that its forces had attacked the camp.")
    assert (quote.kind, quote.stance, quote.cue.text) == ("indirect", "denies", "denied")
    assert quote.content.text == "that its forces had attacked the camp"
    assert quote.speaker.sector == "GOV"


def test_according_to_names_the_source(pipeline: Pipeline):
    quote = only_quote(pipeline, "According to Amnesty International, 13,000 prisoners were "
                                 "hanged at the prison.")
    assert quote.cue.text == "According to"
    assert quote.content.text == "13,000 prisoners were hanged at the prison"
    assert quote.speaker.country == "NGO" and quote.speaker.name == "Amnesty International"


def test_mixed_quote_keeps_the_quoted_fragment_inside_the_content(pipeline: Pipeline):
    quote = only_quote(pipeline, "Syria's foreign ministry said the allegations were \"a new "
                                 "Hollywood plot\" aimed at justifying aggression.")
    assert quote.kind == "mixed" and quote.speaker.code == "SYRGOV"
    assert '"a new Hollywood plot"' in quote.content.text


def test_described_as_is_a_cue(pipeline: Pipeline):
    quote = only_quote(pipeline, 'The foreign ministry described the report as "a new '
                                 'Hollywood plot" to justify intervention.')
    assert quote.cue.text == "described" and quote.kind == "mixed"
    assert quote.content.text.startswith("the report as")


def test_in_a_statement_and_a_colon_clause(pipeline: Pipeline):
    quote = only_quote(pipeline, "In a statement, the army said it had repelled the attack.")
    assert quote.content.text == "it had repelled the attack" and quote.speaker.sector == "MIL"
    colon = only_quote(pipeline, "In a statement, the ministry said: the border is closed.")
    assert colon.content.text == "the border is closed"


def test_trailing_and_parenthetical_cues(pipeline: Pipeline):
    trailing = only_quote(pipeline, "Syria is ready for talks, the minister said.")
    assert trailing.content.text == "Syria is ready for talks" and trailing.kind == "indirect"
    middle = only_quote(pipeline, "The talks failed, the envoy said, because neither side "
                                  "would move.")
    assert middle.content.text.startswith("The talks failed")
    assert middle.content.text.endswith("because neither side would move")


def test_transcript_line(pipeline: Pipeline):
    quote = only_quote(pipeline, "PENCE: We will not back down.")
    assert (quote.kind, quote.speaker.text, quote.cue.text) == ("direct", "PENCE", ":")
    assert quote.content.text == "We will not back down."


@pytest.mark.parametrize("text", ['"Enough is enough." - Commissioner Johnson',
                                  '"Enough is enough" -Commissioner Johnson',
                                  '"Enough is enough." — Commissioner Johnson'])
def test_byline_dash_gives_the_speaker(pipeline: Pipeline, text: str):
    quote = only_quote(pipeline, text)
    assert quote.kind == "direct" and quote.content.text.startswith("Enough is enough")
    assert quote.speaker.text == "Commissioner Johnson"


def test_quotes_spanning_sentences_and_continuing_after_the_cue(pipeline: Pipeline):
    text = ('"The strikes will continue until the militants surrender. There will be no '
            'pause," the general said. "We have the means and the will."')
    first, second = quotes_of(pipeline, text)
    assert first.content.text == ("The strikes will continue until the militants surrender. "
                                  "There will be no pause,")
    assert second.content.text == "We have the means and the will."
    assert second.speaker.text == first.speaker.text == "general"
    assert second.cue == first.cue  # one cue introduces both halves


def test_quote_across_paragraphs_and_pronoun_speaker(pipeline: Pipeline):
    text = ('Amna Hassab, the director, spoke by phone. "The hospital has run out of blood.\n\n'
            '"We are operating in the corridors and the generators are failing," she said.')
    quote = only_quote(pipeline, text)
    assert quote.kind == "direct" and "\n\n" in quote.content.text
    assert quote.content.text.startswith("The hospital has run out of blood.")
    assert quote.speaker.text == "she" and quote.speaker.name == "Amna Hassab"  # not "hospital"


def test_quote_continuing_in_the_next_paragraph_keeps_its_speaker(pipeline: Pipeline):
    text = ('"There is no crematorium," said Ministry spokesman Kyaw Thiha Naing.\n\n'
            '"There have been no executions at the prison this year."')
    first, second = quotes_of(pipeline, text)
    assert first.speaker.name == second.speaker.name == "Kyaw Thiha Naing"
    assert second.cue is None  # the cue is in the paragraph before


@pytest.mark.parametrize("text", [
    'He said "this is wrong.',
    '“The convoy was stopped at the border, the official said.',
    'The minister said "we will see” and “maybe" and left.',
    '"' * 50,
    '” and “',
    'She said: "',
])
def test_unbalanced_quotation_marks_never_crash(pipeline: Pipeline, text: str):
    found = quotes_of(pipeline, text)
    for quote in found:
        assert quote.content.end > quote.content.start


def test_unbalanced_mark_ends_at_its_paragraph(pipeline: Pipeline):
    text = 'He said "this is wrong.\n\nThe next paragraph is the reporter speaking.'
    quote = only_quote(pipeline, text)
    assert "reporter" not in quote.content.text and quote.content.text.startswith("this is")


def test_pronoun_surname_and_correspondent_speakers(pipeline: Pipeline):
    kerry = quotes_of(pipeline, "John Kerry arrived in Geneva on Monday. Kerry said the talks "
                                "would be difficult.")[-1]
    assert kerry.speaker.text == "Kerry" and kerry.speaker.name == "John Kerry"
    assert kerry.speaker.code == "USAGOV"
    reporter = only_quote(pipeline, "Our correspondent said the streets were empty.")
    assert reporter.speaker.sector == "JRN"
    minister = only_quote(pipeline, "The minister said he would resign.")
    assert minister.content.text == "he would resign" and minister.speaker.text == "minister"


def test_stances_from_cue_and_context(pipeline: Pipeline):
    claimed = only_quote(pipeline, "The rebels claimed that government jets had bombed the "
                                   "village.")
    assert claimed.stance == "alleges" and claimed.speaker.sector == "REB"
    accused = only_quote(pipeline, "Washington accused Damascus of using chemical weapons.")
    assert (accused.stance, accused.content.text) == ("alleges",
                                                      "Damascus of using chemical weapons")
    welcomed = only_quote(pipeline, "The opposition welcomed the report as a first step.")
    assert welcomed.stance == "supports"
    doubted = only_quote(pipeline, "The analysts could not confirm that the building was a "
                                   "crematorium.")
    assert doubted.stance == "disputes"  # a negated confirmation
    plan = only_quote(pipeline, "The ministry rejected the plan as unworkable.")
    assert plan.stance == "disputes"  # rejecting a plan is no denial of a claim
    charge = only_quote(pipeline, "The ministry rejected the accusation.")
    assert charge.stance == "denies"


def test_scare_quotes_are_not_quotations(pipeline: Pipeline):
    assert quotes_of(pipeline, 'The so-called "peace plan" was published on Monday.') == []


def test_quotation_marks_scanner_pairs_and_recovers():
    text = 'A “first” and "second" then “open\n\nnext'
    found = [(text[q.start:q.end]) for q in quotations(text)]
    assert found[:2] == ["first", "second"]
    assert found[2] == "open"  # an unclosed mark stops at the paragraph


def test_cue_table_loads_and_user_rows_win(tmp_path: Path):
    table = CueTable.load()
    assert any(c.stance == "denies" for c in table.candidates("VERB", "deny"))
    extra = tmp_path / "cues.tsv"
    extra.write_text("# mine\ntrumpet\tVERB\talleges\tclause\n", encoding="utf-8")
    mine = CueTable.load([extra])
    assert [c.stance for c in mine.candidates("VERB", "trumpet")] == ["alleges"]


@pytest.mark.parametrize("row, message", [
    ("say\tVERB\tasserts", "expected 4 or 5 tab-separated columns"),
    ("say\tVERB\tasserts\tclause\tsomeone", "speaker must be any or agent"),
    ("say\tADVERB\tasserts\tclause", "pos must be"),
    ("say\tVERB\tshouts\tclause", "unknown stance"),
    ("say\tVERB\tasserts\tsomewhere", "unknown frame"),
])
def test_cue_table_errors_name_the_line(tmp_path: Path, row: str, message: str):
    bad = tmp_path / "bad.tsv"
    bad.write_text(f"# header\n{row}\n", encoding="utf-8")
    with pytest.raises(CueError, match=message) as caught:
        CueTable.load([bad])
    assert "bad.tsv:2" in str(caught.value)


def test_user_cue_file_through_settings(nlp, tmp_path: Path):
    from newsdossier.settings import Settings

    extra = tmp_path / "cues.tsv"
    extra.write_text("trumpet\tVERB\talleges\tclause\n", encoding="utf-8")
    custom = Pipeline(Settings(quote_cues=(str(extra),)), nlp=nlp)
    quote = only_quote(custom, "The rebels trumpeted that the town had fallen.")
    assert quote.stance == "alleges" and quote.cue.text == "trumpeted"


def test_a_pronoun_speaker_is_the_main_subject_before_an_embedded_thing(pipeline: Pipeline):
    quotes = quotes_of(pipeline, "The researchers suggested that the algae might render the "
                                 "corals' chemical defenses less effective. They reported, "
                                 "\"Seaweed disrupts the reef.\"")
    direct = next(q for q in quotes if q.kind == "direct")
    assert direct.speaker is not None and direct.speaker.name == "researchers"


def test_that_said_is_a_connective_not_a_quotation(pipeline: Pipeline):
    quotes = quotes_of(pipeline, "That said, we understand customers who feel that we have "
                                 "killed the product they cared about.")
    assert all(q.speaker is None or q.speaker.text.lower() not in ("that", "we")
               for q in quotes)
    assert not any(q.content.text.strip(" ,").lower() == "that said" for q in quotes)


def test_a_quoted_name_is_no_quotation_but_a_verbless_statement_is(pipeline: Pipeline):
    quotes = quotes_of(pipeline, "The court ruled on the case \"Novak vs. Meridian Shipping "
                                 "Holdings Limited\". The ministry said in a statement: "
                                 "\"Total nonsense and lies from start to end.\"")
    assert [q.content.text for q in quotes] == ["Total nonsense and lies from start to end."]


def test_a_relative_clause_inside_the_speaker_phrase_is_not_the_speaker(pipeline: Pipeline):
    [quote] = quotes_of(pipeline, "Some of the miners Wikinews interviewed said they wanted "
                                  "the mine reopened by the company.")
    assert quote.speaker is not None and quote.speaker.text == "Some of the miners"
    assert quote.speaker.sector == "LAB"


def test_a_role_after_as_describes_a_person_a_pronoun_does_not_stand_for(
        pipeline: Pipeline) -> None:
    quotes = quotes_of(pipeline, "Detectives interviewed Laura Brennan as a suspect. She "
                                 "told them she had \"no plans to leave the city\".")
    assert quotes and quotes[-1].speaker is not None
    assert "Brennan" in (quotes[-1].speaker.name or quotes[-1].speaker.text)
