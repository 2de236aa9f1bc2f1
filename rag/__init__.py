"""Faro's engine library: the public API (``Engine`` and the types, errors and settings it works with)."""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Public name → the module that defines it (or that module and its own name for it). Imported on first use, so
# that ``import rag`` stays cheap (the desktop window shows before any model, vector store or native library loads).
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
    "DoctorReport": "rag.store.doctor",
    "StepHook": "rag.store.library",
    "SavedTexts": "rag.store.saved_texts",
    "run_cli": ("rag.cli", "main"),
    "enforce_offline": "rag.offline",
    "setup_logging": "rag.logs",
    "log_file": "rag.logs",
    "interface_language": "rag.messages",
    "localize": "rag.messages",
    "answer_languages": ("rag.answer.language", "MESSAGES"),
    "answer_message": ("rag.answer.language", "message"),
    "make_quote": "rag.answer.prompt",
    "bundled_llm_path": "rag.models.bundled",
    "FoundModel": "rag.models.discovery",
    "find_models": "rag.models.discovery",
    "describe_model_file": ("rag.models.discovery", "describe"),
    "estimate_fit": "rag.models.fit",
    "gpu_free_memory_bytes": "rag.models.fit",
    "human_parameters": "rag.models.fit",
    "human_size": "rag.models.fit",
    "GgufInfo": "rag.models.gguf",
    "read_gguf_info": "rag.models.gguf",
    "load_api_key": "rag.models.api_keys",
    "save_api_key": "rag.models.api_keys",
    "ServerGenerator": "rag.models.server_generator",
    "leaves_private_network": "rag.models.server_address",
    "server_models": "rag.models.server_address",
}

__all__ = sorted(_PUBLIC)

if TYPE_CHECKING:
    from rag.answer.language import message as answer_message, MESSAGES as answer_languages
    from rag.answer.prompt import make_quote
    from rag.cli import main as run_cli
    from rag.config import Config, DEFAULT_COLLECTION, default_data_dir
    from rag.engine import Engine
    from rag.errors import Cancelled, ConfigError, DataFolderError, FaroError, ModelError, retryable_kind
    from rag.logs import log_file, setup_logging
    from rag.messages import interface_language, localize
    from rag.models.api_keys import load_api_key, save_api_key
    from rag.models.bundled import bundled_llm_path
    from rag.models.discovery import describe as describe_model_file, find_models, FoundModel
    from rag.models.fit import estimate_fit, gpu_free_memory_bytes, human_parameters, human_size
    from rag.models.gguf import GgufInfo, read_gguf_info
    from rag.models.server_address import leaves_private_network, server_models
    from rag.models.server_generator import ServerGenerator
    from rag.offline import enforce_offline
    from rag.progress import CancelToken, Progress, ProgressCallback
    from rag.status import Status
    from rag.store.doctor import DoctorReport
    from rag.store.library import StepHook
    from rag.store.saved_texts import SavedTexts
    from rag.types import (
        Answer,
        DocumentRecord,
        Evidence,
        ExtractedDocument,
        FileOutcome,
        Hit,
        IngestReport,
        passage_location,
    )


def __getattr__(name: str) -> Any:
    where = _PUBLIC.get(name)
    if where is None:
        raise AttributeError(f"module 'rag' has no attribute {name!r}")
    module, attribute = where if isinstance(where, tuple) else (where, name)
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value
    return value
