"""A vector store damaged by a crash is rebuilt from the registry's copy of every vector when Faro starts."""
from __future__ import annotations

from pathlib import Path

from rag.config import Config
from rag.engine import Engine
from tests.documents import make_pdf
from tests.fakes import FakeEmbedder, FakeGenerator


def _open(data: Path) -> Engine:
    return Engine(Config(data_dir=data, chunk_tokens=32, chunk_overlap=0), embedder=FakeEmbedder(), generator=FakeGenerator())


def _damage(folder: Path) -> int:
    """Overwrite the start of every file Chroma wrote (its SQLite file and HNSW segment files) with garbage."""
    damaged = 0
    for path in folder.rglob("*"):
        if path.is_file() and path.stat().st_size:
            with open(path, "r+b") as handle:
                handle.write(b"\x00garbage" * 64)
            damaged += 1
    return damaged


def test_a_damaged_vector_store_is_rebuilt_at_start_and_nothing_is_lost(tmp_path):
    sentences = " ".join(f"Valve {n} must be checked every {n + 10} days." for n in range(5000))
    make_pdf(tmp_path / "valves.pdf", [sentences[i : i + 3000] for i in range(0, len(sentences), 3000)])
    make_pdf(tmp_path / "pump.pdf", ["The pump seal is replaced every 500 hours."])
    engine = _open(tmp_path / "data")
    engine.ingest([tmp_path / "valves.pdf", tmp_path / "pump.pdf"])
    passages = sum(r.chunks for r in engine.documents())
    assert passages > 1100
    folder = Path(engine.store._client.get_settings().persist_directory)
    engine.close()

    assert _damage(folder) >= 1
    engine = _open(tmp_path / "data")
    try:
        assert engine.store.count(engine.store_name()) == passages
        assert engine.check().healthy
        assert engine.search("pump seal replaced", k=1)[0].source.endswith("pump.pdf")
        assert not folder.exists(), "the damaged folder is removed at the next start"
    finally:
        engine.close()
    reopened = _open(tmp_path / "data")
    try:
        assert reopened.store.count(reopened.store_name()) == passages
    finally:
        reopened.close()
