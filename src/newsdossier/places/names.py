"""Place-name keys: how a name in text and a name in the gazetteer are made to meet.

A key is the name case-folded, without diacritics, with hyphens, apostrophes and dots turned
into spaces and runs of spaces collapsed ("Al-Raqqa" → "al raqqa", "St. John's" → "saint
john s"). `variants` adds the forms a name is also written in: without an Arabic article
("al raqqa" → "raqqa"; "el", "ad", "ar", "as", "ash", "at", "az", "an" too), without a
leading "the", a final "-ah" written "-a" ("Raqqah", "Raqqa"), and "saint"/"st", "mount"/
"mt", "fort"/"ft" made one.
"""

from __future__ import annotations

import functools
import re
import unicodedata

ARTICLES = ("al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ath", "adh", "ul")
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―'’`´.·,]+")
_SAINTS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point"}


@functools.lru_cache(maxsize=65536)
def key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    plain = plain.replace("ß", "ss").replace("ı", "i").replace("ø", "o").replace("æ", "ae")
    words = [w for w in _SEPARATORS.split(plain) if w]
    return " ".join(_SAINTS.get(w, w) for w in words)


def variants(name: str) -> set[str]:
    """The keys under which a gazetteer name is filed."""
    base = key(name)
    found = {base} if base else set()
    words = base.split()
    if len(words) > 1 and words[0] in ARTICLES:
        found.add(" ".join(words[1:]))
    if len(words) > 1 and words[0] == "the":
        found.add(" ".join(words[1:]))
    found |= {k[:-1] for k in found if k.endswith("ah") and len(k) > 4}  # "raqqah" → "raqqa"
    return found


def lookup_keys(name: str) -> list[str]:
    """The keys to try for a name found in text, best first."""
    base = key(name)
    keys = [base]
    words = base.split()
    if len(words) > 1 and words[0] in ("the", *ARTICLES):
        keys.append(" ".join(words[1:]))
    keys += [k[:-1] for k in keys if k.endswith("ah") and len(k) > 4]
    return [k for k in dict.fromkeys(keys) if k]
