"""Quotation marks: the spans of text between them, found over the whole article.

Handles straight double quotes (paired in order within a paragraph), curly double quotes
(“ … ”), LaTeX/PTB-style ``…'' (and ''…'' where no `` opens), guillemets (« … »), and curly
single quotes (‘ … ’) when they do not look like apostrophes. A quotation that runs over
several paragraphs is written, by news convention, with an opening mark at the start of
each paragraph and a closing mark only at the end: such paragraphs are joined into one
quotation. A mark that never closes degrades gracefully: the quotation ends with its
paragraph, and one longer than MAX_QUOTE_CHARS without a closing mark is dropped rather
than swallowing the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_QUOTE_CHARS = 3000
_PARAGRAPH = re.compile(r"\n\s*\n")
_OPENERS = {"“": "”", "``": "''", "«": "»", "‘": "’", "„": "“"}
_STRAIGHT = '"'


@dataclass(frozen=True, slots=True)
class Quoted:
    """Text between quotation marks: [start, end) of the inside; `closed` when a closing
    mark was found (False: the quotation was cut at its paragraph's end)."""

    start: int
    end: int
    closed: bool = True


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, position = [], 0
    for match in _PARAGRAPH.finditer(text):
        bounds.append((position, match.start()))
        position = match.end()
    bounds.append((position, len(text)))
    return [(a, b) for a, b in bounds if b > a]


def _is_apostrophe(text: str, index: int) -> bool:
    """A ’ or ‘ between letters ("Clinton’s", "rock ‘n’ roll") or after s ("voters’")."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return before.isalnum() and (after.isalnum() or text[index] == "’")


def _scan(text: str, start: int, end: int) -> list[Quoted]:
    """Quotations inside one paragraph, outermost only. Two apostrophes with no ``
    before them are a straight double quote (''like this'', as some archives print it)."""
    found: list[Quoted] = []
    symmetric = "``" not in text[start:end]
    i = start
    while i < end:
        char = text[i]
        if symmetric and text.startswith("''", i):
            j = text.find("''", i + 2, end)
            if j == -1:
                found.append(Quoted(i + 2, end, closed=False))
                return found
            found.append(Quoted(i + 2, j))
            i = j + 2
            continue
        opener = "``" if text.startswith("``", i) else char
        if opener in _OPENERS and not (opener == "‘" and _is_apostrophe(text, i)):
            closer = _OPENERS[opener]
            j = _find_closer(text, i + len(opener), end, closer)
            inner_start = i + len(opener)
            if j is None:
                found.append(Quoted(inner_start, end, closed=False))
                return found
            found.append(Quoted(inner_start, j))
            i = j + len(closer)
            continue
        if char == _STRAIGHT:
            j = text.find(_STRAIGHT, i + 1, end)
            if j == -1:
                found.append(Quoted(i + 1, end, closed=False))
                return found
            found.append(Quoted(i + 1, j))
            i = j + 1
            continue
        i += 1
    return found


def _find_closer(text: str, start: int, end: int, closer: str) -> int | None:
    position = start
    while True:
        j = text.find(closer, position, end)
        if j == -1:
            return None
        if closer == "’" and j + 1 < len(text) and text[j + 1].isalnum() and text[j - 1].isalnum():
            position = j + 1  # "Clinton’s" inside a single-quoted phrase
            continue
        return j


def _trimmed(text: str, quoted: Quoted) -> Quoted | None:
    start, end = quoted.start, quoted.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return None
    return Quoted(start, end, quoted.closed)


def quotations(text: str) -> list[Quoted]:
    """Every quotation of the text, in order, paragraphs of one quotation joined."""
    result: list[Quoted] = []
    for start, end in _paragraphs(text):
        for quoted in _scan(text, start, end):
            trimmed = _trimmed(text, quoted)
            if trimmed is None:
                continue
            previous = result[-1] if result else None
            if previous is not None and not previous.closed and _opens_paragraph(
                text, start, trimmed
            ):
                result[-1] = Quoted(previous.start, trimmed.end, trimmed.closed)
                continue
            result.append(trimmed)
    return [q for q in result if q.closed or q.end - q.start <= MAX_QUOTE_CHARS]


def _opens_paragraph(text: str, paragraph_start: int, quoted: Quoted) -> bool:
    """Whether the quotation starts its paragraph (a continued quotation)."""
    return not text[paragraph_start:quoted.start].strip(" \t\"“«‘`")
