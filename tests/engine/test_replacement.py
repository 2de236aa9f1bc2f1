"""A ready document keeps its reading until the new one is saved: a failed or interrupted replacement leaves one whole."""
from __future__ import annotations

import pytest

from rag.errors import FaroError
from rag.store import replacement
from rag.store.registry import Registry
from rag.store.vectors import ChromaStore
from tests.engine.invariants import library_violations

OLD, NEW = "The gate code is 4512.", "The gate code changed to 9931."


def _indexed(tmp_path, fake_engine):
    folder = tmp_path / "docs"
    folder.mkdir()
    notes = folder / "notes.txt"
    notes.write_text(OLD, encoding="utf-8")
    engine = fake_engine()
    engine.ingest([notes])
    record = engine.documents()[0]
    return engine, notes, record.doc_id, engine.library.registry.chunk_ids_of(record.doc_id)


def _reading(engine, doc_id: str) -> str:
    """What the library holds for the document: its saved text, its passages and what search finds."""
    saved = engine.document_text(doc_id).pages[0].text
    passages = " ".join(row["text"] for row in engine.library.registry.chunks_of(doc_id))
    found = " ".join(hit.text for hit in engine.search("gate code", k=5))
    return " / ".join((saved, passages, found))


def _leftovers(engine) -> list:
    texts = engine.library.texts
    return [*texts.folder.glob("*.next"), *engine.library.registry.meta_with_prefix(replacement.PENDING)]


def test_a_changed_file_whose_save_fails_keeps_its_earlier_reading(tmp_path, fake_engine, monkeypatch):
    engine, notes, doc_id, old_ids = _indexed(tmp_path, fake_engine)
    notes.write_text(NEW, encoding="utf-8")

    def full_disk(self, *args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ChromaStore, "add", full_disk)
    with pytest.raises(FaroError, match="No space left"):
        engine.ingest([notes])

    record = engine.library.registry.document(doc_id)
    assert record.status == "ready" and engine.library.registry.chunk_ids_of(doc_id) == old_ids
    assert "4512" in _reading(engine, doc_id) and "9931" not in _reading(engine, doc_id)
    assert _leftovers(engine) == [] and library_violations(engine) == []


def test_a_kill_before_the_switch_leaves_the_earlier_reading(tmp_path, fake_engine, monkeypatch):
    engine, notes, doc_id, old_ids = _indexed(tmp_path, fake_engine)
    notes.write_text(NEW, encoding="utf-8")
    replace_chunks = Registry.replace_chunks

    def killed(self, *args, **kwargs):  # the process dies here: nothing is rolled back
        raise SystemExit("killed")

    monkeypatch.setattr(Registry, "replace_chunks", killed)
    with pytest.raises(SystemExit):
        engine.ingest([notes])
    monkeypatch.setattr(Registry, "replace_chunks", replace_chunks)
    assert len(engine.store.ids(engine.store_name())) > len(old_ids), "the new vectors were written beside the old"
    engine.close()

    reopened = fake_engine()
    assert reopened.library.registry.chunk_ids_of(doc_id) == old_ids
    assert "4512" in _reading(reopened, doc_id) and "9931" not in _reading(reopened, doc_id)
    assert _leftovers(reopened) == [] and library_violations(reopened) == []
    assert reopened.ingest([notes]).outcomes[0].status == "indexed"
    assert "9931" in _reading(reopened, doc_id) and "4512" not in _reading(reopened, doc_id)


def test_a_kill_after_the_switch_is_finished_when_the_library_opens(tmp_path, fake_engine, monkeypatch):
    engine, notes, doc_id, old_ids = _indexed(tmp_path, fake_engine)
    notes.write_text(NEW, encoding="utf-8")
    monkeypatch.setattr(replacement, "finish", lambda *args: None)  # killed right after the transaction
    engine.ingest([notes])
    assert set(old_ids) <= engine.store.ids(engine.store_name()) and _leftovers(engine)
    engine.close()
    monkeypatch.undo()

    reopened = fake_engine()
    new_ids = reopened.library.registry.chunk_ids_of(doc_id)
    assert new_ids and not set(new_ids) & set(old_ids)
    assert "9931" in _reading(reopened, doc_id) and "4512" not in _reading(reopened, doc_id)
    assert not set(old_ids) & reopened.store.ids(reopened.store_name())
    assert _leftovers(reopened) == [] and library_violations(reopened) == []


def test_a_failure_while_tidying_after_the_switch_keeps_the_new_reading_and_the_next_start_finishes(
        tmp_path, fake_engine, monkeypatch):
    engine, notes, doc_id, old_ids = _indexed(tmp_path, fake_engine)
    notes.write_text(NEW, encoding="utf-8")

    def store_busy(self, *args, **kwargs):
        raise RuntimeError("the vector store is busy")

    monkeypatch.setattr(ChromaStore, "delete_ids", store_busy)
    assert engine.ingest([notes]).outcomes[0].status == "indexed"
    assert "9931" in " ".join(row["text"] for row in engine.library.registry.chunks_of(doc_id))
    engine.close()
    monkeypatch.undo()

    reopened = fake_engine()
    assert "9931" in _reading(reopened, doc_id) and "4512" not in _reading(reopened, doc_id)
    assert _leftovers(reopened) == [] and library_violations(reopened) == []
