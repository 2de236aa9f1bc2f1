"""Runs a language model in a child process kept warm between questions; a native crash there never reaches Faro."""
from __future__ import annotations

import logging
import multiprocessing
import signal
import time
from typing import Any, Callable, Iterator, Protocol

from rag.child_process import prepare_child, start_child
from rag.errors import FaroError
from rag.progress import CancelToken

log = logging.getLogger(__name__)

START_TIMEOUT_S = 300.0
POLL_INTERVAL_S = 0.05
CANCEL_GRACE_S = 3.0
CRASH_SIGNALS = frozenset({signal.SIGSEGV, signal.SIGILL, signal.SIGBUS, signal.SIGABRT, signal.SIGFPE})


class ModelBackend(Protocol):
    """What runs inside the child: a loaded model that counts tokens and streams a chat reply."""

    def describe(self) -> dict[str, Any]: ...

    def self_test(self) -> None: ...

    def count_tokens(self, text: str) -> int: ...

    def stream(self, messages: list[dict[str, str]], max_tokens: int, temperature: float) -> Iterator[str]: ...


BackendFactory = Callable[[Any], ModelBackend]


class ModelProcessDied(Exception):
    """The child process ended without being asked to; ``exit_code`` is negative when a signal killed it."""

    def __init__(self, exit_code: int | None, during: str, timed_out_after_s: float | None = None) -> None:
        super().__init__(f"model process ended with exit code {exit_code} during {during}")
        self.exit_code = exit_code
        self.during = during
        self.timed_out_after_s = timed_out_after_s

    @property
    def crashed(self) -> bool:
        """Killed by a native fault (segfault, illegal instruction, abort…), not by the system or a user."""
        return self.exit_code is not None and self.exit_code < 0 and -self.exit_code in CRASH_SIGNALS

    @property
    def out_of_memory(self) -> bool:
        return self.exit_code == -signal.SIGKILL


class ModelLoadFailed(Exception):
    """The backend raised an ordinary Python error (bad file, not enough memory); carries its message."""


def _serve(connection, settings: Any, factory: BackendFactory, parent_pid: int) -> None:
    """Child main: load and self-test the model, then answer ``count``/``stream`` requests until ``close``."""
    prepare_child(parent_pid)
    logging.getLogger().addHandler(logging.NullHandler())
    try:
        backend = factory(settings)
        backend.self_test()
    except Exception as exc:  # a Python-level load error is reported; a native crash kills the process instead
        connection.send(("failed", str(exc) if isinstance(exc, FaroError) else f"{type(exc).__name__}: {exc}"))
        return
    connection.send(("ready", backend.describe()))
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        if request[0] == "close":
            return
        if request[0] == "count":
            connection.send(("count", backend.count_tokens(request[1])))
        elif request[0] == "stream":
            _stream(connection, backend, *request[1:])


def _stream(connection, backend: ModelBackend, request_id: int, messages, max_tokens: int, temperature: float) -> None:
    pieces = 0
    try:
        for piece in backend.stream(messages, max_tokens, temperature):
            if connection.poll() and connection.recv()[0] == "cancel":
                break
            connection.send(("piece", request_id, piece))
            pieces += 1
    except Exception as exc:
        connection.send(("error", request_id, f"{type(exc).__name__}: {exc}"))
        return
    connection.send(("done", request_id, pieces))


class ModelProcess:
    """The parent's handle on one model child process: start, count tokens, stream with cancel, close."""

    def __init__(self, settings: Any, factory: BackendFactory) -> None:
        self.settings = settings
        self._factory = factory
        self._context = multiprocessing.get_context("spawn")
        self._process = None
        self._connection = None
        self._request_id = 0
        self._unfinished: int | None = None
        self.description: dict[str, Any] = {}

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None and self._process.is_alive() else None

    def start(self) -> dict[str, Any]:
        """Start the child and wait until its model is loaded and self-tested; returns the backend's description."""
        self.spawn()
        return self.wait_ready()

    def spawn(self) -> None:
        """Start a fresh child (replacing any running one) without waiting for its model to load."""
        self.close()
        self._process, self._connection = start_child(self._context, _serve, (self.settings, self._factory), "faro-model")

    def wait_ready(self) -> dict[str, Any]:
        """Block until the spawned child has loaded its model (at once if it already has)."""
        if self.description:
            return self.description
        if self._process is None:
            self.spawn()
        message = self._receive("loading the model", START_TIMEOUT_S)
        if message[0] == "failed":
            self.close()
            raise ModelLoadFailed(message[1])
        self.description = message[1]
        return self.description

    def count_tokens(self, text: str) -> int:
        self.wait_ready()
        self._settle()
        self._send(("count", text), "counting tokens")
        return self._receive("counting tokens")[1]

    def stream(
        self, messages: list[dict[str, str]], max_tokens: int, temperature: float, cancel: CancelToken | None = None
    ) -> Iterator[str]:
        """Pieces of the reply as the child produces them; returns within ``POLL_INTERVAL_S`` of ``cancel``."""
        self.wait_ready()
        self._settle()
        self._request_id += 1
        request_id = self._request_id
        self._send(("stream", request_id, messages, max_tokens, temperature), "answering")
        self._unfinished = request_id
        try:
            while cancel is None or not cancel.cancelled:
                if not self._poll(POLL_INTERVAL_S, "answering"):
                    continue
                message = self._receive("answering")
                if message[1] != request_id:
                    continue
                if message[0] == "piece":
                    yield message[2]
                elif message[0] == "done":
                    self._unfinished = None
                    return
                else:
                    self._unfinished = None
                    raise ModelLoadFailed(message[2])
        finally:
            if self._unfinished == request_id and self._connection is not None:
                self._send(("cancel",), "stopping")

    def close(self) -> None:
        """Ask the child to exit; kill it if it does not within a second."""
        if self._connection is not None:
            try:
                self._connection.send(("close",))
            except (BrokenPipeError, OSError):
                pass
        if self._process is not None:
            self._process.join(timeout=1)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
        if self._connection is not None:
            self._connection.close()
        self._process = self._connection = None
        self._unfinished = None
        self.description = {}

    def kill(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.kill()
        self.close()

    def _settle(self) -> None:
        """Wait for a stopped reply to end in the child (its leftover pieces are dropped); restart a child that hangs."""
        if self._unfinished is None:
            return
        deadline = time.monotonic() + CANCEL_GRACE_S
        while time.monotonic() < deadline:
            if self._poll(POLL_INTERVAL_S, "stopping"):
                message = self._receive("stopping")
                if message[0] in ("done", "error") and message[1] == self._unfinished:
                    self._unfinished = None
                    return
        log.warning("The model process did not stop within %.0f s; restarting it", CANCEL_GRACE_S)
        self.start()

    def _send(self, message: tuple, during: str) -> None:
        if self._connection is None:
            raise ModelProcessDied(None, during)
        try:
            self._connection.send(message)
        except (BrokenPipeError, OSError):
            raise self._died(during) from None

    def _poll(self, timeout: float, during: str) -> bool:
        if self._connection is None:
            raise ModelProcessDied(None, during)
        try:
            return self._connection.poll(timeout)
        except (EOFError, OSError):
            raise self._died(during) from None

    def _receive(self, during: str, timeout: float | None = None) -> tuple:
        if self._connection is None:
            raise ModelProcessDied(None, during)
        try:
            if timeout is not None and not self._connection.poll(timeout):
                self.kill()
                raise ModelProcessDied(None, during, timed_out_after_s=timeout)
            return self._connection.recv()
        except (EOFError, OSError):
            raise self._died(during) from None

    def _died(self, during: str) -> ModelProcessDied:
        exit_code = None
        if self._process is not None:
            self._process.join(timeout=2)
            exit_code = self._process.exitcode
        self.kill()
        return ModelProcessDied(exit_code, during)
