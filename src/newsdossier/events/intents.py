"""The intent table (data/events/intents.tsv): the code of a promise, threat, refusal,
demand or appeal, from the CAMEO code of the action it is about."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from ..tables import table_sources

INTENTS = frozenset({"agree", "threaten", "reject", "demand", "appeal"})
# The PLOVER type each intent is coded as.
INTENT_TYPES = {"agree": "AGREE", "threaten": "THREATEN", "reject": "REJECT",
                "demand": "REQUEST", "appeal": "REQUEST"}
# PLOVER types whose promise is an AGREE (the codebook: cooperative actions in the future
# tense imply intentions) and those whose announcement is a THREATEN.
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
                         "RETREAT"})
HOSTILE = frozenset({"SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "PROTEST", "THREATEN"})
WILDCARD = "*"


class IntentError(ValueError):
    """An intent file has a malformed row; the message names file and line."""


def _dash(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", "-") else value


def _rows(lines: Iterable[str], name: str) -> Iterable[tuple[str, str, str, str | None]]:
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.rstrip("\n").split("\t")
        where = f"{name}:{number}"
        if len(cells) < 4:
            raise IntentError(f"{where}: expected 4 tab-separated columns, found {len(cells)}")
        action, intent, cameo, mode = (c.strip() for c in cells[:4])
        if intent not in INTENTS:
            raise IntentError(f"{where}: unknown intent {intent!r}")
        if action != WILDCARD and not action.isdigit():
            raise IntentError(f"{where}: action must be a CAMEO prefix or '*', not {action!r}")
        if not (cameo.isdigit() and 2 <= len(cameo) <= 4):
            raise IntentError(f"{where}: CAMEO code must be 2-4 digits, not {cameo!r}")
        yield action, intent, cameo, _dash(mode)


class IntentTable:
    """(intent, action prefix) → (CAMEO code, PLOVER mode); longest prefix wins."""

    def __init__(self, rows: Iterable[tuple[str, str, str, str | None]]) -> None:
        self._codes: dict[tuple[str, str], tuple[str, str | None]] = {}
        for action, intent, cameo, mode in rows:
            self._codes[(intent, action)] = (cameo, mode)

    def code(self, intent: str, action_cameo: str | None) -> tuple[str, str | None]:
        code = action_cameo or ""
        for size in range(len(code), 0, -1):
            found = self._codes.get((intent, code[:size]))
            if found is not None:
                return found
        return self._codes.get((intent, WILDCARD), ("", None))

    @classmethod
    def load(cls, extra_files: Sequence[str | Path] = ()) -> IntentTable:
        sources = table_sources(["events/intents.tsv"], extra_files, IntentError)
        return cls(row for name, lines in sources for row in _rows(lines, name))


def polarity(event_type: str | None) -> str | None:
    """"cooperative", "hostile" or None (verbal conflict, statements)."""
    if event_type in COOPERATIVE:
        return "cooperative"
    if event_type in HOSTILE:
        return "hostile"
    return None
