"""What the worker does right after the window shows: open the library, then load the models in the background."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.settings_apply import load_model_now


@dataclass(frozen=True)
class EngineInfo:
    """What the window learns once the engine is open."""

    collections: list[str]
    collection: str
    config: Any
    gpu_supported: bool
    embedder_needs_preparing: bool = False


def open_library(engine: Any) -> EngineInfo:
    """Runs first on the worker (the worker creates the engine just before)."""
    from rag.generator import gpu_offload_supported

    prepared = getattr(engine.embedder, "prepared", True)
    return EngineInfo(engine.collections(), engine.collection, engine.config, gpu_offload_supported(), not prepared)


def load_models(engine: Any) -> None:
    """Load the embedding model, the vector store and the answer model now, so the first question does not wait."""
    engine.embedder.embed(["Faro is getting ready."])
    engine.store.count(engine.store_name)
    load_model_now(engine)
