"""Whole-article adapter (`articles`): the dossier of a real article against full-article gold.

The gold (`data/articles/dev/*.gold.json`, format `newsdossier.article-gold/1`) annotates
every political event, quotation, key claim, place and figure of one Wikinews article; its
`input.url_contains` picks the article out of `corpus/wikinews/wikinews.jsonl` (title, text,
published date; source "Wikinews"). The scoring follows `data/articles/README.md` and reads
only the record's JSON (`Record.to_dict()`, the `record-v1` schema), never the pipeline's own
objects, so the same scorer can score any producer's output:

* events — a prediction *fits* a gold event when its sentence overlaps one of the gold's
  evidence snippets (found in the record's text after folding curly quotes and runs of
  whitespace) and its type is among the gold's PLOVER types or its CAMEO code starts with one
  of the gold's codes; it is *complete* when source and target also agree on every key the
  gold gives (a bare country actor counts as GOV; UNO and EUR match IGO), its date starts with
  the gold date and its location lies within the gold's km. Matching is one-to-one, complete
  pairs first. Recall and complete recall are over required gold events; strict precision
  counts every prediction left without a gold partner as wrong (a duplicate too), lenient
  precision counts a duplicate (a prediction that fits an already matched gold event) as right.
* quotes — a prediction covers a gold quote when its content span covers at least half of the
  gold's `contains` snippet; the speaker is right when the predicted speaker's text or name
  and one of the gold names contain one another (case-insensitive).
* claims — recall: a predicted claim with a claimant agreeing with the gold's keys, the gold
  relation as stance, a keyword in its content and (where given) a response to a claim whose
  claimant agrees with `responds_to_claimant`.
* places — recall: a predicted place within the gold's km (a country entry: the country
  itself as a place, or an actor of that country); precision over distinct predicted places
  (name + coordinates) that satisfy some gold place.
* quantities — a gold figure is found when a predicted quantity has exactly its value;
  precision over predicted quantities that are not percentages.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import registry
from ..model import Article
from .framework import EvaluationError, find_shared_dir
from .metrics import Counts, Report

if TYPE_CHECKING:
    from ..pipeline import Pipeline

GOLD_FORMAT = "newsdossier.article-gold/1"
CORPUS = Path("corpus") / "wikinews" / "wikinews.jsonl"
IGO_MEMBERS = frozenset({"UNO", "EUR"})
COUNTRY_FEATURES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR"})
CURLY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                       "\u2032": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
                       "\u201f": '"', "\u2033": '"'})
Json = dict[str, Any]


# --- the gold ---------------------------------------------------------------------------------


@dataclass
class ArticleGold:
    name: str
    url_contains: str
    published: str | None
    source: str
    events: list[Json]
    quotes: list[Json]
    claims: list[Json]
    locations: list[Json]
    quantities: list[Json]


def gold_files(path: Path) -> list[Path]:
    """The gold files of a folder (sorted), or the one file given."""
    if path.is_dir():
        files = sorted(path.glob("*.gold.json")) or sorted(path.glob("*.json"))
        if not files:
            raise EvaluationError(f"{path}: no *.gold.json files")
        return files
    return [path]


def load_gold(path: Path) -> ArticleGold:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"{path}: not a readable JSON gold file ({exc})") from exc
    if not isinstance(data, dict) or data.get("format") != GOLD_FORMAT:
        raise EvaluationError(f"{path}: not an article gold file (format {GOLD_FORMAT})")
    source = data.get("input") or {}
    if not source.get("url_contains"):
        raise EvaluationError(f"{path}: input.url_contains is missing")
    return ArticleGold(
        name=path.name.removesuffix(".json").removesuffix(".gold"),
        url_contains=str(source["url_contains"]),
        published=source.get("published"),
        source=str(source.get("source") or "Wikinews"),
        events=list(data.get("events") or []),
        quotes=list(data.get("quotes") or []),
        claims=list(data.get("claims") or []),
        locations=list(data.get("locations") or []),
        quantities=list(data.get("quantities") or []),
    )


def find_corpus(gold: Path) -> Path:
    """`corpus/wikinews/wikinews.jsonl` beside an ancestor of the gold, else in shared data."""
    for folder in gold.resolve().parents:
        candidate = folder / CORPUS
        if candidate.exists():
            return candidate
    shared = find_shared_dir()
    if shared is not None and (shared / "data" / CORPUS).exists():
        return shared / "data" / CORPUS
    raise EvaluationError(f"{gold}: the article corpus ({CORPUS}) was not found beside it")


def pick_articles(corpus: Path, golds: Sequence[ArticleGold]) -> list[Article]:
    """Each gold's article: the one corpus row whose url contains its `url_contains`."""
    found: dict[str, list[Json]] = {g.name: [] for g in golds}
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            url = str(row.get("url") or "")
            for gold in golds:
                if gold.url_contains in url:
                    found[gold.name].append(row)
    articles = []
    for gold in golds:
        rows = found[gold.name]
        if len(rows) != 1:
            raise EvaluationError(f"{gold.name}: url_contains {gold.url_contains!r} picks "
                                  f"{len(rows)} articles of {corpus}, not one")
        row = rows[0]
        articles.append(Article(id=gold.name, text=str(row["text"]), title=row.get("title"),
                                published=gold.published or row.get("date"),
                                source=gold.source, url=row.get("url")))
    return articles


# --- text: finding a gold snippet in the record's text ---------------------------------------


class FoldedText:
    """The record's text with curly quotes straightened and whitespace runs made one space,
    with a map from folded positions back to the original offsets."""

    def __init__(self, text: str) -> None:
        chars: list[str] = []
        origin: list[int] = []
        previous_space = False
        for index, char in enumerate(text.translate(CURLY)):
            if char.isspace():
                if previous_space:
                    continue
                previous_space = True
                char = " "
            else:
                previous_space = False
            chars.append(char)
            origin.append(index)
        self.folded = "".join(chars)
        self.origin = origin
        self.length = len(text)

    def find_all(self, snippet: str) -> list[tuple[int, int]]:
        """Every occurrence of the snippet as (start, end) offsets into the original text."""
        needle = fold(snippet)
        if not needle:
            return []
        spans = []
        for match in re.finditer(re.escape(needle), self.folded):
            start = self.origin[match.start()]
            end = self.origin[match.end() - 1] + 1
            spans.append((start, end))
        if not spans:
            lowered = self.folded.lower()
            spans = [(self.origin[m.start()], self.origin[m.end() - 1] + 1)
                     for m in re.finditer(re.escape(needle.lower()), lowered)]
        return spans


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(CURLY)).strip()


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def covered(span: tuple[int, int], by: tuple[int, int]) -> int:
    return max(0, min(span[1], by[1]) - max(span[0], by[0]))


# --- actors and places ------------------------------------------------------------------------


def _upper(value: object) -> str | None:
    return value.strip().upper() if isinstance(value, str) and value.strip() else None


def country_agrees(gold: str, predicted: str | None) -> bool:
    if predicted is None:
        return False
    if gold == predicted:
        return True
    return (gold == "IGO" and predicted in IGO_MEMBERS) or (
        predicted == "IGO" and gold in IGO_MEMBERS)


def actor_agrees(gold: Json, actor: Json | None) -> bool:
    """The actor agrees on every key the gold gives; a bare country actor counts as GOV."""
    wanted_country = _upper(gold.get("country"))
    wanted_sector = _upper(gold.get("sector"))
    if wanted_country is None and wanted_sector is None:
        return True
    if not actor:
        return False
    country = _upper(actor.get("country"))
    sector = _upper(actor.get("sector"))
    if sector is None and country is not None:
        sector = "GOV"
    if wanted_country is not None and not country_agrees(wanted_country, country):
        return False
    return wanted_sector is None or wanted_sector == sector


def side_agrees(gold: Json | None, actors: Iterable[Json]) -> bool:
    """Some actor of the predicted side agrees with the gold side (an empty gold side agrees
    with anything)."""
    if not gold or (not gold.get("country") and not gold.get("sector")):
        return True
    return any(actor_agrees(gold, actor) for actor in actors)


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def within(gold: Json, place: Json | None) -> bool:
    """A place within the gold location's km of its point."""
    if not place or place.get("lat") is None or place.get("lon") is None:
        return False
    if gold.get("lat") is None or gold.get("lon") is None:
        return False
    distance = km_between(float(gold["lat"]), float(gold["lon"]),
                          float(place["lat"]), float(place["lon"]))
    return distance <= float(gold.get("km", 161))


def is_country_place(place: Json) -> bool:
    feature = str(place.get("feature") or "")
    return feature in COUNTRY_FEATURES or feature.startswith("PCL")


def place_satisfies(gold: Json, place: Json) -> bool:
    """A predicted place satisfies a gold place: within its km, or (a country entry) the
    country itself."""
    if within(gold, place):
        return True
    wanted = _upper(gold.get("country"))
    return (wanted is not None and _upper(place.get("country")) == wanted
            and is_country_place(place))


def gold_place_found(gold: Json, record: Json) -> bool:
    if any(place_satisfies(gold, place) for place in record.get("places") or []):
        return True
    wanted = _upper(gold.get("country"))
    if wanted is None:
        return False
    return any(country_agrees(wanted, _upper(actor.get("country")))
               for actor in record.get("actors") or [])


# --- one article scored -----------------------------------------------------------------------


def matching(n_gold: int, n_predicted: int, fits: Callable[[int, int], bool],
             taken_gold: set[int] | None = None, taken_predicted: set[int] | None = None,
             ) -> dict[int, int]:
    """A maximum one-to-one matching (predicted index → gold index) among free items."""
    taken_gold = taken_gold or set()
    taken_predicted = taken_predicted or set()
    owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for p in range(n_predicted):
            if p in taken_predicted or p in seen or not fits(g, p):
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in range(n_gold):
        if g not in taken_gold:
            augment(g, set())
    return owner


@dataclass
class EventVerdict:
    gold_id: str
    required: bool
    what: str
    matched: bool = False
    complete: bool = False
    why: str = ""


@dataclass
class ArticleScore:
    name: str
    counts: dict[str, Counts] = field(default_factory=dict)
    events: list[EventVerdict] = field(default_factory=list)
    unmatched_predictions: list[str] = field(default_factory=list)
    missed_quotes: list[str] = field(default_factory=list)
    wrong_speakers: list[str] = field(default_factory=list)
    junk_quotes: list[str] = field(default_factory=list)
    missed_claims: list[str] = field(default_factory=list)
    missed_places: list[str] = field(default_factory=list)
    junk_places: list[str] = field(default_factory=list)
    missed_quantities: list[str] = field(default_factory=list)
    junk_quantities: list[str] = field(default_factory=list)


# Recall rows count gold items (tp found, fn missed); `.predicted` and the precision rows
# count predictions (tp right, fp wrong); `quotes.speaker` is an accuracy.
ROWS = ("events.required", "events.complete", "events.strict", "events.lenient",
        "quotes", "quotes.predicted", "quotes.speaker", "claims", "places", "places.predicted",
        "quantities", "quantities.predicted")


def new_counts() -> dict[str, Counts]:
    return {name: Counts(name) for name in ROWS}


class ArticleScorer:
    """Scores one record (its JSON) against one article's gold."""

    def __init__(self, gold: ArticleGold, record: Json) -> None:
        self.gold = gold
        self.record = record
        self.text = FoldedText(str(record["article"]["text"]))
        self.score = ArticleScore(gold.name, new_counts())

    def run(self) -> ArticleScore:
        self.score_events()
        self.score_quotes()
        self.score_claims()
        self.score_places()
        self.score_quantities()
        return self.score

    # events
    def evidence_spans(self, gold: Json) -> list[tuple[int, int]]:
        return [span for snippet in gold.get("evidence") or [] for span in
                self.text.find_all(str(snippet))]

    def score_events(self) -> None:
        gold_events = self.gold.events
        predicted = list(self.record.get("events") or [])
        evidence = [self.evidence_spans(g) for g in gold_events]
        sentences = [_span(e.get("sentence")) for e in predicted]

        def fits(g: int, p: int) -> bool:
            return (any(overlaps(sentences[p], span) for span in evidence[g])
                    and type_fits(gold_events[g], predicted[p]))

        def complete(g: int, p: int) -> bool:
            return fits(g, p) and not incomplete_reasons(gold_events[g], predicted[p])

        first = matching(len(gold_events), len(predicted), complete)
        rest = matching(len(gold_events), len(predicted), fits,
                        set(first.values()), set(first))
        pairs = {**first, **rest}
        gold_to_predicted = {g: p for p, g in pairs.items()}
        counts = self.score.counts
        for g, gold in enumerate(gold_events):
            required = bool(gold.get("required", True))
            verdict = EventVerdict(str(gold.get("id", g)), required, str(gold.get("what", "")))
            if g in gold_to_predicted:
                verdict.matched = True
                verdict.complete = gold_to_predicted[g] in first
                if not verdict.complete:
                    verdict.why = "; ".join(incomplete_reasons(gold, predicted[
                        gold_to_predicted[g]]))
            else:
                verdict.why = self.miss_reason(gold, evidence[g], predicted, sentences)
            self.score.events.append(verdict)
            if required:
                _tally(counts["events.required"], verdict.matched)
                _tally(counts["events.complete"], verdict.complete)
        duplicates = 0
        for p, event in enumerate(predicted):
            if p in pairs:
                continue
            if any(fits(g, p) for g in range(len(gold_events))):
                duplicates += 1
                self.score.unmatched_predictions.append("duplicate: " + describe_event(event))
            else:
                self.score.unmatched_predictions.append(describe_event(event))
        counts["events.strict"].tp += len(pairs)
        counts["events.strict"].fp += len(predicted) - len(pairs)
        counts["events.lenient"].tp += len(pairs) + duplicates
        counts["events.lenient"].fp += len(predicted) - len(pairs) - duplicates

    def miss_reason(self, gold: Json, evidence: list[tuple[int, int]], predicted: list[Json],
                    sentences: list[tuple[int, int]]) -> str:
        if not evidence:
            return "evidence not found in the text"
        in_sentence = [event for event, sentence in zip(predicted, sentences, strict=True)
                       if any(overlaps(sentence, span) for span in evidence)]
        if not in_sentence:
            return "no event in the evidence sentences"
        types = ", ".join(f"{e.get('type')}({e.get('cameo')})" for e in in_sentence)
        return f"wrong type: {types}"

    # quotes
    def score_quotes(self) -> None:
        quotes = list(self.record.get("quotes") or [])
        contents = [_span(q.get("content")) for q in quotes]
        useful = [False] * len(quotes)
        counts = self.score.counts
        for gold in self.gold.quotes:
            spans = self.text.find_all(str(gold.get("contains", "")))
            covering = [p for p, content in enumerate(contents)
                        if any(2 * covered(span, content) >= span[1] - span[0]
                               for span in spans)]
            for p in covering:
                useful[p] = True
            _tally(counts["quotes"], bool(covering))
            if not covering:
                self.score.missed_quotes.append(f"{gold.get('contains')!r} "
                                                f"({', '.join(gold.get('speaker') or [])})")
                continue
            names = [str(n) for n in gold.get("speaker") or [] if n]
            if names:
                right = any(speaker_right(names, quotes[p].get("speaker")) for p in covering)
                counts["quotes.speaker"].total += 1
                counts["quotes.speaker"].correct += int(right)
                if not right:
                    said = "; ".join(_speaker_text(quotes[p].get("speaker")) for p in covering)
                    self.score.wrong_speakers.append(f"{gold.get('contains')!r}: gold "
                                                     f"{names[0]!r}, predicted {said!r}")
        counts["quotes.predicted"].tp += useful.count(True)
        counts["quotes.predicted"].fp += useful.count(False)
        for quote, ok in zip(quotes, useful, strict=True):
            if not ok:
                content = (quote.get("content") or {}).get("text", "")
                self.score.junk_quotes.append(
                    f"{_speaker_text(quote.get('speaker'))}: {content[:90]!r}")

    # claims
    def score_claims(self) -> None:
        claims = list(self.record.get("claims") or [])
        by_id = {c.get("id"): c for c in claims}
        row = self.score.counts["claims"]
        for gold in self.gold.claims:
            found = any(claim_fits(gold, claim, by_id) for claim in claims)
            _tally(row, found)
            if not found:
                self.score.missed_claims.append(
                    f"{gold.get('id')} {gold.get('relation')} by {gold.get('claimant')}: "
                    f"{gold.get('what', '')}")

    # places
    def score_places(self) -> None:
        row = self.score.counts["places"]
        for gold in self.gold.locations:
            found = gold_place_found(gold, self.record)
            _tally(row, found)
            if not found:
                self.score.missed_places.append(str(gold.get("name")))
        distinct: dict[tuple[Any, Any, Any], Json] = {}
        for place in self.record.get("places") or []:
            distinct.setdefault((place.get("name"), place.get("lat"), place.get("lon")), place)
        predicted = self.score.counts["places.predicted"]
        for place in distinct.values():
            if any(place_satisfies(gold, place) for gold in self.gold.locations):
                predicted.tp += 1
            else:
                predicted.fp += 1
                self.score.junk_places.append(f"{place.get('text')!r} → {place.get('name')} "
                                              f"({place.get('country')})")

    # quantities
    def score_quantities(self) -> None:
        quantities = [q for q in self.record.get("quantities") or [] if q.get("unit") != "percent"]
        values = [q.get("value") for q in quantities]
        row = self.score.counts["quantities"]
        for gold in self.gold.quantities:
            found = any(_same_number(gold.get("value"), v) for v in values)
            _tally(row, found)
            if not found:
                self.score.missed_quantities.append(f"{gold.get('value')} {gold.get('what')}")
        gold_values = [g.get("value") for g in self.gold.quantities]
        predicted = self.score.counts["quantities.predicted"]
        for quantity in quantities:
            if any(_same_number(g, quantity.get("value")) for g in gold_values):
                predicted.tp += 1
            else:
                predicted.fp += 1
                span = (quantity.get("span") or {}).get("text", "")
                self.score.junk_quantities.append(f"{quantity.get('value')} ({span!r})")


def _tally(row: Counts, found: bool) -> None:
    row.total += 1
    if found:
        row.tp += 1
        row.correct += 1
    else:
        row.fn += 1


def _span(span: Json | None) -> tuple[int, int]:
    if not span:
        return (0, 0)
    return int(span.get("start", 0)), int(span.get("end", 0))


def _same_number(a: object, b: object) -> bool:
    try:
        return a is not None and b is not None and float(a) == float(b)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def type_fits(gold: Json, event: Json) -> bool:
    if event.get("type") and event["type"] in (gold.get("plover") or []):
        return True
    cameo = str(event.get("cameo") or "")
    return bool(cameo) and any(cameo.startswith(str(code)) for code in gold.get("cameo") or [])


def incomplete_reasons(gold: Json, event: Json) -> list[str]:
    reasons = []
    if not side_agrees(gold.get("source"), event.get("source") or []):
        reasons.append(f"source {_actors_text(event.get('source'))} ≠ {gold.get('source')}")
    if not side_agrees(gold.get("target"), event.get("target") or []):
        reasons.append(f"target {_actors_text(event.get('target'))} ≠ {gold.get('target')}")
    if gold.get("date") and not str(event.get("date") or "").startswith(str(gold["date"])):
        reasons.append(f"date {event.get('date')} ≠ {gold['date']}")
    if gold.get("location") and not within(gold["location"], event.get("location")):
        where = event.get("location") or {}
        reasons.append(f"location {where.get('name')} ≠ {gold['location'].get('name')}")
    return reasons


def speaker_right(names: list[str], speaker: Json | None) -> bool:
    if not speaker:
        return False
    said = [str(s).lower() for s in (speaker.get("text"), speaker.get("name")) if s]
    return any(a in b or b in a for a in said for n in names for b in [n.lower()])


def claim_fits(gold: Json, claim: Json, by_id: dict[Any, Json]) -> bool:
    if claim.get("stance") != gold.get("relation"):
        return False
    if not actor_agrees(gold.get("claimant") or {}, claim.get("claimant")):
        return False
    content = fold(str((claim.get("content") or {}).get("text", ""))).lower()
    if not any(fold(str(k)).lower() in content for k in gold.get("keywords") or []):
        return False
    wanted = gold.get("responds_to_claimant")
    if wanted:
        answered = by_id.get(claim.get("responds_to"))
        return answered is not None and actor_agrees(wanted, answered.get("claimant"))
    return True


def _speaker_text(speaker: Json | None) -> str:
    if not speaker:
        return "?"
    return str(speaker.get("name") or speaker.get("text") or "?")


def _actors_text(actors: Iterable[Json] | None) -> str:
    names = [f"{a.get('text')}[{a.get('country') or ''}{a.get('sector') or ''}]"
             for a in actors or []]
    return ", ".join(names) or "?"


def describe_event(event: Json) -> str:
    sentence = (event.get("sentence") or {}).get("text", "")
    return (f"{_actors_text(event.get('source'))} → {event.get('type')}({event.get('cameo')}) "
            f"→ {_actors_text(event.get('target'))} | {sentence[:100]!r}")


# --- the whole gold set -----------------------------------------------------------------------


def score_article(gold: ArticleGold, record: Json) -> ArticleScore:
    return ArticleScorer(gold, record).run()


def total(scores: Iterable[ArticleScore]) -> dict[str, Counts]:
    rows = new_counts()
    for score in scores:
        for name, row in score.counts.items():
            into = rows.setdefault(name, Counts(name))
            into.tp += row.tp
            into.fp += row.fp
            into.fn += row.fn
            into.correct += row.correct
            into.total += row.total
    return rows


def summary_lines(rows: dict[str, Counts]) -> list[str]:
    r = rows
    return [
        f"event recall {r['events.required'].recall:.3f} · complete recall "
        f"{r['events.complete'].recall:.3f} · precision lenient "
        f"{r['events.lenient'].precision:.3f} / strict {r['events.strict'].precision:.3f}",
        f"quote recall {r['quotes'].recall:.3f} · precision "
        f"{r['quotes.predicted'].precision:.3f} · "
        f"speaker accuracy {r['quotes.speaker'].accuracy:.3f}",
        f"claim recall {r['claims'].recall:.3f}",
        f"places recall {r['places'].recall:.3f} · precision "
        f"{r['places.predicted'].precision:.3f}",
        f"quantities recall {r['quantities'].recall:.3f} · precision "
        f"{r['quantities.predicted'].precision:.3f}",
    ]


def per_article_table(scores: Sequence[ArticleScore]) -> list[str]:
    header = (f"{'article':<10} {'ev.R':>5} {'cmpl':>5} {'P.len':>5} {'P.str':>5} "
              f"{'q.R':>5} {'q.P':>5} {'spk':>5} {'cl.R':>5} {'pl.R':>5} {'pl.P':>5} "
              f"{'qt.R':>5} {'qt.P':>5}")
    lines = [header]
    for score in scores:
        c = score.counts
        cells = [c["events.required"].recall, c["events.complete"].recall,
                 c["events.lenient"].precision, c["events.strict"].precision,
                 c["quotes"].recall, c["quotes.predicted"].precision,
                 c["quotes.speaker"].accuracy, c["claims"].recall, c["places"].recall,
                 c["places.predicted"].precision, c["quantities"].recall,
                 c["quantities.predicted"].precision]
        lines.append(f"{score.name:<10} " + " ".join(f"{v:5.2f}" for v in cells))
    return lines


def explain(score: ArticleScore) -> Iterator[str]:
    """What went wrong in one article, for developers reading the output."""
    yield f"== {score.name}"
    for verdict in score.events:
        if verdict.complete:
            continue
        flag = "REQ" if verdict.required else "opt"
        state = "incomplete" if verdict.matched else "MISSED"
        yield f"  [{flag}] {verdict.gold_id} {state}: {verdict.what[:80]} — {verdict.why}"
    for line in score.unmatched_predictions:
        yield f"  extra event: {line}"
    for line in score.missed_quotes:
        yield f"  missed quote: {line}"
    for line in score.wrong_speakers:
        yield f"  wrong speaker: {line}"
    for line in score.junk_quotes:
        yield f"  extra quote: {line}"
    for line in score.missed_claims:
        yield f"  missed claim: {line}"
    for line in score.missed_places:
        yield f"  missed place: {line}"
    for line in score.junk_places:
        yield f"  extra place: {line}"
    for line in score.missed_quantities:
        yield f"  missed figure: {line}"
    for line in score.junk_quantities:
        yield f"  extra figure: {line}"


def run_records(pipeline: Pipeline, articles: Sequence[Article]) -> list[Json]:
    """The record JSON of each article; a failed article yields an empty record (noted)."""
    from ..pipeline import StageError

    records = []
    for result, article in pipeline.pipe_with_context((a, a) for a in articles):
        if isinstance(result, StageError):
            records.append({"article": {"text": article.text}, "failed": str(result)})
        else:
            records.append(result.to_dict())
    return records


class ArticlesEvaluator:
    name = "articles"
    description = "whole articles: events (complete), quotes, claims, places, figures"
    default_gold = "data/articles/dev"

    def __init__(self) -> None:
        self.scores: list[ArticleScore] = []
        self.records: list[Json] = []

    def evaluate(self, pipeline: Pipeline, gold: Path, limit: int | None = None) -> Report:
        golds = [load_gold(path) for path in gold_files(gold)][:limit]
        articles = pick_articles(find_corpus(gold), golds)
        self.records = run_records(pipeline, articles)
        self.scores = [score_article(g, r) for g, r in zip(golds, self.records, strict=True)]
        rows = total(self.scores)
        report = Report(self.name, str(gold), len(golds), [rows[name] for name in ROWS])
        report.notes.extend(summary_lines(rows))
        failed = [(g.name, str(r["failed"])) for g, r in zip(golds, self.records, strict=True)
                  if r.get("failed")]
        if failed:
            report.notes.append(f"{len(failed)} articles failed and were scored as empty")
            report.notes.extend(f"failed: {name}: {reason}" for name, reason in failed)
        report.appendix.extend(per_article_table(self.scores))
        return report


@registry.evaluators.register("articles")
def make_articles_evaluator() -> ArticlesEvaluator:
    return ArticlesEvaluator()
