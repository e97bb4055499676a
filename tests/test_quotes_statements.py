"""Quotations in whole articles: what counts as a statement, who made it, one quote for one
statement. Every sentence here is invented for the phenomenon it shows."""

from __future__ import annotations

import pytest

from newsdossier.model import Article, Quote, Record
from newsdossier.pipeline import Pipeline


def quotes_of(pipeline: Pipeline, text: str) -> list[Quote]:
    record: Record = pipeline.process(Article(id="s", text=text, published="2026-03-12"))
    for quote in record.quotes:
        assert text[quote.content.start:quote.content.end] == quote.content.text
        if quote.speaker is not None:
            assert text[quote.speaker.start:quote.speaker.end] == quote.speaker.text
    return record.quotes


def only_quote(pipeline: Pipeline, text: str) -> Quote:
    found = quotes_of(pipeline, text)
    assert len(found) == 1, [(q.kind, q.content.text) for q in found]
    return found[0]


def speaker_name(quote: Quote) -> str:
    assert quote.speaker is not None
    return quote.speaker.name or quote.speaker.text


# --- what is a statement ----------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The mayor condemned the shooting.",  # a reaction to something, nothing said of it
    "The embassy declined the request.",  # an anaphoric object points back, says nothing
    "The two ministers met to discuss trade relations.",
    "Speaking on Monday, the minister visited the flooded villages.",
    "The treaty seeks to remove tariffs on farm goods.",  # no one's intention
    "Courts can extradite people accused of fraud.",  # the accused, not an accuser
    "The government has not announced any plans to withdraw.",  # nothing was said
    "Infographic: The number of refugees has doubled since 2015.",
    "The ministry denied funding for the new stadium.",  # a refusal, not a denied claim
])
def test_no_statement(pipeline: Pipeline, text: str):
    assert quotes_of(pipeline, text) == []


def test_a_reaction_with_what_is_said_of_its_object(pipeline: Pipeline):
    quote = only_quote(pipeline, "The mayor condemned the shooting as an act of hatred.")
    assert quote.content.text == "the shooting as an act of hatred"
    assert quote.stance == "disputes"


def test_object_and_infinitive_make_one_request(pipeline: Pipeline):
    quote = only_quote(pipeline, "The envoy urged the rebels to lay down their arms.")
    assert quote.content.text == "the rebels to lay down their arms"
    assert quote.speaker.text == "envoy"
    called = only_quote(pipeline, "Teachers called on the government to raise salaries.")
    assert called.content.text == "the government to raise salaries"


def test_called_for_a_clause(pipeline: Pipeline):
    quote = only_quote(pipeline, "The farmers' union has called for the law to be repealed.")
    assert quote.content.text == "the law to be repealed"
    assert quote.speaker.text == "farmers' union"


def test_a_bare_noun_phrase_comes_with_its_cue(pipeline: Pipeline):
    claimed = only_quote(pipeline, "A local militia later claimed responsibility.")
    assert claimed.content.text == "claimed responsibility" and claimed.stance == "alleges"
    announced = only_quote(pipeline, "The ministry announced new limits on fishing.")
    assert announced.content.text == "announced new limits on fishing"


def test_accused_and_attributed_keep_their_object(pipeline: Pipeline):
    accused = only_quote(pipeline, "The prosecutor accused the firm of hiding losses.")
    assert accused.content.text == "the firm of hiding losses"
    blamed = only_quote(pipeline, "Investigators attributed the fire to faulty wiring.")
    assert blamed.content.text == "the fire to faulty wiring" and blamed.stance == "alleges"


def test_passive_claim_names_its_speaker_in_the_agent(pipeline: Pipeline):
    quote = only_quote(pipeline, "The bombing was claimed by an armed group from the north.")
    assert quote.content.text == "The bombing was claimed by an armed group from the north"
    assert quote.speaker.text == "armed group from the north"


def test_openers_and_circumstances_are_not_content(pipeline: Pipeline):
    opener = only_quote(pipeline, "Speaking on Monday, the minister said the talks had failed.")
    assert opener.content.text == "the talks had failed"
    scene = only_quote(pipeline, "While prices rose, the central bank announced a new savings "
                                 "plan.")
    assert scene.content.text == "announced a new savings plan"


def test_a_clause_closed_by_a_semicolon_is_the_writers(pipeline: Pipeline):
    quote = only_quote(pipeline, "The war has lasted a decade; the rebels want foreign troops "
                                 "to leave.")
    assert "decade" not in quote.content.text


def test_statement_nouns_with_their_source(pipeline: Pipeline):
    quote = only_quote(pipeline, "Messages of support have come from the president and the "
                                 "archbishop.")
    assert quote.content.text == "Messages of support"
    assert "president" in quote.speaker.text


def test_parenthetical_cue_reports_both_sides(pipeline: Pipeline):
    quote = only_quote(pipeline, "Because the law is vague, reads the ruling, the case must "
                                 "be heard again.")
    assert quote.content.text.startswith("Because the law is vague")
    assert quote.content.text.endswith("the case must be heard again")
    assert quote.speaker.text == "ruling"


def test_dateline_is_not_part_of_the_content(pipeline: Pipeline):
    quote = only_quote(pipeline, "LONDON — The strike will go ahead, union leaders said on "
                                 "Friday.")
    assert quote.content.text == "The strike will go ahead"


def test_told_an_audience_that(pipeline: Pipeline):
    quote = only_quote(pipeline, "She told a meeting of rice farmers that prices would rise "
                                 "again.")
    assert quote.content.text == "that prices would rise again"


def test_split_clause_object(pipeline: Pipeline):
    quote = only_quote(pipeline, "On Friday the council announced the new district, to be "
                                 "called Riverside, would elect its own mayor from 2027.")
    assert quote.content.text.endswith("would elect its own mayor from 2027")


# --- who said it -------------------------------------------------------------------------------


def test_participle_on_its_speaker(pipeline: Pipeline):
    quote = only_quote(pipeline, "The port was closed on Tuesday, with officials saying the "
                                 "storm had damaged the cranes.")
    assert quote.speaker.text == "officials"
    assert quote.content.text == "the storm had damaged the cranes"


def test_a_document_filed_speaks_for_who_filed_it(pipeline: Pipeline):
    quote = only_quote(pipeline, "Residents filed a petition claiming the factory had "
                                 "poisoned the river.")
    assert quote.speaker.text == "Residents"


def test_inverted_cue_and_a_name_given_in_a_participle(pipeline: Pipeline):
    quote = only_quote(pipeline, '"The bridge is not safe," said an engineer using the '
                                 'pseudonym Omar.')
    assert "Omar" in quote.speaker.text and quote.kind == "direct"


def test_a_pronoun_is_the_person_not_the_audience(pipeline: Pipeline):
    text = ("Governor Tom Reyes was asked about the budget while speaking to the press in "
            'Albany. He said, "We will not raise taxes this year."')
    quote = only_quote(pipeline, text)
    assert quote.speaker.text == "He" and speaker_name(quote) == "Tom Reyes"


def test_a_pronoun_after_a_run_of_quoted_sentences(pipeline: Pipeline):
    text = ('Maria Lopez was speaking at the opening of the new port. "Trade will double. '
            'Ships will come from every continent. Our workers are ready. The cranes are '
            'the biggest in the region," she said.\n\n"This is only the beginning," she '
            'continued.')
    first, second = quotes_of(pipeline, text)
    assert speaker_name(first) == speaker_name(second) == "Maria Lopez"
    assert second.cue is not None and second.cue.text == "continued"


def test_they_is_a_group(pipeline: Pipeline):
    text = ("The foreign ministers of Norway and Chile met in Oslo on Monday. The Chilean "
            "minister, Ana Ruiz, chaired the talks. They called on both sides to resume "
            "negotiations.")
    quote = quotes_of(pipeline, text)[-1]
    assert quote.speaker.text == "They" and speaker_name(quote) != "Ana Ruiz"


# --- one statement, one quote ------------------------------------------------------------------


def test_a_quoted_sentence_split_by_its_attribution_is_one_quote(pipeline: Pipeline):
    quote = only_quote(pipeline, '"We are ready," the minister said, "to talk to anyone who '
                                 'wants peace."')
    assert quote.kind == "direct"
    assert quote.content.text.startswith("We are ready")
    assert quote.content.text.endswith("who wants peace.")


def test_request_with_a_quoted_part_is_one_mixed_quote(pipeline: Pipeline):
    quote = only_quote(pipeline, 'The general urged residents to stay indoors and "trust '
                                 'nobody in uniform".')
    assert quote.kind == "mixed" and "trust nobody" in quote.content.text


def test_attribution_after_an_exclamation_across_the_sentence_break(pipeline: Pipeline):
    quote = only_quote(pipeline, '"The river is rising. Help us now!" the mayor wrote on '
                                 'Monday.')
    assert quote.kind == "direct" and quote.speaker.text == "mayor"


def test_a_quoted_sentence_does_not_take_the_next_sentences_verb(pipeline: Pipeline):
    text = ('Kim Ode said the fund would be "the largest ever set up by the city." The city '
            'council refers to it as the Harbour Fund.')
    for quote in quotes_of(pipeline, text):
        assert quote.speaker is not None and "council" not in quote.speaker.text


def test_a_quoted_sign_in_a_caption_is_not_a_continuation(pipeline: Pipeline):
    text = ('"We will march every week until the law goes," said Ana Diaz.\n\n'
            '"No war in our name, never again" banner. Image: J. Doe.')
    assert len(quotes_of(pipeline, text)) == 1


def test_another_speakers_statement_is_not_part_of_the_first(pipeline: Pipeline):
    text = "One farmer said the harvest had failed and several said they would leave."
    first, second = quotes_of(pipeline, text)
    assert first.content.text == "the harvest had failed"
    assert second.speaker.text == "several"


def test_two_apostrophe_quotation_marks(pipeline: Pipeline):
    quote = only_quote(pipeline, "''We will win this case,'' the lawyer said.")
    assert quote.kind == "direct" and quote.content.text == "We will win this case,"


def test_a_colon_quote_cut_by_the_sentence_splitter_stays_one_quote(pipeline: Pipeline):
    text = ('Inspector Lena Park said at a press conference: "The officers were in danger. '
            'One of them fired a warning shot."')
    quote = only_quote(pipeline, text)
    assert quote.kind == "direct" and quote.content.text.endswith("warning shot.")


def test_a_clause_before_a_cue_with_its_own_object_is_not_its_content(pipeline: Pipeline):
    text = ("In a short message posted the next morning, the ministry denounced the verdict of "
            "the court.")
    assert quotes_of(pipeline, text) == []


def test_a_quoted_fragment_keeps_its_closing_mark(pipeline: Pipeline):
    quote = only_quote(pipeline, 'The ministry described the verdict as "a political farce".')
    assert quote.content.text.endswith('farce"') and quote.kind == "mixed"


def test_a_gerund_shares_the_subject_of_the_verb_it_hangs_on(pipeline: Pipeline):
    quote = only_quote(pipeline, "The senator stopped short of calling the raid illegal.")
    assert quote.speaker.text == "senator"
    lead = only_quote(pipeline, "The Greens were in the lead in demanding a ban on coal.")
    assert lead.speaker.text == "Greens"


def test_a_name_read_as_a_clause_still_speaks(pipeline: Pipeline):
    quote = only_quote(pipeline, "The Committee to Protect Journalists reports twelve "
                                 "reporters killed this year.")
    assert "Committee to Protect Journalists" in speaker_name(quote)


def test_a_subjunctive_clause_after_a_statement_noun(pipeline: Pipeline):
    quote = only_quote(pipeline, "Residents were surprised by the mayor's proposal the depot "
                                 "be sold to the city.")
    assert quote.content.text == "the depot be sold to the city"
    assert quote.speaker.text == "mayor"


def test_a_subordinate_clause_after_a_comma_is_no_attribution(pipeline: Pipeline):
    text = "Ticket sales fell sharply, as fans complained about the prices."
    assert all("Ticket sales" not in q.content.text for q in quotes_of(pipeline, text))


def test_a_predicate_keeps_the_phrase_that_completes_it(pipeline: Pipeline):
    quote = only_quote(pipeline, "The agency reported the flood the worst since 1953.")
    assert quote.content.text == "the flood the worst since 1953"


@pytest.mark.parametrize("text", [
    "Ana Diaz Image: City Hall.",  # a caption credit, not a transcript line
    'The twins, known as "the Flying Brothers of Lyon", toured France.',  # a name
    "The letter did not name any suspect, nor mention any damage to the building.",
])
def test_page_furniture_names_and_negations(pipeline: Pipeline, text: str):
    assert quotes_of(pipeline, text) == []


def test_the_medium_after_a_name_is_not_the_speaker(pipeline: Pipeline):
    quote = only_quote(pipeline, '"Heartbroken and numb," writes her old partner Erick Rowan '
                                 'on Instagram.')
    assert quote.speaker.text.endswith("Erick Rowan")


def test_an_indefinite_speaker_is_someone_new(pipeline: Pipeline):
    text = ('Student leader Joshua Lee spoke first. "We stay," said a protester using the '
            'pseudonym Mira.')
    quote = quotes_of(pipeline, text)[-1]
    assert "Mira" in quote.speaker.text and quote.speaker.name != "Joshua Lee"


@pytest.mark.parametrize("text", [
    "Video footage from the square shows the officer drawing his pistol.",
    "A security camera recording showed the car leaving at midnight.",
])
def test_a_recording_shows_but_says_nothing(pipeline: Pipeline, text: str):
    assert quotes_of(pipeline, text) == []


def test_according_to_keeps_the_statement_the_parser_hung_on_the_source(pipeline: Pipeline):
    quote = only_quote(pipeline, "According to radio host Ann Price, the reform reeks of "
                                 "panic.")
    assert quote.content.text == "the reform reeks of panic"
    assert quote.speaker.text.endswith("Ann Price")


def test_a_reported_clause_after_an_adverbial(pipeline: Pipeline):
    quote = only_quote(pipeline, "The coach said after the final he would resign.")
    assert quote.content.text.endswith("he would resign")


def test_a_short_quoted_question_is_speech(pipeline: Pipeline):
    quote = only_quote(pipeline, '"You winning?" she said.')
    assert quote.kind == "direct" and quote.content.text == "You winning?"


def test_it_is_a_body(pipeline: Pipeline):
    text = "The Finance Ministry published new figures on Monday. It said the deficit had shrunk."
    quote = quotes_of(pipeline, text)[-1]
    assert quote.speaker.text == "It" and quote.speaker.sector == "GOV"
