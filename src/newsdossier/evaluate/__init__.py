"""Evaluation against gold sets: the framework, the metrics and the built-in adapters."""

from .framework import (
    EvaluationError,
    Evaluator,
    FloorCheck,
    check_floors,
    evaluator_names,
    find_shared_dir,
    floors_for,
    get_evaluator,
    resolve_gold,
)
from .metrics import Counts, Report

__all__ = [
    "Counts",
    "EvaluationError",
    "Evaluator",
    "FloorCheck",
    "Report",
    "check_floors",
    "evaluator_names",
    "find_shared_dir",
    "floors_for",
    "get_evaluator",
    "resolve_gold",
]
