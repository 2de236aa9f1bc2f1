"""Run as a subprocess by the crash test: open a library (recovery runs), report its invariants, ingest a folder.

Usage: python -m tests.engine.crash_child DATA_DIR DOCS_DIR [--pause-at CONTEXT:STEP#N] [--skip-recovery]

It prints one event per line, flushed at once, so that its parent can SIGKILL it at a known step:
  MARK <context>:<step>   a step of opening (recovery) or ingesting: reading, embed, txn.open, txn.commit,
                          store.<method>.begin/end, chroma.upsert.end, saved_text, registry.<status>, ...
                          (the engine's own steps come through its step hook: chunk, commit, saved_text)
  CHECK <json>            invariant violations of the library as found right after opening it
  READY <json>            the names of the documents ready right after opening it
  INGEST-START            the ingest begins
  PAUSE <mark>            (--pause-at) the Nth occurrence of that mark was reached; the process waits to be killed
  DONE <json>             the ingest finished: every document's status and content hash
  FINAL <json>            invariant violations after the finished ingest
Real parts throughout: Chroma, the SQLite registry and the isolated parse worker; only the embedder is fake.
Writes are split into small batches (Chroma 50 vectors, embedding 16 passages) so that kills land between them.
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import json
import sys
import time
from pathlib import Path

CHUNK_TOKENS = 32
CHUNK_OVERLAP = 4


class Marker:
    """Prints marks; pauses forever at the chosen occurrence of one."""

    def __init__(self, pause_at: str | None) -> None:
        self.context = "open"
        self.counts: dict[str, int] = {}
        self.pause_at = pause_at

    def __call__(self, step: str) -> None:
        mark = f"{self.context}:{step}"
        self.counts[mark] = self.counts.get(mark, 0) + 1
        print(f"MARK {mark}", flush=True)
        if self.pause_at == f"{mark}#{self.counts[mark]}":
            print(f"PAUSE {self.pause_at}", flush=True)
            while True:
                time.sleep(60)


def _wrap(owner, name: str, marker: Marker, label: str, begin: bool = True) -> None:
    original = getattr(owner, name)

    @functools.wraps(original)
    def marked(*args, **kwargs):
        if begin:
            marker(f"{label}.begin")
        result = original(*args, **kwargs)
        marker(f"{label}.end" if begin else label)
        return result

    setattr(owner, name, marked)


def instrument(marker: Marker) -> None:
    """Mark every step of the commit protocol, and make batches small enough to kill between them."""
    import rag.ingest.embed_steps
    import rag.store.vectors
    from chromadb.api.models.Collection import Collection
    from rag.store.registry import Registry

    rag.store.vectors._WRITE_BATCH = 50
    rag.ingest.embed_steps.MAX_STEP = 16
    for method in ("add", "delete_document", "delete_ids"):
        _wrap(rag.store.vectors.ChromaStore, method, marker, f"store.{method}")
    _wrap(Collection, "upsert", marker, "chroma.upsert", begin=False)
    for method in ("replace_chunks", "delete_chunks", "delete_document"):
        _wrap(Registry, method, marker, f"registry.{method}", begin=False)

    upsert_document = Registry.upsert_document

    def marked_upsert(self, record):
        upsert_document(self, record)
        marker(f"registry.{record.status}")

    Registry.upsert_document = marked_upsert
    transaction = Registry.transaction

    @contextlib.contextmanager
    def marked_transaction(self):
        with transaction(self):
            marker("txn.open")
            yield
        marker("txn.commit")

    Registry.transaction = marked_transaction


def _progress(marker: Marker):
    def show(progress) -> None:
        stage = progress.stage.split(" ")[0]
        if stage in ("reading", "saving"):
            marker(stage)

    return show


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir")
    parser.add_argument("docs_dir")
    parser.add_argument("--pause-at")
    parser.add_argument("--skip-recovery", action="store_true", help="sabotage: open without crash recovery")
    args = parser.parse_args(argv)

    marker = Marker(args.pause_at)
    instrument(marker)
    from rag.config import Config
    from rag.engine import Engine
    from rag.store.library import Library
    from tests.engine.invariants import library_violations
    from tests.fakes import FakeEmbedder, FakeGenerator

    class MarkedEmbedder(FakeEmbedder):
        def embed(self, texts):
            marker("embed")
            return super().embed(texts)

    if args.skip_recovery:
        import rag.store.replacement

        Library.remove_half_indexed = lambda self: None
        rag.store.replacement.complete_interrupted = lambda *args: None
    config = Config(data_dir=Path(args.data_dir), chunk_tokens=CHUNK_TOKENS, chunk_overlap=CHUNK_OVERLAP, parse_timeout_s=60)
    marker("begin")
    engine = Engine(config, embedder=MarkedEmbedder(), generator=FakeGenerator(), on_step=marker)
    marker.context = "check"
    print("CHECK " + json.dumps(library_violations(engine)), flush=True)
    print("READY " + json.dumps(sorted(Path(r.path).name for r in engine.documents() if r.status == "ready")), flush=True)
    marker.context = "ingest"
    print("INGEST-START", flush=True)
    marker("start")
    report = engine.ingest([args.docs_dir], progress=_progress(marker))
    marker.context = "final"
    statuses = {Path(r.path).name: [r.status, r.content_hash, r.error_kind] for r in engine.documents()}
    outcomes = {Path(o.path).name: o.status for o in report.outcomes}
    print("DONE " + json.dumps({"documents": statuses, "outcomes": outcomes}), flush=True)
    print("FINAL " + json.dumps(library_violations(engine)), flush=True)
    engine.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
