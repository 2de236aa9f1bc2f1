"""Finds the GGUF models other applications keep on this computer, reading only their headers and never changing them."""
from __future__ import annotations

import json
import logging
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping

from rag.errors import ModelError
from rag.models.gguf import GgufInfo, read_gguf_info

log = logging.getLogger(__name__)

CHAT, BASE, EMBEDDING, PROJECTOR, ADAPTER, UNREADABLE = "chat", "base", "embedding", "projector", "adapter", "unreadable"
EMBEDDING_ARCHITECTURES = {"bert", "nomic-bert", "nomic-bert-moe", "jina-bert-v2", "jina-bert-v3", "neo-bert", "modern-bert", "t5encoder"}
NOT_AN_ANSWER_MODEL = {
    BASE: "Base model without a chat template: it continues text instead of answering questions.",
    EMBEDDING: "Embedding model: it turns text into numbers for search and cannot write answers.",
    PROJECTOR: "Vision projector (mmproj): the picture part of another model, not a language model.",
    ADAPTER: "LoRA adapter: it changes another model and cannot answer on its own.",
}
OLLAMA_MODEL_LAYER = "application/vnd.ollama.image.model"
OLLAMA_REGISTRY = "registry.ollama.ai"
_LATER_SHARD = re.compile(r"-(\d{5})-of-\d{5}\.gguf$", re.IGNORECASE)
_MAX_DEPTH = 6


@dataclass(frozen=True)
class ModelFolder:
    """A folder where an application keeps models; ``layout`` is ``files`` (walk for .gguf) or ``ollama`` (manifests)."""

    app: str
    path: Path
    layout: str = "files"


@dataclass(frozen=True)
class FoundModel:
    """One GGUF file found on disk, what it is, and why it cannot answer questions when it cannot."""

    path: Path
    app: str
    label: str
    kind: str
    info: GgufInfo | None = None
    problem: str = ""

    @property
    def usable(self) -> bool:
        return self.kind == CHAT

    def to_json(self) -> dict:
        info = self.info
        return {
            "name": self.label,
            "path": str(self.path),
            "found_in": self.app,
            "kind": self.kind,
            "usable": self.usable,
            "problem": self.problem or None,
            "architecture": info.architecture if info else None,
            "parameters": info.parameter_count if info else None,
            "quantization": info.quantization if info else None,
            "size_bytes": info.size_bytes if info else None,
            "context_length": info.context_length if info else None,
            "chat_template": info.has_chat_template if info else None,
        }


def model_folders(
    extra: Iterable[str | os.PathLike] = (),
    home: Path | None = None,
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
) -> list[ModelFolder]:
    """Every place known applications keep GGUF models on this platform (existing or not), then ``extra`` folders."""
    env = os.environ if env is None else env
    platform = platform or sys.platform
    home = Path(home) if home is not None else Path.home()
    folders = [ModelFolder("LM Studio", home / ".lmstudio" / "models"), ModelFolder("LM Studio", home / ".cache" / "lm-studio" / "models")]
    if platform == "win32":
        local = Path(env.get("LOCALAPPDATA") or home / "AppData" / "Local")
        roaming = Path(env.get("APPDATA") or home / "AppData" / "Roaming")
        folders.append(ModelFolder("GPT4All", local / "nomic.ai" / "GPT4All"))
        folders.append(ModelFolder("Jan", roaming / "Jan" / "data" / "models"))
        llama_cache = local / "llama.cpp"
    elif platform == "darwin":
        support = home / "Library" / "Application Support"
        folders.append(ModelFolder("GPT4All", support / "nomic.ai" / "GPT4All"))
        folders.append(ModelFolder("Jan", support / "Jan" / "data" / "models"))
        llama_cache = home / "Library" / "Caches" / "llama.cpp"
    else:
        data = Path(env.get("XDG_DATA_HOME") or home / ".local" / "share")
        config = Path(env.get("XDG_CONFIG_HOME") or home / ".config")
        folders.append(ModelFolder("GPT4All", data / "nomic.ai" / "GPT4All"))
        folders.append(ModelFolder("Jan", config / "Jan" / "data" / "models"))
        folders.append(ModelFolder("Jan", data / "Jan" / "data" / "models"))
        llama_cache = Path(env.get("XDG_CACHE_HOME") or home / ".cache") / "llama.cpp"
    folders.append(ModelFolder("Jan", home / "jan" / "models"))
    if env.get("OLLAMA_MODELS"):
        folders.append(ModelFolder("Ollama", Path(env["OLLAMA_MODELS"]), "ollama"))
    folders.append(ModelFolder("Ollama", home / ".ollama" / "models", "ollama"))
    if platform.startswith("linux"):
        folders.append(ModelFolder("Ollama", Path("/usr/share/ollama/.ollama/models"), "ollama"))
    folders.append(ModelFolder("Hugging Face", _hugging_face_cache(home, env)))
    folders.append(ModelFolder("llama.cpp", Path(env["LLAMA_CACHE"]) if env.get("LLAMA_CACHE") else llama_cache))
    folders.extend(ModelFolder("Your folder", Path(folder).expanduser()) for folder in extra)
    return folders


def _hugging_face_cache(home: Path, env: Mapping[str, str]) -> Path:
    if env.get("HF_HUB_CACHE"):
        return Path(env["HF_HUB_CACHE"])
    if env.get("HF_HOME"):
        return Path(env["HF_HOME"]) / "hub"
    return Path(env.get("XDG_CACHE_HOME") or home / ".cache") / "huggingface" / "hub"


def scan_models(folders: Iterable[ModelFolder], cancelled: Callable[[], bool] = lambda: False) -> list[FoundModel]:
    """Read the header of every GGUF file in ``folders``; each file once (the first folder that has it wins)."""
    found: list[FoundModel] = []
    seen: set[str] = set()
    for folder in folders:
        if not folder.path.is_dir():
            continue
        candidates = _ollama_models(folder.path) if folder.layout == "ollama" else _gguf_files(folder.path)
        for path, label in candidates:
            if cancelled():
                return found
            real = os.path.realpath(path)
            if real in seen:
                continue
            seen.add(real)
            found.append(describe(path, folder.app, label))
    return found


def find_models(extra_folders: Iterable[str | os.PathLike] = ()) -> list[FoundModel]:
    """The GGUF models on this computer, answer models first, each group by name."""
    models = scan_models(model_folders(extra_folders))
    return sorted(models, key=lambda m: (not m.usable, m.label.lower()))


def describe(path: Path, app: str, label: str | None = None) -> FoundModel:
    """What the file at ``path`` is, read from its header."""
    label = label or path.stem
    try:
        info = read_gguf_info(path)
    except ModelError as exc:
        return FoundModel(path, app, label, UNREADABLE, None, str(exc))
    except OSError as exc:
        return FoundModel(path, app, label, UNREADABLE, None, f"{path.name} cannot be read: {exc.strerror or exc}")
    kind = classify(info)
    return FoundModel(path, app, label, kind, info, NOT_AN_ANSWER_MODEL.get(kind, ""))


def classify(info: GgufInfo) -> str:
    if info.file_type == "adapter":
        return ADAPTER
    if info.file_type == "projector":
        return PROJECTOR
    if info.has_pooling or info.architecture in EMBEDDING_ARCHITECTURES:
        return EMBEDDING
    return CHAT if info.has_chat_template else BASE


def _gguf_files(root: Path) -> Iterator[tuple[Path, str | None]]:
    """Every ``.gguf`` under ``root`` (symbolic links to files followed, not to folders), first shards only."""
    base_depth = len(root.parts)
    for folder, subfolders, files in os.walk(root, onerror=lambda exc: log.info("Cannot list %s: %s", exc.filename, exc)):
        if len(Path(folder).parts) - base_depth >= _MAX_DEPTH:
            subfolders.clear()
        subfolders[:] = sorted(d for d in subfolders if not d.startswith(".") and d != "blobs")
        for name in sorted(files):
            shard = _LATER_SHARD.search(name)
            if name.lower().endswith(".gguf") and not (shard and shard.group(1) != "00001"):
                path = Path(folder) / name
                yield path, path.parent.name if path.stem.lower() == "model" and path.parent != root else None


def _ollama_models(root: Path) -> Iterator[tuple[Path, str]]:
    """(blob, ``name:tag``) for every Ollama manifest whose model layer is on disk; the store is only read."""
    manifests = root / "manifests"
    for manifest in sorted(p for p in manifests.rglob("*") if p.is_file()) if manifests.is_dir() else ():
        try:
            layers = json.loads(manifest.read_text(encoding="utf-8")).get("layers", [])
            digest = next(layer["digest"] for layer in layers if layer.get("mediaType") == OLLAMA_MODEL_LAYER)
        except (OSError, ValueError, StopIteration, KeyError, TypeError, AttributeError):
            log.info("Skipping unreadable Ollama manifest %s", manifest)
            continue
        parts = manifest.relative_to(manifests).parts
        if len(parts) < 2:
            continue
        blob = root / "blobs" / str(digest).replace(":", "-")
        if not blob.is_file():
            blob = root / "blobs" / str(digest)
        if blob.is_file():
            yield blob, _ollama_name(parts)


def _ollama_name(parts: tuple[str, ...]) -> str:
    """``llama3.2:latest`` for registry.ollama.ai/library/llama3.2/latest; the namespace and host when not the default."""
    *prefix, name, tag = parts
    if prefix[:1] == [OLLAMA_REGISTRY]:
        prefix = prefix[1:]
    if prefix == ["library"]:
        prefix = []
    return "/".join([*prefix, name]) + ":" + tag
