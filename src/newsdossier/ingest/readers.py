"""Readers: files, folders and standard input → RawItems (or errors naming the item).

Each format is a reader registered by name in `newsdossier.registry.readers`; a reader takes a
`Source` and the settings and yields `RawItem`, `ItemWarning` or `ItemError`, never raising
for bad input. Plugins add formats by registering a reader and its file suffixes.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any

from .. import registry
from ..settings import Settings
from .decode import NotTextError, decode_bytes
from .fetch import Fetcher, fetcher_for
from .html import extract_html
from .items import ItemError, ItemStored, ItemWarning, RawItem

Yielded = RawItem | ItemError | ItemWarning | ItemStored
Reader = Callable[["Source", Settings], Iterator[Yielded]]

SUFFIXES: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonl.gz": "jsonl",
    ".ndjson.gz": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
    ".warc.gz": "warc",
}


@dataclass(frozen=True, slots=True)
class Source:
    """Something to read: a file path, standard input ('-') or an http(s) URL.

    `is_stored` (article id → already in the store?) lets a reader pass over items before
    costly work such as fetching; `fetcher` is the run's one polite HTTP client."""

    origin: str
    path: Path | None = None
    stdin_bytes: bytes | None = None
    url: str | None = None
    is_stored: Callable[[str], bool] | None = None
    fetcher: Fetcher | None = None

    def stored(self, item_id: str | None) -> bool:
        return bool(item_id and self.is_stored and self.is_stored(item_id))

    def open(self) -> IO[bytes]:
        if self.url is not None:
            raise OSError(f"{self.url} is a URL, read by the url reader")
        if self.path is None:
            return io.BytesIO(self.stdin_bytes or b"")
        if self.path.name.endswith(".gz"):
            return gzip.open(self.path, "rb")  # type: ignore[return-value]
        return self.path.open("rb")

    def size(self) -> int | None:
        if self.url is not None:
            return None
        if self.path is None:
            return len(self.stdin_bytes or b"")
        if self.path.name.endswith(".gz"):
            return None
        return self.path.stat().st_size


def format_for(path: Path) -> str | None:
    name = path.name.lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return SUFFIXES[suffix]
    return None


def sniff_format(data: bytes) -> str:
    """Format of standard input when not told: JSONL, HTML or plain text by its first byte."""
    head = data.lstrip()[:1]
    if head == b"{":
        return "jsonl"
    if head == b"<":
        return "html"
    return "txt"


def _read_whole(source: Source, settings: Settings) -> bytes | ItemError:
    limit = settings.max_file_bytes
    size = source.size()
    if size is not None and size > limit:
        return ItemError(
            source.origin, f"file is {size:,} bytes, over the limit of {limit:,} (max_file_bytes)"
        )
    with source.open() as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        return ItemError(source.origin, f"over the limit of {limit:,} bytes (max_file_bytes)")
    return data


def read_nonempty(source: Source, settings: Settings) -> bytes | ItemError:
    """The whole input within `max_file_bytes`, or why not (too big, empty)."""
    data = _read_whole(source, settings)
    if isinstance(data, bytes) and not data.strip():
        return ItemError(source.origin, "empty file")
    return data


def _decode_whole(source: Source, settings: Settings) -> Iterator[Yielded | str]:
    data = read_nonempty(source, settings)
    if isinstance(data, ItemError):
        yield data
        return
    try:
        decoded = decode_bytes(data)
    except NotTextError as exc:
        yield ItemError(source.origin, str(exc))
        return
    if decoded.guessed:
        yield ItemWarning(source.origin, f"not valid UTF-8; decoded as {decoded.encoding}")
    yield decoded.text


@registry.readers.register("txt")
def read_text(source: Source, settings: Settings) -> Iterator[Yielded]:
    for part in _decode_whole(source, settings):
        if isinstance(part, str):
            yield RawItem(origin=source.origin, text=part)
        else:
            yield part


@registry.readers.register("html")
def read_html(source: Source, settings: Settings) -> Iterator[Yielded]:
    for part in _decode_whole(source, settings):
        if isinstance(part, str):
            yield extract_html(part, source.origin)
        else:
            yield part


_JSONL_FIELDS = ("id", "title", "published", "source", "url", "language")


def _text_field(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    raise ValueError(f"field {key!r} must be a string, not {type(value).__name__}")


def _jsonl_item(line: bytes, origin: str) -> Yielded:
    try:
        obj = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return ItemError(origin, f"invalid JSON ({exc})")
    if not isinstance(obj, dict):
        return ItemError(origin, f"expected a JSON object, found {type(obj).__name__}")
    try:
        fields = {key: _text_field(obj, key) for key in _JSONL_FIELDS}
        fields["published"] = fields["published"] or _text_field(obj, "date")
        text = _text_field(obj, "text")
        html = _text_field(obj, "html")
    except ValueError as exc:
        return ItemError(origin, str(exc))
    if text is None and html is not None:
        extracted = extract_html(html, origin)
        if isinstance(extracted, ItemError):
            return extracted
        text = extracted.text
        fields["title"] = fields["title"] or extracted.title
        fields["published"] = fields["published"] or extracted.published
    if text is None:
        return ItemError(origin, "missing required field 'text'")
    if not text.strip():
        return ItemError(origin, "empty 'text'")
    return RawItem(origin=origin, text=text, **fields)


@registry.readers.register("jsonl")
def read_jsonl(source: Source, settings: Settings) -> Iterator[Yielded]:
    limit = settings.max_file_bytes
    try:
        with source.open() as handle:
            for number, line in enumerate(_bounded_lines(handle, limit), start=1):
                origin = f"{source.origin}:{number}"
                if line is None:
                    yield ItemError(origin, f"line over the limit of {limit:,} bytes")
                elif line.strip():
                    yield _jsonl_item(line, origin)
    except (OSError, EOFError) as exc:
        # A truncated .gz or a read error ends the file; items already yielded stand.
        yield ItemError(source.origin, f"read failed: {exc}")


def _bounded_lines(handle: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """Lines of at most `limit` bytes; an over-long line is skipped and yields None."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:
                rest = handle.readline(limit + 1)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def iter_sources(paths: Iterable[str], input_format: str | None = None) -> Iterator[
    tuple[Source, str] | ItemError
]:
    """Each input named on the command line, folders expanded (files of unknown kind inside a
    folder are passed over; named explicitly, they are an error)."""
    for raw in paths:
        if raw.lower().startswith(("http://", "https://")):
            yield Source(raw, url=raw), input_format or "url"
            continue
        if raw == "-":
            data = sys.stdin.buffer.read()
            yield Source("-", stdin_bytes=data), input_format or sniff_format(data)
            continue
        path = Path(raw)
        if path.is_dir():
            for file in _walk(path):
                kind = input_format or format_for(file)
                if kind:
                    yield Source(str(file), path=file), kind
            continue
        if not path.exists():
            yield ItemError(raw, "no such file or folder")
            continue
        kind = input_format or format_for(path)
        if kind is None:
            yield ItemError(raw, f"unknown file kind {path.suffix or '(no suffix)'!r}; "
                                 f"expected one of {', '.join(sorted(SUFFIXES))}")
            continue
        yield Source(raw, path=path), kind


def read_items(
    paths: Iterable[str],
    settings: Settings,
    input_format: str | None = None,
    is_stored: Callable[[str], bool] | None = None,
) -> Iterator[Yielded]:
    """Every RawItem from every input, in order, with errors in place of what failed."""
    fetcher: list[Fetcher] = []  # one for the whole run: per-host delays span inputs
    for entry in iter_sources(paths, input_format):
        if isinstance(entry, ItemError):
            yield entry
            continue
        source, kind = entry
        if source.url is not None and not fetcher:
            fetcher.append(fetcher_for(settings))
        source = replace(source, is_stored=is_stored, fetcher=fetcher[0] if fetcher else None)
        try:
            reader: Reader = registry.readers.get(kind)
        except Exception:
            yield ItemError(source.origin, f"no reader for format {kind!r}")
            continue
        try:
            yield from reader(source, settings)
        except OSError as exc:
            yield ItemError(source.origin, f"cannot read: {exc.strerror or exc}")


from . import feeds, urls  # noqa: E402,F401  (register the feed, warc and url readers)
