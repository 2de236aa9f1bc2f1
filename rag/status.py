"""The statuses a document has in the registry and a file has after an ingest, as one enum."""
from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """Document statuses (indexing, ready, failed, duplicate), ingest outcomes (also indexed, unchanged, skipped) and
    the desktop app's queued files."""

    INDEXING = "indexing"
    READY = "ready"
    FAILED = "failed"
    DUPLICATE = "duplicate"
    INDEXED = "indexed"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"
    QUEUED = "queued"  # waiting in the desktop app's indexing queue
