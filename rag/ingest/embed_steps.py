"""Embeds a document's passages in small timed steps, so progress moves and cancel is heard about twice a second."""
from __future__ import annotations

import time
from typing import Callable, Sequence

import numpy as np

from rag.models.embedder import Embedder
from rag.progress import CancelToken

STEP_SECONDS = 0.5
FIRST_STEP = 8
MIN_STEP = 1
MAX_STEP = 64


def embed_in_steps(
    embedder: Embedder,
    texts: Sequence[str],
    cancel: CancelToken,
    on_step: Callable[[int, int], None],
    step_seconds: float = STEP_SECONDS,
) -> np.ndarray:
    """Vectors of ``texts``; ``on_step(done, total)`` before each step; raises ``Cancelled`` between steps.

    The step size adapts to the measured speed (about ``step_seconds`` per step), so a slow machine still reports
    progress and checks the cancel token often, while a fast one keeps batches large enough to run efficiently.
    """
    vectors: list[np.ndarray] = []
    step, done, total = FIRST_STEP, 0, len(texts)
    while done < total:
        cancel.raise_if_cancelled()
        on_step(done, total)
        started = time.monotonic()
        vectors.append(embedder.embed(texts[done : done + step]))
        done += len(vectors[-1])
        elapsed = time.monotonic() - started
        step = next_step(step, elapsed, step_seconds)
    cancel.raise_if_cancelled()
    return np.vstack(vectors) if vectors else np.zeros((0, 0), dtype=np.float32)


def next_step(step: int, elapsed: float, step_seconds: float = STEP_SECONDS) -> int:
    """The next step size: scaled towards ``step_seconds`` per step, at most doubling, within the limits."""
    if elapsed <= 0:
        return min(MAX_STEP, step * 2)
    wanted = int(step * step_seconds / elapsed)
    return max(MIN_STEP, min(MAX_STEP, step * 2, wanted))


def embed_all(embedder: Embedder, texts: Sequence[str], cancel: CancelToken) -> np.ndarray:
    """Vectors of ``texts`` in the same adaptive steps, with no progress to report."""
    return embed_in_steps(embedder, texts, cancel, lambda done, total: None)
