"""Datelines: the place (and agency) heading a story's first paragraph, "BEIRUT —".

A dateline names where the report was filed, so it is neither an actor nor the subject of
the sentence the parser sometimes hangs it on ("EL OBEID, Sudan — At least 27 people were
killed": OBEID is no victim). Stages ask here which tokens belong to one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

DATELINE_DASHES = frozenset({"—", "–", "―", "--"})
DATELINE_MAX_TOKENS = 8
_CACHE_KEY = "newsdossier.datelines"


def dateline_tokens(doc: Doc) -> frozenset[int]:
    """Indices of the tokens of every dateline: a paragraph opening with a capitalised word
    and reaching a dash within DATELINE_MAX_TOKENS tokens ("BANGKOK/MOSCOW —",
    "EL OBEID, Sudan —"), the dash included."""
    cached = doc.user_data.get(_CACHE_KEY)
    if cached is not None:
        return frozenset(cached)
    tokens: set[int] = set()
    starts = [0] + [t.i + 1 for t in doc if "\n" in t.text or "\n" in t.whitespace_]
    for start in starts:
        for i in range(start, min(start + DATELINE_MAX_TOKENS, len(doc))):
            token = doc[i]
            if token.text in DATELINE_DASHES:
                if i > start and doc[start].text.isupper():
                    tokens.update(range(start, i + 1))
                break
            if token.is_space or "\n" in token.text:
                break
    doc.user_data[_CACHE_KEY] = sorted(tokens)  # a list: user data must serialise (DocBin)
    return frozenset(tokens)


def in_dateline(token: Token) -> bool:
    return token.i in dateline_tokens(token.doc)
