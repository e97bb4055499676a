"""PolNeAR attribution evaluator: scoring on hand-made spans, the brat reader, end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_dossier, shared_path
from newsdossier.evaluate import EvaluationError, evaluator_names
from newsdossier.evaluate.attribution import (
    ROWS,
    Attribution,
    GoldCorpus,
    GoldDocument,
    GoldStats,
    Prediction,
    Range,
    WordIndex,
    attribution_report,
    attribution_rows,
    attributions_of,
    load_polnear,
    match_by_overlap,
    merge_by_cue,
    quote_prediction,
    read_ann,
    score_document,
    score_documents,
)
from newsdossier.model import Actor, Quote, Span

# Invented sentences (never PolNeAR text).
TEXT = (
    "Mayor Ines Calloway said the ferry will run again in March. "
    "“The harbour is safe,” the port authority said, “and the cranes are back.” "
    "Critics doubt it."
)


def at(text: str, phrase: str, nth: int = 0) -> Range:
    """The character range of the nth occurrence of a phrase in a text."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


MAYOR = Attribution("E1", content=(at(TEXT, "the ferry will run again in March"),),
                    source=(at(TEXT, "Mayor Ines Calloway"),), cue=(at(TEXT, "said"),))
PORT = Attribution("E2", content=(at(TEXT, "The harbour is safe,"),
                                  at(TEXT, "and the cranes are back.")),
                   source=(at(TEXT, "the port authority"),), cue=(at(TEXT, "said", 1),))


def score(gold: list[Attribution], predicted: list[Prediction], text: str = TEXT) -> dict:
    rows = attribution_rows()
    score_document(rows, text, gold, predicted)
    return {name: (row.tp, row.fp, row.fn, row.total) for name, row in rows.items()}


# --- overlap and matching ------------------------------------------------------------------------


def test_overlap_needs_a_shared_word_character() -> None:
    words = WordIndex(TEXT)
    quote = at(TEXT, "“")
    assert words.overlap([at(TEXT, "ferry will")], [at(TEXT, "will run")])
    assert words.shared(at(TEXT, "ferry will"), at(TEXT, "will run")) == 4
    before = (quote[0] - 7, quote[1])  # "March. “"
    after = (quote[0] - 1, quote[1] + 3)  # " “The"
    assert not words.overlap([before], [after])  # only " “" in common
    assert not words.overlap([at(TEXT, "ferry")], [at(TEXT, "harbour")])


def test_a_range_without_word_characters_overlaps_on_any_character() -> None:
    text = "Officials: the road stays shut."
    words = WordIndex(text)
    colon = at(text, ":")
    assert words.overlap([colon], [colon])
    assert words.overlap([colon], [(colon[0], colon[1] + 4)])
    assert not words.overlap([colon], [at(text, "road")])


def test_a_prediction_overlapping_the_gold_content_matches() -> None:
    rows = score([MAYOR], [Prediction((at(TEXT, "ferry will run"),))])
    assert rows["content"] == (1, 0, 0, 1)


def test_discontinuous_gold_content_is_the_set_of_its_pieces() -> None:
    second_piece_only = Prediction((at(TEXT, "the cranes are back"),))
    assert score([PORT], [second_piece_only])["content"] == (1, 0, 0, 1)
    gap_only = Prediction((at(TEXT, "the port authority said"),))
    assert score([PORT], [gap_only])["content"] == (0, 1, 1, 1)


def test_one_long_prediction_never_matches_two_gold_quotes() -> None:
    everything = Prediction(((0, len(TEXT)),))
    assert score([MAYOR, PORT], [everything])["content"] == (1, 0, 1, 2)


def test_matching_prefers_the_largest_overlap() -> None:
    words = WordIndex(TEXT)
    harbour = at(TEXT, "The harbour")
    wide = Prediction(((MAYOR.content[0][0], harbour[0] + 6),))  # all of MAYOR, "The ha"
    narrow = Prediction((at(TEXT, "harbour"),))
    assert match_by_overlap([PORT], [wide, narrow], words) == [(0, 1)]
    assert match_by_overlap([MAYOR, PORT], [wide, narrow], words) == [(0, 0), (1, 1)]


def test_matching_is_maximum() -> None:
    words = WordIndex(TEXT)
    march = at(TEXT, "March")
    big = Prediction(((march[0], PORT.content[0][1]),))  # "March" and the first port piece
    small = Prediction((at(TEXT, "cranes"),))
    # PORT prefers big, but MAYOR fits nothing else: PORT is moved onto small
    assert match_by_overlap([PORT, MAYOR], [big, small], words) == [(0, 1), (1, 0)]


def test_predictions_sharing_a_cue_are_one_attribution() -> None:
    cue = at(TEXT, "said", 1)
    halves = [Prediction((at(TEXT, "The harbour is safe"),), None, cue),
              Prediction((at(TEXT, "the cranes are back"),), at(TEXT, "the port authority"), cue)]
    merged = merge_by_cue(halves)
    assert len(merged) == 1 and len(merged[0].content) == 2
    assert merged[0].speaker == at(TEXT, "the port authority")
    rows = score([PORT], halves)
    assert rows["content"] == (1, 0, 0, 1)
    assert rows["speaker"] == (1, 0, 0, 1)


def test_predictions_without_a_cue_or_content_are_not_merged_or_are_dropped() -> None:
    one, two = Prediction((at(TEXT, "ferry"),)), Prediction((at(TEXT, "harbour"),))
    assert merge_by_cue([one, two, Prediction(((5, 5),))]) == [one, two]


def test_unmatched_predictions_are_false_positives() -> None:
    stray = Prediction((at(TEXT, "Critics doubt it"),))
    rows = score([MAYOR], [Prediction((at(TEXT, "ferry"),)), stray])
    assert rows["content"] == (1, 1, 0, 1)


# --- speaker, cue and tokens ---------------------------------------------------------------------


def test_speaker_overlapping_the_source_is_right() -> None:
    good = Prediction((at(TEXT, "ferry"),), at(TEXT, "Ines Calloway"), at(TEXT, "said"))
    rows = score([MAYOR], [good])
    assert rows["speaker"] == (1, 0, 0, 1)
    assert rows["speaker.any"] == (1, 0, 0, 1)
    assert rows["cue"] == (1, 0, 0, 1)
    wrong = Prediction((at(TEXT, "ferry"),), at(TEXT, "Critics"), at(TEXT, "doubt"))
    rows = score([MAYOR], [wrong])
    assert rows["speaker"] == (0, 1, 1, 1)
    assert rows["speaker.any"] == (0, 1, 1, 1)
    assert rows["cue"] == (0, 1, 1, 1)


def test_a_missing_speaker_counts_only_in_speaker_any() -> None:
    rows = score([MAYOR], [Prediction((at(TEXT, "ferry"),))])
    assert rows["speaker"][3] == 0
    assert rows["speaker.any"] == (0, 0, 1, 1)
    assert rows["cue"][3] == 0


def test_unmatched_predictions_are_not_scored_for_speaker() -> None:
    stray = Prediction((at(TEXT, "Critics doubt"),), at(TEXT, "Critics"))
    rows = score([MAYOR], [stray])
    assert rows["speaker"][3] == rows["speaker.any"][3] == 0


def test_gold_without_source_or_content_counts_only_where_it_can() -> None:
    no_source = Attribution("E3", content=MAYOR.content, cue=MAYOR.cue)
    no_content = Attribution("E4", source=PORT.source, cue=PORT.cue)
    predicted = Prediction((at(TEXT, "ferry"),), at(TEXT, "Critics"), at(TEXT, "said"))
    rows = score([no_source, no_content], [predicted])
    assert rows["content"] == (1, 0, 0, 1)
    assert rows["speaker"][3] == rows["speaker.any"][3] == 0
    assert rows["cue"] == (1, 0, 0, 1)


def test_content_tokens_measure_coverage() -> None:
    # gold: 7 tokens "the ferry will run again in March"; predicted: "will run again in
    # March. Critics" → 4 shared… plus "Critics" outside the gold
    predicted = [Prediction((at(TEXT, "run again in March"),)),
                 Prediction((at(TEXT, "Critics"),))]
    assert score([MAYOR], predicted)["content.tokens"] == (4, 1, 3, 7)


def test_spans_beyond_the_text_are_clamped_in_predictions() -> None:
    assert score([MAYOR], [Prediction(((MAYOR.content[0][0], 10_000),))])["content"][0] == 1


def test_score_documents_wants_one_prediction_list_per_document() -> None:
    document = GoldDocument("d", TEXT, (MAYOR, PORT))
    rows = score_documents([document], [[Prediction((at(TEXT, "ferry"),))]])
    assert list(rows) == list(ROWS)
    assert (rows["content"].tp, rows["content"].fn) == (1, 1)
    with pytest.raises(ValueError):
        score_documents([document], [])


def test_quote_prediction_takes_content_speaker_and_cue() -> None:
    quote = Quote(id="q1", kind="direct", content=Span(3, 9, "x"),
                  speaker=Actor(text="y", start=0, end=2), cue=Span(10, 14, "said"))
    assert quote_prediction(quote) == Prediction(((3, 9),), (0, 2), (10, 14))
    bare = Quote(id="q2", kind="indirect", content=Span(3, 9, "x"))
    assert quote_prediction(bare) == Prediction(((3, 9),), None, None)


def test_report_rows_and_notes() -> None:
    corpus = GoldCorpus([GoldDocument("d", TEXT, (MAYOR,))], GoldStats(no_source=2))
    report = attribution_report("polnear", "gold", corpus, [[]])
    assert [row.name for row in report.rows] == list(ROWS)
    assert report.cases == 1 and report.row("content").fn == 1
    assert any("2 attributions without a Source" in note for note in report.notes)


# --- the brat reader ------------------------------------------------------------------------------


def ann_lines(text: str) -> list[str]:
    """A brat annotation of TEXT: a plain attribution, a split one, a Discuss span."""
    mayor = at(text, "Mayor Ines Calloway")
    said = at(text, "said")
    content = at(text, "the ferry will run again in March")
    first, second = at(text, "The harbour is safe,"), at(text, "and the cranes are back.")
    port, said2 = at(text, "the port authority"), at(text, "said", 1)
    critics = at(text, "Critics doubt it.")
    return [
        "# an invented annotation",
        f"T1\tSource {mayor[0]} {mayor[1]}\tMayor Ines Calloway",
        f"T2\tCue {said[0]} {said[1]}\tsaid",
        f"T3\tContent {content[0]} {content[1]}\tthe ferry will run again in March",
        f"T4\tAttribution {said[0]} {said[1]}\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        f"T5\tContent {first[0]} {first[1]};{second[0]} {second[1]}\t"
        "The harbour is safe, and the cranes are back.",
        f"T6\tSource {port[0]} {port[1]}\tthe port authority",
        f"T7\tCue {said2[0]} {said2[1]}\tsaid",
        f"T8\tAttribution {said2[0]} {said2[1]}\tsaid",
        "E2\tAttribution:T8 Source:T6 Cue:T7 Content:T5 ",
        f"T9\tDiscuss {critics[0]} {critics[1]}\tCritics doubt it.",
    ]


def write_ann(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_ann_reader_reads_split_spans_and_ignores_unlinked_ones(tmp_path: Path) -> None:
    annotation = read_ann(write_ann(tmp_path / "a.ann", ann_lines(TEXT)))
    stats = GoldStats()
    attributions = attributions_of(annotation, TEXT, stats)
    assert attributions == [MAYOR, PORT]
    assert stats.unlinked == {"Discuss": 1}
    assert not stats.text_differs and not stats.beyond_text


def test_ann_reader_folds_numbered_roles(tmp_path: Path) -> None:
    lines = ann_lines(TEXT)
    first, second = at(TEXT, "The harbour is safe,"), at(TEXT, "and the cranes are back.")
    lines[6] = f"T5\tContent {first[0]} {first[1]}\tThe harbour is safe,"
    lines.insert(7, f"T10\tContent {second[0]} {second[1]}\tand the cranes are back.")
    lines[11] = "E2\tAttribution:T8 Source:T6 Cue:T7 Content:T5 Content2:T10"
    stats = GoldStats()
    attributions = attributions_of(read_ann(write_ann(tmp_path / "a.ann", lines)), TEXT, stats)
    assert attributions[1] == PORT
    assert stats.repeated_roles == 1


def test_attribution_without_source_and_relation_without_content(tmp_path: Path) -> None:
    lines = [*ann_lines(TEXT)[2:5], "E1\tAttribution-no-source:T4 Content:T3 Cue:T2",
             "E2\tAttribution-no-source:T4"]
    stats = GoldStats()
    found = attributions_of(read_ann(write_ann(tmp_path / "x.ann", lines)), TEXT, stats)
    assert [a.source for a in found] == [(), ()]
    assert found[1].content == ()
    assert stats.no_source == 2 and stats.no_content == ["x.ann:5"]


@pytest.mark.parametrize(("line", "message"), [
    ("T1\tSource 4 x\tMayor", "bad offsets"),
    ("T1\tSource 9 4\tMayor", "ends before it starts"),
    ("T1\tSource\tMayor", "not a brat text-bound line"),
    ("E1\tAttribution", "not a brat event line"),
    ("X1\twhat is this", "not a brat T or E line"),
    ("E1\tAttribution:T4 Content:T99", "does not define"),
])
def test_malformed_lines_name_the_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = write_ann(tmp_path / "bad.ann", [*ann_lines(TEXT)[:3], line])
    with pytest.raises(EvaluationError, match=message) as caught:
        read_ann(path)
    assert f"{path}:4" in str(caught.value)


def test_spans_beyond_the_text_skip_their_attribution(tmp_path: Path) -> None:
    short = TEXT[: at(TEXT, "“")[0]]  # the text ends before the port authority's quote
    stats = GoldStats()
    found = attributions_of(read_ann(write_ann(tmp_path / "b.ann", ann_lines(TEXT))), short,
                            stats)
    assert found == [MAYOR]
    assert stats.beyond_text == ["b.ann:7"]


def test_stored_text_differing_from_the_offsets_is_noted(tmp_path: Path) -> None:
    lines = ann_lines(TEXT)
    lines[1] = lines[1].replace("Mayor Ines Calloway", "Mayor Somebody Else")
    stats = GoldStats()
    attributions_of(read_ann(write_ann(tmp_path / "c.ann", lines)), TEXT, stats)
    assert stats.text_differs == ["c.ann:2"]


# --- the folder reader and end to end ------------------------------------------------------------

SECOND = "Ms Okafor told reporters the vote would wait. No one else spoke.\r\nIt rained."


def second_ann() -> list[str]:
    source, cue = at(SECOND, "Ms Okafor"), at(SECOND, "told")
    content = at(SECOND, "the vote would wait")
    return [f"T1\tSource {source[0]} {source[1]}\tMs Okafor",
            f"T2\tCue {cue[0]} {cue[1]}\ttold",
            f"T3\tContent {content[0]} {content[1]}\tthe vote would wait",
            f"T4\tAttribution {cue[0]} {cue[1]}\ttold",
            "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1"]


def polnear_folder(root: Path) -> Path:
    """A tiny PolNeAR-shaped folder: two annotated texts (one twice), one unannotated."""
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "alpha_2024-01-02_ferry.txt").write_bytes(TEXT.encode("utf-8"))
    (root / "text" / "beta_2024-01-03_vote.txt").write_bytes(SECOND.encode("utf-8"))
    (root / "text" / "gamma_2024-01-04_none.txt").write_text("Nothing here.", encoding="utf-8")
    write_ann(root / "attributions" / "alpha_2024-01-02_ferry_aa11.ann", ann_lines(TEXT))
    write_ann(root / "attributions" / "alpha_2024-01-02_ferry_bb22.ann", ann_lines(TEXT)[:6])
    write_ann(root / "attributions" / "beta_2024-01-03_vote_cc33.ann", second_ann())
    return root


def test_folder_reader_takes_the_first_annotation_and_keeps_raw_text(tmp_path: Path) -> None:
    corpus = load_polnear(polnear_folder(tmp_path / "gold"))
    assert [d.id for d in corpus.documents] == ["alpha_2024-01-02_ferry",
                                                "beta_2024-01-03_vote"]
    alpha, beta = corpus.documents
    assert alpha.annotation == "alpha_2024-01-02_ferry_aa11.ann"
    assert len(alpha.attributions) == 2
    assert beta.text == SECOND  # "\r\n" kept: offsets refer to the bytes as stored
    assert corpus.stats.multiple == ["alpha_2024-01-02_ferry (2 files)"]
    assert corpus.stats.unannotated == ["gamma_2024-01-04_none"]
    assert len(load_polnear(tmp_path / "gold", limit=1).documents) == 1


def test_folder_reader_wants_text_and_attributions(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="not a PolNeAR folder"):
        load_polnear(tmp_path)


def test_polnear_evaluator_is_registered() -> None:
    assert "polnear" in evaluator_names()


def evaluate_json(*args: str) -> dict:
    result = run_dossier("evaluate", "polnear", *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.slow
def test_polnear_adapter_end_to_end(tmp_path: Path) -> None:
    gold = polnear_folder(tmp_path / "gold")
    report = evaluate_json("--gold", str(gold))
    assert (report["evaluator"], report["cases"]) == ("polnear", 2)
    metrics = report["metrics"]
    assert list(metrics) == list(ROWS)
    assert metrics["content"]["n"] == 3
    assert metrics["content"]["tp"] + metrics["content"]["fn"] == 3
    assert metrics["speaker.any"]["n"] == metrics["content"]["tp"]
    assert any("annotated more than once" in note for note in report["notes"])
    assert any("without a .ann file" in note for note in report["notes"])
    assert evaluate_json("--gold", str(gold), "--limit", "1")["cases"] == 1


# --- the shared dev folder -----------------------------------------------------------------------


def test_shared_dev_folder_reads_cleanly() -> None:
    corpus = load_polnear(shared_path("data/attribution/polnear/dev"))
    assert len(corpus.documents) == 84
    assert not corpus.stats.beyond_text and not corpus.stats.text_differs
    assert len(corpus.stats.multiple) == 2


def test_polnear_report_shape_on_the_shared_dev_folder() -> None:
    gold = shared_path("data/attribution/polnear/dev")
    report = evaluate_json("--gold", str(gold))
    assert report["cases"] == 84
    assert list(report["metrics"]) == list(ROWS)
    content = report["metrics"]["content"]
    assert content["n"] == content["tp"] + content["fn"] > 2000
    assert report["metrics"]["speaker.any"]["n"] <= content["tp"]
