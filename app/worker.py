"""The one background thread that owns the engine; jobs run there in order and report back through Qt signals."""
from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, Callable, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot

if TYPE_CHECKING:
    from rag import Engine

log = logging.getLogger(__name__)

Result = TypeVar("Result")
EngineFactory = Callable[[], "Engine"]


@dataclass(frozen=True)
class EngineOp(Generic[Result]):
    """One named piece of work for the engine: ``run(engine)`` on the engine's thread, then ``done(result)`` or
    ``failed(error)`` on the GUI thread. The name is what the log shows."""

    name: str
    run: Callable[["Engine"], Result]
    done: Callable[[Result], None] | None = None
    failed: Callable[[BaseException], None] | None = None


class EngineWorker(QObject):
    """Runs engine operations one at a time on a single thread, which creates the engine on its first one.

    Every result, error, progress report and token comes back as a callable sent through one queued signal,
    so callbacks always run on the GUI thread and only the worker thread ever touches the engine (no locks).
    """

    _deliver = Signal(object)

    def __init__(self, engine_factory: EngineFactory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._factory = engine_factory
        self._engine = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="faro-engine")
        self._futures: set[Future] = set()
        self._futures_lock = threading.Lock()
        self._closed = False
        self._deliver.connect(self._run_delivered, Qt.ConnectionType.QueuedConnection)

    def run(self, op: EngineOp) -> Future | None:
        """Queue ``op``; its ``done`` or ``failed`` then runs on the GUI thread."""
        if self._closed:
            return None
        future = self._executor.submit(self._run_op, op)
        with self._futures_lock:
            self._futures.add(future)
        future.add_done_callback(self._forget)
        return future

    def others_waiting(self) -> bool:
        """From the running job: whether other jobs wait behind it (a long job can then pause for them)."""
        with self._futures_lock:
            return sum(1 for f in self._futures if not f.running() and not f.done()) > 0

    def post(self, callback: Callable[..., None], *args: Any) -> None:
        """From the worker thread: run ``callback(*args)`` on the GUI thread."""
        self._deliver.emit(partial(callback, *args))

    def shutdown(self) -> None:
        """Drop queued jobs, let the running one finish (cancel it first), close the engine, stop the thread."""
        if self._closed:
            return
        self._closed = True
        with self._futures_lock:
            queued = list(self._futures)
        for future in queued:
            future.cancel()
        self._executor.submit(self._close_engine)
        self._executor.shutdown(wait=True)

    def _forget(self, future: Future) -> None:
        with self._futures_lock:
            self._futures.discard(future)

    def _run_op(self, op: EngineOp) -> None:
        log.debug("engine operation: %s", op.name)
        try:
            if self._engine is None:
                self._engine = self._factory()
            value = op.run(self._engine)
        except Exception as exc:  # every failure must reach the GUI, never die silently on this thread
            if op.failed is not None:
                self.post(op.failed, exc)
            else:
                log.exception("Engine operation %r failed", op.name)
            return
        if op.done is not None:
            self.post(op.done, value)

    def _close_engine(self) -> None:
        if self._engine is not None:
            try:
                self._engine.close()
            except Exception:
                log.exception("Closing the engine failed")
            self._engine = None

    @Slot(object)
    def _run_delivered(self, callback: Callable[[], None]) -> None:
        callback()
