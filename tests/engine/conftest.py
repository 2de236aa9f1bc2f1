"""Fixtures for engine tests: engines with fast fake models, and the shared data (documents: tests/documents.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from rag.config import Config
from rag.engine import Engine
from tests.documents import SHARED
from tests.fakes import FakeEmbedder, FakeGenerator


@pytest.fixture
def fake_engine(tmp_path):
    """An engine on a fresh data folder with the fake embedder and generator (real Chroma, registry, parser)."""
    engines = []

    def factory(data_dir: Path | None = None, generator=None, **settings) -> Engine:
        config = Config(data_dir=data_dir or tmp_path / "data", **settings)
        engine = Engine(config, embedder=FakeEmbedder(), generator=generator or FakeGenerator())
        engines.append(engine)
        return engine

    yield factory
    for engine in engines:
        try:
            engine.close()
        except Exception:
            pass


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present on this machine")
    return SHARED
