"""The indexing queue: a few files per engine call, so questions asked meanwhile run between groups."""
from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from typing import Any, Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal

from app.wording import counted
from app.worker import EngineOp, EngineWorker
from rag import CancelToken, FileOutcome, Status

log = logging.getLogger(__name__)

PASSWORD_KIND = "password"
GROUP_FILES = 16


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
        status = "password" if outcome.status == Status.FAILED and outcome.error_kind == PASSWORD_KIND else outcome.status
        self.counts[status] = self.counts.get(status, 0) + 1

    @property
    def problems(self) -> int:
        return self.counts.get(Status.FAILED, 0) + self.counts.get("password", 0)

    def describe(self) -> str:
        """One short line for the status bar; the details of each problem are in the Problems list."""
        context = "BatchSummary"
        n = self.counts.get
        parts = [text for count, text in (
            (n(Status.INDEXED, 0), counted(context, n(Status.INDEXED, 0), QT_TRANSLATE_NOOP("BatchSummary", "1 added"), QT_TRANSLATE_NOOP("BatchSummary", "{n} added"))),
            (n(Status.REREAD, 0), counted(context, n(Status.REREAD, 0), QT_TRANSLATE_NOOP("BatchSummary", "1 read again"), QT_TRANSLATE_NOOP("BatchSummary", "{n} read again"))),
            (n(Status.UNCHANGED, 0), counted(context, n(Status.UNCHANGED, 0), QT_TRANSLATE_NOOP("BatchSummary", "1 unchanged"), QT_TRANSLATE_NOOP("BatchSummary", "{n} unchanged"))),
            (n(Status.DUPLICATE, 0), counted(context, n(Status.DUPLICATE, 0), QT_TRANSLATE_NOOP("BatchSummary", "1 duplicate"), QT_TRANSLATE_NOOP("BatchSummary", "{n} duplicates"))),
            (n("password", 0), counted(context, n("password", 0), QT_TRANSLATE_NOOP("BatchSummary", "1 needs a password"), QT_TRANSLATE_NOOP("BatchSummary", "{n} need a password"))),
            (n(Status.FAILED, 0), counted(context, n(Status.FAILED, 0), QT_TRANSLATE_NOOP("BatchSummary", "1 could not be read"), QT_TRANSLATE_NOOP("BatchSummary", "{n} could not be read"))),
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


def expand(engine: Any, paths: Iterable[str], collection: str, password: str | None) -> tuple[list[QueuedFile], list[Any]]:
    """Files to queue from dropped files and folders, and outcomes for paths that cannot be used (worker thread)."""
    files, problems = engine.find_files(paths)
    queued = []
    for path in files:
        try:
            size = os.path.getsize(path)
        except OSError:
            size = 0
        queued.append(QueuedFile(str(path), size, collection, password))
    return queued, problems


class IndexingController(QObject):
    """Feeds the engine a group of files at a time; reports progress, each file's outcome, and the end of the run."""

    progressChanged = Signal(object)  # IndexProgress
    queueChanged = Signal()
    fileFinished = Signal(object, str)  # rag.types.FileOutcome, collection
    finished = Signal(object)  # BatchSummary

    def __init__(self, worker: EngineWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._pending: list[QueuedFile] = []
        self._group: list[QueuedFile] = []
        self._working_on: QueuedFile | None = None
        self._cancel = None
        self._batch = 0
        self._done = 0
        self._group_start = 0
        self._group_counted = 0
        self._counted_at = 0.0
        self._total = 0
        self._estimate = ThroughputEstimate()
        self._summary = BatchSummary()
        self._expanding = 0

    @property
    def active(self) -> bool:
        return bool(self._group) or bool(self._pending) or self._expanding > 0

    @property
    def current(self) -> QueuedFile | None:
        """The file the engine is working on now."""
        return self._working_on

    def queued_paths(self, collection: str) -> list[str]:
        """Files still waiting, including those of the running group not reached yet."""
        waiting = [f for f in self._group if f is not self._working_on] + self._pending
        return [f.path for f in waiting if f.collection == collection]

    def waiting_files(self) -> dict[str, list[str]]:
        """Per collection, every file not indexed yet, the running group's unfinished ones included (those queued with a
        password left out)."""
        waiting: dict[str, list[str]] = {}
        for item in self._group[self._group_counted :] + self._pending:
            if item.password is None:
                waiting.setdefault(item.collection, []).append(item.path)
        return waiting

    def add(self, paths: Iterable[str], collection: str, password: str | None = None) -> None:
        """Queue files and folders (folders are expanded on the worker thread)."""
        paths = [str(p) for p in paths]
        if not paths:
            return
        self._expanding += 1
        batch = self._batch
        self._worker.run(EngineOp(
            "find files", lambda engine: expand(engine, paths, collection, password),
            lambda result: self._on_expanded(batch, collection, result), self._on_expand_error,
        ))
        self._emit_progress("", self.tr("Looking for documents…"))

    def cancel(self) -> None:
        """Stop the file being indexed and forget the files still waiting."""
        self._batch += 1
        self._pending.clear()
        if self._cancel is not None:
            self._cancel.cancel()
        self._summary.cancelled = True
        self.queueChanged.emit()
        if not self._group and self._expanding == 0:
            self._finish()

    def _on_expanded(self, batch: int, collection: str, result: tuple[list[QueuedFile], list[Any]]) -> None:
        self._expanding -= 1
        if batch == self._batch:
            files, problems = result
            for outcome in problems:
                self._summary.add(outcome)
                self.fileFinished.emit(outcome, collection)
            waiting = {f.path for f in self._pending} | {f.path for f in self._group}
            fresh = [f for f in files if f.path not in waiting]
            self._pending.extend(fresh)
            self._total += len(fresh)
            self.queueChanged.emit()
        self._advance()

    def _on_expand_error(self, error: BaseException) -> None:
        log.error("Could not list the dropped files: %s", error)
        self._expanding -= 1
        self._summary.add(FileOutcome("", Status.FAILED, str(error), "error"))
        self._advance()

    def _advance(self) -> None:
        if self._group:
            return
        if not self._pending:
            if self._expanding == 0:
                self._finish()
            return
        group = self._next_group()
        self._group, self._working_on, self._cancel = group, group[0], CancelToken()
        self._group_counted, self._counted_at = 0, time.monotonic()
        self.queueChanged.emit()
        self._emit_progress(os.path.basename(group[0].path), "starting")
        cancel, worker = self._cancel, self._worker
        collection, password = group[0].collection, group[0].password

        def job(engine):
            report = lambda p: worker.post(self._on_engine_progress, group, p)  # noqa: E731
            return engine.ingest_files(
                [f.path for f in group], password=password, progress=report, cancel=cancel, collection=collection,
                pause=worker.others_waiting,
            )

        self._worker.run(EngineOp("index files", job, lambda r: self._on_group_done(group, r), lambda e: self._on_group_error(group, e)))

    def _next_group(self) -> list[QueuedFile]:
        """The next files for one engine call: same collection and password, at most ``GROUP_FILES`` of them.

        One call lets the engine read the next file while it embeds one and save several documents at once; a
        question asked meanwhile waits for the group, not for the whole queue.
        """
        first = self._pending[0]
        group = [f for f in self._pending if f.collection == first.collection and f.password == first.password][:GROUP_FILES]
        chosen = {id(f) for f in group}
        self._pending = [f for f in self._pending if id(f) not in chosen]
        return group

    def _on_engine_progress(self, group: list[QueuedFile], progress: Any) -> None:
        if group is not self._group or progress.stage in ("done", "checking"):
            return
        named = next((f for f in group if os.path.basename(f.path) == progress.current), None)
        if named is not None and named is not self._working_on:
            self._working_on = named
            self.queueChanged.emit()
        self._count_done(min(progress.done, len(group)))
        self._emit_progress(progress.current, progress.stage, progress.part)

    def _count_done(self, done_in_group: int) -> None:
        """Files of the running group the engine has finished: they count as done and feed the time estimate."""
        if done_in_group > self._group_counted:
            now = time.monotonic()
            finished = self._group[self._group_counted : done_in_group]
            done_in_group = self._group_counted + len(finished)
            self._estimate.record(sum(f.size for f in finished), now - self._counted_at)
            self._group_counted, self._counted_at = done_in_group, now
            self._done = self._group_start + done_in_group

    def _on_group_done(self, group: list[QueuedFile], report: Any) -> None:
        by_path = {f.path: f for f in group}
        postponed = [by_path[p] for p in report.postponed if p in by_path]
        if postponed and not report.cancelled:  # the engine paused for a question: the rest goes first in the queue
            self._pending[:0] = postponed
            group = [f for f in group if f not in postponed]
        for outcome in report.outcomes:
            self._summary.add(outcome)
            self.fileFinished.emit(outcome, by_path.get(outcome.path, group[0]).collection)
        if report.cancelled:
            finished = {o.path for o in report.outcomes}
            self._summary.left_out = next((os.path.basename(f.path) for f in group if f.path not in finished), "")
        self._group_ended(group, cancelled=report.cancelled)

    def _on_group_error(self, group: list[QueuedFile], error: BaseException) -> None:
        for item in group:
            outcome = FileOutcome(item.path, Status.FAILED, str(error) or type(error).__name__, getattr(error, "kind", "error"))
            self._summary.add(outcome)
            self.fileFinished.emit(outcome, item.collection)
        self._group_ended(group, cancelled=False)

    def _group_ended(self, group: list[QueuedFile], cancelled: bool) -> None:
        self._count_done(len(group))
        self._group, self._working_on, self._cancel = [], None, None
        self._group_start += len(group)
        self._done = self._group_start
        if cancelled:
            self._summary.cancelled = True
            self._pending.clear()
        self.queueChanged.emit()
        self._advance()

    def _finish(self) -> None:
        summary = self._summary
        self._done = self._total = self._group_start = 0
        self._summary = BatchSummary()
        self.finished.emit(summary)

    def _emit_progress(self, current: str, stage: str, part: float = 0.0) -> None:
        bytes_left = sum(f.size for f in self._pending) + sum(f.size for f in self._group[self._group_counted :])
        self.progressChanged.emit(IndexProgress(
            self._done, max(self._total, self._done), current, stage, self._estimate.seconds_left(bytes_left), part=part
        ))
