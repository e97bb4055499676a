"""Text normalisation that keeps a map back to the raw input's character offsets.

Every offset in a Record refers to the normalised text. Gold sets and user tools often carry
offsets into the raw text instead; `Normalized.to_normalized` / `to_raw` translate between the
two, so provenance stays honest in both directions.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

Replacement = Callable[[re.Match[str]], str]

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\u200b-\u200d\u2060\ufeff]")
_ODD_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_ODD_QUOTES = re.compile(r"``|''|[\u201e\u201f\u00ab\u00bb\uff02\u2039\u203a\u201a\u201b]")
_NOT_NFC_CANDIDATE = re.compile(r"(?s).?[^\x00-\x7f]+")
_SPACE_RUNS = re.compile(r" {2,}")
_SPACES_AROUND_NEWLINE = re.compile(r" *\n *")
_BLANK_LINE_RUNS = re.compile(r"\n{3,}")

# Quote glyphs folded to the typographic pair the quote finder knows; straight quotes stay as
# they are, since they carry no direction.
_QUOTE_MAP = {
    "``": "\u201c",
    "''": "\u201d",
    "\u201e": "\u201c",
    "\u201f": "\u201c",
    "\u00ab": "\u201c",
    "\u00bb": "\u201d",
    "\uff02": '"',
    "\u2039": "\u2018",
    "\u203a": "\u2019",
    "\u201a": "\u2018",
    "\u201b": "\u2018",
}


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text plus, for each of its characters (and its end), the raw offset."""

    text: str
    raw_offsets: tuple[int, ...]

    def to_raw(self, offset: int) -> int:
        return self.raw_offsets[max(0, min(offset, len(self.text)))]

    def to_normalized(self, raw_offset: int) -> int:
        """The normalised offset of the first character that came from at or after raw_offset."""
        return bisect.bisect_left(self.raw_offsets, raw_offset)


def _substitute(
    text: str, offsets: list[int], pattern: re.Pattern[str], replace: Replacement
) -> tuple[str, list[int]]:
    pieces: list[str] = []
    new_offsets: list[int] = []
    position = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        pieces.append(text[position:start])
        new_offsets.extend(offsets[position:start])
        replacement = replace(match)
        if replacement:
            pieces.append(replacement)
            if len(replacement) == end - start:
                new_offsets.extend(offsets[start:end])
            else:
                new_offsets.extend([offsets[start]] * len(replacement))
        position = end
    if not pieces:
        return text, offsets
    pieces.append(text[position:])
    new_offsets.extend(offsets[position:])
    return "".join(pieces), new_offsets


def _nfc(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFC", match.group())


def _strip_with_offsets(text: str, offsets: list[int], raw_end: int) -> tuple[str, list[int]]:
    left = len(text) - len(text.lstrip())
    right = len(text.rstrip())
    end_offset = offsets[right] if right < len(offsets) else raw_end
    return text[left:right], [*offsets[left:right], end_offset]


def normalize(raw: str) -> Normalized:
    """Unicode NFC, one newline convention, no invisible characters, single spaces, at most one
    blank line between paragraphs, and a single quote-glyph convention."""
    text = raw
    offsets = list(range(len(raw)))
    steps: list[tuple[re.Pattern[str], Replacement]] = [
        (_NEWLINES, lambda m: "\n"),
        (_INVISIBLE, lambda m: ""),
        (_ODD_SPACES, lambda m: " "),
    ]
    if not unicodedata.is_normalized("NFC", raw):
        steps.append((_NOT_NFC_CANDIDATE, _nfc))
    steps += [
        (_ODD_QUOTES, lambda m: _QUOTE_MAP[m.group()]),
        (_SPACE_RUNS, lambda m: " "),
        (_SPACES_AROUND_NEWLINE, lambda m: "\n"),
        (_BLANK_LINE_RUNS, lambda m: "\n\n"),
    ]
    for pattern, replace in steps:
        text, offsets = _substitute(text, offsets, pattern, replace)
    text, offsets = _strip_with_offsets(text, offsets, len(raw))
    return Normalized(text=text, raw_offsets=tuple(offsets))


def normalize_text(raw: str) -> str:
    return normalize(raw).text
