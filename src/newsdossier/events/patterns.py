"""The event pattern table (data/events/patterns.tsv, documented in data/events/README.md)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..tables import table_sources

PLOVER_TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})
SHIPPED = ("patterns.tsv",)


class PatternError(ValueError):
    """A pattern file has a malformed row; the message names file and line."""


ANY_OBJECT = "*"
NO_EVENT = "none"


@dataclass(frozen=True, slots=True)
class Conditions:
    objects: frozenset[str] = frozenset()  # {"*"}: any object at all
    prep: str | None = None
    xcomp: bool = False
    modals: frozenset[str] = frozenset()
    not_objects: frozenset[str] = frozenset()
    ccomp: bool = False
    prep_objects: frozenset[str] = frozenset()  # prep=from:treaty,deal
    light_verbs: frozenset[str] = frozenset()  # light=fall,come: a noun's verb ("fell under")

    @property
    def specificity(self) -> int:
        named = bool(self.objects) and ANY_OBJECT not in self.objects
        return (named * 4 + bool(self.prep) * 2 + int(self.xcomp) + bool(self.modals) * 4
                + (ANY_OBJECT in self.objects) + int(self.ccomp) + bool(self.prep_objects) * 3
                + bool(self.light_verbs) * 4)


@dataclass(frozen=True, slots=True)
class Pattern:
    trigger: str
    pos: str
    when: Conditions
    type: str | None
    mode: str | None
    cameo: str | None
    target: tuple[str, ...]
    context: tuple[str, ...]
    key: tuple[str, str, str] = field(compare=False, default=("", "", ""))
    blocks: bool = False  # a `none` row: matching it means "no event here"

    @property
    def particle(self) -> str | None:
        """For a phrasal verb ("pull out"), its particle; for a compound noun, its modifier."""
        parts = self.trigger.split()
        return " ".join(parts[1:]) if self.pos == "VERB" and len(parts) > 1 else None

    @property
    def head(self) -> str:
        parts = self.trigger.split()
        return parts[0] if self.pos == "VERB" else parts[-1]

    @property
    def modifiers(self) -> tuple[str, ...]:
        """Compound-noun modifiers before the head ("air" of "air strike")."""
        parts = self.trigger.split()
        return tuple(parts[:-1]) if self.pos == "NOUN" else ()


def _dash(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", "-") else value


def _conditions(text: str | None, where: str) -> Conditions:
    if not text:
        return Conditions()
    objects: frozenset[str] = frozenset()
    prep = None
    xcomp = False
    modals: frozenset[str] = frozenset()
    not_objects: frozenset[str] = frozenset()
    prep_objects: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    ccomp = False
    for part in (p.strip() for p in text.split(";") if p.strip()):
        key, _, value = part.partition("=")
        if key == "obj" and value:
            objects = frozenset(v.strip().lower() for v in value.split(",") if v.strip())
        elif key == "obj!" and value:
            not_objects = frozenset(v.strip().lower() for v in value.split(",") if v.strip())
        elif key == "prep" and value:
            prep, _, listed = value.strip().lower().partition(":")
            prep_objects = frozenset(v.strip() for v in listed.split(",") if v.strip())
        elif key == "xcomp" and not value:
            xcomp = True
        elif key == "ccomp" and not value:
            ccomp = True
        elif key == "modal" and value:
            modals = frozenset(v.strip().lower() for v in value.split(",") if v.strip())
        elif key == "light" and value:
            light_verbs = frozenset(v.strip().lower() for v in value.split(",") if v.strip())
        else:
            raise PatternError(f"{where}: unknown condition {part!r}")
    return Conditions(objects, prep, xcomp, modals, not_objects, ccomp, prep_objects,
                      light_verbs)


def _target(text: str | None, where: str) -> tuple[str, ...]:
    if not text or text == "none":
        return ()
    parts = tuple(p.strip() for p in text.split("+"))
    for part in parts:
        if part not in ("obj", "comp") and not part.startswith("prep:"):
            raise PatternError(f"{where}: unknown target {part!r}")
    return parts


def _row(row: Sequence[str], where: str) -> Pattern | tuple[str, str, str]:
    if len(row) < 8:
        raise PatternError(f"{where}: expected 8 tab-separated columns, found {len(row)}")
    trigger, pos, when, kind, mode, cameo, target, context = (c.strip() for c in row[:8])
    pos = pos.upper()
    if pos not in ("VERB", "NOUN"):
        raise PatternError(f"{where}: pos must be VERB or NOUN, not {pos!r}")
    key = (trigger.lower(), pos, when if when != "-" else "")
    event_type, code = _dash(kind), _dash(cameo)
    if event_type is None and code is None:
        return key  # a deletion row
    if event_type == NO_EVENT:  # "fight for rights": this use of the trigger is no event
        return Pattern(trigger.lower(), pos, _conditions(_dash(when), where), None, None, None,
                       (), (), key, blocks=True)
    if event_type is not None and event_type not in PLOVER_TYPES:
        raise PatternError(f"{where}: unknown PLOVER type {event_type!r}")
    if code is not None and not (code.isdigit() and 2 <= len(code) <= 4):
        raise PatternError(f"{where}: CAMEO code must be 2-4 digits, not {code!r}")
    contexts = tuple(c.strip() for c in (_dash(context) or "").split(",") if c.strip())
    return Pattern(trigger.lower(), pos, _conditions(_dash(when), where), event_type,
                   _dash(mode), code, _target(_dash(target), where), contexts, key)


def _read(lines: Iterable[str], name: str) -> list[Pattern | tuple[str, str, str]]:
    rows = []
    numbered = ((n, line) for n, line in enumerate(lines, start=1))
    for number, line in numbered:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        row = next(csv.reader([line.rstrip("\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
        rows.append(_row(row, f"{name}:{number}"))
    return rows


class PatternTable:
    """Patterns indexed by (pos, head lemma), most specific first."""

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        self._index: dict[tuple[str, str], list[Pattern]] = {}
        for pattern in patterns:
            self._index.setdefault((pattern.pos, pattern.head), []).append(pattern)
        for candidates in self._index.values():
            candidates.sort(key=lambda p: (-p.when.specificity, -len(p.trigger)))

    def __len__(self) -> int:
        return sum(len(v) for v in self._index.values())

    def candidates(self, pos: str, lemma: str) -> list[Pattern]:
        return self._index.get((pos, lemma), [])

    def listed_objects(self, codes: frozenset[str]) -> frozenset[str]:
        """Every object word the rows of these CAMEO codes name ("prisoner", "hostage" for
        a release): what such an act is done to."""
        return frozenset(word for patterns in self._index.values() for p in patterns
                         if p.cameo in codes for word in p.when.objects if word != ANY_OBJECT)

    def event_nouns(self) -> frozenset[str]:
        """The head lemmas of the noun patterns: words that name an event ("attack")."""
        return frozenset(head for pos, head in self._index if pos == "NOUN")

    def noun_types(self) -> dict[str, str]:
        """An event noun's PLOVER type when it is unconditional (its least specific row)."""
        types = {}
        for (pos, head), patterns in self._index.items():
            plain = [p for p in patterns if pos == "NOUN" and not p.when.specificity
                     and p.type and not p.blocks and not p.modifiers]
            if plain:
                types[head] = plain[-1].type
        return types

    @classmethod
    def load(cls, extra_files: Sequence[str | Path] = ()) -> PatternTable:
        ordered: dict[tuple[str, str, str], Pattern] = {}
        sources = table_sources([f"events/{name}" for name in SHIPPED], extra_files,
                                PatternError)
        for name, lines in sources:
            for item in _read(lines, name):
                if isinstance(item, Pattern):
                    ordered[item.key] = item
                else:
                    ordered.pop(item, None)
        return cls(ordered.values())
