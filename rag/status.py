"""The statuses a document has in the registry and a file has after an ingest, as one enum."""
from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """Document statuses (indexing, ready, failed, duplicate) and ingest outcomes (indexed, unchanged, skipped too)."""

    INDEXING = "indexing"
    READY = "ready"
    FAILED = "failed"
    DUPLICATE = "duplicate"
    INDEXED = "indexed"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"
