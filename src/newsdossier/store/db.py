"""The embedded store: one SQLite file in WAL mode; one transaction per article."""

from __future__ import annotations

import json
import sqlite3
import urllib.parse
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..model import Record
from ..outlets import outlet_name
from .clusters import assign_events
from .embeddings import Embedder
from .migrations import MIGRATIONS, SCHEMA_VERSION
from .rows import child_rows, record_json
from .stories import StoryIndex
from .threads import ThreadIndex

TABLES = ("articles", "actors", "events", "quotes", "claims", "places", "quantities", "dates")
# Tables the store derives across articles (not one row set per record).
DERIVED_TABLES = ("claim_threads", "event_clusters")


class StoreError(RuntimeError):
    """The database cannot be opened or is newer than this version of newsdossier."""


def _quote_identifier(name: str) -> str:
    if name not in TABLES and not name.replace("_", "").isalnum():
        raise StoreError(f"not a valid name: {name!r}")
    return '"' + name.replace('"', '""') + '"'


class Store:
    """A newsdossier database. Writers ingest; readers open it read-only at the same time."""

    def __init__(self, path: str | Path, *, readonly: bool = False,
                 embedder: Embedder | None = None) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.embedder = embedder  # sentence embeddings for claim threads, when enabled
        self.conn = self._connect()
        self.stories = StoryIndex(self.conn)
        if readonly:
            self._check_version()
        else:
            self._prepare_for_writing()

    def _connect(self) -> sqlite3.Connection:
        if self.readonly:
            if not self.path.is_file():
                raise StoreError(f"{self.path}: no such database")
            uri = "file:" + urllib.parse.quote(str(self.path.resolve())) + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    def _prepare_for_writing(self) -> None:
        try:
            self.conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a newsdossier database ({exc})") from exc
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.migrate()
        self._name_outlets()

    def _name_outlets(self) -> None:
        """Files articles stored without an outlet (before migration 9, or by another
        writer) under their URL's site."""
        unnamed = self.conn.execute("SELECT rowid, source, url FROM articles WHERE outlet IS "
                                    "NULL AND url IS NOT NULL").fetchall()
        named = [(outlet, row["rowid"]) for row in unnamed
                 if (outlet := outlet_name(row["source"], row["url"]))]
        if named:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                self.conn.executemany("UPDATE articles SET outlet = ? WHERE rowid = ? AND "
                                      "outlet IS NULL", named)
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _check_version(self) -> None:
        try:
            version = self.schema_version()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a newsdossier database ({exc})") from exc
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {version} is newer than this newsdossier "
                f"({SCHEMA_VERSION}); upgrade newsdossier"
            )
        if version < SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {version} is older; open it once for writing "
                "(e.g. `dossier ingest`) to migrate"
            )

    def migrate(self) -> None:
        self._check_not_newer()
        for step in range(self.schema_version(), SCHEMA_VERSION):
            self._run_migration(step)

    def _check_not_newer(self) -> None:
        if self.schema_version() > SCHEMA_VERSION:
            self._check_version()

    def _run_migration(self, step: int) -> None:
        statements = [s for s in _split_sql(MIGRATIONS[step]) if s.strip()]
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            if self.schema_version() != step:  # another writer migrated meanwhile
                self.conn.execute("ROLLBACK")
                return
            for statement in statements:
                self.conn.execute(statement)
            self.conn.execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                (str(step + 1),),
            )
            self.conn.execute(f"PRAGMA user_version = {step + 1}")
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has_article(self, article_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def add_record(self, record: Record, origin: str | None = None) -> bool:
        """Store an article and everything extracted from it, atomically; False if present."""
        article = record.article
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            cursor = self.conn.execute(
                "INSERT OR IGNORE INTO articles(id, title, text, published, source, url, "
                "language, origin, ingested_at, record, outlet) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (article.id, article.title, article.text, article.published, article.source,
                 article.url, article.language, origin,
                 datetime.now(UTC).isoformat(timespec="seconds"), record_json(record),
                 outlet_name(article.source, article.url)),
            )
            if cursor.rowcount == 0:
                self.conn.execute("ROLLBACK")
                return False
            for table, rows in child_rows(record).items():
                self._insert_rows(table, article.id, rows)
            self._thread_claims(record)
            self.stories.assign(article.id, article.text, article.published)
            assign_events(self.conn, article.id)
            self.conn.execute("COMMIT")
            self.stories.committed()
            return True
        except BaseException:
            self.conn.execute("ROLLBACK")
            self.stories.rolled_back()
            raise

    def _thread_claims(self, record: Record) -> None:
        threads = ThreadIndex(self.conn, self.embedder).assign(record)
        self.conn.executemany(
            "UPDATE claims SET thread_id = ? WHERE article_id = ? AND claim_id = ?",
            [(thread, record.article.id, claim_id) for claim_id, thread in threads.items()],
        )

    def _insert_rows(self, table: str, article_id: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        columns = ["article_id", *rows[0]]
        sql = (
            f"INSERT INTO {_quote_identifier(table)} ("
            + ", ".join(_quote_identifier(c) for c in columns)
            + ") VALUES (" + ", ".join("?" for _ in columns) + ")"
        )
        self.conn.executemany(sql, [(article_id, *row.values()) for row in rows])

    def counts(self) -> dict[str, int]:
        return {
            table: int(self.conn.execute(
                f"SELECT count(*) FROM {_quote_identifier(table)}"
            ).fetchone()[0])
            for table in TABLES
        }

    def columns(self, table: str) -> list[str]:
        rows = self.conn.execute(f"PRAGMA table_info({_quote_identifier(table)})").fetchall()
        return [row["name"] for row in rows]

    def iter_rows(self, table: str, *, include_text: bool = True) -> Iterator[dict[str, Any]]:
        if table not in TABLES + DERIVED_TABLES:
            known = ", ".join(TABLES + DERIVED_TABLES)
            raise StoreError(f"unknown table {table!r}; one of {known}")
        columns = [c for c in self.columns(table) if c not in ("rowid", "record")]
        if not include_text and table == "articles":
            columns.remove("text")
        order = {"claim_threads": "thread_id", "event_clusters": "cluster_id"}.get(table, "rowid")
        sql = (
            "SELECT " + ", ".join(_quote_identifier(c) for c in columns)
            + f" FROM {_quote_identifier(table)} ORDER BY {order}"
        )
        for row in self.conn.execute(sql):
            yield dict(zip(columns, row, strict=True))

    def record(self, article_id: str) -> Record | None:
        row = self.conn.execute(
            "SELECT record FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return Record.from_dict(json.loads(row["record"])) if row else None

    def find_threads(self, *, about: str | None = None, search: str | None = None,
                     min_articles: int = 2, limit: int = 50) -> list[dict[str, Any]]:
        """Claim threads, biggest first: those with a claim whose claimant or parties match
        `about` (a code, country or name fragment) and whose content holds `search`."""
        conditions, parameters = ["c.thread_id IS NOT NULL"], []
        if about:
            like = f"%{_escaped(about)}%"
            conditions.append("(c.claimant_code LIKE ? ESCAPE '\\' OR c.claimant_name LIKE ? "
                              "ESCAPE '\\' OR c.about LIKE ? ESCAPE '\\')")
            parameters += [like, like, like]
        if search:
            conditions.append("c.content_text LIKE ? ESCAPE '\\'")
            parameters.append(f"%{_escaped(search)}%")
        sql = (
            "SELECT t.thread_id, t.label, t.stance, t.parties, t.first_published, "
            "t.last_published, t.members, count(DISTINCT m.article_id) AS articles "
            "FROM claim_threads t JOIN claims m ON m.thread_id = t.thread_id "
            "WHERE t.thread_id IN (SELECT c.thread_id FROM claims c WHERE "
            + " AND ".join(conditions) + ") "
            "GROUP BY t.thread_id HAVING articles >= ? "
            "ORDER BY articles DESC, t.members DESC, t.first_published, t.thread_id LIMIT ?"
        )
        rows = self.conn.execute(sql, (*parameters, min_articles, limit)).fetchall()
        return [dict(row) for row in rows]

    def thread_claims(self, thread_id: int) -> list[dict[str, Any]]:
        """The claims of one thread with their article's date, source and title, in order."""
        sql = (
            "SELECT c.article_id, c.claim_id, c.stance, c.claimant_name, c.claimant_code, "
            "c.content_text, c.content_start, c.content_end, c.responds_to, c.evidence, "
            "a.published, a.outlet AS source, a.title "
            "FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.thread_id = ? "
            "ORDER BY a.published, a.rowid, c.content_start"
        )
        return [dict(row) for row in self.conn.execute(sql, (thread_id,))]

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over titles and texts (FTS5 query syntax), best first."""
        sql = (
            "SELECT a.id, a.title, a.published, a.outlet AS source, "
            "snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
        )
        return [dict(row) for row in self.conn.execute(sql, (query, limit))]


def _escaped(text: str) -> str:
    """A LIKE pattern fragment matching `text` literally."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _split_sql(script: str) -> list[str]:
    """Statements of a migration script (triggers contain ';' inside BEGIN … END)."""
    statements: list[str] = []
    current: list[str] = []
    for line in script.splitlines(keepends=True):
        current.append(line)
        candidate = "".join(current)
        if candidate.rstrip().endswith(";") and sqlite3.complete_statement(candidate):
            statements.append(candidate)
            current = []
    if "".join(current).strip():
        statements.append("".join(current))
    return statements
