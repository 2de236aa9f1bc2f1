"""Keeps the vector store recoverable: Chroma's files are rebuilt from the vectors the registry keeps."""
from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path
from typing import Callable

from rag.status import Status
from rag.store.registry import Registry
from rag.store.vectors import Store

log = logging.getLogger(__name__)

VECTORS_FOLDER_KEY = "vectors_dir"


def active_vector_folder(registry: Registry, data_dir: Path) -> Path:
    return data_dir / registry.meta(VECTORS_FOLDER_KEY, "vectors")


def vector_store_is_readable(registry: Registry, open_store: Callable[[], Store], store_name: Callable[[str], str]) -> bool:
    """False when Chroma cannot read a collection that should hold vectors (e.g. after a kill mid-write)."""
    collections = [c for c in registry.collections() if registry.documents(c, Status.READY)]
    if not collections and not registry.documents(status=Status.INDEXING):
        return True
    try:
        store = open_store()
        for collection in collections:
            store.count(store_name(collection))
    except Exception as exc:  # chromadb raises InternalError for unreadable segment files
        log.error("The vector store cannot be read (%s); it will be rebuilt from the registry", exc)
        return False
    return True


def rebuild_vector_store(registry: Registry, data_dir: Path, store_name: Callable[[str], str]) -> tuple[Store, int]:
    """Write every stored vector into a new Chroma folder, then switch to it in one registry write.

    A crash during the rebuild leaves the old folder active, so the next start simply rebuilds again. The old
    folder is deleted at the next start (Chroma may still hold it open now).
    """
    from rag.store.vectors import ChromaStore

    folder = f"vectors-{time.time_ns()}"
    store = ChromaStore(data_dir / folder)
    restored = 0
    for collection in registry.collections():
        name = store_name(collection)
        for ids, doc_ids, vectors in registry.stored_vectors(collection):
            store.add(name, ids, vectors, doc_ids)
            restored += len(ids)
    registry.set_meta(VECTORS_FOLDER_KEY, folder)
    log.warning("Rebuilt the vector store (%d passages) in %s", restored, folder)
    return store, restored


def remove_stale_vector_folders(registry: Registry, data_dir: Path) -> None:
    """Delete vector folders left behind by a rebuild (safe: the data-folder lock is held)."""
    active = active_vector_folder(registry, data_dir).name
    for folder in data_dir.glob("vectors*"):
        if folder.name != active and folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
