"""Fit the event confidence model on labelled events, and show how well it is calibrated.

    .venv/bin/python tools/fit_confidence.py [GOLD_DIR] [--verdicts TSV] [--write] [--folds 5]
    .venv/bin/python tools/fit_confidence.py --import SHEET.csv ... --db DB [--verdicts TSV]

Two kinds of labelled events, each an article's events labelled right or wrong:

* the whole-article dev gold: the pipeline runs on every gold article and a predicted event
  is right when its sentence and type fit a gold event of the article (the lenient rule of
  data/articles/README.md) and its source and target agree with that gold event's;
* reviewers' verdicts (`tools/labels/wikinews_verdicts.tsv`): events of the Wikinews corpus
  (`corpus/wikinews/wikinews.jsonl`) judged by careful readers who did not write the code,
  with the sheets of `benchmarks/spotcheck.py`; an event is right when the reviewer found it
  acceptable (a real event with its type, source and target right). The file holds no
  article text: each verdict names the article id, the trigger's offsets, and the type and
  parties the event had when judged; a verdict counts only while the pipeline still reads
  the event that way. `--import` turns filled-in sheets (and the database they were drawn
  from) into such lines.

It fits a logistic model over the features of `newsdossier.events.confidence` with fixed
settings (deterministic), prints a reliability table by confidence decile from k-fold
cross-validation by article (each article's events scored by a model fitted on the other
folds) and, with --write, stores the model fitted on all the articles in
src/newsdossier/data/events/confidence.tsv.
"""

from __future__ import annotations

import argparse
import csv
import json
import sqlite3
import sys
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from newsdossier.evaluate import find_shared_dir
from newsdossier.evaluate.articles import (
    FoldedText,
    find_corpus,
    gold_files,
    load_gold,
    overlaps,
    pick_articles,
    side_agrees,
    type_fits,
)
from newsdossier.events.confidence import ConfidenceModel, fit
from newsdossier.events.consolidate import confidence_features, mentions_of
from newsdossier.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
WEIGHTS = ROOT / "src/newsdossier/data/events/confidence.tsv"
VERDICTS = ROOT / "tools/labels/wikinews_verdicts.tsv"
# Verdicts on articles first kept out of training to measure the model out of sample
# (fourth and fifth sessions); in training since, a fresh spot-check draws from articles
# neither file covers.
HELDOUT_VERDICTS = ROOT / "tools/labels/wikinews_heldout_reviews.tsv"
# A reviewer judges an event as a reader of unseen news does (strictly: type, source and
# target right); the dev gold's lenient matching is kinder. Counting each verdict more than
# once fits the confidence to that reader (chosen by the cross-validated table).
REVIEW_WEIGHT = 1
VERDICT_FIELDS = ("article_id", "trigger_start", "trigger_end", "type", "source", "target",
                  "acceptable", "type_ok", "source_ok", "target_ok", "notes")
Labelled = list[tuple[str, list[list[str]], list[int]]]


def parties(actors: Iterable[Any]) -> str:
    """A side as the verdict file keeps it: its codes (or names), sorted, ';'-joined."""
    def one(actor: Any) -> str:
        get = actor.get if isinstance(actor, dict) else lambda k: getattr(actor, k)
        return str(get("code") or get("name") or get("text") or "")
    return ";".join(sorted(one(a) for a in actors))


def verdict_key(article_id: str, start: int, end: int, event_type: str | None,
                source: str, target: str) -> tuple[str, int, int, str, str, str]:
    return (article_id, start, end, event_type or "", source, target)


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
            source = [asdict(a) for a in event.source]
            target = [asdict(a) for a in event.target]
            right = any(type_fits(g, as_json) and any(overlaps(sentence, s) for s in spans)
                        and side_agrees(g.get("source"), source)
                        and side_agrees(g.get("target"), target)
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


def load_verdicts(path: Path) -> dict[tuple[str, int, int, str, str, str], int]:
    verdicts = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle, delimiter="\t"), start=2):
            try:
                key = verdict_key(row["article_id"], int(row["trigger_start"]),
                                  int(row["trigger_end"]), row["type"], row["source"],
                                  row["target"])
            except (KeyError, TypeError, ValueError) as exc:
                raise SystemExit(f"{path}:{number}: not a verdict line ({exc})") from exc
            verdicts[key] = int(row["acceptable"] == "yes")
    return verdicts


def reviewed(path: Path, corpus: Path) -> tuple[Labelled, int]:
    """Per reviewed article: its id, each still-judged event's features and verdict; and how
    many verdicts no longer apply (the pipeline now reads the event otherwise)."""
    from newsdossier.ingest import ItemError, build_article, read_items
    from newsdossier.settings import load_settings

    verdicts = load_verdicts(path)
    wanted = {key[0] for key in verdicts}
    settings = load_settings()
    pipeline = Pipeline()
    out, used = [], 0
    for item in read_items([str(corpus)], settings):
        if isinstance(item, ItemError) or not hasattr(item, "text"):
            continue
        article = build_article(item, settings.max_article_chars)
        if isinstance(article, ItemError) or article.id not in wanted:
            continue
        doc = pipeline.nlp(article.text)
        record = pipeline.apply_stages(doc, article)
        rows, labels = [], []
        for mention in mentions_of(doc, record):
            event = mention.event
            key = verdict_key(article.id, event.trigger.start, event.trigger.end, event.type,
                              parties(event.source), parties(event.target))
            if key in verdicts:
                rows.append(confidence_features(mention))
                labels.append(verdicts[key])
        used += len(rows)
        out.append((article.id, rows, labels))
    return out, len(verdicts) - used


def import_sheets(sheets: list[str], db: Path, path: Path) -> int:
    """Append the verdicts of filled-in spot-check sheets to the verdict file (the events'
    offsets and parties read from the database the sheets were drawn from)."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    existing = load_verdicts(path) if path.exists() else {}
    lines = []
    for sheet in sheets:
        try:
            with open(sheet, encoding="utf-8", newline="") as handle:
                rows = list(csv.DictReader(handle))
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            print(f"{sheet}: skipped, not a readable sheet ({exc})", file=sys.stderr)
            continue
        for row in rows:
            verdict = (row.get("acceptable") or "").strip().lower()
            if verdict not in ("yes", "no") or not row.get("article_id") or not row.get(
                    "event_id"):
                continue
            found = connection.execute(
                "SELECT trigger_start, trigger_end, type, source, target FROM events "
                "WHERE article_id = ? AND event_id = ?",
                (row["article_id"], row["event_id"])).fetchone()
            if found is None:
                continue
            start, end, event_type, source, target = found
            key = verdict_key(row["article_id"], start, end, event_type,
                              parties(json.loads(source or "[]")),
                              parties(json.loads(target or "[]")))
            if key in existing:
                continue
            existing[key] = int(verdict == "yes")
            lines.append([*map(str, key), verdict] + [
                (row.get(name) or "").strip().lower() for name in ("type_ok", "source_ok",
                                                                   "target_ok")]
                + [" ".join((row.get("notes") or "").split())[:200]])
    new_file = not path.exists()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        if new_file:
            writer.writerow(VERDICT_FIELDS)
        writer.writerows(lines)
    return len(lines)


def merged_by_article(data: Labelled) -> Labelled:
    """One entry per article, so that no article's events fall into two folds."""
    by_name: dict[str, tuple[str, list[list[str]], list[int]]] = {}
    for name, rows, labels in data:
        held = by_name.setdefault(name, (name, [], []))
        held[1].extend(rows)
        held[2].extend(labels)
    return list(by_name.values())


def cross_validated(data: Labelled, folds: int,
                    extra: tuple[list[list[str]], list[int]] = ([], []),
                    only: frozenset[str] | None = None,
                    repeats: dict[str, int] | None = None) -> list[tuple[float, int]]:
    """Each article's events scored by a model fitted on the other folds (and `extra`,
    an article's events repeated as `repeats` says); with `only`, the scores of those
    articles alone are returned."""
    scored = []
    for fold in range(folds):
        train_rows, train_labels = list(extra[0]), list(extra[1])
        for number, (name, rows, labels) in enumerate(data):
            if number % folds != fold:
                times = (repeats or {}).get(name, 1)
                train_rows += rows * times
                train_labels += labels * times
        model = ConfidenceModel(fit(train_rows, train_labels))
        for number, (name, rows, labels) in enumerate(data):
            if number % folds == fold and (only is None or name in only):
                scored += [(model.probability(r), y) for r, y in zip(rows, labels,
                                                                       strict=True)]
    return scored


def auc(scored: list[tuple[float, int]]) -> float:
    """The chance a right event outranks a wrong one (ties count half)."""
    right = [p for p, y in scored if y]
    wrong = [p for p, y in scored if not y]
    if not right or not wrong:
        return float("nan")
    wins = sum((r > w) + 0.5 * (r == w) for r in right for w in wrong)
    return wins / (len(right) * len(wrong))


def reliability(scored: list[tuple[float, int]]) -> list[str]:
    lines = ["| confidence | events | right | share right |", "|---|---|---|---|"]
    for low in range(10):
        bucket = [y for p, y in scored if low / 10 <= p < (low + 1) / 10 or (low == 9
                                                                            and p == 1.0)]
        if bucket:
            lines.append(f"| {low / 10:.1f}–{(low + 1) / 10:.1f} | {len(bucket)} | "
                         f"{sum(bucket)} | {sum(bucket) / len(bucket):.2f} |")
    lines.append("")
    lines.append(f"AUC {auc(scored):.3f}")
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
    parser.add_argument("--verdicts", type=Path, action="append",
                        help="reviewers' verdicts on Wikinews events (TSV; repeatable; default: "
                             "the two files of tools/labels/)")
    parser.add_argument("--review-weight", type=int, default=REVIEW_WEIGHT,
                        help="times a reviewed event counts against a dev-gold one in "
                             f"fitting (default {REVIEW_WEIGHT})")
    parser.add_argument("--import", dest="sheets", nargs="+", metavar="SHEET",
                        help="append the verdicts of filled-in spot-check sheets and stop")
    parser.add_argument("--db", type=Path, help="the database the sheets were drawn from")
    args = parser.parse_args()
    verdict_files = args.verdicts or [VERDICTS, HELDOUT_VERDICTS]
    if args.sheets:
        if args.db is None:
            raise SystemExit("--import needs --db, the database the sheets were drawn from")
        if not args.db.is_file():
            raise SystemExit(f"--db {args.db}: no such database")
        added = import_sheets(args.sheets, args.db, verdict_files[0])
        print(f"{added} verdicts added to {verdict_files[0]}")
        return
    shared = find_shared_dir()
    gold = Path(args.gold) if args.gold else (shared / "data/articles/dev" if shared else None)
    if gold is None:
        raise SystemExit("no gold given and no shared folder found")
    data = labelled(gold)
    gold_names = frozenset(name for name, _, _ in data)
    for path in verdict_files:
        if not path.exists() or shared is None:
            continue
        more, stale = reviewed(path, shared / "data/corpus/wikinews/wikinews.jsonl")
        print(f"{path.name}: {sum(len(r) for _, r, _ in more)} reviewed Wikinews events in "
              f"{len(more)} articles ({stale} verdicts no longer apply)", file=sys.stderr)
        data += more
    reviewed_names = frozenset(name for name, _, _ in data) - gold_names
    data = merged_by_article(data)
    extra = sentence_gold(shared)
    print(f"cross-validated reliability ({args.folds} folds by article; {len(extra[0])} "
          "events of gold sentences always in training):")
    repeats = {name: args.review_weight for name in reviewed_names}
    print("\n".join(reliability(cross_validated(data, args.folds, extra,
                                                repeats=repeats))))
    if reviewed_names:
        print("\nthe same, on the reviewers' verdicts alone:")
        print("\n".join(reliability(cross_validated(data, args.folds, extra,
                                                    reviewed_names, repeats))))
    weights = fit([r for name, rows, _ in data for r in rows * repeats.get(name, 1)]
                  + extra[0],
                  [y for name, _, labels in data for y in labels * repeats.get(name, 1)]
                  + extra[1])
    if args.write:
        lines = ["# Event confidence weights (logistic, binary features of",
                 "# newsdossier.events.confidence), fitted by tools/fit_confidence.py on the",
                 "# whole-article dev gold; see benchmarks/README.md for the reliability table."]
        lines += [f"{name}\t{weight}" for name, weight in sorted(weights.items())]
        WEIGHTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS}")


if __name__ == "__main__":
    main()
