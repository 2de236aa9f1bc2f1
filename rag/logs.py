"""A rotating log file in the platform's log folder, with per-file errors and timings."""
from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


def log_dir() -> Path:
    """``FARO_LOG_DIR`` or the platform's user log folder for Faro."""
    override = os.environ.get("FARO_LOG_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_log_dir("faro", appauthor=False))


def log_file() -> Path:
    return log_dir() / "faro.log"


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send Faro's log records to the rotating log file; returns its path (None if it cannot be written)."""
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
    root.setLevel(min(root.level, level) if root.level else level)
    for noisy in ("chromadb", "httpx", "urllib3", "sentence_transformers", "transformers", "pypdf"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    return path


@contextmanager
def output_to_log() -> Iterator[None]:
    """Warnings, log records and native stderr output (torch's exporter, onnxruntime's quantizer) go to the log file.

    For work whose chatter means nothing to a user; stderr is restored afterwards.
    """
    path = setup_logging()
    logging.captureWarnings(True)
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(path or os.devnull, "ab") as target:
            os.dup2(target.fileno(), 2)
            try:
                yield
            finally:
                sys.stderr.flush()
                os.dup2(saved, 2)
    finally:
        os.close(saved)
        logging.captureWarnings(False)
