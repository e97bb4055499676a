"""`dossier serve`: a local web app over the store (search, events, timeline, map, actor
network, claim threads, articles with their highlighted sentences)."""

from .app import create_app

__all__ = ["create_app"]
