"""`events-cv`: the event coder with its learned model, measured by 5-fold cross-validation.

The learned model (`events.learned`) is trained on the gold sets the other event adapters
score, so its figures there are only honest when the documents scored were not trained on:
this adapter reads the shared data folder (`--gold` = the `data` folder, default
`../shared/data`), trains one model per fold on the other four (`events.training`), runs the
pipeline on the fold's documents as rules alone, model alone and combined, and reports the
added-up counts as rows `SYSTEM.SET.ROW` (e.g. `combined.plover.type`, `rules.articles.
events.required`). The hold-out part of every set is left out (see tools/train_events.py).
Slow (a few minutes): it parses all the training data.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .. import registry
from .framework import EvaluationError
from .metrics import Counts, Report

if TYPE_CHECKING:
    from ..pipeline import Pipeline


def cv_report(results: dict[str, dict[str, Counts]], gold: str, cases: int) -> Report:
    rows = []
    for system, counts in results.items():
        for name, row in counts.items():
            renamed = Counts(f"{system}.{name}", row.tp, row.fp, row.fn, row.correct, row.total)
            rows.append(renamed)
    report = Report("events-cv", gold, cases, rows)
    report.notes.append("5-fold cross-validation by document (hold-out excluded); systems: "
                        "rules alone, model alone, combined")
    return report


class EventModelEvaluator:
    name = "events-cv"
    description = "event coder with the learned model, 5-fold cross-validated (slow)"
    default_gold = "data"

    def evaluate(self, pipeline: Pipeline, gold: Path, limit: int | None = None) -> Report:
        from ..events import training
        from ..events.patterns import PatternTable

        if not (gold / "events").is_dir():
            raise EvaluationError(f"{gold}: not the shared data folder (no events/ inside)")
        settings = training.Settings()
        table = PatternTable.load(pipeline.settings.event_patterns)
        corpus = training.read_all(pipeline.nlp, gold.parent, training.ALL_SOURCES, table,
                                   log=lambda _line: None, rules=pipeline)
        runner = training.Runner(pipeline)
        results = training.cross_validate(corpus, runner, settings, log=lambda _line: None)
        docs = sum(1 for d in corpus.docs if not training.is_holdout(d.group))
        return cv_report(results, str(gold), docs)


@registry.evaluators.register("events-cv")
def make_event_model_evaluator() -> EventModelEvaluator:
    return EventModelEvaluator()
