"""Vector-store readers that crash or hang on purpose, importable by the spawned checking process."""
from __future__ import annotations

import os
import signal
import time


def crash_reading(folder: str) -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


def hang_reading(folder: str) -> None:
    time.sleep(3600)
