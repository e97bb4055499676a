"""Evaluators: registered adapters that read a gold set, run the pipeline and score it.

An evaluator is a factory registered in `newsdossier.registry.evaluators` returning an object
with `name`, `description`, `default_gold` (a path under the shared data folder) and
`evaluate(pipeline, gold_path, limit) -> Report`. Floors for the CI accuracy gate live in
`floors.toml` beside this file: `[evaluator] "row.metric" = minimum`.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from .. import registry
from .metrics import Report

if TYPE_CHECKING:
    from ..pipeline import Pipeline


class Evaluator(Protocol):
    name: str
    description: str
    default_gold: str

    def evaluate(self, pipeline: Pipeline, gold: Path, limit: int | None = None) -> Report: ...


class EvaluationError(RuntimeError):
    """The gold set is missing or malformed."""


def _ensure_builtin_evaluators() -> None:
    from . import (  # noqa: F401
        actors,
        articles,
        attribution,
        eventmodel,
        events,
        geo,
        stance,
        threads,
    )


def get_evaluator(name: str) -> Evaluator:
    _ensure_builtin_evaluators()
    try:
        return registry.evaluators.get(name)()
    except Exception as exc:
        known = ", ".join(sorted(registry.evaluators.get_all()))
        raise EvaluationError(f"unknown evaluator {name!r} (known: {known})") from exc


def evaluator_names() -> list[str]:
    _ensure_builtin_evaluators()
    return sorted(registry.evaluators.get_all())


def find_shared_dir() -> Path | None:
    """The shared data folder: $DOSSIER_SHARED, else a `shared` folder beside the checkout."""
    env = os.environ.get("DOSSIER_SHARED")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for base in (Path.cwd(), *here.parents):
        candidate = base.parent / "shared"
        if (candidate / "schema").is_dir():
            return candidate
    return None


def resolve_gold(evaluator: Evaluator, gold: str | None) -> Path:
    if gold:
        path = Path(gold)
    else:
        shared = find_shared_dir()
        if shared is None:
            raise EvaluationError(
                "no gold file given and no shared data folder found "
                "(set DOSSIER_SHARED or pass --gold)"
            )
        path = shared / evaluator.default_gold
    if not path.exists():
        raise EvaluationError(f"{path}: gold set not found")
    return path


@dataclass(frozen=True)
class FloorCheck:
    metric: str
    floor: float
    measured: float

    @property
    def ok(self) -> bool:
        return self.measured + 1e-9 >= self.floor

    def line(self) -> str:
        verdict = "ok" if self.ok else "BELOW FLOOR"
        return f"{self.metric}: {self.measured:.4f} (floor {self.floor:.4f}) {verdict}"


def floors_for(name: str) -> dict[str, float]:
    text = resources.files("newsdossier.evaluate").joinpath("floors.toml").read_text("utf-8")
    return {k: float(v) for k, v in tomllib.loads(text).get(name, {}).items()}


def check_floors(report: Report) -> list[FloorCheck]:
    checks = []
    for key, floor in floors_for(report.evaluator).items():
        row_name, _, metric = key.rpartition(".")
        checks.append(FloorCheck(key, floor, report.row(row_name).value(metric)))
    return checks
