"""Loaders that misbehave like hostile files do, importable by the spawned parse worker.

``by_name`` picks the misbehaviour from the file name, so one batch can mix good and hostile files:
hang-* sleeps, spin-* loops, bomb-* allocates without end, segv-* segfaults, exit-* exits, deep-* recurses,
boom-* raises an unexpected exception; other files are read normally.
"""
from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from rag.ingest.loaders import load_document


def sleep_forever(path: Path, password: str | None = None):
    time.sleep(3600)


def spin_forever(path: Path, password: str | None = None):
    count = 0
    while True:
        count += 1


def allocate_without_end(path: Path, password: str | None = None):
    blocks = []
    while True:
        blocks.append(bytearray(64 * 1024 * 1024))


def allocate_at_once(path: Path, password: str | None = None):
    return bytearray(64 * 1024**3)


def segfault(path: Path, password: str | None = None):
    os.kill(os.getpid(), signal.SIGSEGV)
    time.sleep(10)


def exit_abruptly(path: Path, password: str | None = None):
    os._exit(3)


def recurse(path: Path, password: str | None = None):
    return recurse(path, password)


def raise_unexpected(path: Path, password: str | None = None):
    raise ZeroDivisionError("unexpected parser bug")


_BY_PREFIX = {
    "hang": sleep_forever,
    "spin": spin_forever,
    "bomb": allocate_without_end,
    "huge": allocate_at_once,
    "segv": segfault,
    "exit": exit_abruptly,
    "deep": recurse,
    "boom": raise_unexpected,
}


def by_name(path: Path, password: str | None = None):
    behaviour = _BY_PREFIX.get(Path(path).name.split("-")[0], load_document)
    return behaviour(Path(path), password)
