"""The consistency rules a library must satisfy whenever it is opened: each returns a list of violations."""
from __future__ import annotations

from collections import Counter

from rag.status import Status


def library_violations(engine) -> list[str]:
    """Every way the engine's collection breaks "each document is fully indexed or not present"."""
    registry, store, name = engine.registry, engine.store, engine.store_name()
    documents = registry.documents(engine.collection)
    ready = {d.doc_id: d for d in documents if d.status == Status.READY}
    chunk_ids = registry.chunk_ids_by_document(engine.collection)
    expected = {cid for doc_id in ready for cid in chunk_ids.get(doc_id, [])}
    stored = store.ids(name)
    problems = [f"document left '{Status.INDEXING.value}': {d.path}" for d in documents if d.status == Status.INDEXING]
    problems += [
        f"{len(ids)} passages of a document that is not ready ({registry.document(doc_id).status if registry.document(doc_id) else 'no row'})"
        for doc_id, ids in chunk_ids.items()
        if doc_id not in ready
    ]
    if ready and not registry.embedding_model(engine.collection):
        problems.append("ready documents, but the embedding model they were built with is not recorded")
    problems += _document_violations(engine, ready, chunk_ids, stored)
    if stored - expected:
        problems.append(f"{len(stored - expected)} orphan vectors (no ready passage)")
    if expected - stored:
        problems.append(f"{len(expected - stored)} passages without a vector")
    if store.count(name) != len(stored):
        problems.append(f"vector store counts {store.count(name)} vectors but lists {len(stored)} ids")
    problems += _search_violations(engine, expected)
    report = engine.check()
    if not report.healthy:
        problems.append("doctor: " + report.describe().replace("\n", " / "))
    return problems


def _document_violations(engine, ready, chunk_ids: dict[str, list[str]], stored: set[str]) -> list[str]:
    problems = []
    for doc_id, record in ready.items():
        ids = chunk_ids.get(doc_id, [])
        rows = engine.registry.chunks_of(doc_id)
        vectors = [cid for cid in ids if cid in stored]
        if not ids:
            problems.append(f"ready document with no passages: {record.path}")
        if not (record.chunks == len(ids) == len(vectors)):
            problems.append(f"{record.path}: registry says {record.chunks} passages, {len(ids)} rows, {len(vectors)} vectors")
        if [r["ordinal"] for r in rows] != list(range(len(rows))):
            problems.append(f"{record.path}: passage ordinals are not 0..{len(rows) - 1}")
        if any(not cid.startswith(f"{doc_id}-{record.content_hash[:8]}-") for cid in ids):
            problems.append(f"{record.path}: passages of another version of the file")
        extracted = engine.document_text(doc_id)
        if extracted is None:
            problems.append(f"{record.path}: extracted text missing")
        elif rows and not _points_into(rows[0], extracted):
            problems.append(f"{record.path}: the saved text is of another version than the passages")
    return problems


def _points_into(row, extracted) -> bool:
    """Whether a passage's offsets find its own words in the saved text (what the viewer highlights).

    The passage's first line is the saved text at its start offset (running headers and footers inside a passage's
    span are left out of its text, so only the first line is compared).
    """
    page = next((p for p in extracted.pages if p.number == row["page_start"]), extracted.pages[0])
    first_line = row["text"].split("\n", 1)[0][:40]
    return bool(first_line) and page.text[row["char_start"] :].startswith(first_line)


def _search_violations(engine, expected: set[str]) -> list[str]:
    """Both indexes answer, and only with passages of ready documents."""
    problems = []
    keyword = engine.keyword_index()  # the rebuilt-or-loaded BM25 cache, as a search would use it
    duplicates = [cid for cid, n in Counter(keyword.ids).items() if n > 1]
    if duplicates:
        problems.append(f"keyword index lists {len(duplicates)} passages twice")
    if set(keyword.ids) != expected:
        problems.append(
            f"keyword index disagrees with the registry ({len(set(keyword.ids) - expected)} extra, "
            f"{len(expected - set(keyword.ids))} missing)"
        )
    if expected:
        probe = engine.embedder.embed(["report revenue policy safety"])[0]
        found = [cid for cid, _ in engine.store.query(engine.store_name(), probe, min(len(expected), 25))]
        if not found or not set(found) <= expected:
            problems.append(f"dense search returned {len(found)} hits, {len(set(found) - expected)} not in the registry")
    return problems
