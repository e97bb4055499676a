"""Guards on violence: disasters, accidents and verbal attacks are no assaults; a casualty
figure belongs to the event its clause continues."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdossier.events.guards import MishapError, Mishaps
from newsdossier.model import Article, Record
from newsdossier.pipeline import Pipeline


def run(pipeline: Pipeline, text: str) -> Record:
    return pipeline.process(Article(id="t", text=text, published="2026-03-12"))


@pytest.mark.parametrize("text", [
    "The virus has killed 813 people in Peru, health officials said.",
    "A fire at a textile factory in Dhaka killed 40 workers on Monday.",
    "A passenger plane crashed near Kathmandu, killing all 72 people on board.",
    "Eleven people were killed in the flood that swept through the valley.",
    "A woman was killed in Nakuru when a neighbour accidentally hit her with his car.",
    "A hunter shot his friend by accident on Sunday.",
])
def test_disasters_diseases_and_accidents_are_no_assaults(pipeline: Pipeline,
                                                          text: str) -> None:
    assert [e for e in run(pipeline, text).events if e.type == "ASSAULT"] == []


def test_a_state_that_attacks_by_mistake_still_attacks(pipeline: Pipeline) -> None:
    text = ("On Saturday, officials from Iran acknowledged their government had "
            "unintentionally shot down a Ukrainian passenger jet near Tehran.")
    assert [e.cameo for e in run(pipeline, text).events if e.type == "ASSAULT"] == ["193"]


def test_an_attacker_named_keeps_the_event_whatever_the_means(pipeline: Pipeline) -> None:
    record = run(pipeline, "Rebels killed ten villagers in a fire they set in Goma.")
    [attack] = [e for e in record.events if e.type == "ASSAULT"]
    assert attack.source[0].sector == "REB" and attack.dead == 10


def test_one_politician_attacking_another_is_criticism(pipeline: Pipeline) -> None:
    record = run(pipeline, "Senator Maria Olsen attacked President John Harlow over the "
                           "rising death toll.")
    assert [(e.type, e.cameo, e.dead) for e in record.events] == [("ACCUSE", "111", None)]


@pytest.mark.parametrize("text", [
    "The Greens kept attacking Chancellor Olaf Brandt over his pension cuts.",
    "The Labour Party attacked Boris Johnson on his record in office.",
])
def test_a_party_attacking_a_person_about_a_matter_is_criticism(pipeline: Pipeline,
                                                                text: str) -> None:
    assert [e.type for e in run(pipeline, text).events] == ["ACCUSE"]


def test_unnamed_men_attacking_a_person_for_his_faith_is_violence(pipeline: Pipeline) -> None:
    record = run(pipeline, "Two men attacked Ahmed Khan for his faith outside a mosque.")
    assert [e.type for e in record.events] == ["ASSAULT"]


def test_gunmen_attacking_a_politician_is_violence(pipeline: Pipeline) -> None:
    record = run(pipeline, "Gunmen attacked the convoy of Senator John Smith near Kandahar.")
    assert [e.type for e in record.events] == ["ASSAULT"]


def test_a_figure_after_an_interrupting_attribution_stays_with_the_attack(
        pipeline: Pipeline) -> None:
    record = run(pipeline, "Russian jets bombed rebel positions near Idlib on Tuesday, the "
                           "monitoring group said, killing nine fighters.")
    attacks = [e for e in record.events if e.type == "ASSAULT"]
    assert len(attacks) == 1 and attacks[0].dead == 9
    assert attacks[0].source[0].country == "RUS"
    assert not [e for e in record.events if e.type == "ACCUSE"]


def test_user_mishap_files(tmp_path: Path) -> None:
    extra = tmp_path / "m.tsv"
    extra.write_text("meteor\tNOUN\nfire\t-\n", encoding="utf-8")
    mishaps = Mishaps.load([extra])
    assert "meteor" in mishaps.nouns and "fire" not in mishaps.nouns
    extra.write_text("meteor\tADJ\n", encoding="utf-8")
    with pytest.raises(MishapError, match=r"m\.tsv:1"):
        Mishaps.load([extra])


def test_words_attack_policies_and_things_do_not_speak(pipeline: Pipeline) -> None:
    attacked = run(pipeline, "The senators attacked the new budget as a political stunt.")
    assert [(e.type, e.cameo) for e in attacked.events] == [("ACCUSE", "111")]
    evidence = run(pipeline, "The evidence supported the view that the minister had lied.")
    assert not [e for e in evidence.events if e.type == "SUPPORT"]
    shown = run(pipeline, "The vote demonstrates a complete loss of trust in the government.")
    assert not [e for e in shown.events if e.type == "PROTEST"]


@pytest.mark.parametrize("text", [
    "The researchers examined three types of coral in reefs off the coast of Fiji.",
    "Engineers inspected the bridge on Tuesday.",
])
def test_examining_a_thing_is_study_not_an_investigation(pipeline: Pipeline, text: str) -> None:
    assert [e for e in run(pipeline, text).events if e.mode == "investigate"] == []


@pytest.mark.parametrize("text", [
    "Police are investigating the death of a man in Leeds.",
    "The committee will examine allegations of fraud against the mayor.",
    "Inspectors examined the militia's weapons depots.",
])
def test_examining_a_wrongdoing_or_a_party_stays_an_investigation(pipeline: Pipeline,
                                                                 text: str) -> None:
    assert [e.mode for e in run(pipeline, text).events] == ["investigate"]


@pytest.mark.parametrize("text", [
    "The mixture is heated and the proteins are released.",
    "No cause has yet been released for the fire by officials in the town.",
    "\"We couldn't execute there and they scored twice,\" the coach said.",
])
def test_release_and_execution_are_done_to_people_only(pipeline: Pipeline, text: str) -> None:
    assert [e for e in run(pipeline, text).events if e.cameo in ("0841", "1823")] == []


@pytest.mark.parametrize("text", [
    "The rebels released 30 prisoners on Sunday.",
    "The soldiers imprisoned for mutiny were released yesterday by the president.",
    "The junta executed four activists in July.",
])
def test_release_and_execution_of_people_stay(pipeline: Pipeline, text: str) -> None:
    assert [e.cameo for e in run(pipeline, text).events if e.cameo in ("0841", "1823")]


@pytest.mark.parametrize("text", [
    "Historically, the ministry has not pursued criminal charges against such officials.",
    "These seats are often occupied by the Labour Party.",
    "The army usually arrests protesters at the border.",
])
def test_what_is_habitually_done_is_no_event(pipeline: Pipeline, text: str) -> None:
    assert run(pipeline, text).events == []


@pytest.mark.parametrize("text", [
    "Poland plans to impose limits on imports from Ukraine for at least two years.",
    "The opposition leader promised rallies every week until the election.",
    "The mayor criticised the council on Tuesday.",
])
def test_how_long_a_measure_lasts_or_how_often_a_promise_recurs_is_no_habit(
        pipeline: Pipeline, text: str) -> None:
    assert run(pipeline, text).events


def test_a_statement_by_no_one_about_no_one_is_dropped(pipeline: Pipeline) -> None:
    record = run(pipeline, "Most legal experts reject the views the senator espouses. "
                           "But ultimately it will be up to the elders to approve.")
    assert [e for e in record.events if not e.source and not e.target] == []


def test_a_word_closing_an_untyped_proper_name_is_no_trigger(pipeline: Pipeline) -> None:
    record = run(pipeline, "The crash began, Florida Highway Patrol described, in the "
                           "northbound lanes close to Alachua.")
    assert record.events == []


def test_a_us_state_outranks_a_foreign_town_of_its_name() -> None:
    from newsdossier.gazetteer import town_or_region_country

    assert town_or_region_country("Florida") == "USA"
    assert town_or_region_country("Kharkiv") == "UKR"


@pytest.mark.parametrize("text", [
    "\"Extremists seek to divide us and to destroy our way of life,\" the mayor said.",
    "The senator's remarks torpedoed the talks and wrecked her career.",
])
def test_violence_said_of_an_idea_is_a_figure_of_speech(pipeline: Pipeline, text: str) -> None:
    assert [e for e in run(pipeline, text).events if e.type == "ASSAULT"] == []


def test_a_leaders_supporter_is_not_the_leader(pipeline: Pipeline) -> None:
    record = run(pipeline, "In Portland, a Trump supporter was shot and killed.")
    [attack] = [e for e in record.events if e.type == "ASSAULT"]
    assert [a.code for a in attack.target] == ["USACVL"]
    assert all(a.name != "Donald Trump" for a in attack.source)


def test_a_capitalised_first_word_that_goes_on_is_no_speaker(pipeline: Pipeline) -> None:
    record = run(pipeline, "Unrest continued in the city, where a man was shot and killed.")
    assert record.quotes == []
    assert [e for e in record.events if e.type == "ACCUSE"] == []


def test_a_disease_told_by_a_pronoun_kills_no_one_as_an_attacker(pipeline: Pipeline) -> None:
    record = run(pipeline, "A new strain of flu was found in the province last month. "
                           "Officials said it has infected 300 people and killed five.")
    assert [e for e in record.events if e.type == "ASSAULT"] == []


@pytest.mark.parametrize("text", [
    "The Electronic Commerce Directive provides liability protections for hosting sites.",
    "The alliance's guidelines call for spending of 2 percent of GDP.",
    "The new law bans protests near parliament.",
])
def test_a_text_is_no_party_that_acts(pipeline: Pipeline, text: str) -> None:
    assert run(pipeline, text).events == []


def test_an_interview_is_no_consultation(pipeline: Pipeline) -> None:
    record = run(pipeline, "The candidate met with a BBC reporter on Tuesday. The minister "
                           "met with opposition leaders on Wednesday.")
    assert [[a.sector for a in e.target] for e in record.events if e.type == "CONSULT"] == [
        ["OPP"]]


@pytest.mark.parametrize("text", [
    "The chairman withdrew in August and Collins took over as the party's nominee.",
    "She took over the leadership of the party in May.",
])
def test_taking_over_a_role_is_no_seizure(pipeline: Pipeline, text: str) -> None:
    assert [e for e in run(pipeline, text).events if e.cameo == "192"] == []


def test_evidence_supports_nothing_as_a_party(pipeline: Pipeline) -> None:
    record = run(pipeline, "Officials said there was no evidence to support the governor's "
                           "claims of fraud.")
    assert [e for e in record.events if e.type == "SUPPORT"] == []


def test_a_patient_released_from_hospital_is_no_release(pipeline: Pipeline) -> None:
    assert not run(pipeline, "The senator was released from the clinic after two days.").events
    freed = run(pipeline, "Rebels released the senator from captivity on Friday.").events
    assert [e.type for e in freed] == ["RETREAT"]


def test_a_strike_by_state_forces_is_an_attack(pipeline: Pipeline) -> None:
    [strike] = run(pipeline, "The Russian air force defended the strike as necessary.").events
    assert (strike.type, strike.cameo) == ("ASSAULT", "190")
    [walkout] = [e for e in run(pipeline, "The government condemned the strike by dock "
                                          "workers.").events if e.type != "ACCUSE"]
    assert (walkout.type, walkout.cameo) == ("PROTEST", "143")
    [told] = run(pipeline, "After the missile attack on the base, the ministry defended the "
                           "strike.").events[-1:]
    assert told.type == "ASSAULT"


def test_a_strike_by_a_state_among_words_of_war_is_an_attack(pipeline: Pipeline) -> None:
    kinds = {e.type for e in run(pipeline, "Iran described the US strike as an act of "
                                           "terrorism.").events}
    assert "ASSAULT" in kinds and "PROTEST" not in kinds
    [walkout] = run(pipeline, "The French strike entered its third week.").events
    assert walkout.type == "PROTEST"


def test_what_an_act_is_for_has_not_happened(pipeline: Pipeline) -> None:
    for text, aim in (("Canada sent troops to Haiti in order to protect its embassy.", "protect"),
                      ("The governor declared an emergency so he could seize the farms.",
                       "seize")):
        triggers = [e.trigger.text for e in run(pipeline, text).events]
        assert aim not in triggers and triggers, triggers


@pytest.mark.parametrize("text", [
    "President Ruto held rallies in Nakuru and Eldoret.",  # campaigning, not protesting
    "Senator Amina Mohamed withdrew before the primaries.",  # a candidate, not an army
    "The survey team deployed a camera in the forest.",  # a thing, not a force
    "The Nation newspaper called the election for Ruto.",  # a projection, not an appeal
    "The Kenyan university is hosting a program for students.",  # a thing, not visitors
    "The broadcaster NTV withdrew its reporters from the field.",  # its staff, not troops
])
def test_campaigns_candidates_cameras_and_projections_are_no_events(pipeline: Pipeline,
                                                                   text: str) -> None:
    assert not run(pipeline, text).events, text


def test_rallies_troops_and_appeals_stay_events(pipeline: Pipeline) -> None:
    assert [e.type for e in run(pipeline, "The Kenyan opposition held a rally against the "
                                          "government.").events] == ["PROTEST"]
    assert [e.type for e in run(pipeline, "Kenya deployed troops to the border.").events] == [
        "MOBILIZE"]
    assert [e.type for e in run(pipeline, "Kenya called for calm in Uganda.").events] == [
        "REQUEST"]


def test_acts_listed_among_demands_have_not_happened(pipeline: Pipeline) -> None:
    record = run(pipeline, "The Kenyan strikers' demands include the release of detained union "
                           "leaders and the resignation of the labour minister.")
    assert [e.type for e in record.events if e.type != "REQUEST"] == []
    done = run(pipeline, "Kenyan police announced the release of detained union leaders.")
    assert any(e.type == "RETREAT" for e in done.events)


@pytest.mark.parametrize("text", [
    "Some of the injured were airlifted to nearby Kisumu.",
    "The wounded were flown to Nairobi for treatment.",
    "Odinga was airlifted to Mombasa on Tuesday.",
])
def test_the_hurt_taken_for_care_by_no_one_named_is_no_aid(pipeline: Pipeline,
                                                           text: str) -> None:
    assert [e for e in run(pipeline, text).events if e.type == "AID"] == []


def test_aid_flown_in_or_people_evacuated_stay_aid(pipeline: Pipeline) -> None:
    assert [e.type for e in run(pipeline, "Food was airlifted to Kisumu on Monday.").events] \
        == ["AID"]
    assert [e.type for e in run(pipeline, "The army evacuated 300 civilians from Marawi.").events
            ] == ["AID"]


def test_a_company_leaving_a_country_cuts_ties_it_does_not_retreat(pipeline: Pipeline) -> None:
    for text in ("Nokia pulled out of Belarus on Monday.",
                 "Several Kenyan firms have withdrawn from Ethiopia."):
        [event] = run(pipeline, text).events
        assert (event.type, event.cameo) == ("SANCTION", "160"), text
        assert event.target and event.target[0].country in ("BLR", "ETH"), text
    [retreat] = run(pipeline, "Ugandan troops pulled out of Juba on Monday.").events
    assert retreat.type == "RETREAT"


def test_a_weapon_looked_for_or_found_is_no_attack(pipeline: Pipeline) -> None:
    for text in ("Witnesses said the guards claimed to be looking for a bomb.",
                 "Engineers defused a bomb outside the ministry on Friday.",
                 "Troops searched the market for explosives."):
        assert not [e for e in run(pipeline, text).events if e.type == "ASSAULT"], text
    planted = run(pipeline, "Militants planted a bomb outside the ministry.")
    assert [e.type for e in planted.events] == ["ASSAULT"]


def test_lives_said_to_be_in_danger_are_no_threat_made(pipeline: Pipeline) -> None:
    assert not run(pipeline, "The guards' safety was gravely threatened.").events
    made = run(pipeline, "The guards were threatened by the smugglers.")
    assert [e.type for e in made.events] == ["THREATEN"]


def test_a_business_taking_over_staff_or_shops_seizes_nothing(pipeline: Pipeline) -> None:
    assert not run(pipeline, "The retailer took over 300 stores from its rival.").events
    seized = run(pipeline, "Rebels took over the town of Kidal.")
    assert [e.cameo for e in seized.events] == ["192"]


def test_a_difference_of_opinion_on_a_question_refuses_nothing(pipeline: Pipeline) -> None:
    assert not run(pipeline, "The judges do not agree on whether the law applies.").events
    refused = run(pipeline, "The miners did not agree to the new contract.")
    assert [e.type for e in refused.events] == ["REJECT"]


def test_an_infinitive_after_a_verb_and_its_object_is_its_purpose(pipeline: Pipeline) -> None:
    record = run(pipeline, "The mayor sued the utility company to stop the price rises.")
    assert [e.type for e in record.events] == ["ACCUSE"]  # the suit, not a stoppage
    made = run(pipeline, "The judge ordered the company to stop the price rises.")
    assert [e.type for e in made.events if not e.background] != []


def test_killed_when_a_plane_crashed_is_an_accident(pipeline: Pipeline) -> None:
    crash = run(pipeline, "Five people were killed on Monday when a small plane crashed "
                          "near the harbour.")
    assert not [e for e in crash.events if e.type == "ASSAULT"]
    shooting = run(pipeline, "Five people were killed on Monday when gunmen opened fire "
                             "near the harbour.")
    assert [e for e in shooting.events if e.type == "ASSAULT"]


def test_casualties_of_a_falling_tree_are_no_assault(pipeline: Pipeline) -> None:
    # the "when" clause hangs on the second of two coordinated casualty verbs
    tree = run(pipeline, "A cyclist was killed and two others were injured when an old tree "
                         "fell on a group of riders in the park on Sunday, police said.")
    assert not [e for e in tree.events if e.type == "ASSAULT"]
    gunmen = run(pipeline, "A cyclist was killed and two others were injured when gunmen "
                           "fired on a group of riders in the park on Sunday, police said.")
    assert [e for e in gunmen.events if e.type == "ASSAULT"]


def test_a_blast_caused_by_a_leak_is_an_accident(pipeline: Pipeline) -> None:
    record = run(pipeline, "A blast at a bakery in the old town wounded nine people and was "
                           "probably caused by a leak in a gas pipe, firefighters said.")
    assert not [e for e in record.events if e.type == "ASSAULT"]


def test_a_casualty_told_after_a_crash_is_one_of_the_crash(pipeline: Pipeline) -> None:
    crash = run(pipeline, "The driver of the van died in the collision on the bridge. "
                          "Two of his passengers were injured and flown to a hospital.")
    assert not [e for e in crash.events if e.type == "ASSAULT"]
    shooting = run(pipeline, "A gunman opened fire on a van on the bridge. Two of its "
                             "passengers were injured and flown to a hospital.")
    assert [e for e in shooting.events if e.type == "ASSAULT"]


def test_a_storm_blocking_roads_is_no_blockade(pipeline: Pipeline) -> None:
    record = run(pipeline, "A typhoon struck the coast on Tuesday. It also blocked roads "
                           "and forced thousands of villagers to leave their homes.")
    assert not [e for e in record.events if e.type in ("PROTEST", "COERCE", "ASSAULT")]


def test_executing_a_plan_kills_no_one(pipeline: Pipeline) -> None:
    record = run(pipeline, "On Monday the government executed a planned shutdown of public "
                           "services to make room for a vaccination drive.")
    assert not [e for e in record.events if e.type == "ASSAULT"]
    hanged = run(pipeline, "On Monday the regime executed three prisoners.")
    assert [e for e in hanged.events if e.type == "ASSAULT"]


def test_ideas_clashing_is_no_violence(pipeline: Pipeline) -> None:
    record = run(pipeline, "Her moderate politics have clashed with the views of the party's "
                           "leaders.")
    assert not [e for e in record.events if e.type == "ASSAULT"]
    clash = run(pipeline, "Police clashed with protesters in the capital on Monday.")
    assert [e for e in clash.events if e.type == "ASSAULT"]


def test_a_measure_lifted_is_not_imposed_again(pipeline: Pipeline) -> None:
    record = run(pipeline, "Restrictions on gatherings and travel were to be lifted, and "
                           "schools were to reopen.")
    assert not [e for e in record.events if e.type in ("COERCE", "SANCTION")]
    imposed = run(pipeline, "The government imposed a curfew on Monday.")
    assert [e for e in imposed.events if e.type == "COERCE"]


def test_a_war_fought_is_fighting_between_its_sides(pipeline: Pipeline) -> None:
    record = run(pipeline, "Croatia and Slovenia fought a border war in 1991.")
    [war] = record.events
    assert (war.type, war.cameo, war.reciprocal) == ("ASSAULT", "190", True)
    assert {a.country for a in war.source} == {"HRV", "SVN"}


def test_attacking_a_war_in_words_is_still_criticism(pipeline: Pipeline) -> None:
    record = run(pipeline, "Senator Maria Olsen attacked the war as a waste of lives.")
    assert [(e.type, e.cameo) for e in record.events] == [("ACCUSE", "111")]


@pytest.mark.parametrize("text", [
    "The union has always condemned violence against workers.",
    "The minister has long opposed the dam project.",
    "The mayor criticised the council on a weekly basis during his term.",
    "The old general opposed the treaty for decades.",
    "Aid workers have visited the camp numerous times since the war.",
    "The envoy has been making frequent visits to Kinshasa.",
])
def test_a_stance_held_over_time_is_no_event(pipeline: Pipeline, text: str) -> None:
    assert run(pipeline, text).events == []


def test_acts_done_again_and_again_are_still_acts(pipeline: Pipeline) -> None:
    record = run(pipeline, "Parliament has repeatedly rejected the budget of the Kenyan "
                           "government.")
    assert [e.type for e in record.events] == ["REJECT"]


@pytest.mark.parametrize("text", [
    "The police killing of Marcus Hale, an unarmed teenager, sparked riots in Leeds.",
    "The arrest of opposition leader Ana Ruiz triggered protests in Lima on Monday.",
])
def test_what_sets_off_a_protest_is_not_who_protests(pipeline: Pipeline, text: str) -> None:
    protests = [e for e in run(pipeline, text).events if e.type == "PROTEST"]
    victims = {"Marcus Hale", "Ana Ruiz"}
    assert protests
    assert all(not any(a.text in victims or (a.name or "") in victims for a in e.source)
               for e in protests)


def test_killed_on_a_day_when_a_plane_crashed_is_an_accident(pipeline: Pipeline) -> None:
    # parsed with "when … crashed" hung on "Monday" as a relative clause
    record = run(pipeline, "At least nine people were killed in Canada on Monday, when a "
                           "vintage transport plane crashed at Halifax Stanfield Airport.")
    assert [e for e in record.events if e.type == "ASSAULT"] == []


def test_called_off_on_a_day_is_no_call_on_anyone(pipeline: Pipeline) -> None:
    text = "The navy called off its search for the fishermen early on Friday."
    assert run(pipeline, text).events == []


def test_agreeing_what_shall_be_done_is_an_agreement(pipeline: Pipeline) -> None:
    record = run(pipeline, "The two ministers agreed on Friday that their countries would "
                           "hold joint patrols.")
    assert [e.type for e in record.events] == ["AGREE"]
    assert run(pipeline, "The two ministers agreed that the economy is weak.").events == []


def test_a_leader_speaking_for_his_state_does_not_accuse_it(pipeline: Pipeline) -> None:
    record = run(pipeline, 'Moroccan President Karim Nassar said, "The Kingdom of Morocco '
                           'deeply regrets this disastrous error."')
    assert [e for e in record.events if e.type == "ACCUSE"] == []


def test_killed_yesterday_when_a_bomber_crashed_is_an_accident(pipeline: Pipeline) -> None:
    record = run(pipeline, "At least five people were killed in the United States yesterday, "
                           "when a Cold War-era transport plane crashed at Dayton "
                           "International Airport in Vandalia, Ohio.")
    assert [e for e in record.events if e.type == "ASSAULT"] == []


@pytest.mark.parametrize("text", [
    "The US National Hurricane Center warned of flash floods in eastern Cuba on Monday.",
    "The US National Hurricane Center issued a hurricane warning for Jamaica on Monday.",
    "Despite signs of improvement on Sunday, the former minister suffered a cardiac arrest "
    "on Tuesday and died, officials said.",
    "The first confirmed cases of the virus in Nepal were on March 8, in two students who "
    "returned from China.",
    "Footage captured the senator leaving the building through a side door.",
])
def test_warnings_of_weather_heart_failure_months_and_footage_are_no_events(
        pipeline: Pipeline, text: str) -> None:
    assert run(pipeline, text).events == []


def test_a_march_named_as_such_stays_a_protest(pipeline: Pipeline) -> None:
    record = run(pipeline, "Thousands joined the March for Our Lives in Washington on Saturday.")
    assert [e.type for e in record.events] == ["PROTEST"]
    record = run(pipeline, "The rebels warned of attacks on the capital.")
    assert [e.type for e in record.events] == ["THREATEN"]


@pytest.mark.parametrize("text", [
    "The rally was visited by several tens of thousands of people, organisers said.",
    "Tourists from Germany visited the memorial on Sunday.",
])
def test_visiting_a_crowd_or_a_sight_is_no_consultation(pipeline: Pipeline, text: str) -> None:
    assert run(pipeline, text).events == []


def test_a_sight_visited_with_a_counterpart_stays_a_meeting(pipeline: Pipeline) -> None:
    record = run(pipeline, "The French president visited the museum with his Indian "
                           "counterpart on Monday.")
    assert [e.type for e in record.events] == ["CONSULT"]


@pytest.mark.parametrize("text", [
    "The food agency warned consumers not to eat the recalled cheese on Friday.",
    "Officials warned residents to stay away from damaged buildings because of aftershocks.",
])
def test_a_warning_to_the_public_is_advice_not_a_threat(pipeline: Pipeline, text: str) -> None:
    assert [e for e in run(pipeline, text).events if e.type == "THREATEN"] == []


def test_a_warning_to_a_party_stays_a_threat(pipeline: Pipeline) -> None:
    record = run(pipeline, "The rebels warned the government to release the prisoners or "
                           "face attacks.")
    assert [e.type for e in record.events] == ["THREATEN"]


def test_two_named_people_clashing_is_a_quarrel(pipeline: Pipeline) -> None:
    quarrel = run(pipeline, "Senator Ruth Alder has clashed with Governor Tom Reyes over "
                            "the budget.")
    assert [e.type for e in quarrel.events] == ["ACCUSE"]
    riot = run(pipeline, "Protesters clashed with riot police outside the parliament.")
    assert "ASSAULT" in [e.type for e in riot.events]
