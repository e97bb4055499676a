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
TITLE_MAX_TOKENS = 40
_CACHE_KEY = "newsdossier.datelines"


def dateline_tokens(doc: Doc) -> frozenset[int]:
    """Indices of the tokens of every dateline: a paragraph opening with a capitalised word
    and reaching a dash within DATELINE_MAX_TOKENS tokens ("BANGKOK/MOSCOW —",
    "EL OBEID, Sudan —", "SPRINGFIELD -"), the dash included."""
    cached = doc.user_data.get(_CACHE_KEY)
    if cached is not None:
        return frozenset(cached)
    tokens: set[int] = set()
    starts = [0] + [t.i + 1 for t in doc if "\n" in t.text or "\n" in t.whitespace_]
    starts.append(_after_a_run_in_title(doc))
    for start in starts:
        for i in range(start, min(start + DATELINE_MAX_TOKENS, len(doc))):
            token = doc[i]
            if is_dateline_dash(token):
                if i > start and doc[start].text.isupper():
                    tokens.update(range(start, i + 1))
                break
            if token.is_space or "\n" in token.text:
                break
    doc.user_data[_CACHE_KEY] = sorted(tokens)  # a list: user data must serialise (DocBin)
    return frozenset(tokens)


def _after_a_run_in_title(doc: Doc) -> int:
    """Where the body begins when a feed ran the title into it as its first sentence
    ("Springfield man shot. SPRINGFIELD - A 27-year-old …"): the token after the first
    full stop of the first line (0 when there is none)."""
    for token in doc[:TITLE_MAX_TOKENS]:
        if "\n" in token.text or "\n" in token.whitespace_:
            return 0
        if token.text in (".", "!", "?") and token.whitespace_ and token.i + 1 < len(doc):
            return token.i + 1
    return 0


def is_dateline_dash(token: Token) -> bool:
    """A dash, or a hyphen standing alone between spaces ("SPRINGFIELD - A man was shot"; never
    the hyphen of "U.S.-backed")."""
    if token.text in DATELINE_DASHES:
        return True
    return token.text == "-" and token.i > 0 and bool(
        token.doc[token.i - 1].whitespace_) and bool(token.whitespace_)


def in_dateline(token: Token) -> bool:
    return token.i in dateline_tokens(token.doc)
