"""Headline stance adapter (`emergent`): how a headline stands toward a claim.

Reads the Emergent claim/headline pairs (CSV with `claimHeadline`, `articleHeadline`,
`articleHeadlineStance` ∈ for / against / observing), runs the pipeline on each headline as
an article, and takes the headline's stance from its claims and the claim word table
(`newsdossier.claims.stance.text_stance`: refuting or negated → against; alleging, hedged or
attributed wording → observing; else for). Rows: `stance` (accuracy over all pairs) and
`stance.for` / `stance.against` / `stance.observing` (per-class precision, recall, F1), plus
the share of the most frequent class as a note (the majority baseline).
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from .. import registry
from ..model import Article
from .framework import EvaluationError
from .metrics import Counts, Report

if TYPE_CHECKING:
    from ..pipeline import Pipeline

STANCES = ("for", "against", "observing")
_COLUMNS = ("claimHeadline", "articleHeadline", "articleHeadlineStance")


@dataclass(frozen=True)
class StanceCase:
    id: str
    claim: str
    headline: str
    stance: str


def emergent_rows(path: Path, columns: Sequence[str]) -> list[tuple[int, dict[str, str]]]:
    """The rows of an Emergent CSV with their line numbers, once the columns are checked."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise EvaluationError(f"{path}: {exc}") from exc
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise EvaluationError(f"{path}: missing columns {', '.join(missing)}")
        return list(enumerate(reader, start=2))


def load_cases(path: Path, limit: int | None) -> list[StanceCase]:
    cases = []
    for number, row in emergent_rows(path, _COLUMNS):
        stance = (row["articleHeadlineStance"] or "").strip()
        if stance not in STANCES:
            raise EvaluationError(f"{path}:{number}: unknown stance {stance!r}")
        cases.append(StanceCase(str(row.get("id") or number), row["claimHeadline"],
                                row["articleHeadline"], stance))
    return list(islice(cases, limit))


def score(rows: dict[str, Counts], gold: str, predicted: str) -> None:
    rows["stance"].total += 1
    rows["stance"].correct += gold == predicted
    for name in STANCES:
        row = rows[f"stance.{name}"]
        row.tp += gold == name == predicted
        row.fp += predicted == name != gold
        row.fn += gold == name != predicted
        row.total += gold == name


class EmergentEvaluator:
    name = "emergent"
    description = "headline stance toward a claim: for / against / observing (Emergent)"
    default_gold = "data/attribution/emergent/train.csv"

    def evaluate(self, pipeline: Pipeline, gold: Path, limit: int | None = None) -> Report:
        from ..claims import ClaimWords
        from ..claims.stance import text_stance

        cases = load_cases(gold, limit)
        words = ClaimWords.load(pipeline.settings.claim_words)
        articles = (Article(id=case.id, text=case.headline) for case in cases)
        rows = {"stance": Counts("stance")}
        rows.update({f"stance.{s}": Counts(f"stance.{s}") for s in STANCES})
        for case, record in zip(cases, pipeline.pipe(articles), strict=True):
            score(rows, case.stance, text_stance(record, words))
        report = Report(self.name, str(gold), len(cases), list(rows.values()))
        counts = Counter(case.stance for case in cases)
        if counts:
            top, n = counts.most_common(1)[0]
            report.notes.append(f"majority class {top!r}: {n / len(cases):.3f} of the pairs")
        report.notes.append("stance from the headline's claims and the claim word table "
                            "(refuting/negated → against; alleging/hedged → observing; "
                            "else for); the claim text itself is not used")
        return report


@registry.evaluators.register("emergent")
def make_emergent_evaluator() -> EmergentEvaluator:
    return EmergentEvaluator()
