"""Models on disk: each application's folder layout (Linux, macOS, Windows) is found, and non-answer models are set apart."""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from bench.gguf_samples import write_gguf
from rag.models.discovery import ADAPTER, BASE, CHAT, EMBEDDING, PROJECTOR, UNREADABLE, model_folders, scan_models
from rag.models.gguf import read_gguf_info

PLATFORM_FOLDERS = {
    "linux": {
        "gpt4all": ".local/share/nomic.ai/GPT4All",
        "jan": ".config/Jan/data/models",
        "llama.cpp": ".cache/llama.cpp",
    },
    "darwin": {
        "gpt4all": "Library/Application Support/nomic.ai/GPT4All",
        "jan": "Library/Application Support/Jan/data/models",
        "llama.cpp": "Library/Caches/llama.cpp",
    },
    "win32": {
        "gpt4all": "AppData/Local/nomic.ai/GPT4All",
        "jan": "AppData/Roaming/Jan/data/models",
        "llama.cpp": "AppData/Local/llama.cpp",
    },
}


def ollama_store(models: Path, name: str, tag: str, blob_source: Path, namespace: str = "library") -> Path:
    """Ollama's layout: a manifest naming the model layer's digest, and the blob stored under that digest."""
    data = blob_source.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    blobs = models / "blobs"
    blobs.mkdir(parents=True, exist_ok=True)
    (blobs / f"sha256-{digest}").write_bytes(data)
    (blobs / "sha256-0000template").write_text("{{ .Prompt }}")
    manifest = models / "manifests" / "registry.ollama.ai" / namespace / name / tag
    manifest.parent.mkdir(parents=True, exist_ok=True)
    manifest.write_text(json.dumps({
        "schemaVersion": 2,
        "layers": [
            {"mediaType": "application/vnd.ollama.image.template", "digest": "sha256:0000template", "size": 13},
            {"mediaType": "application/vnd.ollama.image.model", "digest": f"sha256:{digest}", "size": len(data)},
        ],
    }))
    blob_source.unlink()
    return models


def build_home(home: Path, platform: str) -> dict[str, str]:
    """One chat model in every application's default folder for ``platform``; returns the environment to scan with."""
    folders = PLATFORM_FOLDERS[platform]
    write_gguf(home / ".lmstudio/models/lmstudio-community/Qwen2.5-1.5B-Instruct-GGUF/Qwen2.5-1.5B-Instruct-Q4_K_M.gguf", name="Qwen2.5 1.5B Instruct")
    write_gguf(home / folders["gpt4all"] / "Llama-3.2-1B-Instruct-Q4_0.gguf", name="Llama 3.2 1B Instruct")
    write_gguf(home / folders["jan"] / "llamacpp/llama3.2-3b-instruct/model.gguf", name="Llama 3.2 3B Instruct")
    ollama_store(home / ".ollama/models", "llama3.2", "latest", write_gguf(home / "tmp-ollama.gguf", name="Llama 3.2 (Ollama)"))
    hub = home / ".cache/huggingface/hub/models--bartowski--Phi-3.5-mini-instruct-GGUF"
    write_gguf(hub / "blobs/5f1e2d", name="Phi 3.5 mini instruct")
    snapshot = hub / "snapshots/abc123/Phi-3.5-mini-instruct-Q4_K_M.gguf"
    snapshot.parent.mkdir(parents=True)
    snapshot.symlink_to(Path("../../blobs/5f1e2d"))
    write_gguf(home / folders["llama.cpp"] / "ggml-org_gemma-3-1b-it-GGUF_gemma-3-1b-it-Q4_K_M.gguf", architecture="gemma3", name="Gemma 3 1B it")
    env = {}
    if platform == "win32":
        env = {"LOCALAPPDATA": str(home / "AppData/Local"), "APPDATA": str(home / "AppData/Roaming")}
    return env


@pytest.mark.parametrize("platform", ["linux", "darwin", "win32"])
def test_each_applications_default_folder_is_found(tmp_path, platform):
    home = tmp_path / "home"
    env = build_home(home, platform)
    found = scan_models(model_folders(home=home, env=env, platform=platform))
    by_app = {m.app: m for m in found}
    assert set(by_app) == {"LM Studio", "GPT4All", "Jan", "Ollama", "Hugging Face", "llama.cpp"}, [(m.app, m.path) for m in found]
    assert all(m.kind == CHAT and m.usable for m in found)
    assert by_app["Ollama"].label == "llama3.2:latest"
    assert by_app["Ollama"].info.name == "Llama 3.2 (Ollama)"
    assert by_app["Hugging Face"].label == "Phi-3.5-mini-instruct-Q4_K_M"
    assert by_app["Jan"].label == "llama3.2-3b-instruct", "Jan names every file model.gguf: its folder names the model"
    assert by_app["llama.cpp"].info.architecture == "gemma3"
    facts = by_app["LM Studio"].to_json()
    assert facts["name"] == "Qwen2.5-1.5B-Instruct-Q4_K_M" and facts["chat_template"] is True
    assert facts["parameters"] == 64 * 1000 + 4 * 64 * 256 and facts["quantization"] == "Q4_K_M"
    assert facts["context_length"] == 4096 and facts["size_bytes"] > 0


def test_environment_overrides_and_user_folders_are_scanned(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    write_gguf(tmp_path / "hf/models--org--repo/snapshots/1/chat.gguf")
    write_gguf(tmp_path / "llama-cache/org_repo_file.gguf")
    ollama_store(tmp_path / "ollama", "mistral", "7b", write_gguf(tmp_path / "m.gguf"), namespace="someone")
    write_gguf(tmp_path / "mine/deep/er/model.gguf")
    env = {"HF_HUB_CACHE": str(tmp_path / "hf"), "LLAMA_CACHE": str(tmp_path / "llama-cache"), "OLLAMA_MODELS": str(tmp_path / "ollama")}
    found = scan_models(model_folders([tmp_path / "mine"], home=home, env=env, platform="linux"))
    assert sorted((m.app, m.label) for m in found) == [
        ("Hugging Face", "chat"), ("Ollama", "someone/mistral:7b"), ("Your folder", "er"), ("llama.cpp", "org_repo_file"),
    ]


def test_files_that_cannot_answer_are_set_apart_with_the_reason(tmp_path):
    folder = tmp_path / "models"
    write_gguf(folder / "instruct.gguf")
    write_gguf(folder / "base.gguf", chat_template=None)
    write_gguf(folder / "nomic-embed-text-v1.5.Q8_0.gguf", architecture="nomic-bert", chat_template=None, pooling=True)
    write_gguf(folder / "mmproj-model-f16.gguf", architecture="clip", general_type="mmproj", chat_template=None)
    write_gguf(folder / "lora.gguf", general_type="adapter", chat_template=None, extra={"adapter.type": "lora"})
    truncated = write_gguf(folder / "half-downloaded.gguf")
    os.truncate(truncated, truncated.stat().st_size // 2)
    (folder / "notes.txt").write_text("not a model")
    found = {m.path.name: m for m in scan_models(model_folders([folder], home=tmp_path / "nohome", env={}))}
    assert {name: m.kind for name, m in found.items()} == {
        "instruct.gguf": CHAT, "base.gguf": BASE, "nomic-embed-text-v1.5.Q8_0.gguf": EMBEDDING,
        "mmproj-model-f16.gguf": PROJECTOR, "lora.gguf": ADAPTER, "half-downloaded.gguf": UNREADABLE,
    }
    assert [name for name, m in found.items() if m.usable] == ["instruct.gguf"]
    assert "chat template" in found["base.gguf"].problem
    assert "cannot write answers" in found["nomic-embed-text-v1.5.Q8_0.gguf"].problem
    assert "incomplete" in found["half-downloaded.gguf"].problem


def test_split_models_are_listed_once_and_a_file_reached_twice_once(tmp_path):
    folder = tmp_path / "models"
    for part in (1, 2, 3):
        write_gguf(folder / f"big-model-Q4_K_M-0000{part}-of-00003.gguf")
    (folder / "again").mkdir()
    (folder / "again" / "link.gguf").symlink_to(folder / "big-model-Q4_K_M-00001-of-00003.gguf")
    found = scan_models(model_folders([folder, folder / "again"], home=tmp_path / "nohome", env={}))
    assert [m.path.name for m in found] == ["big-model-Q4_K_M-00001-of-00003.gguf"]


def test_the_ollama_store_is_never_changed(tmp_path):
    store = ollama_store(tmp_path / "ollama", "qwen2.5", "0.5b", write_gguf(tmp_path / "q.gguf"))

    def snapshot():
        return sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in store.rglob("*"))

    (store / "manifests" / "stray").write_text("not a manifest")
    (store / "manifests" / "registry.ollama.ai" / "library" / "broken").mkdir()
    (store / "manifests" / "registry.ollama.ai" / "library" / "broken" / "latest").write_text("{\"layers\": 3}")
    before = snapshot()
    found = scan_models(model_folders(home=tmp_path / "nohome", env={"OLLAMA_MODELS": str(store)}, platform="linux"))
    assert [m.label for m in found] == ["qwen2.5:0.5b"], "damaged manifests are skipped"
    assert snapshot() == before


def test_long_vocabularies_are_skipped_and_agree_with_a_full_read(tmp_path):
    path = write_gguf(tmp_path / "big-vocab.gguf", vocab_size=20000)
    info = read_gguf_info(path)
    assert info.has_chat_template and info.context_length == 4096 and info.layer_count == 4
    assert info.parameter_count == 64 * 20000 + 4 * 64 * 256
    no_template = read_gguf_info(write_gguf(tmp_path / "base.gguf", vocab_size=20000, chat_template=None))
    assert not no_template.has_chat_template and no_template.context_length == 4096
