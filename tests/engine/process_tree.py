"""Finds every process a test started, however deep and whether or not re-parented, by a marker in its environment."""
from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

MARK_VARIABLE = "FARO_TEST_PROCESS_MARK"


def new_mark() -> str:
    return uuid.uuid4().hex


def marked_processes(mark: str) -> list[int]:
    """Process ids whose environment carries ``mark`` (children inherit it through spawn and fork alike)."""
    needle = f"{MARK_VARIABLE}={mark}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if needle in (entry / "environ").read_bytes().split(b"\0"):
                stat = (entry / "stat").read_text()
                if stat.rsplit(")", 1)[1].split()[0] != "Z":
                    found.append(int(entry.name))
        except OSError:
            continue
    return found


def wait_until(condition, timeout_s: float, interval_s: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval_s)
    return condition()


def environment_with_mark(mark: str, **extra: str) -> dict[str, str]:
    return {**os.environ, MARK_VARIABLE: mark, **extra}
