"""The embedded SQLite store (WAL, FTS5), its migrations and row layout."""

from .db import TABLES, Store, StoreError
from .migrations import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "TABLES", "Store", "StoreError"]
