"""Training and honest measurement of the learned event-type model (`learned`).

Everything here reads the shared reference data at run time (`../shared/data`, never shipped):

* PLOVER GSR dev sentences (gold types), PETR-2 sentences (CAMEO codes → PLOVER types by the
  codebook's own map in `cameo_codes.tsv`), CASE
  2021 dev snippets whose ACLED sub-event type has a clear PLOVER type (`CASE_TO_PLOVER`;
  disasters are negatives, unclear types are left out), and the lead sentence of each NGEC
  synthetic story (its story-level type and mode; the lead states the story's event); the
  whole-article dev gold is read as test documents only (its sentences can be training units,
  labelled from the gold evidence, but `Settings.sources` leaves them out so that `dossier
  evaluate articles` stays out-of-sample for the shipped model);
* units of one document always go to the same fold (`group`); a fixed 20% of the documents of
  every gold set (`holdout`) is never used until the final, once-only report;
* the model: one logistic output per PLOVER type over `features`, L2-regularised, fitted by
  L-BFGS from zero weights (no randomness at all: the same data give the same weights);
* `cross_validate` trains on four folds, runs the real pipeline (rules alone, model alone,
  combined) on the fifth, and adds up the counts of the fifth folds.
"""

from __future__ import annotations

import copy
import csv
import json
import time
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..model import Article, Event
from .features import SentenceFeatures, add_rule_features, rule_role, sentence_features
from .learned import EventModel, ModelReviewer, Thresholds
from .patterns import PLOVER_TYPES, PatternTable

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..evaluate.metrics import Counts
    from ..pipeline import Pipeline

LABELS = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
assert set(LABELS) == PLOVER_TYPES
SEED = 13  # folds and hold-out are hashes of document ids salted with this; nothing is random
FOLDS = 5
HOLDOUT_PERCENT = 20
# ACLED sub-event types (CASE 2021 task 2) whose PLOVER type is clear; None: no event at all.
CASE_TO_PLOVER: dict[str, str | None] = {
    "ARMED_CLASH": "ASSAULT", "AIR_STRIKE": "ASSAULT", "ART_MISS_ATTACK": "ASSAULT",
    "REM_EXPLOS": "ASSAULT", "GRENADE": "ASSAULT", "SUIC_BOMB": "ASSAULT",
    "CHEM_WEAP": "ASSAULT", "ATTACK": "ASSAULT", "SEX_VIOL": "ASSAULT",
    "ABDUCT_DISSAP": "ASSAULT", "FORCE_AGAINST_PROTEST": "ASSAULT",
    "PEACE_PROTEST": "PROTEST", "PROTEST_WITH_INTER": "PROTEST", "VIOL_DEMONSTR": "PROTEST",
    "ARREST": "COERCE", "AGREEMENT": "AGREE",
    "NATURAL_DISASTER": None, "MAN_MADE_DISASTER": None,
}
# Types a snippet of that kind may also carry (no loss either way): police force at a protest.
CASE_ALSO: dict[str, frozenset[str]] = {
    "FORCE_AGAINST_PROTEST": frozenset({"PROTEST", "COERCE"}),
    "PROTEST_WITH_INTER": frozenset({"COERCE", "ASSAULT"}),
    "VIOL_DEMONSTR": frozenset({"ASSAULT", "COERCE"}),
    "ARREST": frozenset({"ASSAULT"}),
}
GOLD_SOURCES = ("plover", "petr2", "articles", "case")
ALL_SOURCES = ("plover", "petr2", "articles", "case", "ngec")  # read; Settings.sources: trained on
NGEC_STORIES = 300  # held-out synthetic stories run through the pipeline for the final report


@dataclass
class Settings:
    """Training hyper-parameters (chosen by cross-validation, see benchmarks/)."""

    l2: float = 3.0
    min_count: int = 2
    dense: bool = False
    sparse: bool = True
    weights: dict[str, float] = field(default_factory=lambda: {
        "plover": 2.0, "petr2": 2.0, "articles": 1.0, "case": 1.0, "ngec": 0.5})
    negative_weight: dict[str, float] = field(default_factory=lambda: {
        "plover": 1.0, "petr2": 1.0, "articles": 0.5, "case": 0.3, "ngec": 0.3})
    # The whole-article dev set is not trained on: `dossier evaluate articles`, the measure
    # the whole project steers by, stays out-of-sample for the shipped model. Its sentences
    # are still read (gold documents for the figures).
    sources: tuple[str, ...] = ("plover", "petr2", "case", "ngec")
    max_iterations: int = 300
    # Sources whose units are re-weighted so that every type weighs the same in them (the
    # synthetic stories have 780 CONCEDE and 84 AID stories).
    balanced: tuple[str, ...] = ("ngec",)
    thresholds: Thresholds = field(default_factory=lambda: Thresholds(0.6, 0.05, 0.5))


@dataclass
class Unit:
    """One training example: a sentence (or a short snippet) with its PLOVER types."""

    source: str
    group: str
    features: SentenceFeatures
    labels: frozenset[str]
    ignore: frozenset[str] = frozenset()
    modes: frozenset[str] = frozenset()  # "TYPE/mode" where the gold gives a mode
    span: Any = field(default=None, repr=False, compare=False)  # while reading only


@dataclass
class GoldDoc:
    """A gold document the pipeline is evaluated on: its parse and its gold."""

    source: str
    group: str
    article: Article
    doc: Doc
    gold: Any


@dataclass
class Corpus:
    units: list[Unit]
    docs: list[GoldDoc]
    table_features: bool = False
    rule_features: bool = False

    @property
    def meta(self) -> dict[str, Any]:
        """What the features of this corpus hold (the model must compute the same)."""
        return {"table_features": self.table_features, "rule_features": self.rule_features}


# --- splitting ------------------------------------------------------------------------------


def _bucket(group: str, salt: str, size: int) -> int:
    return zlib.crc32(f"{SEED}:{salt}:{group}".encode()) % size


def is_holdout(group: str) -> bool:
    return _bucket(group, "holdout", 100) < HOLDOUT_PERCENT


def fold_of(group: str) -> int:
    return _bucket(group, "fold", FOLDS)


# --- reading the shared data ----------------------------------------------------------------


_TABLE: list[PatternTable] = []


def _features(doc_or_span: Any) -> SentenceFeatures:
    span = doc_or_span[:] if hasattr(doc_or_span, "sents") else doc_or_span
    return sentence_features(span, dense=True, table=_TABLE[0] if _TABLE else None)


def use_table(table: PatternTable | None) -> None:
    """The pattern table whose rows become features (the one the pipeline codes with)."""
    _TABLE.clear()
    if table is not None:
        _TABLE.append(table)


def cameo_to_plover(path: Path) -> dict[str, str]:
    """The codebook's CAMEO code → PLOVER type map (`cameo_codes.tsv`, column plover_event)."""
    mapping = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row.get("plover_event"):
                mapping[row["code"]] = row["plover_event"].strip().upper()
    return mapping


def plover_of_code(code: str, mapping: dict[str, str]) -> str | None:
    code = code.strip()
    while code:
        if code in mapping:
            return mapping[code]
        code = code[:-1]
    return None


def read_plover(nlp: Language, path: Path) -> Corpus:
    from ..evaluate.events import load_plover

    cases = load_plover(path, None)
    units, docs = [], []
    for case, doc in zip(cases, nlp.pipe(c.text for c in cases), strict=True):
        group = f"plover:{case.id}"
        modes = frozenset(f"{e.type}/{e.mode}" for e in case.events if e.mode)
        units.append(Unit("plover", group, _features(doc), frozenset(e.type for e in case.events),
                          modes=modes, span=doc[:]))
        docs.append(GoldDoc("plover", group, Article(id=case.id, text=case.text,
                                                     published=case.published), doc, case))
    return Corpus(units, docs)


def read_petr2(nlp: Language, path: Path, codebook: Path) -> Corpus:
    from ..evaluate.events import (
        PETRARCH_PREDICTIONS,
        load_petrarch_gold,
        load_petrarch_predictions,
        read_jsonl,
    )

    mapping = cameo_to_plover(codebook)
    rows = [obj for _, obj in read_jsonl(path)
            if str(obj.get("evaluate", "true")).lower() != "false"
            and not obj.get("expected_error")]
    covered_path = path.parent / PETRARCH_PREDICTIONS
    covered = set(load_petrarch_predictions(covered_path)) if covered_path.exists() else None
    gold = {c.id: c for c in load_petrarch_gold(path)}
    units, docs = [], []
    for obj, doc in zip(rows, nlp.pipe(str(o["text"]) for o in rows), strict=True):
        case_id = str(obj["id"])
        group = "petr2:" + case_id.rsplit("_", 1)[0]
        kinds = {plover_of_code(str(e.get("code", "")), mapping)
                 for e in obj.get("expected_events") or []}
        units.append(Unit("petr2", group, _features(doc),
                          frozenset(k for k in kinds if k), span=doc[:]))
        if case_id in gold and (covered is None or case_id in covered):
            case = gold[case_id]
            docs.append(GoldDoc("petr2", group, Article(id=case.id, text=case.text,
                                                        published=case.published), doc, case))
    return Corpus(units, docs)


def read_articles(nlp: Language, folder: Path) -> Corpus:
    from ..evaluate.articles import FoldedText, find_corpus, gold_files, load_gold, pick_articles

    golds = [load_gold(p) for p in gold_files(folder)]
    articles = pick_articles(find_corpus(folder), golds)
    units, docs = [], []
    for gold, article, doc in zip(golds, articles, nlp.pipe(a.text for a in articles),
                                  strict=True):
        group = f"articles:{gold.name}"
        docs.append(GoldDoc("articles", group, article, doc, gold))
        text = FoldedText(article.text)
        evidence = [(span, event) for event in gold.events
                    for snippet in event.get("evidence") or []
                    for span in text.find_all(str(snippet))]
        for sentence in doc.sents:
            labels: set[str] = set()
            also: set[str] = set()
            for (start, end), event in evidence:
                if start < sentence.end_char and sentence.start_char < end:
                    kinds = [str(k).upper() for k in event.get("plover") or []]
                    kinds = [k for k in kinds if k in PLOVER_TYPES]
                    if kinds:
                        labels.add(kinds[0])
                        also.update(kinds[1:])
            if not sentence.text.strip():
                continue
            units.append(Unit("articles", group, _features(sentence), frozenset(labels),
                              frozenset(also - labels), span=sentence))
    return Corpus(units, docs)


def read_case(nlp: Language, path: Path) -> Corpus:
    rows = []
    with path.open(encoding="utf-8") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader, None)
        for row in reader:
            if len(row) >= 3 and row[2] in CASE_TO_PLOVER:
                rows.append(row)
    units, docs = [], []
    for row, doc in zip(rows, nlp.pipe(r[1] for r in rows), strict=True):
        kind = CASE_TO_PLOVER[row[2]]
        group = f"case:{row[0]}"
        labels = frozenset({kind}) if kind else frozenset()
        units.append(Unit("case", group, _features(doc), labels,
                          CASE_ALSO.get(row[2], frozenset()), span=doc[:]))
        docs.append(GoldDoc("case", group, Article(id=f"case-{row[0]}", text=row[1]), doc,
                            (kind, row[2])))
    return Corpus(units, docs)


def _lead(text: str) -> str:
    first = text.strip().split("\n", 1)[0]
    return first[:600]


def _ngec_mode(mode: object) -> str | None:
    """The story's mode in the current PLOVER names (the stories spell two of them
    differently and use the older "assassinate")."""
    from ..evaluate.events import OLD_PLOVER_MODES

    if not isinstance(mode, str) or not mode.strip():
        return None
    name = mode.strip().lower()
    name = {"primative": "primitive", "sieze": "seize"}.get(name, name)
    return OLD_PLOVER_MODES.get(name, name)


def _ngec_group(row: dict[str, Any]) -> str:
    # Stories written from one title template are near-duplicates: one group.
    return "ngec:" + str(row.get("title_template") or row["id"])


def read_ngec(nlp: Language, path: Path, stories: int = 0) -> Corpus:
    """The lead sentence of each synthetic story, labelled with the story's type; the whole
    stories of the first `stories` held-out ones are gold documents (story-level type)."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    units = []
    for row, doc in zip(rows, nlp.pipe(_lead(str(r["text"])) for r in rows), strict=True):
        sentence = next(iter(doc.sents), None)
        kind = str(row.get("label") or "").upper()
        if sentence is None or kind not in PLOVER_TYPES:
            continue
        mode = _ngec_mode(row.get("mode"))
        units.append(Unit("ngec", _ngec_group(row), _features(sentence), frozenset({kind}),
                          modes=frozenset({f"{kind}/{mode}"} if mode else ()), span=sentence))
    held = [r for r in rows if is_holdout(_ngec_group(r))
            and str(r.get("label") or "").upper() in PLOVER_TYPES][:stories]
    docs = [GoldDoc("ngec", _ngec_group(r), Article(id=str(r["id"]), text=str(r["text"])), doc,
                    str(r["label"]).upper())
            for r, doc in zip(held, nlp.pipe(str(r["text"]) for r in held), strict=True)]
    return Corpus(units, docs)


def read_all(nlp: Language, shared: Path, sources: Iterable[str], table: PatternTable | None,
             log: Callable[[str], None] = print, ngec_stories: int = 0,
             rules: Pipeline | None = None) -> Corpus:
    """Every unit and gold document of the sources named, with features that use `table`
    (the pattern table the pipeline codes with; None: no table features) and, given the
    pipeline, what its rules code in each unit."""
    use_table(table)
    events = shared / "data" / "events"
    readers: dict[str, Callable[[], Corpus]] = {
        "plover": lambda: read_plover(nlp, events / "plover_gsr_dev.jsonl"),
        "petr2": lambda: read_petr2(nlp, events / "petr2_gsr_validation.jsonl",
                                    events / "cameo_codes.tsv"),
        "articles": lambda: read_articles(nlp, shared / "data" / "articles" / "dev"),
        "case": lambda: read_case(nlp, events / "case2021_task2" / "dev.tsv"),
        "ngec": lambda: read_ngec(nlp, events / "ngec_synthetic_events.jsonl", ngec_stories),
    }
    units: list[Unit] = []
    docs: list[GoldDoc] = []
    for name in sources:
        started = time.perf_counter()
        corpus = readers[name]()
        if rules is not None:
            coded = RuleReader(rules)
            for unit in corpus.units:
                add_rule_features(unit.features, coded.within(unit.span))
        for unit in corpus.units:
            unit.span = None  # the parses of training units are not kept
        units += corpus.units
        docs += corpus.docs
        log(f"read {name}: {len(corpus.units)} units, {len(corpus.docs)} gold docs "
            f"({time.perf_counter() - started:.1f} s)")
    return Corpus(units, docs, table is not None, rules is not None)


class RuleReader:
    """What the rules (the pipeline's stages up to `events`, without the model) code in the
    span of a training unit; each parse is coded once."""

    def __init__(self, pipeline: Pipeline) -> None:
        names = pipeline.stage_names
        self.before = [pipeline.get_stage(n) for n in names[:names.index("events")]]
        self.stage = events_stage(pipeline, None)
        self._events: dict[int, tuple[Any, list[Event]]] = {}

    def within(self, span: Any) -> list[tuple[str, str]]:
        from ..model import Record

        doc = span.doc
        if id(doc) not in self._events:
            record = Record(article=Article(id="unit", text=doc.text))
            for stage in (*self.before, self.stage):
                stage(doc, record)
            self._events[id(doc)] = (doc, record.events)  # the doc is kept: ids stay unique
        _, events = self._events[id(doc)]
        return [(e.type, rule_role(e.background, e.status)) for e in events
                if e.type and span.start_char <= e.trigger.start < span.end_char]


# --- fitting --------------------------------------------------------------------------------


def _design(units: Sequence[Unit], vocabulary: dict[str, int], settings: Settings,
            dense_stats: tuple[np.ndarray, np.ndarray] | None) -> Any:
    from scipy import sparse

    rows, cols = [], []
    for r, unit in enumerate(units):
        for name in unit.features.names:
            column = vocabulary.get(name)
            if column is not None:
                rows.append(r)
                cols.append(column)
    data = np.ones(len(rows), dtype=np.float64)
    matrix = sparse.csr_matrix((data, (rows, cols)), shape=(len(units), len(vocabulary)))
    if not settings.sparse:
        matrix = sparse.csr_matrix((len(units), 0))
    if dense_stats is None:
        return matrix
    mean, scale = dense_stats
    dense = np.stack([_dense_of(u, mean) for u in units])
    dense = (dense - mean) / scale
    return sparse.hstack([matrix, sparse.csr_matrix(dense)], format="csr")


def _dense_of(unit: Unit, mean: np.ndarray) -> np.ndarray:
    vector = unit.features.dense
    return mean if vector is None else vector.astype(np.float64)


MIN_MODE_UNITS = 3


def mode_labels(units: Sequence[Unit]) -> list[str]:
    """The "TYPE/mode" outputs: every mode at least MIN_MODE_UNITS training units give."""
    counts: dict[str, int] = {}
    for unit in units:
        for mode in unit.modes:
            counts[mode] = counts.get(mode, 0) + 1
    return sorted(m for m, n in counts.items() if n >= MIN_MODE_UNITS)


def _targets(units: Sequence[Unit], settings: Settings,
             modes: Sequence[str] = ()) -> tuple[np.ndarray, np.ndarray]:
    """Targets and loss weights. A mode output learns only from units whose gold gives a
    mode for its type (elsewhere "no mode" is unknown, not a negative)."""
    width = len(LABELS) + len(modes)
    y = np.zeros((len(units), width))
    mask = np.zeros((len(units), width))
    frequency: dict[tuple[str, str], int] = {}
    for unit in units:
        if unit.source in settings.balanced and len(unit.labels) == 1:
            key = (unit.source, next(iter(unit.labels)))
            frequency[key] = frequency.get(key, 0) + 1
    typical = {source: float(np.median([n for (s, _), n in frequency.items() if s == source]))
               for source in {s for s, _ in frequency}}
    for r, unit in enumerate(units):
        weight = settings.weights.get(unit.source, 1.0)
        if unit.source in typical and len(unit.labels) == 1:
            count = frequency[(unit.source, next(iter(unit.labels)))]
            weight *= min(3.0, max(0.3, typical[unit.source] / count))
        negative = weight * settings.negative_weight.get(unit.source, 1.0)
        for c, label in enumerate(LABELS):
            if label in unit.labels:
                y[r, c] = 1.0
                mask[r, c] = weight
            elif label not in unit.ignore:
                mask[r, c] = negative
        typed = {mode.split("/")[0] for mode in unit.modes}
        for c, mode in enumerate(modes, start=len(LABELS)):
            if mode.split("/")[0] in typed:
                y[r, c] = float(mode in unit.modes)
                mask[r, c] = weight
    return y, mask


def fit(units: Sequence[Unit], settings: Settings, meta: dict[str, Any] | None = None
        ) -> EventModel:
    """A deterministic fit: L-BFGS from zero weights on the units given."""
    from scipy.optimize import minimize

    counts: dict[str, int] = {}
    for unit in units:
        for name in unit.features.names:
            counts[name] = counts.get(name, 0) + 1
    names = sorted(n for n, c in counts.items() if c >= settings.min_count) \
        if settings.sparse else []
    vocabulary = {name: i for i, name in enumerate(names)}
    dense_stats = None
    dims = 0
    if settings.dense:
        vectors = np.stack([u.features.dense for u in units if u.features.dense is not None])
        mean = vectors.mean(axis=0)
        scale = vectors.std(axis=0) + 1e-6
        dense_stats = (mean, scale)
        dims = len(mean)
    x = _design(units, vocabulary, settings, dense_stats)
    modes = mode_labels(units)
    y, mask = _targets(units, settings, modes)
    n_features, n_labels = x.shape[1], len(LABELS) + len(modes)
    xt = x.T.tocsr()
    total = mask.sum()

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w = theta[: n_features * n_labels].reshape(n_features, n_labels)
        b = theta[n_features * n_labels:]
        z = x @ w + b
        p = 1.0 / (1.0 + np.exp(-z))
        eps = 1e-12
        value = -(mask * (y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))).sum() / total
        value += 0.5 * settings.l2 * (w * w).sum() / total
        g = mask * (p - y) / total
        grad_w = xt @ g + settings.l2 * w / total
        return float(value), np.concatenate([np.asarray(grad_w).ravel(), g.sum(axis=0)])

    theta0 = np.zeros(n_features * n_labels + n_labels)
    result = minimize(loss, theta0, jac=True, method="L-BFGS-B",
                      options={"maxiter": settings.max_iterations, "ftol": 1e-12,
                               "gtol": 1e-9})
    theta = result.x
    w = theta[: n_features * n_labels].reshape(n_features, n_labels)
    b = theta[n_features * n_labels:]
    sparse_w = w[: len(names)]
    dense_w = w[len(names):] if dims else None
    info = {"units": len(units), "features": len(names), "dense": dims,
            "iterations": int(result.nit), "l2": settings.l2, **(meta or {})}
    return EventModel([*LABELS, *modes], names, sparse_w, b, dense_w,
                      dense_stats[0] if dense_stats else None,
                      dense_stats[1] if dense_stats else None,
                      settings.thresholds, info)


# --- running the pipeline with a given coder ------------------------------------------------


def events_stage(pipeline: Pipeline, model: EventModel | None, alone: bool = False) -> Any:
    """The events stage of the pipeline's settings with this model (None: rules alone;
    `alone`: the model alone, on an empty pattern table)."""
    from ..actors import ActorDictionary, ActorResolver
    from .coder import EventCoder
    from .guards import Mishaps
    from .intents import IntentTable
    from .stage import EventsStage
    from .status import load_reporting_verbs

    settings = pipeline.settings
    resolver = ActorResolver(ActorDictionary.load(settings.actor_dictionaries))
    table = PatternTable.load(settings.event_patterns)
    intents = IntentTable.load(settings.event_intents)
    reviewer = ModelReviewer(model, table) if model is not None else None
    rules = PatternTable([]) if alone else table
    mishaps = Mishaps.load(settings.event_mishaps)
    return EventsStage(EventCoder(rules, resolver, load_reporting_verbs(), intents,
                                  mishaps=mishaps, reviewer=reviewer))


class Runner:
    """Runs the pipeline on parsed gold documents, the stages before `events` only once."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        names = pipeline.stage_names
        at = names.index("events")
        self.before = [pipeline.get_stage(n) for n in names[:at]]
        self.after = [pipeline.get_stage(n) for n in names[at + 1:]]
        self._prepared: dict[int, Any] = {}

    def _base(self, gold: GoldDoc) -> Any:
        from ..model import Record

        key = id(gold)
        if key not in self._prepared:
            record = Record(article=gold.article)
            for stage in self.before:
                stage(gold.doc, record)
            self._prepared[key] = record
        return self._prepared[key]

    def record(self, gold: GoldDoc, stage: Any, whole: bool = False) -> Any:
        record = copy.copy(self._base(gold))
        record.events = []
        record.notes = list(record.notes)
        stage(gold.doc, record)
        if whole:
            for later in self.after:
                later(gold.doc, record)
        return record


# --- scoring --------------------------------------------------------------------------------


def new_rows() -> dict[str, Counts]:
    from ..evaluate.events import petrarch_rows, plover_rows

    rows = {f"plover.{k}": v for k, v in plover_rows().items()}
    rows.update({f"petr2.{k}": v for k, v in petrarch_rows(["ours"]).items()})
    from ..evaluate.articles import new_counts

    rows.update({f"articles.{k}": v for k, v in new_counts().items()
                 if k.startswith("events")})
    from ..evaluate.metrics import Counts as CountsClass

    for name in ("case.type", "case.none", "ngec.type"):
        rows[name] = CountsClass(name)
    return rows


def score_doc(rows: dict[str, Counts], gold: GoldDoc, events: list[Event],
              record: Any = None) -> None:
    from ..evaluate import events as ev

    if gold.source == "plover":
        predicted = ev.predicted_plover_events(ev.counted_events(events))
        plover = {k[len("plover."):]: v for k, v in rows.items() if k.startswith("plover.")}
        ev.score_plover(plover, gold.gold.events, predicted)
        for name, counts in plover.items():
            rows[f"plover.{name}"] = counts
    elif gold.source == "petr2":
        ours = {t for e in ev.statement_events(events) for t in ev.our_triples(e)}
        petr = {k[len("petr2."):]: v for k, v in rows.items() if k.startswith("petr2.")}
        ev.score_triples(petr, "ours", gold.gold.triples, ours)
    elif gold.source == "articles":
        from ..evaluate.articles import score_article

        score = score_article(gold.gold, record.to_dict())
        for name, counts in score.counts.items():
            if name.startswith("events"):
                target = rows[f"articles.{name}"]
                target.tp += counts.tp
                target.fp += counts.fp
                target.fn += counts.fn
                target.total += counts.total
    elif gold.source == "ngec":
        types = {e.type for e in ev.counted_events(events) if e.type}
        ev.add_matches(rows["ngec.type"], int(gold.gold in types), 1, len(types))
    elif gold.source == "case":
        kind, _ = gold.gold
        types = {e.type for e in ev.counted_events(events) if e.type}
        if kind is None:
            ev.add_matches(rows["case.none"], 0 if types else 1, 1, 0 if types else 1)
        else:
            ev.add_matches(rows["case.type"], int(kind in types), 1, len(types))


def evaluate_docs(runner: Runner, docs: Sequence[GoldDoc], stage: Any,
                  rows: dict[str, Counts]) -> None:
    for gold in docs:
        whole = gold.source == "articles"
        record = runner.record(gold, stage, whole)
        score_doc(rows, gold, record.events, record)


def merge_rows(total: dict[str, Counts], part: dict[str, Counts]) -> None:
    for name, counts in part.items():
        target = total.setdefault(name, copy.copy(counts))
        if target is counts:
            continue
        target.tp += counts.tp
        target.fp += counts.fp
        target.fn += counts.fn
        target.total += counts.total
        target.correct += counts.correct


SYSTEMS = ("rules", "model", "combined")
ALONE_ADD = 0.4


def run_systems(runner: Runner, docs: Sequence[GoldDoc], model: EventModel | None,
                systems: Sequence[str] = SYSTEMS) -> dict[str, dict[str, Counts]]:
    out = {}
    for system in systems:
        rows = new_rows()
        if system == "rules":
            stage = events_stage(runner.pipeline, None)
        elif system == "model" and model is not None:
            alone = copy.copy(model)  # alone, the model adds from a lower confidence
            alone.thresholds = replace(model.thresholds, add=ALONE_ADD)
            stage = events_stage(runner.pipeline, alone, alone=True)
        else:
            stage = events_stage(runner.pipeline, model)
        evaluate_docs(runner, docs, stage, rows)
        out[system] = rows
    return out


def cross_validate(corpus: Corpus, runner: Runner, settings: Settings,
                   systems: Sequence[str] = SYSTEMS, log: Callable[[str], None] = print,
                   ) -> dict[str, dict[str, Counts]]:
    """5-fold cross-validation by document over everything outside the hold-out."""
    units = [u for u in corpus.units if not is_holdout(u.group) and u.source in settings.sources]
    docs = [d for d in corpus.docs if not is_holdout(d.group) and d.source != "ngec"]
    totals: dict[str, dict[str, Counts]] = {s: {} for s in systems}
    for k in range(FOLDS):
        started = time.perf_counter()
        train = [u for u in units if fold_of(u.group) != k]
        test = [d for d in docs if fold_of(d.group) == k]
        model = fit(train, settings, corpus.meta) if any(s != "rules" for s in systems) \
            else None
        for system, rows in run_systems(runner, test, model, systems).items():
            merge_rows(totals[system], rows)
        log(f"fold {k + 1}/{FOLDS}: {len(train)} training units, {len(test)} test docs "
            f"({time.perf_counter() - started:.1f} s)")
    return totals


def holdout_report(corpus: Corpus, runner: Runner, settings: Settings,
                   systems: Sequence[str] = SYSTEMS) -> dict[str, dict[str, Counts]]:
    """Train on everything outside the hold-out, evaluate once on the hold-out."""
    units = [u for u in corpus.units if not is_holdout(u.group) and u.source in settings.sources]
    docs = [d for d in corpus.docs if is_holdout(d.group)]
    return run_systems(runner, docs, fit(units, settings, corpus.meta), systems)


def build(corpus: Corpus, settings: Settings) -> EventModel:
    """The shipped model: every unit, hold-out included (its figure was reported first)."""
    units = [u for u in corpus.units if u.source in settings.sources]
    summary = {source: sum(1 for u in units if u.source == source) for source in settings.sources}
    return fit(units, settings, {"trained_on": summary, **corpus.meta})


KEY_ROWS = (
    ("plover.type", "f1"), ("plover.type", "precision"), ("plover.type", "recall"),
    ("plover.type+source", "f1"), ("plover.type+source+target", "f1"),
    ("plover.mode", "accuracy"),
    ("petr2.ours.triple", "f1"), ("petr2.ours.root", "f1"),
    ("articles.events.required", "recall"), ("articles.events.lenient", "precision"),
    ("articles.events.strict", "precision"), ("articles.events.complete", "recall"),
    ("case.type", "recall"), ("case.type", "precision"), ("case.none", "recall"),
    ("ngec.type", "recall"), ("ngec.type", "precision"),
)


def table(results: dict[str, dict[str, Counts]]) -> list[str]:
    systems = list(results)
    lines = ["metric".ljust(36) + "".join(s.rjust(10) for s in systems)]
    for row, metric in KEY_ROWS:
        values = []
        for system in systems:
            counts = results[system].get(row)
            empty = counts is None or counts.tp + counts.fp + counts.fn + counts.total == 0
            values.append("         -" if empty else f"{counts.value(metric):10.3f}")
        lines.append(f"{row}.{metric}".ljust(36) + "".join(values))
    return lines
