"""Nouns for people and bodies, by their shape: who can speak, intend or be spoken to.

No dictionary of people: a noun is taken for people when it names a body ("the ministry",
"the press") or has the ending of a noun for someone who does something ("voter",
"analyst", "nominee", "resident"), and not the ending of a thing ("agreement",
"conclusion", "majority").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Bodies, not persons: never the antecedent of "he" or "she" (their heads).
INSTITUTION_WORDS = frozenset({
    "ministry", "government", "parliament", "army", "police", "council", "committee", "court",
    "party", "company", "firm", "group", "union", "agency", "department", "office",
    "administration", "embassy", "organisation", "organization", "military", "navy",
    "commission", "assembly", "senate", "congress", "cabinet", "board", "bank", "authority",
    "authorities", "regime", "movement", "coalition", "alliance", "force", "forces", "press",
    "media", "state", "country", "nation", "team", "network", "newspaper", "broadcaster",
    "channel", "station", "hospital", "university", "institute", "summit", "panel",
    "legislature", "jury", "tribunal", "people", "public", "crowd", "community", "family",
    "staff", "delegation", "opposition", "campaign",
})

_PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee", "ive")
_THING_ENDINGS = ("ment", "ness", "tion", "sion", "ity")
_NAMED = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def looks_like_people(token: Token) -> bool:
    """A body or someone, by the noun's lemma ("reporters", "the commission"); a name or
    a personal pronoun."""
    if token.pos_ in ("PROPN", "PRON") or token.ent_type_ in _NAMED:
        return True
    if token.pos_ != "NOUN":
        return False
    lemma = token.lemma_.lower()
    if lemma in INSTITUTION_WORDS:
        return True
    return lemma.endswith(_PERSON_ENDINGS) and not lemma.endswith(_THING_ENDINGS)
