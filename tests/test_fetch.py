"""Feeds and pages by URL, fetched politely — from a server on loopback the tests start."""

from __future__ import annotations

import itertools
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsdossier.ingest.fetch import Fetcher, FetchError

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="2026-05-0{day}T08:00:00Z"></head>
<body><header><nav>Home | World | Sport</nav></header><article><h1>{title}</h1>
<p>{body}</p>
<p>The announcement was made at a news conference in the capital on Tuesday, officials said,
and further details are expected later in the week.</p></article>
<footer>Copyright the Loopback Gazette</footer></body></html>"""

STORIES = {
    "/news/ferry.html": ("Ferry service resumes across the bay", 4,
                         "Ferries resumed sailing between the two harbour towns after a storm "
                         "closed the crossing for three days, the port authority said."),
    "/news/bridge.html": ("Council approves new river bridge", 5,
                          "The city council of Northport approved funding for a second bridge "
                          "over the river, the mayor told reporters."),
}


def _feed(base: str) -> str:
    items = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link><guid>{base}{path}</guid>"
        f"<pubDate>Mon, 0{day} May 2026 08:00:00 GMT</pubDate>"
        f"<description>Short teaser only.</description></item>"
        for path, (title, day, _) in STORIES.items())
    gone = (f"<item><title>Harvest festival draws record crowds</title>"
            f"<link>{base}/news/gone.html</link><guid>gone-1</guid>"
            "<description>&lt;p&gt;The harvest festival in the valley drew record crowds on "
            "Sunday, organisers said, with more than forty thousand visitors.&lt;/p&gt;"
            "</description></item>")
    broken = (f"<item><title>Picture gallery</title><link>{base}/news/photo.jpg</link>"
              "<guid>photo-1</guid></item>")
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback Gazette</title>'
            f"<link>{base}/</link><language>en</language>{items}{gone}{broken}"
            "</channel></rss>")


class Site:
    """What the server answers, and what it was asked (path, user agent, time)."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, float]] = []
        self.flaky_left = 0
        self.base = ""

    def answer(self, path: str) -> tuple[int, dict[str, str], bytes]:
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n"
        if path == "/feed.xml":
            return 200, {"Content-Type": "application/rss+xml"}, _feed(self.base).encode()
        if path in STORIES:
            title, day, body = STORIES[path]
            html = PAGE.format(title=title, day=day, body=body)
            return 200, {"Content-Type": "text/html; charset=utf-8"}, html.encode()
        if path == "/news/photo.jpg":
            return 200, {"Content-Type": "image/jpeg"}, b"\xff\xd8\xff\xe0" + bytes(200)
        if path == "/flaky":
            if self.flaky_left > 0:
                self.flaky_left -= 1
                return 503, {"Retry-After": "0", "Content-Type": "text/plain"}, b"busy"
            return 200, {"Content-Type": "text/plain"}, b"fine now"
        if path == "/slow":
            time.sleep(1.0)
            return 200, {"Content-Type": "text/plain"}, b"late"
        if path == "/huge":
            return 200, {"Content-Type": "text/html"}, b"<p>" + b"x" * 50_000
        if path == "/private/memo.html":
            return 200, {"Content-Type": "text/html"}, b"<p>secret</p>"
        return 404, {"Content-Type": "text/plain"}, b"not here"


@pytest.fixture()
def site() -> Iterator[Site]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append((self.path, self.headers.get("User-Agent", ""),
                                   time.monotonic()))
            status, headers, body = state.answer(self.path)
            try:
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (the timeout test)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


def _fetcher(**options: object) -> Fetcher:
    defaults: dict[str, object] = {"host_delay": 0.0, "timeout": 5.0, "retries": 2}
    return Fetcher(**{**defaults, **options})  # type: ignore[arg-type]


def test_sends_its_user_agent_and_spaces_requests_to_one_host(site: Site):
    fetcher = _fetcher(host_delay=0.3, user_agent="newsdossier-test/1.0")
    for path in STORIES:
        assert fetcher.get(site.base + path).status == 200
    agents = {agent for _, agent, _ in site.requests}
    assert agents == {"newsdossier-test/1.0"}
    times = [moment for path, _, moment in site.requests]
    assert [path for path, _, _ in site.requests] == ["/robots.txt", *STORIES]
    assert all(later - earlier >= 0.25 for earlier, later in itertools.pairwise(times))


def test_the_default_user_agent_names_the_tool(site: Site):
    _fetcher().get(site.base + "/news/ferry.html")
    assert site.requests[-1][1].startswith("newsdossier/")


def test_retries_a_busy_server_honouring_retry_after(site: Site):
    pauses: list[float] = []
    site.flaky_left = 2
    response = _fetcher(sleep=pauses.append).get(site.base + "/flaky")
    assert response.body == b"fine now"
    assert [p for p, _, _ in site.requests].count("/flaky") == 3
    assert pauses == [0.0, 0.0]  # Retry-After: 0, not the default back-off


def test_gives_up_after_its_retries_with_one_line(site: Site):
    site.flaky_left = 10
    pauses: list[float] = []
    with pytest.raises(FetchError, match=r"/flaky: HTTP 503"):
        _fetcher(retries=1, sleep=pauses.append).get(site.base + "/flaky")
    assert [p for p, _, _ in site.requests].count("/flaky") == 2


def test_missing_pages_are_not_retried(site: Site):
    with pytest.raises(FetchError, match=r"HTTP 404"):
        _fetcher().get(site.base + "/nothing")
    assert [p for p, _, _ in site.requests].count("/nothing") == 1


def test_times_out(site: Site):
    with pytest.raises(FetchError, match=r"/slow: timed out \(after 2 tries\)"):
        _fetcher(timeout=0.2, retries=1, sleep=lambda _: None).get(site.base + "/slow")


def test_obeys_robots_txt_unless_told_not_to(site: Site):
    with pytest.raises(FetchError, match=r"disallowed by the site's robots\.txt"):
        _fetcher().get(site.base + "/private/memo.html")
    assert "/private/memo.html" not in [p for p, _, _ in site.requests]
    assert _fetcher(obey_robots=False).get(site.base + "/private/memo.html").status == 200


def test_refuses_bodies_over_the_limit_and_other_schemes(site: Site):
    with pytest.raises(FetchError, match="over the limit of 10,000 bytes"):
        _fetcher(max_bytes=10_000).get(site.base + "/huge")
    with pytest.raises(FetchError, match="not an http"):
        _fetcher().get("file:///etc/passwd")


def test_a_closed_port_is_one_error(site: Site):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match=r"127\.0\.0\.1:\d+/x: .*refused.*after 2 tries"):
        _fetcher(retries=1, sleep=lambda _: None).get(f"http://127.0.0.1:{port}/x")


# --- through the CLI --------------------------------------------------------------------------


def _dossier(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "DOSSIER_FETCH_DELAY": "0.05", "DOSSIER_PROGRESS": "never",
                   **(env or {})}
    return subprocess.run([sys.executable, "-m", "newsdossier.cli", *args], env=environment,
                          capture_output=True, text=True, timeout=300)


def _articles(db: Path) -> list[dict[str, object]]:
    exported = _dossier("export", "--db", str(db), "--table", "articles", "--format", "jsonl")
    assert exported.returncode == 0, exported.stderr
    return [json.loads(line) for line in exported.stdout.splitlines()]


def test_ingest_a_feed_url_fetches_each_entry_page_once(site: Site, tmp_path: Path):
    db = tmp_path / "feed.db"
    first = _dossier("ingest", "--db", str(db), "--workers", "1", site.base + "/feed.xml")
    assert "3 new, 0 already stored, 1 failed" in first.stderr, first.stderr
    assert "feed.xml#3: warning: HTTP 404 Not Found; the entry's own text is used" in first.stderr
    assert "feed.xml#4 " in first.stderr and "not an HTML page (content type image/jpeg)" \
        in first.stderr
    articles = {row["url"]: row for row in _articles(db)}
    ferry = articles[site.base + "/news/ferry.html"]
    assert ferry["title"] == "Ferry service resumes across the bay"
    assert ferry["source"] == "Loopback Gazette"
    assert "storm closed the crossing" in str(ferry["text"])
    assert "Short teaser" not in str(ferry["text"]) and "Copyright" not in str(ferry["text"])
    assert str(ferry["published"]).startswith("2026-05-04")
    assert "forty thousand visitors" in str(articles[site.base + "/news/gone.html"]["text"])

    pages_before = [p for p, _, _ in site.requests if p.startswith("/news/")]
    again = _dossier("ingest", "--db", str(db), "--workers", "1", site.base + "/feed.xml")
    assert "0 new, 3 already stored, 1 failed" in again.stderr, again.stderr
    pages_after = [p for p, _, _ in site.requests if p.startswith("/news/")]
    assert pages_after == [*pages_before, "/news/photo.jpg"]  # stored entries not re-fetched


def test_ingest_page_urls_and_report_each_failure(site: Site, tmp_path: Path):
    db = tmp_path / "pages.db"
    result = _dossier("ingest", "--db", str(db), "--workers", "1",
                      site.base + "/news/bridge.html", site.base + "/news/photo.jpg",
                      site.base + "/private/memo.html", site.base + "/nothing")
    lines = result.stderr.splitlines()
    assert any(line.endswith("/news/photo.jpg: neither a feed nor a page (content type "
                             "image/jpeg)") for line in lines), result.stderr
    assert any(line.endswith("/private/memo.html: disallowed by the site's robots.txt")
               for line in lines)
    assert any(line.endswith("/nothing: HTTP 404 Not Found") for line in lines)
    assert "1 new, 0 already stored, 3 failed" in result.stderr
    [bridge] = _articles(db)
    assert bridge["title"] == "Council approves new river bridge"
    assert bridge["url"] == site.base + "/news/bridge.html"
    again = _dossier("ingest", "--db", str(db), "--workers", "1", site.base + "/news/bridge.html")
    assert "0 new, 1 already stored, 0 failed" in again.stderr


def test_feed_entries_content_keeps_the_feed_text(site: Site, tmp_path: Path):
    db = tmp_path / "content.db"
    result = _dossier("ingest", "--db", str(db), "--workers", "1", site.base + "/feed.xml",
                      env={"DOSSIER_FEED_ENTRIES": "content"})
    assert "1 new" in result.stderr  # only the entry with real text of its own
    assert not [p for p, _, _ in site.requests if p.startswith("/news/")]
