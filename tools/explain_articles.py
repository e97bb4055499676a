"""Run the whole-article evaluation and print, per article, what went wrong.

    .venv/bin/python tools/explain_articles.py [GOLD_DIR_OR_FILE] [--records OUT.jsonl]

For developers reading the output as a user would: missed and incomplete gold events with
the reason, predictions no gold event accounts for, missed and extra quotes, claims, places
and figures.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from newsdossier.evaluate import find_shared_dir
from newsdossier.evaluate.articles import ArticlesEvaluator, explain
from newsdossier.pipeline import Pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", help="gold folder or file (default: shared dev)")
    parser.add_argument("--records", help="also write the records as JSONL here")
    args = parser.parse_args()
    shared = find_shared_dir()
    gold = Path(args.gold) if args.gold else (shared / "data/articles/dev" if shared else None)
    if gold is None:
        raise SystemExit("no gold given and no shared folder found")
    evaluator = ArticlesEvaluator()
    report = evaluator.evaluate(Pipeline(), gold)
    for score in evaluator.scores:
        for line in explain(score):
            print(line)
    print()
    print(report.table())
    if args.records:
        with open(args.records, "w", encoding="utf-8") as handle:
            for record in evaluator.records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
