"""Claim-thread adapter (`emergent-threads`): do headlines about one claim share a thread?

Emergent groups its article headlines by the claim they report on (`claimId`, 240 claims in
train.csv). Each distinct headline is run through the pipeline as an article and placed, in
file order, into a fresh in-memory thread index exactly as the store threads claims across
articles (`newsdossier.store.threads`): its words, and the countries of its actors as parties.
Scores: `pairs` (pairwise clustering precision/recall/F1: of the headline pairs put in one
thread, how many share a claim, and of those sharing a claim, how many were put together);
B-cubed P/R/F1 in the notes, with the all-singletons baseline. With `thread_embeddings` on,
the index also compares headlines by sentence embeddings.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import registry
from ..model import Article, Claim, Record, Span
from .metrics import Counts, Report
from .stance import emergent_rows

if TYPE_CHECKING:
    from ..pipeline import Pipeline
    from ..store.embeddings import Embedder

_COLUMNS = ("articleId", "articleHeadline", "claimId")


@dataclass(frozen=True)
class Headline:
    article_id: str
    text: str
    claim_id: str


def load_headlines(path: Path, limit: int | None) -> list[Headline]:
    """The distinct headlines (one per article), in file order."""
    seen: set[str] = set()
    headlines: list[Headline] = []
    for _, row in emergent_rows(path, _COLUMNS):
        text = (row["articleHeadline"] or "").strip()
        if not text or row["articleId"] in seen:
            continue
        seen.add(row["articleId"])
        headlines.append(Headline(row["articleId"], text, row["claimId"]))
    return headlines[:limit] if limit is not None else headlines


def headline_claim(record: Record) -> Claim:
    """The headline as one claim: all of its text, about every actor it names."""
    text = record.article.text
    stance = next((c.stance for c in record.claims if c.stance != "asserts"), "asserts")
    about = [actor for actor in record.actors if actor.country]
    return Claim(id="headline", stance=stance, content=Span(0, len(text), text), about=about)


def thread_in_memory(claims: list[Claim], embedder: Embedder | None) -> list[int]:
    """Each claim's thread when placed one after another into an empty index."""
    from ..store.migrations import MIGRATIONS
    from ..store.threads import ThreadIndex

    conn = sqlite3.connect(":memory:", isolation_level=None)
    for script in MIGRATIONS:
        conn.executescript(script)
    index = ThreadIndex(conn, embedder)
    return [index.place(claim, None) for claim in claims]


def pair_counts(gold: list[str], predicted: list[int]) -> Counts:
    row = Counts("pairs")
    together = Counter(zip(gold, predicted, strict=True))
    same_gold = Counter(gold)
    same_predicted = Counter(predicted)

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    row.tp = sum(pairs(n) for n in together.values())
    row.fp = sum(pairs(n) for n in same_predicted.values()) - row.tp
    row.fn = sum(pairs(n) for n in same_gold.values()) - row.tp
    row.total = len(gold)
    return row


def bcubed(gold: list[str], predicted: list[int]) -> tuple[float, float, float]:
    together = Counter(zip(gold, predicted, strict=True))
    same_gold = Counter(gold)
    same_predicted = Counter(predicted)
    n = len(gold) or 1
    precision = sum(together[(g, p)] / same_predicted[p] for g, p in zip(gold, predicted,
                                                                         strict=True)) / n
    recall = sum(together[(g, p)] / same_gold[g] for g, p in zip(gold, predicted,
                                                                 strict=True)) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


class EmergentThreadsEvaluator:
    name = "emergent-threads"
    description = "claim threads: headlines about one claim in one thread (Emergent claimId)"
    default_gold = "data/attribution/emergent/train.csv"

    def evaluate(self, pipeline: Pipeline, gold: Path, limit: int | None = None) -> Report:
        from ..store.embeddings import embedder_for

        headlines = load_headlines(gold, limit)
        articles = (Article(id=h.article_id, text=h.text) for h in headlines)
        claims = [headline_claim(record) for record in pipeline.pipe(articles)]
        embedder = embedder_for(pipeline.settings.thread_embeddings)
        threads = thread_in_memory(claims, embedder)
        labels = [h.claim_id for h in headlines]
        report = Report(self.name, str(gold), len(headlines), [pair_counts(labels, threads)])
        precision, recall, f1 = bcubed(labels, threads)
        _, _, singleton_f1 = bcubed(labels, list(range(len(labels))))
        groups: dict[int, set[str]] = defaultdict(set)
        for label, thread in zip(labels, threads, strict=True):
            groups[thread].add(label)
        report.notes.append(f"B-cubed P {precision:.3f} R {recall:.3f} F1 {f1:.3f} "
                            f"(every headline alone: F1 {singleton_f1:.3f}); "
                            f"{len(groups)} threads for {len(set(labels))} claims")
        report.notes.append("sentence embeddings: " + ("on" if embedder else "off"))
        return report


@registry.evaluators.register("emergent-threads")
def make_emergent_threads_evaluator() -> EmergentThreadsEvaluator:
    return EmergentThreadsEvaluator()
