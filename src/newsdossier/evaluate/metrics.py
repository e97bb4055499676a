"""Counts → precision, recall, F1 and accuracy, and the tables that print them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Counts:
    """One metric row: true positives, false positives, false negatives, plus accuracy counts."""

    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    correct: int = 0
    total: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def add_labelled(self, gold: str | None, predicted: str | None) -> None:
        """Score one labelled case: a None prediction abstains (a miss, not an error)."""
        self.total += 1
        if predicted is not None and predicted == gold:
            self.tp += 1
            self.correct += 1
            return
        if gold is None and predicted is None:
            self.correct += 1
            return
        if predicted is not None:
            self.fp += 1
        if gold is not None:
            self.fn += 1

    def value(self, metric: str) -> float:
        return float(getattr(self, metric))


@dataclass
class Report:
    """What one evaluator measured on one gold set."""

    evaluator: str
    gold: str
    cases: int
    rows: list[Counts] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Free lines printed after the table and notes (a per-item breakdown, say).
    appendix: list[str] = field(default_factory=list)

    def row(self, name: str) -> Counts:
        for row in self.rows:
            if row.name == name:
                return row
        raise KeyError(name)

    def table(self) -> str:
        width = max([len(r.name) for r in self.rows] + [6])
        header = (f"{'metric':<{width}}  {'P':>6} {'R':>6} {'F1':>6} {'acc':>6}  "
                  f"{'tp':>5} {'fp':>5} {'fn':>5} {'n':>6}")
        lines = [f"{self.evaluator} — {self.gold} ({self.cases} cases)", header, "-" * len(header)]
        for r in self.rows:
            lines.append(
                f"{r.name:<{width}}  {r.precision:6.3f} {r.recall:6.3f} {r.f1:6.3f} "
                f"{r.accuracy:6.3f}  {r.tp:5d} {r.fp:5d} {r.fn:5d} {r.total:6d}"
            )
        lines += [f"note: {n}" for n in self.notes]
        if self.appendix:
            lines += ["", *self.appendix]
        return "\n".join(lines)

    def as_dict(self) -> dict[str, object]:
        return {
            "evaluator": self.evaluator,
            "gold": self.gold,
            "cases": self.cases,
            "metrics": {
                r.name: {
                    "precision": round(r.precision, 4), "recall": round(r.recall, 4),
                    "f1": round(r.f1, 4), "accuracy": round(r.accuracy, 4),
                    "tp": r.tp, "fp": r.fp, "fn": r.fn, "n": r.total,
                }
                for r in self.rows
            },
            "notes": self.notes,
            "appendix": self.appendix,
        }
