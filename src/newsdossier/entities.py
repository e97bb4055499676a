"""Reading spaCy's entity tags around a token.

`doc.ents` builds a new span for every entity on each access; stages ask "which entity is
this token in?" for many tokens, so the answer is read from the token's own IOB tags.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

if TYPE_CHECKING:
    from spacy.tokens import Token


def entity_at(token: Token) -> Span | None:
    """The named entity the token is part of, or None."""
    if token.ent_iob_ not in ("B", "I"):
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)
