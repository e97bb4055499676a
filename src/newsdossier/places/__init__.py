"""Places: toponyms in the text resolved to coordinates (record.places, event.location)."""

from .gazetteer import Entry, Gazetteer
from .resolve import Resolver, haversine_km
from .sources import AliasError
from .stage import PlacesStage, make_places_stage

__all__ = ["AliasError", "Entry", "Gazetteer", "PlacesStage", "Resolver", "haversine_km",
           "make_places_stage"]
