"""Where a bench run keeps its data: corpus files and ingested collections, reused across sections and runs."""
from __future__ import annotations

import json
import logging
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.datasets import Beir, load_beir, write_corpus_files
from bench.xquad import Xquad, load_xquad, write_articles

log = logging.getLogger(__name__)

READY_MARKER = "bench-ready.json"


def default_work_dir() -> Path:
    return Path(tempfile.gettempdir()) / "faro-bench"


@dataclass
class Workspace:
    """Data locations and settings of one bench run; ``ingest_log`` records ingests done by this run."""

    root: Path
    shared: Path
    threads: int
    max_docs: int | None = None
    max_queries: int | None = None
    ingest_log: dict[str, dict] = field(default_factory=dict)
    _scifact: Beir | None = None
    _xquad: Xquad | None = None

    @property
    def models_dir(self) -> Path:
        """The int8 ONNX export, shared by every collection so that no timed run pays for it."""
        return self.root / "models"

    @property
    def scifact_dir(self) -> Path:
        return self.shared / "eval" / "scifact"

    @property
    def sec10q_dir(self) -> Path:
        return self.shared / "eval" / "sec10q"

    @property
    def xquad_dir(self) -> Path:
        return self.shared / "eval" / "xquad"

    def xquad(self) -> Xquad:
        if self._xquad is None:
            self._xquad = load_xquad(self.xquad_dir, self.max_queries)
        return self._xquad

    def scifact(self) -> Beir:
        if self._scifact is None:
            beir = load_beir(self.scifact_dir, max_queries=self.max_queries)
            if self.max_docs is not None:
                keep = {d for rel in beir.qrels.values() for d in rel}
                keep.update(list(beir.corpus)[: self.max_docs])
                beir = Beir({k: v for k, v in beir.corpus.items() if k in keep}, beir.queries, beir.qrels)
            self._scifact = beir
        return self._scifact

    def sources(self, dataset: str) -> list[Path]:
        """The files to ingest for ``dataset``: ``scifact`` abstracts or ``xquad-es``/``xquad-en`` articles written as
        files, or the ``sec10q`` PDFs."""
        if dataset == "scifact":
            beir = self.scifact()
            folder = write_corpus_files(beir, self.root / f"scifact-corpus-{len(beir.corpus)}")
            return sorted(folder / f"{doc_id}.txt" for doc_id in beir.corpus)
        if dataset == "xquad-mixed":  # odd-numbered articles in English, even-numbered ones in Spanish
            english = write_articles(self.xquad(), "en", self.root / "xquad-corpus-en")
            spanish = write_articles(self.xquad(), "es", self.root / "xquad-corpus-es")
            return _copied([e if n % 2 else s for n, (e, s) in enumerate(zip(english, spanish), 1)], self.root / "xquad-corpus-mixed")
        if dataset.startswith("xquad-"):
            language = dataset.removeprefix("xquad-")
            return write_articles(self.xquad(), language, self.root / f"xquad-corpus-{language}")
        if dataset == "sec10q":
            files = sorted((self.sec10q_dir / "docs").glob("*.pdf"))
            return files[: self.max_docs] if self.max_docs else files
        raise ValueError(f"Unknown data set {dataset!r}")

    def collection_dir(self, dataset: str, pipeline: str) -> Path:
        count = len(self.sources(dataset))
        return self.root / "collections" / f"{dataset}-{count}-{pipeline}"

    def is_ready(self, dataset: str, pipeline: str) -> bool:
        return (self.collection_dir(dataset, pipeline) / READY_MARKER).is_file()

    def adopt(self, dataset: str, pipeline: str, built_dir: Path, result: dict) -> None:
        """Keep a collection built by an ingestion run as the cached one (unless one is cached already)."""
        target = self.collection_dir(dataset, pipeline)
        if self.is_ready(dataset, pipeline):
            shutil.rmtree(built_dir, ignore_errors=True)
            return
        shutil.rmtree(target, ignore_errors=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(built_dir), str(target))
        (target / READY_MARKER).write_text(json.dumps(result, indent=1), encoding="utf-8")

    def ensure(self, dataset: str, pipeline: str) -> Path:
        """The cached collection of ``dataset`` for ``pipeline`` (faro-torch, faro-onnx, peer), ingesting it if needed."""
        target = self.collection_dir(dataset, pipeline)
        if self.is_ready(dataset, pipeline):
            return target
        shutil.rmtree(target, ignore_errors=True)
        sources = self.sources(dataset)
        log.info("Ingesting %d %s files with %s into %s", len(sources), dataset, pipeline, target)
        started = time.perf_counter()
        result = ingest_with(pipeline, sources, target, self.threads, self.models_dir)
        self.ingest_log[f"{dataset}/{pipeline}"] = result
        log.info("Ingested %s with %s in %.1f s", dataset, pipeline, time.perf_counter() - started)
        (target / READY_MARKER).write_text(json.dumps(result, indent=1), encoding="utf-8")
        return target


def ingest_with(pipeline: str, sources: list[Path], target: Path, threads: int, models_dir: Path) -> dict:
    """One ingest of ``sources`` into ``target`` by ``pipeline``, in this process."""
    if pipeline.startswith("faro-"):
        from bench.faro_pipeline import instrumented_ingest

        return instrumented_ingest(target, sources, pipeline.removeprefix("faro-"), threads, models_dir)
    if pipeline == "peer":
        from bench.peer import ingest
        from rag.models.bundled import bundled_embedding_path

        return ingest(sources, target / "chroma", bundled_embedding_path(), threads)
    raise ValueError(f"Unknown pipeline {pipeline!r}")


def _copied(paths: list[Path], folder: Path) -> list[Path]:
    """``paths`` copied into ``folder`` (kept when unchanged), for a library made of files of several folders."""
    folder.mkdir(parents=True, exist_ok=True)
    copies = []
    for path in paths:
        copy = folder / path.name
        if not copy.exists() or copy.read_bytes() != path.read_bytes():
            shutil.copyfile(path, copy)
        copies.append(copy)
    return copies
