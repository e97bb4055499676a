"""The web app: a JSON API over the store and the pages that draw it (FastAPI).

The database is opened read-only; every article text reaches the browser as JSON and is
put in the page with `textContent`, never as markup; a Content-Security-Policy allows our
own script and styles only, so nothing an article smuggles in can run.
"""

from __future__ import annotations

import io
import itertools
import sqlite3
import threading
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from .. import __version__
from ..export import (
    EVENT_EXPORT_COLUMNS,
    csv_chunks,
    event_rows,
    event_schema,
    jsonl_lines,
    write_parquet_rows,
)
from . import queries
from .queries import Filters, QueryError

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
# The only files the server sends besides the API: a fixed table, so no request path ever
# reaches the file system.
ASSETS = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8",
          "index.html": "text/html; charset=utf-8"}
EXPORT_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson",
                "parquet": "application/vnd.apache.parquet"}


def _asset(name: str) -> bytes:
    return resources.files("newsdossier.web").joinpath("static", name).read_bytes()


class Database:
    """One read-only connection per thread (uvicorn runs sync routes in a pool)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        queries.connect(self.path).close()  # fail at start, not on the first request
        self.local = threading.local()

    def connection(self) -> sqlite3.Connection:
        conn = getattr(self.local, "conn", None)
        if conn is None:
            conn = self.local.conn = queries.connect(self.path)
        return conn


def filters(q: Annotated[str | None, Query(max_length=queries.MAX_QUERY_CHARS)] = None,
            date_from: Annotated[str | None, Query(max_length=32)] = None,
            date_to: Annotated[str | None, Query(max_length=32)] = None,
            actor: Annotated[str | None, Query(max_length=100)] = None,
            country: Annotated[str | None, Query(max_length=8)] = None,
            type: Annotated[str | None, Query(max_length=32)] = None,
            status: Annotated[str | None, Query(max_length=32)] = None,
            source: Annotated[str | None, Query(max_length=200, description="the article's "
                              "outlet: its stated source, else its web site")] = None,
            background: bool = False,
            negated: Annotated[bool, Query(description="also events the text says did not "
                               "or may only happen (negated, hypothetical)")] = False,
            location: Annotated[str | None, Query(max_length=200)] = None,
            min_confidence: Annotated[float | None, Query(ge=0, le=1, description="leave out "
                                      "events whose confidence is lower (the pages send 0.5 "
                                      "unless told to show every event)")] = None) -> Filters:
    """The filters every listing shares (empty strings mean no filter)."""
    return Filters(q=q or None, date_from=date_from or None, date_to=date_to or None,
                   actor=actor or None, country=country or None, type=type or None,
                   status=status or None, source=source or None, include_background=background,
                   include_negated=negated, location=location or None,
                   min_confidence=min_confidence or None)


FilterArgs = Annotated[Filters, Depends(filters)]


def connection(request: Request) -> sqlite3.Connection:
    database: Database = request.app.state.database
    return database.connection()


Conn = Annotated[sqlite3.Connection, Depends(connection)]


def create_app(db_path: str | Path) -> FastAPI:
    database = Database(db_path)
    app = FastAPI(title="newsdossier", version=__version__,
                  description="Read-only API over a newsdossier database: events, articles, "
                  "claims and places, each with the offsets of its source sentence.",
                  docs_url=None, redoc_url=None)
    app.state.database = database

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        for header, value in SECURITY_HEADERS.items():
            response.headers.setdefault(header, value)
        return response

    @app.exception_handler(QueryError)
    async def refused(request: Request, exc: QueryError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        return Response(_asset("index.html"), media_type=ASSETS["index.html"])

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in ASSETS:
            raise HTTPException(404, "no such file")
        return Response(_asset(name), media_type=ASSETS[name],
                        headers={"Cache-Control": "no-cache"})

    @app.get("/api/overview", summary="Counts and the values the filters offer")
    def overview(db: Conn) -> dict[str, Any]:
        return queries.overview(db)

    @app.get("/api/search", summary="Full-text search over articles, with facets; or "
             "exported", response_model=None)
    def search(db: Conn, f: FilterArgs,
               limit: Annotated[int, Query(ge=1, le=queries.MAX_PAGE)] = 20,
               offset: Annotated[int, Query(ge=0)] = 0,
               format: Annotated[str, Query(pattern="^(json|csv|jsonl|parquet)$")] = "json",
               ) -> dict[str, Any] | Response:
        if not f.q:
            raise QueryError("q: the words to search for")
        if format == "json":
            return queries.search(db, f, limit=limit, offset=offset)
        return _export(queries.iter_search(db, f), format, SEARCH_COLUMNS, "articles")

    @app.get("/api/stats", summary="Events counted by type, country, month, outlet and actor; "
             "shares with a date and a place")
    def stats(db: Conn, f: FilterArgs) -> dict[str, Any]:
        return queries.stats(db, f)

    @app.get("/api/events", summary="Events, filtered, sorted and paged; or exported",
             response_model=None)
    def events(db: Conn, f: FilterArgs,
               sort: Annotated[str, Query(pattern="^(" + "|".join(queries.EVENT_SORTS) + ")$")]
               = "date",
               order: Annotated[str, Query(pattern="^(asc|desc)$")] = "desc",
               limit: Annotated[int, Query(ge=1, le=queries.MAX_PAGE)] = 50,
               offset: Annotated[int, Query(ge=0)] = 0,
               format: Annotated[str, Query(pattern="^(json|csv|jsonl|parquet)$")] = "json",
               ) -> dict[str, Any] | Response:
        if format == "json":
            return queries.events(db, f, sort=sort, order=order, limit=limit, offset=offset)
        rows = event_rows(db, f, sort=sort, order=order)  # the CLI's export, the same table
        return _export(rows, format, EVENT_EXPORT_COLUMNS, "events", event_schema())

    @app.get("/api/basemap", summary="Inhabited 1° cells of the world, for an offline map")
    def basemap(request: Request) -> dict[str, Any]:
        state = request.app.state
        if getattr(state, "basemap", None) is None:
            state.basemap = _inhabited_cells()
        return state.basemap

    @app.get("/api/timeline", summary="Events per day or week, by type")
    def timeline(db: Conn, f: FilterArgs,
                 bucket: Annotated[str, Query(pattern="^(day|week)$")] = "day"
                 ) -> list[dict[str, Any]]:
        return queries.timeline(db, f, bucket)

    @app.get("/api/map", summary="Event locations with their event counts")
    def map_points(db: Conn, f: FilterArgs) -> list[dict[str, Any]]:
        return queries.map_points(db, f)

    @app.get("/api/network", summary="Who accuses, attacks or meets whom, weighted")
    def network(db: Conn, f: FilterArgs,
                kind: Annotated[str, Query(pattern="^(all|accuse|attack|meet)$")] = "all",
                min_weight: Annotated[int, Query(ge=1, le=1000)] = 1) -> dict[str, Any]:
        return queries.network(db, f, kind, min_weight)

    @app.get("/api/threads", summary="Claim threads across articles, biggest first")
    def threads(db: Conn,
                about: Annotated[str | None, Query(max_length=queries.MAX_QUERY_CHARS)] = None,
                search: Annotated[str | None, Query(max_length=queries.MAX_QUERY_CHARS)] = None,
                limit: Annotated[int, Query(ge=1, le=queries.MAX_PAGE)] = 50
                ) -> list[dict[str, Any]]:
        return queries.threads(db, about=about or None, search=search or None, limit=limit)

    @app.get("/api/threads/{thread_id}", summary="One claim thread, its claims in date order")
    def thread(db: Conn, thread_id: int) -> dict[str, Any]:
        found = queries.thread(db, thread_id)
        if found is None:
            raise HTTPException(404, "no such thread")
        return found

    @app.get("/api/articles/{article_id:path}",
             summary="An article's text with the spans of its events, quotes, claims, places")
    def article(db: Conn, article_id: str) -> dict[str, Any]:
        found = queries.article(db, article_id)
        if found is None:
            raise HTTPException(404, "no such article")
        return found

    return app


def _inhabited_cells() -> dict[str, Any]:
    """Every 1° cell holding a GeoNames town: the land people live on, drawn from the local
    gazetteer, so the map needs no tile server (an empty map when it cannot be opened)."""
    try:
        from ..places import Gazetteer

        gazetteer = Gazetteer.open()
        rows = gazetteer.conn.execute(
            "SELECT CAST(round(lat) AS INTEGER), CAST(round(lon) AS INTEGER) FROM places "
            "WHERE feature IN ('PPL', 'PPLC') GROUP BY 1, 2").fetchall()
    except Exception as exc:  # no gazetteer is no reason to fail the page
        return {"cells": [], "note": f"no base map: {exc}"}
    return {"cells": [[lat, lon] for lat, lon in rows], "note": "1° cells with a town"}


SEARCH_COLUMNS = ["id", "title", "published", "source", "snippet"]


def _export(rows: Iterator[dict[str, Any]], fmt: str, columns: list[str],
            name: str, schema: Any = None) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{name}.{fmt}"'}
    first = next(rows, None)  # a refused query fails here, before any byte is sent
    rows = itertools.chain([first] if first is not None else [], rows)
    if fmt == "parquet":
        import pyarrow as pa

        if schema is None:
            schema = pa.schema([(column, pa.string()) for column in columns])
        buffer = io.BytesIO()
        write_parquet_rows(rows, schema, buffer)
        return Response(buffer.getvalue(), media_type=EXPORT_TYPES[fmt], headers=headers)
    lines = jsonl_lines(rows) if fmt == "jsonl" else csv_chunks(rows, columns)
    return StreamingResponse(lines, media_type=EXPORT_TYPES[fmt], headers=headers)
