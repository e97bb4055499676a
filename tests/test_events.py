"""The event coder: types, actors, passive, negation, modality, reported speech, denials."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdossier.events import PatternError, PatternTable
from newsdossier.model import Article, Event, Record
from newsdossier.pipeline import Pipeline
from newsdossier.settings import Settings

PUBLISHED = "2026-03-12"  # a Thursday


def code(pipeline: Pipeline, text: str, published: str | None = PUBLISHED) -> Record:
    return pipeline.process(Article(id="t", text=text, published=published))


def only(record: Record, event_type: str) -> Event:
    found = [e for e in record.events if e.type == event_type]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in record.events]
    return found[0]


def countries(actors) -> list[str | None]:
    return [a.country for a in actors]


def test_active_attack_with_date_and_actors(pipeline: Pipeline):
    record = code(pipeline, "Russian troops attacked Ukrainian positions near Kharkiv on Monday.")
    event = only(record, "ASSAULT")
    assert countries(event.source) == ["RUS"] and event.source[0].sector == "MIL"
    assert countries(event.target) == ["UKR"]
    assert event.date == "2026-03-09" and event.status == "asserted"
    assert event.trigger.text == "attacked"
    assert record.article.text[event.sentence.start:event.sentence.end] == event.sentence.text


def test_passive_voice_swaps_roles(pipeline: Pipeline):
    record = code(pipeline, "Syrian civilians were attacked by Russian warplanes.")
    event = only(record, "ASSAULT")
    assert countries(event.source) == ["RUS"]
    assert countries(event.target) == ["SYR"]


def test_negation(pipeline: Pipeline):
    event = only(code(pipeline, "Israeli forces did not attack the Lebanese army."), "ASSAULT")
    assert event.status == "negated"


def test_future_and_hypothetical(pipeline: Pipeline):
    future = only(code(pipeline, "The European Union will impose sanctions on Iran."),
                  "SANCTION")
    assert future.status == "future" and countries(future.target) == ["IRN"]
    assert future.source[0].country == "EUR"
    hypothetical = only(code(pipeline, "If Iran attacks, Israel would strike back."), "ASSAULT")
    assert hypothetical.status == "hypothetical"


def test_reported_speech_is_attributed(pipeline: Pipeline):
    record = code(pipeline, "Rebels shelled the village of Kalo, Nigerian military officials said.")
    event = only(record, "ASSAULT")
    assert event.status == "reported"
    assert event.attributed_to is not None and event.attributed_to.country == "NGA"


def test_accusation_makes_an_alleged_event_and_an_accuse_event(pipeline: Pipeline):
    record = code(pipeline, "The US State Department accused Syrian military police of "
                            "executing detainees at the prison.")
    accuse = only(record, "ACCUSE")
    assert accuse.source[0].code == "USAGOV" and accuse.target[0].country == "SYR"
    execution = only(record, "ASSAULT")
    assert execution.status == "alleged"
    assert execution.source[0].country == "SYR"
    assert execution.attributed_to is not None and execution.attributed_to.code == "USAGOV"


def test_denial(pipeline: Pipeline):
    record = code(pipeline, "Syria's foreign ministry denied that its forces attacked the town.")
    attack = only(record, "ASSAULT")
    assert attack.status == "denied"
    assert attack.attributed_to is not None and attack.attributed_to.code == "SYRGOV"
    assert attack.source[0].country == "SYR", "'its forces' belong to Syria"


def test_historical_background(pipeline: Pipeline):
    event = only(code(pipeline, "In 2006, Israeli troops invaded Lebanon."), "ASSAULT")
    assert event.status == "historical" and event.date == "2006"


def test_according_to_and_nominal_event_merge_into_one(pipeline: Pipeline):
    record = code(pipeline, "Israeli air strikes on Gaza killed 12 people overnight, "
                            "according to the health ministry.")
    event = only(record, "ASSAULT")  # "air strikes" and "killed" are one event
    assert (event.mode, event.cameo) == ("aerial", "195")
    assert countries(event.source) == ["ISR"] and countries(event.target) == ["PSE"]
    assert event.status == "reported" and event.dead == 12
    assert [q.span.text for q in event.quantities] == ["12 people"]


def test_intent_swallows_its_complement(pipeline: Pipeline):
    record = code(pipeline, "Pakistan threatened to attack militant bases in Afghanistan.")
    assert [e.type for e in record.events] == ["THREATEN"]
    assert record.events[0].target and record.events[0].target[0].sector == "REB"


def test_light_verb_with_nominal_trigger_is_one_event(pipeline: Pipeline):
    record = code(pipeline, "Sudan and South Sudan held talks in Addis Ababa on Friday.")
    event = only(record, "CONSULT")
    assert countries(event.source) == ["SDN", "SSD"]
    assert event.date == "2026-03-06"


def test_request_and_sanction_and_protest(pipeline: Pipeline):
    assert only(code(pipeline, "The UN Security Council urged Myanmar to release political "
                               "prisoners."), "REQUEST").target[0].country == "MMR"
    assert only(code(pipeline, "Thousands of protesters demonstrated in Nairobi against the "
                               "fuel levy."), "PROTEST").type == "PROTEST"
    event = only(code(pipeline, "Washington imposed new sanctions on Venezuelan officials."),
                 "SANCTION")
    assert countries(event.source) == ["USA"] and countries(event.target) == ["VEN"]


def test_non_english_text_gets_no_events(pipeline: Pipeline):
    record = code(pipeline, "Las fuerzas rusas atacaron la ciudad de Járkov el lunes por la "
                            "mañana, según informaron las autoridades ucranianas.")
    assert record.events == []
    assert any("events: skipped" in note for note in record.notes)


def test_bad_input_shapes_do_not_crash(pipeline: Pipeline):
    long_sentence = " ".join(["troops attacked the town and"] * 500) + " left."
    table = "\n".join(" ".join(str(i * j) for j in range(12)) for i in range(40))
    shouting = "REBELS ATTACKED THE ARMY BASE IN GOMA ON MONDAY, OFFICIALS SAID."
    for text in (long_sentence, table, shouting, "No verbs here. Just nouns, numbers: 1, 2, 3."):
        record = code(pipeline, text)
        for event in record.events:
            assert record.article.text[event.trigger.start:event.trigger.end] == event.trigger.text


def test_user_pattern_file_overrides_and_deletes(nlp, tmp_path: Path):
    extra = tmp_path / "mine.tsv"
    extra.write_text("# my patterns\nsnub\tVERB\t-\tREJECT\tmeet\t125\tobj\t-\n"
                     "attack\tVERB\t-\t-\t-\t-\t-\t-\n")
    pipeline = Pipeline(Settings(event_patterns=(str(extra),)), nlp=nlp)
    record = code(pipeline, "Russia snubbed France and attacked Ukraine.")
    assert [(e.type, e.cameo) for e in record.events] == [("REJECT", "125")]
    bad = tmp_path / "bad.tsv"
    bad.write_text("snub\tVERB\t-\tSNUB\t-\t125\tobj\t-\n")
    with pytest.raises(PatternError, match=r"bad\.tsv:1: unknown PLOVER type"):
        PatternTable.load([bad])


def test_every_event_has_valid_provenance(pipeline: Pipeline):
    from newsdossier.cli import _demo_corpus
    from newsdossier.ingest import build_article, read_items

    articles = [build_article(item, 10**6) for item in read_items([str(_demo_corpus())],
                                                                  pipeline.settings)]
    types = set()
    for record in pipeline.pipe(articles):
        text = record.article.text
        for event in record.events:
            types.add(event.type)
            assert text[event.trigger.start:event.trigger.end] == event.trigger.text
            assert event.sentence.start <= event.trigger.start < event.sentence.end
            for actor in (*event.source, *event.target):
                assert text[actor.start:actor.end] == actor.text
    assert len(types - {None}) >= 12, sorted(t for t in types if t)
