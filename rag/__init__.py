"""Faro's engine library: the public API (``Engine`` and the types, errors and settings it works with)."""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Public name → the module that defines it. Imported on first use, so that ``import rag`` stays cheap (the desktop
# window shows before any model, vector store or native library is imported).
_PUBLIC = {
    "Engine": "rag.engine",
    "Config": "rag.config",
    "default_data_dir": "rag.config",
    "DEFAULT_COLLECTION": "rag.config",
    "Status": "rag.status",
    "CancelToken": "rag.progress",
    "Progress": "rag.progress",
    "ProgressCallback": "rag.progress",
    "FaroError": "rag.errors",
    "Cancelled": "rag.errors",
    "ConfigError": "rag.errors",
    "DataFolderError": "rag.errors",
    "ModelError": "rag.errors",
    "retryable_kind": "rag.errors",
    "Answer": "rag.types",
    "DocumentRecord": "rag.types",
    "Evidence": "rag.types",
    "ExtractedDocument": "rag.types",
    "FileOutcome": "rag.types",
    "Hit": "rag.types",
    "IngestReport": "rag.types",
    "passage_location": "rag.types",
    "DoctorReport": "rag.doctor",
    "StepHook": "rag.library",
}

__all__ = sorted(_PUBLIC)

if TYPE_CHECKING:
    from rag.config import DEFAULT_COLLECTION, Config, default_data_dir
    from rag.doctor import DoctorReport
    from rag.engine import Engine
    from rag.errors import Cancelled, ConfigError, DataFolderError, FaroError, ModelError, retryable_kind
    from rag.library import StepHook
    from rag.progress import CancelToken, Progress, ProgressCallback
    from rag.status import Status
    from rag.types import Answer, DocumentRecord, Evidence, ExtractedDocument, FileOutcome, Hit, IngestReport, passage_location


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'rag' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
