"""Event confidence: a logistic model over what the record says of an event."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdossier.events.confidence import ConfidenceError, ConfidenceModel, fit
from newsdossier.model import Article
from newsdossier.pipeline import Pipeline
from newsdossier.settings import Settings


def test_every_event_gets_a_probability(pipeline: Pipeline) -> None:
    record = pipeline.process(Article(id="t", published="2026-03-12", text=(
        "Rebels attacked the town of Gao on Monday, killing 12 soldiers, the army said. "
        "Mali's government condemned the attack.")))
    assert record.events
    assert all(e.confidence is not None and 0.0 < e.confidence < 1.0 for e in record.events)


def test_fitting_learns_which_features_go_with_right_events() -> None:
    rows = [["bias", "good"]] * 40 + [["bias", "bad"]] * 40
    labels = [1] * 36 + [0] * 4 + [1] * 8 + [0] * 32
    model = ConfidenceModel(fit(rows, labels, l2=0.1, steps=2000))
    assert model.probability(["bias", "good"]) == pytest.approx(0.9, abs=0.05)
    assert model.probability(["bias", "bad"]) == pytest.approx(0.2, abs=0.05)


def test_a_users_weights_replace_the_shipped_ones(tmp_path: Path, nlp) -> None:
    weights = tmp_path / "w.tsv"
    weights.write_text("bias\t3.0\n", encoding="utf-8")
    pipeline = Pipeline(Settings(event_confidence=(str(weights),)), nlp=nlp)
    record = pipeline.process(Article(id="t", text="Rebels attacked Gao on Monday.",
                                      published="2026-03-12"))
    assert {e.confidence for e in record.events} == {0.95}
    weights.write_text("good\t1.0\n", encoding="utf-8")
    with pytest.raises(ConfidenceError, match="no 'bias' weight"):
        ConfidenceModel.load([weights])


def test_the_parse_tells_hedges_first_person_and_parties_left_out(pipeline: Pipeline) -> None:
    from newsdossier.events.consolidate import confidence_features, mentions_of

    def names_for(text: str) -> list[list[str]]:
        article = Article(id="t", published="2026-03-12", text=text)
        doc = pipeline.nlp(text)
        record = pipeline.apply_stages(doc, article)
        return [confidence_features(m) for m in mentions_of(doc, record)]

    hedged = names_for("If the rebels attacked the town, the army would arrest them.")
    assert any("hedge:modal" in names or "hedge:condition" in names for names in hedged)
    mine = names_for('"We attacked their camp at night," the commander said.')
    assert any("subject:first-person" in names for names in mine)
    plain = names_for("Rebels attacked the town of Gao on Monday.")
    assert plain and not any(n.startswith("hedge:") for names in plain for n in names)
