"""Rebuilds a collection's passages and vectors with the current chunk settings and embedding model."""
from __future__ import annotations

import time
from pathlib import Path

from rag.analysis import document_language
from rag.errors import FileProblem
from rag.ingest.chunking import chunk_document
from rag.ingest.embed_steps import embed_all
from rag.ingest.parse_worker import IsolatedParser
from rag.ingest.pipeline import index_header, index_text
from rag.models.embedder import Embedder
from rag.progress import CancelToken, Progress, ProgressCallback, no_progress
from rag.status import Status
from rag.store.library import Library, Reindexed, chunk_id


def reindex_collection(
    library: Library,
    collection: str,
    embedder: Embedder,
    parser: IsolatedParser,
    chunk_tokens: int,
    chunk_overlap: int,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> int:
    """Re-chunk every ready document from its saved text and embed it into a new vector collection.

    The switch to the new passages and vectors is one registry transaction, so a crash or cancel leaves the
    old index in place. Documents whose saved text is missing are re-read from their files.
    """
    cancel = cancel or CancelToken()
    store = library.store
    records = library.registry.documents(collection, Status.READY)
    new_store = f"{library.store_name(collection).split('-r')[0]}-r{int(time.time())}"
    rebuilt: list[Reindexed] = []
    unreadable = []
    try:
        for number, record in enumerate(records):
            cancel.raise_if_cancelled()
            progress(Progress(number, len(records), Path(record.path).name, "re-indexing"))
            document = library.extracted_text(record.doc_id)
            if document is None:
                try:
                    parser.submit(Path(record.path))
                    document = parser.result()
                except FileProblem as exc:
                    unreadable.append((record, str(exc), exc.kind))
                    continue
            chunks = chunk_document(document, embedder, chunk_tokens, chunk_overlap)
            header = index_header(Path(record.path), document)
            texts = [index_text(header, c) for c in chunks]
            vectors = embed_all(embedder, texts, cancel)
            ids = [chunk_id(record.doc_id, record.content_hash, c.ordinal, record.reader) for c in chunks]
            store.add(new_store, ids, vectors, [record.doc_id] * len(ids))
            rebuilt.append(Reindexed(record, ids, chunks, texts, vectors, document_language(c.text for c in chunks)))
    except BaseException:
        store.drop(new_store)
        raise
    library.switch_index(collection, new_store, rebuilt, unreadable, embedder.model_id)
    progress(Progress(len(records), len(records), "", "done"))
    return len(rebuilt)
