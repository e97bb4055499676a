"""Claim threads: claims about the same proposition, across articles, in one thread.

When a record is stored, each of its claims joins a thread (in the same transaction):

* a claim that answers another claim of its article (`responds_to`: a denial, a dispute, a
  support) joins that claim's thread;
* any other claim joins the existing thread it is most like, if the score reaches
  JOIN_SCORE — else it opens a new thread. Candidates are the threads sharing at least
  MIN_SHARED_TERMS content words with it (an inverted index, `thread_terms`, finds them) and
  the threads the article's earlier claims went to. The score is the share of the claim's
  words the thread holds, each word weighted by its inverse thread frequency (a word most
  threads hold says little) and by how typical it is of the thread's claims (so a big,
  mixed thread does not swallow every claim that shares one of its words); plus PARTY_BONUS
  when claim and thread name a party in common (countries of the claimant and of what the
  claim is about), and ARTICLE_BONUS for a thread of the same article (one report mostly
  tells one story). When both name parties and none is shared, they never join.

Only allegations, denials, disputes, supports and claims citing evidence are threaded; other
statements keep no thread. A thread's label is the content of its first allegation (else its
first claim); its dates run from the earliest to the latest publication date of its articles.
With sentence embeddings on (setting `thread_embeddings`, the optional `embeddings` extra),
threads sharing one word are candidates too and the score blends the word share with the
cosine between the claim and the centroid of the thread's claims (EMBEDDED_JOIN_SCORE).

The constants were set on the Emergent headlines grouped by claim (`dossier evaluate
emergent-threads`, B-cubed F1 0.78 on words, 0.81 with embeddings) and the demo corpus.

The words are lower-cased, lightly stemmed content words without function words or the
words of saying and alleging, so "U.S. accuses Myanmar military of mass executions" and
"Myanmar rejects U.S. execution claims" share "myanmar" and "execut".
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Claim, Record
from .embeddings import Embedder, Vector, add_to_centroid, cosine

MIN_SHARED_TERMS = 2
JOIN_SCORE = 0.2
PARTY_BONUS = 0.1
PARTY_PENALTY = 1.0  # both name parties and none is shared: not the same proposition
NO_PARTY_PENALTY = 0.0
MAX_CANDIDATES = 25
MAX_CLAIM_TERMS = 200
TYPICALITY = 0.7
ARTICLE_BONUS = 0.2
LEXICAL_WEIGHT = 0.3
EMBEDDED_JOIN_SCORE = 0.55
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
STOPWORDS = frozenset({
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few",
    "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
    "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
    "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of",
    "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "same",
    "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
    "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
    "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which",
    "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself",
    "yourselves", "yet", "still", "even", "said", "says", "say", "saying", "told", "tell",
    "tells", "claim", "claims", "claimed", "claiming", "allege", "alleged", "alleges",
    "allegation", "allegations", "accuse", "accused", "accuses", "accusation", "accusations",
    "deny", "denied", "denies", "denial", "reject", "rejected", "rejects", "report", "reports",
    "reported", "statement", "according", "added", "add", "adds", "new", "one", "two",
    "three", "last", "next", "week", "month", "year", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "today", "yesterday", "mr", "mrs", "ms", "dr",
    "within", "without", "since", "among", "across", "around", "amid", "despite", "via", "day",
    "days", "hour", "hours", "four", "five", "six", "seven", "eight", "nine", "ten", "first",
    "second", "many", "much", "several", "might", "must", "may", "made",
    "per", "cent", "percent", "part", "parts", "way", "ways", "time", "times",
})


@dataclass(frozen=True, slots=True)
class Signature:
    terms: frozenset[str]
    parties: frozenset[str]


_SUFFIXES = (("ies", "y"), ("sses", "ss"), ("ations", "ate"), ("ation", "ate"),
             ("tions", "t"), ("tion", "t"), ("ings", ""), ("ing", ""), ("ied", "y"),
             ("ed", ""), ("es", ""), ("s", ""))


def stem(word: str) -> str:
    """A light English stem: "executions", "executed", "executing" → "execut", "hanged" →
    "hang", "detainees" → "detain"."""
    word = word.split("'")[0]
    for suffix, keep in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)] + keep
            break
    if word.endswith("e") and len(word) > 5:
        word = word[:-1]  # so "detainee" and "detained" meet at "detain"
    return word


def terms(text: str) -> frozenset[str]:
    """The claim's content words, stemmed: the first MAX_CLAIM_TERMS distinct ones (a claim
    is a sentence or a few; a runaway quotation must not make a query of thousands)."""
    found: dict[str, None] = {}
    for word in _WORD.findall(text.lower()):
        if len(word) > 2 and word not in STOPWORDS and not word.isdigit():
            found.setdefault(stem(word), None)
            if len(found) >= MAX_CLAIM_TERMS:
                break
    return frozenset(found)


def signature(claim: Claim) -> Signature:
    parties = {a.country for a in claim.about if a.country}
    if claim.claimant is not None and claim.claimant.country:
        parties.add(claim.claimant.country)
    return Signature(terms(claim.content.text), frozenset(parties))


def party_adjustment(claim: Signature, thread_parties: set[str]) -> float:
    if claim.parties and thread_parties:
        return PARTY_BONUS if claim.parties & thread_parties else -PARTY_PENALTY
    if thread_parties:
        return -NO_PARTY_PENALTY  # a claim naming no one joins a thread about someone
    return 0.0


@dataclass(slots=True)
class _Candidate:
    """A thread sharing words with the claim being placed."""

    thread_id: int
    members: int
    shared: dict[str, int]  # word → how many of the thread's claims hold it
    parties: set[str]
    vector: bytes | None
    claim_weight: float

    def coverage(self, weights: dict[str, float]) -> float:
        """The weighted share of the claim's words the thread holds, each counted by how
        typical it is of the thread's claims: a word one claim in ten holds counts less
        than a word all hold, so a large, mixed thread does not swallow every claim."""
        if not self.claim_weight:
            return 0.0
        held = sum(weights[word] * (claims / self.members) ** TYPICALITY
                   for word, claims in self.shared.items())
        return held / self.claim_weight


class ThreadIndex:
    """Reads and writes the thread tables through one open connection (the caller's
    transaction); with an embedder, also compares claims by meaning."""

    def __init__(self, conn: sqlite3.Connection, embedder: Embedder | None = None) -> None:
        self.conn = conn
        self.embedder = embedder

    def assign(self, record: Record) -> dict[str, int]:
        """The thread of each threaded claim of the record (claim id → thread id), stored."""
        assigned: dict[str, int] = {}
        claims = {claim.id: claim for claim in record.claims}
        ordered = _answered_first(c for c in record.claims if threaded(c))
        vectors = self._vectors(ordered)
        for claim in ordered:
            answered = claims.get(claim.responds_to or "")
            into = assigned.get(answered.id) if answered is not None else None
            assigned[claim.id] = self.place(claim, record.article.published, into=into,
                                            vector=vectors.get(claim.id),
                                            article_threads=set(assigned.values()))
        return assigned

    def place(self, claim: Claim, published: str | None, *, into: int | None = None,
              vector: Vector | None = None, article_threads: set[int] | None = None) -> int:
        """Put one claim in a thread — `into` if given, else the best existing thread (those
        the article's earlier claims went to get ARTICLE_BONUS: one report mostly tells one
        story) or a new one — and return the thread id."""
        sig = signature(claim)
        if vector is None and self.embedder is not None:
            vector = self._vectors([claim]).get(claim.id)
        thread = into
        if thread is None:
            thread = self._best_thread(sig, vector, article_threads or set())
        if thread is None:
            thread = self._new_thread(claim)
        self._add(thread, claim, sig, published, vector)
        return thread

    def _vectors(self, claims: list[Claim]) -> dict[str, Vector]:
        if self.embedder is None or not claims:
            return {}
        encoded = self.embedder.encode([claim.content.text for claim in claims])
        return {claim.id: vector for claim, vector in zip(claims, encoded, strict=True)}

    def _best_thread(self, sig: Signature, vector: Vector | None,
                     article_threads: set[int]) -> int | None:
        needed = 1 if vector is not None else MIN_SHARED_TERMS
        if not sig.terms:
            return None
        if len(sig.terms) < MIN_SHARED_TERMS:
            # "the deal": too little to match other articles on; its own article's story only
            if not article_threads:
                return None
            needed = len(sig.terms) + 1  # no thread outside the article qualifies
        weights = self._term_weights(sig.terms)
        best, best_score = None, JOIN_SCORE if vector is None else EMBEDDED_JOIN_SCORE
        for candidate in self._candidates(sig.terms, weights, needed, article_threads):
            coverage = candidate.coverage(weights)
            if vector is not None and candidate.vector:
                coverage = (LEXICAL_WEIGHT * coverage
                            + (1 - LEXICAL_WEIGHT) * cosine(vector, candidate.vector))
            value = coverage + party_adjustment(sig, candidate.parties)
            if candidate.thread_id in article_threads:
                value += ARTICLE_BONUS
            if value >= best_score:
                best, best_score = candidate.thread_id, value
        return best

    def _term_weights(self, words: frozenset[str]) -> dict[str, float]:
        """Inverse thread frequency: a word most threads hold ("isis", "government") says
        less about which thread a claim belongs to than a rare one ("baghdadi")."""
        marks = ",".join("?" for _ in words)
        spread = dict(self.conn.execute(
            f"SELECT term, count(*) FROM thread_terms WHERE term IN ({marks}) GROUP BY term",
            sorted(words)).fetchall())
        threads = self.conn.execute("SELECT max(thread_id) FROM claim_threads").fetchone()[0]
        return {word: math.log((1 + (threads or 0)) / (1 + spread.get(word, 0))) + 1
                for word in words}

    def _candidates(self, words: frozenset[str], weights: dict[str, float], needed: int,
                    article_threads: set[int]) -> list[_Candidate]:
        """Threads sharing at least `needed` words with the claim, and the article's own
        threads sharing at least one."""
        marks = ",".join("?" for _ in words)
        own = ",".join("?" for _ in article_threads) or "NULL"
        rows = self.conn.execute(
            f"SELECT thread_id, term, claims FROM thread_terms WHERE term IN ({marks}) "
            f"AND (thread_id IN (SELECT thread_id FROM thread_terms WHERE term IN ({marks}) "
            f"GROUP BY thread_id HAVING count(*) >= ? ORDER BY count(*) DESC, thread_id "
            f"LIMIT ?) OR thread_id IN ({own}))",
            (*sorted(words), *sorted(words), needed, MAX_CANDIDATES,
             *sorted(article_threads))).fetchall()
        shared: dict[int, dict[str, int]] = {}
        for thread_id, word, claims in rows:
            shared.setdefault(thread_id, {})[word] = claims
        if not shared:
            return []
        marks = ",".join("?" for _ in shared)
        candidates = []
        for thread_id, members, parties, blob in self.conn.execute(
                f"SELECT thread_id, members, parties, vector FROM claim_threads "
                f"WHERE thread_id IN ({marks}) ORDER BY thread_id", sorted(shared)):
            candidates.append(_Candidate(thread_id, max(members, 1), shared[thread_id],
                                         set(filter(None, (parties or "").split(","))),
                                         blob, sum(weights.values())))
        return candidates

    def _new_thread(self, claim: Claim) -> int:
        cursor = self.conn.execute(
            "INSERT INTO claim_threads(label, stance, n_terms, parties) VALUES (?,?,0,'')",
            (claim.content.text[:300], claim.stance),
        )
        return int(cursor.lastrowid or 0)

    def _add(self, thread: int, claim: Claim, sig: Signature, published: str | None,
             vector: Vector | None) -> None:
        self.conn.executemany(
            "INSERT INTO thread_terms(thread_id, term) VALUES (?, ?) "
            "ON CONFLICT(term, thread_id) DO UPDATE SET claims = claims + 1",
            [(thread, term) for term in sorted(sig.terms)],
        )
        row = self.conn.execute(
            "SELECT parties, stance, first_published, last_published, vector "
            "FROM claim_threads WHERE thread_id = ?", (thread,)).fetchone()
        parties = set(filter(None, (row[0] or "").split(","))) | set(sig.parties)
        label_update = claim.stance == "alleges" and row[1] != "alleges"
        first = min(filter(None, (row[2], published)), default=None)
        last = max(filter(None, (row[3], published)), default=None)
        n_terms = self.conn.execute("SELECT count(*) FROM thread_terms WHERE thread_id = ?",
                                    (thread,)).fetchone()[0]
        blob = row[4] if vector is None else add_to_centroid(row[4], vector)
        self.conn.execute(
            "UPDATE claim_threads SET n_terms = ?, parties = ?, first_published = ?, "
            "last_published = ?, vector = ?, members = members + 1"
            + (", label = ?, stance = 'alleges'" if label_update else "")
            + " WHERE thread_id = ?",
            (n_terms, ",".join(sorted(parties)), first, last, blob,
             *((claim.content.text[:300],) if label_update else ()), thread),
        )


def threaded(claim: Claim) -> bool:
    """Allegations and what answers them, and claims that cite evidence, make threads; a
    plain statement does not."""
    return claim.stance != "asserts" or bool(claim.evidence)


def _answered_first(claims: Iterable[Claim]) -> list[Claim]:
    """Claims in an order where an answered claim comes before its answers."""
    ordered: list[Claim] = []
    pending = list(claims)
    placed: set[str] = set()
    while pending:
        progress = False
        for claim in list(pending):
            if claim.responds_to is None or claim.responds_to in placed or claim.responds_to \
                    not in {c.id for c in pending} | placed:
                ordered.append(claim)
                placed.add(claim.id)
                pending.remove(claim)
                progress = True
        if not progress:  # a cycle cannot happen (answers point back), but never loop
            ordered.extend(pending)
            break
    return ordered
