"""Bytes → text, refusing binary data and naming what was guessed."""

from __future__ import annotations

from dataclasses import dataclass

_SAMPLE = 65_536
# Control characters other than tab, newline, carriage return and form feed never appear in
# real text; a few can slip in, many mean the bytes are not text.
_CONTROL_BYTES = frozenset(range(0, 32)) - {9, 10, 12, 13}
_MAX_CONTROL_SHARE = 0.01


class NotTextError(ValueError):
    """The bytes are not text in any encoding we accept."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    guessed: bool


def _looks_binary(data: bytes) -> bool:
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return controls > _MAX_CONTROL_SHARE * len(sample)


def decode_bytes(data: bytes) -> Decoded:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252 / Latin-1, flagged."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-16"), "utf-16", guessed=False)
        except UnicodeDecodeError as exc:
            raise NotTextError(f"broken UTF-16 ({exc.reason} at byte {exc.start})") from exc
    if _looks_binary(data):
        raise NotTextError("binary data, not text")
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8", guessed=False)
    except UnicodeDecodeError:
        pass
    try:
        return Decoded(data.decode("cp1252"), "windows-1252", guessed=True)
    except UnicodeDecodeError:
        return Decoded(data.decode("latin-1"), "latin-1", guessed=True)
