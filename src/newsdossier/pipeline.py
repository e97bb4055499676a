"""The extraction pipeline: one spaCy parse per article, then named stages in order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from . import registry
from .model import Article, Record
from .nlp import load_model
from .settings import Settings, load_settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .stages import Stage


T = TypeVar("T")


class PipelineError(RuntimeError):
    """A stage name is unknown or the pipeline was assembled wrongly."""


class StageError(RuntimeError):
    """A stage raised on one article; names the stage so the report can say which."""

    def __init__(self, stage: str, error: Exception) -> None:
        super().__init__(f"stage {stage!r} failed: {type(error).__name__}: {error}")
        self.stage = stage
        self.error = error


def _ensure_builtin_stages() -> None:
    # Importing the modules registers their stage factories.
    from . import (  # noqa: F401
        actors,
        claims,
        dates,
        events,
        language,
        places,
        quantities,
        quotes,
        sentences,
    )


def make_stage(name: str, settings: Settings, nlp: Language) -> Stage:
    _ensure_builtin_stages()
    try:
        factory = registry.stages.get(name)
    except catalogue_registry_error() as exc:
        known = ", ".join(sorted(registry.stages.get_all()))
        raise PipelineError(f"unknown stage {name!r} (known: {known})") from exc
    return factory(settings, nlp)


def catalogue_registry_error() -> type[Exception]:
    import catalogue

    return catalogue.RegistryError


class Pipeline:
    """Parses each article once and lets every stage fill its part of the Record.

    >>> pipeline = Pipeline()                      # stages from settings
    >>> pipeline.add_stage(my_stage, after="actors")  # any callable(doc, record)
    >>> record = pipeline.process(article)
    """

    def __init__(
        self,
        settings: Settings | None = None,
        nlp: Language | None = None,
        stages: Iterable[str] | None = None,
    ) -> None:
        self.settings = settings or load_settings()
        self.nlp = nlp if nlp is not None else load_model(self.settings.model)
        names = list(stages) if stages is not None else list(self.settings.stages)
        self._stages: list[Stage] = [make_stage(n, self.settings, self.nlp) for n in names]

    @property
    def stage_names(self) -> list[str]:
        return [stage.name for stage in self._stages]

    def get_stage(self, name: str) -> Stage:
        return self._stages[self._index(name)]

    def _index(self, name: str) -> int:
        for position, stage in enumerate(self._stages):
            if stage.name == name:
                return position
        raise PipelineError(f"no stage named {name!r} in {self.stage_names}")

    def _resolve(self, stage: Stage | str) -> Stage:
        if isinstance(stage, str):
            return make_stage(stage, self.settings, self.nlp)
        if not getattr(stage, "name", None):
            raise PipelineError("a stage needs a `name` attribute")
        return stage

    def add_stage(
        self, stage: Stage | str, *, before: str | None = None, after: str | None = None
    ) -> None:
        """Add a stage (a registered name or any callable with a `name`)."""
        resolved = self._resolve(stage)
        if resolved.name in self.stage_names:
            raise PipelineError(f"stage {resolved.name!r} is already in the pipeline")
        if before and after:
            raise PipelineError("give either before or after, not both")
        if before:
            self._stages.insert(self._index(before), resolved)
        elif after:
            self._stages.insert(self._index(after) + 1, resolved)
        else:
            self._stages.append(resolved)

    def replace_stage(self, name: str, stage: Stage | str) -> None:
        self._stages[self._index(name)] = self._resolve(stage)

    def remove_stage(self, name: str) -> None:
        del self._stages[self._index(name)]

    def apply_stages(self, doc: Doc, article: Article) -> Record:
        record = Record(article=article)
        for stage in self._stages:
            try:
                stage(doc, record)
            except Exception as exc:
                raise StageError(stage.name, exc) from exc
        return record

    def process(self, article: Article) -> Record:
        return self.apply_stages(self.nlp(article.text), article)

    def pipe(self, articles: Iterable[Article], batch_size: int | None = None) -> Iterator[Record]:
        """Records in input order; spaCy parses the texts in batches."""
        for result, _ in self.pipe_with_context(((a, None) for a in articles), batch_size):
            if isinstance(result, StageError):
                raise result
            yield result

    def pipe_with_context(
        self, pairs: Iterable[tuple[Article, T]], batch_size: int | None = None
    ) -> Iterator[tuple[Record | StageError, T]]:
        """Like `pipe`, carrying a context value along; a stage that fails on one article
        yields a StageError for it and the stream goes on."""
        size = batch_size or self.settings.batch_size
        texts = ((article.text, (article, context)) for article, context in pairs)
        for doc, (article, context) in self.nlp.pipe(texts, as_tuples=True, batch_size=size):
            try:
                yield self.apply_stages(doc, article), context
            except StageError as exc:
                yield exc, context
