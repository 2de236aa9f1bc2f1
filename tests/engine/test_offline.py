"""Faro stays offline at the system-call level: no internet socket or DNS lookup, no file written outside its folders."""
from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

import pytest

from rag.offline import OFFLINE_ENVIRONMENT
from tests.documents import REPO, make_docx, make_pdf
from tests.engine.syscall_watch import outside, read_trace, run_traced, strace_available

pytestmark = [
    pytest.mark.real_models,
    pytest.mark.skipif(not strace_available(), reason="strace is not installed (.ci/run installs it)"),
]



def test_ingest_search_and_ask_from_a_fresh_start_touch_no_network_and_write_only_their_own_folders(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    safety = " ".join(f"Safety rule {n}: wear gloves, goggles and boots near the machine." for n in range(25))
    make_pdf(docs / "pump-manual.pdf", [safety, "Maintenance: replace the pump seal every 500 operating hours."])
    make_docx(docs / "politica.docx", [("h1", "Vacaciones"), ("p", "Cada empleado tiene 22 días hábiles de vacaciones al año.")])
    env = {key: value for key, value in os.environ.items() if key not in OFFLINE_ENVIRONMENT}
    env.update(PYTHONDONTWRITEBYTECODE="1", FARO_LOG_DIR=str(tmp_path / "logs"), PYTHONPATH=str(REPO))
    data = tmp_path / "data"
    traces = []

    def faro(*args: str):
        trace = tmp_path / f"trace-{len(traces)}.log"
        traces.append(trace)
        done = run_traced(
            [sys.executable, "-m", "rag.cli", *args, "--data-dir", str(data), "--json"],
            trace, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return json.loads(done.stdout)

    report = faro("ingest", str(docs))  # first start: the embedding model is prepared here, in its own process
    assert report["summary"]["indexed"] == 2
    assert list((data / "models").glob("*.onnx"))
    spanish = faro("search", "¿Cuántos días de vacaciones tiene cada empleado?", "--k", "1")
    assert spanish[0]["source"].endswith("politica.docx")
    answer = faro("ask", "How often should the pump seal be replaced?", "--max-tokens", "24")
    assert not answer["abstained"]

    for trace in traces:
        observed = read_trace(trace, tmp_path)
        assert observed.network == [], "\n".join(observed.network[:20])
        assert observed.written, "the trace saw no file writes at all: the watch is broken"
        temporary = [Path(tempfile.gettempdir()), Path("/var/tmp")]  # SQLite puts its temporary files in /var/tmp
        strays = outside(observed.written, [data, tmp_path / "logs", *temporary])
        assert strays == [], strays
