"""Parses files in a separate process with a time and memory limit, so a hostile file cannot hang or crash Faro."""
from __future__ import annotations

import logging
import multiprocessing
import time
from pathlib import Path
from typing import Callable

from rag import errors
from rag.child_process import prepare_child, start_child
from rag.errors import Cancelled, DamagedFile, FileProblem, FileTooLarge, ParseTimeout
from rag.ingest.loaders import load_document
from rag.ingest.loaders.reading import ReadOptions, reading
from rag.types import ExtractedDocument

log = logging.getLogger(__name__)

LoaderFunction = Callable[[Path, "str | None"], ExtractedDocument]
PageProgress = Callable[[int, int, str], None]

WORKER_START_TIMEOUT_S = 60.0
CANCEL_CHECK_S = 0.25
MAX_EXTRACTED_CHARS = 50_000_000


def _serve(connection, memory_mb: int, loader: LoaderFunction, parent_pid: int) -> None:
    """Worker loop: read (path, password, options), send ("page", n, pages, note) while reading slow pages, then
    answer ("ok", document) or ("error", class name, message)."""
    prepare_child(parent_pid)
    _limit_memory(memory_mb)
    logging.getLogger().addHandler(logging.NullHandler())  # parser chatter stays out of the user's terminal
    _import_readers()
    connection.send(("ready",))
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        path, password, options = request
        try:
            with reading(options, lambda page, pages, note: connection.send(("page", page, pages, note))):
                answer = _parse(loader, Path(path), password)
            connection.send(answer)
        except (BrokenPipeError, OSError):
            return


def _import_readers() -> None:
    """The PDF and Word libraries, imported before the worker says it is ready: the first file after a restart no
    longer spends its time limit importing them (on a busy machine a decompression bomb read just after the worker
    was restarted timed out instead of being refused)."""
    import docx  # noqa: F401
    import pypdf  # noqa: F401
    import pypdfium2  # noqa: F401


def _parse(loader: LoaderFunction, path: Path, password: str | None) -> tuple:
    try:
        document = loader(path, password)
        if sum(len(p.text) for p in document.pages) > MAX_EXTRACTED_CHARS:
            raise FileTooLarge(
                f"The file holds more than {MAX_EXTRACTED_CHARS // 1_000_000} million characters of text; "
                "split it into smaller files."
            )
        return ("ok", document)
    except FileProblem as exc:
        return ("error", type(exc).__name__, str(exc))
    except MemoryError:
        return ("error", "FileTooLarge", "The file is too large to read within Faro's memory limit.")
    except RecursionError:
        return ("error", "DamagedFile", "The file's structure is nested too deeply to read (damaged?).")
    except Exception as exc:  # any other failure of a third-party parser is a per-file error
        return ("error", "DamagedFile", f"The file is damaged and cannot be read ({type(exc).__name__}: {str(exc)[:160]}).")


def _limit_memory(memory_mb: int) -> None:
    try:
        import resource

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError) as exc:  # not every platform can cap address space
        log.warning("The parse worker runs without a memory limit: %s", exc)


class IsolatedParser:
    """One long-lived worker process; ``submit`` a file, then collect its ``result`` within the time limit."""

    def __init__(
        self, timeout_s: float, memory_mb: int, loader: LoaderFunction = load_document, options: ReadOptions = ReadOptions()
    ) -> None:
        self.timeout_s = timeout_s
        self.memory_mb = memory_mb
        self.options = options
        self._loader = loader
        self._context = multiprocessing.get_context("spawn")
        self._process = None
        self._connection = None
        self._submitted_at: float | None = None

    @property
    def worker_pid(self) -> int | None:
        """The worker's process id, while one runs."""
        return self._process.pid if self._process is not None and self._process.is_alive() else None

    def submit(self, path: Path, password: str | None = None) -> None:
        """Start parsing ``path`` in the worker; at most one file is in flight.

        A file whose result was never collected (its ingest stopped on an error) is abandoned with its worker.
        """
        if self._submitted_at is not None:
            log.warning("Abandoning a parse whose result was never collected")
            self._kill()
        self._ensure_worker()
        try:
            self._connection.send((str(path), password, self.options))
        except (BrokenPipeError, OSError):
            self._restart()
            self._connection.send((str(path), password, self.options))
        self._submitted_at = time.monotonic()

    def result(self, on_page: PageProgress | None = None, cancel=None) -> ExtractedDocument:
        """The parsed document of the last ``submit``, or the ``FileProblem`` it ended with.

        ``on_page`` hears of each slow page (an OCR'd scan) as it is read; every such page restarts the time limit.
        A ``cancel`` token that is set stops the worker within a fraction of a second.
        """
        if self._submitted_at is None:
            raise RuntimeError("No file was submitted.")
        deadline = self._submitted_at + self.timeout_s
        self._submitted_at = None
        while True:
            message = self._next_message(deadline, cancel)
            if message[0] != "page":
                break
            deadline = time.monotonic() + self.timeout_s
            if on_page is not None:
                on_page(*message[1:])
        if message[0] == "ok":
            return message[1]
        if message[1] == "FileTooLarge":
            self._kill()  # a fresh worker, so the next file does not inherit a fragmented heap
        error_class = getattr(errors, message[1], DamagedFile)
        raise error_class(message[2])

    def abandon(self) -> None:
        """Stop a parse in flight (the worker with it); an idle worker is kept for the next file."""
        if self._submitted_at is not None:
            self._kill()

    def _next_message(self, deadline: float, cancel) -> tuple:
        while True:
            if cancel is not None and cancel.cancelled:
                self._kill()
                raise Cancelled()
            remaining = deadline - time.monotonic()
            try:
                ready = self._connection.poll(max(0.0, min(remaining, CANCEL_CHECK_S)))
            except (EOFError, OSError):
                ready = True
            if not ready and remaining <= CANCEL_CHECK_S:
                self._kill()
                raise ParseTimeout(f"Reading the file took longer than {self.timeout_s:.0f} seconds and was stopped.")
            if not ready:
                continue
            try:
                return self._connection.recv()
            except (EOFError, OSError):
                code = self._exit_code()
                if code is not None and code < 0 and abs(code) == 9:
                    raise FileTooLarge("Reading the file needed more memory than Faro allows and was stopped.")
                raise DamagedFile("The file crashed the document reader (it is probably damaged).")

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
        """A fresh worker, started before the file's clock runs (its start-up is not the file's fault)."""
        self._kill()
        process, parent_end = start_child(self._context, _serve, (self.memory_mb, self._loader), "faro-parser")
        self._process, self._connection = process, parent_end
        try:
            started = parent_end.poll(WORKER_START_TIMEOUT_S) and parent_end.recv() == ("ready",)
        except (EOFError, OSError):
            started = False
        if not started:
            self._kill()
            raise errors.FaroError("Faro's document reader (a helper process) could not start; see the log file.")

    def _exit_code(self) -> int | None:
        """Wait for the dead worker and return its exit code (negative: killed by that signal)."""
        process = self._process
        if process is not None:
            process.join(timeout=2)
        self._kill()
        return process.exitcode if process is not None else None

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
