"""Keeps the vector store recoverable: Chroma's files are rebuilt from the vectors the registry keeps."""
from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path
from typing import Callable

from rag.status import Status
from rag.store.registry import Registry
from rag.store.vector_check import index_files_fingerprint, vector_store_survives_reading
from rag.store.vectors import Store

log = logging.getLogger(__name__)

VECTORS_FOLDER_KEY = "vectors_dir"
INDEX_FILES_KEY = "vectors_index_files_read"


def active_vector_folder(registry: Registry, data_dir: Path) -> Path:
    return data_dir / registry.meta(VECTORS_FOLDER_KEY, "vectors")


def index_files_read_safely(registry: Registry, folder: Path) -> bool:
    """False when Chroma's index files changed since Faro last read them and now crash or fail a reading child process.

    Unchanged files are not read again, so an ordinary start costs a few file lookups. When the child cannot start at
    all, the files are left to the check in Faro's own process.
    """
    fingerprint = index_files_fingerprint(folder)
    if not fingerprint or fingerprint == registry.meta(INDEX_FILES_KEY, ""):
        return True
    log.info("The vector index files changed since Faro last read them; reading them in a child process first")
    survived = vector_store_survives_reading(folder)
    if survived:
        remember_index_files(registry, folder)
    return survived is not False  # a child that could not start says nothing of the files


def remember_index_files(registry: Registry, folder: Path) -> None:
    """Record Chroma's index files as read without harm (after a check, or when Faro closes normally)."""
    registry.set_meta(INDEX_FILES_KEY, index_files_fingerprint(folder))


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
