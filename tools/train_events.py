"""Rebuild, measure or check the learned event-type model (newsdossier.events.learned).

    .venv/bin/python tools/train_events.py build      # weights → src/newsdossier/data/events/
    .venv/bin/python tools/train_events.py evaluate   # 5-fold CV + the once-only hold-out
    .venv/bin/python tools/train_events.py check      # rebuild; compare with the shipped file

Reads the shared data (`../shared` or $DOSSIER_SHARED) at run time; nothing of it is written
into the project but the weights. Deterministic: no random numbers anywhere (folds and the
hold-out are hashes of document ids; the fit is L-BFGS from zero weights), so `build` on the
same data, pattern table and spaCy model writes the same weights. About two minutes on two
cores (most of it parsing 4,500 synthetic lead sentences and the gold sets).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

from newsdossier.evaluate import find_shared_dir
from newsdossier.events import training
from newsdossier.events.learned import SHIPPED_WEIGHTS, EventModel
from newsdossier.events.patterns import PatternTable
from newsdossier.pipeline import Pipeline
from newsdossier.settings import load_settings

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "src" / "newsdossier" / "data" / "events" / SHIPPED_WEIGHTS


def _log(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _corpus(pipeline: Pipeline, shared: Path, sources: tuple[str, ...],
            stories: int) -> training.Corpus:
    table = PatternTable.load(pipeline.settings.event_patterns)
    return training.read_all(pipeline.nlp, shared, sources, table, _log, stories, pipeline)


def _rows_json(results: dict[str, dict[str, object]]) -> dict[str, object]:
    out: dict[str, object] = {}
    for system, rows in results.items():
        out[system] = {name: {"precision": round(c.precision, 4), "recall": round(c.recall, 4),
                              "f1": round(c.f1, 4), "tp": c.tp, "fp": c.fp, "fn": c.fn}
                       for name, c in rows.items()}  # type: ignore[attr-defined]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("build", "evaluate", "check"))
    parser.add_argument("--out", type=Path, default=SHIPPED, help="weights file to write")
    parser.add_argument("--json", type=Path, help="evaluate: also write the figures here")
    parser.add_argument("--no-holdout", action="store_true",
                        help="evaluate: cross-validation only (keep the hold-out untouched)")
    args = parser.parse_args()
    shared = find_shared_dir()
    if shared is None:
        raise SystemExit("no shared data folder (set DOSSIER_SHARED)")
    settings = training.Settings()
    pipeline = Pipeline(load_settings().with_overrides(event_model="off"))
    started = time.perf_counter()
    final = args.command == "evaluate" and not args.no_holdout
    corpus = _corpus(pipeline, shared, training.ALL_SOURCES, training.NGEC_STORIES if final else 0)
    if args.command == "build":
        model = training.build(corpus, settings)
        model.save(args.out)
        size = args.out.stat().st_size
        _log(f"wrote {args.out} ({size / 1e6:.2f} MB): {json.dumps(model.meta, sort_keys=True)}")
    elif args.command == "check":
        rebuilt = training.build(corpus, settings)
        shipped = EventModel.load(SHIPPED)
        sample = [u for u in corpus.units if u.source != "ngec"][:200]
        worst = max(float(np.abs(rebuilt.probabilities(u.features)
                                 - shipped.probabilities(u.features)).max()) for u in sample)
        _log(f"largest probability difference on {len(sample)} units: {worst:.2e}")
        if worst > 1e-3:
            raise SystemExit("the shipped weights differ from a rebuild: run `build`")
    else:
        runner = training.Runner(pipeline)
        results = {"cross-validated": training.cross_validate(corpus, runner, settings,
                                                              log=_log)}
        if not args.no_holdout:
            results["hold-out"] = training.holdout_report(corpus, runner, settings)
        for name, figures in results.items():
            print(f"\n{name}")
            print("\n".join(training.table(figures)))
        if args.json:
            args.json.write_text(json.dumps({k: _rows_json(v) for k, v in results.items()},
                                            indent=1) + "\n", encoding="utf-8")
    _log(f"done in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
