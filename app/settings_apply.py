"""Applying new settings on the worker thread: the model is loaded at once, and a bad one leaves the old one working."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from app.i18n import current_language
from rag import Config, FaroError, ModelError, read_gguf_info, save_api_key

log = logging.getLogger(__name__)

MODEL_FIELDS = ("llm_path", "n_ctx", "n_threads", "n_gpu_layers", "answer_backend", "server_url", "server_model", "server_wait_s")
CHUNK_FIELDS = ("chunk_tokens", "chunk_overlap")


@dataclass(frozen=True)
class Applied:
    """The settings now in use, and whether the passages must be rebuilt to follow them."""

    config: Config
    reindex_suggested: bool


def load_model_now(engine: Any) -> None:
    """Create and load the answer model now (instead of at the first question), so problems show up here."""
    engine.load_answer_model()


def apply_settings(engine: Any, wanted: Config, api_key: str = "") -> Applied:
    """Switch ``engine`` to ``wanted`` and save it; on any model problem restore the previous settings and re-raise.

    A server's ``api_key`` goes to the operating system's password store, never into faro.toml.
    """
    old = engine.config
    new = wanted.replace(collection=engine.collection)
    model_changed = any(getattr(old, name) != getattr(new, name) for name in MODEL_FIELDS)
    if new.llm_path is not None and new.answer_backend == "local":
        read_gguf_info(new.llm_path)
    if api_key:
        save_api_key(new.server_url, api_key)
    engine.apply_config(new)
    engine.interface_language = current_language()  # a new interface language applies on restart, messages with it
    if model_changed:
        try:
            load_model_now(engine)
        except Exception as exc:
            engine.apply_config(old)
            try:
                load_model_now(engine)
            except FaroError as again:
                log.warning("The previous model could not be reloaded either: %s", again)
            if isinstance(exc, FaroError):
                raise
            raise ModelError(f"The model could not be loaded: {exc}") from exc
    new.save()
    chunks_changed = any(getattr(old, name) != getattr(new, name) for name in CHUNK_FIELDS)
    return Applied(new, chunks_changed and bool(engine.documents()))
