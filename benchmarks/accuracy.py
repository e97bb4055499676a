"""Accuracy benchmark: every registered evaluator on its gold set, one combined table.

    .venv/bin/python benchmarks/accuracy.py [--limit N] [--config FILE]

One pipeline is loaded and shared by all evaluators (`dossier evaluate NAME` for each, in one
process). Evaluators whose gold set is absent are skipped with a message. Prints one table
(evaluator, metric, P, R, F1, acc, n) with the headline figures marked `*` and repeated below
it, and writes benchmarks/results/accuracy.json.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path
from typing import Any

from newsdossier.evaluate import (
    EvaluationError,
    Report,
    evaluator_names,
    get_evaluator,
    resolve_gold,
)
from newsdossier.pipeline import Pipeline
from newsdossier.settings import load_settings

RESULTS = Path(__file__).resolve().parent / "results"
# (evaluator, row, metric, label): the figures to watch.
HEADLINES = (
    ("plover", "type", "f1", "PLOVER event type F1"),
    ("plover", "type+source", "recall", "PLOVER type+source recall"),
    ("petrarch", "ours.triple", "f1", "CAMEO triple F1, ours"),
    ("petrarch", "petrarch2.triple", "f1", "CAMEO triple F1, PETRARCH-2"),
    ("actors", "country", "accuracy", "actor country accuracy"),
    ("polnear", "content", "f1", "PolNeAR quote content F1"),
    ("emergent", "stance", "accuracy", "Emergent headline stance accuracy"),
    ("emergent-threads", "pairs", "f1", "Emergent claim threads pairwise F1"),
    ("polnear", "speaker", "accuracy", "PolNeAR speaker accuracy"),
    ("lgl", "resolution", "accuracy", "LGL toponym accuracy@161km"),
    ("trnews", "resolution", "accuracy", "TR-News toponym accuracy@161km"),
    ("gwn", "resolution", "accuracy", "GeoWebNews toponym acc@161km"),
    ("lgl", "e2e", "f1", "LGL end-to-end geoparsing F1"),
    ("trnews", "e2e", "f1", "TR-News end-to-end geoparsing F1"),
)


def run_all(pipeline: Pipeline, limit: int | None) -> tuple[list[Report], dict[str, str]]:
    """Each evaluator's report, and why the others were skipped."""
    reports: list[Report] = []
    skipped: dict[str, str] = {}
    for name in evaluator_names():
        evaluator = get_evaluator(name)
        try:
            reports.append(evaluator.evaluate(pipeline, resolve_gold(evaluator, None), limit))
        except EvaluationError as exc:
            skipped[name] = str(exc)
            print(f"skipped {name}: {exc}", file=sys.stderr)
    return reports, skipped


def headline_keys() -> set[tuple[str, str]]:
    return {(evaluator, row) for evaluator, row, _, _ in HEADLINES}


def table(reports: list[Report]) -> str:
    marked = headline_keys()
    width = max([len(row.name) for report in reports for row in report.rows] + [6])
    header = (f"  {'evaluator':<10} {'metric':<{width}}  {'P':>6} {'R':>6} {'F1':>6} "
              f"{'acc':>6} {'n':>6}")
    lines = [header, "-" * len(header)]
    for report in reports:
        for row in report.rows:
            mark = "*" if (report.evaluator, row.name) in marked else " "
            lines.append(
                f"{mark} {report.evaluator:<10} {row.name:<{width}}  {row.precision:6.3f} "
                f"{row.recall:6.3f} {row.f1:6.3f} {row.accuracy:6.3f} {row.total:6d}"
            )
    return "\n".join(lines)


def headlines(reports: list[Report]) -> list[dict[str, Any]]:
    by_name = {report.evaluator: report for report in reports}
    found = []
    for evaluator, row, metric, label in HEADLINES:
        report = by_name.get(evaluator)
        if report is None:
            continue
        try:
            value = report.row(row).value(metric)
        except KeyError:
            continue
        found.append({"label": label, "evaluator": evaluator, "metric": f"{row}.{metric}",
                      "value": value})
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="score only the first N cases of each set")
    parser.add_argument("--config", help="settings file (TOML) for the pipeline")
    args = parser.parse_args()

    pipeline = Pipeline(load_settings(args.config))
    reports, skipped = run_all(pipeline, args.limit)
    if not reports:
        sys.exit("accuracy: no gold set found for any evaluator (set DOSSIER_SHARED)")
    figures = headlines(reports)
    print(table(reports))
    print("\nheadline figures (* above):")
    for figure in figures:
        print(f"  {figure['label']:<32} {figure['value']:.3f}   "
              f"({figure['evaluator']} {figure['metric']})")
    result = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "limit": args.limit, "stages": pipeline.stage_names,
        "model": pipeline.nlp.meta.get("name"), "skipped": skipped,
        "headlines": [{**figure, "value": round(figure["value"], 4)} for figure in figures],
        "evaluators": {report.evaluator: report.as_dict() for report in reports},
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "accuracy.json").write_text(json.dumps(result, indent=1) + "\n")
    print(f"\nwritten: {RESULTS / 'accuracy.json'}")


if __name__ == "__main__":
    main()
