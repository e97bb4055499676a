"""Calibrated event confidence: how likely an event is right, learned from whole-article gold.

An event's `confidence` is the probability, under a logistic model, that a careful reader
would find it a real event of the article (its sentence reports an event of that type), from
what the record says of it: its type and CAMEO detail, whether its parties are coded (and
how: stated or from the article's setting), its status, whether it is background, told by
a noun or a verb, made from a statement, merged from several mentions, dated or placed and
on what basis, and where in the article it is told. The weights are data
(`data/events/confidence.tsv`, `feature<TAB>weight`) fitted by `tools/fit_confidence.py`
on the whole-article dev gold, checked by cross-validation by article so that events with
confidence ≥ 0.8 are right at least 80 % of the time (benchmarks/README.md has the
reliability table); users can refit them on gold of their own.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path

from spacy.tokens import Token

from ..model import Actor, Event

SHIPPED = "events/confidence.tsv"
BIAS = "bias"


class ConfidenceError(ValueError):
    """A confidence weight table is malformed."""


def _party(prefix: str, actors: Sequence[Actor]) -> Iterable[str]:
    if any(a.country for a in actors):
        yield f"{prefix}:country"
        if any(a.country_basis == "article-setting" for a in actors):
            yield f"{prefix}:setting"
    elif any(a.sector for a in actors):
        yield f"{prefix}:sector-only"
    elif any(a.name for a in actors):
        yield f"{prefix}:named"
    else:
        yield f"{prefix}:none"


def features(event: Event, sentence_number: int, quoted: bool, noun: bool) -> list[str]:
    """The names of the features an event has (all binary)."""
    names = [BIAS, f"type:{event.type or 'none'}", f"status:{event.status}",
             f"date:{event.date_basis or 'none'}", f"place:{event.location_basis or 'none'}"]
    names += _party("source", event.source)
    names += _party("target", event.target)
    if event.background:
        names.append("background")
    if event.cameo and len(event.cameo) >= 3 and not event.cameo.endswith("0"):
        names.append("cameo:specific")
    if event.cameo:
        names.append(f"cameo:{event.cameo[:3]}")
    if event.id.startswith("s"):
        names.append("from:statement")
    if event.mentions:
        names.append("mentions:several")
    if noun:
        names.append("trigger:noun")
    if quoted:
        names.append("quoted")
    if event.reported_in:
        names.append("reported-in")
    names.append("lead" if sentence_number < LEAD_SENTENCES else "body")
    return names


LEAD_SENTENCES = 3

# How a clause's wording says its act may not have happened, or not as a reported fact.
MODALS = frozenset({"would", "could", "might", "may", "should", "must", "can", "ought"})
CONDITIONS = frozenset({"if", "unless", "whether"})
GENERIC_SUBJECTS = frozenset({"people", "everyone", "anyone", "someone", "somebody", "anybody",
                              "everybody", "nobody", "one", "they", "those", "others"})
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
GOVERNING_STEPS = 3
CLAUSE_KINDS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "conj"})
SUBJECTS = ("nsubj", "nsubjpass")


def _clause_verbs(token: Token) -> list[Token]:
    """The trigger's verb and the verbs it is a complement of, nearest first."""
    verbs, current = [], token
    if current.pos_ in ("NOUN", "PROPN") and current.head.i != current.i:
        current = current.head
    for _ in range(GOVERNING_STEPS):
        if current.pos_ in ("VERB", "AUX"):
            verbs.append(current)
        if current.dep_ not in ("xcomp", "ccomp", "conj", "advcl", "pcomp", "prep", "pobj",
                                "dobj") or current.head.i == current.i:
            break
        current = current.head
    return verbs


def _subject(verbs: Sequence[Token]) -> Token | None:
    for verb in verbs:
        for child in verb.children:
            if child.dep_ in SUBJECTS:
                return child
    return None


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def reading_features(event: Event, token: Token | None) -> list[str]:
    """What the parse says of how the act is told: by whom (first person, a generic
    subject), with what hedges (a modal, a condition, a question), in what kind of clause,
    and whether the sentence names parties the event left out."""
    if token is None:
        return ["parse:none"]
    names: list[str] = [f"lemma:{token.lemma_.lower()}"]
    verbs = _clause_verbs(token)
    main = verbs[0] if verbs else token
    names.append(f"clause:{main.dep_ if main.dep_ in CLAUSE_KINDS else 'other'}")
    auxes = [c for v in verbs[:2] for c in v.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in MODALS for a in auxes):
        names.append("hedge:modal")
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for v in verbs for c in v.children):
        names.append("hedge:condition")
    sentence = token.sent
    if sentence.text.rstrip(" \"'\u201d\u2019)").endswith("?"):
        names.append("hedge:question")
    if main.tag_ in ("VBZ", "VBP") and not any(a.lemma_ in ("have", "be") for a in auxes):
        names.append("tense:simple-present")
    subject = _subject(verbs)
    if subject is not None:
        lower = subject.lower_
        if lower in ("i", "we", "me", "us"):
            names.append("subject:first-person")
        elif lower == "you":
            names.append("subject:second-person")
        elif lower in GENERIC_SUBJECTS or (subject.tag_ == "NNS" and not any(
                c.dep_ in ("det", "poss", "nummod", "compound", "amod") for c in subject.children)):
            names.append("subject:generic")
        elif subject.pos_ == "PROPN" and not event.source:
            names.append("source:named-subject-unused")
    used = [(a.start, a.end) for a in [*event.source, *event.target]]
    if event.attributed_to is not None:
        used.append((event.attributed_to.start, event.attributed_to.end))
    if event.location is not None:
        used.append((event.location.start, event.location.end))
    unused = [e for e in sentence.ents if e.label_ in NAMED_LABELS
              and not _overlaps(e.start_char, e.end_char, used)]
    if unused:
        names.append("names:unused")
        if not event.target:
            names.append("target:none-but-named")
    if event.attributed_to is not None and not event.source:
        names.append("source:speaker-only")
    if len(sentence) > LONG_SENTENCE:
        names.append("sentence:long")
    return names


LONG_SENTENCE = 40


class ConfidenceModel:
    """A logistic model over binary features."""

    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = weights

    def probability(self, names: Iterable[str]) -> float:
        score = sum(self.weights.get(name, 0.0) for name in names)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    @classmethod
    def load(cls, extra_files: Sequence[str | Path] = ()) -> ConfidenceModel:
        """The shipped weights, or the last of the user's files (a whole model each)."""
        if extra_files:
            path = Path(extra_files[-1])
            try:
                return cls(parse_weights(path.read_text("utf-8").splitlines(), str(path)))
            except OSError as exc:
                raise ConfidenceError(f"{path}: {exc}") from exc
        text = resources.files("newsdossier").joinpath(f"data/{SHIPPED}").read_text("utf-8")
        return cls(parse_weights(text.splitlines(), SHIPPED))


def parse_weights(lines: Iterable[str], name: str) -> dict[str, float]:
    weights = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        try:
            weights[parts[0].strip()] = float(parts[1])
        except (IndexError, ValueError) as exc:
            raise ConfidenceError(f"{name}:{number}: want feature<TAB>weight") from exc
    if BIAS not in weights:
        raise ConfidenceError(f"{name}: no {BIAS!r} weight")
    return weights


def fit(rows: Sequence[list[str]], labels: Sequence[int], l2: float = 1.0,
        steps: int = 400, rate: float = 0.5) -> dict[str, float]:
    """Logistic regression by full-batch gradient descent (deterministic, no dependencies
    beyond numpy): binary features, L2 penalty (not on the bias)."""
    import numpy as np

    names = sorted({name for row in rows for name in row})
    column = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, row in enumerate(rows):
        for name in row:
            x[i, column[name]] = 1.0
    y = np.asarray(labels, dtype=float)
    w = np.zeros(len(names))
    penalty = np.full(len(names), l2 / max(len(rows), 1))
    penalty[column[BIAS]] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) / len(rows) + penalty * w
        w -= rate * gradient
    return {name: round(float(w[column[name]]), 4) for name in names}
