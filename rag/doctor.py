"""Checks that the registry, the vector store and the keyword index agree, and repairs what does not."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from rag.registry import STATUS_READY


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
    repaired: bool = False

    @property
    def healthy(self) -> bool:
        return not (self.orphan_vectors or self.missing_vectors or self.miscounted_documents or self.stray_passages)

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
        ):
            if value:
                lines.append(f"- {value} {label}" + (" — repaired" if self.repaired else ""))
        if not self.healthy and not self.repaired:
            lines.append("Run 'faro doctor --repair' to fix these.")
        return "\n".join(lines)


def check_library(engine, repair: bool = False) -> DoctorReport:
    """Compare registry and vector store for the engine's collection; with ``repair``, make them agree."""
    registry, store, name = engine.registry, engine.store, engine.store_name
    report = DoctorReport(collection=engine.collection)
    ready = {r.doc_id: r for r in registry.documents(engine.collection, STATUS_READY)}
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
    report.stray_passages = sum(len(ids) for ids in stray.values())
    if repair and not report.healthy:
        _repair(engine, orphans, missing, miscounted, stray)
        report.repaired = True
    return report


def _repair(engine, orphans: set[str], missing: set[str], miscounted: list[str], stray: dict[str, list[str]]) -> None:
    registry, store, name = engine.registry, engine.store, engine.store_name
    if orphans:
        store.delete_ids(name, sorted(orphans))
    by_document: dict[str, list] = {}
    for row in registry.chunk_rows(missing).values():
        by_document.setdefault(row["doc_id"], []).append(row)
    for doc_id, rows in by_document.items():
        vectors = engine.embedder.embed([r["index_text"] for r in rows])
        store.add(name, [r["chunk_id"] for r in rows], vectors, doc_id)
    with registry.transaction():
        for doc_id in stray:
            registry.delete_chunks(doc_id)
        for doc_id in miscounted:
            record = registry.document(doc_id)
            count = len(registry.chunks_of(doc_id))
            if count == 0:
                registry.delete_document(doc_id)
            else:
                from dataclasses import replace

                registry.upsert_document(replace(record, chunks=count))
        registry.bump_generation(engine.collection)
