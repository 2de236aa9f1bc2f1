"""Ingestion: report per file, hashing and skipping, replacement, removal, collections, cancel."""
from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

from rag.config import Config
from rag.engine import Engine
from rag.errors import ParseTimeout
from rag.ingest.loaders.reading import reader_version
from rag.ingest.parse_worker import IsolatedParser
from rag.progress import CancelToken
from tests.documents import make_docx, make_pdf
from tests.fakes import FakeEmbedder, FakeGenerator


def _library(tmp_path):
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    make_pdf(folder / "manual.pdf", ["Pump maintenance: replace the seal every 500 hours.", "Torque the bolts to 40 Nm."])
    make_docx(folder / "sub" / "policy.docx", [("h1", "Expenses"), ("p", "Meals are reimbursed up to 30 euros.")])
    (folder / "notes.txt").write_text("The gate code is 4512.", encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"")
    (folder / "image.gif").write_bytes(b"GIF89a")
    return folder


def test_a_folder_is_ingested_recursively_and_one_bad_file_does_not_stop_the_batch(tmp_path, fake_engine):
    engine = fake_engine()
    report = engine.ingest([_library(tmp_path)])
    by_name = {os.path.basename(o.path): o for o in report.outcomes}
    assert set(by_name) == {"manual.pdf", "policy.docx", "notes.txt", "broken.pdf"}
    assert by_name["broken.pdf"].status == "failed" and "empty" in by_name["broken.pdf"].reason
    assert [by_name[n].status for n in ("manual.pdf", "policy.docx", "notes.txt")] == ["indexed"] * 3
    assert by_name["manual.pdf"].pages == 2
    statuses = {os.path.basename(r.path): r.status for r in engine.documents()}
    assert statuses == {"manual.pdf": "ready", "policy.docx": "ready", "notes.txt": "ready", "broken.pdf": "failed"}
    summary = report.to_json()["summary"]
    assert summary["indexed"] == 3 and summary["failed"] == 1
    json.dumps(report.to_json())


def test_unchanged_files_are_skipped_and_changed_files_replace_their_passages(tmp_path, fake_engine):
    engine = fake_engine()
    folder = _library(tmp_path)
    engine.ingest([folder])
    embed_calls = engine.embedder.calls
    again = engine.ingest([folder])
    assert {o.status for o in again.outcomes if not o.path.endswith("broken.pdf")} == {"unchanged"}
    assert engine.embedder.calls == embed_calls, "unchanged files are not embedded again"

    os.utime(folder / "notes.txt", (1, 1))
    assert next(o for o in engine.ingest([folder / "notes.txt"]).outcomes).status == "unchanged", "same hash, new mtime"

    (folder / "notes.txt").write_text("The gate code changed to 9931.", encoding="utf-8")
    assert engine.ingest([folder / "notes.txt"]).outcomes[0].status == "indexed"
    texts = " ".join(h.text for h in engine.search("gate code", k=10))
    assert "9931" in texts and "4512" not in texts
    assert engine.store.count(engine.store_name()) == sum(r.chunks for r in engine.documents())


def test_remove_deletes_the_document_and_all_its_passages(tmp_path, fake_engine):
    engine = fake_engine()
    folder = _library(tmp_path)
    engine.ingest([folder])
    before = engine.store.count(engine.store_name())
    manual = next(r for r in engine.documents() if r.path.endswith("manual.pdf"))
    assert engine.remove(folder / "manual.pdf")
    assert engine.store.count(engine.store_name()) == before - manual.chunks
    assert all("seal" not in h.text for h in engine.search("seal 500 hours", k=10))
    assert not engine.remove(folder / "manual.pdf")


def test_duplicate_content_under_two_names_is_indexed_once(tmp_path, fake_engine):
    engine = fake_engine()
    first = make_pdf(tmp_path / "a.pdf", ["Identical content about boilers."])
    second = tmp_path / "copy of a.pdf"
    second.write_bytes(first.read_bytes())
    report = engine.ingest([first, second])
    assert [o.status for o in report.outcomes] == ["indexed", "duplicate"]
    assert "a.pdf" in report.outcomes[1].reason
    assert len(engine.search("boilers", k=10)) == 1


def test_collections_keep_libraries_apart(tmp_path, fake_engine):
    engine = fake_engine()
    make_pdf(tmp_path / "hr.pdf", ["Holidays: 25 days per year."])
    make_pdf(tmp_path / "ops.pdf", ["Compressor oil: change every 2000 hours."])
    engine.ingest([tmp_path / "hr.pdf"])
    engine.ingest([tmp_path / "ops.pdf"], collection="Operaciones")
    found = engine.search("compressor oil holidays", k=5, collection="Operaciones")
    assert [os.path.basename(h.source) for h in found] == ["ops.pdf"]
    assert [os.path.basename(h.source) for h in engine.search("compressor oil holidays", k=5)] == ["hr.pdf"]
    assert set(engine.collections()) == {"default", "Operaciones"}


def test_cancel_stops_between_files_and_keeps_what_was_done(tmp_path, fake_engine):
    engine = fake_engine()
    for n in range(4):
        make_pdf(tmp_path / f"doc{n}.pdf", [f"Document number {n} about topic {n}."])
    cancel = CancelToken()

    def progress(p):
        if p.stage == "reading" and p.done == 2:
            cancel.cancel()

    report = engine.ingest([tmp_path], progress=progress, cancel=cancel)
    assert report.cancelled
    assert [o.status for o in report.outcomes] == ["indexed", "indexed"]
    assert sum(r.status == "ready" for r in engine.documents()) == 2
    rest = engine.ingest([tmp_path])
    assert sorted(o.status for o in rest.outcomes) == ["indexed", "indexed", "unchanged", "unchanged"]


def test_missing_paths_are_reported(tmp_path, fake_engine):
    report = fake_engine().ingest([tmp_path / "nowhere.pdf"])
    assert report.outcomes[0].status == "failed" and "does not exist" in report.outcomes[0].reason


def test_an_ingest_asked_to_pause_saves_what_it_read_and_lists_the_rest(tmp_path, fake_engine):
    engine = fake_engine()
    for n in range(4):
        make_pdf(tmp_path / f"doc{n}.pdf", [f"Document number {n} about pumps and valves."])
    files, problems = engine.find_files([tmp_path])
    asked = []
    report = engine.ingest_files(files, pause=lambda: asked.append(True) or len(asked) >= 2)
    assert not problems and not report.cancelled
    assert [(Path(o.path).name, o.status) for o in report.outcomes] == [("doc0.pdf", "indexed"), ("doc1.pdf", "indexed")]
    assert [Path(p).name for p in report.postponed] == ["doc2.pdf", "doc3.pdf"]
    rest = engine.ingest_files(report.postponed)
    assert [o.status for o in rest.outcomes] == ["indexed", "indexed"] and not rest.postponed
    assert len(engine.documents()) == 4


def test_the_step_hook_hears_chunking_and_each_commit(tmp_path):
    steps: list[str] = []
    make_pdf(tmp_path / "a.pdf", ["Alpha pumps run at fifty hertz."])
    engine = Engine(Config(data_dir=tmp_path / "data"), embedder=FakeEmbedder(), generator=FakeGenerator(), on_step=steps.append)
    try:
        engine.ingest([tmp_path / "a.pdf"])
    finally:
        engine.close()
    assert steps == ["chunk.begin", "chunk.end", "commit.begin", "saved_text", "commit.end"]


def test_files_an_older_reader_read_are_read_again_and_keep_their_reading_when_that_fails(tmp_path, fake_engine, monkeypatch):
    engine = fake_engine()
    folder = _library(tmp_path)
    engine.ingest([folder])
    registry = engine.library.registry
    manual = next(r for r in engine.documents() if r.path.endswith("manual.pdf"))
    assert manual.reader == reader_version("pdf") and engine.read_by_older_readers() == {}
    policy = next(r for r in engine.documents() if r.path.endswith("policy.docx"))
    for record in engine.documents():  # as an earlier Faro left them: the PDF and Word readers have changed since
        registry.upsert_document(replace(record, reader=0))
    assert engine.read_by_older_readers() == {engine.collection: sorted([manual.path, policy.path])}
    statuses = {os.path.basename(o.path): o.status for o in engine.ingest([folder]).outcomes}
    assert statuses["manual.pdf"] == statuses["policy.docx"] == "reread" and statuses["notes.txt"] == "unchanged"
    assert engine.read_by_older_readers() == {} and engine.search("seal every 500 hours", k=1)[0].source.endswith("manual.pdf")

    registry.upsert_document(replace(registry.document(manual.doc_id), reader=0))

    def times_out(*_args, **_kwargs):
        raise ParseTimeout("The document took too long to read.")

    monkeypatch.setattr(IsolatedParser, "result", times_out)
    outcome = engine.ingest([folder / "manual.pdf"]).outcomes[0]
    assert outcome.status == "unchanged" and "too long" in outcome.reason
    kept = registry.document(manual.doc_id)
    assert kept.status == "ready" and kept.chunks == manual.chunks and engine.read_by_older_readers() == {}
    assert engine.search("seal every 500 hours", k=1)[0].source.endswith("manual.pdf")
