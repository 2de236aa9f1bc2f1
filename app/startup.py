"""What the worker does right after the window shows: open the library, then load the models in the background."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class EngineInfo:
    """What the window learns once the engine is open (``saved_texts`` can be read on the GUI thread)."""

    collections: list[str]
    collection: str
    config: Any
    gpu_supported: bool
    embedder_needs_preparing: bool = False
    saved_texts: Any = None
    read_by_older_readers: dict[str, list[str]] = field(default_factory=dict)
    rebuilt_passages: int = 0


def open_library(engine: Any) -> EngineInfo:
    """Runs first on the worker (the worker creates the engine just before)."""
    return EngineInfo(
        engine.collections(), engine.collection, engine.config, engine.gpu_offload_supported(),
        engine.embedder_needs_preparing(), engine.saved_texts, engine.read_by_older_readers(),
        engine.library.rebuilt_at_open,
    )


def load_models(engine: Any) -> None:
    """Load the embedding model, the vector store and the answer model now, so the first question does not wait."""
    engine.warm_up()
