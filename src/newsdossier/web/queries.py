"""Read-only queries behind the web app: parameterised SQL over the store, nothing else.

Every function takes an open read-only connection and plain values; filters become `?`
parameters, column names come from fixed allow-lists, never from the request.
"""

from __future__ import annotations

import json
import re
import sqlite3
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

MAX_PAGE = 500
MAX_QUERY_CHARS = 200
MAX_EXPORT_ROWS = 1_000_000
SNIPPET_OPEN, SNIPPET_CLOSE = "\ue000", "\ue001"  # marks no article text contains

EVENT_COLUMNS = (
    "article_id", "event_id", "date", "type", "mode", "cameo", "status", "source_name",
    "source_country", "source_sector", "source_code", "target_name", "target_country",
    "target_sector", "target_code", "location_name", "location_country", "lat", "lon",
    "attributed_name", "attributed_code", "trigger_text", "trigger_start", "trigger_end",
    "sentence_start", "sentence_end", "dead", "injured", "background", "confidence",
    "date_basis", "location_basis",
)
EVENT_SORTS = {"date": "e.date", "type": "e.type", "source": "e.source_name",
               "target": "e.target_name", "status": "e.status", "location": "e.location_name",
               "published": "a.published", "dead": "e.dead", "confidence": "e.confidence",
               "outlet": "a.outlet"}
# The analyst's events table (exports, `dossier events`): each event with its article, the
# sentence it comes from and the granularities of the article's time expressions that give
# its date (export.py turns them and the value's form into `date_precision`).
EVENT_EXPORT_SELECT = (
    ("article_id", "e.article_id"), ("event_id", "e.event_id"), ("title", "a.title"),
    ("url", "a.url"), ("outlet", "a.outlet"), ("published", "a.published"),
    ("date", "e.date"), ("date_basis", "e.date_basis"), ("date_precision", "e.date_precision"),
    ("type", "e.type"), ("mode", "e.mode"), ("cameo", "e.cameo"), ("status", "e.status"),
    ("confidence", "e.confidence"),
    ("source_name", "e.source_name"), ("source_code", "e.source_code"),
    ("source_country", "e.source_country"), ("source_sector", "e.source_sector"),
    ("target_name", "e.target_name"), ("target_code", "e.target_code"),
    ("target_country", "e.target_country"), ("target_sector", "e.target_sector"),
    ("attributed_name", "e.attributed_name"), ("attributed_code", "e.attributed_code"),
    ("location_name", "e.location_name"), ("location_country", "e.location_country"),
    ("lat", "e.lat"), ("lon", "e.lon"), ("location_basis", "e.location_basis"),
    ("dead", "e.dead"), ("injured", "e.injured"), ("size", "e.size"),
    ("sentence", "substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)"),
    ("trigger_text", "e.trigger_text"), ("sentence_start", "e.sentence_start"),
    ("sentence_end", "e.sentence_end"), ("trigger_start", "e.trigger_start"),
    ("trigger_end", "e.trigger_end"), ("mentions", "json_array_length(e.mentions) + 1"),
    ("background", "e.background"), ("reciprocal", "e.reciprocal"), ("intent", "e.intent"),
    ("cluster_id", "e.cluster_id"),
    ("date_granularities", "(SELECT group_concat(DISTINCT d.granularity) FROM dates d WHERE "
     "d.article_id = e.article_id AND d.value = e.date)"),
)


class QueryError(ValueError):
    """A request the queries refuse (bad FTS syntax, limits); its message is shown."""


def connect(path: str | Path) -> sqlite3.Connection:
    """The database, read-only (`mode=ro`): the server can never write to it."""
    uri = "file:" + urllib.parse.quote(str(Path(path).resolve())) + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA query_only = ON")
    return conn


@dataclass(slots=True)
class Filters:
    """What a page filters by; every field optional."""

    q: str | None = None  # FTS5 query over titles and texts
    date_from: str | None = None
    date_to: str | None = None
    actor: str | None = None  # code, country or name fragment of source or target
    country: str | None = None  # ISO3 of source, target or location
    type: str | None = None
    status: str | None = None
    source: str | None = None  # the article's outlet (its stated source, else its site)
    include_background: bool = False
    # events the text says did not or may only happen (negated, hypothetical): out of the
    # analyst's views unless asked for, or unless `status` names one
    include_negated: bool = False
    location: str | None = None  # an event location's name
    min_confidence: float | None = None  # events below it are left out (None: all)

    def check(self) -> Filters:
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, str) and len(value) > MAX_QUERY_CHARS:
                raise QueryError(f"{item.name}: at most {MAX_QUERY_CHARS} characters")
        if self.min_confidence is not None and not 0 <= self.min_confidence <= 1:
            raise QueryError("min_confidence: a number from 0 to 1")
        return self


def fts_query(text: str) -> str:
    """The user's words as an FTS5 query: each word quoted (no syntax errors, no operators
    smuggled in), all required; a trailing * keeps prefix search."""
    words = [w for w in text.replace('"', " ").split() if w.strip("*")]
    if not words:
        raise QueryError("empty search")
    parts = []
    for word in words[:32]:
        prefix = word.endswith("*")
        parts.append('"' + word.rstrip("*") + '"' + ("*" if prefix else ""))
    return " ".join(parts)


def _event_where(filters: Filters) -> tuple[str, list[Any]]:
    """The events the filters select. Only PLOVER-typed events are events here: a
    CAMEO-only one (a claim of responsibility, CAMEO 015, which PLOVER does not code) stays in
    the stored `events` table and the record, out of every view, count and analyst export."""
    conditions: list[str] = ["e.type IS NOT NULL"]
    parameters: list[Any] = []
    if not filters.include_background:
        conditions.append("e.background = 0")
    if not filters.include_negated and not filters.status:
        conditions.append("coalesce(e.status, '') NOT IN ('negated', 'hypothetical')")
    if filters.min_confidence:  # an event with no confidence counts as 0
        conditions.append("coalesce(e.confidence, 0) >= ?")
        parameters.append(filters.min_confidence)
    _date_range(filters, "coalesce(e.date, a.published)", conditions, parameters)
    for column, value in (("e.type", filters.type), ("e.status", filters.status),
                          ("a.outlet", filters.source), ("e.location_name", filters.location)):
        if value:  # fixed column names; the value is a parameter
            conditions.append(f"{column} = ?")
            parameters.append(value)
    if filters.country:
        conditions.append("(e.source_country = ? OR e.target_country = ? OR "
                          "e.location_country = ?)")
        parameters += [filters.country] * 3
    if filters.actor and _looks_like_code(filters.actor):  # "SYRGOV", "USA": indexed
        conditions.append("e.rowid IN (SELECT rowid FROM events WHERE source_code = ? UNION "
                          "SELECT rowid FROM events WHERE target_code = ? UNION SELECT rowid "
                          "FROM events WHERE source_country = ? UNION SELECT rowid FROM events "
                          "WHERE target_country = ?)")
        parameters += [filters.actor] * 4
    elif filters.actor:
        like = "%" + _escaped(filters.actor) + "%"
        conditions.append("(e.source_name LIKE ? ESCAPE '\\' OR e.target_name LIKE ? "
                          "ESCAPE '\\')")
        parameters += [like, like]
    if filters.q:
        conditions.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts "
                          "MATCH ?)")
        parameters.append(fts_query(filters.q))
    return " WHERE " + " AND ".join(conditions), parameters


def _date_range(filters: Filters, column: str, conditions: list[str],
                parameters: list[Any]) -> None:
    """`column` (a fixed expression, never user text) within the filters' dates; a
    `date_to` day includes its times."""
    if filters.date_from:
        conditions.append(f"{column} >= ?")
        parameters.append(filters.date_from)
    if filters.date_to:
        conditions.append(f"{column} <= ?")
        parameters.append(filters.date_to + "\uffff")


def _looks_like_code(text: str) -> bool:
    return 3 <= len(text) <= 12 and text.isalnum() and text.upper() == text


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _execute(conn: sqlite3.Connection, sql: str, parameters: list[Any]) -> list[sqlite3.Row]:
    try:
        return conn.execute(sql, parameters).fetchall()
    except sqlite3.OperationalError as exc:
        raise QueryError(f"query refused: {exc}") from exc


_COUNTS: dict[tuple[Any, ...], int] = {}
_COUNTS_KEPT = 512


def _count(conn: sqlite3.Connection, sql: str, parameters: list[Any]) -> int:
    """A count, remembered until the database changes (`PRAGMA data_version` moves when
    another connection commits, e.g. an ingest running beside the server): paging through
    one filtered view counts its rows once. The version only means something on its own
    connection, so the connection and its file are part of the key."""
    version = conn.execute("PRAGMA data_version").fetchone()[0]
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    cache_key = (id(conn), path, sql, tuple(parameters), version)
    if cache_key not in _COUNTS:
        if len(_COUNTS) >= _COUNTS_KEPT:
            _COUNTS.clear()
        _COUNTS[cache_key] = _execute(conn, sql, parameters)[0][0]
    return _COUNTS[cache_key]


def _page(limit: int, offset: int) -> tuple[int, int]:
    if not 1 <= limit <= MAX_PAGE:
        raise QueryError(f"limit must be 1..{MAX_PAGE}")
    if offset < 0:
        raise QueryError("offset must be ≥ 0")
    return limit, offset


def events(conn: sqlite3.Connection, filters: Filters, *, sort: str = "date",
           order: str = "desc", limit: int = 50, offset: int = 0) -> dict[str, Any]:
    limit, offset = _page(limit, offset)
    where, parameters = _event_where(filters.check())
    total = _count(conn, "SELECT count(*) FROM events e JOIN articles a ON a.id = "
                   f"e.article_id{where}", parameters)
    rows = _execute(conn, _events_sql(where, sort, order) + " LIMIT ? OFFSET ?",
                    [*parameters, limit, offset])
    return {"total": total, "limit": limit, "offset": offset,
            "rows": [dict(row) for row in rows]}


def count_events(conn: sqlite3.Connection, filters: Filters) -> int:
    where, parameters = _event_where(filters.check())
    return _count(conn, "SELECT count(*) FROM events e JOIN articles a ON a.id = "
                  f"e.article_id{where}", parameters)


def iter_events(conn: sqlite3.Connection, filters: Filters, *, sort: str = "date",
                order: str = "desc", limit: int = MAX_EXPORT_ROWS
                ) -> Iterator[dict[str, Any]]:
    """Every event the filters select as rows of the analyst's table (`EVENT_EXPORT_SELECT`;
    export.py finishes them), streamed."""
    where, parameters = _event_where(filters.check())
    columns = ", ".join(f"{sql} AS {name}" for name, sql in EVENT_EXPORT_SELECT)
    sql = (f"SELECT {columns} FROM events e JOIN articles a ON a.id = e.article_id{where} "
           f"{_event_order(sort, order)} LIMIT ?")
    try:
        cursor = conn.execute(sql, [*parameters, min(max(0, limit), MAX_EXPORT_ROWS)])
    except sqlite3.OperationalError as exc:
        raise QueryError(f"query refused: {exc}") from exc
    for row in cursor:
        yield dict(row)


def _event_order(sort: str, order: str) -> str:
    if sort not in EVENT_SORTS:
        raise QueryError(f"sort: one of {', '.join(EVENT_SORTS)}")
    if order not in ("asc", "desc"):
        raise QueryError("order: asc or desc")
    nulls = " NULLS LAST" if order == "asc" else ""  # DESC puts NULLs last already
    return f"ORDER BY {EVENT_SORTS[sort]} {order.upper()}{nulls}, e.rowid {order.upper()}"


def _events_sql(where: str, sort: str, order: str) -> str:
    columns = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
    sentence = "substr(a.text, e.sentence_start + 1, min(e.sentence_end - e.sentence_start, 600))"
    return (f"SELECT {columns}, a.published, a.source, a.outlet, a.title, {sentence} AS sentence "
            f"FROM events e JOIN articles a ON a.id = e.article_id{where} "
            f"{_event_order(sort, order)}")


def search(conn: sqlite3.Connection, filters: Filters, *, limit: int = 20,
           offset: int = 0) -> dict[str, Any]:
    """Articles matching the words (best first), with facet counts over all matches."""
    limit, offset = _page(limit, offset)
    filters.check()
    conditions, parameters = ["articles_fts MATCH ?"], [fts_query(filters.q or "")]
    _date_range(filters, "a.published", conditions, parameters)
    if filters.source:
        conditions.append("a.outlet = ?")
        parameters.append(filters.source)
    for column, value in (("type", filters.type), ("status", filters.status)):
        if value:
            conditions.append(f"a.id IN (SELECT article_id FROM events WHERE {column} = ?)")
            parameters.append(value)
    if filters.country:
        conditions.append("a.id IN (SELECT article_id FROM actors WHERE country = ? UNION "
                          "SELECT article_id FROM places WHERE country = ?)")
        parameters += [filters.country, filters.country]
    if filters.actor:
        conditions.append("a.id IN (SELECT article_id FROM actors WHERE code = ? OR name "
                          "LIKE ? ESCAPE '\\')")
        parameters += [filters.actor, "%" + _escaped(filters.actor) + "%"]
    where = " WHERE " + " AND ".join(conditions)
    base = "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid" + where
    total = _count(conn, f"SELECT count(*) {base}", parameters)
    rows = _execute(
        conn, "SELECT a.id, a.title, a.published, a.source, a.outlet, "
        "snippet(articles_fts, 1, ?, ?, "
        f"'…', 16) AS snippet {base} ORDER BY rank LIMIT ? OFFSET ?",
        [SNIPPET_OPEN, SNIPPET_CLOSE, *parameters, limit, offset])
    matched = f"SELECT a.id {base}"
    facets = {
        "source": _facet(conn, f"SELECT outlet AS value, count(*) AS n FROM articles WHERE "
                         f"id IN ({matched}) GROUP BY outlet", parameters),
        "type": _facet(conn, "SELECT type AS value, count(*) AS n FROM events WHERE "
                       f"background = 0 AND type IS NOT NULL AND article_id IN ({matched}) "
                       "GROUP BY type", parameters),
        "status": _facet(conn, "SELECT status AS value, count(*) AS n FROM events WHERE "
                         f"background = 0 AND article_id IN ({matched}) GROUP BY status",
                         parameters),
        "country": _facet(conn, "SELECT country AS value, count(DISTINCT article_id) AS n FROM "
                          f"actors WHERE country IS NOT NULL AND article_id IN ({matched}) "
                          "GROUP BY country", parameters),
        "actor": _facet(conn, "SELECT code AS value, count(DISTINCT article_id) AS n FROM "
                        f"actors WHERE code IS NOT NULL AND article_id IN ({matched}) "
                        "GROUP BY code", parameters),
    }
    found = [dict(row) for row in rows]
    for row in found:
        row["sentence_start"], row["sentence_end"] = _matching_sentence(
            conn, row["id"], filters.q or "")
    return {"total": total, "limit": limit, "offset": offset,
            "rows": found, "facets": facets,
            "marks": [SNIPPET_OPEN, SNIPPET_CLOSE]}


def _matching_sentence(conn: sqlite3.Connection, article_id: str, words: str
                       ) -> tuple[int | None, int | None]:
    """The first sentence of the article holding one of the searched words (so a result
    links to where it matched)."""
    row = conn.execute("SELECT text, json_extract(record, '$.sentences') FROM articles "
                       "WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None, None
    text, sentences = row[0], json.loads(row[1] or "[]")
    wanted = [w.strip('"*') for w in words.split() if w.strip('"*')]
    hits = [m.start() for m in (re.search(r"\b" + re.escape(w), text, re.IGNORECASE)
                                for w in wanted) if m]  # offsets in the text as stored
    if not hits:
        return None, None
    first = min(hits)
    for sentence in sentences:
        if sentence["start"] <= first < sentence["end"]:
            return sentence["start"], sentence["end"]
    return first, first + len(wanted[0])


def iter_search(conn: sqlite3.Connection, filters: Filters) -> Iterator[dict[str, Any]]:
    """Every article the search selects, best first (exports)."""
    offset = 0
    while True:
        page = search(conn, filters, limit=MAX_PAGE, offset=offset)
        for row in page["rows"]:
            yield {"id": row["id"], "title": row["title"], "published": row["published"],
                   "source": row["outlet"],
                   "snippet": row["snippet"].replace(SNIPPET_OPEN, "[").replace(
                       SNIPPET_CLOSE, "]")}
        offset += MAX_PAGE
        if offset >= page["total"] or offset >= MAX_EXPORT_ROWS:
            return


def _facet(conn: sqlite3.Connection, sql: str, parameters: list[Any]) -> list[dict[str, Any]]:
    rows = _execute(conn, sql + " ORDER BY n DESC, value LIMIT 30", parameters)
    return [{"value": row["value"], "n": row["n"]} for row in rows if row["value"] is not None]


def iso_week_sql(day: str) -> tuple[str, str, str]:
    """SQL for the ISO week of `day` (a fixed expression giving YYYY-MM-DD): its label
    ("2020-W01"), its Monday and its Sunday. The week belongs to the year of its Thursday, so
    the days around New Year fall in one week (SQLite before 3.46 has no %G/%V)."""
    thursday = f"date({day}, '-3 days', 'weekday 4')"
    label = (f"printf('%s-W%02d', strftime('%Y', {thursday}), "
             f"(CAST(strftime('%j', {thursday}) AS INTEGER) + 6) / 7)")
    return label, f"date({thursday}, '-3 days')", f"date({thursday}, '+3 days')"


def timeline(conn: sqlite3.Connection, filters: Filters, bucket: str = "day"
             ) -> list[dict[str, Any]]:
    """Events per day or ISO week ("2020-W01"), by type; each period with its first and last
    day."""
    if bucket not in ("day", "week"):
        raise QueryError("bucket: day or week")
    where, parameters = _event_where(filters.check())
    day = "substr(coalesce(e.date, a.published), 1, 10)"
    dated = f"{day} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
    per_day = (f"SELECT {day} AS day, e.type AS type, count(*) AS n FROM events e JOIN "
               f"articles a ON a.id = e.article_id{where} AND {dated} GROUP BY day, e.type")
    # weeks from the days counted, so the date arithmetic runs once a day, not once an event
    period, first, last = ("day", "day", "day") if bucket == "day" else iso_week_sql("day")
    rows = _execute(conn, f"SELECT {period} AS period, min({first}) AS start, "
                    f"max({last}) AS end, type, sum(n) AS n FROM ({per_day}) GROUP BY period, "
                    "type ORDER BY period, type", parameters)
    return [dict(row) for row in rows]


def map_points(conn: sqlite3.Connection, filters: Filters) -> list[dict[str, Any]]:
    """Event locations with how many events, of which types, happened there."""
    where, parameters = _event_where(filters.check())
    where = f"{where} AND e.lat IS NOT NULL AND e.lon IS NOT NULL"
    rows = _execute(conn, "SELECT e.location_name AS name, e.location_country AS country, "
                    "round(e.lat, 3) AS lat, round(e.lon, 3) AS lon, count(*) AS n, "
                    "group_concat(DISTINCT e.type) AS types, min(e.article_id) AS article_id, "
                    "min(e.sentence_start) AS sentence_start FROM events e JOIN articles a ON "
                    f"a.id = e.article_id{where} GROUP BY round(e.lat, 3), round(e.lon, 3), "
                    "e.location_name ORDER BY n DESC LIMIT 2000", parameters)
    return [dict(row) for row in rows]


NETWORK_TYPES = {"accuse": ("ACCUSE",), "attack": ("ASSAULT", "COERCE", "MOBILIZE"),
                 "meet": ("CONSULT",), "all": ()}


def network(conn: sqlite3.Connection, filters: Filters, kind: str = "all",
            min_weight: int = 1) -> dict[str, Any]:
    """Who does what to whom: actors as nodes, weighted source → target edges by type."""
    if kind not in NETWORK_TYPES:
        raise QueryError(f"kind: one of {', '.join(NETWORK_TYPES)}")
    where, parameters = _event_where(filters.check())
    conditions = ["e.source_name IS NOT NULL", "e.target_name IS NOT NULL"]
    if NETWORK_TYPES[kind]:
        conditions.append("e.type IN (" + ", ".join("?" * len(NETWORK_TYPES[kind])) + ")")
        parameters = [*parameters, *NETWORK_TYPES[kind]]
    where = f"{where} AND " + " AND ".join(conditions)
    # A node is an actor code that names a country ("SYRGOV", "USA"); an actor coded by its
    # sector alone ("GOV", "CVL") is its name, so no bare sector node lumps strangers together.
    node = ("CASE WHEN e.{0}_country IS NOT NULL THEN coalesce(e.{0}_code, e.{0}_country) "
            "ELSE e.{0}_name END")
    rows = _execute(conn, f"SELECT {node.format('source')} AS source, "
                    f"{node.format('target')} AS target, e.type AS type, count(*) AS weight, "
                    "min(e.source_name) AS source_name, min(e.target_name) AS target_name "
                    f"FROM events e JOIN articles a ON a.id = e.article_id{where} "
                    "GROUP BY 1, 2, 3 HAVING weight >= ? ORDER BY weight DESC LIMIT 400",
                    [*parameters, max(1, min_weight)])
    edges = [dict(row) for row in rows if row["source"] != row["target"]]
    names: dict[str, str] = {}
    weights: dict[str, int] = {}
    for edge in edges:
        for side in ("source", "target"):
            names.setdefault(edge[side], edge[f"{side}_name"])
            weights[edge[side]] = weights.get(edge[side], 0) + edge["weight"]
    nodes = [{"id": node_id, "name": names[node_id], "weight": weight}
             for node_id, weight in sorted(weights.items(), key=lambda item: -item[1])]
    return {"nodes": nodes, "edges": edges}


def threads(conn: sqlite3.Connection, *, about: str | None = None, search: str | None = None,
            limit: int = 50) -> list[dict[str, Any]]:
    for value in (about, search):
        if value and len(value) > MAX_QUERY_CHARS:
            raise QueryError(f"at most {MAX_QUERY_CHARS} characters")
    limit, _ = _page(limit, 0)
    conditions, parameters = ["c.thread_id IS NOT NULL"], []
    if about:
        like = "%" + _escaped(about) + "%"
        conditions.append("(c.claimant_code LIKE ? ESCAPE '\\' OR c.claimant_name LIKE ? "
                          "ESCAPE '\\' OR c.about LIKE ? ESCAPE '\\')")
        parameters += [like, like, like]
    if search:
        conditions.append("c.content_text LIKE ? ESCAPE '\\'")
        parameters.append("%" + _escaped(search) + "%")
    rows = _execute(
        conn, "SELECT t.thread_id, t.label, t.parties, t.first_published, t.last_published, "
        "t.members, count(DISTINCT m.article_id) AS articles, "
        "sum(m.stance = 'alleges') AS alleges, sum(m.stance = 'denies') AS denies, "
        "sum(m.stance = 'supports') AS supports, sum(m.stance = 'disputes') AS disputes "
        "FROM claim_threads t JOIN claims m ON m.thread_id = t.thread_id WHERE t.thread_id IN "
        "(SELECT c.thread_id FROM claims c WHERE " + " AND ".join(conditions) + ") "
        "GROUP BY t.thread_id HAVING articles >= 2 ORDER BY articles DESC, t.members DESC, "
        "t.thread_id LIMIT ?", [*parameters, limit])
    return [dict(row) for row in rows]


def thread(conn: sqlite3.Connection, thread_id: int) -> dict[str, Any] | None:
    head = _execute(conn, "SELECT thread_id, label, parties, first_published, last_published, "
                    "members FROM claim_threads WHERE thread_id = ?", [thread_id])
    if not head:
        return None
    claims = _execute(
        conn, "SELECT c.article_id, c.claim_id, c.stance, c.claimant_name, c.claimant_code, "
        "c.content_text, c.content_start, c.content_end, c.responds_to, c.evidence, "
        "a.published, a.outlet AS source, a.title FROM claims c JOIN articles a ON a.id = "
        "c.article_id "
        "WHERE c.thread_id = ? ORDER BY a.published, a.rowid, c.content_start", [thread_id])
    result = dict(head[0])
    result["claims"] = [{**dict(row), "evidence": json.loads(row["evidence"] or "[]")}
                        for row in claims]
    return result


def article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """One article's text and the spans of everything extracted from it."""
    if len(article_id) > 500:
        raise QueryError("article id too long")
    rows = _execute(conn, "SELECT id, title, text, published, source, outlet, url, language "
                    "FROM articles WHERE id = ?", [article_id])
    if not rows:
        return None
    result = dict(rows[0])
    url = result.get("url") or ""
    result["url"] = url if urllib.parse.urlsplit(url).scheme in ("http", "https") else None
    result["events"] = [dict(r) for r in _execute(
        conn, "SELECT event_id, type, cameo, status, date, source_name, target_name, "
        "location_name, trigger_start, trigger_end, trigger_text, sentence_start, sentence_end, "
        "background, confidence FROM events WHERE article_id = ? AND type IS NOT NULL "
        "ORDER BY sentence_start, trigger_start",
        [article_id])]
    result["quotes"] = [dict(r) for r in _execute(
        conn, "SELECT quote_id, kind, stance, speaker_name, speaker_code, cue_start, cue_end, "
        "content_start, content_end FROM quotes WHERE article_id = ? ORDER BY content_start",
        [article_id])]
    result["claims"] = [dict(r) for r in _execute(
        conn, "SELECT claim_id, stance, claimant_name, content_start, content_end, thread_id "
        "FROM claims WHERE article_id = ? ORDER BY content_start", [article_id])]
    result["places"] = [dict(r) for r in _execute(
        conn, 'SELECT text, start, "end", name, country, lat, lon, feature FROM places '
        "WHERE article_id = ? ORDER BY start", [article_id])]
    result["actors"] = [dict(r) for r in _execute(
        conn, 'SELECT text, start, "end", name, country, sector, code FROM actors '
        "WHERE article_id = ? ORDER BY start", [article_id])]
    return result


def overview(conn: sqlite3.Connection) -> dict[str, Any]:
    """Counts and the values the filters offer."""
    counts = {table: _execute(conn, f"SELECT count(*) FROM {table}", [])[0][0]  # fixed names
              for table in ("articles", "events", "quotes", "claims", "places")}

    def values(sql: str) -> list[str]:
        return [row[0] for row in _execute(conn, sql, []) if row[0] is not None]

    dates = _execute(conn, "SELECT min(published), max(published) FROM articles", [])[0]
    return {
        "counts": counts, "first_published": dates[0], "last_published": dates[1],
        "types": values("SELECT DISTINCT type FROM events ORDER BY type"),
        "statuses": values("SELECT DISTINCT status FROM events ORDER BY status"),
        "sources": values("SELECT DISTINCT outlet FROM articles ORDER BY outlet"),
        "countries": values("SELECT country FROM (SELECT source_country AS country FROM events "
                            "UNION SELECT target_country FROM events UNION SELECT "
                            "location_country FROM events) ORDER BY country"),
    }


DEFAULT_MIN_CONFIDENCE = 0.5  # what the default views (web pages, `dossier events`) hide


def stats(conn: sqlite3.Connection, filters: Filters, top: int = 15) -> dict[str, Any]:
    """What a database holds: the events the filters select counted by type, country
    (source, target or place), month of the event's date, outlet and actor; the share with a
    date and with a place; and what every view leaves out."""
    where, parameters = _event_where(filters.check())
    base = f"FROM events e JOIN articles a ON a.id = e.article_id{where}"

    def one(extra: str = "") -> int:
        return int(_execute(conn, f"SELECT count(*) {base}{extra}", parameters)[0][0] or 0)

    def grouped(key: str, extra: str = "", order: str = "n DESC, value") -> list[dict[str, Any]]:
        rows = _execute(conn, f"SELECT {key} AS value, count(*) AS n {base}{extra} "
                        f"GROUP BY value ORDER BY {order}", parameters)
        return [{"value": row["value"], "n": row["n"]} for row in rows]

    events = one()
    countries = _execute(
        conn, "SELECT country AS value, count(*) AS n FROM (" + " UNION ".join(
            f"SELECT e.rowid AS id, e.{side}_country AS country {base}"
            for side in ("source", "target", "location")) + ") WHERE country IS NOT NULL "
        "GROUP BY country ORDER BY n DESC, value LIMIT ?", [*parameters * 3, top])
    # An actor is its (canonical) name with its code; a code group is every actor of one
    # country code ("USAGOV": the US government, whoever speaks for it). A bare sector code
    # ("GOV", "CVL") names no group.
    actors = _execute(
        conn, "SELECT name, code, count(DISTINCT id) AS n FROM (" + " UNION ALL ".join(
            f"SELECT e.rowid AS id, e.{side}_name AS name, e.{side}_code AS code {base}"
            for side in ("source", "target"))
        + ") WHERE name IS NOT NULL GROUP BY name, code ORDER BY n DESC, name LIMIT ?",
        [*parameters * 2, top])
    codes = _execute(
        conn, "SELECT code AS value, count(DISTINCT id) AS n FROM (" + " UNION ALL ".join(
            f"SELECT e.rowid AS id, e.{side}_code AS code {base} AND e.{side}_country IS NOT "
            "NULL" for side in ("source", "target"))
        + ") WHERE code IS NOT NULL GROUP BY code ORDER BY n DESC, value LIMIT ?",
        [*parameters * 2, top])
    floor = filters.min_confidence or DEFAULT_MIN_CONFIDENCE
    articles = _execute(conn, "SELECT count(*), min(published), max(published) FROM articles",
                        [])[0]
    return {
        "articles": articles[0], "first_published": articles[1], "last_published": articles[2],
        "events": events,
        "dated": one(" AND e.date IS NOT NULL"),
        "placed": one(" AND e.location_name IS NOT NULL"),
        "with_coordinates": one(" AND e.lat IS NOT NULL"),
        "with_fatalities": one(" AND e.dead > 0"),
        "by_type": grouped("e.type"),
        "by_country": [dict(row) for row in countries],
        "by_month": grouped("substr(e.date, 1, 7)", " AND e.date IS NOT NULL", "value"),
        "by_outlet": grouped("a.outlet")[:top],
        "by_confidence": grouped(
            "CASE WHEN coalesce(e.confidence, 0) < 0.5 THEN '< 0.5' WHEN e.confidence < 0.8 "
            "THEN '0.5-0.8' ELSE '>= 0.8' END", order="value"),
        "top_actors": [dict(row) for row in actors],
        "top_codes": [dict(row) for row in codes],
        "left_out": {
            "background": _execute(conn, "SELECT count(*) FROM events WHERE background = 1 "
                                   "AND type IS NOT NULL", [])[0][0],
            "no_plover_type": _execute(conn, "SELECT count(*) FROM events WHERE type IS NULL",
                                       [])[0][0],
            "low_confidence": _execute(conn, "SELECT count(*) FROM events WHERE background = 0 "
                                       "AND type IS NOT NULL AND coalesce(confidence, 0) < ?",
                                       [floor])[0][0],
            "low_confidence_below": floor,
        },
    }

