"""Web app latency: the API under loopback load, and page render times in Chromium.

    .venv/bin/python benchmarks/web.py [--articles 20000] [--events 100000] [--seconds 10]
                                       [--concurrency 2] [--db FILE]

Generates (or reuses, with --db) a database of synthetic articles and events with the
store's own schema, starts `dossier serve` on it, and for each API scenario sends requests
from `--concurrency` threads for `--seconds`, printing p50 / p95 / max latency and requests
per second. Then, when Debian's chromium and chromedriver are installed, it opens each page
and times it from navigation to drawn (`document.body.dataset.ready`). Results go to stdout
and benchmarks/results/web.json.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any

from newsdossier.store import Store

RESULTS = Path(__file__).resolve().parent / "results"
ROOT = Path(__file__).resolve().parent.parent
TYPES = ["ACCUSE", "ASSAULT", "CONSULT", "COERCE", "PROTEST", "SANCTION", "AGREE", "REQUEST",
         "AID", "THREATEN", "MOBILIZE", "REJECT", "SUPPORT", "RETREAT", "CONCEDE", "DENY"]
STATUSES = ["asserted", "reported", "alleged", "denied", "negated", "future", "historical"]
COUNTRIES = ["USA", "RUS", "CHN", "SYR", "UKR", "ISR", "PSE", "IRN", "TUR", "SDN", "COD",
             "MMR", "FRA", "DEU", "GBR", "IND", "PAK", "AFG", "IRQ", "YEM", "EGY", "NGA"]
SECTORS = ["GOV", "MIL", "REB", "OPP", "CVL", "MED", "JUD", "POL", "BUS", "IGO"]
SOURCES = [f"Wire {n}" for n in range(40)]
PLACES = [("Damascus", "SYR", 33.51, 36.29), ("Kyiv", "UKR", 50.45, 30.52),
          ("Gaza", "PSE", 31.50, 34.47), ("Khartoum", "SDN", 15.55, 32.53),
          ("Goma", "COD", -1.68, 29.22), ("Aleppo", "SYR", 36.20, 37.16),
          ("Geneva", "CHE", 46.20, 6.15), ("Doha", "QAT", 25.29, 51.53),
          ("Kabul", "AFG", 34.53, 69.17), ("Sanaa", "YEM", 15.35, 44.21)]


def words(rng: random.Random, vocabulary: list[str], n: int) -> str:
    return " ".join(rng.choice(vocabulary) for _ in range(n))


def generate(path: Path, n_articles: int, n_events: int, seed: int = 7) -> None:
    """A database with the store's schema filled with synthetic rows (no pipeline)."""
    rng = random.Random(seed)
    syllables = ["ka", "ro", "mi", "ten", "sa", "lu", "vor", "din", "pe", "al", "mar", "zu"]
    vocabulary = ["".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
                  for _ in range(6000)] + ["ceasefire", "shelling", "talks", "sanctions",
                                           "crematorium", "prison", "protest", "refugees"]
    Store(path).close()  # the schema, by the store's own migrations
    conn = __import__("sqlite3").connect(path)
    conn.execute("PRAGMA synchronous = OFF")
    per_article = max(1, n_events // n_articles)
    articles, events = [], []
    for a in range(n_articles):
        day = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        text = ". ".join(words(rng, vocabulary, 18) for _ in range(10)) + "."
        article_id = f"a{a:06d}"
        source = rng.choice(SOURCES)
        articles.append((article_id, f"Report {a}: {words(rng, vocabulary, 6)}", text, day,
                         source, f"https://example.org/{a}", "en", "bench", day, "{}", source))
        for e in range(per_article):
            source, target = rng.sample(COUNTRIES, 2)
            place = rng.choice(PLACES) if rng.random() < 0.4 else None
            start = rng.randrange(0, len(text) - 120)
            events.append((
                article_id, f"e{e}", rng.choice(TYPES), None, "[]", f"{rng.randint(1, 20):02d}",
                f"{source} officials", source, rng.choice(SECTORS), source + "GOV",
                f"{target} forces", target, rng.choice(SECTORS), target + "MIL", "[]", "[]",
                place[0] if place else None, place[1] if place else None,
                place[2] if place else None, place[3] if place else None, None, day,
                rng.choice(STATUSES), start, start + 110, start + 5, start + 12, "trigger",
                int(rng.random() < 0.1), round(rng.uniform(0.3, 0.95), 2)))
    conn.executemany("INSERT INTO articles(id, title, text, published, source, url, language, "
                     "origin, ingested_at, record, outlet) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                     articles)
    conn.executemany(
        "INSERT INTO events(article_id, event_id, type, mode, context, cameo, source_name, "
        "source_country, source_sector, source_code, target_name, target_country, "
        "target_sector, target_code, source, target, location_name, location_country, lat, "
        "lon, location, date, status, sentence_start, sentence_end, trigger_start, "
        "trigger_end, trigger_text, background, confidence) VALUES "
        "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", events)
    conn.executemany("INSERT INTO actors(article_id, idx, text, start, \"end\", name, country, "
                     "sector, code) VALUES (?,?,?,?,?,?,?,?,?)",
                     [(e[0], int(e[1][1:]), e[6], 0, 5, e[6], e[7], e[8], e[9]) for e in events])
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()


def scenarios(rng: random.Random) -> dict[str, Any]:
    def pick(values: list[str]) -> str:
        return rng.choice(values)

    return {
        "events, first page": lambda: ("/api/events", {}),
        "events, confidence ≥ 0.5 (default)": lambda: ("/api/events", {
            "min_confidence": 0.5}),
        "stats": lambda: ("/api/stats", {"min_confidence": 0.5}),
        "events, type + country": lambda: ("/api/events", {"type": pick(TYPES),
                                                           "country": pick(COUNTRIES)}),
        "events, dates + status, by type": lambda: ("/api/events", {
            "date_from": "2026-03-01", "date_to": "2026-04-15", "status": pick(STATUSES),
            "sort": "type", "order": "asc"}),
        "events, actor, page 3": lambda: ("/api/events", {"actor": pick(COUNTRIES) + "GOV",
                                                          "offset": 100}),
        "search, common word": lambda: ("/api/search", {"q": pick(["talks", "shelling",
                                                                   "ceasefire"])}),
        "search, word + source": lambda: ("/api/search", {"q": pick(["prison", "refugees"]),
                                                          "source": pick(SOURCES)}),
        "timeline, by week": lambda: ("/api/timeline", {"bucket": "week",
                                                        "type": pick(TYPES)}),
        "map": lambda: ("/api/map", {"type": pick(TYPES)}),
        "network, accusations": lambda: ("/api/network", {"kind": "accuse"}),
        "article": lambda: (f"/api/articles/a{rng.randrange(1000):06d}", {}),
    }


def load(port: int, make: Any, seconds: float, concurrency: int) -> list[float]:
    latencies: list[float] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        while time.monotonic() < stop:
            path, params = make()
            url = path + ("?" + urllib.parse.urlencode(params) if params else "")
            began = time.perf_counter()
            conn.request("GET", url)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"{url}: HTTP {response.status}")
            mine.append((time.perf_counter() - began) * 1000)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies


def page_times(base: str) -> dict[str, float]:
    chromium, driver_path = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
    if not (chromium.exists() and driver_path.exists()):
        print("pages: skipped (no /usr/bin/chromium + chromedriver)")
        return {}
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = str(chromium)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(driver_path)), options=options)
    times = {}
    try:
        for page, fragment in (("search", "search?q=talks"), ("events", "events"),
                               ("timeline", "timeline"), ("map", "map"),
                               ("network", "network"), ("article", "article/a000001")):
            best = float("inf")
            for _ in range(3):
                driver.get("about:blank")
                driver.get(f"{base}/#/{fragment}")
                WebDriverWait(driver, 30).until(
                    lambda d, p=page: d.execute_script("return document.body.dataset.ready")
                    in (p, "error"))
                best = min(best, float(driver.execute_script(
                    "return document.body.dataset.readyMs")))
            times[page] = best
    finally:
        driver.quit()
    return times


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=2,
                        help="client threads (default 2: this project's machines have 2 cores)")
    parser.add_argument("--db", help="reuse (or create) this database file")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="dossier-web-bench-"))
    db = Path(args.db) if args.db else folder / "bench.db"
    if not db.exists():
        began = time.perf_counter()
        generate(db, args.articles, args.events)
        print(f"generated {db}: {args.articles:,} articles, {args.events:,} events in "
              f"{time.perf_counter() - began:.1f} s")
    port = free_port()
    server = subprocess.Popen([str(ROOT / ".venv/bin/dossier"), "serve", "--db", str(db),
                               "--port", str(port)], stderr=subprocess.PIPE)
    try:
        for _ in range(200):
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/")
                break
            except OSError:
                time.sleep(0.1)
        rng = random.Random(11)
        results: dict[str, Any] = {"articles": args.articles, "events": args.events,
                                   "seconds": args.seconds, "concurrency": args.concurrency,
                                   "api": {}}
        print(f"{'scenario':<34} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'req/s':>8}")
        for name, make in scenarios(rng).items():
            load(port, make, 1.0, 1)  # warm-up
            latencies = sorted(load(port, make, args.seconds, args.concurrency))
            p95 = latencies[int(0.95 * (len(latencies) - 1))]
            row = {"p50": statistics.median(latencies), "p95": p95, "max": latencies[-1],
                   "rps": len(latencies) / args.seconds, "n": len(latencies)}
            results["api"][name] = row
            print(f"{name:<34} {row['p50']:8.1f} {p95:8.1f} {row['max']:8.1f} "
                  f"{row['rps']:8.1f}")
        pages = page_times(f"http://127.0.0.1:{port}")
        for page, ms in pages.items():
            print(f"page {page:<29} {ms:8.0f} ms from navigation to drawn (best of 3)")
        results["pages_ms"] = pages
    finally:
        server.terminate()
        server.wait(timeout=10)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "web.json").write_text(json.dumps(results, indent=1) + "\n")
    print(f"written: {RESULTS / 'web.json'}")


if __name__ == "__main__":
    sys.exit(main())
