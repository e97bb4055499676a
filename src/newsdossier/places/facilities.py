"""Facilities named after the town they stand in: "Jolo Cathedral", "Baghdad International
Airport", "Kandahar air base", "RAF Croughton".

The gazetteer knows few buildings; their town it knows. A facility name is its last word a
facility word (or its first an air-station prefix, "RAF"), and its town the words left once
that word, the modifiers before it ("International", "Police") and a leading "the" are
dropped. The resolver places the facility at its town — within the few kilometres that
separate a town's airport, cathedral or hospital from its centre. Names of buildings that
usually honour a person or a thing rather than a town (universities, palaces, museums,
churches) are left alone: "Columbia University" is not in Columbia.
"""

from __future__ import annotations

FACILITY_WORDS = frozenset({"airport", "airbase", "airfield", "base", "cathedral", "mosque",
                            "hospital", "prison", "jail", "stadium", "port", "harbour",
                            "harbor", "station", "barracks", "camp", "headquarters",
                            "refinery", "terminal", "market", "bridge", "clinic",
                            "courthouse"})
FACILITY_PREFIXES = frozenset({"RAF", "NAS", "MCAS"})  # "RAF Croughton", "NAS Pensacola"
FACILITY_MODIFIERS = frozenset({"international", "regional", "national", "municipal",
                                "military", "air", "naval", "central", "general", "police",
                                "civil", "main", "city", "district", "provincial",
                                "grand", "old", "new", "memorial", "university"})


def is_facility(words: list[str]) -> bool:
    """Whether a name of two or more words is shaped like a facility's."""
    if len(words) < 2:
        return False
    return words[-1].lower() in FACILITY_WORDS or words[0] in FACILITY_PREFIXES


def town_of_facility(name: str) -> str | None:
    """The town a facility is named after ("Baghdad International Airport" → "Baghdad"), or
    None when the name is no facility's or nothing is left."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not is_facility(words):
        return None
    if words[0] in FACILITY_PREFIXES:
        words = words[1:]
    else:
        words = words[:-1]
        while words and words[-1].lower() in FACILITY_MODIFIERS:
            words = words[:-1]
    return " ".join(words) or None


__all__ = ["FACILITY_WORDS", "is_facility", "town_of_facility"]
