"""Attribution benchmark: our quote extractor beside textacy's direct quotations on PolNeAR.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/attribution.py [--gold FOLDER] [--limit N] [--config FILE]

One pipeline is loaded; its spaCy model parses every PolNeAR dev text (raw, as stored) for
both systems. Three systems are scored with the same functions as `dossier evaluate polnear`
(`newsdossier.evaluate.attribution.score_documents`):

* `newsdossier` — the full pipeline (every configured stage), its `record.quotes`;
* `textacy` — `textacy.extract.triples.direct_quotations` on the spaCy Doc of each text.
  It refuses a whole document when its quotation marks do not pair up (ValueError), which
  is then scored as no quotes and counted as failed;
* `textacy/paragraphs` — the same function on each newline-separated paragraph of the same
  parse (`Span.as_doc()`), so an unpaired mark costs its paragraph only;
* `every paragraph` — no extractor at all: each paragraph predicted as one quote with no
  speaker or cue, the floor that shows how lenient the overlap-based `content` figure is.

The textacy times include the spaCy parse (measured once, added to each). Prints one table
(content P/R/F1, token F1, speaker accuracy and its n, speaker.any, cue accuracy, failed
texts, seconds) and writes benchmarks/results/attribution.json.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdossier.evaluate import EvaluationError, Report, get_evaluator, resolve_gold
from newsdossier.evaluate.attribution import (
    GoldCorpus,
    Prediction,
    Range,
    attribution_report,
    load_polnear,
    predict_quotes,
)
from newsdossier.pipeline import Pipeline
from newsdossier.settings import load_settings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

RESULTS = Path(__file__).resolve().parent / "results"
PARAGRAPH = re.compile(r"[^\n]+")
Extractor = Callable[["Doc"], Iterable[Any]]


@dataclass
class SystemRun:
    name: str
    predictions: list[list[Prediction]]
    seconds: float
    failed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def require_textacy() -> Extractor:
    """textacy's direct quotation extractor, or exit with one line saying how to install it."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError as exc:
        sys.exit(f"attribution: textacy is not installed ({exc}); "
                 "run .venv/bin/pip install -e '.[bench]'")
    return direct_quotations


def token_range(tokens: Sequence[Token]) -> Range | None:
    """The character range from the first to the last of some tokens (None when none)."""
    if not tokens:
        return None
    return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)


def shifted(span: Range | None, offset: int) -> Range | None:
    return None if span is None else (span[0] + offset, span[1] + offset)


def triple_prediction(triple: Any, offset: int = 0) -> Prediction:
    """A textacy (speaker, cue, content) triple as a prediction on the full text."""
    content = (triple.content.start_char + offset, triple.content.end_char + offset)
    return Prediction((content,), shifted(token_range(triple.speaker), offset),
                      shifted(token_range(triple.cue), offset))


def textacy_document(extract: Extractor, doc: Doc) -> list[Prediction]:
    """textacy on a whole document; raises ValueError when its quotation marks do not pair."""
    return [triple_prediction(triple) for triple in extract(doc)]


def textacy_paragraphs(extract: Extractor, doc: Doc) -> tuple[list[Prediction], int]:
    """textacy on each paragraph of the parse: the predictions and how many paragraphs failed."""
    predictions: list[Prediction] = []
    failed = 0
    for match in PARAGRAPH.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or not len(span):
            continue
        try:
            triples = list(extract(span.as_doc()))
        except ValueError:
            failed += 1
            continue
        predictions += [triple_prediction(t, span.start_char) for t in triples]
    return predictions, failed


def run_ours(pipeline: Pipeline, corpus: GoldCorpus) -> SystemRun:
    started = time.perf_counter()
    predictions, notes = predict_quotes(pipeline, corpus.documents)
    return SystemRun("newsdossier", predictions, time.perf_counter() - started, notes=notes)


def parse(pipeline: Pipeline, corpus: GoldCorpus) -> tuple[list[Doc], float]:
    started = time.perf_counter()
    texts = (document.text for document in corpus.documents)
    docs = list(pipeline.nlp.pipe(texts, batch_size=pipeline.settings.batch_size))
    return docs, time.perf_counter() - started


def run_textacy(extract: Extractor, corpus: GoldCorpus, docs: list[Doc],
                parse_seconds: float) -> SystemRun:
    run = SystemRun("textacy", [], parse_seconds)
    started = time.perf_counter()
    for document, doc in zip(corpus.documents, docs, strict=True):
        try:
            run.predictions.append(textacy_document(extract, doc))
        except ValueError:
            run.failed.append(document.id)
            run.predictions.append([])
    run.seconds += time.perf_counter() - started
    if run.failed:
        run.notes.append(f"{len(run.failed)} texts refused (unpaired quotation marks), "
                         "scored as no quotes")
    return run


def run_textacy_paragraphs(extract: Extractor, docs: list[Doc],
                           parse_seconds: float) -> SystemRun:
    run = SystemRun("textacy/paragraphs", [], parse_seconds)
    started = time.perf_counter()
    refused = 0
    for doc in docs:
        predictions, failed = textacy_paragraphs(extract, doc)
        run.predictions.append(predictions)
        refused += failed
    run.seconds += time.perf_counter() - started
    if refused:
        run.notes.append(f"{refused} paragraphs refused (unpaired quotation marks)")
    return run


def run_every_paragraph(corpus: GoldCorpus) -> SystemRun:
    started = time.perf_counter()
    predictions = [[Prediction((match.span(),)) for match in PARAGRAPH.finditer(d.text)]
                   for d in corpus.documents]
    return SystemRun("every paragraph", predictions, time.perf_counter() - started)


def table(runs: Sequence[SystemRun], reports: Sequence[Report]) -> str:
    header = (f"{'system':<20} {'P':>6} {'R':>6} {'F1':>6} {'tok F1':>7} {'spk acc':>8} "
              f"{'spk n':>6} {'spk.any':>8} {'cue acc':>8} {'failed':>7} {'seconds':>8}")
    lines = [header, "-" * len(header)]
    for run, report in zip(runs, reports, strict=True):
        content, speaker = report.row("content"), report.row("speaker")
        lines.append(
            f"{run.name:<20} {content.precision:6.3f} {content.recall:6.3f} {content.f1:6.3f} "
            f"{report.row('content.tokens').f1:7.3f} {speaker.accuracy:8.3f} "
            f"{speaker.total:6d} {report.row('speaker.any').accuracy:8.3f} "
            f"{report.row('cue').accuracy:8.3f} {len(run.failed):7d} {run.seconds:8.1f}"
        )
    return "\n".join(lines)


def result(args: argparse.Namespace, gold: Path, pipeline: Pipeline, corpus: GoldCorpus,
           runs: Sequence[SystemRun], reports: Sequence[Report]) -> dict[str, Any]:
    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "gold": str(gold), "cases": len(corpus.documents), "limit": args.limit,
        "model": pipeline.nlp.meta.get("name"), "stages": pipeline.stage_names,
        "systems": {
            run.name: {"seconds": round(run.seconds, 2), "failed": run.failed,
                       "notes": run.notes, "report": report.as_dict()}
            for run, report in zip(runs, reports, strict=True)
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", help="PolNeAR folder (default: the shared dev folder)")
    parser.add_argument("--limit", type=int, help="score only the first N texts")
    parser.add_argument("--config", help="settings file (TOML) for the pipeline")
    args = parser.parse_args()

    extract = require_textacy()
    try:
        gold = resolve_gold(get_evaluator("polnear"), args.gold)
        corpus = load_polnear(gold, args.limit)
    except EvaluationError as exc:
        sys.exit(f"attribution: {exc}")
    pipeline = Pipeline(load_settings(args.config))
    docs, parse_seconds = parse(pipeline, corpus)
    runs = [run_ours(pipeline, corpus), run_textacy(extract, corpus, docs, parse_seconds),
            run_textacy_paragraphs(extract, docs, parse_seconds), run_every_paragraph(corpus)]
    reports = [attribution_report(run.name, gold, corpus, run.predictions) for run in runs]
    print(f"PolNeAR attribution — {gold} ({len(corpus.documents)} texts, "
          f"{reports[0].row('content').total} gold attributions with a Content)")
    print(table(runs, reports))
    print(f"\nspaCy parse alone: {parse_seconds:.1f} s (included in the textacy times)")
    for note in reports[0].notes:
        print(f"note: {note}")
    for run in runs:
        for note in run.notes:
            print(f"note ({run.name}): {note}")
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / "attribution.json"
    path.write_text(json.dumps(result(args, gold, pipeline, corpus, runs, reports), indent=1)
                    + "\n")
    print(f"\nwritten: {path}")


if __name__ == "__main__":
    main()
