"""Features of one sentence for the learned event-type model (`learned`).

Everything comes from the one spaCy parse the pipeline already made: lemmas, parts of
speech, dependency relations and the tok2vec output (`doc.tensor`). No second parse, one
pass over the sentence's tokens.

Each sparse feature belongs to the token it describes (its owner), so the linear model's
score of a type splits into per-token contributions and the token that contributes most is
the event's trigger. The features are deliberately general — a word and its grammatical
role, a verb with its object, particle, preposition or complement — so that a phrase the
pattern table has never seen ("lobbed shells at", "walked off the job") still lands near
the phrases it was trained on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Span, Token

    from .patterns import PatternTable

_CONTENT_POS = frozenset({"VERB", "NOUN", "ADJ", "PROPN", "ADV"})
_OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "attr", "oprd"})
_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
_MODIFIER_DEPS = frozenset({"compound", "amod"})
# Named-entity labels that stand for parties or places; others (DATE, CARDINAL…) say nothing
# about the kind of event.
_PARTY_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})
MAX_TOKENS = 200


def _word(token: Token) -> str:
    if token.like_num:
        return "#"
    return token.lemma_.lower()


@dataclass(slots=True)
class SentenceFeatures:
    """The sparse features of one sentence, each with the index (in the doc) of its owner
    token (-1: the sentence as a whole), and the sentence's pooled tok2vec vector."""

    names: list[str]
    owners: list[int]
    dense: np.ndarray | None


def _token_features(token: Token, add: list[tuple[str, int]]) -> None:
    pos = token.pos_
    lemma = _word(token)
    i = token.i
    if pos == "PROPN":
        if token.ent_type_ in _PARTY_LABELS:
            add.append((f"e={token.ent_type_}", -1))
        return
    add.append((f"w={lemma}", i))
    if pos not in ("VERB", "NOUN"):
        return
    tag = "v" if pos == "VERB" else "n"
    add.append((f"{tag}d={lemma}|{token.dep_}", i))
    for child in token.children:
        dep = child.dep_
        if dep in _OBJECT_DEPS:
            if child.ent_type_ in _PARTY_LABELS:
                add.append((f"{tag}o={lemma}|@", i))
            else:
                add.append((f"{tag}o={lemma}|{_word(child)}", i))
        elif dep == "prt":
            add.append((f"{tag}t={lemma}|{child.lower_}", i))
        elif dep == "prep":
            add.append((f"{tag}p={lemma}|{child.lower_}", i))
        elif dep in _COMPLEMENT_DEPS and child.pos_ in ("VERB", "AUX"):
            add.append((f"{tag}x={lemma}|{_word(child)}", i))
        elif dep == "neg":
            add.append((f"{tag}neg={lemma}", i))
        elif dep in ("aux", "auxpass") and child.tag_ == "MD":
            add.append((f"md={child.lower_}", i))
        elif dep in _MODIFIER_DEPS and pos == "NOUN" and child.pos_ in ("NOUN", "ADJ"):
            add.append((f"nc={_word(child)}|{lemma}", i))
        elif dep in _SUBJECT_DEPS and pos == "VERB" and child.ent_type_ in _PARTY_LABELS:
            add.append((f"vs={lemma}|@", i))
    head = token.head
    if dep_is_argument(token) and head is not token and head.pos_ in ("VERB", "AUX"):
        add.append((f"hv={_word(head)}|{lemma}", i))  # "took part in", "opened fire"


def dep_is_argument(token: Token) -> bool:
    return token.dep_ in ("dobj", "obj", "nsubjpass", "pobj", "attr")


def _table_features(token: Token, table: PatternTable, add: list[tuple[str, int]]) -> None:
    """What the pattern table says of the token: the types its rows for this word give
    (conditions aside), and the type of the row that matches here, if one does."""
    from .triggers import match_token

    pos = "VERB" if token.pos_ == "VERB" else "NOUN"
    candidates = table.candidates(pos, token.lemma_.lower())
    if not candidates:
        return
    i = token.i
    for kind in sorted({p.type for p in candidates if p.type and not p.blocks}):
        add.append((f"tc={kind}", i))
    match = match_token(token, table)
    if match is not None and match.pattern.type:
        kind = match.pattern.type
        add.append((f"tm={kind}", i))
        add.append((f"tmd={kind}|{token.dep_}", i))
        if any(c.dep_ == "neg" for c in token.children):
            add.append((f"tmneg={kind}", i))


def sentence_features(sentence: Span, dense: bool = True,
                      table: PatternTable | None = None) -> SentenceFeatures:
    """The features of a sentence (a spaCy span; at most MAX_TOKENS tokens are read);
    with a pattern table, also what its rows say of each word."""
    found: list[tuple[str, int]] = []
    tokens = sentence[:MAX_TOKENS] if len(sentence) > MAX_TOKENS else sentence
    for token in tokens:
        if token.is_punct or token.is_space or token.pos_ not in _CONTENT_POS:
            continue
        _token_features(token, found)
        if table is not None and token.pos_ in ("VERB", "NOUN"):
            _table_features(token, table, found)
        if token.dep_ == "ROOT" and token.pos_ in ("VERB", "NOUN"):
            found.append((f"root={_word(token)}", token.i))
    seen: dict[str, int] = {}
    for name, owner in found:
        seen.setdefault(name, owner)  # binary features: the first owner speaks for the rest
    vector = _pooled(sentence) if dense else None
    return SentenceFeatures(list(seen), list(seen.values()), vector)


def add_rule_features(features: SentenceFeatures, coded: list[tuple[str, str]]) -> None:
    """What the rules coded in the sentence, as (PLOVER type, "fg" | "bg" | "neg") pairs:
    foreground, background and negated events. The model learns when the rules' type is
    right and what they miss when they are silent (`r=none`)."""
    names = sorted({f"r{role}={kind}" for kind, role in coded})
    if not any(role == "fg" for _, role in coded):
        names.append("r=none")
    features.names.extend(names)
    features.owners.extend([-1] * len(names))


def rule_role(background: bool, status: str) -> str:
    if status == "negated":
        return "neg"
    return "bg" if background else "fg"


def _pooled(sentence: Span) -> np.ndarray | None:
    import numpy as np

    tensor = sentence.doc.tensor
    if tensor is None or tensor.size == 0 or tensor.shape[0] < sentence.end:
        return None
    rows = tensor[sentence.start:sentence.end]
    return np.concatenate([rows.mean(axis=0), rows.max(axis=0)]).astype(np.float32)
