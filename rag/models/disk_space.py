"""Checks a folder has room for a model file Faro is about to write, so a full disk gets a plain message."""
from __future__ import annotations

import shutil
from pathlib import Path

from rag.errors import NotEnoughSpace

MEGABYTE = 2**20


def require_free_space(folder: str | Path, needed_bytes: int, purpose: str) -> None:
    """Raise ``NotEnoughSpace`` unless ``folder`` (or the nearest existing folder above it) has ``needed_bytes`` free;
    ``purpose`` says what for ("Preparing the fast (ONNX) embedding model")."""
    existing = Path(folder)
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    free = shutil.disk_usage(existing).free
    if free < needed_bytes:
        raise NotEnoughSpace(
            f"{purpose} needs about {needed_bytes // MEGABYTE} MB of free disk space in {folder}, and "
            f"{free // MEGABYTE} MB are free. Free some space and try again."
        )
