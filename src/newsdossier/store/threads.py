"""Claim threads: claims about the same proposition, across articles, in one thread.

When a record is stored, each of its claims joins a thread (in the same transaction):

* a claim that answers another claim of its article (`responds_to`: a denial, a dispute, a
  support) joins that claim's thread;
* any other claim joins the existing thread it is most like — the threads sharing at least
  MIN_SHARED_TERMS content words with it (an inverted index, `thread_terms`, finds them),
  scored by the share of the claim's words the thread holds, with a bonus when they name the
  same parties (countries of the claimant and of what the claim is about), a penalty when
  both name parties and none is shared and a smaller one when only the thread names any —
  if the score reaches JOIN_SCORE;
* else it opens a new thread.

Only allegations, denials, disputes, supports and claims citing evidence are threaded; other
statements keep no thread. A thread's label is the content of its first allegation (else its
first claim); its dates run from the earliest to the latest publication date of its articles.
The words are lower-cased,
lightly stemmed content words without function words or the words of saying and alleging,
so "U.S. accuses Myanmar military of mass executions" and "Myanmar rejects U.S. execution
claims" share "myanmar", "execution" and "military"/"prison".
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Claim, Record

MIN_SHARED_TERMS = 2
JOIN_SCORE = 0.34
PARTY_BONUS = 0.15
PARTY_PENALTY = 0.2
NO_PARTY_PENALTY = 0.1
MAX_CANDIDATES = 25
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


def stem(word: str) -> str:
    """A light English stem: "executions" → "execution", "hanged" → "hang"."""
    word = word.split("'")[0]
    for suffix, keep in (("ies", "y"), ("sses", "ss"), ("ings", ""), ("ing", ""),
                         ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + keep
    return word


def terms(text: str) -> frozenset[str]:
    words = (_WORD.findall(text.lower()))
    return frozenset(stem(w) for w in words if len(w) > 2 and w not in STOPWORDS
                     and not w.isdigit())


def signature(claim: Claim) -> Signature:
    parties = {a.country for a in claim.about if a.country}
    if claim.claimant is not None and claim.claimant.country:
        parties.add(claim.claimant.country)
    return Signature(terms(claim.content.text), frozenset(parties))


def score(claim: Signature, thread_terms: int, shared: int, thread_parties: set[str]) -> float:
    """How much a claim belongs to a thread: the share of its words the thread holds,
    adjusted for the parties both name."""
    if not claim.terms or shared < MIN_SHARED_TERMS:
        return 0.0
    value = shared / len(claim.terms)  # how much of the claim the thread already holds
    if claim.parties and thread_parties:
        value += PARTY_BONUS if claim.parties & thread_parties else -PARTY_PENALTY
    elif thread_parties:
        value -= NO_PARTY_PENALTY  # a claim naming no one joins a thread about someone
    return value


class ThreadIndex:
    """Reads and writes the thread tables through one open connection (the caller's
    transaction)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def assign(self, record: Record) -> dict[str, int]:
        """The thread of each threaded claim of the record (claim id → thread id), stored."""
        assigned: dict[str, int] = {}
        claims = {claim.id: claim for claim in record.claims}
        for claim in _answered_first(c for c in record.claims if threaded(c)):
            answered = claims.get(claim.responds_to or "")
            thread = assigned.get(answered.id) if answered is not None else None
            sig = signature(claim)
            if thread is None:
                thread = self._best_thread(sig)
            if thread is None:
                thread = self._new_thread(claim)
            self._add(thread, claim, sig, record.article.published)
            assigned[claim.id] = thread
        return assigned

    def _best_thread(self, sig: Signature) -> int | None:
        if len(sig.terms) < MIN_SHARED_TERMS:
            return None
        marks = ",".join("?" for _ in sig.terms)
        rows = self.conn.execute(
            f"SELECT t.thread_id, count(*) AS shared, c.n_terms, c.parties "
            f"FROM thread_terms t JOIN claim_threads c ON c.thread_id = t.thread_id "
            f"WHERE t.term IN ({marks}) GROUP BY t.thread_id HAVING count(*) >= ? "
            f"ORDER BY shared DESC, t.thread_id LIMIT ?",
            (*sorted(sig.terms), MIN_SHARED_TERMS, MAX_CANDIDATES),
        ).fetchall()
        best, best_score = None, JOIN_SCORE
        for thread_id, shared, n_terms, parties in rows:
            value = score(sig, n_terms, shared, set(filter(None, (parties or "").split(","))))
            if value >= best_score:
                best, best_score = thread_id, value
        return best

    def _new_thread(self, claim: Claim) -> int:
        cursor = self.conn.execute(
            "INSERT INTO claim_threads(label, stance, n_terms, parties) VALUES (?,?,0,'')",
            (claim.content.text[:300], claim.stance),
        )
        return int(cursor.lastrowid or 0)

    def _add(self, thread: int, claim: Claim, sig: Signature, published: str | None) -> None:
        self.conn.executemany(
            "INSERT OR IGNORE INTO thread_terms(thread_id, term) VALUES (?, ?)",
            [(thread, term) for term in sorted(sig.terms)],
        )
        row = self.conn.execute(
            "SELECT parties, stance, first_published, last_published FROM claim_threads "
            "WHERE thread_id = ?", (thread,)).fetchone()
        parties = set(filter(None, (row[0] or "").split(","))) | set(sig.parties)
        label_update = claim.stance == "alleges" and row[1] != "alleges"
        first = min(filter(None, (row[2], published)), default=None)
        last = max(filter(None, (row[3], published)), default=None)
        n_terms = self.conn.execute("SELECT count(*) FROM thread_terms WHERE thread_id = ?",
                                    (thread,)).fetchone()[0]
        self.conn.execute(
            "UPDATE claim_threads SET n_terms = ?, parties = ?, first_published = ?, "
            "last_published = ?, members = members + 1"
            + (", label = ?, stance = 'alleges'" if label_update else "")
            + " WHERE thread_id = ?",
            (n_terms, ",".join(sorted(parties)), first, last,
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
