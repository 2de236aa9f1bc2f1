"""Ingest and ask end to end on the real bundled models with every network socket blocked, in every process."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.engine.conftest import make_docx, make_pdf

pytestmark = pytest.mark.real_models

_BLOCKER = '''
import os, socket, traceback
_real_socket = socket.socket
class _Blocked(_real_socket):
    def __init__(self, family=socket.AF_INET, *args, **kwargs):
        if family != socket.AF_UNIX:
            with open(os.environ["FARO_SOCKET_LOG"], "a") as log:
                log.write("".join(traceback.format_stack()) + "\\n----\\n")
            raise OSError("network access attempted while Faro must be offline")
        super().__init__(family, *args, **kwargs)
socket.socket = _Blocked
def _no_connection(*args, **kwargs):
    with open(os.environ["FARO_SOCKET_LOG"], "a") as log:
        log.write("create_connection/getaddrinfo " + repr(args) + "\\n")
    raise OSError("network access attempted while Faro must be offline")
socket.create_connection = _no_connection
socket.getaddrinfo = _no_connection
'''


def test_ingest_and_ask_work_with_all_network_sockets_blocked(tmp_path):
    blocker_dir = tmp_path / "blocker"
    blocker_dir.mkdir()
    (blocker_dir / "sitecustomize.py").write_text(_BLOCKER, encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    safety = " ".join(f"Safety rule {n}: wear gloves, goggles and boots near the machine." for n in range(25))
    make_pdf(docs / "pump-manual.pdf", [safety, "Maintenance: replace the pump seal every 500 operating hours."])
    make_docx(docs / "politica.docx", [("h1", "Vacaciones"), ("p", "Cada empleado tiene 22 días hábiles de vacaciones al año.")])
    socket_log = tmp_path / "sockets.log"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(blocker_dir), str(Path(__file__).resolve().parents[2])]),
        "FARO_SOCKET_LOG": str(socket_log),
        "FARO_LOG_DIR": str(tmp_path / "logs"),
    }
    for key in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "ANONYMIZED_TELEMETRY"):
        env.pop(key, None)
    data = ["--data-dir", str(tmp_path / "data")]

    def faro(*args: str) -> dict:
        done = subprocess.run([sys.executable, "-m", "rag.cli", *args, *data, "--json"], env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    report = faro("ingest", str(docs))
    assert report["summary"]["indexed"] == 2
    answer = faro("ask", "How often should the pump seal be replaced?", "--max-tokens", "48")
    assert not answer["abstained"] and answer["answer"].strip()
    assert answer["closest"][0]["source"].endswith("pump-manual.pdf") and answer["closest"][0]["page_start"] == 2
    spanish = faro("search", "¿Cuántos días de vacaciones tiene cada empleado?", "--k", "1")
    assert spanish[0]["source"].endswith("politica.docx") and spanish[0]["section"] == "Vacaciones"
    assert not socket_log.exists(), socket_log.read_text()
