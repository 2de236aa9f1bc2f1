"""Parses files in a separate process with a time and memory limit, so a hostile file cannot hang or crash Faro."""
from __future__ import annotations

import logging
import multiprocessing
import time
from pathlib import Path
from typing import Callable

from rag import errors
from rag.errors import DamagedFile, FileProblem, FileTooLarge, ParseTimeout
from rag.loaders import load_document
from rag.types import ExtractedDocument

log = logging.getLogger(__name__)

LoaderFunction = Callable[[Path, "str | None"], ExtractedDocument]


def _serve(connection, memory_mb: int, loader: LoaderFunction) -> None:
    """Worker loop: read (path, password), answer ("ok", document) or ("error", class name, message)."""
    import resource

    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        path, password = request
        try:
            connection.send(("ok", loader(Path(path), password)))
        except FileProblem as exc:
            connection.send(("error", type(exc).__name__, str(exc)))
        except MemoryError:
            connection.send(("error", "FileTooLarge", "The file is too large to read within Faro's memory limit."))
        except RecursionError:
            connection.send(("error", "DamagedFile", "The file's structure is nested too deeply to read (damaged?)."))
        except Exception as exc:  # any other failure of a third-party parser is a per-file error
            connection.send(("error", "DamagedFile", f"The file is damaged and cannot be read ({type(exc).__name__}: {str(exc)[:160]})."))


class IsolatedParser:
    """One long-lived worker process; ``submit`` a file, then collect its ``result`` within the time limit."""

    def __init__(self, timeout_s: float, memory_mb: int, loader: LoaderFunction = load_document) -> None:
        self.timeout_s = timeout_s
        self.memory_mb = memory_mb
        self._loader = loader
        self._context = multiprocessing.get_context("spawn")
        self._process = None
        self._connection = None
        self._submitted_at: float | None = None

    def submit(self, path: Path, password: str | None = None) -> None:
        """Start parsing ``path`` in the worker; at most one file is in flight."""
        if self._submitted_at is not None:
            raise RuntimeError("A file is already being parsed; collect its result first.")
        self._ensure_worker()
        try:
            self._connection.send((str(path), password))
        except (BrokenPipeError, OSError):
            self._restart()
            self._connection.send((str(path), password))
        self._submitted_at = time.monotonic()

    def result(self) -> ExtractedDocument:
        """The parsed document of the last ``submit``, or the ``FileProblem`` it ended with."""
        if self._submitted_at is None:
            raise RuntimeError("No file was submitted.")
        remaining = self.timeout_s - (time.monotonic() - self._submitted_at)
        self._submitted_at = None
        try:
            ready = self._connection.poll(max(0.0, remaining))
        except (EOFError, OSError):
            ready = True
        if not ready:
            self._kill()
            raise ParseTimeout(f"Reading the file took longer than {self.timeout_s:.0f} seconds and was stopped.")
        try:
            message = self._connection.recv()
        except (EOFError, OSError):
            code = self._process.exitcode if self._process else None
            self._kill()
            if code is not None and code < 0 and abs(code) == 9:
                raise FileTooLarge("Reading the file needed more memory than Faro allows and was stopped.")
            raise DamagedFile("The file crashed the document reader (it is probably damaged).")
        if message[0] == "ok":
            return message[1]
        error_class = getattr(errors, message[1], DamagedFile)
        raise error_class(message[2])

    def close(self) -> None:
        """Stop the worker process."""
        if self._connection is not None:
            try:
                self._connection.close()
            except OSError:
                pass
        if self._process is not None:
            self._process.join(timeout=2)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
        self._process = None
        self._connection = None
        self._submitted_at = None

    def _ensure_worker(self) -> None:
        if self._process is None or not self._process.is_alive():
            self._restart()

    def _restart(self) -> None:
        self._kill()
        parent_end, child_end = self._context.Pipe()
        process = self._context.Process(
            target=_serve, args=(child_end, self.memory_mb, self._loader), daemon=True, name="faro-parser"
        )
        process.start()
        child_end.close()
        self._process, self._connection = process, parent_end

    def _kill(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.kill()
        if self._process is not None:
            self._process.join()
        if self._connection is not None:
            self._connection.close()
        self._process = None
        self._connection = None
        self._submitted_at = None
