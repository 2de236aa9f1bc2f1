"""Starts llama-cpp-python's own OpenAI-compatible server on 127.0.0.1 and a free port, with the bundled model."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import keyring.backend

MODEL_ALIAS = "smollm2"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_available() -> str | None:
    """Why the server cannot run here (its packages are missing), or None."""
    try:
        import fastapi, sse_starlette, starlette_context, uvicorn  # noqa: F401, E401
    except ImportError as exc:
        return f"llama-cpp-python's server needs its packages (pip install -e '.[dev]'): {exc}"
    return None


class LlamaServer:
    """llama-cpp-python's server (in safe mode) as a child process; ``kill()`` ends it at once, as a crash would."""

    def __init__(self, log_dir: Path, port: int | None = None, api_key: str | None = None) -> None:
        from rag.models.bundled import bundled_llm_path

        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/v1"
        command = [
            sys.executable, "-m", "tests.safe_llama_server", "--model", str(bundled_llm_path()), "--model_alias", MODEL_ALIAS,
            "--host", "127.0.0.1", "--port", str(self.port), "--n_ctx", "4096", "--n_threads", "2",
        ]
        if api_key:
            command += ["--api_key", api_key]
        env = {**os.environ, "HF_HUB_OFFLINE": "1", "DO_NOT_TRACK": "1"}
        self.log = log_dir / f"llama-server-{self.port}.log"
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env,
                                            cwd=Path(__file__).resolve().parents[1])
        self._wait_ready(api_key)

    def _wait_ready(self, api_key: str | None, timeout_s: float = 120) -> None:
        deadline = time.monotonic() + timeout_s
        request = urllib.request.Request(self.url + "/models", headers={"Authorization": f"Bearer {api_key}"} if api_key else {})
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"llama_cpp.server exited: {self.log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(request, timeout=2) as reply:
                    json.load(reply)
                    return
            except OSError:
                time.sleep(0.3)
        self.kill()
        raise RuntimeError(f"llama_cpp.server did not start in {timeout_s} s: {self.log.read_text()[-2000:]}")

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(10)

    def __enter__(self) -> "LlamaServer":
        return self

    def __exit__(self, *exc) -> None:
        self.kill()


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A password store in memory, standing in for the operating system's during tests."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        from keyring.errors import PasswordDeleteError

        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError(username)
