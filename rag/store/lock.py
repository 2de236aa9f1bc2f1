"""An exclusive lock on the data folder, so two Faro processes never write the same library."""
from __future__ import annotations

import fcntl
import os
from pathlib import Path

from rag.errors import LibraryLocked

LOCK_FILE_NAME = "faro.lock"


class DataFolderLock:
    """Held for the engine's lifetime; released by ``release`` or when the process ends (even if killed)."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / LOCK_FILE_NAME
        self._handle = open(self.path, "a+")
        try:
            fcntl.flock(self._handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            self._handle.seek(0)
            holder = self._handle.read().strip() or "another process"
            self._handle.close()
            raise LibraryLocked(
                f"Faro is already open on the data folder {data_dir} (process {holder}). "
                "Close the other Faro window or command first, or use another --data-dir."
            ) from exc
        self._handle.seek(0)
        self._handle.truncate()
        self._handle.write(str(os.getpid()))
        self._handle.flush()

    def release(self) -> None:
        if not self._handle.closed:
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
