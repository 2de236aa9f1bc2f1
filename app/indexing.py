"""The indexing queue: one file per engine call, so questions asked meanwhile run between files."""
from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from typing import Any, Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal

from app.wording import counted
from app.worker import EngineWorker
from rag.discovery import discover
from rag.progress import CancelToken
from rag.types import FileOutcome

log = logging.getLogger(__name__)

PASSWORD_KIND = "password"


@dataclass(frozen=True)
class QueuedFile:
    """A file waiting to be indexed into ``collection`` (with the password a protected PDF needs)."""

    path: str
    size: int
    collection: str
    password: str | None = None


@dataclass(frozen=True)
class IndexProgress:
    """What the progress strip shows: ``done`` of ``total`` files, the current one, and the time left."""

    done: int
    total: int
    current: str
    stage: str
    seconds_left: float | None
    verb: str = QT_TRANSLATE_NOOP("IndexProgress", "Indexing")
    part: float = 0.0


@dataclass
class BatchSummary:
    """Counts of one run of the queue, from the first file added until it emptied or was cancelled."""

    counts: dict[str, int] = field(default_factory=dict)
    cancelled: bool = False
    left_out: str = ""

    def add(self, outcome: Any) -> None:
        """Count a file's outcome; a protected PDF waiting for its password is not a failure."""
        status = "password" if outcome.status == "failed" and outcome.error_kind == PASSWORD_KIND else outcome.status
        self.counts[status] = self.counts.get(status, 0) + 1

    @property
    def problems(self) -> int:
        return self.counts.get("failed", 0) + self.counts.get("password", 0)

    def describe(self) -> str:
        """One short line for the status bar; the details of each problem are in the Problems list."""
        context = "BatchSummary"
        n = self.counts.get
        parts = [text for count, text in (
            (n("indexed", 0), counted(context, n("indexed", 0), QT_TRANSLATE_NOOP("BatchSummary", "1 added"), QT_TRANSLATE_NOOP("BatchSummary", "{n} added"))),
            (n("unchanged", 0), counted(context, n("unchanged", 0), QT_TRANSLATE_NOOP("BatchSummary", "1 unchanged"), QT_TRANSLATE_NOOP("BatchSummary", "{n} unchanged"))),
            (n("duplicate", 0), counted(context, n("duplicate", 0), QT_TRANSLATE_NOOP("BatchSummary", "1 duplicate"), QT_TRANSLATE_NOOP("BatchSummary", "{n} duplicates"))),
            (n("password", 0), counted(context, n("password", 0), QT_TRANSLATE_NOOP("BatchSummary", "1 needs a password"), QT_TRANSLATE_NOOP("BatchSummary", "{n} need a password"))),
            (n("failed", 0), counted(context, n("failed", 0), QT_TRANSLATE_NOOP("BatchSummary", "1 could not be read"), QT_TRANSLATE_NOOP("BatchSummary", "{n} could not be read"))),
        ) if count]
        if self.cancelled:
            head = QCoreApplication.translate("BatchSummary", "Indexing cancelled")
            if self.left_out:
                head += QCoreApplication.translate("BatchSummary", " (“{name}” was not added)").replace("{name}", self.left_out)
        else:
            head = QCoreApplication.translate("BatchSummary", "Indexing finished")
        summary = f"{head}: {', '.join(parts)}." if parts else f"{head}."
        if self.problems:
            summary += " " + QCoreApplication.translate("BatchSummary", "See Problems.")
        return summary


class ThroughputEstimate:
    """Time left from the bytes indexed per second so far (shown once the first file is done)."""

    def __init__(self) -> None:
        self.bytes_done = 0
        self.seconds = 0.0

    def record(self, size: int, seconds: float) -> None:
        self.bytes_done += max(size, 1)
        self.seconds += max(seconds, 0.0)

    def seconds_left(self, bytes_left: int) -> float | None:
        if self.bytes_done <= 0 or self.seconds <= 0:
            return None
        return bytes_left * self.seconds / self.bytes_done


def expand(paths: Iterable[str], collection: str, password: str | None) -> tuple[list[QueuedFile], list[Any]]:
    """Files to queue from dropped files and folders, and outcomes for paths that cannot be used (worker thread)."""
    files, problems = discover(paths)
    queued = []
    for path in files:
        try:
            size = os.path.getsize(path)
        except OSError:
            size = 0
        queued.append(QueuedFile(str(path), size, collection, password))
    return queued, problems


class IndexingController(QObject):
    """Feeds the engine one file at a time; reports progress, each file's outcome, and the end of the run."""

    progressChanged = Signal(object)  # IndexProgress
    queueChanged = Signal()
    fileFinished = Signal(object, str)  # rag.types.FileOutcome, collection
    finished = Signal(object)  # BatchSummary

    def __init__(self, worker: EngineWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._pending: list[QueuedFile] = []
        self._current: QueuedFile | None = None
        self._cancel = None
        self._batch = 0
        self._done = 0
        self._total = 0
        self._estimate = ThroughputEstimate()
        self._summary = BatchSummary()
        self._expanding = 0

    @property
    def active(self) -> bool:
        return self._current is not None or bool(self._pending) or self._expanding > 0

    @property
    def current(self) -> QueuedFile | None:
        return self._current

    def queued_paths(self, collection: str) -> list[str]:
        return [f.path for f in self._pending if f.collection == collection]

    def add(self, paths: Iterable[str], collection: str, password: str | None = None) -> None:
        """Queue files and folders (folders are expanded on the worker thread)."""
        paths = [str(p) for p in paths]
        if not paths:
            return
        self._expanding += 1
        batch = self._batch
        self._worker.submit(
            lambda _engine: expand(paths, collection, password),
            lambda result: self._on_expanded(batch, collection, result),
            self._on_expand_error,
        )
        self._emit_progress("", self.tr("Looking for documents…"))

    def cancel(self) -> None:
        """Stop the file being indexed and forget the files still waiting."""
        self._batch += 1
        self._pending.clear()
        if self._cancel is not None:
            self._cancel.cancel()
        self._summary.cancelled = True
        self.queueChanged.emit()
        if self._current is None and self._expanding == 0:
            self._finish()

    def _on_expanded(self, batch: int, collection: str, result: tuple[list[QueuedFile], list[Any]]) -> None:
        self._expanding -= 1
        if batch == self._batch:
            files, problems = result
            for outcome in problems:
                self._summary.add(outcome)
                self.fileFinished.emit(outcome, collection)
            waiting = {f.path for f in self._pending} | ({self._current.path} if self._current else set())
            fresh = [f for f in files if f.path not in waiting]
            self._pending.extend(fresh)
            self._total += len(fresh)
            self.queueChanged.emit()
        self._advance()

    def _on_expand_error(self, error: BaseException) -> None:
        log.error("Could not list the dropped files: %s", error)
        self._expanding -= 1
        self._summary.add(FileOutcome("", "failed", str(error), "error"))
        self._advance()

    def _advance(self) -> None:
        if self._current is not None:
            return
        if not self._pending:
            if self._expanding == 0:
                self._finish()
            return
        item = self._pending.pop(0)
        self._current, self._cancel = item, CancelToken()
        self.queueChanged.emit()
        self._emit_progress(os.path.basename(item.path), "starting")
        cancel, worker, started = self._cancel, self._worker, time.monotonic()

        def job(engine):
            if engine.collection != item.collection:
                engine.use_collection(item.collection)
            report = lambda p: worker.post(self._on_engine_progress, item, p)  # noqa: E731
            return engine.ingest([item.path], password=item.password, progress=report, cancel=cancel)

        self._worker.submit(job, lambda r: self._on_file_done(item, r, started), lambda e: self._on_file_error(item, e, started))

    def _on_engine_progress(self, item: QueuedFile, progress: Any) -> None:
        if item is self._current and progress.stage != "done":
            self._emit_progress(os.path.basename(item.path), progress.stage, progress.part)

    def _on_file_done(self, item: QueuedFile, report: Any, started: float) -> None:
        for outcome in report.outcomes:
            self._summary.add(outcome)
            self.fileFinished.emit(outcome, item.collection)
        if report.cancelled and not report.outcomes:
            self._summary.left_out = os.path.basename(item.path)
        self._file_ended(item, started, cancelled=report.cancelled)

    def _on_file_error(self, item: QueuedFile, error: BaseException, started: float) -> None:
        outcome = FileOutcome(item.path, "failed", str(error) or type(error).__name__, getattr(error, "kind", "error"))
        self._summary.add(outcome)
        self.fileFinished.emit(outcome, item.collection)
        self._file_ended(item, started, cancelled=False)

    def _file_ended(self, item: QueuedFile, started: float, cancelled: bool) -> None:
        self._estimate.record(item.size, time.monotonic() - started)
        self._current, self._cancel = None, None
        self._done += 1
        if cancelled:
            self._summary.cancelled = True
            self._pending.clear()
        self.queueChanged.emit()
        self._advance()

    def _finish(self) -> None:
        summary = self._summary
        self._done = self._total = 0
        self._summary = BatchSummary()
        self.finished.emit(summary)

    def _emit_progress(self, current: str, stage: str, part: float = 0.0) -> None:
        bytes_left = sum(f.size for f in self._pending) + (self._current.size if self._current else 0)
        self.progressChanged.emit(IndexProgress(
            self._done, max(self._total, self._done), current, stage, self._estimate.seconds_left(bytes_left), part=part
        ))
