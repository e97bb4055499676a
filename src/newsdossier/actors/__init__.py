"""Actor mentions and their country/sector resolution (the "actors" stage).

>>> from newsdossier.actors import ActorDictionary, ActorResolver
>>> resolver = ActorResolver(ActorDictionary.load())
>>> resolver.resolve("Syria's foreign ministry").code
'SYRGOV'
"""

from .dictionary import ActorDictionary, DictionaryError, Entry, normalise
from .resolver import ActorResolver, Resolution, make_code
from .stage import ActorsStage, make_actors_stage

__all__ = [
    "ActorDictionary",
    "ActorResolver",
    "ActorsStage",
    "DictionaryError",
    "Entry",
    "Resolution",
    "make_actors_stage",
    "make_code",
    "normalise",
]
