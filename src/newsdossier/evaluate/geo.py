"""Geoparsing adapters (`lgl`, `trnews`, `gwn`, `geovirus`): toponym spans and coordinates.

The gold sets are JSON lines, one article a line: `text` (required, scored exactly as stored,
so the offsets stay valid), `doc_id` (else `id`, else the line number), `date` (optional, the
publication date) and `toponyms`, a list of `{start, end, phrase, lat, lon, geonameid, type}`:
0-based character offsets into `text` (end exclusive), WGS84 degrees (both null for a toponym
the annotators could not place), a GeoNames id when there is one, and (GeoWebNews only) the
annotation `type`. LGL, TR-News and GeoVirus annotate every place name, whatever its reading.

GeoWebNews annotates more than place names, so its `type` decides what is a toponym here:

* **scored as toponyms** — the types that name a place: the locational ones (`Literal`,
  `Literal_Modifier`, `Mixed`, `Coercion`, `Embedded_Literal`) and the associative ones
  (`Metonymic`, `Non_Literal_Modifier`, `Embedded_Non_Lit`: "Moscow said", "the US Army"),
  since a geoparser must find "Moscow" in both and LGL and TR-News mark both too;
* **not toponyms** — the "expression" augmentations (`Literal_Expression`,
  `Non_Lit_Expression`: common nouns such as "city"), `Non_Toponym` (a name that merely
  contains a place, such as a university named after its city; the place inside it is a
  separate `Embedded_*` annotation), `Homonym` (a place name naming something else),
  `Demonym` and `Language` (derived words, not names, and without coordinates in GWN).
  They are dropped when read (counted in a note), so a predicted place on one is a false
  positive. GWN's `non_locational` flag is set only on expressions, which are dropped anyway.
* `spans.locational` (GWN only) scores recognition against the locational types alone; a
  prediction overlapping an associative toponym (and matching no locational one) is ignored
  there, neither right nor wrong.

A toponym whose span lies outside its text (a negative offset, or an end beyond the text) is
skipped, with a note naming the file, line and toponym; a
second annotation of the same span is dropped (the first is kept); one whose stored phrase
differs from the text at its offsets is scored by its offsets, with a note. A malformed line
or toponym (not JSON, not UTF-8, a missing or non-integer offset, an empty or reversed span,
one coordinate without the other, coordinates out of range, a non-numeric GeoNames id) is an
`EvaluationError` naming the file and line.

Rows (distances are great-circle, haversine on a sphere of 6371.0088 km, the mean Earth
radius; "correct" means within 161 km, i.e. 100 miles):

* `resolution` — the gold toponyms that have coordinates, resolved from their gold spans
  (`PlacesStage.resolve_spans`, the document as context): resolution given gold toponyms, the
  figure Mordecai 3 and CamCoder publish. Accuracy = correct / toponyms (the headline, as
  `resolution.accuracy`); an unresolved toponym is wrong. Like `Counts.add_labelled`, a wrong
  place is a false positive and a false negative and an unresolved toponym a false negative
  only, so P = correct / resolved and R = accuracy.
* `resolution.population` — the same toponyms resolved to the most populous gazetteer entry
  for the text of the span (`gazetteer.candidates(text)[0]`); no candidate = unresolved. The
  baseline any context-based resolver has to beat.
* `spans` — toponym recognition end to end: the spans of every toponym the places stage
  recognises (`stage.toponyms`: record.places with `place_mentions = "all"`, i.e. names
  standing for a government counted too, as the gold sets annotate them) against the gold
  toponym spans (all of them, with or without coordinates). A true positive is an exact
  character match; P = tp / predicted places, R = tp / gold toponyms, n = gold toponyms. A
  note says how many more pairs a one-to-one matching by overlap (one shared character) finds
  among the rest, and the P/R/F1 that would give.
* `e2e` — geoparsing end to end. A gold toponym with coordinates is found when a predicted
  place with coordinates overlaps its span and lies within 161 km of it (one-to-one: a
  prediction finds one toponym at most). tp = found; fn = gold toponyms with coordinates not
  found; fp = predicted places with coordinates that overlap a gold toponym with coordinates
  but found none. Predicted places overlapping no such toponym are recognition errors, left
  to `spans`. So P = tp / predictions judged, R = tp / gold toponyms with coordinates.

Notes, for `resolution` and the population baseline: the median and mean error in km and the
AUC of the error curve over the resolved toponyms (unresolved ones counted separately), and
the share resolved to the gold GeoNames id among gold toponyms that have one (Mordecai 3's
"exact match"). AUC follows Gritta et al. (2018): the errors sorted, each turned into
log(1 + km) / log(20039), and the area under that curve by the trapezoidal rule with the x
axis scaled to [0, 1]; 0 is perfect, about 1 the antipode every time, lower is better. Also noted:
toponyms without coordinates (scored for `spans` only), skipped, duplicated or mismatched
spans, and texts on which a stage failed (scored as no places, no resolutions).
"""

from __future__ import annotations

import json
import math
import statistics
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from .. import registry
from ..model import Article, Place, Record
from .events import add_matches, article_date
from .framework import EvaluationError
from .metrics import Counts, Report

if TYPE_CHECKING:
    from ..pipeline import Pipeline

Range = tuple[int, int]
Coordinates = tuple[float, float]

EARTH_RADIUS_KM = 6371.0088
ACCURACY_KM = 161.0
AUC_SCALE_KM = 20039.0
STAGE = "places"

GWN_LOCATIONAL = frozenset({"Literal", "Literal_Modifier", "Mixed", "Coercion",
                            "Embedded_Literal"})
GWN_ASSOCIATIVE = frozenset({"Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit"})

SCORING_NOTE = (
    "resolution: gold spans resolved in context, correct within 161 km, unresolved = wrong "
    "(P over resolved, R = accuracy); resolution.population: most populous gazetteer entry "
    "for the span text; spans: exact character match of the stage's toponyms (every use: "
    "record.places with place_mentions = 'all') vs gold toponyms; e2e: "
    "a gold toponym with coordinates is found by an overlapping predicted place within 161 "
    "km (one to one; P over predicted places with coordinates overlapping such a toponym)"
)


def haversine_km(a: Coordinates, b: Coordinates) -> float:
    """Great-circle distance in km between two (lat, lon) points in degrees."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, max(0.0, h))))


def error_auc(errors_km: Sequence[float]) -> float | None:
    """Area under the sorted log(1 + error) curve, normalised by log(20039) and by the x range
    (Gritta et al. 2018); None without errors. 0 = every guess exact, lower is better."""
    if not errors_km:
        return None
    ys = sorted(math.log1p(max(0.0, e)) / math.log(AUC_SCALE_KM) for e in errors_km)
    if len(ys) == 1:
        return ys[0]
    return sum((a + b) / 2 for a, b in pairwise(ys)) / (len(ys) - 1)


def overlaps(a: Range, b: Range) -> bool:
    """Whether two character ranges share at least one character."""
    return max(a[0], b[0]) < min(a[1], b[1])


# --- gold ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Toponym:
    """One gold toponym: its span, the phrase stored for it, its place (if any)."""

    start: int
    end: int
    phrase: str = ""
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    kind: str | None = None

    @property
    def span(self) -> Range:
        return self.start, self.end

    @property
    def coordinates(self) -> Coordinates | None:
        return (self.lat, self.lon) if self.lat is not None and self.lon is not None else None


@dataclass(frozen=True)
class GeoDocument:
    id: str
    text: str
    toponyms: tuple[Toponym, ...]
    published: str | None = None

    def located(self) -> list[Toponym]:
        """The toponyms with coordinates: the ones resolution and e2e score."""
        return [t for t in self.toponyms if t.coordinates is not None]


@dataclass(frozen=True)
class Scheme:
    """Which annotations are toponyms, by `type`: None takes them all (LGL, TR-News,
    GeoVirus). `locational` adds a `spans.locational` row scoring those types alone."""

    toponym_types: frozenset[str] | None = None
    locational: frozenset[str] | None = None

    def keeps(self, toponym: Toponym) -> bool:
        return self.toponym_types is None or toponym.kind in self.toponym_types


ALL_TOPONYMS = Scheme()
GWN_SCHEME = Scheme(GWN_LOCATIONAL | GWN_ASSOCIATIVE, GWN_LOCATIONAL)


@dataclass
class GeoStats:
    """What the reader met on the way, for the report's notes."""

    outside_text: list[str] = field(default_factory=list)
    text_differs: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    excluded: Counter[str] = field(default_factory=Counter)


@dataclass
class GeoCorpus:
    documents: list[GeoDocument]
    stats: GeoStats = field(default_factory=GeoStats)


def read_lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """The JSON objects of a JSON-lines file with their line numbers; blank lines skipped."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise EvaluationError(f"{path}: {exc}") from exc
    with handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{path}:{number}"
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise EvaluationError(f"{where}: not UTF-8 ({exc})") from exc
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvaluationError(f"{where}: not JSON ({exc})") from exc
            if not isinstance(obj, dict):
                raise EvaluationError(f"{where}: not a JSON object")
            yield number, obj


def _offset(obj: dict[str, Any], key: str, where: str) -> int:
    value = obj.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise EvaluationError(f"{where}: `{key}` must be an integer, not {value!r}")
    return value


def _degrees(obj: dict[str, Any], where: str) -> tuple[float | None, float | None]:
    lat, lon = obj.get("lat"), obj.get("lon")
    if lat is None and lon is None:
        return None, None
    numbers = [v for v in (lat, lon) if isinstance(v, int | float) and not isinstance(v, bool)]
    if len(numbers) != 2 or not all(math.isfinite(v) for v in numbers):
        raise EvaluationError(f"{where}: `lat` and `lon` must both be numbers or both null, "
                              f"not {lat!r}, {lon!r}")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise EvaluationError(f"{where}: coordinates out of range ({lat!r}, {lon!r})")
    return float(lat), float(lon)


def _geonameid(value: object, where: str) -> int | None:
    if value is None or value == "":
        return None
    text = str(value).strip()
    if isinstance(value, bool) or not text.isascii() or not text.isdigit():
        raise EvaluationError(f"{where}: `geonameid` must be a number, not {value!r}")
    return int(text)


def parse_toponym(obj: object, where: str) -> Toponym:
    """One gold toponym object → Toponym; `where` names the file, line and toponym."""
    if not isinstance(obj, dict):
        raise EvaluationError(f"{where}: a toponym must be a JSON object, not {obj!r}")
    start, end = _offset(obj, "start", where), _offset(obj, "end", where)
    if end <= start:
        raise EvaluationError(f"{where}: empty or reversed span ({start}, {end})")
    phrase, kind = obj.get("phrase", ""), obj.get("type")
    if not isinstance(phrase, str) or not (kind is None or isinstance(kind, str)):
        raise EvaluationError(f"{where}: `phrase` and `type` must be strings")
    lat, lon = _degrees(obj, where)
    return Toponym(start, end, phrase, lat, lon, _geonameid(obj.get("geonameid"), where), kind)


def parse_document(obj: dict[str, Any], where: str, scheme: Scheme, stats: GeoStats
                   ) -> GeoDocument:
    """One gold line → GeoDocument: toponyms checked, filtered by the scheme, deduplicated,
    and those outside the text skipped (noted in stats)."""
    text, raw = obj.get("text"), obj.get("toponyms")
    if not isinstance(text, str):
        raise EvaluationError(f"{where}: `text` must be a string")
    if not isinstance(raw, list):
        raise EvaluationError(f"{where}: `toponyms` must be a list")
    kept: dict[Range, Toponym] = {}
    for index, item in enumerate(raw):
        toponym = parse_toponym(item, f"{where}: toponym {index}")
        label = f"{Path(where).name}: toponym {index}"
        if not scheme.keeps(toponym):
            stats.excluded[toponym.kind or "untyped"] += 1
        elif toponym.start < 0 or toponym.end > len(text):
            stats.outside_text.append(label)
        elif toponym.span in kept:
            stats.duplicates.append(label)
        else:
            if text[toponym.start:toponym.end] != toponym.phrase and toponym.phrase:
                stats.text_differs.append(label)
            kept[toponym.span] = toponym
    identifier = obj.get("doc_id", obj.get("id"))
    document_id = str(identifier) if identifier not in (None, "") else where.rpartition(":")[2]
    return GeoDocument(document_id, text, tuple(sorted(kept.values(), key=lambda t: t.span)),
                       article_date(obj.get("date")))


def load_geo_gold(path: Path, limit: int | None = None, scheme: Scheme = ALL_TOPONYMS
                  ) -> GeoCorpus:
    """The first `limit` articles of a geoparsing gold file (lines after them are not read)."""
    corpus = GeoCorpus([])
    if limit is not None and limit <= 0:
        return corpus
    for number, obj in read_lines(path):
        corpus.documents.append(parse_document(obj, f"{path}:{number}", scheme, corpus.stats))
        if limit is not None and len(corpus.documents) >= limit:
            break
    return corpus


# --- scoring ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Guess:
    """A resolver's answer for one toponym."""

    lat: float
    lon: float
    geonameid: int | None = None

    @property
    def coordinates(self) -> Coordinates:
        return self.lat, self.lon


def guess_of(place: Place | None) -> Guess | None:
    """A predicted Place as a Guess; None when it is missing or has no coordinates."""
    if place is None or place.lat is None or place.lon is None:
        return None
    return Guess(place.lat, place.lon, place.geonameid)


@dataclass
class DocumentPrediction:
    """One system's output on one document: its places end to end, and its answers for the
    document's toponyms with coordinates (`GeoDocument.located()`, in order) from the
    context-based resolver and from the population baseline."""

    places: Sequence[Place] = ()
    resolved: Sequence[Guess | None] = ()
    baseline: Sequence[Guess | None] = ()


@dataclass
class Resolution:
    """One resolver scored on gold toponyms: the Counts row plus its errors in km."""

    row: Counts
    errors: list[float] = field(default_factory=list)
    unresolved: int = 0
    with_id: int = 0
    same_id: int = 0

    def add(self, gold: Toponym, guess: Guess | None) -> None:
        coordinates = gold.coordinates
        if coordinates is None:
            raise ValueError("a toponym without coordinates cannot be scored for resolution")
        self.row.total += 1
        self.with_id += gold.geonameid is not None
        if guess is None:
            self.unresolved += 1
            self.row.fn += 1
            return
        self.same_id += gold.geonameid is not None and guess.geonameid == gold.geonameid
        error = haversine_km(coordinates, guess.coordinates)
        self.errors.append(error)
        if error <= ACCURACY_KM:
            self.row.tp += 1
            self.row.correct += 1
        else:
            self.row.fp += 1
            self.row.fn += 1

    def note(self) -> str:
        name = self.row.name
        if not self.errors:
            return f"{name}: nothing resolved ({self.unresolved} unresolved)"
        auc = error_auc(self.errors)
        text = (f"{name}: median error {statistics.median(self.errors):.1f} km, mean "
                f"{statistics.fmean(self.errors):.1f} km, AUC {auc:.3f} over "
                f"{len(self.errors)} resolved; {self.unresolved} unresolved (counted wrong)")
        if self.with_id:
            text += (f"; same GeoNames id for {self.same_id} of {self.with_id} "
                     f"({self.same_id / self.with_id:.3f})")
        return text


def max_matching(candidates: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching (left, right) given each left item's acceptable right
    items in order of preference (augmenting paths)."""
    owner: dict[int, int] = {}

    def claim(left: int, seen: set[int]) -> bool:
        for right in candidates[left]:
            if right in seen:
                continue
            seen.add(right)
            if right not in owner or claim(owner[right], seen):
                owner[right] = left
                return True
        return False

    for left in range(len(candidates)):
        claim(left, set())
    return sorted((left, right) for right, left in owner.items())


def overlap_matches(gold: Sequence[Range], predicted: Sequence[Range]) -> int:
    """How many one-to-one pairs of overlapping ranges the two lists hold."""
    candidates = [[p for p, span in enumerate(predicted) if overlaps(g, span)] for g in gold]
    return len(max_matching(candidates))


def score_spans(row: Counts, gold: Sequence[Range], predicted: Sequence[Range],
                ignored: Sequence[Range] = ()) -> int:
    """Add exact span matches to the row; predictions matching no gold span but overlapping
    an ignored one are dropped. Returns how many more pairs match by overlap alone."""
    gold_left = Counter(gold)
    kept = [p for p in predicted
            if p in gold_left or not any(overlaps(p, other) for other in ignored)]
    predicted_left: list[Range] = []
    exact = 0
    for span in kept:
        if gold_left[span] > 0:
            gold_left[span] -= 1
            exact += 1
        else:
            predicted_left.append(span)
    add_matches(row, exact, len(gold), len(kept))
    return overlap_matches(list(gold_left.elements()), predicted_left)


def score_e2e(row: Counts, gold: Sequence[Toponym], places: Sequence[Place]) -> None:
    """Add one document's end-to-end geoparsing (see the module docstring) to the row."""
    located = [(t.span, c) for t in gold if (c := t.coordinates) is not None]
    judged = [((p.start, p.end), guess.coordinates) for p in places
              if (guess := guess_of(p)) is not None
              and any(overlaps((p.start, p.end), span) for span, _ in located)]
    candidates = []
    for span, coordinates in located:
        near = sorted((haversine_km(coordinates, guessed), i)
                      for i, (predicted, guessed) in enumerate(judged)
                      if overlaps(span, predicted))
        candidates.append([i for km, i in near if km <= ACCURACY_KM])
    add_matches(row, len(max_matching(candidates)), len(located), len(judged))


@dataclass
class GeoScores:
    """Everything one system scored on a corpus."""

    rows: dict[str, Counts]
    resolution: Resolution
    baseline: Resolution
    overlap_extra: int = 0
    predicted_places: int = 0


def geo_scores(scheme: Scheme) -> GeoScores:
    rows = {name: Counts(name) for name in ("resolution", "resolution.population", "spans")}
    if scheme.locational is not None:
        rows["spans.locational"] = Counts("spans.locational")
    rows["e2e"] = Counts("e2e")
    return GeoScores(rows, Resolution(rows["resolution"]),
                     Resolution(rows["resolution.population"]))


def _check_lengths(document: GeoDocument, prediction: DocumentPrediction) -> list[Toponym]:
    located = document.located()
    for name in ("resolved", "baseline"):
        if len(getattr(prediction, name)) != len(located):
            raise ValueError(f"{document.id}: {len(getattr(prediction, name))} {name} answers "
                             f"for {len(located)} toponyms with coordinates")
    return located


def score_document(scores: GeoScores, document: GeoDocument, prediction: DocumentPrediction,
                   scheme: Scheme = ALL_TOPONYMS) -> None:
    """Add one document's predictions, scored against its gold toponyms, to the scores."""
    located = _check_lengths(document, prediction)
    for toponym, resolved, baseline in zip(located, prediction.resolved, prediction.baseline,
                                           strict=True):
        scores.resolution.add(toponym, resolved)
        scores.baseline.add(toponym, baseline)
    spans = [(p.start, p.end) for p in prediction.places]
    scores.predicted_places += len(spans)
    scores.overlap_extra += score_spans(scores.rows["spans"],
                                        [t.span for t in document.toponyms], spans)
    if scheme.locational is not None:
        literal = [t.span for t in document.toponyms if t.kind in scheme.locational]
        other = [t.span for t in document.toponyms if t.kind not in scheme.locational]
        score_spans(scores.rows["spans.locational"], literal, spans, other)
    score_e2e(scores.rows["e2e"], document.toponyms, prediction.places)


def score_documents(documents: Sequence[GeoDocument], predictions: Sequence[DocumentPrediction],
                    scheme: Scheme = ALL_TOPONYMS) -> GeoScores:
    """Every document's predictions (in document order) scored afresh."""
    if len(documents) != len(predictions):
        raise ValueError(f"{len(predictions)} predictions for {len(documents)} documents")
    scores = geo_scores(scheme)
    for document, prediction in zip(documents, predictions, strict=True):
        score_document(scores, document, prediction, scheme)
    return scores


# --- notes and the report --------------------------------------------------------------------


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _listed(items: Sequence[str], most: int = 3) -> str:
    more = f" and {len(items) - most} more" if len(items) > most else ""
    return ", ".join(items[:most]) + more


def _overlap_note(scores: GeoScores) -> str:
    row = scores.rows["spans"]
    overlap = Counts("overlap", tp=row.tp + scores.overlap_extra,
                     fp=row.fp - scores.overlap_extra, fn=row.fn - scores.overlap_extra)
    return (f"spans: {scores.overlap_extra} more gold toponyms match a prediction by overlap "
            f"(one to one) than exactly; counted so, P {overlap.precision:.3f} R "
            f"{overlap.recall:.3f} F1 {overlap.f1:.3f}")


def gold_notes(corpus: GeoCorpus) -> list[str]:
    """What the report should say about the gold it read."""
    stats, notes = corpus.stats, []
    toponyms = sum(len(d.toponyms) for d in corpus.documents)
    unplaced = toponyms - sum(len(d.located()) for d in corpus.documents)
    if unplaced:
        notes.append(f"{unplaced} of {toponyms} gold toponyms have no coordinates: scored for "
                     "spans only, skipped by resolution and e2e")
    if stats.excluded:
        kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(stats.excluded.items()))
        notes.append(f"annotations not scored as toponyms ({kinds}); a place predicted on "
                     "one is a false positive")
    if stats.outside_text:
        notes.append(f"{_count(len(stats.outside_text), 'toponym')} skipped, the span lies "
                     f"outside the text: {_listed(stats.outside_text)}")
    if stats.duplicates:
        notes.append(f"{_count(len(stats.duplicates), 'toponym')} annotating a span already "
                     f"annotated, dropped: {_listed(stats.duplicates)}")
    if stats.text_differs:
        notes.append(f"{_count(len(stats.text_differs), 'toponym')} whose stored phrase "
                     "differs from the text at its offsets (scored by offsets): "
                     f"{_listed(stats.text_differs)}")
    return notes


def geo_report(name: str, gold: Path | str, corpus: GeoCorpus,
               predictions: Sequence[DocumentPrediction], scheme: Scheme = ALL_TOPONYMS
               ) -> Report:
    """A Report of one system's predictions on the corpus, with the scoring and gold notes."""
    scores = score_documents(corpus.documents, predictions, scheme)
    report = Report(name, str(gold), len(corpus.documents), list(scores.rows.values()))
    report.notes += [SCORING_NOTE, scores.resolution.note(), scores.baseline.note(),
                     _overlap_note(scores), *gold_notes(corpus)]
    if scheme.locational is not None:
        report.notes.append("spans.locational: gold = the locational types ("
                            + ", ".join(sorted(scheme.locational)) + "); predictions "
                            "overlapping another toponym are ignored")
    if corpus.documents and not scores.predicted_places:
        report.notes.append("no places predicted on any text")
    return report


# --- our pipeline ----------------------------------------------------------------------------


class CandidateSource(Protocol):
    def candidates(self, name: str) -> Sequence[Any]: ...


class PlacesStageLike(Protocol):
    """What the evaluation needs of the places stage."""

    gazetteer: CandidateSource

    def resolve_spans(self, doc: Any, record: Any, spans: Sequence[Range]
                      ) -> Sequence[Place | None]: ...


def places_stage(pipeline: Pipeline) -> PlacesStageLike:
    """The pipeline's places stage, or an EvaluationError saying it has none."""
    if STAGE not in pipeline.stage_names:
        raise EvaluationError(f"the pipeline has no {STAGE!r} stage (stages: "
                              f"{', '.join(pipeline.stage_names)}); add it to `stages` in the "
                              "settings to evaluate geoparsing")
    stage: Any = pipeline.get_stage(STAGE)
    return stage


def population_resolver(gazetteer: CandidateSource) -> Callable[[str], Guess | None]:
    """The largest-population baseline: the first candidate for a name (memoised)."""
    cache: dict[str, Guess | None] = {}

    def resolve(name: str) -> Guess | None:
        if name not in cache:
            found = gazetteer.candidates(name)
            top = found[0] if found else None
            cache[name] = None if top is None else Guess(top.lat, top.lon, top.geonameid)
        return cache[name]

    return resolve


def predict_document(stage: PlacesStageLike, doc: Any, record: Record | None,
                     document: GeoDocument, baseline: Callable[[str], Guess | None],
                     *, resolve: bool = True) -> DocumentPrediction:
    """The stage's answers on one parsed document: its places, its resolution of the gold
    toponyms with coordinates (none when `resolve` is off or the record is None, i.e. the
    stages failed), and the baseline's."""
    located = document.located()
    answers: Sequence[Place | None] = [None] * len(located)
    if record is not None and resolve and located:
        answers = stage.resolve_spans(doc, record, [t.span for t in located])
        if len(answers) != len(located):
            raise EvaluationError(f"{document.id}: resolve_spans gave {len(answers)} answers "
                                  f"for {len(located)} spans")
    toponyms = getattr(stage, "toponyms", None)  # every use, as the gold sets annotate
    places: list[Place] = []
    if record is not None:
        places = list(toponyms(doc, record)) if toponyms is not None else list(record.places)
    return DocumentPrediction(
        places=places,
        resolved=[guess_of(place) for place in answers],
        baseline=[baseline(document.text[t.start:t.end]) for t in located],
    )


def predict_places(pipeline: Pipeline, documents: Sequence[GeoDocument]
                   ) -> tuple[list[DocumentPrediction], list[str]]:
    """The pipeline's places on each raw text (parsed once, all stages applied), its
    resolution of the gold spans, the baseline's, and notes on texts that failed."""
    from ..pipeline import StageError

    stage = places_stage(pipeline)
    baseline = population_resolver(stage.gazetteer)
    predictions, failed = [], []
    texts = ((d.text, d) for d in documents)
    for doc, document in pipeline.nlp.pipe(texts, as_tuples=True,
                                           batch_size=pipeline.settings.batch_size):
        article = Article(id=document.id, text=document.text, published=document.published)
        record: Record | None = None
        try:
            record = pipeline.apply_stages(doc, article)
        except StageError as exc:
            failed.append(f"{document.id} ({exc})")
        try:
            prediction = predict_document(stage, doc, record, document, baseline)
        except EvaluationError:
            raise
        except Exception as exc:  # a resolver bug costs this text's resolutions, not the run
            failed.append(f"{document.id} (resolve_spans: {type(exc).__name__}: {exc})")
            prediction = predict_document(stage, doc, record, document, baseline,
                                          resolve=False)
        predictions.append(prediction)
    notes = [f"{_count(len(failed), 'text')} failed (a failed stage scores as no places, a "
             f"failed resolve_spans as nothing resolved): {_listed(failed)}"] if failed else []
    return predictions, notes


class GeoEvaluator:
    """One geoparsing gold set: read it, run the places stage, score it."""

    def __init__(self, name: str, description: str, default_gold: str,
                 scheme: Scheme = ALL_TOPONYMS) -> None:
        self.name = name
        self.description = description
        self.default_gold = default_gold
        self.scheme = scheme

    def evaluate(self, pipeline: Pipeline, gold: Path, limit: int | None = None) -> Report:
        if not gold.is_file():
            raise EvaluationError(f"{gold}: the {self.name} gold is a JSON-lines file")
        places_stage(pipeline)  # fail before reading a large file
        corpus = load_geo_gold(gold, limit, self.scheme)
        predictions, notes = predict_places(pipeline, corpus.documents)
        report = geo_report(self.name, gold, corpus, predictions, self.scheme)
        report.notes += notes
        return report


@registry.evaluators.register("lgl")
def make_lgl_evaluator() -> GeoEvaluator:
    return GeoEvaluator("lgl", "toponym recognition and resolution, US local news (LGL)",
                        "data/geo/LGL/lgl_gold.jsonl")


@registry.evaluators.register("trnews")
def make_trnews_evaluator() -> GeoEvaluator:
    return GeoEvaluator("trnews", "toponym recognition and resolution, world news (TR-News)",
                        "data/geo/TR-News/trnews_gold.jsonl")


@registry.evaluators.register("gwn")
def make_gwn_evaluator() -> GeoEvaluator:
    return GeoEvaluator("gwn", "toponym recognition and resolution, web news (GeoWebNews dev)",
                        "data/geo/GeoWebNews/gwn_dev.jsonl", GWN_SCHEME)


@registry.evaluators.register("geovirus")
def make_geovirus_evaluator() -> GeoEvaluator:
    return GeoEvaluator("geovirus", "toponym recognition and resolution, outbreak news "
                        "(GeoVirus, WikiNews)", "data/geo/GeoVirus/geovirus_gold.jsonl")
