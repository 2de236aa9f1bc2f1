"""Rebuilds a collection's passages and vectors with the current chunk settings and embedding model."""
from __future__ import annotations

import time
from pathlib import Path

import numpy as np

from rag.analysis import document_language
from rag.chunking import chunk_document
from rag.ingest import index_header, index_text, load_extracted
from rag.progress import CancelToken, Progress, ProgressCallback, no_progress
from rag.errors import FileProblem
from rag.registry import STATUS_FAILED, STATUS_READY

EMBED_BATCH = 64


def reindex_collection(engine, progress: ProgressCallback = no_progress, cancel: CancelToken | None = None) -> int:
    """Re-chunk every ready document from its saved text and embed it into a new vector collection.

    The switch to the new passages and vectors is one registry transaction, so a crash or cancel leaves the
    old index in place. Documents whose saved text is missing are re-read from their files.
    """
    cancel = cancel or CancelToken()
    registry, store, embedder = engine.registry, engine.store, engine.embedder
    records = registry.documents(engine.collection, STATUS_READY)
    new_store = f"{engine.store_name.split('-r')[0]}-r{int(time.time())}"
    prepared, unreadable = [], []
    try:
        for number, record in enumerate(records):
            cancel.raise_if_cancelled()
            progress(Progress(number, len(records), Path(record.path).name, "re-indexing"))
            document = load_extracted(engine.data_dir / "extracted", record.doc_id)
            if document is None:
                try:
                    engine.parser.submit(Path(record.path))
                    document = engine.parser.result()
                except FileProblem as exc:
                    unreadable.append((record, str(exc), exc.kind))
                    continue
            chunks = chunk_document(document, embedder, engine.config.chunk_tokens, engine.config.chunk_overlap)
            header = index_header(Path(record.path), document)
            texts = [index_text(header, c) for c in chunks]
            vectors = np.vstack([embedder.embed(texts[s : s + EMBED_BATCH]) for s in range(0, len(texts), EMBED_BATCH)])
            ids = [f"{record.doc_id}-{record.content_hash[:8]}-{c.ordinal:05d}" for c in chunks]
            store.add(new_store, ids, vectors, [record.doc_id] * len(ids))
            prepared.append((record, ids, chunks, texts, vectors))
    except BaseException:
        store.drop(new_store)
        raise
    old_store = engine.store_name
    from dataclasses import replace

    with registry.transaction():
        for record, ids, chunks, texts, vectors in prepared:
            registry.replace_chunks(record.doc_id, ids, chunks, texts, vectors)
            language = document_language(c.text for c in chunks)
            registry.upsert_document(replace(record, chunks=len(chunks), language=language, updated_at=time.time()))
        for record, error, kind in unreadable:
            registry.delete_chunks(record.doc_id)
            registry.upsert_document(replace(record, chunks=0, status=STATUS_FAILED, error=error, error_kind=kind))
        registry.set_store_name(engine.collection, new_store)
        registry.set_embedding_model(engine.collection, embedder.model_id)
        registry.bump_generation(engine.collection)
    store.drop(old_store)
    progress(Progress(len(records), len(records), "", "done"))
    return len(prepared)
