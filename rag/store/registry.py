"""The document registry: one SQLite file (WAL) holding documents, passages and collections."""
from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np

from rag.status import Status
from rag.types import Chunk, DocumentRecord

_SCHEMA = """
CREATE TABLE IF NOT EXISTS collections (
    name TEXT PRIMARY KEY,
    store_name TEXT NOT NULL UNIQUE,
    embedding_model TEXT NOT NULL DEFAULT '',
    generation INTEGER NOT NULL DEFAULT 0,
    created_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    collection TEXT NOT NULL,
    path TEXT NOT NULL,
    content_hash TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL DEFAULT 0,
    mtime REAL NOT NULL DEFAULT 0,
    kind TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    pages INTEGER,
    chunks INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    error TEXT NOT NULL DEFAULT '',
    error_kind TEXT NOT NULL DEFAULT '',
    warnings TEXT NOT NULL DEFAULT '',
    added_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    lead TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    reader INTEGER NOT NULL DEFAULT 0,
    UNIQUE (collection, path)
);
CREATE INDEX IF NOT EXISTS documents_by_hash ON documents (collection, content_hash);
CREATE TABLE IF NOT EXISTS chunks (
    chunk_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    text TEXT NOT NULL,
    index_text TEXT NOT NULL,
    page_start INTEGER,
    page_end INTEGER,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    section TEXT NOT NULL DEFAULT '',
    vector BLOB,
    scanned INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS chunks_by_doc ON chunks (doc_id, ordinal);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""



class Registry:
    """Source of truth for what is indexed; a document is searchable only once its row says ``ready``."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._guard = threading.Lock()
        self._db.executescript(_SCHEMA)
        columns = {row["name"] for row in self._db.execute("PRAGMA table_info(documents)")}
        if "lead" not in columns:
            self._db.execute("ALTER TABLE documents ADD COLUMN lead TEXT NOT NULL DEFAULT ''")
        if "language" not in columns:
            self._db.execute("ALTER TABLE documents ADD COLUMN language TEXT NOT NULL DEFAULT ''")
        if "reader" not in columns:
            self._db.execute("ALTER TABLE documents ADD COLUMN reader INTEGER NOT NULL DEFAULT 0")
        chunk_columns = {row["name"] for row in self._db.execute("PRAGMA table_info(chunks)")}
        if "vector" not in chunk_columns:
            self._db.execute("ALTER TABLE chunks ADD COLUMN vector BLOB")
        if "scanned" not in chunk_columns:
            self._db.execute("ALTER TABLE chunks ADD COLUMN scanned INTEGER NOT NULL DEFAULT 0")

    @property
    def _db(self) -> sqlite3.Connection:
        """This thread's connection: a thread never sees another thread's open transaction."""
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(str(self.path), isolation_level=None, timeout=30, check_same_thread=False)
            connection.row_factory = sqlite3.Row
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=FULL")
            connection.execute("PRAGMA foreign_keys=ON")
            self._local.connection = connection
            with self._guard:
                self._connections.append(connection)
        return connection

    def close(self) -> None:
        with self._guard:
            for connection in self._connections:
                connection.close()
            self._connections.clear()
        self._local = threading.local()

    def transaction(self) -> "_Transaction":
        return _Transaction(self._db)

    # Collections

    def ensure_collection(self, name: str, store_name: str) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO collections (name, store_name, created_at) VALUES (?, ?, ?)", (name, store_name, time.time())
        )

    def collections(self) -> list[str]:
        return [r["name"] for r in self._db.execute("SELECT name FROM collections ORDER BY name")]

    def store_name(self, collection: str) -> str | None:
        row = self._db.execute("SELECT store_name FROM collections WHERE name = ?", (collection,)).fetchone()
        return row["store_name"] if row else None

    def set_store_name(self, collection: str, store_name: str) -> None:
        self._db.execute("UPDATE collections SET store_name = ? WHERE name = ?", (store_name, collection))

    def embedding_model(self, collection: str) -> str:
        row = self._db.execute("SELECT embedding_model FROM collections WHERE name = ?", (collection,)).fetchone()
        return row["embedding_model"] if row else ""

    def set_embedding_model(self, collection: str, model_id: str) -> None:
        self._db.execute("UPDATE collections SET embedding_model = ? WHERE name = ?", (model_id, collection))

    def generation(self, collection: str) -> int:
        row = self._db.execute("SELECT generation FROM collections WHERE name = ?", (collection,)).fetchone()
        return int(row["generation"]) if row else 0

    def bump_generation(self, collection: str) -> None:
        self._db.execute("UPDATE collections SET generation = generation + 1 WHERE name = ?", (collection,))

    def drop_collection(self, collection: str) -> None:
        with self.transaction():
            self._db.execute("DELETE FROM documents WHERE collection = ?", (collection,))
            self._db.execute("DELETE FROM collections WHERE name = ?", (collection,))

    # Documents

    def document_by_path(self, collection: str, path: str) -> DocumentRecord | None:
        row = self._db.execute("SELECT * FROM documents WHERE collection = ? AND path = ?", (collection, path)).fetchone()
        return DocumentRecord(**dict(row)) if row else None

    def document(self, doc_id: str) -> DocumentRecord | None:
        row = self._db.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return DocumentRecord(**dict(row)) if row else None

    def ready_document_with_hash(self, collection: str, content_hash: str, other_than: str) -> DocumentRecord | None:
        row = self._db.execute(
            "SELECT * FROM documents WHERE collection = ? AND content_hash = ? AND status = ? AND doc_id != ?",
            (collection, content_hash, Status.READY, other_than),
        ).fetchone()
        return DocumentRecord(**dict(row)) if row else None

    def documents(self, collection: str | None = None, status: str | None = None) -> list[DocumentRecord]:
        query, params = "SELECT * FROM documents WHERE 1=1", []
        if collection is not None:
            query += " AND collection = ?"
            params.append(collection)
        if status is not None:
            query += " AND status = ?"
            params.append(status)
        return [DocumentRecord(**dict(r)) for r in self._db.execute(query + " ORDER BY path", params)]

    def upsert_document(self, record: DocumentRecord) -> None:
        values = record.__dict__
        columns = ", ".join(values)
        placeholders = ", ".join(f":{c}" for c in values)
        updates = ", ".join(f"{c} = excluded.{c}" for c in values if c not in ("doc_id", "added_at"))
        self._db.execute(
            f"INSERT INTO documents ({columns}) VALUES ({placeholders}) ON CONFLICT (doc_id) DO UPDATE SET {updates}", values
        )

    def touch_document(self, doc_id: str, mtime: float) -> None:
        self._db.execute("UPDATE documents SET mtime = ?, updated_at = ? WHERE doc_id = ?", (mtime, time.time(), doc_id))

    def delete_document(self, doc_id: str) -> None:
        self._db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))

    # Chunks

    def replace_chunks(self, doc_id: str, chunk_ids: list[str], chunks: list[Chunk], index_texts: list[str], vectors) -> None:
        """The passages of a document, each with its vector (kept so the vector store can always be rebuilt)."""
        self._db.execute("DELETE FROM chunks WHERE doc_id = ?", (doc_id,))
        self._db.executemany(
            "INSERT INTO chunks (chunk_id, doc_id, ordinal, text, index_text, page_start, page_end, char_start, char_end, "
            "section, vector, scanned) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (cid, doc_id, c.ordinal, c.text, itext, c.page_start, c.page_end, c.char_start, c.char_end, c.section,
                 np.asarray(vector, dtype=np.float32).tobytes(), int(c.scanned))
                for cid, c, itext, vector in zip(chunk_ids, chunks, index_texts, vectors)
            ],
        )

    def stored_vectors(self, collection: str, batch: int = 2000) -> Iterator[tuple[list[str], list[str], np.ndarray]]:
        """(chunk ids, doc ids, vectors) of every ready passage in ``collection``, in batches."""
        cursor = self._db.execute(
            "SELECT c.chunk_id, c.doc_id, c.vector FROM chunks c JOIN documents d ON d.doc_id = c.doc_id "
            "WHERE d.collection = ? AND d.status = ? AND c.vector IS NOT NULL ORDER BY c.doc_id, c.ordinal",
            (collection, Status.READY),
        )
        while rows := cursor.fetchmany(batch):
            yield [r[0] for r in rows], [r[1] for r in rows], np.vstack([np.frombuffer(r[2], dtype=np.float32) for r in rows])

    def meta(self, key: str, default: str) -> str:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row["value"] if row else default

    def set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    def delete_meta(self, key: str) -> None:
        self._db.execute("DELETE FROM meta WHERE key = ?", (key,))

    def meta_with_prefix(self, prefix: str) -> dict[str, str]:
        rows = self._db.execute("SELECT key, value FROM meta WHERE substr(key, 1, ?) = ?", (len(prefix), prefix))
        return {row["key"]: row["value"] for row in rows}

    def delete_chunks(self, doc_id: str) -> None:
        self._db.execute("DELETE FROM chunks WHERE doc_id = ?", (doc_id,))

    def chunk_rows(self, chunk_ids: Iterable[str]) -> dict[str, sqlite3.Row]:
        ids = list(chunk_ids)
        rows: dict[str, sqlite3.Row] = {}
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            query = (
                "SELECT c.*, d.path, d.title, d.language FROM chunks c JOIN documents d ON d.doc_id = c.doc_id "
                f"WHERE d.status = '{Status.READY}' AND c.chunk_id IN ({','.join('?' * len(part))})"
            )
            rows.update({r["chunk_id"]: r for r in self._db.execute(query, part)})
        return rows

    def searchable_chunks(self, collection: str) -> Iterator[tuple[str, str, str]]:
        """(chunk_id, index_text, document language) of every passage of every ready document in ``collection``."""
        yield from self._db.execute(
            "SELECT c.chunk_id, c.index_text, d.language FROM chunks c JOIN documents d ON d.doc_id = c.doc_id "
            "WHERE d.collection = ? AND d.status = ? ORDER BY c.doc_id, c.ordinal",
            (collection, Status.READY),
        )

    def documents_without_language(self) -> list[str]:
        """Ready documents indexed before Faro recorded languages (their language is filled in once)."""
        return [r["doc_id"] for r in self._db.execute("SELECT doc_id FROM documents WHERE status = ? AND language = ''", (Status.READY,))]

    def set_language(self, doc_id: str, language: str) -> None:
        self._db.execute("UPDATE documents SET language = ? WHERE doc_id = ?", (language, doc_id))

    def document_names(self, collection: str) -> list[sqlite3.Row]:
        """(doc_id, path, title, lead) of every ready document: what names and dates a document."""
        return list(
            self._db.execute(
                "SELECT doc_id, path, title, lead FROM documents WHERE collection = ? AND status = ?", (collection, Status.READY)
            )
        )

    def chunk_ids_by_document(self, collection: str) -> dict[str, list[str]]:
        result: dict[str, list[str]] = {}
        for row in self._db.execute(
            "SELECT c.doc_id, c.chunk_id FROM chunks c JOIN documents d ON d.doc_id = c.doc_id WHERE d.collection = ?",
            (collection,),
        ):
            result.setdefault(row["doc_id"], []).append(row["chunk_id"])
        return result

    def chunk_ids_of(self, doc_id: str) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT chunk_id FROM chunks WHERE doc_id = ? ORDER BY ordinal", (doc_id,))]

    def chunks_of(self, doc_id: str) -> list[sqlite3.Row]:
        return list(self._db.execute("SELECT * FROM chunks WHERE doc_id = ? ORDER BY ordinal", (doc_id,)))


class _Transaction:
    """``with registry.transaction():`` — BEGIN IMMEDIATE … COMMIT, or ROLLBACK on error."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb) -> None:
        self._db.execute("ROLLBACK" if exc_type else "COMMIT")


def dumps_warnings(warnings: Iterable[str]) -> str:
    return json.dumps(list(warnings), ensure_ascii=False) if warnings else ""

