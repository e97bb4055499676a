"""The whole-article scorer (`dossier evaluate articles`) on a gold and records of our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_dossier, shared_path
from newsdossier.evaluate.articles import (
    ArticleGold,
    FoldedText,
    actor_agrees,
    find_corpus,
    gold_files,
    load_gold,
    pick_articles,
    score_article,
)
from newsdossier.evaluate.framework import EvaluationError

TEXT = ("Monday, March 2, 2026\n\nNorland’s army shelled the border town of Ostby on "
        "Sunday, killing 12 people, officials said.  Norland denied it. \u201cWe fired at "
        "nobody,\u201d said defence minister Ana Holm. Ostby police arrested 40 people.")


def span(text: str, start_text: str, *, within: str | None = None) -> dict:
    start = text.index(start_text)
    if within is not None:
        start = text.index(start_text, text.index(within))
    return {"start": start, "end": start + len(start_text), "text": start_text}


def sentence_of(text: str, piece: str) -> dict:
    start = text.index(piece)
    left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1)
    right = text.find(".", start) + 1
    return {"start": left, "end": right, "text": text[left:right]}


def actor(text: str, country: str | None, sector: str | None) -> dict:
    return {"text": text, "start": 0, "end": len(text), "country": country, "sector": sector}


def gold() -> ArticleGold:
    return ArticleGold(
        name="own", url_contains="x", published="2026-03-02", source="Test",
        events=[
            {"id": "E1", "evidence": ["army shelled the border town of Ostby"],
             "plover": ["ASSAULT"], "cameo": ["19"], "source": {"country": "NOR", "sector": "MIL"},
             "target": {"country": "OST"}, "date": "2026-03-01",
             "location": {"lat": 60.0, "lon": 10.0, "km": 25}, "required": True},
            {"id": "E2", "evidence": ["Norland denied it"], "plover": ["REJECT"],
             "cameo": ["12"], "source": {"country": "NOR"}, "required": True},
            {"id": "E3", "evidence": ["police arrested 40 people"], "plover": ["COERCE"],
             "cameo": ["17"], "required": False},
        ],
        quotes=[
            {"contains": "We fired at nobody", "speaker": ["Ana Holm"], "kind": "direct"},
            {"contains": "shelled the border town", "speaker": ["officials"], "kind": "indirect"},
        ],
        claims=[{"id": "C1", "claimant": {"country": "NOR", "sector": "GOV"},
                 "relation": "denies", "keywords": ["nobody"]}],
        locations=[{"name": "Ostby", "lat": 60.0, "lon": 10.0, "km": 25},
                   {"name": "Norland", "country": "NOR"}],
        quantities=[{"value": 12, "what": "killed"}, {"value": 40, "what": "arrested"}],
    )


def event(piece: str, type_: str, cameo: str, **fields: object) -> dict:
    return {"id": piece[:6], "type": type_, "cameo": cameo, "sentence": sentence_of(TEXT, piece),
            "trigger": span(TEXT, piece), "source": [], "target": [], "date": None,
            "status": "asserted", "location": None, **fields}


def record() -> dict:
    army = actor("Norland's army", "NOR", "MIL")
    ostby = {"text": "Ostby", "start": 0, "end": 5, "name": "Ostby", "country": "OST",
             "lat": 60.05, "lon": 10.02, "feature": "PPL"}
    return {
        "article": {"id": "own", "text": TEXT, "published": "2026-03-02"},
        "actors": [army, actor("Norland", "NOR", None)],
        "events": [
            event("shelled", "ASSAULT", "195", source=[army],
                  target=[actor("Ostby", "OST", None)], date="2026-03-01", location=ostby),
            event("shelled", "ASSAULT", "190"),          # a duplicate of E1
            event("denied it", "REJECT", "120", source=[actor("Norland", "NOR", None)]),
            event("nobody", "ASSAULT", "190"),           # junk: no gold event there
        ],
        "quotes": [
            {"id": "q1", "kind": "direct", "content": span(TEXT, "We fired at nobody"),
             "speaker": {**actor("Ana Holm", "NOR", "GOV"), "name": "Ana Holm"}},
            {"id": "q2", "kind": "indirect", "content": span(TEXT, "police arrested"),
             "speaker": None},
        ],
        "claims": [{"id": "c1", "stance": "denies", "content": span(TEXT, "We fired at nobody"),
                    "claimant": actor("Ana Holm", "NOR", "GOV")}],
        "places": [ostby, ostby, {"text": "Sunday", "start": 0, "end": 6, "name": "Sunday",
                                  "country": "USA", "lat": 40.0, "lon": -90.0, "feature": "PPL"}],
        "quantities": [{"value": 12, "span": span(TEXT, "12")},
                       {"value": 2026, "span": span(TEXT, "2026")},
                       {"value": 5, "unit": "percent", "span": span(TEXT, "40")}],
    }


def test_events_match_one_to_one_complete_first_and_duplicates_split_precision() -> None:
    score = score_article(gold(), record())
    c = score.counts
    assert (c["events.required"].tp, c["events.required"].fn) == (2, 0)
    assert (c["events.complete"].tp, c["events.complete"].fn) == (2, 0)
    # 4 predictions: 2 matched, 1 duplicate of E1, 1 junk
    assert (c["events.strict"].tp, c["events.strict"].fp) == (2, 2)
    assert (c["events.lenient"].tp, c["events.lenient"].fp) == (3, 1)
    assert any(line.startswith("duplicate:") for line in score.unmatched_predictions)


def test_an_event_misses_completeness_on_each_key_the_gold_gives() -> None:
    data = record()
    shelling = data["events"][0]
    shelling["date"] = "2026-03-02"
    shelling["location"] = None
    data["events"] = [shelling]
    score = score_article(gold(), data)
    assert score.counts["events.required"].tp == 1
    assert score.counts["events.complete"].tp == 0
    why = score.events[0].why
    assert "date" in why and "location" in why and "source" not in why


def test_quotes_claims_places_and_figures() -> None:
    c = score_article(gold(), record()).counts
    assert (c["quotes"].tp, c["quotes"].fn) == (1, 1)
    assert (c["quotes.predicted"].tp, c["quotes.predicted"].fp) == (1, 1)
    assert (c["quotes.speaker"].correct, c["quotes.speaker"].total) == (1, 1)
    assert c["claims"].tp == 1
    # Norland is found through an actor of that country; Ostby within 25 km
    assert (c["places"].tp, c["places"].fn) == (2, 0)
    # distinct predicted places: Ostby (right), Sunday (wrong)
    assert (c["places.predicted"].tp, c["places.predicted"].fp) == (1, 1)
    # 12 found, 40 missed; 2026 is wrong, the percentage is not counted
    assert (c["quantities"].tp, c["quantities"].fn) == (1, 1)
    assert (c["quantities.predicted"].tp, c["quantities.predicted"].fp) == (1, 1)


def test_claim_needs_stance_claimant_keyword_and_the_answered_claimant() -> None:
    g = gold()
    g.claims[0]["responds_to_claimant"] = {"country": "OST"}
    data = record()
    assert score_article(g, data).counts["claims"].tp == 0
    data["claims"].insert(0, {"id": "c0", "stance": "alleges", "content": span(TEXT, "shelled"),
                              "claimant": actor("Ostby", "OST", None)})
    data["claims"][1]["responds_to"] = "c0"
    assert score_article(g, data).counts["claims"].tp == 1
    data["claims"][1]["stance"] = "asserts"
    assert score_article(g, data).counts["claims"].tp == 0


def test_actor_agreement_rules() -> None:
    assert actor_agrees({"country": "DEU", "sector": "GOV"}, actor("Germany", "DEU", None))
    assert not actor_agrees({"country": "DEU", "sector": "BUS"}, actor("Germany", "DEU", None))
    assert actor_agrees({"country": "IGO"}, actor("the UN", "UNO", None))
    assert actor_agrees({"country": "EUR"}, actor("the EU", "IGO", None))
    assert not actor_agrees({"country": "EUR"}, actor("the UN", "UNO", None))
    assert actor_agrees({}, None)
    assert not actor_agrees({"sector": "JRN"}, None)


def test_snippets_are_found_after_folding_quotes_and_whitespace() -> None:
    folded = FoldedText("He said \u201cno\u201d.\n\n  Then  left.")
    [(start, end)] = folded.find_all('said "no". Then left')
    assert (start, end) == (3, 27)


def test_gold_files_corpus_and_article_picking(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "corpus" / "wikinews").mkdir(parents=True)
    rows = [{"url": "https://x/wiki/Alpha_story", "date": "2020-01-02", "title": "A",
             "text": "Alpha text."},
            {"url": "https://x/wiki/Beta_story", "date": "2020-01-03", "title": "B",
             "text": "Beta text."}]
    (data / "corpus" / "wikinews" / "wikinews.jsonl").write_text(
        "\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    folder = data / "articles" / "dev"
    folder.mkdir(parents=True)
    body = {"format": "newsdossier.article-gold/1",
            "input": {"kind": "wikinews", "url_contains": "Beta_", "published": "2020-01-03"}}
    (folder / "b.gold.json").write_text(json.dumps(body), encoding="utf-8")
    golds = [load_gold(p) for p in gold_files(folder)]
    [article] = pick_articles(find_corpus(folder), golds)
    assert (article.text, article.title, article.published) == ("Beta text.", "B", "2020-01-03")
    body["input"]["url_contains"] = "_story"
    (folder / "b.gold.json").write_text(json.dumps(body), encoding="utf-8")
    with pytest.raises(EvaluationError, match="picks 2 articles"):
        pick_articles(find_corpus(folder), [load_gold(folder / "b.gold.json")])
    (folder / "b.gold.json").write_text("{}", encoding="utf-8")
    with pytest.raises(EvaluationError, match="not an article gold file"):
        load_gold(folder / "b.gold.json")


def test_an_article_whose_run_fails_is_named_with_its_reason(tmp_path: Path,
                                                              monkeypatch) -> None:
    from newsdossier.evaluate import articles as module

    data = tmp_path / "data"
    (data / "corpus" / "wikinews").mkdir(parents=True)
    (data / "corpus" / "wikinews" / "wikinews.jsonl").write_text(json.dumps(
        {"url": "https://x/wiki/Gamma", "date": "2020-01-02", "title": "G",
         "text": "Gamma text."}), encoding="utf-8")
    folder = data / "articles" / "dev"
    folder.mkdir(parents=True)
    (folder / "g.gold.json").write_text(json.dumps(
        {"format": "newsdossier.article-gold/1",
         "input": {"kind": "wikinews", "url_contains": "Gamma"}}), encoding="utf-8")
    monkeypatch.setattr(module, "run_records", lambda pipeline, articles: [
        {"article": {"text": a.text}, "failed": "stage 'events' failed: TypeError: boom"}
        for a in articles])
    report = module.ArticlesEvaluator().evaluate(None, folder)
    assert "1 articles failed and were scored as empty" in report.notes
    assert any(n.startswith("failed: g") and "TypeError: boom" in n for n in report.notes)


def test_dossier_evaluate_articles_prints_the_table_and_per_article_rows() -> None:
    path = shared_path("data/articles/dev")
    result = run_dossier("evaluate", "articles", "--gold", str(path), "--limit", "2")
    assert result.returncode == 0, result.stderr
    assert "event recall" in result.stdout and "complete recall" in result.stdout
    assert "claim recall" in result.stdout
    lines = [line for line in result.stdout.splitlines() if line.startswith("wn")]
    assert len(lines) == 2
