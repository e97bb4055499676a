"""The claim word table (data/claims/words.tsv): refuting, questioning, confirming and hedging
words, kinds of evidence and the wordings that tie evidence to a proposition; the verbs that
give a reported proposition its stance and the wordings that make it an accusation."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..tables import table_sources

ROLES = frozenset({"refutes", "questions", "confirms", "hedges", "evidence", "qualifies",
                   # verbs (lemmas) that report a proposition with a stance
                   "claiming", "asserting", "alleging", "denying", "disputing", "supporting",
                   "finding",
                   # wordings that make a proposition an accusation, or frame disapproval
                   "allegation", "wrongdoing", "disapproves", "disowns"})


class ClaimWordError(ValueError):
    """A claim word file has a malformed row; the message names file and line."""


@dataclass(frozen=True, slots=True)
class Hit:
    """A phrase of the table found at characters [start, end) of a text."""

    start: int
    end: int
    phrase: str
    role: str


def _rows(lines: Iterable[str], name: str) -> Iterable[tuple[str, str]]:
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.rstrip("\n").split("\t")]
        if len(cells) < 2:
            raise ClaimWordError(f"{name}:{number}: expected 2 tab-separated columns")
        phrase, role = cells[0].lower(), cells[1]
        if role not in ROLES:
            raise ClaimWordError(f"{name}:{number}: unknown role {role!r}")
        yield phrase, role


class ClaimWords:
    """Phrases by role; `find` scans a text for them on word boundaries."""

    def __init__(self, rows: Iterable[tuple[str, str]]) -> None:
        self.roles: dict[str, set[str]] = {role: set() for role in ROLES}
        for phrase, role in rows:
            self.roles[role].add(phrase)
        self._patterns = {
            role: _pattern(phrases) for role, phrases in self.roles.items() if phrases
        }

    def find(self, text: str, role: str) -> list[Hit]:
        pattern = self._patterns.get(role)
        if pattern is None:
            return []
        return [Hit(m.start(), m.end(), m.group().lower(), role)
                for m in pattern.finditer(text)]

    def has(self, text: str, role: str) -> bool:
        pattern = self._patterns.get(role)
        return bool(pattern and pattern.search(text))

    def lemma_has(self, lemma: str, role: str) -> bool:
        return lemma.lower() in self.roles.get(role, ())

    @classmethod
    def load(cls, extra_files: Sequence[str | Path] = ()) -> ClaimWords:
        sources = table_sources(["claims/words.tsv"], extra_files, ClaimWordError)
        return cls(row for name, lines in sources for row in _rows(lines, name))


def _pattern(phrases: set[str]) -> re.Pattern[str]:
    words = sorted(phrases, key=len, reverse=True)
    alternatives = [re.escape(p) if p == "?" else r"\b" + re.escape(p).replace(r"\ ", r"\s+")
                    + r"\b" for p in words]
    return re.compile("|".join(alternatives), re.IGNORECASE)
