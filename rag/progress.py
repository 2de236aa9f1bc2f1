"""Progress reports and cancel tokens passed into long engine operations."""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Callable

from rag.errors import Cancelled


@dataclass(frozen=True)
class Progress:
    """A snapshot of a long operation: ``done`` of ``total`` items, working on ``current`` (``part`` of it done)."""

    done: int
    total: int
    current: str = ""
    stage: str = ""
    part: float = 0.0


ProgressCallback = Callable[[Progress], None]


def no_progress(_: Progress) -> None:
    """A progress callback that ignores every report."""


class CancelToken:
    """Set from any thread; checked by the engine between units of work."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()
