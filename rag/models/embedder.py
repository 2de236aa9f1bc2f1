"""Turns passages and questions into vectors with a local sentence-transformers model (loaded lazily)."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

from rag.errors import ModelError
from rag.models.embedding_model import INT8_SUFFIX, load_tokenizer, max_seq_length, token_spans
from rag.offline import enforce_offline

log = logging.getLogger(__name__)

class Embedder(Protocol):
    """Embeds texts as L2-normalised float32 rows and measures them in its own tokens."""

    model_id: str
    max_tokens: int

    def token_spans(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]: ...

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class SentenceTransformerEmbedder:
    """A sentence-transformers model folder on disk; the tokenizer loads at once, the network on first use."""

    def __init__(self, model_dir: Path, model_id: str | None = None, batch_size: int = 32, threads: int | None = None) -> None:
        self.model_dir = Path(model_dir)
        if not (self.model_dir / "modules.json").is_file():
            raise ModelError(f"{self.model_dir} is not a sentence-transformers model folder (modules.json is missing).")
        self.model_id = model_id or self.model_dir.name
        self.batch_size = batch_size
        self.threads = threads
        self.max_tokens = max_seq_length(self.model_dir)
        self._tokenizer = None
        self._model = None

    def token_spans(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        return token_spans(self._load_tokenizer(), texts)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        model = self._load_model()
        prompt = next((name for name in ("passage", "document") if name in (model.prompts or {})), None)
        return self._encode(texts, prompt)

    def embed_query(self, text: str) -> np.ndarray:
        """A question's vector, with the model's ``query`` prompt when it declares one (e5-style models)."""
        model = self._load_model()
        return self._encode([text], "query" if "query" in (model.prompts or {}) else None)[0]

    def _encode(self, texts: Sequence[str], prompt_name: str | None) -> np.ndarray:
        vectors = self._load_model().encode(
            list(texts), prompt_name=prompt_name, batch_size=self.batch_size, normalize_embeddings=True,
            convert_to_numpy=True, show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)

    def _load_tokenizer(self):
        if self._tokenizer is None:
            self._tokenizer = load_tokenizer(self.model_dir)
        return self._tokenizer

    def _load_model(self):
        if self._model is None:
            enforce_offline()
            try:
                import torch
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                raise ModelError("Embedding needs sentence-transformers and torch. Install Faro with: pip install -e .") from exc
            if self.threads:
                torch.set_num_threads(self.threads)
            try:
                self._model = SentenceTransformer(str(self.model_dir), device="cpu", local_files_only=True)
            except Exception as exc:
                raise ModelError(f"The embedding model in {self.model_dir} could not be loaded: {exc}") from exc
            log.info("Loaded embedding model %s", self.model_dir)
        return self._model


def make_embedder(config, bundled_id: str) -> Embedder:
    """The embedder ``config`` asks for: sentence-transformers on torch, or the int8 ONNX export of the same model."""
    from rag.models.bundled import bundled_embedding_path

    path = config.embedding_model or bundled_embedding_path()
    model_id = bundled_id if config.embedding_model is None else None
    if config.embedding_backend == "onnx-int8":
        from rag.models.embedding_onnx import OnnxInt8Embedder

        return OnnxInt8Embedder(
            path, cache_dir=config.data_dir / "models", model_id=f"{model_id}{INT8_SUFFIX}" if model_id else None, threads=config.threads
        )
    return SentenceTransformerEmbedder(path, model_id=model_id, threads=config.threads)
