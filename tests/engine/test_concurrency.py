"""Concurrency: questions during an ingest are answered from what is already indexed; a second Faro process on the
same data folder is turned away with a clear message and cannot corrupt it."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from rag.config import Config
from rag.engine import Engine
from rag.errors import LibraryLocked
from tests.documents import REPO, make_pdf
from tests.engine.invariants import library_violations
from tests.fakes import FakeEmbedder, FakeGenerator

TOPICS = ("turbine", "boiler", "compressor", "chiller", "conveyor", "crane", "forklift", "welder", "lathe", "press")


def _write_manuals(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        topic = TOPICS[number % len(TOPICS)]
        pages = [f"Manual {number} for the {topic} unit {number}. Inspect the {topic} unit {number} every {100 + number} hours."
                 + " Routine checks cover oil, belts, guards and labels." * 40] * 3
        make_pdf(folder / f"manual-{number:02d}.pdf", pages)


def _engine(data: Path) -> Engine:
    """Small passages, so an ingest commits every document or two and questions can land between commits."""
    return Engine(Config(data_dir=data, chunk_tokens=32, chunk_overlap=4), embedder=FakeEmbedder(), generator=FakeGenerator())


def test_questions_during_an_ingest_are_answered_from_what_is_already_indexed(tmp_path):
    (tmp_path / "first").mkdir()
    (tmp_path / "first" / "gate.txt").write_text("The north gate code is 4512 and changes every March.", encoding="utf-8")
    _write_manuals(tmp_path / "more", 24)
    engine = _engine(tmp_path / "library")
    errors: list[BaseException] = []
    try:
        engine.ingest([tmp_path / "first"])
        ingest = threading.Thread(target=_capture(errors, lambda: engine.ingest([tmp_path / "more"])))
        ingest.start()
        answers, ready_counts = 0, set()
        while ingest.is_alive() or answers < 3:
            ready_counts.add(sum(r.status == "ready" for r in engine.documents()))
            answer = engine.ask("What is the north gate code?")
            assert [Path(c.source).name for c in answer.citations] == ["gate.txt"] and "4512" in answer.citations[0].quote
            for hit in engine.search("inspect turbine unit hours", k=10):
                record = engine.registry.document(hit.doc_id)
                assert record is not None and record.status == "ready", hit.source
                stored = engine.registry.chunk_rows([hit.chunk_id])[hit.chunk_id]
                assert stored["text"] == hit.text
            answers += 1
        ingest.join()
        assert not errors, errors
        assert any(1 < count < 25 for count in ready_counts), f"questions were asked mid-ingest: {sorted(ready_counts)}"
        assert sum(r.status == "ready" for r in engine.documents()) == 25
        assert library_violations(engine) == []
    finally:
        engine.close()


def _capture(errors: list[BaseException], work):
    def run() -> None:
        try:
            work()
        except BaseException as exc:  # reported by the test's main thread
            errors.append(exc)

    return run


def _start_child(data: Path, *paths: Path, hold: bool = False) -> subprocess.Popen:
    command = [sys.executable, "-m", "tests.engine.ingest_child", str(data), *map(str, paths)] + (["--hold"] if hold else [])
    return subprocess.Popen(command, cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_second_faro_on_the_same_folder_is_told_it_is_already_open(tmp_path):
    data = tmp_path / "library"
    first = _start_child(data, hold=True)
    try:
        opened = first.stdout.readline().split()
        assert opened[0] == "OPEN", first.stderr.read()
        with pytest.raises(LibraryLocked, match=rf"already open on the data folder .*\(process {opened[1]}\)"):
            _engine(data)
        second = subprocess.run(
            [sys.executable, "-m", "tests.engine.ingest_child", str(data)], cwd=REPO, capture_output=True, text=True, timeout=120
        )
        assert second.returncode == 2 and second.stdout.startswith("ERROR locked Faro is already open"), second.stdout
    finally:
        first.communicate(timeout=60)
    with _engine(data) as engine:
        assert engine.documents() == []


def test_a_second_process_during_an_ingest_is_refused_and_the_library_stays_whole(tmp_path):
    _write_manuals(tmp_path / "docs", 12)
    data = tmp_path / "library"
    first = _start_child(data, tmp_path / "docs")
    try:
        assert first.stdout.readline().startswith("OPEN"), first.stderr.read()
        second = subprocess.run(
            [sys.executable, "-m", "tests.engine.ingest_child", str(data), str(tmp_path / "docs")],
            cwd=REPO, capture_output=True, text=True, timeout=120,
        )
        output, _ = first.communicate(timeout=300)
    finally:
        first.kill()
    assert second.stdout.startswith("ERROR locked"), second.stdout + second.stderr
    report = json.loads(output.split("REPORT ", 1)[1])
    assert report["summary"]["indexed"] == 12
    with _engine(data) as engine:
        assert sum(r.status == "ready" for r in engine.documents()) == 12
        assert library_violations(engine) == []


def test_a_killed_faro_releases_its_lock(tmp_path):
    data = tmp_path / "library"
    first = _start_child(data, hold=True)
    assert first.stdout.readline().startswith("OPEN"), first.stderr.read()
    first.send_signal(signal.SIGKILL)
    first.communicate(timeout=60)
    with _engine(data) as engine:
        assert library_violations(engine) == []
