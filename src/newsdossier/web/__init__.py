"""`dossier serve`: a local web app over the store (search, events, timeline, map, actor
network, claim threads, articles with their highlighted sentences)."""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    # The app (FastAPI) loads only when asked for: the query layer serves the CLI too.
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(name)
