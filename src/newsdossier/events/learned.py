"""The learned event-type model beside the pattern rules.

A multi-label linear model (one logistic output per PLOVER type) over the sentence features
of `features`: sparse lexical and dependency features plus the pooled tok2vec vector of the
pipeline's own parse. It is trained from the shared gold sets by `tools/train_events.py`
(deterministic; the weights, not the texts, ship in `data/events/event_model.npz`).

How it combines with the rules, per sentence, once the rules have coded it (`review`):

* a rule event whose type the model finds very unlikely (below `veto`) is **retyped** to the
  model's confident type when the sentence has one the rules did not give (arguments, date
  and status stay: the rule found the right clause, not the right kind), else **dropped**;
* a type the model is confident of (at least `add`) that no rule event of the sentence has
  is **added**: its trigger is the verb or noun contributing most to that type's score, and
  the coder's own argument, status and date machinery codes it like a rule match (the
  pattern row of that trigger and type when the table has one, else a generic row).

Rules keep their precise arguments and CAMEO detail where they fire; the model adds recall
where they do not and removes rule hits it is sure are wrong. Setting `event_model = "off"`
gives the rules alone.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .features import SentenceFeatures, add_rule_features, rule_role, sentence_features
from .patterns import Conditions, Pattern, PatternTable
from .triggers import Match, conditions_hold, light_verb

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from .draft import Draft

SHIPPED_WEIGHTS = "event_model.npz"
FORMAT = "newsdossier.event-model/1"
# Where a generic (table-less) trigger of each type looks for its target first.
_WITH_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
_TO_TYPES = frozenset({"AID", "SUPPORT", "REQUEST", "CONCEDE"})
# Hostile acts name their target after "against" or "on" when the object is the means
# ("used force against protesters", "imposed sanctions on Iran").
_AGAINST_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "ACCUSE", "PROTEST"})
_MAX_ADDED = 2
_MAX_CLIMB = 4
MODE_MIN = 0.3


class EventModelError(RuntimeError):
    """The weights file is missing or not a newsdossier event model."""


@dataclass(frozen=True)
class Thresholds:
    add: float = 0.6
    veto: float = 0.05
    retype: float = 0.5


class EventModel:
    """Weights of the linear model; `probabilities` scores one sentence."""

    def __init__(self, labels: Sequence[str], features: Sequence[str], weights: np.ndarray,
                 bias: np.ndarray, dense_weights: np.ndarray | None = None,
                 dense_mean: np.ndarray | None = None, dense_scale: np.ndarray | None = None,
                 thresholds: Thresholds | None = None,
                 meta: dict[str, Any] | None = None) -> None:
        self.labels = list(labels)
        self.index = {name: i for i, name in enumerate(features)}
        self.feature_names = list(features)
        self.weights = np.asarray(weights, dtype=np.float32)
        self.bias = np.asarray(bias, dtype=np.float32)
        self.dense_weights = dense_weights
        self.dense_mean = dense_mean
        self.dense_scale = dense_scale
        self.thresholds = thresholds or Thresholds()
        self.meta = meta or {}
        self.label_index = {label: i for i, label in enumerate(self.labels)}
        # Outputs "TYPE/mode" after the 16 types: the mode of an event of that type.
        self.types = [label for label in self.labels if "/" not in label]

    # --- scoring --------------------------------------------------------------------------

    def rows(self, features: SentenceFeatures) -> list[int]:
        return [self.index[name] for name in features.names if name in self.index]

    def scores(self, features: SentenceFeatures) -> np.ndarray:
        rows = self.rows(features)
        total = self.bias.copy()
        if rows:
            total += self.weights[rows].sum(axis=0)
        if self.dense_weights is not None and features.dense is not None:
            scaled = (features.dense - self.dense_mean) / self.dense_scale
            total += scaled @ self.dense_weights
        return total

    def probabilities(self, features: SentenceFeatures) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.scores(features)))

    @property
    def uses_table(self) -> bool:
        """Whether the pattern table's rows are among the features (`features`)."""
        return bool(self.meta.get("table_features"))

    @property
    def uses_rules(self) -> bool:
        """Whether what the rules coded in the sentence is among the features."""
        return bool(self.meta.get("rule_features"))

    def featurize(self, sentence: SpacySpan, table: PatternTable | None,
                  coded: list[tuple[str, str]] | None = None) -> SentenceFeatures:
        features = sentence_features(sentence, dense=self.dense_weights is not None,
                                     table=table if self.uses_table else None)
        if self.uses_rules:
            add_rule_features(features, coded or [])
        return features

    def sentence_probabilities(self, sentence: SpacySpan,
                               table: PatternTable | None = None) -> dict[str, float]:
        features = self.featurize(sentence, table)
        probs = self.probabilities(features)
        return {label: float(p) for label, p in zip(self.labels, probs, strict=True)}

    def contributions(self, features: SentenceFeatures, label: str) -> dict[int, float]:
        """Each owner token's share of the label's score (sparse features only)."""
        column = self.label_index[label]
        shares: dict[int, float] = {}
        for name, owner in zip(features.names, features.owners, strict=True):
            row = self.index.get(name)
            if row is not None and owner >= 0:
                shares[owner] = shares.get(owner, 0.0) + float(self.weights[row, column])
        return shares

    # --- storage --------------------------------------------------------------------------

    def save(self, path: str | Path) -> None:
        arrays: dict[str, np.ndarray] = {
            "labels": np.array(self.labels),
            "features": np.array(self.feature_names),
            "weights": self.weights.astype(np.float32),
            "bias": self.bias.astype(np.float32),
            "thresholds": np.array([self.thresholds.add, self.thresholds.veto,
                                    self.thresholds.retype], dtype=np.float32),
            "meta": np.array(json.dumps({"format": FORMAT, **self.meta}, sort_keys=True)),
        }
        if self.dense_weights is not None:
            arrays["dense_weights"] = self.dense_weights.astype(np.float32)
            arrays["dense_mean"] = np.asarray(self.dense_mean, dtype=np.float32)
            arrays["dense_scale"] = np.asarray(self.dense_scale, dtype=np.float32)
        with open(path, "wb") as handle:
            np.savez_compressed(handle, **arrays)

    @classmethod
    def load(cls, path: str | Path | None = None) -> EventModel:
        try:
            if path is None:
                source = resources.files("newsdossier").joinpath(f"data/events/{SHIPPED_WEIGHTS}")
                with source.open("rb") as handle:
                    return cls._from_arrays(dict(np.load(handle, allow_pickle=False)))
            with open(path, "rb") as handle:
                return cls._from_arrays(dict(np.load(handle, allow_pickle=False)))
        except (OSError, ValueError, KeyError) as exc:
            raise EventModelError(f"event model {path or SHIPPED_WEIGHTS}: {exc}") from exc

    @classmethod
    def _from_arrays(cls, arrays: dict[str, np.ndarray]) -> EventModel:
        meta = json.loads(str(arrays["meta"]))
        if meta.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} file")
        add, veto, retype = (float(v) for v in arrays["thresholds"])
        return cls([str(x) for x in arrays["labels"]], [str(x) for x in arrays["features"]],
                   arrays["weights"], arrays["bias"], arrays.get("dense_weights"),
                   arrays.get("dense_mean"), arrays.get("dense_scale"),
                   Thresholds(add, veto, retype), meta)


@cache
def shipped_model() -> EventModel:
    """The shipped weights, loaded once per process (worker)."""
    return EventModel.load()


def load_event_model(setting: str, weights: str = "") -> EventModel | None:
    """The model the `event_model` / `event_model_weights` settings ask for, or None."""
    if setting == "off":
        return None
    if setting != "on":
        raise EventModelError(f"event_model must be 'on' or 'off', not {setting!r}")
    return EventModel.load(weights) if weights else shipped_model()


# --- combining with the rules --------------------------------------------------------------


def _generic_codes(table: PatternTable) -> dict[str, str]:
    """Each type's most common CAMEO root in the pattern table, as a root-level code."""
    roots: dict[str, Counter[str]] = {}
    for patterns in table._index.values():
        for pattern in patterns:
            if pattern.type and pattern.cameo:
                roots.setdefault(pattern.type, Counter())[pattern.cameo[:2]] += 1
    return {kind: counts.most_common(1)[0][0] + "0" for kind, counts in roots.items()}


def _likeliest_mode(kind: str, probs: dict[str, float]) -> str | None:
    prefix = kind + "/"
    best = max(((p, label) for label, p in probs.items() if label.startswith(prefix)),
               default=None)
    return best[1][len(prefix):] if best is not None and best[0] >= MODE_MIN else None


def _generic_target(kind: str) -> tuple[str, ...]:
    if kind in _WITH_TYPES:
        return ("obj", "prep:with")
    if kind in _TO_TYPES:
        return ("obj", "prep:to")
    if kind in _AGAINST_TYPES:
        return ("prep:against", "prep:on", "obj")
    return ("obj",)


def _trigger_pos(token: Token) -> str | None:
    if token.pos_ == "VERB":
        return "VERB"
    if token.pos_ == "NOUN":
        return "NOUN"
    return None


@dataclass
class Review:
    """What the model changes in one sentence's rule events."""

    kept: list[Draft]
    added: list[Match]


class ModelReviewer:
    """Applies an EventModel to the rule events of each sentence (see the module doc)."""

    def __init__(self, model: EventModel, table: PatternTable) -> None:
        self.model = model
        self.table = table
        self.codes = _generic_codes(table)

    def review(self, sentence: SpacySpan, drafts: list[Draft]) -> Review:
        model = self.model
        coded = [(d.type, rule_role(d.background, d.status)) for d in drafts if d.type]
        features = model.featurize(sentence, self.table, coded)
        probs = dict(zip(model.labels, model.probabilities(features).tolist(), strict=True))
        limits = model.thresholds
        judged = [d for d in drafts if d.type in probs and not d.background
                  and d.status != "negated" and d.match is not None and not d.settled]
        present = {d.type for d in judged}
        wanted = sorted((p, kind) for kind, p in probs.items()
                        if "/" not in kind and p >= limits.add and kind not in present)
        wanted.reverse()
        kept: list[Draft] = []
        for draft in drafts:
            if draft not in judged or probs[draft.type or ""] >= limits.veto:
                kept.append(draft)
                continue
            better = next(((p, k) for p, k in wanted if p >= limits.retype), None)
            if better is not None:
                wanted.remove(better)
                self._retype(draft, better[1], probs)
                kept.append(draft)
        added = []
        for _, kind in wanted[:_MAX_ADDED]:
            match = self._match(sentence, features, kind, probs)
            if match is not None:
                added.append(match)
        return Review(kept, added)

    def _retype(self, draft: Draft, kind: str, probs: dict[str, float]) -> None:
        pattern = self._pattern(draft.anchor, kind, probs)
        draft.type, draft.cameo = kind, pattern.cameo
        draft.mode = pattern.mode
        draft.intent = None

    def _match(self, sentence: SpacySpan, features: SentenceFeatures, kind: str,
               probs: dict[str, float]) -> Match | None:
        doc = sentence.doc
        weights: dict[int, float] = {}
        for i, share in self.model.contributions(features, kind).items():
            anchor = self._anchor(doc[i], sentence)
            if anchor is not None:
                weights[anchor.i] = weights.get(anchor.i, 0.0) + share
        best = max(((share, i) for i, share in weights.items() if share > 0), default=None)
        if best is None:
            return None
        token = doc[best[1]]
        match = Match(token, self._pattern(token, kind, probs))
        if match.is_noun:
            match.light_verb = light_verb(token)
        return match

    def _anchor(self, token: Token, sentence: SpacySpan) -> Token | None:
        """The word that can carry an event for this token's share of the score: a verb, a
        noun the pattern table knows as an event word ("talks", "strike"), else the verb the
        token hangs on ("rebels" in "the rebels announced ..." → announced)."""
        node = token
        for _ in range(_MAX_CLIMB):
            if node.pos_ == "VERB" or (
                node.pos_ == "NOUN" and self.table.candidates("NOUN", node.lemma_.lower())
            ):
                return node
            if node.head.i == node.i or not sentence.start <= node.head.i < sentence.end:
                return None
            node = node.head
        return None

    def _pattern(self, token: Token, kind: str, probs: dict[str, float]) -> Pattern:
        """The table's row for this word and type (its conditions aside), else a generic row
        with the type's usual CAMEO root and the mode the model finds likeliest."""
        pos = _trigger_pos(token) or "VERB"
        lemma = token.lemma_.lower()
        rows = [p for p in self.table.candidates(pos, lemma) if p.type == kind
                and not p.blocks and not p.particle and not p.modifiers]
        # a row whose conditions this word meets, else one with none: a row for another
        # use of the word ("used civilians as shields") would code the wrong act
        fitting = [p for p in rows if conditions_hold(token, p)] or [
            p for p in rows if p.when == Conditions()]
        for pattern in fitting:
            return replace(pattern, when=Conditions(),
                           mode=pattern.mode or _likeliest_mode(kind, probs))
        return Pattern(lemma, pos, Conditions(), kind, _likeliest_mode(kind, probs),
                       self.codes.get(kind), _generic_target(kind), (), (lemma, pos, "model"))


def revise(reviewer: ModelReviewer, sentence: SpacySpan, drafts: list[Draft],
           recode: Callable[[list[Match]], list[Draft]]) -> list[Draft]:
    """The sentence's drafts after the model's review; `recode` codes the sentence again
    with extra matches (only when the model adds any) and the new ones are taken from it."""
    review = reviewer.review(sentence, drafts)
    if not review.added:
        return review.kept
    added = {id(m) for m in review.added}
    fresh = [d for d in recode(review.added) if d.match is not None and id(d.match) in added]
    merged = review.kept + fresh
    return sorted(merged, key=lambda d: (d.trigger.start, d.trigger.end))
