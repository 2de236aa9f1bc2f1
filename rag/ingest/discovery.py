"""Expands the paths a user dropped into the files to ingest, safely (symlink loops, permissions, hidden files)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from rag.ingest.loaders import SUPPORTED_SUFFIXES
from rag.status import Status
from rag.types import FileOutcome


def discover(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[FileOutcome]]:
    """Files to ingest (absolute, real, unique, in a stable order), and outcomes for paths that cannot be used."""
    files: list[Path] = []
    problems: list[FileOutcome] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw).expanduser().absolute()
        if path.is_dir():
            for found in _walk(path):
                if found.is_symlink() and not found.exists():
                    problems.append(_dangling(found))
                else:
                    _add(found, files, seen)
        elif path.exists():
            _add(path, files, seen)
        elif path.is_symlink():
            problems.append(_dangling(path))
        else:
            problems.append(FileOutcome(str(path), Status.FAILED, "The file or folder does not exist.", "not-found"))
    return files, problems


def _dangling(link: Path) -> FileOutcome:
    return FileOutcome(str(link), Status.FAILED, "The link points to a file that does not exist.", "not-found")


def _add(path: Path, files: list[Path], seen: set[Path]) -> None:
    real = path.resolve()
    if real not in seen:
        seen.add(real)
        files.append(real)


def _walk(folder: Path) -> list[Path]:
    """Supported files under ``folder``, following links but never visiting a folder twice."""
    found: list[Path] = []
    visited: set[tuple[int, int]] = set()
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            info = current.stat()
        except OSError:
            continue
        key = (info.st_dev, info.st_ino)
        if key in visited:
            continue
        visited.add(key)
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError:
            found.append(current)
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith((".", "~$")):
                continue
            try:
                if entry.is_dir(follow_symlinks=True):
                    subfolders.append(Path(entry.path))
                elif Path(entry.name).suffix.lower() in SUPPORTED_SUFFIXES:
                    found.append(Path(entry.path))
            except OSError:
                continue
        stack.extend(reversed(subfolders))
    return found
