"""SIGKILL a real ingest at every step of the commit protocol and at random moments: every restart finds a consistent
library (each document fully indexed or absent, registry = vector store = keyword index) and finishes the rest.

Reproduce a run with FARO_CRASH_SEED=<seed printed by the test>; FARO_CRASH_KILLS sets the number of random kills.
"""
from __future__ import annotations

import os
import random
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from rag.config import Config
from rag.engine import Engine
from tests.documents import make_pdf
from tests.engine.crash_harness import PAUSE_POINTS, Child, Documents, run_campaign
from tests.engine.invariants import library_violations
from tests.fakes import FakeEmbedder, FakeGenerator

RANDOM_KILLS = int(os.environ.get("FARO_CRASH_KILLS", "20"))


def test_kills_at_every_step_and_at_random_moments_leave_a_consistent_library(tmp_path):
    seed = int(os.environ["FARO_CRASH_SEED"]) if "FARO_CRASH_SEED" in os.environ else None
    result = run_campaign(tmp_path, random_kills=RANDOM_KILLS, seed=seed)
    print(f"seed {result.seed}: {len(result.kills)} kills in {result.seconds:.0f} s, phases {result.phases()}")
    assert len(result.kills) == len(PAUSE_POINTS) + RANDOM_KILLS
    assert not result.final_problems, result.final_problems
    broken = [(k.number, k.aim, k.phase, k.violations, k.stray_workers) for k in result.kills if k.violations or k.stray_workers]
    assert not broken, f"seed {result.seed}: {broken}"
    assert result.final_violations == []
    assert result.violation_count == 0
    aimed = {point.removeprefix("new:").split("#")[0] for point in PAUSE_POINTS}
    assert aimed <= set(result.phases()), "every aimed step was actually killed"


def test_the_check_sees_a_half_indexed_document_when_recovery_is_skipped(tmp_path):
    """The invariant check can fail: without recovery, a kill between the vector write and the registry commit shows
    (a new file left 'indexing', new vectors of both files with no passage); the changed file's old reading stays."""
    documents = Documents(tmp_path / "docs", random.Random(3))
    library = tmp_path / "library"
    Child(library, documents.folder).finish()
    documents.add_new()
    documents.rewrite(documents.changing_name(0))
    killed = Child(library, documents.folder, "ingest:store.add.end#1")
    assert killed.wait_for("PAUSE", 120) is not None, killed.stderr_tail()
    killed.kill()

    unrecovered = Child(library, documents.folder, "ingest:reading#1", skip_recovery=True)
    assert unrecovered.wait_for("PAUSE", 120) is not None, unrecovered.stderr_tail()
    unrecovered.kill()
    violations = unrecovered.value("CHECK")
    assert any("left 'indexing'" in v for v in violations), violations
    assert any("orphan vectors" in v for v in violations), violations
    assert documents.changing_name(0) in unrecovered.value("READY")

    recovered = Child(library, documents.folder)
    recovered.finish()
    assert recovered.value("CHECK") == [] and recovered.value("FINAL") == [], recovered.stderr_tail()
    assert documents.changing_name(0) in recovered.value("READY") and "a00.txt" not in recovered.value("READY")


def test_a_kill_during_the_first_ingest_still_records_the_embedding_model(tmp_path):
    """Otherwise a later model change goes unnoticed and searches fail or return garbage instead of offering re-index."""
    documents = Documents(tmp_path / "docs", random.Random(5))
    library = tmp_path / "library"
    first = Child(library, documents.folder, "ingest:txn.commit#4")
    assert first.wait_for("PAUSE", 120) is not None, first.stderr_tail()
    first.kill()
    restart = Child(library, documents.folder, "ingest:reading#1")
    assert restart.wait_for("PAUSE", 120) is not None, restart.stderr_tail()
    restart.kill()
    assert restart.value("CHECK") == []


def _damage(engine, folder) -> None:
    """Every kind of disagreement the doctor knows, made by hand."""
    name, registry = engine.store_name(), engine.registry
    records = {Path(r.path).name: r for r in engine.documents()}
    engine.store.add(name, ["ghost-00000"], engine.embedder.embed(["ghost"]), ["ghost"])
    engine.store.delete_ids(name, [registry.chunks_of(records["a.txt"].doc_id)[0]["chunk_id"]])
    registry.upsert_document(replace(records["b.txt"], status="failed", error="was damaged", error_kind="damaged"))
    registry.upsert_document(replace(records["c.txt"], chunks=99))
    registry.upsert_document(replace(records["c.txt"], doc_id="half", path=str(folder / "half.txt"), status="indexing"))
    engine.library.texts.path("ghost").write_text("{}", encoding="utf-8")
    engine.library.texts.path(records["d.txt"].doc_id).unlink()
    engine.keyword_index().rebuild([("ghost-00000", "ghost", "en")], registry.generation(engine.collection))


def test_doctor_finds_every_kind_of_damage_and_repairs_it(tmp_path):
    for name, text in (("a.txt", "alpha pump seal"), ("b.txt", "beta valve spring"), ("c.txt", "gamma fan belt"),
                       ("d.txt", "delta boiler gauge")):
        (tmp_path / name).write_text(f"The {text} is checked weekly. " * 40, encoding="utf-8")
    with Engine(Config(data_dir=tmp_path / "library"), embedder=FakeEmbedder(), generator=FakeGenerator()) as engine:
        engine.ingest([tmp_path / n for n in ("a.txt", "b.txt", "c.txt", "d.txt")])
        assert engine.check().healthy
        _damage(engine, tmp_path)

        found = engine.check()
        assert not found.healthy and not found.repaired
        assert (found.orphan_vectors, found.missing_vectors, found.stray_passages) == (1 + found.stray_passages, 1, found.stray_passages)
        assert found.stray_passages > 0 and found.miscounted_documents == [str(tmp_path / "c.txt")]
        assert found.half_indexed_documents == [str(tmp_path / "half.txt")]
        # ghost.json, and the text of b.txt, which is no longer ready
        assert found.stale_keyword_index and found.orphan_texts == 2 and found.missing_texts == [str(tmp_path / "d.txt")]
        assert "Run 'faro doctor --repair'" in found.describe()
        assert library_violations(engine)

        repaired = engine.repair()
        assert repaired.repaired and "repaired" in repaired.describe()
        after = engine.check()
        assert after.healthy and after.orphan_texts == 0, after.describe()
        assert library_violations(engine) == []
        assert Path(engine.search("alpha pump seal", k=1)[0].source).name == "a.txt"
        assert Path(engine.search("delta boiler gauge", k=1)[0].source).name == "d.txt"
        assert engine.ingest([tmp_path / "b.txt"]).outcomes[0].status == "indexed", "the failed file can be added again"
        assert library_violations(engine) == []


def test_faro_doctor_reports_damage_and_repair_fixes_it(tmp_path):
    (tmp_path / "a.txt").write_text("The alpha pump seal is checked weekly. " * 40, encoding="utf-8")
    data = tmp_path / "library"
    with Engine(Config(data_dir=data), embedder=FakeEmbedder(), generator=FakeGenerator()) as engine:
        engine.ingest([tmp_path / "a.txt"])
        engine.store.add(engine.store_name(), ["ghost-00000"], engine.embedder.embed(["ghost"]), ["ghost"])
        make_pdf(tmp_path / "b.pdf", ["The beta boiler gauge is read daily."])
        engine.ingest([tmp_path / "b.pdf"])
        for record in engine.documents():  # both read by an earlier Faro: only the PDF's reader has changed since
            engine.library.registry.upsert_document(replace(record, reader=0))

    def doctor(*flags: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "rag.cli", "doctor", "--data-dir", str(data), *flags], capture_output=True, text=True,
            timeout=180, cwd=Path(__file__).resolve().parents[2], env={**os.environ, "FARO_LOG_DIR": str(tmp_path / "logs")},
        )

    found = doctor()
    assert found.returncode == 4 and "1 vectors with no passage (orphans)" in found.stdout and "--repair" in found.stdout
    assert "1 document read by an earlier Faro" in found.stdout
    repaired = doctor("--repair")
    assert repaired.returncode == 0 and "repaired" in repaired.stdout, repaired.stdout + repaired.stderr
    again = doctor()
    assert again.returncode == 0 and "Everything is consistent." in again.stdout
