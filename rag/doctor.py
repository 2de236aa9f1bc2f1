"""Checks that the registry, the vector store, the keyword index and the saved texts agree, and repairs what does not."""
from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from rag.embedder import same_vector_space
from rag.keyword_index import KeywordIndex
from rag.registry import STATUS_INDEXING, STATUS_READY

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


def check_library(engine, repair: bool = False) -> DoctorReport:
    """Compare registry, vector store, keyword index and saved texts; with ``repair``, make them agree."""
    registry, store, name = engine.registry, engine.store, engine.store_name
    report = DoctorReport(collection=engine.collection)
    ready = {r.doc_id: r for r in registry.documents(engine.collection, STATUS_READY)}
    half_indexed = registry.documents(engine.collection, STATUS_INDEXING)
    chunk_ids = registry.chunk_ids_by_document(engine.collection)
    expected = {cid for doc_id in ready for cid in chunk_ids.get(doc_id, [])}
    stray = {doc_id: ids for doc_id, ids in chunk_ids.items() if doc_id not in ready}
    actual = store.ids(name)
    orphans = actual - expected
    missing = expected - actual
    miscounted = [r.doc_id for r in ready.values() if r.chunks != len(chunk_ids.get(r.doc_id, []))]
    report.documents, report.vectors = len(ready), len(actual)
    report.orphan_vectors, report.missing_vectors = len(orphans), len(missing)
    report.miscounted_documents = [ready[d].path for d in miscounted]
    report.stray_passages = sum(len(ids) for ids in stray.values() if ids)
    report.half_indexed_documents = [r.path for r in half_indexed]
    report.stale_keyword_index = _keyword_index_disagrees(engine, expected)
    texts_dir = engine.data_dir / "extracted"
    orphan_texts = _orphan_texts(registry, texts_dir)
    missing_texts = [r for r in ready.values() if not (texts_dir / f"{r.doc_id}.json").is_file()]
    report.orphan_texts = len(orphan_texts)
    report.missing_texts = [r.path for r in missing_texts]
    if repair and (orphan_texts or not report.healthy):
        _remove_half_indexed(engine, half_indexed)
        _repair_vectors(engine, orphans, missing, miscounted, stray)
        for path in orphan_texts:
            path.unlink(missing_ok=True)
        _reread_texts(engine, missing_texts)
        engine.keyword_index().rebuild(registry.searchable_chunks(engine.collection), registry.generation(engine.collection))
        report.repaired = True
        log.warning("doctor repaired collection %s: %s", engine.collection, report.to_json())
    return report


def _keyword_index_disagrees(engine, expected: set[str]) -> bool:
    """True when the saved keyword index claims to be current but lists other passages than the registry."""
    generation = engine.registry.generation(engine.collection)
    on_disk = KeywordIndex(engine.data_dir / "keyword" / engine.store_name)
    in_memory = engine._keyword.get(engine.collection)
    for index in (on_disk, in_memory):
        if index is not None and index.is_current(generation) and set(index.ids) != expected:
            return True
    return False


def _orphan_texts(registry, folder: Path) -> list[Path]:
    """Saved texts whose document is not ready in any collection."""
    if not folder.is_dir():
        return []
    orphans = []
    for path in folder.glob("*.json"):
        record = registry.document(path.name[: -len(".json")])
        if record is None or record.status != STATUS_READY:
            orphans.append(path)
    orphans.extend(folder.glob("*.json.tmp"))
    return orphans


def _remove_half_indexed(engine, records) -> None:
    registry = engine.registry
    for record in records:
        engine.store.delete_document(engine.store_name, record.doc_id)
        with registry.transaction():
            registry.delete_chunks(record.doc_id)
            registry.delete_document(record.doc_id)
            registry.bump_generation(engine.collection)


def _repair_vectors(engine, orphans: set[str], missing: set[str], miscounted: list[str], stray: dict[str, list[str]]) -> None:
    """Drop orphan vectors, re-embed missing ones (or drop their documents if the model changed), fix counts."""
    registry, store, name = engine.registry, engine.store, engine.store_name
    if orphans:
        store.delete_ids(name, sorted(orphans))
    by_document: dict[str, list] = {}
    for row in registry.chunk_rows(missing).values():
        by_document.setdefault(row["doc_id"], []).append(row)
    built_with = registry.embedding_model(engine.collection)
    same_model = by_document and (not built_with or same_vector_space(built_with, engine.embedder.model_id))
    for doc_id, rows in by_document.items():
        if same_model:
            vectors = engine.embedder.embed([r["index_text"] for r in rows])
            store.add(name, [r["chunk_id"] for r in rows], vectors, [doc_id] * len(rows))
        else:
            store.delete_document(name, doc_id)
    with registry.transaction():
        for doc_id in stray:
            registry.delete_chunks(doc_id)
        for doc_id in by_document if not same_model else ():
            registry.delete_chunks(doc_id)
            registry.delete_document(doc_id)
        for doc_id in miscounted:
            record = registry.document(doc_id)
            count = len(registry.chunks_of(doc_id))
            if record is None:
                continue
            if count == 0:
                registry.delete_document(doc_id)
            else:
                registry.upsert_document(replace(record, chunks=count))
        registry.bump_generation(engine.collection)


def _reread_texts(engine, records) -> None:
    """Saved texts are what citations point into: read the file again, or drop the document if it is gone."""
    from rag.errors import FileProblem
    from rag.ingest import file_hash, save_extracted

    folder = engine.data_dir / "extracted"
    for record in records:
        try:
            if file_hash(Path(record.path)) != record.content_hash:
                raise FileNotFoundError(record.path)
            engine.parser.submit(Path(record.path))
            save_extracted(folder, record.doc_id, engine.parser.result())
        except (OSError, FileProblem) as exc:
            log.warning("doctor: %s cannot be read again (%s); removing it so the next ingest adds it", record.path, exc)
            engine.store.delete_document(engine.store_name, record.doc_id)
            with engine.registry.transaction():
                engine.registry.delete_chunks(record.doc_id)
                engine.registry.delete_document(record.doc_id)
                engine.registry.bump_generation(engine.collection)
