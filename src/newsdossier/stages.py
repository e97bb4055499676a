"""The stage contract shared by every extraction step.

A stage factory is registered by name in `newsdossier.registry.stages`; the pipeline calls it
once with the settings and the loaded spaCy `Language`, and the returned callable is then
applied to every parsed document, filling its part of the `Record` in place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .model import Record
    from .settings import Settings


class Stage(Protocol):
    """Fills one concern of a Record from the shared parse; must not re-parse the text."""

    name: str

    def __call__(self, doc: Doc, record: Record) -> None: ...


class StageFactory(Protocol):
    def __call__(self, settings: Settings, nlp: Language) -> Stage: ...
