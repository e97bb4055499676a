"""The "places" stage: toponyms resolved to coordinates, and where events happened."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .. import registry
from ..language import skip_unless_english
from ..settings import SettingsError
from .gazetteer import Gazetteer
from .locate import locate_events
from .mentions import Mention, find_mentions
from .resolve import Resolver

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..model import Place, Record
    from ..settings import Settings


PLACE_MENTIONS = ("locational", "all")


class PlacesStage:
    name = "places"

    def __init__(self, gazetteer: Gazetteer, mentions: str = "all") -> None:
        if mentions not in PLACE_MENTIONS:
            raise SettingsError(f"setting 'place_mentions': {mentions!r} is not one of "
                                f"{', '.join(PLACE_MENTIONS)}")
        self.gazetteer = gazetteer
        self.resolver = Resolver(gazetteer)
        self.keep_all = mentions == "all"

    def __call__(self, doc: Doc, record: Record) -> None:
        if skip_unless_english(record, self.name):
            return
        toponyms = self._resolved(doc, record)
        for mention, place in toponyms:
            place.use = mention.use
        locational = [place for mention, place in toponyms if mention.use == "place"]
        named = [place for _, place in toponyms]
        record.places.extend(named if self.keep_all else locational)
        locate_events(doc, record.events, locational, named)

    def toponyms(self, doc: Doc, record: Record) -> list[Place]:
        """Every toponym the stage recognises and resolves, whatever its use, names inside
        other names too (the geoparsing gold sets' scheme; record.places keeps what
        `place_mentions` says). Names inside other names are resolved in the context of
        the others, lending none."""
        mentions = find_mentions(doc, self.gazetteer, record.actors)
        named = [m for m in mentions if m.use != "embedded"]
        inside = [m for m in mentions if m.use == "embedded"]
        places = [place for _, place in self._resolved(doc, record, named)]
        if inside:
            spans = [(m.start, m.end) for m in (*inside, *named)]
            resolved = self.resolver.resolve(doc, spans, record.actors)[: len(inside)]
            places += [place for place in resolved if place is not None]
        return sorted(places, key=lambda place: place.start)

    def _resolved(self, doc: Doc, record: Record, mentions: list[Mention] | None = None
                  ) -> list[tuple[Mention, Place]]:
        """The places an article names (not names inside other names), resolved together."""
        if mentions is None:
            mentions = [m for m in find_mentions(doc, self.gazetteer, record.actors)
                        if m.use != "embedded"]
        resolved = self.resolver.resolve(doc, [(m.start, m.end) for m in mentions],
                                         record.actors)
        return [(mention, place) for mention, place in zip(mentions, resolved, strict=True)
                if place is not None]

    def resolve_spans(self, doc: Doc, record: Record,
                      spans: Sequence[tuple[int, int]]) -> list[Place | None]:
        """Resolve given character spans as toponyms, in the article's context (the places
        the stage finds itself lend their context too)."""
        own = [(m.start, m.end) for m in find_mentions(doc, self.gazetteer, record.actors)
               if not m.relabelled and m.use != "embedded"]  # a guess from an entity's
        # name, or a name inside another's ("Arlington Neighbors"), is no context
        extra = [span for span in own if span not in set(spans)]
        resolved = self.resolver.resolve(doc, [*spans, *extra], record.actors)
        return resolved[: len(spans)]


@registry.stages.register("places")
def make_places_stage(settings: Settings, nlp: Language) -> PlacesStage:
    del nlp
    return PlacesStage(Gazetteer.open(settings.gazetteer_dir or None, settings.place_aliases),
                       settings.place_mentions)
