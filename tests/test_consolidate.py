"""The "consolidate" stage: one event per real event, dates and places from the story."""

from __future__ import annotations

from newsdossier.events.consolidate import tense
from newsdossier.model import Article, Event, Record
from newsdossier.pipeline import Pipeline

PUBLISHED = "2026-03-12"  # a Thursday


def run(pipeline: Pipeline, text: str) -> Record:
    return pipeline.process(Article(id="t", text=text, published=PUBLISHED))


def of_type(record: Record, type_: str) -> list[Event]:
    return [e for e in record.events if e.type == type_]


def test_a_definite_mention_later_is_the_same_event(pipeline: Pipeline) -> None:
    record = run(pipeline, "Rebels attacked the town of Koro in Mali on Monday, officials "
                           "said. The attack killed 12 soldiers, the army said.")
    [attack] = of_type(record, "ASSAULT")
    assert attack.sentence.text.startswith("Rebels attacked")
    assert [m.text for m in attack.mentions] == ["The attack killed 12 soldiers, the army said."]
    assert attack.dead == 12 and attack.date == "2026-03-09" and attack.date_basis == "stated"
    assert record.article.text[attack.mentions[0].start:attack.mentions[0].end] == \
        attack.mentions[0].text


def test_a_plural_mention_is_not_the_single_event_told_before(pipeline: Pipeline) -> None:
    record = run(pipeline, "Police dispersed a protest in Bamako on Friday. The protest "
                           "followed weeks of protests against the government.")
    protests = of_type(record, "PROTEST")
    assert len(protests) == 2
    assert any("weeks of protests" in e.trigger.text or e.trigger.text == "protests"
               for e in protests)


def test_one_act_coded_two_kindred_ways_is_one_event(pipeline: Pipeline) -> None:
    record = run(pipeline, "The Malian government banned the newspaper Le Soir. The "
                           "information ministry suspended the newspaper's licence.")
    acts = [e for e in record.events if e.type in ("COERCE", "SANCTION")]
    assert len(acts) == 1 and len(acts[0].mentions) == 1


def test_separate_statements_of_one_speaker_stay_separate(pipeline: Pipeline) -> None:
    record = run(pipeline, "The prime minister accused the opposition of fraud. The prime "
                           "minister also accused the judges of bias.")
    assert len(of_type(record, "ACCUSE")) == 2


def test_the_story_keeps_its_day_for_the_events_that_follow(pipeline: Pipeline) -> None:
    record = run(pipeline, "On Friday, thousands of protesters marched to the parliament in "
                           "Bamako. Police fired tear gas at the protesters.")
    [march] = of_type(record, "PROTEST")
    [tear_gas] = [e for e in record.events if e is not march]
    assert (march.date, march.date_basis) == ("2026-03-06", "stated")
    assert (tear_gas.date, tear_gas.date_basis) == ("2026-03-06", "narrative")
    assert tear_gas.location is not None and tear_gas.location.name == "Bamako"
    assert tear_gas.location_basis == "narrative"


def test_a_flashback_ends_the_scene_and_leaves_the_news_day(pipeline: Pipeline) -> None:
    record = run(pipeline, "On Friday, protesters marched in Bamako. In 2012, France sent "
                           "troops to Mali. Soldiers later clashed with rebels.")
    flashback = next(e for e in record.events if "2012" in e.sentence.text)
    clash = next(e for e in record.events if "clashed" in e.sentence.text)
    assert (flashback.date, flashback.date_basis) == ("2012", "stated")
    # not told in Friday's scene any more: the story's news day, flagged as such
    assert (clash.date, clash.date_basis) == ("2026-03-06", "news-day")


def test_an_old_day_is_no_news_day(pipeline: Pipeline) -> None:
    record = run(pipeline, "On March 2, 2025, rebels attacked Gao. Soldiers later clashed "
                           "with rebels in Kidal.")
    clash = next(e for e in record.events if "clashed" in e.sentence.text)
    assert clash.date_basis != "news-day"


def test_present_and_present_perfect_news_takes_the_report_date(pipeline: Pipeline) -> None:
    record = run(pipeline, "Mali's foreign ministry has rejected the accusations of torture.")
    [denial] = [e for e in record.events if e.cameo and e.cameo.startswith(("12", "01"))]
    assert (denial.date, denial.date_basis) == (PUBLISHED, "report-date")


def test_future_and_historical_events_inherit_no_date(pipeline: Pipeline) -> None:
    record = run(pipeline, "On Monday, rebels attacked the army in Gao. Rebels will attack "
                           "the capital, a commander warned. In 2012 rebels had attacked Gao.")
    future = [e for e in record.events if e.status in ("future", "historical")
              or e.intent is not None]
    assert future and all(e.date_basis in (None, "stated") for e in future)


def test_a_domestic_event_is_placed_in_its_country(pipeline: Pipeline) -> None:
    record = run(pipeline, "Kenyan police arrested a Kenyan opposition leader.")
    [arrest] = record.events
    assert arrest.location is not None and arrest.location.country == "KEN"
    assert arrest.location_basis == "actor-country"
    assert arrest.location.text == record.article.text[arrest.location.start:
                                                       arrest.location.end]


def test_an_event_between_two_countries_gets_no_fallback_place(pipeline: Pipeline) -> None:
    record = run(pipeline, "Kenya accused Somalia of harbouring militants.")
    accusation = next(e for e in record.events if e.type == "ACCUSE")
    assert accusation.location is None and accusation.location_basis is None


def test_merged_events_keep_references_pointing_at_the_kept_event(pipeline: Pipeline) -> None:
    record = run(pipeline, "Troops shelled the village of Dosso on Monday. Residents said "
                           "the shelling killed four people.")
    ids = {e.id for e in record.events}
    assert all(e.reported_in is None or e.reported_in in ids for e in record.events)
    assert all(i in ids for claim in record.claims for i in claim.event_ids)


def test_tense_of_triggers(nlp) -> None:
    doc = nlp("The ministry has denied it. Police arrested him. She says they will strike. "
              "He had resigned. Rebels are attacking the city.")
    by_word = {t.text: t for t in doc}
    assert tense(by_word["denied"]) == "perfect"
    assert tense(by_word["arrested"]) == "past"
    assert tense(by_word["says"]) == "present"
    assert tense(by_word["strike"]) == "future"
    assert tense(by_word["resigned"]) == "pluperfect"
    assert tense(by_word["attacking"]) == "present"


def test_a_party_named_by_its_town_places_what_it_does_at_home(pipeline: Pipeline) -> None:
    record = run(pipeline, "Nairobi expelled the Ugandan ambassador on Monday.")
    [expulsion] = record.events
    assert expulsion.location is not None and expulsion.location.name == "Nairobi"
    assert expulsion.location_basis == "actor-place"
    police = run(pipeline, "Mombasa police arrested two Kenyan journalists.").events[0]
    assert (police.location.name, police.location_basis) == ("Mombasa", "actor-place")


def test_a_datelined_town_is_where_a_domestic_story_happens(pipeline: Pipeline) -> None:
    arrest = run(pipeline, "KISUMU - Kenyan police arrested three men on Monday after a "
                           "robbery at a bank.").events[0]
    assert (arrest.location.name, arrest.location_basis) == ("Kisumu", "article-setting")
    shooting = run(pipeline, "NAKURU — A 30-year-old Kenyan man was shot early Tuesday in an "
                             "attempted robbery, police said.").events[0]
    assert (shooting.location.name, shooting.location_basis) == ("Nakuru", "article-setting")
    abroad = run(pipeline, "NAKURU — Kenyan police arrested two Ugandan traders on Monday.")
    assert abroad.events[0].location is None or abroad.events[0].location.name != "Nakuru"


def test_the_subject_the_parser_hangs_on_a_dateline_is_the_doer(pipeline: Pipeline) -> None:
    for dash in ("-", "—"):
        record = run(pipeline, f"NAIROBI, Kenya (AP) {dash} A Kenyan court has found former "
                               "President Daniel Moi guilty of abuse of power and sentenced "
                               "him to 20 years in prison.")  # court: apposition to NAIROBI
        assert {tuple(a.code for a in e.source) for e in record.events} == {("KENJUD",)}


def test_a_towns_own_officials_act_in_their_town_but_a_capitals_speak_anywhere(
        pipeline: Pipeline) -> None:
    local = run(pipeline, "Kitale officials urged farmers on Monday to harvest early.").events[0]
    assert (local.location.name, local.location_basis) == ("Kitale", "actor-place")
    capital = run(pipeline, "Nairobi officials urged farmers on Monday to harvest early.")
    assert capital.events[0].location is None


def test_citizens_act_on_their_government_but_a_state_acts_with_its_own_organs(
        pipeline: Pipeline) -> None:
    criticism = run(pipeline, "Malawian teachers criticized their government's handling of "
                              "the strike.").events[0]
    assert [a.code for a in criticism.target] == ["MWIGOV"]
    call = run(pipeline, "Malawian farmers called on their government to cut fuel prices.")
    assert [a.code for a in call.events[0].target] == ["MWIGOV"]
    recall = run(pipeline, "Malawi recalled its ambassador on Monday.").events[0]
    assert not recall.target


def test_a_headline_read_as_one_noun_is_no_party_of_its_own_event(pipeline: Pipeline) -> None:
    text = ("Kenyan police arrest teacher over exam leak\n\nPolice in Nakuru arrested a teacher "
            "on Monday over the leak of exam papers.")
    record = run(pipeline, text)
    assert [e.type for e in record.events] == ["COERCE"]
    assert all("arrest" not in a.text for e in record.events for a in (*e.source, *e.target))
    protest = run(pipeline, "Thousands of protesters marched in Nairobi on Monday.").events
    assert [e.type for e in protest] == ["PROTEST"] and protest[0].source


def test_parties_sharing_a_demonym_are_not_one_party(pipeline: Pipeline) -> None:
    record = run(pipeline, "Nairobi police arrested 40 Kenyan students. Kenyan police also "
                           "detained a Kenyan opposition leader.")
    assert len([e for e in record.events if e.type == "COERCE"]) == 2


def test_a_title_line_tells_the_leads_events(pipeline: Pipeline) -> None:
    record = run(pipeline, "Kenya accuses Somalia of shelling border town\n\nNAIROBI — Kenya on "
                           "Monday accused Somalia of shelling the border town of Mandera.")
    accusations = of_type(record, "ACCUSE")
    assert len(accusations) == 1
    assert accusations[0].sentence.text.startswith("NAIROBI — Kenya on Monday accused")
    assert accusations[0].date == "2026-03-09"


def test_a_denial_answers_the_accusation_against_its_source(pipeline: Pipeline) -> None:
    record = run(pipeline, "Kenya accused Somalia of shelling the town of Mandera on Monday. "
                           "Somalia's foreign ministry denied the accusation on Tuesday.")
    [denial] = of_type(record, "REJECT")
    assert [a.country for a in denial.target] == ["KEN"]
    refusal = run(pipeline, "Kenya accused Somalia of shelling the town. Somalia's "
                            "parliament denied funding for the army.")
    assert all(not e.target or e.target[0].country != "KEN" for e in of_type(refusal, "REJECT"))


def test_an_act_told_some_time_before_the_news_is_dated_from_it(pipeline: Pipeline) -> None:
    record = run(pipeline, "Kenya on Monday accused Somalia of shelling Mandera. The accusation "
                           "comes a month after Kenyan jets struck a base near Kismayo.")
    strike = next(e for e in record.events if e.trigger.text == "struck")
    assert (strike.date, strike.date_basis) == ("2026-02", "narrative")
    assert strike.location is not None and strike.location.name == "Kismayo"


def test_interview_answers_are_statements_not_events(pipeline: Pipeline) -> None:
    text = ("The candidate, who fought in Iraq, spoke to our reporter on Monday.\n\n"
            "((WN)) What would you do about crime?\n\n"
            "((Candidate)) We would attack the gangs and arrest their leaders.\n\n"
            "((WN)) And abroad?\n\n"
            "((Candidate)) We should sanction Iran and withdraw troops from Syria.\n\n"
            "((WN)) Anything else?\n\n"
            "((Candidate)) I would meet Putin.\n")
    record = run(pipeline, text)
    answers_start = text.index("((WN))")
    assert all(e.trigger.start < answers_start for e in record.events)
    plain = run(pipeline, "Rebels attacked Goma. Why? Nobody knows. The army withdrew.")
    assert plain.events, "a question or two do not make an interview"


def test_an_answer_is_aimed_at_whoever_made_what_it_answers(pipeline: Pipeline) -> None:
    record = run(pipeline, "The Kenyan president called on Somalia to release the prisoners. "
                           "The call was seconded by the Ugandan president.")
    [support] = of_type(record, "SUPPORT")
    assert [a.code for a in support.target] == ["KENGOV"]
    record = run(pipeline, "Kenya asked Somalia to hand over the suspects. Somalia declined "
                           "the request on Tuesday.")
    [refusal] = of_type(record, "REJECT")
    assert [a.country for a in refusal.target] == ["KEN"]


def test_a_people_protesting_is_its_civilians_not_its_state(pipeline: Pipeline) -> None:
    [march] = of_type(run(pipeline, "Thousands of Serbians protested in Belgrade on Friday."),
                      "PROTEST")
    assert [a.code for a in march.source] == ["SRBCVL"]
    [note] = of_type(run(pipeline, "Serbia protested to Croatia over the remarks."), "PROTEST")
    assert [a.code for a in note.source] == ["SRB"]


def test_a_participle_of_an_event_happens_where_it_does(pipeline: Pipeline) -> None:
    record = run(pipeline, "On Saturday, protesters carrying placards asking the government "
                           "to resign marched through Nairobi.")
    request = next(e for e in record.events if e.type == "REQUEST")
    assert request.location is not None and request.location.name == "Nairobi"
    assert request.date == "2026-03-07"


def test_the_act_told_again_without_its_doer_is_one_event(pipeline: Pipeline) -> None:
    record = run(pipeline, "The government suspended the assembly on Tuesday.\n\nCritics "
                           "were angry. The assembly was suspended until October 14, the "
                           "speaker said.")
    [suspension] = [e for e in record.events if e.cameo == "160"]
    assert suspension.source and len(suspension.mentions) == 1


def test_a_bound_is_not_the_date_of_the_act(pipeline: Pipeline) -> None:
    record = run(pipeline, "The assembly was suspended by the governor until October 14.")
    [suspension] = [e for e in record.events if e.cameo == "160"]
    assert suspension.date != "2026-10-14"


def test_a_day_told_in_a_sentence_without_an_event_dates_the_story_after_it(
        pipeline: Pipeline) -> None:
    record = run(pipeline, "On Wednesday, lawmakers gathered in the capital for a long "
                           "session. The opposition accused the governor of fraud.")
    [accusation] = of_type(record, "ACCUSE")
    assert (accusation.date, accusation.date_basis) == ("2026-03-11", "narrative")


def test_a_scene_set_by_a_participle_dates_the_account_that_follows(
        pipeline: Pipeline) -> None:
    record = run(pipeline, "At the first hearing, held March 3 in the capital, the "
                           "committee heard eleven witnesses. Questions ran for hours. The "
                           "chairman thanked the staff. A recess followed. Later, the "
                           "opposition accused the governor of fraud.")
    [accusation] = of_type(record, "ACCUSE")
    assert (accusation.date, accusation.date_basis) == ("2026-03-03", "narrative")


def test_a_toll_told_in_the_next_sentence_belongs_to_the_attack(pipeline: Pipeline) -> None:
    record = run(pipeline, "Rebels attacked an army post in the north on Friday. Officials "
                           "said 12 soldiers died and 20 were wounded.")
    [attack] = of_type(record, "ASSAULT")
    assert (attack.dead, attack.injured) == (12, 20)


def test_a_crowd_counted_in_the_next_sentence_sizes_the_protest(pipeline: Pipeline) -> None:
    record = run(pipeline, "Teachers marched through the capital on Friday. Organisers said "
                           "40,000 protesters took part.")
    [protest] = of_type(record, "PROTEST")
    assert protest.size == 40000


def test_a_place_a_sentence_sets_on_its_own_places_the_account_after_it(
        pipeline: Pipeline) -> None:
    record = run(pipeline, "At the first hearing, held March 3 in Kharkiv, the committee "
                           "heard eleven witnesses. Questions ran for hours. Later, the "
                           "opposition accused the governor of fraud.")
    [accusation] = of_type(record, "ACCUSE")
    assert accusation.location is not None and accusation.location.name == "Kharkiv"
    assert accusation.location_basis == "narrative"


def test_a_toll_of_counted_people_told_after_an_attack_is_its_toll(pipeline: Pipeline) -> None:
    record = run(pipeline, "Soldiers opened fire on protesters in the capital on Monday. "
                           "At least twelve people were injured, doctors said.")
    [attack] = of_type(record, "ASSAULT")
    assert attack.injured == 12 and [a.sector for a in attack.source] == ["MIL"]


def test_a_toll_an_official_gives_a_few_sentences_on_is_the_attacks_toll(
        pipeline: Pipeline) -> None:
    record = run(pipeline, "Two bombs struck a market in Maiduguri on Sunday. The second blast "
                           "hit those helping the wounded. Police said eleven people died. "
                           "A police spokesman further claimed 40 civilians were wounded.")
    [attack] = of_type(record, "ASSAULT")
    assert attack.injured == 40 and len(attack.mentions) >= 1


def test_a_response_is_aimed_at_whoever_acted_on_the_responders(pipeline: Pipeline) -> None:
    record = run(pipeline, "In Harare, riot police fired tear gas at protesters on Tuesday. "
                           "Some protesters responded by throwing stones.")
    [riot] = of_type(record, "PROTEST")
    assert [a.sector for a in riot.target] == ["COP"]
    record = run(pipeline, "Ethiopian troops shelled rebel positions near Mekelle on Monday. "
                           "In retaliation, the rebels fired rockets at Bahir Dar.")
    reply = [e for e in of_type(record, "ASSAULT") if e.trigger.text.startswith("fired")]
    assert reply and "Bahir Dar" in reply[0].target[0].text  # its own target stays


def test_the_government_civilians_make_demands_of_is_their_own(pipeline: Pipeline) -> None:
    record = run(pipeline, "The law would let the Ethiopian government run the port. Kenyan "
                           "students gave the government until Friday to drop it.")
    [demand] = of_type(record, "REQUEST")
    assert [a.code for a in demand.target] == ["KENGOV"]
    named = run(pipeline, "Kenyan students demanded that the Ethiopian government drop the "
                          "law.")
    [demand] = of_type(named, "REQUEST")
    assert [a.code for a in demand.target] == ["ETHGOV"]  # named, it stays


def test_what_civilians_protest_or_demand_of_no_one_named_is_aimed_at_their_government(
        pipeline: Pipeline) -> None:
    [demand] = of_type(run(pipeline, "Students in Nairobi demanded an independent inquiry."),
                       "REQUEST")
    assert [a.code for a in demand.target] == ["KENGOV"]
    assert demand.target[0].country_basis == "implied"
    [note] = of_type(run(pipeline, "Kenya protested to Uganda over the remarks."), "PROTEST")
    assert [a.code for a in note.target] == ["UGA"]
    [strike] = of_type(run(pipeline, "Dock workers in Mombasa went on strike."), "PROTEST")
    assert strike.target == []


def test_where_an_event_told_before_took_place_places_it(pipeline: Pipeline) -> None:
    record = run(pipeline, "Turkish jets bombed a Kurdish convoy on Monday. Officials gave no "
                           "figures. The attack took place near Qamishli.")
    [attack] = of_type(record, "ASSAULT")
    assert attack.location is not None and attack.location.text == "Qamishli"
    alone = run(pipeline, "The attack took place near Qamishli.")
    assert alone.events == []  # nothing told before it to place


def test_an_act_told_as_done_before_takes_no_story_day(pipeline: Pipeline) -> None:
    record = run(pipeline, "On Monday, the regulator fined Kenya Airways. The president had "
                           "previously accused the airline of fraud.")
    [accusation] = of_type(record, "ACCUSE")
    assert accusation.date is None


def test_what_someone_does_told_in_the_present_in_a_quotation_is_no_event(
        pipeline: Pipeline) -> None:
    habit = run(pipeline, "\"Russian jets bomb our villages,\" said the Syrian rebel commander.")
    assert not of_type(habit, "ASSAULT")
    done = run(pipeline, "\"Russian jets bombed our villages,\" said the Syrian rebel commander.")
    assert of_type(done, "ASSAULT")


def test_a_states_restrictions_on_no_one_named_are_on_its_people(pipeline: Pipeline) -> None:
    record = run(pipeline, "Protests continued in Lima on Monday. The Peruvian government "
                           "imposed a curfew on Tuesday and lifted the curfew on Friday.")
    aimed = [(e.type, [a.code for a in e.target]) for e in record.events
             if e.type in ("COERCE", "CONCEDE")]
    assert aimed and all(codes == ["PERCVL"] for _, codes in aimed), aimed


def test_a_rights_groups_call_is_aimed_at_the_state_the_story_is_set_in(
        pipeline: Pipeline) -> None:
    record = run(pipeline, "Police shot a student protester in Nairobi on Tuesday. Officials "
                           "said the student survived, and police arrested two protesters in "
                           "Nairobi. Amnesty International called for an investigation into "
                           "the shooting.")
    [call] = of_type(record, "REQUEST")
    assert [a.code for a in call.target] == ["KENGOV"]


def test_a_demonstration_against_someone_with_no_one_holding_it_is_the_publics(
        pipeline: Pipeline) -> None:
    record = run(pipeline, "Police arrested students in Nairobi on Monday. Protests against the "
                           "Kenyan government spread across Nairobi on Tuesday.")
    [protest] = of_type(record, "PROTEST")
    assert [(a.code, a.country_basis) for a in protest.source] == [("KENCVL", "implied")]


def test_a_promise_told_in_the_future_is_dated_when_it_was_made(pipeline: Pipeline) -> None:
    record = run(pipeline, "On Wednesday, the Kenyan president met the Ugandan envoy. \"We will "
                           "support Uganda in the talks,\" the Kenyan president said.")
    promises = [e for e in record.events if e.intent and e.type == "AGREE"]
    assert promises and all(e.date == "2026-03-11" for e in promises), [
        (e.type, e.intent, e.date) for e in record.events]


def test_a_round_up_titled_with_a_month_dates_its_undated_events_to_it(
        pipeline: Pipeline) -> None:
    record = pipeline.process(Article(
        id="t", title="On the campaign trail in Kenya, June 2026",
        text="The Kenyan president criticised the opposition leader over the tax plan.",
        published="2026-07-02"))
    assert [(e.date, e.date_precision, e.date_basis) for e in record.events] == [
        ("2026-06", "month", "title")]


def test_a_place_does_not_carry_into_a_new_paragraphs_story(pipeline: Pipeline) -> None:
    text = ("Kenyan police arrested 40 protesters in Mombasa on Monday. The protesters had "
            "blocked the port road.\n\nIn other news, the Kenyan president criticised "
            "the opposition leader over the tax plan. The opposition leader rejected the "
            "criticism.")
    record = run(pipeline, text)
    [criticism] = [e for e in of_type(record, "ACCUSE") if e.trigger.text == "criticised"]
    assert criticism.location is None or criticism.location.text != "Mombasa"


def test_the_group_claiming_an_attack_told_with_no_doer_did_it(pipeline: Pipeline) -> None:
    record = run(pipeline, "A car bomb exploded near a police station in Mogadishu on Monday, "
                           "killing five policemen. Al-Shabaab has claimed responsibility.")
    [attack] = of_type(record, "ASSAULT")
    assert [a.text for a in attack.source] == ["Al-Shabaab"]
    assert attack.attributed_to is not None and attack.attributed_to.text == "Al-Shabaab"


def test_a_claim_replaces_the_stand_in_for_an_unnamed_attacker(pipeline: Pipeline) -> None:
    record = run(pipeline, "A truck bomb was rammed into an army post in Kismayo on Monday. "
                           "Al-Shabaab has claimed responsibility.")
    [attack] = of_type(record, "ASSAULT")
    assert [a.text for a in attack.source] == ["Al-Shabaab"]


def test_an_attack_carried_out_by_a_group_told_again_is_one_event_with_that_doer(
        pipeline: Pipeline) -> None:
    record = run(pipeline, "A car bomb was on Monday rammed into a police post in the centre "
                           "of Kenya's Mandera county. Nine officers died in the attack, "
                           "reportedly carried out by al-Shabaab.")
    [attack] = of_type(record, "ASSAULT")
    assert [a.text for a in attack.source] == ["al-Shabaab"]
    assert attack.dead == 9 and attack.date == "2026-03-09"


def test_an_event_told_as_breaking_out_is_recorded_where_it_happened(
        pipeline: Pipeline) -> None:
    erupted = run(pipeline, "Mass protests erupted in Tbilisi on Monday.")
    [protest] = of_type(erupted, "PROTEST")
    assert protest.location is not None and protest.location.text == "Tbilisi"
    assert any(a.code.startswith("GEO") for a in protest.source)  # the Georgian public
    held = run(pipeline, "Rallies were held in Nairobi and Mombasa on Saturday.")
    assert of_type(held, "PROTEST")
    fighting = run(pipeline, "Heavy clashes broke out in Tripoli overnight.")
    [clash] = of_type(fighting, "ASSAULT")
    assert clash.location is not None and clash.location.text == "Tripoli"
    retold = run(pipeline, "The protests took place in Tbilisi.")
    assert retold.events == []  # a definite retelling with nothing told before it


def test_an_event_going_on_since_a_day_leaves_the_story_on_its_own_day(
        pipeline: Pipeline) -> None:
    record = run(pipeline, "Riot police arrested 40 people in Minsk on Friday night. "
                           "Protests have been taking place in the capital since Sunday after "
                           "the election commission announced the result.\n\n"
                           "Protesters threw stones at the police.")
    ongoing, thrown = sorted(of_type(record, "PROTEST"), key=lambda e: e.sentence.start)
    assert ongoing.date == "2026-03-08"  # published on a Thursday
    assert thrown.date == "2026-03-06"


def test_the_strike_after_a_killing_told_as_done_in_an_airstrike_is_that_attack(
        pipeline: Pipeline) -> None:
    record = run(pipeline, "The vote follows the Turkish killing of a PKK commander in an "
                           "airstrike last week. Kurdish lawmakers boycotted the vote.\n\n"
                           "The strike took place in Sinjar.")
    [attack] = of_type(record, "ASSAULT")
    assert attack.location is not None and attack.location.text.startswith("Sinj")
    assert attack.location_basis == "same-event"  # the retelling joined the airstrike
    [boycott] = of_type(record, "PROTEST")  # not the walkout a bare "strike" could be
    assert boycott.location_basis != "same-event"


def test_condemning_the_attack_aims_at_the_last_attack_with_a_named_doer(
        pipeline: Pipeline) -> None:
    record = run(pipeline, "Turkish jets struck a Kurdish convoy near Qamishli on Monday. "
                           "The coalition came to Syria in 2015 to fight ISIS.\n\n"
                           "Syria's foreign ministry condemned the attack as a violation of "
                           "Syrian sovereignty.")
    [condemnation] = [e for e in of_type(record, "ACCUSE") if e.trigger.text == "condemned"]
    assert [a.country for a in condemnation.target] == ["TUR"]


def test_the_next_past_act_after_an_older_time_is_told_in_that_time(
        pipeline: Pipeline) -> None:
    record = run(pipeline, "A parole board on Monday denied parole to the man. In March 1995, "
                           "militants bombed a police station in Grozny. They shot two police "
                           "officers an hour later.\n\nProtesters marched outside the prison.")
    bombing = next(e for e in record.events if e.trigger.text == "bombed")
    shooting = next(e for e in record.events if e.trigger.text == "shot")
    march = next(e for e in record.events if e.type == "PROTEST")
    assert bombing.date == "1995-03" and shooting.date == "1995-03"
    assert shooting.status == "historical"
    assert march.date != "1995-03"  # a new paragraph is back in the news


def test_a_day_hanging_on_another_noun_does_not_date_a_demand(pipeline: Pipeline) -> None:
    record = run(pipeline, "The Kenyan protesters' demands include an inquiry into police "
                           "violence against marchers on March 2.")
    [demand] = of_type(record, "REQUEST")
    assert demand.date != "2026-03-02"


def test_a_toll_told_after_an_attack_with_no_named_doer_is_that_attack(
        pipeline: Pipeline) -> None:
    record = run(pipeline, "A car bomb exploded outside a market in Mogadishu on Sunday, "
                           "killing 12 people. The Somali army spokesman said 40 civilians were "
                           "wounded.")
    [attack] = of_type(record, "ASSAULT")
    assert (attack.dead, attack.injured) == (12, 40)
    assert not of_type(record, "ACCUSE")  # a toll accuses no one


def test_what_another_party_said_later_is_not_the_statement_told_before(
        pipeline: Pipeline) -> None:
    record = run(pipeline, "The army said the rebels were behind the blast. Words of "
                           "condemnation have come from the Red Cross and the Vatican.")
    condemnations = [e for e in record.events if e.cameo == "111"]
    assert len(condemnations) == 2 and all(not e.background for e in condemnations)
    assert all(e.date == "2026-03-12" for e in condemnations)  # told in the perfect: today


def test_a_position_held_is_no_act_of_support(pipeline: Pipeline) -> None:
    record = run(pipeline, "The candidate supports lower taxes and a smaller army. "
                           "On Monday the mayor endorsed the governor of Ohio.")
    supports = of_type(record, "SUPPORT")
    assert [e.trigger.text for e in supports] == ["endorsed"]


def test_agreeing_with_a_view_is_an_opinion_not_an_event(pipeline: Pipeline) -> None:
    record = run(pipeline, "Senator Maria Lopez agreed with Governor Tom Baker that the "
                           "tax was too high.")
    assert not [e for e in record.events if e.cameo == "019"]


def test_where_an_act_happened_is_its_scene_not_its_target(pipeline: Pipeline) -> None:
    killed = run(pipeline, "A bomb killed a journalist in the port town of Mokha, Yemen.")
    targets = [a.text for e in of_type(killed, "ASSAULT") for a in e.target]
    assert targets and "Yemen" not in targets
    struck = run(pipeline, "Drones attacked oil facilities in Saudi Arabia on Saturday.")
    assert [a.country for e in of_type(struck, "ASSAULT") for a in e.target] == ["SAU"]
    curfew = run(pipeline, "The army imposed a curfew in Abidjan on Sunday.")
    assert [a.country for e in curfew.events for a in e.target] == ["CIV"]


def test_people_named_by_what_they_are_are_parties(pipeline: Pipeline) -> None:
    arrested = of_type(run(pipeline, "Police arrested a 42-year-old woman in the city on "
                                     "Saturday."), "COERCE")
    assert arrested and [a.sector for a in arrested[0].target] == ["UNK"]
    asked = of_type(run(pipeline, "The mayor asked viewers to stay at home."), "REQUEST")
    assert asked and [a.sector for a in asked[0].target] == ["CVL"]


def test_how_things_stand_is_no_event(pipeline: Pipeline) -> None:
    record = run(pipeline, "The group is banned in Turkey. On Monday police arrested its "
                           "leader in Ankara.")
    assert [e.trigger.text for e in record.events if e.type in ("COERCE", "SANCTION")] == [
        "arrested"]


def test_an_outlets_own_newsgathering_is_no_event(pipeline: Pipeline) -> None:
    text = ("The Daily Courier asked three economists for their forecasts on Monday. "
            "Senator Maria Lopez sued the Daily Courier over a report on Tuesday.")
    record = pipeline.process(Article(id="t", text=text, published=PUBLISHED,
                                      source="Daily Courier"))
    assert [e.trigger.text for e in record.events] == ["sued"]


def test_a_jailing_told_without_its_doer_is_a_courts(pipeline: Pipeline) -> None:
    record = run(pipeline, "The former mayor was jailed for six years on Friday.")
    assert [a.sector for e in record.events for a in e.source] == ["JUD"]


def test_no_party_is_the_target_of_its_own_promise() -> None:
    from newsdossier.events.consolidate import no_self_targets
    from newsdossier.model import Actor, Span

    text = "Berg promised protests every week until the government acted."
    berg = Actor(text="Berg", start=0, end=4, name="Anna Berg", sector="CVL", code="CVL")
    government = Actor(text="government", start=41, end=51, sector="GOV", code="GOV")
    event = Event(id="e1", type="AGREE", cameo="031", sentence=Span(0, len(text), text),
                  trigger=Span(5, 13, "promised"), source=[berg],
                  target=[Actor(text="Berg", start=0, end=4, name="Anna Berg"), government])
    record = Record(article=Article(id="t", text=text), events=[event])
    no_self_targets(record)
    assert [a.text for a in event.target] == ["government"]


def test_attending_a_party_is_no_visit_attending_a_summit_is(pipeline: Pipeline) -> None:
    party = run(pipeline, "The minister attended a graduation party on Sunday.")
    assert not of_type(party, "CONSULT")
    summit = run(pipeline, "The Greek prime minister attended the summit in Brussels on "
                           "Monday.")
    assert of_type(summit, "CONSULT")


def test_a_present_tense_title_line_still_reports_news(pipeline: Pipeline) -> None:
    record = run(pipeline, "Syrian forces clash with rioters in the capital")
    assert record.events


def test_a_party_named_as_left_out_is_no_target(pipeline: Pipeline) -> None:
    for text in ("The European Union invited all member states except Hungary to the talks "
                 "on Monday.",
                 "Turkey invited the Mediterranean countries to talks, with the exception "
                 "of Cyprus."):
        events = run(pipeline, text).events
        assert events
        assert not [a for e in events for a in e.target if a.country in ("HUN", "CYP")]


def test_what_the_doer_owns_is_not_whom_it_acts_on(pipeline: Pipeline) -> None:
    record = pipeline.process(Article(id="t", published="2026-03-12", text=(
        "Haiti agreed to move its consulate in Chile from Santiago to Valparaiso.")))
    [agreement] = record.events
    assert agreement.type == "AGREE"
    assert not any(a.text.startswith("its") for a in agreement.target)


def test_a_building_the_act_happened_in_is_no_second_target(pipeline: Pipeline) -> None:
    record = pipeline.process(Article(id="t", published="2026-03-12", text=(
        "The writer Omar Haddad was killed last spring inside the Egyptian embassy in "
        "Ankara, Turkey.")))
    [murder] = [e for e in record.events if e.type == "ASSAULT"]
    assert len(murder.target) == 1 and "Haddad" in murder.target[0].text
    assert not any("embassy" in a.text for a in (*murder.source, *murder.target))


def test_a_stance_or_standing_offer_in_the_present_is_no_event(pipeline: Pipeline) -> None:
    for text in ("The union firmly opposes privatisation and pension cuts.",
                 "Ryanair and easyJet both offer flights to Greek islands outside "
                 "the summer season."):
        record = pipeline.process(Article(id="t", published="2026-03-12", text=text))
        assert record.events == [], text
    record = pipeline.process(Article(id="t", published="2026-03-12", text=(
        "The miners reject the new pay offer from the owners, their union leader "
        "said.")))
    assert [e.type for e in record.events] == ["REJECT"]


def test_rejecting_this_argument_is_aimed_at_who_made_it(pipeline: Pipeline) -> None:
    record = pipeline.process(Article(id="t", published="2026-03-12", text=(
        "Lawyers for Senator Paul Grant argued that the subpoena was invalid because he was "
        "immune. Judge Anna Reyes rejected this argument in her ruling on Monday.")))
    [rejection] = [e for e in record.events if e.type == "REJECT"]
    assert [a.text for a in rejection.target] == ["Lawyers for Senator Paul Grant"]


def test_a_protest_held_somewhere_is_aimed_at_its_authorities(pipeline: Pipeline) -> None:
    record = pipeline.process(Article(id="t", published="2026-03-12", text=(
        "On Sunday, opposition leader Maria Lenska held a rally in Minsk, Belarus.")))
    [rally] = [e for e in record.events if e.type == "PROTEST"]
    assert [(a.name, a.code) for a in rally.target] == [("authorities", "BLRGOV")]
    record = pipeline.process(Article(id="t", published="2026-03-12", text=(
        "Thousands protested against China in Taipei on Sunday.")))
    [protest] = [e for e in record.events if e.type == "PROTEST"]
    assert [a.code for a in protest.target] == ["CHN"]


def test_a_person_introduced_then_named_is_one_arrest(pipeline: Pipeline) -> None:
    record = run(pipeline, "A Dover man was arrested on fraud charges after a bank flagged "
                           "his deposits, police said. Investigators found forged cheques "
                           "at his home. Kessler, 52, was arrested Tuesday at his office.")
    [arrest] = of_type(record, "COERCE")
    assert arrest.date is not None and arrest.date_basis == "same-event"
    two = run(pipeline, "A Dover man was arrested on fraud charges, police said. Police "
                        "later arrested a woman in the same case. Kessler, 52, was "
                        "arrested Tuesday at his office.")
    assert len(of_type(two, "COERCE")) >= 2
