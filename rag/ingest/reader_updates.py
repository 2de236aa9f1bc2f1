"""Finds the documents that an earlier version of Faro's readers read, so that they are read again."""
from __future__ import annotations

from pathlib import Path

from rag.ingest.loaders.reading import read_by_older_reader
from rag.status import Status
from rag.store.registry import Registry


def read_by_older_readers(registry: Registry) -> dict[str, list[str]]:
    """Per collection, the files of ready documents read by an older reader than today's and still where they were
    (adding them again reads them again; their earlier reading stays until the new one is saved)."""
    outdated: dict[str, list[str]] = {}
    for record in registry.documents(status=Status.READY):
        if read_by_older_reader(record.kind, record.reader) and Path(record.path).is_file():
            outdated.setdefault(record.collection, []).append(record.path)
    return outdated
