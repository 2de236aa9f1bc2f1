"""The data folder: created private to the user and proved writable before the library opens."""
from __future__ import annotations

import os
from pathlib import Path

from rag.errors import DataFolderError


def prepare_data_dir(path: Path) -> Path:
    """Create ``path`` (mode 0700) and check a file can be written there; a plain message when not."""
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(path, 0o700)
        probe = path / ".write-test"
        probe.write_text("ok")
        probe.unlink()
    except OSError as exc:
        raise DataFolderError(
            f"Faro cannot write to its data folder {path}: {exc.strerror or exc}. "
            "Free some disk space or choose another folder with --data-dir or FARO_HOME."
        ) from exc
    return path
