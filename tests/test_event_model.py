"""The learned event-type model beside the rules: shipped weights, the combination, honesty.

Fast tests use the shipped weights or small hand-made models on sentences of our own; the
slow ones rebuild the model from ../shared (skipped without it) and check that the rebuild
agrees with the shipped weights and that the cross-validated figures stay above their floors.
"""

from __future__ import annotations

from importlib import resources

import numpy as np
import pytest

from conftest import shared_path
from newsdossier.events.features import sentence_features
from newsdossier.events.learned import (
    SHIPPED_WEIGHTS,
    EventModel,
    EventModelError,
    ModelReviewer,
    Thresholds,
    load_event_model,
    shipped_model,
)
from newsdossier.events.patterns import PatternTable
from newsdossier.events.training import LABELS, events_stage
from newsdossier.model import Article
from newsdossier.pipeline import Pipeline
from newsdossier.settings import load_settings

PUBLISHED = "2026-03-12"


def _weights_file():
    return resources.files("newsdossier").joinpath(f"data/events/{SHIPPED_WEIGHTS}")


def test_shipped_weights_load_once_and_are_small() -> None:
    assert _weights_file().is_file()
    size = len(_weights_file().read_bytes())
    assert size <= 25_000_000
    model = shipped_model()
    assert model is shipped_model()  # once per worker
    assert model.types == list(LABELS)
    assert any(label.startswith("ASSAULT/") for label in model.labels)  # mode outputs
    assert model.weights.shape == (len(model.feature_names), len(model.labels))
    assert model.uses_table


def test_the_setting_turns_the_model_off() -> None:
    assert load_event_model("off") is None
    assert load_event_model("on") is shipped_model()
    with pytest.raises(EventModelError):
        load_event_model("maybe")


def test_features_belong_to_tokens_of_their_sentence(nlp) -> None:
    doc = nlp("The rebels shelled the airport. Talks will resume in Oslo.")
    first = next(iter(doc.sents))
    features = sentence_features(first, dense=False)
    assert "w=shell" in features.names and "vo=shell|airport" in features.names
    assert all(-1 <= owner < first.end for owner in features.owners)
    assert features == sentence_features(first, dense=False)  # deterministic


def test_the_shipped_model_reads_unseen_phrasings(nlp) -> None:
    model = shipped_model()
    table = PatternTable.load()
    cases = {
        "Army artillery pounded rebel positions outside the town overnight.": "ASSAULT",
        "Thousands of teachers marched through the capital demanding higher pay.": "PROTEST",
        "The two foreign ministers held talks in Vienna on Tuesday.": "CONSULT",
    }
    for text, expected in cases.items():
        probs = model.sentence_probabilities(next(iter(nlp(text).sents)), table)
        assert max(LABELS, key=probs.__getitem__) == expected, (text, probs)


def _hand_made(weights: dict[str, dict[str, float]], bias: float = -2.0) -> EventModel:
    names = sorted(weights)
    matrix = np.zeros((len(names), len(LABELS)), dtype=np.float32)
    for row, name in enumerate(names):
        for label, value in weights[name].items():
            matrix[row, LABELS.index(label)] = value
    return EventModel(LABELS, names, matrix, np.full(len(LABELS), bias, dtype=np.float32),
                      thresholds=Thresholds(add=0.6, veto=0.05, retype=0.5),
                      meta={"table_features": False})


def _pipeline_with(model: EventModel) -> Pipeline:
    pipeline = Pipeline(load_settings().with_overrides(event_model="off"))
    pipeline.replace_stage("events", events_stage(pipeline, model))
    return pipeline


def _events(pipeline: Pipeline, text: str) -> list[tuple[str | None, str, list[str | None]]]:
    record = pipeline.process(Article(id="t", text=text, published=PUBLISHED))
    return [(e.type, e.trigger.text, [a.country for a in e.source]) for e in record.events]


def test_a_confident_model_adds_an_event_the_rules_miss() -> None:
    # An invented verb the pattern table cannot know: only the model can code it. Hand-made
    # models are neutral (p = 0.12) about every type but the ones they name.
    text = "Kenyan officials blorfed the Ugandan government on Monday."
    rules_only = Pipeline(load_settings().with_overrides(event_model="off"))
    assert not [e for e in _events(rules_only, text) if e[0] == "ACCUSE"]
    model = _hand_made({"w=blorfe": {"ACCUSE": 9.0}})
    found = _events(_pipeline_with(model), text)
    assert ("ACCUSE", "blorfed", ["KEN"]) in found


def test_a_confident_model_retypes_a_rule_event_it_finds_wrong() -> None:
    text = "Chilean police arrested three Peruvian fishermen on Friday."
    rules_only = Pipeline(load_settings().with_overrides(event_model="off"))
    assert [e[0] for e in _events(rules_only, text)] == ["COERCE"]
    # A model sure that this sentence is an accusation and not a coercion (for the test).
    model = _hand_made({"w=arrest": {"ACCUSE": 9.0, "COERCE": -9.0}})
    found = _events(_pipeline_with(model), text)
    assert [(kind, trigger) for kind, trigger, _ in found] == [("ACCUSE", "arrested")]


def test_an_unsure_model_leaves_the_rules_alone() -> None:
    text = "Chilean police arrested three Peruvian fishermen on Friday."
    rules_only = Pipeline(load_settings().with_overrides(event_model="off"))
    model = _hand_made({"w=arrest": {"ACCUSE": 2.0}})  # p(ACCUSE) = 0.5: not confident
    assert _events(_pipeline_with(model), text) == _events(rules_only, text)


def test_reviewer_picks_the_most_telling_word_as_trigger(nlp) -> None:
    model = _hand_made({"w=blorfe": {"ACCUSE": 9.0}, "w=official": {"ACCUSE": 1.0}})
    reviewer = ModelReviewer(model, PatternTable.load())
    sentence = next(iter(nlp("Kenyan officials blorfed the Ugandan government.").sents))
    review = reviewer.review(sentence, [])
    assert [(m.token.text, m.pattern.type) for m in review.added] == [("blorfed", "ACCUSE")]


# --- rebuilt from ../shared -------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(pipeline: Pipeline):
    from newsdossier.events import training

    shared = shared_path("data/events/ngec_synthetic_events.jsonl").parents[2]
    table = PatternTable.load(pipeline.settings.event_patterns)
    return training.read_all(pipeline.nlp, shared, training.ALL_SOURCES, table,
                             log=lambda _line: None, rules=pipeline)


@pytest.mark.slow
def test_a_rebuild_agrees_with_the_shipped_weights(corpus) -> None:
    from newsdossier.events import training

    rebuilt = training.build(corpus, training.Settings())
    shipped = EventModel.load()
    assert rebuilt.feature_names == shipped.feature_names, \
        "the shipped weights are stale: run tools/train_events.py build"
    sample = [u for u in corpus.units if u.source in ("plover", "articles")][:120]
    for unit in sample:
        np.testing.assert_allclose(rebuilt.probabilities(unit.features),
                                   shipped.probabilities(unit.features), atol=1e-3)


@pytest.mark.slow
def test_cross_validated_figures_stay_above_their_floors(corpus, pipeline: Pipeline) -> None:
    from newsdossier.evaluate import check_floors
    from newsdossier.evaluate.eventmodel import cv_report
    from newsdossier.events import training

    results = training.cross_validate(corpus, training.Runner(pipeline), training.Settings(),
                                      log=lambda _line: None)
    checks = check_floors(cv_report(results, "shared", 0))
    assert checks, "no [events-cv] floors"
    assert all(c.ok for c in checks), [c.line() for c in checks if not c.ok]



def test_an_event_made_by_a_statement_frame_is_not_vetoed() -> None:
    # The frame's evidence is the clause ('wants X to bomb Y'), which the features do not see:
    # even a model sure the sentence holds no demand leaves the frame's event alone.
    text = "The Turkish senator wants the army to bomb the rebel camps."
    model = _hand_made({"w=want": {"REQUEST": -9.0}, "w=bomb": {"REQUEST": -9.0}})
    assert "REQUEST" in [kind for kind, _, _ in _events(_pipeline_with(model), text)]


def test_a_model_event_takes_a_row_whose_conditions_the_word_meets() -> None:
    # "use" has a row only for human shields (obj=civilian…; prep=as): a model-added attack
    # told "used force against protesters" takes the generic row and its "against" target
    text = "Kenyan police used force against the student protesters in Nairobi."
    model = _hand_made({"w=use": {"ASSAULT": 9.0}})
    found = [(kind, trigger) for kind, trigger, _ in _events(_pipeline_with(model), text)]
    assert ("ASSAULT", "used") in found
    record = _pipeline_with(model).process(Article(id="t", text=text, published=PUBLISHED))
    [attack] = [e for e in record.events if e.trigger.text == "used"]
    assert attack.cameo != "184" and [a.sector for a in attack.target] == ["CVL"]
