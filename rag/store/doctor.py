"""Checks that the registry, the vector store, the keyword index and the saved texts agree, and repairs what does not."""
from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Callable

from rag.errors import FileProblem
from rag.models.embedder import Embedder
from rag.models.embedding_model import same_vector_space
from rag.status import Status
from rag.store.library import Library, file_hash
from rag.types import ExtractedDocument

ReadAgain = Callable[[Path], ExtractedDocument]
"""Reads a document's file again (in the isolated reader); raises ``FileProblem`` when it cannot."""

log = logging.getLogger(__name__)


@dataclass
class DoctorReport:
    """What ``check_library`` found (and, with repair, fixed) in one collection."""

    collection: str
    documents: int = 0
    vectors: int = 0
    orphan_vectors: int = 0
    missing_vectors: int = 0
    miscounted_documents: list[str] = field(default_factory=list)
    stray_passages: int = 0
    half_indexed_documents: list[str] = field(default_factory=list)
    stale_keyword_index: bool = False
    orphan_texts: int = 0
    missing_texts: list[str] = field(default_factory=list)
    rebuilt_at_open: int = 0
    repaired: bool = False

    @property
    def healthy(self) -> bool:
        """Search and answers agree with the registry (orphan saved texts only waste disk space)."""
        return not (
            self.orphan_vectors
            or self.missing_vectors
            or self.miscounted_documents
            or self.stray_passages
            or self.half_indexed_documents
            or self.stale_keyword_index
            or self.missing_texts
        )

    def to_json(self) -> dict:
        return {**asdict(self), "healthy": self.healthy}

    def describe(self) -> str:
        lines = [f"Collection '{self.collection}': {self.documents} ready documents, {self.vectors} vectors."]
        if self.rebuilt_at_open:
            lines.append(
                f"The vector store could not be read (damaged files); it was rebuilt at opening from the library's "
                f"copy of every vector ({self.rebuilt_at_open} passages)."
            )
        if self.healthy:
            lines.append("Everything is consistent.")
        for label, value in (
            ("vectors with no passage (orphans)", self.orphan_vectors),
            ("passages with no vector", self.missing_vectors),
            ("passages of documents that are not ready", self.stray_passages),
            ("documents whose passage count is wrong", len(self.miscounted_documents)),
            ("documents left half-indexed by an interrupted ingest", len(self.half_indexed_documents)),
            ("keyword index out of date", int(self.stale_keyword_index)),
            ("saved texts of documents no longer in the library (disk space only)", self.orphan_texts),
            ("ready documents whose saved text is missing", len(self.missing_texts)),
        ):
            if value:
                lines.append(f"- {value} {label}" + (" — repaired" if self.repaired else ""))
        if (self.orphan_texts or not self.healthy) and not self.repaired:
            lines.append("Run 'faro doctor --repair' to fix these.")
        return "\n".join(lines)


def check_library(library: Library, collection: str) -> DoctorReport:
    """Compare registry, vector store, keyword index and saved texts of ``collection``."""
    return _Checkup(library, collection).report


def repair_library(library: Library, collection: str, embedder: Callable[[], Embedder], read_again: ReadAgain) -> DoctorReport:
    """Check ``collection`` and make its parts agree (``embedder`` is asked for only when vectors must be re-made)."""
    checkup = _Checkup(library, collection)
    report = checkup.report
    if checkup.orphan_texts or not report.healthy:
        checkup.repair(embedder, read_again)
        report.repaired = True
        log.warning("doctor repaired collection %s: %s", collection, report.to_json())
    return report


class _Checkup:
    """What one check found, kept for the repair."""

    def __init__(self, library: Library, collection: str) -> None:
        self.library, self.collection = library, collection
        registry, store = library.registry, library.store
        report = DoctorReport(collection=collection)
        self.ready = {r.doc_id: r for r in registry.documents(collection, Status.READY)}
        self.half_indexed = registry.documents(collection, Status.INDEXING)
        chunk_ids = registry.chunk_ids_by_document(collection)
        self.expected = {cid for doc_id in self.ready for cid in chunk_ids.get(doc_id, [])}
        self.stray = {doc_id: ids for doc_id, ids in chunk_ids.items() if doc_id not in self.ready}
        actual = store.ids(library.store_name(collection))
        self.orphans = actual - self.expected
        self.missing = self.expected - actual
        self.miscounted = [r.doc_id for r in self.ready.values() if r.chunks != len(chunk_ids.get(r.doc_id, []))]
        report.documents, report.vectors = len(self.ready), len(actual)
        report.rebuilt_at_open = library.rebuilt_at_open
        report.orphan_vectors, report.missing_vectors = len(self.orphans), len(self.missing)
        report.miscounted_documents = [self.ready[d].path for d in self.miscounted]
        report.stray_passages = sum(len(ids) for ids in self.stray.values() if ids)
        report.half_indexed_documents = [r.path for r in self.half_indexed]
        report.stale_keyword_index = self._keyword_index_disagrees()
        self.orphan_texts = library.orphan_texts()
        self.missing_texts = [r for r in self.ready.values() if not library.has_text(r.doc_id)]
        report.orphan_texts = len(self.orphan_texts)
        report.missing_texts = [r.path for r in self.missing_texts]
        self.report = report

    def _keyword_index_disagrees(self) -> bool:
        """True when the saved keyword index claims to be current but lists other passages than the registry."""
        generation = self.library.registry.generation(self.collection)
        saved = self.library.saved_keyword_index(self.collection)
        for index in (saved, self.library.loaded_keyword_index(self.collection)):
            if index is not None and index.is_current(generation) and set(index.ids) != self.expected:
                return True
        return False

    def repair(self, embedder: Callable[[], Embedder], read_again: ReadAgain) -> None:
        for record in self.half_indexed:
            self.library.forget(record)
        self._repair_vectors(embedder)
        for path in self.orphan_texts:
            path.unlink(missing_ok=True)
        self._reread_texts(read_again)
        registry = self.library.registry
        index = self.library.keyword_index(self.collection, rebuild_if_stale=False)
        index.rebuild(registry.searchable_chunks(self.collection), registry.generation(self.collection))

    def _repair_vectors(self, embedder: Callable[[], Embedder]) -> None:
        """Drop orphan vectors, re-embed missing ones (or drop their documents if the model changed), fix counts."""
        registry, store, name = self.library.registry, self.library.store, self.library.store_name(self.collection)
        if self.orphans:
            store.delete_ids(name, sorted(self.orphans))
        by_document: dict[str, list] = {}
        for row in registry.chunk_rows(self.missing).values():
            by_document.setdefault(row["doc_id"], []).append(row)
        built_with = registry.embedding_model(self.collection)
        same_model = by_document and (not built_with or same_vector_space(built_with, embedder().model_id))
        for doc_id, rows in by_document.items():
            if same_model:
                vectors = embedder().embed([r["index_text"] for r in rows])
                store.add(name, [r["chunk_id"] for r in rows], vectors, [doc_id] * len(rows))
            elif (record := registry.document(doc_id)) is not None:
                self.library.forget(record)
        with registry.transaction():
            for doc_id in self.stray:
                registry.delete_chunks(doc_id)
            for doc_id in self.miscounted:
                record = registry.document(doc_id)
                count = len(registry.chunks_of(doc_id))
                if record is None:
                    continue
                if count == 0:
                    registry.delete_document(doc_id)
                else:
                    registry.upsert_document(replace(record, chunks=count))
            registry.bump_generation(self.collection)

    def _reread_texts(self, read_again: ReadAgain) -> None:
        """Saved texts are what citations point into: read the file again, or drop the document if it is gone."""
        for record in self.missing_texts:
            try:
                if file_hash(Path(record.path)) != record.content_hash:
                    raise FileNotFoundError(record.path)
                self.library.save_text(record.doc_id, read_again(Path(record.path)))
            except (OSError, FileProblem) as exc:
                log.warning("doctor: %s cannot be read again (%s); removing it so the next ingest adds it", record.path, exc)
                self.library.forget(record)
