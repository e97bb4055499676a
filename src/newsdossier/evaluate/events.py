"""Event-coding adapters: PLOVER event types (`plover`) and CAMEO triples (`petrarch`).

`plover` reads the PLOVER gold-standard sentences (JSONL: `id`, `date`, `text`,
`expected_events` [{source: [{code, sector, text}], target: [...], code, mode, ...}]), runs the
pipeline on each text and scores, per sentence:

* `type` — predicted PLOVER types against gold types, multiset matching (predicted events
  without a type, or with status "negated", are ignored: they assert no event);
* `type+source` — a gold event is found when a predicted event has its type and at least one
  source actor whose country is one of the gold source codes (a one-to-one maximum matching, so
  one prediction never finds two gold events); unmatched predictions are false positives; a
  gold event without a source (one "unknown attacker" row) wants a prediction without one;
* `type+source+target` — likewise with a target overlap too, on the sentences whose gold events
  all have a target (other sentences cannot be scored for targets);
* `mode` — accuracy on gold/predicted pairs of the same type whose gold gives a mode (the older
  draft leaves most modes blank; a blank is "not annotated", not "no mode");
* `type.AGREE` … `type.ASSAULT` — the `type` counts split by PLOVER type.

Gold rows that repeat a sentence to code a second event of it (three sentences in the dev set)
are merged into one case, so a coder finding both events is not charged a false positive on
each row; the dev set's 228 rows make 225 cases with 228 gold events.

The gold is an older PLOVER draft: DEMAND → REQUEST, DISAPPROVE → ACCUSE, FIGHT → ASSAULT and
INVESTIGATE → ACCUSE with mode "investigate"; renamed modes are mapped (riot-spon → riot,
demo-spon/demo-org → demo, strike-gen → strike, strike-hun → hunger, host → visit, assassinate →
targeted, other → none). Two gold country codes are not ISO3 (ITL, JAP → ITA, JPN). The gold
codes the UN and the EU as IGO where newsdossier says UNO and EUR, so countries are compared
with UNO and EUR folded into IGO (on both sides, in both adapters). The PLOVER gold also codes
international NGOs as IGO (Amnesty International, the Red Cross), so the `plover` adapter
compares NGO and IGO as one class.

`petrarch` reads the PETR-2 gold-standard sentences (JSONL: `id`, `date` as YYYYMMDD, `text`,
`expected_events` [{source, target, code}] with Phoenix actor codes such as "USAGOV", "GUYJUD",
"IGOUNOMIL" or "---LEG") restricted to the ids that PETRARCH-2's own predictions
(`preds_petrarch2_gigaword.jsonl`, looked for beside the gold file) cover, and scores
(source country, target country, CAMEO root) triples for our pipeline (`ours.*`: every
source × target country pair of each counted event — PETRARCH codes a compound actor as one
event per member —, both directions for a reciprocal event, the root of `event.cameo`) and
for PETRARCH-2
(`petrarch2.*`), with looser `source+root` and `root` rows. A Phoenix code's country is its
first three letters when they are an ISO3 code or a non-state code (IGO, NGO, IMG, MNC…);
"---" (unknown country) is no country. The CAMEO root is the first two digits (01-20) of a
code of 2-4 digits.

Identical projected triples within one sentence are counted once (set matching per sentence).
At this granularity two PETRARCH-2 events that differ only in the actor's sub-codes
(TEST_6: SOMUAF and SOMREBUAF → KEN 015) or two gold events that differ only there (TEST_4:
ISR → PSECVL and ISR → PSEGZACVL, 190) are the same fact; multiset counting gives PETRARCH-2
P 0.924 R 0.824 F1 0.871, set counting P 0.938 R 0.822 F1 0.876, the published ≈ 0.88
(P 0.94, R 0.82). The same rule applies to our predictions.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .. import registry
from ..dates import normalise_publication_date
from ..model import Actor, Article, Event
from .framework import EvaluationError
from .metrics import Counts, Report

if TYPE_CHECKING:
    from ..pipeline import Pipeline

G = TypeVar("G")
P = TypeVar("P")

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
OLD_PLOVER_TYPES = {
    "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE",
}
OLD_PLOVER_MODES: dict[str, str | None] = {
    "riot-spon": "riot", "demo-spon": "demo", "demo-org": "demo", "strike-gen": "strike",
    "strike-hun": "hunger", "host": "visit", "assassinate": "targeted", "other": None,
}
IMPLIED_MODES = {"INVESTIGATE": "investigate"}
NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
COUNTRY_ALIASES = {"ITL": "ITA", "JAP": "JPN", "UNO": "IGO", "EUR": "IGO"}
UNCOUNTED_STATUSES = frozenset({"negated"})
PETRARCH_PREDICTIONS = "preds_petrarch2_gigaword.jsonl"
PETRARCH_SYSTEM = "petrarch2"
OURS = "ours"


# --- codes -----------------------------------------------------------------------------------


def country_key(code: str | None) -> str | None:
    """A country code as compared: upper case, known gold typos fixed, UNO/EUR folded to IGO."""
    if not code:
        return None
    upper = code.strip().upper()
    return COUNTRY_ALIASES.get(upper, upper) or None


@cache
def iso3_codes() -> frozenset[str]:
    import pycountry

    return frozenset({country.alpha_3 for country in pycountry.countries} | {"XKX"})


def phoenix_country(code: object) -> str | None:
    """The country of a Phoenix actor code: "USAGOV" → USA, "IGOUNOMIL" → IGO, "---LEG" → None."""
    if not isinstance(code, str):
        return None
    head = code.strip()[:3].upper()
    return head if head in NON_STATE or head in iso3_codes() else None


def cameo_root(code: object) -> str | None:
    """The CAMEO root of a 2-4 digit code ("0841" → "08"), or None when it is not one."""
    if not isinstance(code, str) or not re.fullmatch(r"\d{2,4}", code.strip()):
        return None
    root = code.strip()[:2]
    return root if 1 <= int(root) <= 20 else None


def plover_type(code: str) -> str:
    """A gold event code in the current PLOVER vocabulary (older draft names mapped)."""
    upper = code.strip().upper()
    return OLD_PLOVER_TYPES.get(upper, upper)


def plover_mode(code: str, mode: str | None) -> str | None:
    """A gold mode in the current PLOVER vocabulary; INVESTIGATE implies "investigate"."""
    if not mode:
        return IMPLIED_MODES.get(code.strip().upper())
    return OLD_PLOVER_MODES.get(mode, mode)


# --- matching --------------------------------------------------------------------------------


def multiset_matches(gold: Iterable[object], predicted: Iterable[object]) -> int:
    """How many predicted items pair off with gold items, each item used once."""
    return sum((Counter(gold) & Counter(predicted)).values())


def match_pairs(gold: Sequence[G], predicted: Sequence[P],
                fits: Callable[[G, P], bool]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of gold to predicted items (gold index, predicted index)."""
    owner: dict[int, int] = {}
    for g in range(len(gold)):
        _augment(g, gold, predicted, fits, owner, set())
    return sorted((g, p) for p, g in owner.items())


def _augment(g: int, gold: Sequence[G], predicted: Sequence[P], fits: Callable[[G, P], bool],
             owner: dict[int, int], seen: set[int]) -> bool:
    for p in range(len(predicted)):
        if p in seen or not fits(gold[g], predicted[p]):
            continue
        seen.add(p)
        if p not in owner or _augment(owner[p], gold, predicted, fits, owner, seen):
            owner[p] = g
            return True
    return False


def add_matches(row: Counts, matched: int, gold: int, predicted: int) -> None:
    row.tp += matched
    row.fp += predicted - matched
    row.fn += gold - matched
    row.total += gold


# --- reading gold and running the pipeline ---------------------------------------------------


def read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvaluationError(f"{path}:{number}: not JSON ({exc})") from exc
            if not isinstance(obj, dict):
                raise EvaluationError(f"{path}:{number}: not a JSON object")
            yield number, obj


def article_date(raw: object) -> str | None:
    """The gold `date` as a publication date; compact YYYYMMDD is read as YYYY-MM-DD."""
    if not isinstance(raw, str):
        return None
    text = raw.strip()
    if re.fullmatch(r"\d{8}", text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return normalise_publication_date(text)


def counted_events(events: Iterable[Event]) -> list[Event]:
    """The events a sentence reports: not negated (no event) and not background (an event
    recalled as context of another, which the gold sets do not code)."""
    return [e for e in events if e.status not in UNCOUNTED_STATUSES and not e.background]


def statement_events(events: Iterable[Event]) -> list[Event]:
    """The counted events as PETRARCH codes a statement: an event reported inside an
    accusation or a claim of responsibility ("The US said that Iraq had attacked") is
    represented by that statement alone (USA 112 IRQ), not also as the attack."""
    counted = counted_events(events)
    statements = {e.id for e in counted}
    return [e for e in counted if e.reported_in not in statements]


def run_pipeline(pipeline: Pipeline, articles: list[Article],
                 select: Callable[[Iterable[Event]], list[Event]] = counted_events,
                 ) -> tuple[list[list[Event]], str]:
    """The selected events of each article, in order, and a note on articles that failed."""
    from ..pipeline import StageError

    events: list[list[Event]] = []
    failed: list[str] = []
    pairs = ((article, article.id) for article in articles)
    for result, article_id in pipeline.pipe_with_context(pairs):
        if isinstance(result, StageError):
            failed.append(f"{article_id} ({result})")
            events.append([])
        else:
            events.append(select(result.events))
    note = f"{len(failed)} texts failed, scored as no events: {'; '.join(failed[:3])}"
    return events, note if failed else ""


def _countries(actors: Iterable[Actor]) -> frozenset[str]:
    return frozenset(key for key in (country_key(a.country) for a in actors) if key)


# --- plover ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PloverEvent:
    type: str
    sources: frozenset[str]
    targets: frozenset[str]
    mode: str | None


@dataclass(frozen=True)
class PloverCase:
    id: str
    text: str
    published: str | None
    events: tuple[PloverEvent, ...]


def plover_country(code: str | None) -> str | None:
    """A country as the PLOVER adapter compares it: international NGOs are IGO there."""
    key = country_key(code)
    return "IGO" if key == "NGO" else key


def _gold_codes(actors: object) -> frozenset[str]:
    if not isinstance(actors, list):
        return frozenset()
    codes = (plover_country(a.get("code")) for a in actors if isinstance(a, dict))
    return frozenset(code for code in codes if code)


def _plover_countries(actors: Iterable[Actor]) -> frozenset[str]:
    return frozenset(key for key in (plover_country(a.country) for a in actors) if key)


def gold_plover_event(obj: dict[str, Any]) -> PloverEvent:
    code = str(obj["code"])
    return PloverEvent(plover_type(code), _gold_codes(obj.get("source")),
                       _gold_codes(obj.get("target")), plover_mode(code, obj.get("mode")))


def predicted_plover_events(events: Iterable[Event]) -> list[PloverEvent]:
    return [PloverEvent(e.type, _plover_countries(e.source), _plover_countries(e.target), e.mode)
            for e in events if e.type is not None]


def load_plover(path: Path, limit: int | None) -> list[PloverCase]:
    """One case per distinct text: rows repeating a sentence to code another event merge."""
    cases: dict[str, PloverCase] = {}
    for number, obj in read_jsonl(path):
        try:
            case = PloverCase(str(obj["id"]), str(obj["text"]), article_date(obj.get("date")),
                              tuple(gold_plover_event(e) for e in obj["expected_events"]))
        except (KeyError, TypeError, AttributeError) as exc:
            raise EvaluationError(f"{path}:{number}: not a PLOVER gold row ({exc!r})") from exc
        earlier = cases.get(case.text)
        cases[case.text] = case if earlier is None else replace(
            earlier, events=earlier.events + case.events)
    return list(islice(cases.values(), limit))


def shares_country(gold: frozenset[str], predicted: frozenset[str]) -> bool:
    """A country in common; a gold side with no code (unknown attacker) wants none either."""
    return bool(gold & predicted) if gold else not predicted


def same_type_and_source(gold: PloverEvent, predicted: PloverEvent) -> bool:
    return gold.type == predicted.type and shares_country(gold.sources, predicted.sources)


def same_type_source_target(gold: PloverEvent, predicted: PloverEvent) -> bool:
    return (same_type_and_source(gold, predicted)
            and shares_country(gold.targets, predicted.targets))


def same_type(gold: PloverEvent, predicted: PloverEvent) -> bool:
    return gold.type == predicted.type


def plover_rows() -> dict[str, Counts]:
    names = ["type", "type+source", "type+source+target", "mode"]
    names += [f"type.{name}" for name in PLOVER_TYPES]
    return {name: Counts(name) for name in names}


def score_plover(rows: dict[str, Counts], gold: Sequence[PloverEvent],
                 predicted: Sequence[PloverEvent]) -> None:
    """Add one sentence's gold and predicted events to the plover rows."""
    _score_types(rows, [g.type for g in gold], [p.type for p in predicted])
    by_source = match_pairs(gold, predicted, same_type_and_source)
    add_matches(rows["type+source"], len(by_source), len(gold), len(predicted))
    if gold and all(g.targets for g in gold):
        full = match_pairs(gold, predicted, same_type_source_target)
        add_matches(rows["type+source+target"], len(full), len(gold), len(predicted))
    for g, p in _type_pairs(gold, predicted, by_source):
        if gold[g].mode is not None:
            rows["mode"].add_labelled(gold[g].mode, predicted[p].mode)


def _score_types(rows: dict[str, Counts], gold: list[str], predicted: list[str]) -> None:
    add_matches(rows["type"], multiset_matches(gold, predicted), len(gold), len(predicted))
    for name in sorted(set(gold) | set(predicted)):
        row = rows.setdefault(f"type.{name}", Counts(f"type.{name}"))
        g, p = gold.count(name), predicted.count(name)
        add_matches(row, min(g, p), g, p)


def _type_pairs(gold: Sequence[PloverEvent], predicted: Sequence[PloverEvent],
                first: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Same-type pairs: those matched on type and source first, then the rest by type."""
    used_gold = {g for g, _ in first}
    used_predicted = {p for _, p in first}
    rest_gold = [g for g in range(len(gold)) if g not in used_gold]
    rest_predicted = [p for p in range(len(predicted)) if p not in used_predicted]
    more = match_pairs([gold[g] for g in rest_gold], [predicted[p] for p in rest_predicted],
                       same_type)
    return first + [(rest_gold[g], rest_predicted[p]) for g, p in more]


class PloverEvaluator:
    name = "plover"
    description = "PLOVER event type, source, target and mode (PLOVER gold-standard sentences)"
    default_gold = "data/events/plover_gsr_dev.jsonl"

    def evaluate(self, pipeline: Pipeline, gold: Path, limit: int | None = None) -> Report:
        cases = load_plover(gold, limit)
        articles = [Article(id=c.id, text=c.text, published=c.published) for c in cases]
        predicted, failures = run_pipeline(pipeline, articles)
        rows = plover_rows()
        for case, events in zip(cases, predicted, strict=True):
            score_plover(rows, case.events, predicted_plover_events(events))
        report = Report(self.name, str(gold), len(cases), list(rows.values()))
        report.notes.append(
            "per sentence, multiset matching; type+source: same type and a source country "
            "among the gold's; type+source+target: sentences whose gold events all have a "
            "target; mode: same-type pairs whose gold gives a mode; older PLOVER names mapped "
            "(DEMAND→REQUEST, DISAPPROVE→ACCUSE, FIGHT→ASSAULT, INVESTIGATE→ACCUSE)"
        )
        if failures:
            report.notes.append(failures)
        return report


# --- petrarch --------------------------------------------------------------------------------

Triple = tuple[str | None, str | None, str]
PROJECTIONS: dict[str, Callable[[Triple], tuple[str | None, ...]]] = {
    "triple": lambda t: t,
    "source+root": lambda t: (t[0], t[2]),
    "root": lambda t: (t[2],),
}


@dataclass(frozen=True)
class PetrarchCase:
    id: str
    text: str
    published: str | None
    triples: tuple[Triple, ...]


def phoenix_triple(obj: dict[str, Any]) -> Triple | None:
    """A {source, target, code} event as (source country, target country, CAMEO root)."""
    root = cameo_root(obj.get("code"))
    if root is None:
        return None
    source, target = phoenix_country(obj.get("source")), phoenix_country(obj.get("target"))
    return country_key(source), country_key(target), root


def _phoenix_triples(events: object) -> tuple[Triple, ...]:
    if not isinstance(events, list):
        raise TypeError("events is not a list")
    triples = (phoenix_triple(e) for e in events if isinstance(e, dict))
    return tuple(t for t in triples if t is not None)


def _side(actors: Iterable[Actor]) -> list[str | None]:
    countries = sorted(_countries(actors))
    return list(countries) if countries else [None]


def our_triples(event: Event) -> set[Triple]:
    """An event as PETRARCH-style triples: one per (source country, target country) pair of
    its actors (PETRARCH codes a compound actor as one event per member), both directions
    when the event is reciprocal, each member with each other for a reciprocal event with
    several sources and no target."""
    root = cameo_root(event.cameo)
    if root is None:
        return set()
    sources, targets = _side(event.source), _side(event.target)
    triples = {(s, t, root) for s in sources for t in targets}
    if event.reciprocal:
        if targets == [None] and len(sources) > 1:
            triples = {(s, t, root) for s in sources for t in sources if s != t}
        else:
            triples |= {(t, s, root) for s, t, _ in triples}
    return triples


def _scored(obj: dict[str, Any]) -> bool:
    return str(obj.get("evaluate", "true")).lower() != "false" and not obj.get("expected_error")


def load_petrarch_gold(path: Path) -> list[PetrarchCase]:
    cases = []
    for number, obj in read_jsonl(path):
        try:
            if _scored(obj):
                cases.append(PetrarchCase(str(obj["id"]), str(obj["text"]),
                                          article_date(obj.get("date")),
                                          _phoenix_triples(obj["expected_events"])))
        except (KeyError, TypeError) as exc:
            raise EvaluationError(f"{path}:{number}: not a PETRARCH gold row ({exc!r})") from exc
    return cases


def load_petrarch_predictions(path: Path) -> dict[str, tuple[Triple, ...]]:
    predictions = {}
    for number, obj in read_jsonl(path):
        try:
            predictions[str(obj["id"])] = _phoenix_triples(obj["events"])
        except (KeyError, TypeError) as exc:
            raise EvaluationError(f"{path}:{number}: not a PETRARCH-2 prediction ({exc!r})"
                                  ) from exc
    return predictions


def select_cases(cases: list[PetrarchCase], covered: Collection[str] | None,
                 limit: int | None) -> list[PetrarchCase]:
    """The cases PETRARCH-2's predictions cover (all when there are none), the first `limit`."""
    chosen = [c for c in cases if covered is None or c.id in covered]
    return list(islice(chosen, limit))


def petrarch_rows(systems: Sequence[str]) -> dict[str, Counts]:
    names = [f"{system}.{level}" for level in PROJECTIONS for system in systems]
    return {name: Counts(name) for name in names}


def score_triples(rows: dict[str, Counts], system: str, gold: Iterable[Triple],
                  predicted: Iterable[Triple]) -> None:
    """Add one sentence to the system's rows; identical projections count once."""
    gold_triples, predicted_triples = list(gold), list(predicted)
    for level, project in PROJECTIONS.items():
        g = {project(t) for t in gold_triples}
        p = {project(t) for t in predicted_triples}
        add_matches(rows[f"{system}.{level}"], len(g & p), len(g), len(p))


class PetrarchEvaluator:
    name = "petrarch"
    description = "CAMEO (source, target, root) triples, ours beside PETRARCH-2 (PETR-2 GSR)"
    default_gold = "data/events/petr2_gsr_validation.jsonl"

    def evaluate(self, pipeline: Pipeline, gold: Path, limit: int | None = None) -> Report:
        cases = load_petrarch_gold(gold)
        predictions_path = gold.parent / PETRARCH_PREDICTIONS
        baseline = (load_petrarch_predictions(predictions_path)
                    if predictions_path.exists() else None)
        cases = select_cases(cases, baseline, limit)
        articles = [Article(id=c.id, text=c.text, published=c.published) for c in cases]
        predicted, failures = run_pipeline(pipeline, articles, statement_events)
        systems = [OURS] if baseline is None else [OURS, PETRARCH_SYSTEM]
        rows = petrarch_rows(systems)
        for case, events in zip(cases, predicted, strict=True):
            ours = {t for e in events for t in our_triples(e)}
            score_triples(rows, OURS, case.triples, ours)
            if baseline is not None:
                score_triples(rows, PETRARCH_SYSTEM, case.triples, baseline[case.id])
        report = Report(self.name, str(gold), len(cases), list(rows.values()))
        report.notes.extend(self._notes(predictions_path, baseline is not None, failures))
        return report

    @staticmethod
    def _notes(predictions: Path, found: bool, failures: str) -> list[str]:
        notes = [
            "triple: (source country, target country, CAMEO root) per sentence, identical "
            "triples counted once; ours: every source x target country pair of each "
            "foreground, non-negated event (both ways when reciprocal) and the root of "
            "event.cameo; an event reported inside an accusation or claim of "
            "responsibility counts as that statement only (PETRARCH's coding of 'X said Y "
            "attacked Z'); UNO/EUR count as IGO"
        ]
        if found:
            notes.append(f"petrarch2: {predictions.name}; only the gold ids it covers are scored")
        else:
            notes.append(f"{predictions}: absent, so no PETRARCH-2 rows; every gold row scored")
        return [*notes, failures] if failures else notes


@registry.evaluators.register("plover")
def make_plover_evaluator() -> PloverEvaluator:
    return PloverEvaluator()


@registry.evaluators.register("petrarch")
def make_petrarch_evaluator() -> PetrarchEvaluator:
    return PetrarchEvaluator()
