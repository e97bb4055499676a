"""The web app: its API in process, and its pages in Debian's headless Chromium."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import socket
import sqlite3
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

import synthetic
from conftest import DOSSIER, run_dossier
from newsdossier.web import create_app
from newsdossier.web.queries import MAX_PAGE, Filters, QueryError, connect, fts_query

CHROMIUM = Path(os.environ.get("DOSSIER_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("DOSSIER_CHROMEDRIVER", "/usr/bin/chromedriver"))
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"

HOSTILE_ID = "hostile-1"
HOSTILE = {
    "id": HOSTILE_ID,
    "title": "Rebels shell Kalo <img src=x onerror=\"window.__pwned='title'\">",
    "published": "2026-03-20",
    "source": "Hostile <script>window.__pwned='source'</script> Wire",
    "url": "javascript:window.__pwned='url'",
    "text": ("Rebels shelled the market in El Obeid on Monday, killing 12 people, officials "
             "said. <script>window.__pwned = 'script'</script> The army denied it. "
             "<img src=x onerror=\"window.__pwned='img'\"> <a href=\"javascript:window."
             "__pwned='link'\">details</a> <svg onload=\"window.__pwned='svg'\"></svg>"),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("web")
    db = folder / "web.db"
    built = run_dossier("demo", "--db", str(db), "--no-serve")
    assert built.returncode == 0, built.stderr
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    added = run_dossier("ingest", str(hostile), "--db", str(db))
    assert added.returncode == 0, added.stderr
    return db


@pytest.fixture(scope="module")
def fingerprint(database: Path) -> str:
    """The database file's bytes before the app touches it."""
    return hashlib.sha256(database.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def client(database: Path, fingerprint: str) -> TestClient:
    return TestClient(create_app(database))


# --- the API ---------------------------------------------------------------------------------


def test_every_response_carries_the_security_headers(client: TestClient):
    for path in ("/", "/api/overview", "/static/app.js", "/api/events?limit=999"):
        response = client.get(path)
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp
        assert "unsafe-inline" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"


def test_overview_counts_and_filter_values(client: TestClient):
    overview = client.get("/api/overview").json()
    assert overview["counts"]["articles"] == 17
    assert "ASSAULT" in overview["types"] and "Meridian Wire" in overview["sources"]
    assert "MMR" in overview["countries"]


def test_search_ranks_and_counts_facets(client: TestClient):
    found = client.get("/api/search", params={"q": "crematorium"}).json()
    assert found["total"] >= 3
    open_mark, close_mark = found["marks"]
    assert all(open_mark in row["snippet"] and close_mark in row["snippet"]
               for row in found["rows"])
    for row in found["rows"]:  # each result points at the sentence it matched in
        article = client.get(f"/api/articles/{row['id']}").json()
        assert "crematorium" in article["text"][row["sentence_start"]:row["sentence_end"]]
    sources = {f["value"]: f["n"] for f in found["facets"]["source"]}
    assert sum(sources.values()) == found["total"]
    one = next(iter(sources))
    narrowed = client.get("/api/search", params={"q": "crematorium", "source": one}).json()
    assert narrowed["total"] == sources[one]
    assert {row["source"] for row in narrowed["rows"]} == {one}


def test_search_words_are_quoted_so_fts_syntax_never_breaks_it(client: TestClient):
    for words in ('"unbalanced', "NEAR(", "a OR", "crematorium*", "* -x AND (", "ñandú"):
        response = client.get("/api/search", params={"q": words})
        assert response.status_code in (200, 400), words
        if response.status_code == 400:
            assert response.json()["detail"] == "empty search"
    assert fts_query('Hollywood "plot" prox*') == '"Hollywood" "plot" "prox"*'
    with pytest.raises(QueryError):
        fts_query("  * ")


def test_events_filter_sort_page(client: TestClient):
    everything = client.get("/api/events", params={"limit": MAX_PAGE}).json()
    assert everything["total"] == len(everything["rows"]) > 50
    assaults = client.get("/api/events", params={"type": "ASSAULT", "limit": 5}).json()
    assert assaults["total"] > 5 and len(assaults["rows"]) == 5
    assert {row["type"] for row in assaults["rows"]} == {"ASSAULT"}
    second = client.get("/api/events", params={"type": "ASSAULT", "limit": 5,
                                               "offset": 5}).json()
    assert not {r["event_id"] + r["article_id"] for r in assaults["rows"]} & {
        r["event_id"] + r["article_id"] for r in second["rows"]}
    dates = [row["date"] for row in client.get("/api/events", params={
        "sort": "date", "order": "asc", "limit": MAX_PAGE}).json()["rows"] if row["date"]]
    assert dates == sorted(dates)
    usa = client.get("/api/events", params={"country": "USA", "limit": MAX_PAGE}).json()
    assert all("USA" in (r["source_country"], r["target_country"], r["location_country"])
               for r in usa["rows"])
    window = client.get("/api/events", params={"date_from": "2026-03-01",
                                               "date_to": "2026-03-09"}).json()
    assert all("2026-03-01" <= (r["date"] or r["published"])[:10] <= "2026-03-09"
               for r in window["rows"])


def test_query_limits(client: TestClient):
    assert client.get("/api/events", params={"limit": MAX_PAGE + 1}).status_code == 422
    assert client.get("/api/events", params={"offset": -1}).status_code == 422
    assert client.get("/api/events", params={"sort": "1; DROP TABLE events"}).status_code == 422
    assert client.get("/api/search", params={"q": "x" * 201}).status_code == 422
    assert client.get("/api/search").status_code == 400


def test_exports_of_a_filtered_view_agree(client: TestClient):
    params = {"type": "ASSAULT"}
    total = client.get("/api/events", params=params).json()["total"]
    as_csv = client.get("/api/events", params={**params, "format": "csv"})
    assert as_csv.headers["content-disposition"].endswith('events.csv"')
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert len(rows) == total and {r["type"] for r in rows} == {"ASSAULT"}
    lines = client.get("/api/events", params={**params, "format": "jsonl"}).text.splitlines()
    assert len(lines) == total and json.loads(lines[0])["type"] == "ASSAULT"
    parquet = client.get("/api/events", params={**params, "format": "parquet"})
    table = pq.read_table(io.BytesIO(parquet.content))
    assert table.num_rows == total and "sentence_start" in table.column_names
    empty = client.get("/api/events", params={"type": "NOPE", "format": "parquet"})
    assert pq.read_table(io.BytesIO(empty.content)).num_rows == 0


def test_search_results_export(client: TestClient):
    total = client.get("/api/search", params={"q": "prison"}).json()["total"]
    rows = list(csv.DictReader(io.StringIO(client.get(
        "/api/search", params={"q": "prison", "format": "csv"}).text)))
    assert len(rows) == total and "[" in rows[0]["snippet"]
    table = pq.read_table(io.BytesIO(client.get(
        "/api/search", params={"q": "prison", "format": "parquet"}).content))
    assert table.num_rows == total
    refused = client.get("/api/events", params={"format": "csv", "sort": "date",
                                                "date_from": "x" * 40})
    assert refused.status_code == 422


def test_timeline_map_and_network(client: TestClient):
    days = client.get("/api/timeline").json()
    assert days and all(len(row["period"]) == 10 for row in days)
    weeks = client.get("/api/timeline", params={"bucket": "week"}).json()
    assert sum(r["n"] for r in weeks) == sum(r["n"] for r in days)
    cells = client.get("/api/basemap").json()["cells"]
    assert len(cells) > 5000 and [34, 36] in cells  # around Damascus, from the gazetteer
    points = client.get("/api/map").json()
    doha = next(p for p in points if p["name"] == "Doha" and p["country"] == "QAT")
    there = client.get("/api/events", params={"location": "Doha"}).json()
    assert there["total"] == doha["n"] and {r["location_name"] for r in there["rows"]} == {"Doha"}
    network = client.get("/api/network").json()
    assert network["edges"] and all(e["weight"] >= 1 for e in network["edges"])
    ids = {node["id"] for node in network["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in network["edges"])
    accusations = client.get("/api/network", params={"kind": "accuse"}).json()
    assert {e["type"] for e in accusations["edges"]} <= {"ACCUSE"}


def test_claim_threads_and_articles(client: TestClient):
    threads = client.get("/api/threads").json()
    biggest = threads[0]
    assert biggest["articles"] >= 5 and biggest["alleges"] >= 1 and biggest["denies"] >= 1
    thread = client.get(f"/api/threads/{biggest['thread_id']}").json()
    dates = [c["published"] for c in thread["claims"]]
    assert dates == sorted(dates) and len(thread["claims"]) == biggest["members"]
    claim = thread["claims"][0]
    article = client.get(f"/api/articles/{claim['article_id']}").json()
    assert article["text"][claim["content_start"]:claim["content_end"]] == claim["content_text"]
    for event in article["events"]:
        assert article["text"][event["trigger_start"]:event["trigger_end"]] == \
            event["trigger_text"]
    assert client.get("/api/articles/no-such").status_code == 404
    assert client.get("/api/threads/999999").status_code == 404


def test_the_hostile_article_comes_back_as_data(client: TestClient):
    article = client.get(f"/api/articles/{HOSTILE_ID}").json()
    assert "<script>" in article["text"] and article["url"] is None  # javascript: dropped
    assert article["title"] == HOSTILE["title"]


def test_no_file_serving_route_walks_the_file_system(client: TestClient):
    for path in ("/static/../settings.toml", "/static/..%2F..%2Fsettings.toml",
                 "/static/%2e%2e/%2e%2e/etc/passwd", "/static/app.js%00.css",
                 "/static/queries.py", "/static/", "/../../etc/passwd"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert b"root:" not in response.content and b"[" not in response.content[:1]


def test_the_server_cannot_write_the_database(database: Path):
    conn = connect(database)
    with pytest.raises(sqlite3.OperationalError, match=r"readonly|read-only|query_only"):
        conn.execute("DELETE FROM events")
    conn.close()


def test_openapi_documents_the_api(client: TestClient):
    schema = client.get("/openapi.json").json()
    for path in ("/api/search", "/api/events", "/api/timeline", "/api/map", "/api/network",
                 "/api/threads", "/api/threads/{thread_id}", "/api/articles/{article_id}"):
        assert path in schema["paths"], path
    parameters = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"type", "status", "country", "actor", "sort", "limit", "format"} <= parameters


def test_filters_refuse_long_values():
    with pytest.raises(QueryError):
        Filters(actor="x" * 500).check()
    with pytest.raises(QueryError):
        Filters(min_confidence=1.5).check()


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """The app over the hand-made database of tests/synthetic.py."""
    return TestClient(create_app(synthetic.build(tmp_path_factory.mktemp("small") / "s.db")))


def test_timeline_weeks_are_iso_weeks_with_their_year(small: TestClient):
    weeks = small.get("/api/timeline", params={"bucket": "week"}).json()
    new_year = [row for row in weeks if row["period"] == "2020-W01"]
    # 31 December, 2 January and "last week" (30 December) are one week, not two
    assert sum(row["n"] for row in new_year) == 3
    assert {(row["start"], row["end"]) for row in new_year} == {("2019-12-30", "2020-01-05")}
    assert all(row["period"][:4] in ("2019", "2020") and "-W" in row["period"]
               for row in weeks)
    days = small.get("/api/timeline").json()
    assert {row["period"] for row in days} >= {"2019-12-31", "2020-01-02"}
    assert all(row["start"] == row["end"] == row["period"] for row in days)


def test_events_filter_on_confidence_and_show_plover_events_only(small: TestClient):
    everything = small.get("/api/events").json()
    assert everything["total"] == synthetic.FOREGROUND_TYPED
    assert all(row["type"] for row in everything["rows"])  # no CAMEO-only "null (015)"
    confident = small.get("/api/events", params={"min_confidence": 0.5}).json()
    assert confident["total"] == synthetic.FOREGROUND_TYPED_CONFIDENT
    assert min(row["confidence"] for row in confident["rows"]) >= 0.5
    assert small.get("/api/events", params={"min_confidence": 2}).status_code == 422
    rows = list(csv.DictReader(io.StringIO(small.get("/api/events", params={
        "min_confidence": 0.8, "format": "csv"}).text)))
    assert rows and all(float(row["confidence"]) >= 0.8 for row in rows)
    assert small.get("/api/map", params={"min_confidence": 0.95}).json() == []
    assert None not in small.get("/api/overview").json()["types"]
    article = small.get("/api/articles/wn-1").json()
    assert all(event["type"] for event in article["events"])


def test_articles_are_filed_under_their_outlet(small: TestClient):
    article = small.get("/api/articles/wn-1").json()
    assert article["outlet"] == "Wikinews" and article["source"] is None
    assert "Wikinews" in small.get("/api/overview").json()["sources"]
    wiki = small.get("/api/events", params={"source": "Wikinews"}).json()
    assert wiki["total"] == 3 and {row["outlet"] for row in wiki["rows"]} == {"Wikinews"}
    found = small.get("/api/search", params={"q": "Kalo"}).json()
    assert {f["value"] for f in found["facets"]["source"]} == {"Wikinews", "example-news.com"}
    assert {row["outlet"] for row in found["rows"]} == {"Wikinews", "example-news.com"}


def test_network_nodes_are_no_bare_sector_codes(small: TestClient):
    nodes = {node["id"] for node in small.get("/api/network").json()["nodes"]}
    assert {"SDNCOP", "RUR", "BOR", "SDNGOV"} <= nodes
    assert not nodes & {"CVL", "OPP", "NGO"} and "the crowd" in nodes


def test_stats_api(small: TestClient):
    found = small.get("/api/stats").json()
    assert found["events"] == synthetic.FOREGROUND_TYPED and found["dated"] == 6
    assert small.get("/api/stats", params={"min_confidence": 0.5}).json()["events"] == \
        synthetic.FOREGROUND_TYPED_CONFIDENT


# --- the real browser ------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(database: Path) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen([*DOSSIER, "serve", "--db", str(database), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/api/overview", timeout=2):
                break
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(process.stderr.read().decode()) from None
            time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip(f"needs {CHROMIUM} and {CHROMEDRIVER} (Debian chromium, chromium-driver; "
                    "installed by .ci/run)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                 "--window-size=1400,1000"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def _open(driver, url: str, page: str) -> None:
    driver.get(url)
    _ready(driver, page)


def _ready(driver, page: str) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 15).until(
        lambda d: d.execute_script("return document.body.dataset.ready") in (page, "error"))
    assert driver.execute_script("return document.body.dataset.ready") == page, \
        driver.find_element("id", "main").text


def _click_and_wait(driver, element, page: str) -> None:
    """Clicks, then waits for the render the click starts (not the one already shown)."""
    driver.execute_script("document.body.dataset.ready = 'pending'")
    element.click()
    _ready(driver, page)


def _shot(driver, name: str) -> None:
    driver.save_screenshot(str(ARTIFACTS / f"{name}.png"))


def test_browser_search_and_facets(server: str, browser):
    from selenium.webdriver.common.by import By

    _open(browser, server + "/#/search", "search")
    box = browser.find_element(By.ID, "f-q")
    box.send_keys("crematorium")
    _click_and_wait(browser, browser.find_element(By.ID, "apply"), "search")
    total = int(browser.find_element(By.ID, "total").text.split()[0])
    assert total >= 3 and len(browser.find_elements(By.CSS_SELECTOR, ".result")) == total
    assert browser.find_elements(By.CSS_SELECTOR, ".snippet mark")
    _shot(browser, "search")
    facet = browser.find_element(By.CSS_SELECTOR, "[data-facet=source] .facet-value")
    expected = int(facet.text.rsplit("(", 1)[1].rstrip(")"))
    _click_and_wait(browser, facet, "search")
    assert "source=" in browser.current_url
    assert int(browser.find_element(By.ID, "total").text.split()[0]) == expected


def test_browser_events_filters_sorting_paging(server: str, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    _open(browser, server + "/#/events", "events")
    everything = int(browser.find_element(By.ID, "total").text.split()[0])
    assert len(browser.find_elements(By.CSS_SELECTOR, "#events .event-row")) == 50
    _click_and_wait(browser, browser.find_element(By.ID, "next"), "events")
    assert "offset=50" in browser.current_url
    Select(browser.find_element(By.ID, "f-type")).select_by_value("ASSAULT")
    _click_and_wait(browser, browser.find_element(By.ID, "apply"), "events")
    assaults = int(browser.find_element(By.ID, "total").text.split()[0])
    assert 0 < assaults < everything
    types = {row.find_elements(By.TAG_NAME, "td")[1].text.split()[0]
             for row in browser.find_elements(By.CSS_SELECTOR, "#events .event-row")}
    assert types == {"ASSAULT"}
    _click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "th[data-sort=date]"), "events")
    assert "order=asc" in browser.current_url
    exports = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR,
                                                                       "#exports a")]
    assert any("format=csv" in href and "type=ASSAULT" in href for href in exports)
    _shot(browser, "events")
    link = browser.find_element(By.CSS_SELECTOR, "#events .article-link")
    _click_and_wait(browser, link, "article")
    assert browser.find_element(By.ID, "focus").text


def test_browser_map_lists_a_places_events(server: str, browser):
    from selenium.webdriver.common.by import By

    _open(browser, server + "/#/map", "map")
    assert browser.find_element(By.ID, "land").get_attribute("d").count("M") > 5000
    places = browser.find_elements(By.CSS_SELECTOR, "#map circle.place")
    assert places
    doha = next(p for p in places if p.get_attribute("data-name") == "Doha")
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', "
                           "{bubbles: true}))", doha)
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(browser, 10).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#place-events li"))
    assert "Doha" in browser.find_element(By.ID, "map-detail").text
    _shot(browser, "map")


def test_browser_timeline_and_network_draw(server: str, browser):
    import re

    from selenium.webdriver.common.by import By

    _open(browser, server + "/#/timeline", "timeline")
    bars = browser.find_elements(By.CSS_SELECTOR, "#timeline rect.bar")
    assert bars
    labels = [t.text for t in browser.find_elements(By.CSS_SELECTOR, "#timeline .period-label")]
    assert labels and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", label) for label in labels)
    colours = browser.execute_script("return TYPE_COLOURS")
    assert len(colours) == 16 and len(set(colours.values())) == 16  # one per PLOVER type
    fills = {bar.get_attribute("data-type"): bar.get_attribute("fill") for bar in bars}
    assert all(fills[kind] == colours[kind] for kind in fills)
    assert len(set(fills.values())) == len(fills) > 5
    swatches = browser.execute_script(
        "return [...document.querySelectorAll('#legend .swatch')].map("
        "(node) => getComputedStyle(node).color)")
    assert len(set(swatches)) == len(swatches) == len(fills)
    _shot(browser, "timeline")
    _click_and_wait(browser, browser.find_element(By.ID, "by-week"), "timeline")
    weeks = [t.text for t in browser.find_elements(By.CSS_SELECTOR, "#timeline .period-label")]
    assert weeks and all(re.fullmatch(r"\d{4}-W\d{2}", week) for week in weeks)
    first = browser.find_element(By.CSS_SELECTOR, "#timeline rect.bar")
    browser.execute_script("document.body.dataset.ready = 'pending'; arguments[0].dispatchEvent("
                           "new MouseEvent('click', {bubbles: true}))", first)
    _ready(browser, "events")
    assert "date_from=" in browser.current_url and "date_to=" in browser.current_url
    _shot(browser, "timeline-weeks")
    _open(browser, server + "/#/network?kind=accuse", "network")
    assert browser.find_elements(By.CSS_SELECTOR, "#network line.edge")
    assert all(row.find_elements(By.TAG_NAME, "td")[1].text == "ACCUSE"
               for row in browser.find_elements(By.CSS_SELECTOR, "#edges tbody tr"))
    _shot(browser, "network")


def test_browser_claim_thread_to_the_highlighted_sentence(server: str, browser):
    from selenium.webdriver.common.by import By

    _open(browser, server + "/#/threads", "threads")
    _click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, ".thread-link"), "thread")
    stances = [c.get_attribute("data-stance") for c in
               browser.find_elements(By.CSS_SELECTOR, "#claims .claim")]
    assert stances[0] == "alleges" and "denies" in stances and "supports" in stances
    _shot(browser, "thread")
    first = browser.find_element(By.CSS_SELECTOR, "#claims .claim .article-link")
    quoted = first.text
    _click_and_wait(browser, first, "article")
    assert browser.find_element(By.ID, "focus").text in quoted
    assert browser.execute_script(
        "const r = document.getElementById('focus').getBoundingClientRect();"
        "return r.top >= 0 && r.bottom <= window.innerHeight;")
    _shot(browser, "article")


def test_browser_claims_page_answers_at_both_addresses(server: str, browser):
    from selenium.webdriver.common.by import By

    for address in ("claims", "threads"):
        _open(browser, server + f"/#/{address}", address)
        assert browser.find_elements(By.CSS_SELECTOR, "#threads .thread-link")
        active = browser.find_element(By.CSS_SELECTOR, "#nav a.active")
        assert active.text == "Claims" and active.get_attribute("href").endswith("#/claims")
    _open(browser, server + "/#/no-such-page", "no-such-page")
    assert "no-such-page" in browser.find_element(By.ID, "not-found").text
    assert not browser.find_elements(By.ID, "results")  # not the Search page in disguise


def test_browser_hides_low_confidence_events_until_asked(server: str, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    def total() -> int:
        return int(browser.find_element(By.ID, "total").text.split()[0])

    def floor() -> str:
        return Select(browser.find_element(By.ID, "f-min_confidence")) \
            .first_selected_option.get_attribute("value")

    _open(browser, server + "/#/events", "events")
    assert floor() == "0.5" and browser.find_element(By.ID, "confidence-note").text
    shown = total()
    confidences = [float(row.find_elements(By.TAG_NAME, "td")[7].text) for row in
                   browser.find_elements(By.CSS_SELECTOR, "#events .event-row")]
    assert min(confidences) >= 0.5
    exports = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR,
                                                                       "#exports a")]
    assert all("min_confidence=0.5" in href for href in exports)
    Select(browser.find_element(By.ID, "f-min_confidence")).select_by_value("0.8")
    _click_and_wait(browser, browser.find_element(By.ID, "apply"), "events")
    assert "min_confidence=0.8" in browser.current_url and floor() == "0.8"
    confident = total()
    note = browser.find_element(By.ID, "confidence-note").text
    hidden = int(note.split()[0])
    assert 0 < confident < shown and "below confidence 0.8 are hidden" in note
    _click_and_wait(browser, browser.find_element(By.ID, "show-low"), "events")
    assert "min_confidence=0" in browser.current_url and floor() == "0"
    assert total() == confident + hidden >= shown
    _shot(browser, "events-all-confidence")


def test_browser_runs_nothing_from_an_article(server: str, browser):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    for page, ready in ((f"/#/article/{HOSTILE_ID}", "article"), ("/#/events?source=" +
                        urllib.request.quote(HOSTILE["source"]), "events"),
                        ("/#/search?q=shelled", "search")):
        _open(browser, server + page, ready)
        for link in browser.find_elements(By.CSS_SELECTOR, "a"):
            assert not (link.get_attribute("href") or "").startswith("javascript:")
        for element in browser.find_elements(By.CSS_SELECTOR, "#main *"):
            try:
                element.click()
            except Exception:  # hidden, covered or detached: nothing to trigger
                continue
        assert browser.execute_script("return window.__pwned === undefined")
        with pytest.raises(NoAlertPresentException):
            browser.switch_to.alert.text  # noqa: B018
        _open(browser, server + f"/#/article/{HOSTILE_ID}", "article")
    text = browser.find_element(By.ID, "article-text").text
    assert "<script>window.__pwned = 'script'</script>" in text  # shown, not run
    assert not browser.find_elements(By.CSS_SELECTOR, "#main script, #main img, #main svg "
                                     "[onload], #main [onerror]")
    assert browser.find_element(By.ID, "article-title").text == HOSTILE["title"]
    _shot(browser, "hostile-article")


def test_serve_binds_loopback_by_default():
    help_text = run_dossier("serve", "--help").stdout
    assert "127.0.0.1" in help_text
    missing = run_dossier("serve", "--db", "/nonexistent/x.db", "--port", str(_free_port()))
    assert missing.returncode != 0 and "x.db" in missing.stderr


def test_after_all_the_browsing_the_database_is_unchanged_plain_sqlite(database: Path,
                                                                      fingerprint: str):
    assert hashlib.sha256(database.read_bytes()).hexdigest() == fingerprint
    with sqlite3.connect(database) as conn:  # any SQLite client (or Datasette) opens it
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 17
