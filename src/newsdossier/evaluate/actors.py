"""Actor resolution adapter: actor phrases with gold country and sector codes (JSONL).

Each line is an object with `input` (the phrase), optional `function`, and `expected` holding
`country` (or `cc`) and/or `code_1` (the sector); an empty string means "no country/sector".
Cases marked `disabled` are skipped; the `query_wiki` kind (entity linking to Wikipedia
titles) is out of scope. Two predictions are scored: the full pipeline run on the phrase
(its longest actor mention), and the actor dictionary alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import registry
from ..model import Actor, Article
from .framework import EvaluationError
from .metrics import Counts, Report

if TYPE_CHECKING:
    from ..pipeline import Pipeline

SCORED_FUNCTIONS = {"agent_to_code", "search_nat", "short_text_to_agent", None}


@dataclass(frozen=True)
class ActorCase:
    phrase: str
    country: str | None
    sector: str | None
    has_sector: bool


def _blank_to_none(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _case(obj: dict[str, Any]) -> ActorCase | None:
    if obj.get("disabled") or obj.get("function") not in SCORED_FUNCTIONS:
        return None
    expected = obj.get("expected") or {}
    if "country" not in expected and "cc" not in expected and "code_1" not in expected:
        return None
    country = expected.get("country", expected.get("cc"))
    return ActorCase(
        phrase=str(obj["input"]),
        country=_blank_to_none(country),
        sector=_blank_to_none(expected.get("code_1")),
        has_sector="code_1" in expected,
    )


def load_cases(path: Path, limit: int | None) -> list[ActorCase]:
    cases = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                case = _case(json.loads(line))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise EvaluationError(f"{path}:{number}: not an actor case ({exc})") from exc
            if case:
                cases.append(case)
    return list(islice(cases, limit))


def _main_actor(actors: list[Actor]) -> Actor | None:
    return max(actors, key=lambda a: (a.end - a.start, -a.start), default=None)


class ActorResolutionEvaluator:
    name = "actors"
    description = "actor phrase → country and sector (NGEC actor resolution cases)"
    default_gold = "data/events/ngec_actor_resolution_cases.jsonl"

    def evaluate(self, pipeline: Pipeline, gold: Path, limit: int | None = None) -> Report:
        from ..actors import ActorDictionary, ActorResolver

        cases = load_cases(gold, limit)
        articles = (
            Article(id=str(i), text=case.phrase) for i, case in enumerate(cases)
        )
        predicted = [_main_actor(r.actors) for r in pipeline.pipe(articles)]
        resolver = ActorResolver(ActorDictionary.load(pipeline.settings.actor_dictionaries))
        rows = {name: Counts(name) for name in
                ("country", "sector", "country.dictionary", "sector.dictionary")}
        for case, actor in zip(cases, predicted, strict=True):
            direct = resolver.resolve(case.phrase)
            rows["country"].add_labelled(case.country, actor.country if actor else None)
            rows["country.dictionary"].add_labelled(case.country, direct.country)
            if case.has_sector:
                rows["sector"].add_labelled(case.sector, actor.sector if actor else None)
                rows["sector.dictionary"].add_labelled(case.sector, direct.sector)
        report = Report(self.name, str(gold), len(cases), list(rows.values()))
        report.notes.append(
            "country/sector: the pipeline's longest actor mention in the phrase; "
            "*.dictionary: the dictionary resolver on the whole phrase; "
            "no prediction counts as a miss (fn), a wrong one as fp and fn"
        )
        return report


@registry.evaluators.register("actors")
def make_actor_evaluator() -> ActorResolutionEvaluator:
    return ActorResolutionEvaluator()
