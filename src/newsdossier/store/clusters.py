"""Event clusters: the reports of one real-world event, across articles, counted once.

An event joins a cluster with the same PLOVER type, the same source and target (actor
code, else country, else name), the same place (or none), whose dates lie within
DATE_WINDOW_DAYS of its own — or, whatever the dates, one already reported in the same story
(wire copies); an undated event with no story of its own starts a cluster. Each
cluster keeps how many articles report it (`num_reports`), from how many sources
(`num_sources`), and when it was first reported. Background events (recalled context) are
never clustered. Runs inside the article's transaction.
"""

from __future__ import annotations

import sqlite3

DATE_WINDOW_DAYS = 2


def _side(code: str | None, country: str | None, name: str | None) -> str:
    return code or country or (name or "").casefold()


def assign_events(conn: sqlite3.Connection, article_id: str) -> None:
    """Put each new foreground event of the article into its real-world event cluster."""
    rows = conn.execute(
        "SELECT e.event_id, e.type, e.source_code, e.source_country, e.source_name, "
        "e.target_code, e.target_country, e.target_name, e.location_country, "
        "e.location_name, substr(coalesce(e.date, a.published), 1, 10), a.story_id "
        "FROM events e JOIN articles a ON a.id = e.article_id WHERE e.article_id = ? AND "
        "e.background = 0 AND e.type IS NOT NULL", (article_id,)).fetchall()
    touched: set[int] = set()
    for (event_id, kind, s_code, s_country, s_name, t_code, t_country, t_name, l_country,
         l_name, day, story) in rows:
        key = (kind, _side(s_code, s_country, s_name), _side(t_code, t_country, t_name),
               f"{l_country or ''}/{(l_name or '').casefold()}")
        cluster = _matching(conn, key, day, story)
        if cluster is None:
            cluster = conn.execute(
                "INSERT INTO event_clusters(type, source_key, target_key, location_key, "
                "first_date, last_date, story_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (*key, day, day, story)).lastrowid
        conn.execute("UPDATE events SET cluster_id = ? WHERE article_id = ? AND event_id = ?",
                     (cluster, article_id, event_id))
        touched.add(int(cluster))
    for cluster in touched:
        _recount(conn, cluster)


def _matching(conn: sqlite3.Connection, key: tuple[str, str, str, str], day: str | None,
              story: int | None) -> int | None:
    base = ("SELECT cluster_id FROM event_clusters WHERE type = ? AND source_key = ? AND "
            "target_key = ? AND location_key = ?")
    if story is not None:  # copies of one story report the same events, whatever their dates
        row = conn.execute(base + " AND story_id = ? ORDER BY cluster_id LIMIT 1",
                           (*key, story)).fetchone()
        if row:
            return int(row[0])
    if day and len(day) == 10:
        window = f"{DATE_WINDOW_DAYS} days"
        row = conn.execute(
            base + " AND last_date >= date(?, '-' || ?) AND first_date <= date(?, '+' || ?) "
            "ORDER BY abs(julianday(first_date) - julianday(?)), cluster_id LIMIT 1",
            (*key, day, window, day, window, day)).fetchone()
        return int(row[0]) if row else None
    return None


def _recount(conn: sqlite3.Connection, cluster: int) -> None:
    conn.execute(
        "UPDATE event_clusters SET (num_reports, num_sources, first_reported, first_date, "
        "last_date) = (SELECT count(DISTINCT e.article_id), count(DISTINCT a.outlet), "
        "min(a.published), min(substr(coalesce(e.date, a.published), 1, 10)), "
        "max(substr(coalesce(e.date, a.published), 1, 10)) FROM events e JOIN articles a ON "
        "a.id = e.article_id WHERE e.cluster_id = ?) WHERE cluster_id = ?", (cluster, cluster))
