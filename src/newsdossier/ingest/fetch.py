"""Polite HTTP fetching for feed and page URLs (standard library only).

Polite means: one user agent that names the tool, a timeout on every request, a few retries
with growing back-off on connection errors and on 429/5xx answers (a Retry-After header is
honoured, within a cap), a minimum delay between two requests to the same host, robots.txt
obeyed, and a byte limit on every body. A fetch that still fails is a `FetchError` whose
message names the URL and the reason in one line.
"""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from typing import TYPE_CHECKING

from .. import __version__

if TYPE_CHECKING:
    from ..settings import Settings

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 60.0
CHUNK = 65_536


class FetchError(RuntimeError):
    """A URL could not be fetched; the message says why."""


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # after redirects
    status: int
    content_type: str  # the media type alone, lower case
    charset: str | None
    body: bytes


def default_user_agent() -> str:
    return f"newsdossier/{__version__} (+https://github.com/newsdossier/newsdossier)"


@dataclass
class Fetcher:
    user_agent: str = field(default_factory=default_user_agent)
    timeout: float = 20.0
    retries: int = 2
    host_delay: float = 1.0
    max_bytes: int = 20_000_000
    obey_robots: bool = True
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    _last_request: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)

    def get(self, url: str) -> Response:
        """The body at `url` (http or https), or a FetchError."""
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"{url}: not an http(s) URL")
        if self.obey_robots and not self._allowed(url, parts):
            raise FetchError(f"{url}: disallowed by the site's robots.txt")
        return self._get_with_retries(url, parts.netloc.lower())

    def _get_with_retries(self, url: str, host: str) -> Response:
        attempt = 0
        while True:
            self._wait_for(host)
            try:
                return self._get_once(url)
            except urllib.error.HTTPError as exc:
                if exc.code not in RETRY_STATUSES or attempt >= self.retries:
                    raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from None
                asked = _retry_after(exc.headers)
                pause = self._backoff(attempt) if asked is None else asked
            except (urllib.error.URLError, TimeoutError, ConnectionError,
                    http.client.HTTPException) as exc:
                if attempt >= self.retries:
                    reason = getattr(exc, "reason", None) or exc
                    raise FetchError(f"{url}: {_describe(reason)} "
                                     f"(after {attempt + 1} tries)") from None
                pause = self._backoff(attempt)
            attempt += 1
            self.sleep(min(pause, MAX_RETRY_AFTER))

    def _backoff(self, attempt: int) -> float:
        return max(self.host_delay, 0.5) * (2**attempt)

    def _wait_for(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is not None:
            remaining = self.host_delay - (self.clock() - last)
            if remaining > 0:
                self.sleep(remaining)
        self._last_request[host] = self.clock()

    def _get_once(self, url: str) -> Response:
        request = urllib.request.Request(url, headers={
            "User-Agent": self.user_agent,
            "Accept": "text/html, application/xhtml+xml, application/rss+xml, "
                      "application/atom+xml, application/xml;q=0.9, */*;q=0.5",
        })
        with urllib.request.urlopen(request, timeout=self.timeout) as answer:
            body = _read_limited(answer, self.max_bytes, url)
            return Response(url=answer.geturl(), status=answer.status,
                            content_type=answer.headers.get_content_type(),
                            charset=answer.headers.get_content_charset(), body=body)

    def _allowed(self, url: str, parts: urllib.parse.SplitResult) -> bool:
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self._robots:
            self._robots[root] = self._read_robots(root, parts.netloc.lower())
        rules = self._robots[root]
        return rules is None or rules.can_fetch(self.user_agent, url)

    def _read_robots(self, root: str, host: str) -> urllib.robotparser.RobotFileParser | None:
        """The site's rules; none (everything allowed) when it has no readable robots.txt."""
        try:
            response = self._get_with_retries(root + "/robots.txt", host)
        except FetchError:
            return None
        rules = urllib.robotparser.RobotFileParser()
        rules.parse(response.body.decode("utf-8", "replace").splitlines())
        return rules


def _read_limited(answer: object, limit: int, url: str) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := answer.read(CHUNK):  # type: ignore[attr-defined]
        size += len(chunk)
        if size > limit:
            raise FetchError(f"{url}: body over the limit of {limit:,} bytes (max_file_bytes)")
        chunks.append(chunk)
    return b"".join(chunks)


def _retry_after(headers: Message | None) -> float | None:
    value = headers.get("Retry-After") if headers is not None else None
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None  # an HTTP date: fall back to the back-off


def _describe(reason: object) -> str:
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return "timed out"
    return str(reason) or type(reason).__name__


def fetcher_for(settings: Settings) -> Fetcher:
    """A Fetcher configured by the settings' fetch_* values."""
    return Fetcher(
        user_agent=settings.user_agent or default_user_agent(),
        timeout=settings.fetch_timeout,
        retries=settings.fetch_retries,
        host_delay=settings.fetch_delay,
        max_bytes=settings.max_file_bytes,
        obey_robots=settings.fetch_robots != "ignore",
    )
