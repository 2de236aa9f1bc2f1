"""Runs a short, engine-free call (a folder scan, a server check) on its own thread and reports back on the GUI thread."""
from __future__ import annotations

import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal


class BackgroundCall(QObject):
    """``fn()`` on a daemon thread; ``done(result)`` or ``failed(exception)`` arrive through queued signals."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self.running = False

    def start(self) -> None:
        self.running = True
        threading.Thread(target=self._run, name="faro-background", daemon=True).start()

    def _run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # reported to the GUI, which words it for the user
            self._emit(self.failed, exc)
        else:
            self._emit(self.done, result)

    def _emit(self, signal, value: Any) -> None:
        self.running = False
        try:
            signal.emit(value)
        except RuntimeError:
            pass  # the dialog that asked was closed meanwhile
