"""Attribution adapter (`polnear`): quote content, speaker and cue spans against PolNeAR.

The gold set is a folder with `text/<stem>.txt` (the article, UTF-8) and
`attributions/<stem>_<annotator>.ann` (or `<stem>.ann`), brat standoff with character offsets
into the text as stored:

* `T<n>\\t<Type> <start> <end>[;<start> <end>...]\\t<text>` — a text-bound span; a `;` joins
  the pieces of a discontinuous one (a quote split around its cue);
* `E<n>\\t<Type>:T<a> <Role>:T<b> ...` — an attribution, its trigger first, then its `Source`,
  `Cue` and `Content` spans. A trailing number on a role is brat's repetition of it
  (`Content2`: a second content span of the same attribution), read as more pieces of that
  role. `Attribution-no-source` relations have no Source.

Text-bound spans that no relation links (`Discuss`, `Discard`) are ignored, and so are brat's
other line kinds (`#` notes, `A`/`M` attributes, `N` normalisations, `R` relations). A text
annotated more than once (double annotation) is scored against one file, the first in sorted
order. Every text is run through the pipeline exactly as stored, so the offsets stay valid.

Scoring, per document, predicted `(content pieces, speaker range or None, cue range or None)`
against the gold attributions (`score_documents`, used for any system):

* Two sets of character ranges *overlap* when they share at least one word character
  (`\\w`), so sharing only a quotation mark, a comma or a space is no overlap; a range
  holding no word character at all (a colon or a dash as the cue) overlaps another when
  they share any character.
* Predictions with the same cue range are one prediction, their content pieces pooled:
  PolNeAR gives each cue one attribution, so a quote split around its cue ("…," she said,
  "…") is one gold attribution with two pieces, and two predicted quotes for it should not
  cost a false positive.
* `content` — a maximum one-to-one matching of predictions to gold attributions whose
  content they overlap (each gold attribution tries the predictions sharing the most word
  characters with it first), so one long prediction never matches two gold quotes.
  P = matched predictions / predictions, R = matched gold / gold with a Content, n = gold.
* `content.tokens` — word tokens (`\\w+`) inside any predicted content against word tokens
  inside any gold content: P, R and F1 of coverage, n = gold content tokens.
* `speaker` — among matched pairs whose prediction has a speaker and whose gold has a
  Source: the share whose speaker overlaps the Source (accuracy; a wrong speaker counts
  as a false positive and a false negative, so P = R = accuracy).
* `speaker.any` — among matched pairs whose gold has a Source: the share whose speaker
  overlaps it, a missing speaker counting as wrong (a false negative only, like an
  abstention in `Counts.add_labelled`).
* `cue` — among matched pairs with a predicted cue: the share whose cue overlaps the gold
  Cue.

A gold attribution without a Content is scored nowhere (nothing can match it); one without a
Source is scored for content and cue only. An attribution with a span beyond the end of its
text is skipped, with a note naming the file and line. A malformed line is an
`EvaluationError` naming the file and line.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING

from .. import registry
from ..model import Article, Quote
from .events import add_matches
from .framework import EvaluationError
from .metrics import Counts, Report

if TYPE_CHECKING:
    from ..pipeline import Pipeline

Range = tuple[int, int]

WORD = re.compile(r"\w+")
TRAILING_NUMBER = re.compile(r"\d+$")
CONTENT, SOURCE, CUE = "Content", "Source", "Cue"
IGNORED_KINDS = frozenset("#AMNR")
ROWS = ("content", "content.tokens", "speaker", "speaker.any", "cue")
SCORING_NOTE = (
    "per document; overlap = at least one shared word character (any character for a "
    "range with none, such as a colon cue); predictions sharing a cue "
    "range are one; content: one-to-one matching on content overlap (P over predictions, R "
    "over gold with a Content); content.tokens: \\w+ tokens covered by predicted vs gold "
    "content; speaker: matched pairs with a predicted speaker and a gold Source, speaker "
    "overlaps Source; speaker.any: matched pairs with a gold Source, no speaker is wrong; "
    "cue: matched pairs with a predicted cue, cue overlaps the gold Cue"
)


# --- gold ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Attribution:
    """One gold attribution: the character ranges of its content, source and cue."""

    id: str
    content: tuple[Range, ...] = ()
    source: tuple[Range, ...] = ()
    cue: tuple[Range, ...] = ()


@dataclass(frozen=True)
class GoldDocument:
    id: str
    text: str
    attributions: tuple[Attribution, ...]
    annotation: str = ""


@dataclass(frozen=True)
class TextBound:
    """A brat `T` line: its type, its pieces and the text brat stored for them."""

    kind: str
    pieces: tuple[Range, ...]
    text: str
    line: int


@dataclass(frozen=True)
class Relation:
    """A brat `E` line: its type, its trigger and the T ids of each role."""

    id: str
    kind: str
    trigger: str
    roles: dict[str, tuple[str, ...]]
    line: int

    def refs(self) -> list[str]:
        return [self.trigger, *(ref for refs in self.roles.values() for ref in refs)]


@dataclass
class Annotation:
    path: Path
    spans: dict[str, TextBound] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)


@dataclass
class GoldStats:
    """What the reader met on the way, for the report's notes."""

    multiple: list[str] = field(default_factory=list)
    unlinked: Counter[str] = field(default_factory=Counter)
    no_source: int = 0
    no_content: list[str] = field(default_factory=list)
    repeated_roles: int = 0
    beyond_text: list[str] = field(default_factory=list)
    text_differs: list[str] = field(default_factory=list)
    unannotated: list[str] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)


@dataclass
class GoldCorpus:
    documents: list[GoldDocument]
    stats: GoldStats = field(default_factory=GoldStats)


def _line_number(where: str) -> int:
    return int(where.rpartition(":")[2])


def _offsets(raw: str, where: str) -> tuple[Range, ...]:
    pieces = []
    for chunk in raw.split(";"):
        numbers = chunk.split()
        if len(numbers) != 2 or not all(n.isascii() and n.isdigit() for n in numbers):
            raise EvaluationError(f"{where}: bad offsets {raw!r} (want 'start end[;start end]')")
        start, end = int(numbers[0]), int(numbers[1])
        if start > end:
            raise EvaluationError(f"{where}: span ends before it starts ({chunk.strip()!r})")
        pieces.append((start, end))
    return tuple(pieces)


def parse_text_bound(line: str, where: str) -> tuple[str, TextBound]:
    """A `T` line → (id, TextBound); `where` is "file:line"."""
    parts = line.split("\t", 2)
    kind, _, offsets = parts[1].partition(" ") if len(parts) > 1 else ("", "", "")
    if len(parts[0]) < 2 or not kind or not offsets.strip():
        raise EvaluationError(f"{where}: not a brat text-bound line ({line[:60]!r})")
    text = parts[2] if len(parts) > 2 else ""
    return parts[0], TextBound(kind, _offsets(offsets, where), text, _line_number(where))


def parse_relation(line: str, where: str) -> Relation:
    """An `E` line → Relation; a role carrying a number (Content2) folds into its base role."""
    parts = line.split("\t")
    arguments = parts[1].split() if len(parts) > 1 else []
    pairs = [argument.partition(":") for argument in arguments]
    if len(parts[0]) < 2 or not pairs or any(not r or not sep or not ref
                                             for r, sep, ref in pairs):
        raise EvaluationError(f"{where}: not a brat event line ({line[:60]!r})")
    roles: dict[str, list[str]] = defaultdict(list)
    for role, _, ref in pairs[1:]:
        roles[TRAILING_NUMBER.sub("", role)].append(ref)
    kind, _, trigger = pairs[0]
    return Relation(parts[0], kind, trigger, {r: tuple(ids) for r, ids in roles.items()},
                    _line_number(where))


def read_ann(path: Path) -> Annotation:
    """Parse one .ann file; every T id an E line names must be defined in the file."""
    try:
        lines = path.read_bytes().decode("utf-8").split("\n")
    except UnicodeDecodeError as exc:
        raise EvaluationError(f"{path}: not UTF-8 ({exc})") from exc
    annotation = Annotation(path)
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r")
        where = f"{path}:{number}"
        if not line.strip() or line[0] in IGNORED_KINDS:
            continue
        if line[0] == "T":
            span_id, span = parse_text_bound(line, where)
            annotation.spans[span_id] = span
        elif line[0] == "E":
            annotation.relations.append(parse_relation(line, where))
        else:
            raise EvaluationError(f"{where}: not a brat T or E line ({line[:60]!r})")
    _check_references(annotation)
    return annotation


def _check_references(annotation: Annotation) -> None:
    for relation in annotation.relations:
        for ref in relation.refs():
            if ref not in annotation.spans:
                raise EvaluationError(f"{annotation.path}:{relation.line}: {relation.id} "
                                      f"names {ref}, which the file does not define")


def _normalised(text: str) -> str:
    return " ".join(text.split())


def _covered_text(text: str, pieces: Iterable[Range]) -> str:
    """The text of a span as brat stores it: its pieces joined by a space."""
    return _normalised(" ".join(text[start:end] for start, end in pieces))


def attributions_of(annotation: Annotation, text: str, stats: GoldStats) -> list[Attribution]:
    """The gold attributions of one text; one with a span beyond the text is skipped."""
    name = annotation.path.name
    found = []
    for relation in annotation.relations:
        spans = [annotation.spans[ref] for ref in relation.refs()]
        beyond = [span for span in spans if any(end > len(text) for _, end in span.pieces)]
        if beyond:
            stats.beyond_text.append(f"{name}:{min(span.line for span in beyond)}")
            continue
        stats.text_differs += [f"{name}:{span.line}" for span in spans
                               if _normalised(span.text) != _covered_text(text, span.pieces)]
        found.append(_attribution(annotation, relation, stats))
    linked = {ref for relation in annotation.relations for ref in relation.refs()}
    stats.unlinked.update(span.kind for span_id, span in annotation.spans.items()
                          if span_id not in linked)
    return found


def _attribution(annotation: Annotation, relation: Relation, stats: GoldStats) -> Attribution:
    pieces: dict[str, list[Range]] = defaultdict(list)
    for role, refs in relation.roles.items():
        for ref in refs:
            pieces[role].extend(annotation.spans[ref].pieces)
    stats.repeated_roles += any(len(refs) > 1 for refs in relation.roles.values())
    if not pieces[SOURCE]:
        stats.no_source += 1
    if not pieces[CONTENT]:
        stats.no_content.append(f"{annotation.path.name}:{relation.line}")
    return Attribution(relation.id, *(tuple(sorted(pieces[role]))
                                      for role in (CONTENT, SOURCE, CUE)))


def annotations_by_text(folder: Path) -> dict[str, list[Path]]:
    """.ann files by the text stem they annotate: `<stem>.ann` and `<stem>_<annotator>.ann`."""
    groups: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(folder.glob("*.ann")):
        groups[path.stem].append(path)
        head, sep, _ = path.stem.rpartition("_")
        if sep:
            groups[head].append(path)
    return groups


def read_text(path: Path) -> str:
    """A text exactly as stored (no newline translation), so brat offsets stay valid."""
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EvaluationError(f"{path}: not UTF-8 ({exc})") from exc


def load_polnear(folder: Path, limit: int | None = None) -> GoldCorpus:
    """The first `limit` annotated texts of a PolNeAR folder (`text/`, `attributions/`)."""
    texts, anns = folder / "text", folder / "attributions"
    if not texts.is_dir() or not anns.is_dir():
        raise EvaluationError(f"{folder}: not a PolNeAR folder (wants text/ and attributions/)")
    groups = annotations_by_text(anns)
    corpus = GoldCorpus([])
    stems = {path.stem for path in texts.glob("*.txt")}
    annotated = [path for path in sorted(texts.glob("*.txt")) if groups.get(path.stem)]
    corpus.stats.unannotated = sorted(stems - {path.stem for path in annotated})
    corpus.stats.orphans = sorted(path.name for path in anns.glob("*.ann")
                                  if not {path.stem, path.stem.rpartition("_")[0]} & stems)
    for path in annotated[:limit] if limit is not None else annotated:
        corpus.documents.append(_document(path, groups[path.stem], corpus.stats))
    return corpus


def _document(path: Path, annotations: list[Path], stats: GoldStats) -> GoldDocument:
    if len(annotations) > 1:
        stats.multiple.append(f"{path.stem} ({len(annotations)} files)")
    text = read_text(path)
    chosen = annotations[0]
    attributions = attributions_of(read_ann(chosen), text, stats)
    return GoldDocument(path.stem, text, tuple(attributions), chosen.name)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _listed(items: Sequence[str], most: int = 3) -> str:
    more = f" and {len(items) - most} more" if len(items) > most else ""
    return ", ".join(items[:most]) + more


def gold_notes(stats: GoldStats) -> list[str]:
    """What the report should say about the gold it read."""
    notes = []
    if stats.multiple:
        notes.append(f"{_count(len(stats.multiple), 'text')} annotated more than once; the first "
                     f"file in sorted order is scored: {_listed(stats.multiple)}")
    if stats.unlinked:
        kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(stats.unlinked.items()))
        notes.append(f"text-bound spans linked to no attribution are ignored ({kinds})")
    if stats.no_source:
        notes.append(f"{_count(stats.no_source, 'attribution')} without a Source: scored for "
                     "content and cue only")
    if stats.no_content:
        notes.append(f"{_count(len(stats.no_content), 'attribution')} without a Content, not "
                     f"scored: {_listed(stats.no_content)}")
    if stats.repeated_roles:
        notes.append(f"{_count(stats.repeated_roles, 'attribution')} repeating a role (Content2): "
                     "its spans are pieces of one")
    notes += _problem_notes(stats)
    return notes


def _problem_notes(stats: GoldStats) -> list[str]:
    notes = []
    if stats.beyond_text:
        notes.append(f"{_count(len(stats.beyond_text), 'attribution')} skipped, a span ends "
                     f"beyond the text: {_listed(stats.beyond_text)}")
    if stats.text_differs:
        notes.append(f"{_count(len(stats.text_differs), 'span')} whose stored text differs "
                     "from the text at their offsets (scored by offsets): "
                     f"{_listed(stats.text_differs)}")
    if stats.unannotated:
        notes.append(f"{_count(len(stats.unannotated), 'text')} without a .ann file, not scored: "
                     f"{_listed(stats.unannotated)}")
    if stats.orphans:
        notes.append(f"{_count(len(stats.orphans), '.ann file')} without a text: "
                     f"{_listed(stats.orphans)}")
    return notes


# --- scoring ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Prediction:
    """One predicted attribution: its content pieces, speaker range and cue range."""

    content: tuple[Range, ...]
    speaker: Range | None = None
    cue: Range | None = None


class WordIndex:
    """The word characters of a text (those inside `\\w+` tokens), counted so that the word
    characters two ranges share are found in constant time."""

    def __init__(self, text: str) -> None:
        self.tokens: list[Range] = [match.span() for match in WORD.finditer(text)]
        mask = bytearray(len(text))
        for start, end in self.tokens:
            mask[start:end] = b"\x01" * (end - start)
        self._before = list(accumulate(mask, initial=0))

    def shared(self, a: Range, b: Range) -> int:
        """How many word characters ranges a and b have in common."""
        limit = len(self._before) - 1
        start, end = max(a[0], b[0], 0), min(a[1], b[1], limit)
        return self._before[end] - self._before[start] if start < end else 0

    def shared_pieces(self, a: Iterable[Range], b: Iterable[Range]) -> int:
        """Word characters two sets of pieces have in common (pieces of one set are disjoint)."""
        others = list(b)
        return sum(self.shared(x, y) for x in a for y in others)

    def overlap(self, a: Iterable[Range], b: Iterable[Range]) -> bool:
        """Whether two sets of pieces share a word character, or, when one holds none (a
        colon or a dash as a cue), any character."""
        first, second = list(a), list(b)
        if self.shared_pieces(first, second):
            return True
        if self.shared_pieces(first, first) and self.shared_pieces(second, second):
            return False
        return any(max(x[0], y[0]) < min(x[1], y[1]) for x in first for y in second)

    def covered(self, pieces: Iterable[Range]) -> set[int]:
        """The indexes of the tokens that share a character with any of the pieces."""
        mask = bytearray(len(self._before) - 1)
        for start, end in pieces:
            start, end = max(start, 0), min(end, len(mask))
            mask[start:end] = b"\x01" * max(end - start, 0)
        return {i for i, (start, end) in enumerate(self.tokens) if mask.find(1, start, end) >= 0}


def attribution_rows() -> dict[str, Counts]:
    return {name: Counts(name) for name in ROWS}


def merge_by_cue(predicted: Iterable[Prediction]) -> list[Prediction]:
    """One prediction per cue range, content pieces pooled (PolNeAR: one attribution a cue);
    predictions without a cue, or without content, stay as they are / are dropped."""
    merged: dict[object, Prediction] = {}
    for index, prediction in enumerate(predicted):
        if not any(end > start for start, end in prediction.content):
            continue
        key: object = prediction.cue if prediction.cue is not None else index
        earlier = merged.get(key)
        merged[key] = prediction if earlier is None else replace(
            earlier, content=earlier.content + prediction.content,
            speaker=earlier.speaker or prediction.speaker)
    return list(merged.values())


def match_by_overlap(gold: Sequence[Attribution], predicted: Sequence[Prediction],
                     words: WordIndex) -> list[tuple[int, int]]:
    """A maximum one-to-one matching (gold index, predicted index) of gold attributions to
    predictions overlapping their content; each gold tries its most-overlapping predictions
    first, so a prediction spanning two gold quotes pairs with the one it covers most."""
    candidates = []
    for attribution in gold:
        fitting = [i for i, p in enumerate(predicted)
                   if words.overlap(attribution.content, p.content)]
        candidates.append(sorted(fitting, key=lambda i: -words.shared_pieces(
            attribution.content, predicted[i].content)))
    owner: dict[int, int] = {}
    for g in range(len(gold)):
        _claim(g, candidates, owner, set())
    return sorted((g, p) for p, g in owner.items())


def _claim(g: int, candidates: list[list[int]], owner: dict[int, int], seen: set[int]) -> bool:
    """Augmenting path search: give gold g a prediction, moving earlier owners if need be."""
    for p in candidates[g]:
        if p in seen:
            continue
        seen.add(p)
        if p not in owner or _claim(owner[p], candidates, owner, seen):
            owner[p] = g
            return True
    return False


def add_span_case(row: Counts, predicted: Range | None, hit: bool) -> None:
    """One labelled span: a hit is correct; a wrong span is fp and fn; a missing one fn."""
    row.total += 1
    if hit:
        row.tp += 1
        row.correct += 1
    elif predicted is not None:
        row.fp += 1
        row.fn += 1
    else:
        row.fn += 1


def _score_roles(rows: dict[str, Counts], gold: Attribution, predicted: Prediction,
                 words: WordIndex) -> None:
    if gold.source:
        speaker = predicted.speaker
        hit = speaker is not None and words.overlap(gold.source, [speaker])
        add_span_case(rows["speaker.any"], speaker, hit)
        if speaker is not None:
            add_span_case(rows["speaker"], speaker, hit)
    if gold.cue and predicted.cue is not None:
        add_span_case(rows["cue"], predicted.cue, words.overlap(gold.cue, [predicted.cue]))


def _score_tokens(row: Counts, gold: Sequence[Attribution], predicted: Sequence[Prediction],
                  words: WordIndex) -> None:
    gold_tokens = words.covered(piece for a in gold for piece in a.content)
    predicted_tokens = words.covered(piece for p in predicted for piece in p.content)
    add_matches(row, len(gold_tokens & predicted_tokens), len(gold_tokens),
                len(predicted_tokens))


def score_document(rows: dict[str, Counts], text: str, gold: Sequence[Attribution],
                   predicted: Iterable[Prediction]) -> None:
    """Add one document's predictions, scored against its gold attributions, to the rows."""
    words = WordIndex(text)
    scored = [attribution for attribution in gold if attribution.content]
    merged = merge_by_cue(predicted)
    pairs = match_by_overlap(scored, merged, words)
    add_matches(rows["content"], len(pairs), len(scored), len(merged))
    _score_tokens(rows["content.tokens"], scored, merged, words)
    for g, p in pairs:
        _score_roles(rows, scored[g], merged[p], words)


def score_documents(documents: Sequence[GoldDocument],
                    predictions: Sequence[Iterable[Prediction]]) -> dict[str, Counts]:
    """Every document's predictions (in document order) scored into fresh rows."""
    if len(documents) != len(predictions):
        raise ValueError(f"{len(predictions)} prediction lists for {len(documents)} documents")
    rows = attribution_rows()
    for document, predicted in zip(documents, predictions, strict=True):
        score_document(rows, document.text, document.attributions, predicted)
    return rows


def attribution_report(name: str, gold: Path | str, corpus: GoldCorpus,
                       predictions: Sequence[Iterable[Prediction]]) -> Report:
    """A Report of one system's predictions on the corpus, with the gold notes."""
    rows = score_documents(corpus.documents, predictions)
    report = Report(name, str(gold), len(corpus.documents), list(rows.values()))
    report.notes += [SCORING_NOTE, *gold_notes(corpus.stats)]
    return report


# --- our pipeline ----------------------------------------------------------------------------


def quote_prediction(quote: Quote) -> Prediction:
    """A pipeline quote as a prediction: its content span, speaker mention and cue."""
    speaker = quote.speaker
    return Prediction(
        content=((quote.content.start, quote.content.end),),
        speaker=(speaker.start, speaker.end) if speaker is not None else None,
        cue=(quote.cue.start, quote.cue.end) if quote.cue is not None else None,
    )


def predict_quotes(pipeline: Pipeline, documents: Sequence[GoldDocument],
                   ) -> tuple[list[list[Prediction]], list[str]]:
    """The pipeline's quotes on each raw text, and notes on texts that failed (no quotes)."""
    from ..pipeline import StageError

    predictions: list[list[Prediction]] = []
    failed: list[str] = []
    pairs = ((Article(id=d.id, text=d.text), d.id) for d in documents)
    for result, document_id in pipeline.pipe_with_context(pairs):
        if isinstance(result, StageError):
            failed.append(f"{document_id} ({result})")
            predictions.append([])
        else:
            predictions.append([quote_prediction(q) for q in result.quotes])
    notes = [f"{_count(len(failed), 'text')} failed, scored as no quotes: {_listed(failed)}"
             ] if failed else []
    if documents and not any(predictions):
        notes.append("no quotes predicted on any text (is a quotes stage configured? stages: "
                     f"{', '.join(pipeline.stage_names)})")
    return predictions, notes


class PolnearEvaluator:
    name = "polnear"
    description = "quote content, speaker and cue spans (PolNeAR attribution relations, brat)"
    default_gold = "data/attribution/polnear/dev"

    def evaluate(self, pipeline: Pipeline, gold: Path, limit: int | None = None) -> Report:
        if not gold.is_dir():
            raise EvaluationError(f"{gold}: the PolNeAR gold is a folder (text/, attributions/)")
        corpus = load_polnear(gold, limit)
        predictions, notes = predict_quotes(pipeline, corpus.documents)
        report = attribution_report(self.name, gold, corpus, predictions)
        report.notes += notes
        return report


@registry.evaluators.register("polnear")
def make_polnear_evaluator() -> PolnearEvaluator:
    return PolnearEvaluator()
