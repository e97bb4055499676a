"""Fit the event confidence model on whole-article gold, and show how well it is calibrated.

    .venv/bin/python tools/fit_confidence.py [GOLD_DIR] [--write] [--folds 5]

Runs the pipeline (with the confidence it ships) on every gold article, labels each
predicted event right when its sentence and type fit a gold event of the article (the
lenient rule of data/articles/README.md), and fits a logistic model over the features of
`newsdossier.events.confidence` with fixed settings (deterministic). It prints a
reliability table by confidence decile from 5-fold cross-validation by article (each
article's events scored by a model fitted on the other folds) and, with --write, stores the
model fitted on all the articles in src/newsdossier/data/events/confidence.tsv.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsdossier.evaluate import find_shared_dir
from newsdossier.evaluate.articles import (
    FoldedText,
    find_corpus,
    gold_files,
    load_gold,
    overlaps,
    pick_articles,
    type_fits,
)
from newsdossier.events.confidence import ConfidenceModel, fit
from newsdossier.events.consolidate import confidence_features, mentions_of
from newsdossier.pipeline import Pipeline

WEIGHTS = Path(__file__).resolve().parents[1] / "src/newsdossier/data/events/confidence.tsv"


def labelled(gold_dir: Path) -> list[tuple[str, list[list[str]], list[int]]]:
    """Per article: its name, each event's features and whether the event is right."""
    golds = [load_gold(p) for p in gold_files(gold_dir)]
    articles = pick_articles(find_corpus(gold_dir), golds)
    pipeline = Pipeline()
    out = []
    for gold, article in zip(golds, articles, strict=True):
        doc = pipeline.nlp(article.text)
        record = pipeline.apply_stages(doc, article)
        text = FoldedText(record.article.text)
        evidence = [[s for snippet in g.get("evidence") or [] for s in text.find_all(snippet)]
                    for g in gold.events]
        rows, labels = [], []
        for mention in mentions_of(doc, record):
            event = mention.event
            sentence = (event.sentence.start, event.sentence.end)
            as_json = {"type": event.type, "cameo": event.cameo}
            right = any(type_fits(g, as_json) and any(overlaps(sentence, s) for s in spans)
                        for g, spans in zip(gold.events, evidence, strict=True))
            rows.append(confidence_features(mention))
            labels.append(int(right))
        out.append((gold.name, rows, labels))
    return out


def sentence_gold(shared: Path | None) -> tuple[list[list[str]], list[int]]:
    """Events of the PLOVER gold sentences (data/events/plover_gsr_dev.jsonl), right when
    their type is one of the sentence's gold types: more evidence on how often each type
    and kind of event is right, always used in training (never scored)."""
    from newsdossier.evaluate.events import load_plover
    from newsdossier.model import Article

    path = shared / "data/events/plover_gsr_dev.jsonl" if shared else None
    if path is None or not path.exists():
        return [], []
    pipeline = Pipeline()
    rows, labels = [], []
    for case in load_plover(path, None):
        article = Article(id=case.id, text=case.text, published=case.published)
        doc = pipeline.nlp(case.text)
        record = pipeline.apply_stages(doc, article)
        wanted = [e.type for e in case.events]
        for mention in mentions_of(doc, record):
            rows.append(confidence_features(mention))
            right = mention.event.type in wanted
            if right:
                wanted.remove(mention.event.type)
            labels.append(int(right))
    return rows, labels


def cross_validated(data: list[tuple[str, list[list[str]], list[int]]], folds: int,
                    extra: tuple[list[list[str]], list[int]] = ([], [])
                    ) -> list[tuple[float, int]]:
    scored = []
    for fold in range(folds):
        train_rows, train_labels = list(extra[0]), list(extra[1])
        for number, (_, rows, labels) in enumerate(data):
            if number % folds != fold:
                train_rows += rows
                train_labels += labels
        model = ConfidenceModel(fit(train_rows, train_labels))
        for number, (_, rows, labels) in enumerate(data):
            if number % folds == fold:
                scored += [(model.probability(r), y) for r, y in zip(rows, labels,
                                                                       strict=True)]
    return scored


def reliability(scored: list[tuple[float, int]]) -> list[str]:
    lines = ["| confidence | events | right | share right |", "|---|---|---|---|"]
    for low in range(10):
        bucket = [y for p, y in scored if low / 10 <= p < (low + 1) / 10 or (low == 9
                                                                            and p == 1.0)]
        if bucket:
            lines.append(f"| {low / 10:.1f}–{(low + 1) / 10:.1f} | {len(bucket)} | "
                         f"{sum(bucket)} | {sum(bucket) / len(bucket):.2f} |")
    confident = [y for p, y in scored if p >= 0.8]
    shown = [y for p, y in scored if p >= 0.5]
    lines.append("")
    lines.append(f"confidence ≥ 0.8: {len(confident)} events, "
                 f"{sum(confident) / max(len(confident), 1):.3f} right; ≥ 0.5: {len(shown)} "
                 f"events, {sum(shown) / max(len(shown), 1):.3f} right; all: {len(scored)} "
                 f"events, {sum(y for _, y in scored) / max(len(scored), 1):.3f} right")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="store the fitted weights")
    args = parser.parse_args()
    shared = find_shared_dir()
    gold = Path(args.gold) if args.gold else (shared / "data/articles/dev" if shared else None)
    if gold is None:
        raise SystemExit("no gold given and no shared folder found")
    data = labelled(gold)
    extra = sentence_gold(shared)
    print(f"cross-validated reliability ({args.folds} folds by article; {len(extra[0])} "
          "events of gold sentences always in training):")
    print("\n".join(reliability(cross_validated(data, args.folds, extra))))
    weights = fit([r for _, rows, _ in data for r in rows] + extra[0],
                  [y for _, _, labels in data for y in labels] + extra[1])
    if args.write:
        lines = ["# Event confidence weights (logistic, binary features of",
                 "# newsdossier.events.confidence), fitted by tools/fit_confidence.py on the",
                 "# whole-article dev gold; see benchmarks/README.md for the reliability table."]
        lines += [f"{name}\t{weight}" for name, weight in sorted(weights.items())]
        WEIGHTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS}")


if __name__ == "__main__":
    main()
