"""The library: the only code that adds, replaces, forgets or recovers a document (registry, vectors, saved texts)."""
from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Sequence

from rag.errors import DataFolderError
from rag.status import Status
from rag.store.data_folder import prepare_data_dir
from rag.store.keyword_index import KeywordIndex
from rag.store.lock import DataFolderLock
from rag.store.recovery import (
    active_vector_folder,
    index_files_read_safely,
    rebuild_vector_store,
    remember_index_files,
    remove_stale_vector_folders,
    vector_store_is_readable,
)
from rag.store import replacement
from rag.store.registry import Registry
from rag.store.replacement import Replacement
from rag.store.saved_texts import STAGED_SUFFIX, SavedTexts
from rag.store.vectors import Store
from rag.types import Chunk, DocumentRecord, ExtractedDocument

log = logging.getLogger(__name__)

REGISTRY_FILE = "library.sqlite3"
TEXTS_FOLDER = "extracted"
KEYWORD_FOLDER = "keyword"

StepHook = Callable[[str], None]
"""Hears each named step of an ingest and a commit ("chunk.begin", "saved_text", "commit.end", ...)."""


def no_step(_: str) -> None:
    """A step hook that ignores every step."""


def store_name_for(collection: str) -> str:
    """The vector-store collection name a library collection starts with."""
    return "faro-" + hashlib.sha1(collection.encode("utf-8")).hexdigest()[:16]


def chunk_id(doc_id: str, content_hash: str, ordinal: int, reader: int = 1) -> str:
    """A passage's id: its document, the version of the file it came from, its place in the document, and the version
    of the reader that read it when later than the first (a file read again gets new ids beside the old ones)."""
    return f"{doc_id}-{content_hash[:8]}-{ordinal:05d}" + (f"-r{reader}" if reader > 1 else "")


def document_id(collection: str, path: str) -> str:
    """A document's id: its collection and its path."""
    return hashlib.sha256(f"{collection}\0{path}".encode("utf-8")).hexdigest()[:20]


def file_hash(path: Path) -> str:
    """A file's content hash: what tells a changed file, and a duplicate, apart."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class NewVersion:
    """A document ready to be committed: its final record, its text and its passages with their index texts."""

    record: DocumentRecord
    document: ExtractedDocument
    chunks: list[Chunk]
    texts: list[str]
    replaces_vectors: bool

    @property
    def chunk_ids(self) -> list[str]:
        return [chunk_id(self.record.doc_id, self.record.content_hash, c.ordinal, self.record.reader) for c in self.chunks]


@dataclass
class Reindexed:
    """One document's passages rebuilt for a new vector collection."""

    record: DocumentRecord
    chunk_ids: list[str]
    chunks: list[Chunk]
    texts: list[str]
    vectors: object
    language: str


class Library:
    """One data folder: its lock, registry, vector store, keyword indexes and saved texts, and the document life cycle.

    The protocol that keeps a crash harmless: a document is marked 'indexing' in the registry before its vectors or
    passages change, and is 'ready' again only in the transaction that writes its new passages. Opening the library
    removes whatever a crash left 'indexing'.
    """

    def __init__(self, data_dir: Path, *, store: Store | None = None, on_step: StepHook = no_step) -> None:
        self.data_dir = prepare_data_dir(Path(data_dir))
        self.on_step = on_step
        self._lock = DataFolderLock(self.data_dir)
        try:
            self.registry = Registry(self.data_dir / REGISTRY_FILE)
        except Exception as exc:
            self._lock.release()
            raise DataFolderError(f"The library in {self.data_dir} cannot be opened: {exc}") from exc
        self.texts = SavedTexts(self.data_dir / TEXTS_FOLDER)
        self._store = store
        self._keyword: dict[str, KeywordIndex] = {}
        self.rebuilt_at_open = 0
        """Passages restored into a new vector store because the old one could not be read when the library opened."""

    @property
    def store(self) -> Store:
        if self._store is None:
            from rag.store.vectors import ChromaStore

            self._store = ChromaStore(active_vector_folder(self.registry, self.data_dir))
        return self._store

    # Collections

    def ensure_collection(self, collection: str) -> None:
        self.registry.ensure_collection(collection, store_name_for(collection))

    def store_name(self, collection: str) -> str:
        return self.registry.store_name(collection) or store_name_for(collection)

    def drop_collection(self, collection: str) -> None:
        store_name = self.registry.store_name(collection)
        for record in self.registry.documents(collection):
            self._forget_text(record.doc_id)
        self.registry.drop_collection(collection)
        if store_name:
            self.store.drop(store_name)

    def keyword_index(self, collection: str, rebuild_if_stale: bool = True) -> KeywordIndex:
        """The collection's keyword index, rebuilt first if the registry has changed since it was saved."""
        index = self._keyword.get(collection)
        if index is None:
            index = self.saved_keyword_index(collection)
            self._keyword[collection] = index
        generation = self.registry.generation(collection)
        if rebuild_if_stale and not index.is_current(generation):
            index.rebuild(self.registry.searchable_chunks(collection), generation)
        return index

    def saved_keyword_index(self, collection: str) -> KeywordIndex:
        """The keyword index as saved on disk (not the one in memory)."""
        return KeywordIndex(self.data_dir / KEYWORD_FOLDER / self.store_name(collection))

    def loaded_keyword_index(self, collection: str) -> KeywordIndex | None:
        return self._keyword.get(collection)

    # Opening

    def recover(self) -> None:
        """Make the library whole after a crash: a readable vector store, no stale folders, no half-indexed document.

        Index files changed since Faro last read them are first read by a child process: a truncated file crashes
        Chroma's native reader, which would take Faro down with it.
        """
        folder = active_vector_folder(self.registry, self.data_dir)
        damaged = self._store is None and not index_files_read_safely(self.registry, folder)
        if damaged or not vector_store_is_readable(self.registry, lambda: self.store, self.store_name):
            self.rebuilt_at_open = self.rebuild_vector_store()
        remove_stale_vector_folders(self.registry, self.data_dir)
        replacement.complete_interrupted(self.registry, lambda: self.store, self.texts)
        self.remove_half_indexed()

    def remove_half_indexed(self) -> None:
        """Documents left 'indexing' by a crash are removed completely; the next ingest adds them again."""
        for record in self.registry.documents(status=Status.INDEXING):
            self.forget(record)
            log.warning("Removed half-indexed document %s after an interrupted ingest", record.path)

    def rebuild_vector_store(self) -> int:
        """Rebuild the vector store from the vectors the registry keeps; returns the passages restored."""
        self._store, restored = rebuild_vector_store(self.registry, self.data_dir, self.store_name)
        return restored

    # The document life cycle

    def mark_indexing(self, collection: str, records: Sequence[DocumentRecord]) -> None:
        """Mark documents 'indexing' with no passages, in one transaction (what a crash then leaves is removed)."""
        with self.registry.transaction():
            for record in records:
                self.registry.upsert_document(replace(record, status=Status.INDEXING, chunks=0))
                self.registry.delete_chunks(record.doc_id)
            self.registry.bump_generation(collection)

    def clear(self, record: DocumentRecord) -> None:
        """Take away a document's passages and vectors; the caller then records what it became (failed, duplicate)."""
        self.mark_indexing(record.collection, [record])
        self.store.delete_document(self.store_name(record.collection), record.doc_id)

    def forget(self, record: DocumentRecord) -> None:
        """Remove a document completely: vectors, passages, registry row and saved text."""
        if record.status != Status.INDEXING:
            self.mark_indexing(record.collection, [record])
        self.store.delete_document(self.store_name(record.collection), record.doc_id)
        with self.registry.transaction():
            self.registry.delete_chunks(record.doc_id)
            self.registry.delete_document(record.doc_id)
            self.registry.bump_generation(record.collection)
        self._forget_text(record.doc_id)

    def commit(self, collection: str, versions: Sequence[NewVersion], vectors) -> None:
        """Save embedded documents. A new document: registry says 'indexing' → vectors in → saved text → passages and
        'ready' in one transaction; a crash in between leaves it 'indexing', which the next start removes whole.

        A document that is ready keeps its reading until the new one is saved (``replacement``): the replacement is
        recorded → new vectors in beside the old → new text staged → passages switched in the transaction → old
        vectors out. A crash before the switch leaves the old reading, after it the new one (the next start finishes).

        A failure to write undoes the batch (new documents removed, ready ones as they were) and raises
        ``DataFolderError``.
        """
        self.on_step("commit.begin")
        store_name = self.store_name(collection)
        ids = [v.chunk_ids for v in versions]
        swaps = self._replacements(store_name, versions, ids)
        fresh = [v for v in versions if v.record.doc_id not in swaps]
        if fresh:
            self.mark_indexing(collection, [v.record for v in fresh])
        try:
            if swaps:
                replacement.begin(self.registry, list(swaps.values()))
            for version in fresh:
                if version.replaces_vectors:
                    self.store.delete_document(store_name, version.record.doc_id)
            owners = [v.record.doc_id for v in versions for _ in v.chunks]
            self.store.add(store_name, [cid for chunk_ids in ids for cid in chunk_ids], vectors, owners)
            for version in versions:
                if version.record.doc_id in swaps:
                    self.texts.stage(version.record.doc_id, version.document)
                    self.on_step("saved_text")
                else:
                    self.save_text(version.record.doc_id, version.document)
            with self.registry.transaction():
                offset = 0
                for version, chunk_ids in zip(versions, ids):
                    rows = vectors[offset : offset + len(chunk_ids)]
                    offset += len(chunk_ids)
                    self.registry.replace_chunks(version.record.doc_id, chunk_ids, version.chunks, version.texts, rows)
                    self.registry.upsert_document(version.record)
                self.registry.bump_generation(collection)
        except Exception as exc:  # a full disk, a read-only folder, a store error: leave no half-indexed document
            self.roll_back([v.record for v in fresh], list(swaps.values()))
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise DataFolderError(
                f"Faro could not save to its data folder ({reason}). Free some disk space or check the folder, "
                "then add the files again."
            ) from exc
        for item in swaps.values():
            try:
                replacement.finish(self.registry, self.store, self.texts, item)
            except Exception:  # the new reading is saved; what is left to tidy is finished at the next start
                log.exception("Could not finish replacing document %s; the next start will", item.doc_id)
        self.on_step("commit.end")

    def _replacements(self, store_name: str, versions: Sequence[NewVersion], ids: list[list[str]]) -> dict[str, Replacement]:
        """The versions that replace a ready document's passages under other ids: those keep their reading meanwhile."""
        swaps = {}
        for version, new_ids in zip(versions, ids):
            previous = self.registry.document(version.record.doc_id)
            old_ids = self.registry.chunk_ids_of(version.record.doc_id) if previous and previous.status == Status.READY else []
            if old_ids and not set(old_ids) & set(new_ids):
                swaps[version.record.doc_id] = Replacement(version.record.doc_id, store_name, tuple(old_ids), tuple(new_ids))
        return swaps

    def roll_back(self, records: Sequence[DocumentRecord], replacements: Sequence[Replacement] = ()) -> None:
        """Best effort: remove new documents whose commit failed and undo replacements, as the next start would."""
        try:
            for record in records:
                self.forget(replace(record, status=Status.INDEXING))
            for item in replacements:
                replacement.abandon(self.registry, self.store, self.texts, item)
        except Exception:  # what is left 'indexing' or half-replaced is put right at the next start
            log.exception("Could not take out a batch whose commit failed")

    def switch_index(self, collection: str, new_store: str, rebuilt: Sequence[Reindexed], unreadable, model_id: str) -> None:
        """Switch a collection to re-built passages in a new vector collection, in one transaction.

        ``unreadable`` lists ``(record, error, kind)`` of documents that could not be read again: they become failed.
        """
        old_store = self.store_name(collection)
        now = time.time()
        with self.registry.transaction():
            for item in rebuilt:
                self.registry.replace_chunks(item.record.doc_id, item.chunk_ids, item.chunks, item.texts, item.vectors)
                self.registry.upsert_document(replace(item.record, chunks=len(item.chunks), language=item.language, updated_at=now))
            for record, error, kind in unreadable:
                self.registry.delete_chunks(record.doc_id)
                self.registry.upsert_document(replace(record, chunks=0, status=Status.FAILED, error=error, error_kind=kind))
            self.registry.set_store_name(collection, new_store)
            self.registry.set_embedding_model(collection, model_id)
            self.registry.bump_generation(collection)
        self.store.drop(old_store)

    # Saved texts

    def extracted_text(self, doc_id: str) -> ExtractedDocument | None:
        """The text Faro extracted from a document (what passage offsets refer to), or None if it is not saved."""
        return self.texts.read(doc_id)

    def has_text(self, doc_id: str) -> bool:
        return self.texts.path(doc_id).is_file()

    def save_text(self, doc_id: str, document: ExtractedDocument) -> None:
        self.texts.save(doc_id, document)
        self.on_step("saved_text")

    def orphan_texts(self) -> list[Path]:
        """Saved texts whose document is not ready in any collection (and unfinished writes)."""
        folder = self.texts.folder
        if not folder.is_dir():
            return []
        orphans = []
        for path in folder.glob("*.json"):
            record = self.registry.document(path.name[: -len(".json")])
            if record is None or record.status != Status.READY:
                orphans.append(path)
        orphans.extend(folder.glob("*.tmp"))
        orphans.extend(p for p in folder.glob("*" + STAGED_SUFFIX) if not self.registry.meta_with_prefix(replacement.PENDING))
        return orphans

    def _forget_text(self, doc_id: str) -> None:
        self.texts.path(doc_id).unlink(missing_ok=True)

    def close(self) -> None:
        if self._store is not None:
            remember_index_files(self.registry, active_vector_folder(self.registry, self.data_dir))
        self.registry.close()
        self._lock.release()
