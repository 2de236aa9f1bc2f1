"""The statuses a document has in the registry and a file has after an ingest, as one enum."""
from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """Document statuses (indexing, ready, failed, duplicate), ingest outcomes (also indexed, reread, unchanged, skipped) and
    the desktop app's queued files."""

    INDEXING = "indexing"
    READY = "ready"
    FAILED = "failed"
    DUPLICATE = "duplicate"
    INDEXED = "indexed"
    REREAD = "reread"  # the same file read again by a newer reader, its passages replaced
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"
    QUEUED = "queued"  # waiting in the desktop app's indexing queue
