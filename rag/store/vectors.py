"""The vector store: one persistent Chroma client, one Chroma collection per Faro collection."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

from rag.errors import DataFolderError
from rag.offline import enforce_offline

log = logging.getLogger(__name__)

_WRITE_BATCH = 1000


class Store(Protocol):
    """Stores passage vectors by id, grouped by document, and finds the nearest ones."""

    def add(self, collection: str, ids: Sequence[str], vectors: np.ndarray, doc_ids: Sequence[str]) -> None: ...

    def delete_document(self, collection: str, doc_id: str) -> None: ...

    def delete_ids(self, collection: str, ids: Sequence[str]) -> None: ...

    def query(self, collection: str, vector: np.ndarray, n: int) -> list[tuple[str, float]]: ...

    def ids(self, collection: str) -> set[str]: ...

    def vectors(self, collection: str, ids: Sequence[str]) -> dict[str, np.ndarray]: ...

    def count(self, collection: str) -> int: ...

    def drop(self, collection: str) -> None: ...


class ChromaStore:
    """Chroma's persistent client in ``path``, telemetry off, cosine space, vectors supplied by Faro."""

    def __init__(self, path: Path) -> None:
        enforce_offline()
        import chromadb
        from chromadb.config import Settings

        try:
            self._client = chromadb.PersistentClient(
                path=str(path), settings=Settings(anonymized_telemetry=False, allow_reset=False)
            )
        except Exception as exc:
            raise DataFolderError(f"The vector store in {path} could not be opened: {exc}") from exc
        self._collections: dict[str, object] = {}

    def _collection(self, name: str):
        if name not in self._collections:
            self._collections[name] = self._client.get_or_create_collection(
                name=name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
            )
        return self._collections[name]

    def add(self, collection: str, ids: Sequence[str], vectors: np.ndarray, doc_ids: Sequence[str]) -> None:
        """Store ``vectors`` under ``ids``; ``doc_ids`` names each passage's document."""
        target = self._collection(collection)
        for start in range(0, len(ids), _WRITE_BATCH):
            end = start + _WRITE_BATCH
            target.upsert(
                ids=list(ids[start:end]),
                embeddings=vectors[start:end],
                metadatas=[{"doc_id": doc_id} for doc_id in doc_ids[start:end]],
            )

    def delete_document(self, collection: str, doc_id: str) -> None:
        self._collection(collection).delete(where={"doc_id": doc_id})

    def delete_ids(self, collection: str, ids: Sequence[str]) -> None:
        ids = list(ids)
        for start in range(0, len(ids), _WRITE_BATCH):
            self._collection(collection).delete(ids=ids[start : start + _WRITE_BATCH])

    def query(self, collection: str, vector: np.ndarray, n: int) -> list[tuple[str, float]]:
        target = self._collection(collection)
        available = target.count()
        if available == 0:
            return []
        result = target.query(query_embeddings=[vector], n_results=min(n, available), include=["distances"])
        return [(cid, 1.0 - float(distance)) for cid, distance in zip(result["ids"][0], result["distances"][0])]

    def vectors(self, collection: str, ids: Sequence[str]) -> dict[str, np.ndarray]:
        if not ids:
            return {}
        found = self._collection(collection).get(ids=list(ids), include=["embeddings"])
        return {cid: np.asarray(vector, dtype=np.float32) for cid, vector in zip(found["ids"], found["embeddings"])}

    def ids(self, collection: str) -> set[str]:
        target = self._collection(collection)
        found: set[str] = set()
        offset, page = 0, 5000
        while True:
            batch = target.get(include=[], limit=page, offset=offset)["ids"]
            found.update(batch)
            if len(batch) < page:
                return found
            offset += page

    def count(self, collection: str) -> int:
        return self._collection(collection).count()

    def collection_names(self) -> list[str]:
        """The collections in the store (opening none of them)."""
        return [c.name for c in self._client.list_collections()]

    def drop(self, collection: str) -> None:
        self._collections.pop(collection, None)
        try:
            self._client.delete_collection(collection)
        except Exception as exc:  # a missing collection is already dropped
            log.info("Dropping %s: %s", collection, exc)
