"""Story clusters: near-duplicate articles (wire copies, lightly edited rewrites) grouped.

Each stored article gets a MinHash signature of its word 5-grams (datasketch); an article
whose estimated Jaccard similarity to an earlier one reaches STORY_THRESHOLD joins that
article's story, else it starts a new one. Signatures live in the store (`story_signatures`),
so later runs group against everything stored before; the LSH index over them is built in
memory on the first article a Store adds.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

import numpy as np

NUM_PERM = 64
SHINGLE_WORDS = 5
STORY_THRESHOLD = 0.6
SCHEME = "affine32"  # datasketch 2's default, named so stored signatures reload as they were
_WORD = re.compile(r"\w+")


def signature(text: str) -> Any:
    from datasketch import MinHash

    words = _WORD.findall(text.casefold())
    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    shingles = {" ".join(words[i:i + SHINGLE_WORDS])
                for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    minhash.update_batch(s.encode("utf-8") for s in shingles)
    return minhash


class StoryIndex:
    """Assigns each new article to a story; call inside the article's transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._lsh: Any = None
        self._signatures: dict[str, Any] = {}
        self._pending: tuple[str, Any] | None = None

    def _index(self) -> Any:
        if self._lsh is None:
            from datasketch import MinHash, MinHashLSH

            self._lsh = MinHashLSH(threshold=STORY_THRESHOLD, num_perm=NUM_PERM)
            for article_id, blob in self.conn.execute(
                    "SELECT article_id, signature FROM story_signatures"):
                minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME,
                                  hashvalues=np.frombuffer(blob, dtype=np.uint64))
                self._lsh.insert(article_id, minhash)
                self._signatures[article_id] = minhash
        return self._lsh

    def assign(self, article_id: str, text: str, published: str | None) -> int:
        minhash = signature(text)
        lsh = self._index()
        best, best_score = None, STORY_THRESHOLD
        for other in lsh.query(minhash):
            score = minhash.jaccard(self._signatures[other])
            if score >= best_score:
                best, best_score = other, score
        if best is not None:
            (story,) = self.conn.execute("SELECT story_id FROM story_signatures WHERE "
                                         "article_id = ?", (best,)).fetchone()
        else:
            story = self.conn.execute("INSERT INTO stories(first_article, first_published) "
                                      "VALUES (?, ?)", (article_id, published)).lastrowid
        self.conn.execute("INSERT INTO story_signatures(article_id, story_id, signature) "
                          "VALUES (?, ?, ?)", (article_id, story,
                                               minhash.hashvalues.astype(np.uint64).tobytes()))
        self.conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story, article_id))
        self._pending = (article_id, minhash)
        return int(story)

    def committed(self) -> None:
        """The article's transaction committed: its signature may vouch for later ones."""
        pending = self._pending
        if pending is not None and self._lsh is not None:
            article_id, minhash = pending
            self._lsh.insert(article_id, minhash)
            self._signatures[article_id] = minhash
        self._pending = None

    def rolled_back(self) -> None:
        self._pending = None
