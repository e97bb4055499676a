"""The quotation cue table (data/quotes/cues.tsv): which words introduce what someone said,
the stance they give it, and where the content is."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..tables import table_sources

STANCES = frozenset({"asserts", "alleges", "denies", "supports", "disputes"})
POSES = frozenset({"VERB", "NOUN", "ADJ", "PREP"})
FRAMES = frozenset({"clause", "object", "infinitive", "target", "any"})
SPEAKERS = frozenset({"any", "agent"})


class CueError(ValueError):
    """A cue file has a malformed row; the message names file and line."""


@dataclass(frozen=True, slots=True)
class Cue:
    words: tuple[str, ...]  # ("say",), ("point", "out"), ("according", "to")
    pos: str
    stance: str
    frame: str  # clause | object | infinitive | target | any | prep:P
    speaker: str = "any"  # any | agent (someone with a will: not "the agreement seeks")

    @property
    def head(self) -> str:
        return self.words[0]

    @property
    def particle(self) -> str | None:
        return self.words[1] if len(self.words) > 1 and self.pos == "VERB" else None

    @property
    def preposition(self) -> str | None:
        return self.frame.split(":", 1)[1] if self.frame.startswith("prep:") else None


def _rows(lines: Iterable[str], name: str) -> Iterable[Cue]:
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.rstrip("\n").split("\t")]
        where = f"{name}:{number}"
        if len(cells) < 4:
            raise CueError(f"{where}: expected 4 or 5 tab-separated columns, found {len(cells)}")
        cue, pos, stance, frame = cells[:4]
        if pos not in POSES:
            raise CueError(f"{where}: pos must be VERB, NOUN, ADJ or PREP, not {pos!r}")
        if stance not in STANCES:
            raise CueError(f"{where}: unknown stance {stance!r}")
        if frame not in FRAMES and not frame.startswith("prep:"):
            raise CueError(f"{where}: unknown frame {frame!r}")
        speaker = cells[4] if len(cells) > 4 and cells[4] else "any"
        if speaker not in SPEAKERS:
            raise CueError(f"{where}: speaker must be any or agent, not {speaker!r}")
        yield Cue(tuple(cue.lower().split()), pos, stance, frame, speaker)


class CueTable:
    """Cues indexed by (pos, first word); a phrasal cue ("point out") before a plain one."""

    def __init__(self, cues: Iterable[Cue]) -> None:
        self._index: dict[tuple[str, str], list[Cue]] = {}
        for cue in cues:
            entries = self._index.setdefault((cue.pos, cue.head), [])
            entries[:] = [c for c in entries if c.words != cue.words]
            entries.append(cue)
        for entries in self._index.values():
            entries.sort(key=lambda c: -len(c.words))

    def candidates(self, pos: str, word: str) -> list[Cue]:
        return self._index.get((pos, word), [])

    @classmethod
    def load(cls, extra_files: Sequence[str | Path] = ()) -> CueTable:
        sources = table_sources(["quotes/cues.tsv"], extra_files, CueError)
        return cls(cue for name, lines in sources for cue in _rows(lines, name))
