"""No helper process outlives Faro: SIGKILL during first start, ingest, answer and in the desktop app."""
from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.documents import REPO, make_pdf
from tests.engine.process_tree import environment_with_mark, marked_processes, new_mark, wait_until

pytestmark = pytest.mark.real_models

SURVIVAL_LIMIT_S = 3.0


def _start(args: list[str], mark: str, **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", *args], cwd=REPO, env=environment_with_mark(mark, FARO_LOG_DIR=env.pop("logs"), **env),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )


def _kill_and_check(faro: subprocess.Popen, mark: str) -> None:
    assert faro.poll() is None, "Faro ended before it could be killed"
    faro.send_signal(signal.SIGKILL)
    faro.wait()
    survived = wait_until(lambda: not marked_processes(mark), SURVIVAL_LIMIT_S) or marked_processes(mark)
    for pid in marked_processes(mark):
        subprocess.run(["kill", "-9", str(pid)], check=False)
    assert survived is True, f"processes still alive {SURVIVAL_LIMIT_S} s after Faro was killed: {survived}"


def _children_appeared(mark: str, count: int) -> bool:
    return wait_until(lambda: len(marked_processes(mark)) > count, 120)


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Path:
    """A data folder whose embedding model is prepared and which holds one indexed manual."""
    root = tmp_path_factory.mktemp("orphans")
    docs = root / "docs"
    docs.mkdir()
    make_pdf(docs / "pump.pdf", ["Replace the impeller seal of the KX-440 pump every 1,800 operating hours."])
    done = subprocess.run(
        [sys.executable, "-m", "rag.cli", "ingest", str(docs), "--data-dir", str(root / "data")],
        cwd=REPO, capture_output=True, text=True, timeout=600, env=environment_with_mark(new_mark()),
    )
    assert done.returncode == 0, done.stderr
    return root / "data"


def test_no_process_survives_a_kill_during_the_first_start_model_preparation(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    make_pdf(docs / "a.pdf", ["Some text to index."])
    mark = new_mark()
    faro = _start(["rag.cli", "ingest", str(docs), "--data-dir", str(tmp_path / "data")], mark, logs=str(tmp_path / "logs"))
    assert _children_appeared(mark, 1)
    time.sleep(1.5)  # the export takes several seconds: it is under way now
    assert not list((tmp_path / "data" / "models").glob("*.onnx")), "the export finished before the kill"
    _kill_and_check(faro, mark)


def test_no_process_survives_a_kill_during_an_ingest(tmp_path, library):
    data = tmp_path / "data"
    shutil.copytree(library, data)
    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(40):
        make_pdf(docs / f"manual-{n}.pdf", [f"Manual {n}: check the valve {n} every week."] * 3)
    mark = new_mark()
    faro = _start(["rag.cli", "ingest", str(docs), "--data-dir", str(data)], mark, logs=str(tmp_path / "logs"))
    assert _children_appeared(mark, 1)
    time.sleep(0.5)
    _kill_and_check(faro, mark)


def test_no_process_survives_a_kill_during_an_answer(tmp_path, library):
    data = tmp_path / "data"
    shutil.copytree(library, data)
    mark = new_mark()
    question = "How often must the impeller seal of the KX-440 pump be replaced?"
    faro = _start(["rag.cli", "ask", question, "--data-dir", str(data), "--max-tokens", "400"], mark, logs=str(tmp_path / "logs"))
    assert _children_appeared(mark, 1)
    time.sleep(1.0)
    _kill_and_check(faro, mark)


def test_no_process_survives_a_kill_of_the_desktop_app(tmp_path, library):
    data = tmp_path / "data"
    shutil.copytree(library, data)
    mark = new_mark()
    faro = _start(
        ["app.launcher", "gui", "--data-dir", str(data)], mark, logs=str(tmp_path / "logs"), QT_QPA_PLATFORM="offscreen"
    )
    assert _children_appeared(mark, 1), "the app never started its model process"
    time.sleep(1.0)
    _kill_and_check(faro, mark)
