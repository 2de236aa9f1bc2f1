"""A vector store damaged by a crash is rebuilt from the registry's copy of every vector when Faro starts."""
from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rag.config import Config
from rag.engine import Engine
from rag.store import recovery
from tests.documents import make_pdf
from tests.fakes import FakeEmbedder, FakeGenerator


def _open(data: Path) -> Engine:
    return Engine(Config(data_dir=data, chunk_tokens=32, chunk_overlap=0), embedder=FakeEmbedder(), generator=FakeGenerator())


def _damage(folder: Path) -> int:
    """Overwrite the start of every file Chroma wrote (its SQLite file and HNSW segment files) with garbage."""
    damaged = 0
    for path in folder.rglob("*"):
        if path.is_file() and path.stat().st_size:
            with open(path, "r+b") as handle:
                handle.write(b"\x00garbage" * 64)
            damaged += 1
    return damaged


@pytest.fixture(scope="module")
def pump_library(tmp_path_factory) -> Path:
    """A closed library of more than a thousand passages: enough for Chroma to write its HNSW index files."""
    folder = tmp_path_factory.mktemp("pump_library")
    sentences = " ".join(f"Valve {n} must be checked every {n + 10} days." for n in range(5000))
    make_pdf(folder / "valves.pdf", [sentences[i : i + 3000] for i in range(0, len(sentences), 3000)])
    make_pdf(folder / "pump.pdf", ["The pump seal is replaced every 500 hours."])
    engine = _open(folder / "data")
    engine.ingest([folder / "valves.pdf", folder / "pump.pdf"])
    engine.close()
    return folder / "data"


def _copy(library: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(library, tmp_path / "data"))


def test_a_damaged_vector_store_is_rebuilt_at_start_and_nothing_is_lost(pump_library, tmp_path):
    engine = _open(_copy(pump_library, tmp_path))
    passages = sum(r.chunks for r in engine.documents())
    assert passages > 1100
    folder = Path(engine.store._client.get_settings().persist_directory)
    engine.close()

    assert _damage(folder) >= 1
    engine = _open(tmp_path / "data")
    try:
        assert engine.store.count(engine.store_name()) == passages
        assert engine.check().healthy
        assert engine.search("pump seal replaced", k=1)[0].source.endswith("pump.pdf")
        assert not folder.exists(), "the damaged folder is removed at the next start"
    finally:
        engine.close()
    reopened = _open(tmp_path / "data")
    try:
        assert reopened.store.count(reopened.store_name()) == passages
    finally:
        reopened.close()


_SEARCH_IN_A_CHILD = """
import logging
import sys
from pathlib import Path
from tests.engine.test_vector_recovery import _open
logging.basicConfig(level=logging.INFO)
if sys.argv[2] == "sabotage":
    import rag.store.library
    rag.store.library.index_files_read_safely = lambda *args: True
engine = _open(Path(sys.argv[1]))
print("FOUND", Path(engine.search("pump seal replaced", k=1)[0].source).name, flush=True)
print("REBUILT", engine.check().rebuilt_at_open, flush=True)
engine.close()
"""


def _search_in_a_child(data: Path, mode: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", _SEARCH_IN_A_CHILD, str(data), mode], capture_output=True, text=True, timeout=300,
        cwd=Path(__file__).resolve().parents[2],
    )


def test_an_index_file_cut_short_crashes_chroma_in_a_child_not_faro(pump_library, tmp_path):
    """A kill while Chroma writes its index can leave header.bin cut short; Chroma's native reader then dies with a
    segmentation fault on the first count. Faro reads changed index files in a child first and rebuilds instead."""
    data = _copy(pump_library, tmp_path)
    with _open(data) as engine:
        passages = sum(r.chunks for r in engine.documents())
    (header,) = data.glob("vectors/*/header.bin")
    header.write_bytes(header.read_bytes()[: header.stat().st_size // 2])
    unprotected = tmp_path / "unprotected"
    shutil.copytree(data, unprotected)

    sabotaged = _search_in_a_child(unprotected, "sabotage")
    assert sabotaged.returncode == -signal.SIGSEGV, "without the check the damaged file crashes the process"

    protected = _search_in_a_child(data, "normal")
    assert protected.returncode == 0, protected.stderr[-2000:]
    assert "FOUND pump.pdf" in protected.stdout and f"REBUILT {passages}" in protected.stdout
    assert "reading them in a child process first" in protected.stderr
    assert "crashed its process" in protected.stderr and "Rebuilt the vector store" in protected.stderr
    again = _search_in_a_child(data, "normal")
    assert again.returncode == 0 and "FOUND pump.pdf" in again.stdout and "REBUILT 0" in again.stdout
    assert "reading them in a child" not in again.stderr, "the rebuilt files, read without harm, are not read again"


def test_index_files_are_read_in_a_child_only_when_they_changed_since_faro_last_read_them(pump_library, tmp_path, monkeypatch):
    data = _copy(pump_library, tmp_path)
    checked: list[Path] = []

    def check(folder: Path) -> bool:
        checked.append(folder)
        return True

    monkeypatch.setattr(recovery, "vector_store_survives_reading", check)
    _open(data).close()
    assert checked == [], "closed normally, unchanged since"

    (segment_file,) = data.glob("vectors/*/length.bin")
    os.utime(segment_file, ns=(time.time_ns(), time.time_ns()))
    _open(data).close()
    assert checked == [data / "vectors"]
    _open(data).close()
    assert len(checked) == 1


_SCRIPT_WITHOUT_MAIN_GUARD = """
import logging
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from tests.engine.test_vector_recovery import _open
logging.basicConfig(level=logging.INFO)
engine = _open(Path(sys.argv[1]))
print("FOUND", Path(engine.search("pump seal replaced", k=1)[0].source).name, flush=True)
engine.close()
"""


def test_a_reading_process_that_cannot_start_leaves_the_store_alone(pump_library, tmp_path):
    """A script without a main guard makes every spawned child run it again: the child stops at the data-folder lock
    before reading anything. That says nothing of the files, so the store is not rebuilt."""
    data = _copy(pump_library, tmp_path)
    (segment_file,) = data.glob("vectors/*/length.bin")
    os.utime(segment_file, ns=(time.time_ns(), time.time_ns()))
    script = tmp_path / "search.py"
    script.write_text(_SCRIPT_WITHOUT_MAIN_GUARD, encoding="utf-8")
    result = subprocess.run([sys.executable, str(script), str(data), str(Path(__file__).resolve().parents[2])],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and "FOUND pump.pdf" in result.stdout, result.stderr[-2000:]
    assert "could not start" in result.stderr and "Rebuilt the vector store" not in result.stderr


def _checking_children() -> list[int]:
    return [p.pid for p in multiprocessing.active_children() if p.name == "faro-vector-check"]


def test_a_reader_that_segfaults_or_hangs_fails_the_check_and_leaves_no_process(tmp_path):
    from rag.store.vector_check import vector_store_survives_reading
    from tests.engine.hostile_readers import crash_reading, hang_reading

    assert vector_store_survives_reading(tmp_path, read=crash_reading) is False
    started = time.monotonic()
    assert vector_store_survives_reading(tmp_path, timeout_s=2, read=hang_reading) is False
    assert time.monotonic() - started < 15, "a hung reader is killed at the time limit"
    assert _checking_children() == []
