"""Geoparsing evaluators: distances, scoring on hand-made spans, the gold reader, a fake stage."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from conftest import run_dossier, shared_path
from newsdossier.evaluate import Counts, EvaluationError, evaluator_names, get_evaluator
from newsdossier.evaluate.geo import (
    ALL_TOPONYMS,
    GWN_SCHEME,
    DocumentPrediction,
    GeoCorpus,
    GeoDocument,
    GeoStats,
    Guess,
    Range,
    Resolution,
    Toponym,
    error_auc,
    geo_report,
    guess_of,
    haversine_km,
    load_geo_gold,
    max_matching,
    parse_toponym,
    places_stage,
    population_resolver,
    predict_document,
    score_documents,
    score_e2e,
    score_spans,
)
from newsdossier.model import Article, Place, Record
from newsdossier.pipeline import StageError
from newsdossier.settings import load_settings

# Invented sentences and invented places (never text from the gold sets).
TEXT = ("The ferry from Port Halden reached Mirrowby on Tuesday. Officials in Kestral Bay "
        "said the Mirrowby harbour would stay open.")


def at(text: str, phrase: str, nth: int = 0) -> Range:
    """The character range of the nth occurrence of a phrase in a text."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def toponym(phrase: str, lat: float | None = None, lon: float | None = None, nth: int = 0,
            geonameid: int | None = None, kind: str | None = None) -> Toponym:
    start, end = at(TEXT, phrase, nth)
    return Toponym(start, end, phrase, lat, lon, geonameid, kind)


def place(phrase: str, lat: float | None, lon: float | None, nth: int = 0,
          geonameid: int | None = None) -> Place:
    start, end = at(TEXT, phrase, nth)
    return Place(text=phrase, start=start, end=end, lat=lat, lon=lon, geonameid=geonameid)


HALDEN = toponym("Port Halden", 10.0, 20.0, geonameid=101)
MIRROWBY = toponym("Mirrowby", 11.0, 21.0, geonameid=102)
KESTRAL = toponym("Kestral Bay", -5.0, 40.0)
MIRROWBY2 = toponym("Mirrowby", 11.0, 21.0, nth=1, geonameid=102)
UNPLACED = toponym("harbour")  # annotated, but without coordinates
DOCUMENT = GeoDocument("d1", TEXT, (HALDEN, MIRROWBY, KESTRAL, MIRROWBY2, UNPLACED))


# --- distances ---------------------------------------------------------------------------------


def test_haversine_matches_known_distances() -> None:
    london, paris = (51.5074, -0.1278), (48.8566, 2.3522)
    assert haversine_km(london, paris) == pytest.approx(343.6, abs=1.0)
    assert haversine_km(paris, london) == pytest.approx(haversine_km(london, paris))
    assert haversine_km((0.0, 0.0), (0.0, 1.0)) == pytest.approx(111.195, abs=0.01)
    assert haversine_km((0.0, 0.0), (0.0, 180.0)) == pytest.approx(math.pi * 6371.0088)
    assert haversine_km((90.0, 0.0), (-90.0, 0.0)) == pytest.approx(math.pi * 6371.0088)
    assert haversine_km(london, london) == 0.0
    assert haversine_km((10.0, 179.9), (10.0, -179.9)) < 25  # across the antimeridian


def test_error_auc_is_the_normalised_area_under_sorted_log_errors() -> None:
    assert error_auc([]) is None
    assert error_auc([0.0]) == 0.0
    assert error_auc([0.0, 0.0, 0.0]) == 0.0
    assert error_auc([161.0]) == pytest.approx(math.log(162) / math.log(20039))
    assert error_auc([20038.0, 0.0]) == pytest.approx(0.5)  # sorted: 0 then 1
    three = [math.log1p(e) / math.log(20039) for e in (0.0, 10.0, 1000.0)]
    expected = ((three[0] + three[1]) / 2 + (three[1] + three[2]) / 2) / 2
    assert error_auc([1000.0, 0.0, 10.0]) == pytest.approx(expected)


# --- resolution --------------------------------------------------------------------------------


def test_resolution_counts_correct_wrong_and_unresolved() -> None:
    score = Resolution(Counts("resolution"))
    score.add(HALDEN, Guess(10.5, 20.0, 101))       # ~56 km: correct, same id
    score.add(MIRROWBY, Guess(13.0, 21.0, 999))     # ~222 km: wrong
    score.add(KESTRAL, None)                        # unresolved
    row = score.row
    assert (row.correct, row.total) == (1, 3)
    assert (row.tp, row.fp, row.fn) == (1, 1, 2)
    assert row.accuracy == pytest.approx(1 / 3)
    assert row.precision == pytest.approx(1 / 2)  # correct among resolved
    assert row.recall == pytest.approx(row.accuracy)
    assert score.unresolved == 1 and len(score.errors) == 2
    assert (score.same_id, score.with_id) == (1, 2)
    note = score.note()
    assert "median error" in note and "1 unresolved" in note and "same GeoNames id for 1 of 2" \
        in note
    with pytest.raises(ValueError):
        score.add(UNPLACED, None)


def test_161_km_is_the_boundary() -> None:
    score = Resolution(Counts("resolution"))
    near = 160.9 / 111.195  # degrees of latitude for just under 161 km
    score.add(HALDEN, Guess(10.0 + near, 20.0))
    score.add(HALDEN, Guess(10.0 + 161.1 / 111.195, 20.0))
    assert (score.row.correct, score.row.total) == (1, 2)


def test_guess_of_a_place_needs_coordinates() -> None:
    assert guess_of(None) is None
    assert guess_of(place("Mirrowby", None, None)) is None
    assert guess_of(place("Mirrowby", 1.0, 2.0, geonameid=7)) == Guess(1.0, 2.0, 7)


# --- spans and end to end ------------------------------------------------------------------------


def spans_of(*toponyms: Toponym) -> list[Range]:
    return [t.span for t in toponyms]


def test_spans_are_scored_by_exact_match_with_overlap_extra() -> None:
    row = Counts("spans")
    gold = spans_of(HALDEN, MIRROWBY, KESTRAL)
    halden = at(TEXT, "Halden")        # overlaps Port Halden, not exact
    predicted = [MIRROWBY.span, halden, at(TEXT, "Tuesday")]
    extra = score_spans(row, gold, predicted)
    assert (row.tp, row.fp, row.fn, row.total) == (1, 2, 2, 3)
    assert extra == 1


def test_ignored_spans_drop_predictions_that_match_no_gold() -> None:
    row = Counts("spans.locational")
    gold, ignored = spans_of(HALDEN), spans_of(KESTRAL)
    predicted = [HALDEN.span, at(TEXT, "Kestral"), at(TEXT, "Tuesday")]
    score_spans(row, gold, predicted, ignored)
    assert (row.tp, row.fp, row.fn) == (1, 1, 0)  # Kestral ignored, Tuesday wrong


def test_one_prediction_matches_one_gold_span_only() -> None:
    row = Counts("spans")
    score_spans(row, [HALDEN.span], [HALDEN.span, HALDEN.span])
    assert (row.tp, row.fp, row.fn) == (1, 1, 0)


def test_e2e_wants_overlap_and_161_km() -> None:
    row = Counts("e2e")
    predicted = [
        place("Port Halden", 10.2, 20.1),        # right span, near: found
        place("Mirrowby", 40.0, 60.0),           # right span, far: fp and fn
        place("Kestral", -5.1, 40.0),            # overlap only, near: found
        place("Tuesday", 11.0, 21.0),            # overlaps no toponym: not judged here
        place("harbour", 0.0, 0.0),              # overlaps a toponym without coordinates
        place("Mirrowby", None, None, nth=1),    # no coordinates: not judged
    ]
    score_e2e(row, DOCUMENT.toponyms, predicted)
    assert (row.tp, row.fp, row.fn, row.total) == (2, 1, 2, 4)


def test_e2e_is_one_to_one() -> None:
    row = Counts("e2e")
    wide = Place(text="x", start=HALDEN.start, end=MIRROWBY.end, lat=10.5, lon=20.5)
    score_e2e(row, (HALDEN, MIRROWBY), [wide])
    assert (row.tp, row.fp, row.fn) == (1, 0, 1)


def test_max_matching_moves_earlier_choices() -> None:
    assert max_matching([[0, 1], [0]]) == [(0, 1), (1, 0)]
    assert max_matching([[], [0], [0]]) == [(1, 0)]


# --- documents and the report --------------------------------------------------------------------


def prediction_for(document: GeoDocument, places: list[Place],
                   resolved: list[Guess | None] | None = None) -> DocumentPrediction:
    located = document.located()
    return DocumentPrediction(places, resolved or [None] * len(located), [None] * len(located))


def test_score_documents_fills_every_row() -> None:
    resolved = [Guess(10.0, 20.0, 101), Guess(11.0, 21.0, 102), None, Guess(50.0, 0.0)]
    prediction = prediction_for(DOCUMENT, [place("Port Halden", 10.0, 20.0)], resolved)
    scores = score_documents([DOCUMENT], [prediction])
    rows = scores.rows
    assert list(rows) == ["resolution", "resolution.population", "spans", "e2e"]
    assert (rows["resolution"].correct, rows["resolution"].total) == (2, 4)
    assert (rows["resolution.population"].correct, rows["resolution.population"].total) == (0, 4)
    assert (rows["spans"].tp, rows["spans"].fn, rows["spans"].total) == (1, 4, 5)
    assert (rows["e2e"].tp, rows["e2e"].fn) == (1, 3)


def test_score_documents_checks_lengths() -> None:
    with pytest.raises(ValueError, match="predictions for 1 documents"):
        score_documents([DOCUMENT], [])
    with pytest.raises(ValueError, match="resolved answers"):
        score_documents([DOCUMENT], [DocumentPrediction([], [None], [None] * 4)])


def test_gwn_scheme_adds_the_locational_row() -> None:
    literal = toponym("Port Halden", 10.0, 20.0, kind="Literal")
    metonymic = toponym("Kestral Bay", -5.0, 40.0, kind="Metonymic")
    document = GeoDocument("g", TEXT, (literal, metonymic))
    predicted = [place("Port Halden", 10.0, 20.0), place("Kestral Bay", -5.0, 40.0),
                 place("Tuesday", 0.0, 0.0)]
    scores = score_documents([document], [prediction_for(document, predicted)], GWN_SCHEME)
    spans, locational = scores.rows["spans"], scores.rows["spans.locational"]
    assert (spans.tp, spans.fp, spans.fn) == (2, 1, 0)
    assert (locational.tp, locational.fp, locational.fn) == (1, 1, 0)


def test_report_rows_and_notes() -> None:
    corpus = GeoCorpus([DOCUMENT], GeoStats(outside_text=["g.jsonl:3: toponym 2"]))
    report = geo_report("lgl", "gold.jsonl", corpus, [prediction_for(DOCUMENT, [])])
    assert report.cases == 1 and report.row("resolution").total == 4
    notes = "\n".join(report.notes)
    assert "1 of 5 gold toponyms have no coordinates" in notes
    assert "1 toponym skipped, the span lies outside the text: g.jsonl:3: toponym 2" in notes
    assert "no places predicted on any text" in notes
    assert "resolution.population: nothing resolved (4 unresolved)" in notes


# --- the gold reader -----------------------------------------------------------------------------


def gold_line(text: str, toponyms: list[dict[str, Any]], **extra: Any) -> str:
    return json.dumps({"text": text, "toponyms": toponyms, **extra})


def entry(phrase: str, lat: float | None = None, lon: float | None = None, nth: int = 0,
          text: str = TEXT, **extra: Any) -> dict[str, Any]:
    start, end = at(text, phrase, nth)
    return {"start": start, "end": end, "phrase": phrase, "lat": lat, "lon": lon, **extra}


SECOND = "Rain closed the Vell Pass road.\r\nTraffic went through Onsa instead."


def write_gold(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def fixture_lines() -> list[str]:
    first = [entry("Port Halden", 10.0, 20.0, geonameid="101"), entry("Mirrowby", 11, 21),
             entry("harbour"), {**entry("Kestral Bay", -5.0, 40.0), "end": len(TEXT) + 5},
             entry("Mirrowby", 11.0, 21.0), {**entry("Mirrowby", 11.0, 21.0, 1),
                                             "phrase": "Mirrowbie"},
             {"start": -8, "end": -1, "phrase": "Tuesday", "lat": 1.0, "lon": 1.0}]
    second = [entry("Vell Pass", 1.5, 2.5, text=SECOND), entry("Onsa", 3.0, 4.0, text=SECOND)]
    return [gold_line(TEXT, first, doc_id="a1", date="2009-03-20 10:00:00"), "",
            gold_line(SECOND, second), gold_line("Nothing here.", [], id=7)]


def test_reader_keeps_raw_text_and_notes_problems(tmp_path: Path) -> None:
    path = write_gold(tmp_path / "gold.jsonl", fixture_lines())
    corpus = load_geo_gold(path)
    first, second, third = corpus.documents
    assert (first.id, second.id, third.id) == ("a1", "3", "7")
    assert first.published == "2009-03-20"
    assert second.text == SECOND  # "\r\n" kept: offsets refer to the text as stored
    assert [t.phrase for t in first.toponyms] == ["Port Halden", "Mirrowby", "Mirrowbie",
                                                  "harbour"]  # sorted by offset
    assert first.toponyms[0].geonameid == 101 and first.toponyms[0].coordinates == (10.0, 20.0)
    assert len(first.located()) == 3 and third.toponyms == ()
    stats = corpus.stats
    assert stats.outside_text == ["gold.jsonl:1: toponym 3", "gold.jsonl:1: toponym 6"]
    assert stats.duplicates == ["gold.jsonl:1: toponym 4"]
    assert stats.text_differs == ["gold.jsonl:1: toponym 5"]
    assert [d.id for d in load_geo_gold(path, limit=2).documents] == ["a1", "3"]


def test_reader_stops_at_the_limit(tmp_path: Path) -> None:
    path = write_gold(tmp_path / "gold.jsonl", [*fixture_lines()[:1], "{broken"])
    assert len(load_geo_gold(path, limit=1).documents) == 1
    with pytest.raises(EvaluationError, match="not JSON"):
        load_geo_gold(path)


def test_reader_applies_the_gwn_scheme(tmp_path: Path) -> None:
    toponyms = [entry("Port Halden", 10.0, 20.0, type="Literal"),
                entry("Kestral Bay", -5.0, 40.0, type="Metonymic"),
                entry("harbour", type="Literal_Expression", non_locational=False),
                entry("Mirrowby", type="Demonym"), entry("Mirrowby", 11.0, 21.0, 1,
                                                         type="Non_Toponym")]
    path = write_gold(tmp_path / "gwn.jsonl", [gold_line(TEXT, toponyms)])
    corpus = load_geo_gold(path, scheme=GWN_SCHEME)
    assert [t.kind for t in corpus.documents[0].toponyms] == ["Literal", "Metonymic"]
    assert corpus.stats.excluded == {"Literal_Expression": 1, "Demonym": 1, "Non_Toponym": 1}
    assert len(load_geo_gold(path).documents[0].toponyms) == 5  # other sets: all kept


@pytest.mark.parametrize(("line", "message"), [
    ("[1, 2]", "not a JSON object"),
    ('{"toponyms": []}', "`text` must be a string"),
    ('{"text": "x", "toponyms": {}}', "`toponyms` must be a list"),
    ('{"text": "Onsa", "toponyms": [3]}', "toponym 0: a toponym must be a JSON object"),
    ('{"text": "Onsa", "toponyms": [{"start": "0", "end": 4}]}', "`start` must be an integer"),
    ('{"text": "Onsa", "toponyms": [{"end": 4}]}', "`start` must be an integer, not None"),
    ('{"text": "Onsa", "toponyms": [{"start": 0, "end": true}]}', "`end` must be"),
    ('{"text": "Onsa", "toponyms": [{"start": 3, "end": 1}]}', "empty or reversed span"),
    ('{"text": "Onsa", "toponyms": [{"start": 0, "end": 4, "lat": 1}]}', "both be numbers"),
    ('{"text": "Onsa", "toponyms": [{"start": 0, "end": 4, "lat": 95, "lon": 1}]}',
     "out of range"),
    ('{"text": "Onsa", "toponyms": [{"start": 0, "end": 4, "geonameid": "x1"}]}',
     "`geonameid` must be a number"),
    ('{"text": "Onsa", "toponyms": [{"start": 0, "end": 4, "phrase": 5}]}', "must be strings"),
])
def test_malformed_lines_name_the_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = write_gold(tmp_path / "bad.jsonl", [fixture_lines()[0], "", line])
    with pytest.raises(EvaluationError, match=message) as caught:
        load_geo_gold(path)
    assert f"{path}:3" in str(caught.value)


def test_undecodable_bytes_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"text": "ok", "toponyms": []}\n{"text": "caf\xe9", "toponyms": []}\n')
    with pytest.raises(EvaluationError, match=rf"{path}:2: not UTF-8"):
        load_geo_gold(path)


def test_parse_toponym_accepts_integer_ids_and_coordinates() -> None:
    parsed = parse_toponym({"start": 0, "end": 4, "lat": 1, "lon": -2, "geonameid": 55},
                           "f:1: toponym 0")
    assert parsed == Toponym(0, 4, "", 1.0, -2.0, 55, None)


# --- a fake places stage -------------------------------------------------------------------------


@dataclass
class FakeEntry:
    lat: float
    lon: float
    geonameid: int | None = None


@dataclass
class FakeGazetteer:
    table: dict[str, list[FakeEntry]]
    asked: list[str] = field(default_factory=list)

    def candidates(self, name: str) -> list[FakeEntry]:
        self.asked.append(name)
        return self.table.get(name, [])


GAZETTEER = {"Port Halden": [FakeEntry(10.1, 20.0, 101), FakeEntry(60.0, 5.0, 5)],
             "Mirrowby": [FakeEntry(45.0, -70.0, 9)]}


class FakeStage:
    """resolve_spans: the right place for Port Halden and Mirrowby, nothing for the rest."""

    name = "places"

    def __init__(self, fail_on: str | None = None, short: bool = False) -> None:
        self.gazetteer = FakeGazetteer(GAZETTEER)
        self.fail_on, self.short = fail_on, short
        self.calls: list[list[Range]] = []

    def resolve_spans(self, doc: Any, record: Record, spans: list[Range]) -> list[Place | None]:
        if self.fail_on is not None and record.article.id == self.fail_on:
            raise KeyError("no such place")
        self.calls.append(list(spans))
        text = record.article.text
        known = {"Port Halden": (10.0, 20.0, 101), "Mirrowby": (11.0, 21.0, 102)}
        answers: list[Place | None] = []
        for start, end in spans:
            found = known.get(text[start:end])
            answers.append(None if found is None else Place(
                text=text[start:end], start=start, end=end, lat=found[0], lon=found[1],
                geonameid=found[2]))
        return answers[:-1] if self.short else answers

    def __call__(self, doc: Any, record: Record) -> None:
        record.places = [place("Port Halden", 10.0, 20.0)] if record.article.text == TEXT else []


def test_predict_document_asks_the_stage_and_the_gazetteer() -> None:
    stage = FakeStage()
    record = Record(article=Article(id="d1", text=TEXT), places=[place("Mirrowby", 1.0, 1.0)])
    prediction = predict_document(stage, None, record, DOCUMENT,
                                  population_resolver(stage.gazetteer))
    assert stage.calls == [spans_of(HALDEN, MIRROWBY, KESTRAL, MIRROWBY2)]
    assert prediction.resolved == [Guess(10.0, 20.0, 101), Guess(11.0, 21.0, 102), None,
                                   Guess(11.0, 21.0, 102)]
    assert prediction.baseline == [Guess(10.1, 20.0, 101), Guess(45.0, -70.0, 9), None,
                                   Guess(45.0, -70.0, 9)]
    assert stage.gazetteer.asked == ["Port Halden", "Mirrowby", "Kestral Bay"]  # memoised
    assert [p.text for p in prediction.places] == ["Mirrowby"]


def test_predict_document_without_a_record_resolves_nothing() -> None:
    stage = FakeStage()
    prediction = predict_document(stage, None, None, DOCUMENT,
                                  population_resolver(stage.gazetteer))
    assert prediction.places == [] and prediction.resolved == [None] * 4
    assert stage.calls == []


def test_resolve_spans_must_answer_every_span() -> None:
    stage = FakeStage(short=True)
    record = Record(article=Article(id="d1", text=TEXT))
    with pytest.raises(EvaluationError, match="3 answers for 4 spans"):
        predict_document(stage, None, record, DOCUMENT, population_resolver(stage.gazetteer))


class FakeNlp:
    def pipe(self, texts: Any, as_tuples: bool = False, batch_size: int = 1) -> Any:
        assert as_tuples
        for text, context in texts:
            yield SimpleNamespace(text=text), context


class FakePipeline:
    """Just enough of Pipeline for the evaluator: the stage names, the stage, one parse."""

    def __init__(self, stage: FakeStage | None, broken: str | None = None) -> None:
        self.stage, self.broken = stage, broken
        self.nlp = FakeNlp()
        self.settings = SimpleNamespace(batch_size=2)
        self.stage_names = ["sentences", "places"] if stage is not None else ["sentences"]

    def get_stage(self, name: str) -> FakeStage:
        assert name == "places" and self.stage is not None
        return self.stage

    def apply_stages(self, doc: Any, article: Article) -> Record:
        assert doc.text == article.text  # the text exactly as stored
        if article.id == self.broken:
            raise StageError("quotes", ValueError("boom"))
        record = Record(article=article)
        assert self.stage is not None
        self.stage(doc, record)
        return record


def test_places_stage_is_required() -> None:
    with pytest.raises(EvaluationError, match="no 'places' stage"):
        places_stage(FakePipeline(None))  # type: ignore[arg-type]


def run_fake(tmp_path: Path, pipeline: FakePipeline, limit: int | None = None):
    path = write_gold(tmp_path / "gold.jsonl", fixture_lines())
    return get_evaluator("lgl").evaluate(pipeline, path, limit)  # type: ignore[arg-type]


def test_evaluator_end_to_end_on_a_fake_stage(tmp_path: Path) -> None:
    report = run_fake(tmp_path, FakePipeline(FakeStage()))
    assert report.evaluator == "lgl" and report.cases == 3
    resolution = report.row("resolution")
    # a1: Port Halden, Mirrowby, Mirrowbie(span "Mirrowby") right; second text: 2 unresolved
    assert (resolution.correct, resolution.total) == (3, 5)
    assert report.row("resolution.population").correct == 1  # only Port Halden's top entry
    assert (report.row("spans").tp, report.row("spans").total) == (1, 6)
    assert (report.row("e2e").tp, report.row("e2e").fn) == (1, 4)
    notes = "\n".join(report.notes)
    assert "2 toponyms skipped" in notes and "1 toponym annotating a span already" in notes
    assert run_fake(tmp_path, FakePipeline(FakeStage()), limit=1).cases == 1


def test_failures_are_noted_and_scored_as_nothing(tmp_path: Path) -> None:
    report = run_fake(tmp_path, FakePipeline(FakeStage(fail_on="a1"), broken="3"))
    assert report.row("resolution").correct == 0
    assert report.row("spans").tp == 1  # a1's places survive its resolve_spans failure
    notes = "\n".join(report.notes)
    assert "2 texts failed" in notes
    assert "resolve_spans: KeyError" in notes and "stage 'quotes' failed" in notes


def test_evaluator_without_a_places_stage_says_so(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="no 'places' stage"):
        run_fake(tmp_path, FakePipeline(None))


def test_geo_evaluators_are_registered() -> None:
    names = set(evaluator_names())
    assert {"lgl", "trnews", "gwn", "geovirus"} <= names
    assert get_evaluator("lgl").default_gold == "data/geo/LGL/lgl_gold.jsonl"
    assert get_evaluator("trnews").default_gold == "data/geo/TR-News/trnews_gold.jsonl"
    assert get_evaluator("gwn").default_gold == "data/geo/GeoWebNews/gwn_dev.jsonl"
    assert get_evaluator("geovirus").default_gold == "data/geo/GeoVirus/geovirus_gold.jsonl"


# --- the shared gold files -----------------------------------------------------------------------


@pytest.mark.parametrize(("name", "articles"), [
    ("lgl", 588), ("trnews", 118), ("gwn", 137), ("geovirus", 229)])
def test_shared_gold_files_read_cleanly(name: str, articles: int) -> None:
    evaluator = get_evaluator(name)
    corpus = load_geo_gold(shared_path(evaluator.default_gold),
                           scheme=getattr(evaluator, "scheme", ALL_TOPONYMS))
    assert len(corpus.documents) == articles
    assert not corpus.stats.duplicates
    # GWN dev has one article with negative offsets, two of them on toponyms proper
    assert len(corpus.stats.outside_text) == (2 if name == "gwn" else 0)
    assert sum(len(d.located()) for d in corpus.documents) > articles


@pytest.mark.slow
def test_lgl_evaluation_runs_on_the_shared_file() -> None:
    gold = shared_path("data/geo/LGL/lgl_gold.jsonl")
    if "places" not in load_settings().stages:
        pytest.skip("no 'places' stage in the default stages yet")
    result = run_dossier("evaluate", "lgl", "--gold", str(gold), "--limit", "3", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["evaluator"], report["cases"]) == ("lgl", 3)
    metrics = report["metrics"]
    assert list(metrics) == ["resolution", "resolution.population", "spans", "e2e"]
    assert metrics["resolution"]["n"] == metrics["resolution.population"]["n"] > 0
    assert metrics["e2e"]["n"] == metrics["resolution"]["n"]
    assert metrics["spans"]["n"] >= metrics["resolution"]["n"]
