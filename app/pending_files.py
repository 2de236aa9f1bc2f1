"""Files waiting to be indexed, kept in the data folder so that Faro closed or killed mid-batch goes on at next start."""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from app.indexing import IndexingController

log = logging.getLogger(__name__)

FILE_NAME = "pending-files.json"
# The queue changes with every file indexed: it is written at most this often (a kill loses only that much of it,
# and a file indexed twice is only found unchanged).
SAVE_DELAY_MS = 2000


class PendingFiles(QObject):
    """Saves the indexing queue (per collection) as it changes, and gives back what an earlier run left waiting."""

    def __init__(self, indexing: IndexingController, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.indexing = indexing
        self.path = Path(data_dir) / FILE_NAME
        self.left_waiting = load_pending(self.path)
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        indexing.queueChanged.connect(self._timer.start)

    def save(self) -> None:
        """Write the files still waiting now (a file queued with a password is left out: passwords are not kept)."""
        save_pending(self.path, self.indexing.waiting_files())

    def stop(self) -> None:
        """Save the queue as it is and stop following it (before the window cancels it on closing)."""
        self.indexing.queueChanged.disconnect(self._timer.start)
        self._timer.stop()
        self.save()


def load_pending(path: Path) -> dict[str, list[str]]:
    """Per collection, the files a file written by ``save_pending`` lists that still exist ({} if none or damaged)."""
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
        return {str(c): [str(p) for p in paths if os.path.isfile(p)] for c, paths in saved.items() if paths}
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, AttributeError, TypeError) as exc:
        log.warning("Ignoring the damaged list of files left to index %s: %s", path, exc)
        return {}


def save_pending(path: Path, files: dict[str, list[str]]) -> None:
    """Replace the list at ``path`` in one step (removed when nothing waits); a failure is logged, not raised."""
    try:
        if not any(files.values()):
            path.unlink(missing_ok=True)
            return
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(json.dumps(files, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        log.warning("Could not save the list of files left to index: %s", exc)
