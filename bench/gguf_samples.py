"""Writes GGUF files with realistic headers (vocabulary, chat template, tensor table) and sparse weights, for scans."""
from __future__ import annotations

import struct
from pathlib import Path

_UINT32, _STRING, _ARRAY, _FLOAT32 = 4, 8, 9, 6
_F16 = 1
# ggml tensor type -> (bytes per block, values per block) of the quantizations used below
_BLOCKS = {1: (2, 1), 2: (18, 32), 8: (34, 32), 12: (144, 256)}
FILE_TYPES = {"Q4_0": (2, 2), "Q8_0": (7, 8), "Q4_K_M": (15, 12), "F16": (1, 1)}
CHAT_TEMPLATE = "{% for message in messages %}<|im_start|>{{ message['role'] }}\n{{ message['content'] }}<|im_end|>\n{% endfor %}"


def _string(text: str) -> bytes:
    data = text.encode("utf-8")
    return struct.pack("<Q", len(data)) + data


def _value(value) -> bytes:
    if isinstance(value, str):
        return struct.pack("<I", _STRING) + _string(value)
    if isinstance(value, float):
        return struct.pack("<If", _FLOAT32, value)
    if isinstance(value, int):
        return struct.pack("<II", _UINT32, value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return struct.pack("<IIQ", _ARRAY, _STRING, len(value)) + b"".join(_string(v) for v in value)
    if isinstance(value, list):
        return struct.pack("<IIQ", _ARRAY, _FLOAT32, len(value)) + struct.pack(f"<{len(value)}f", *value)
    raise TypeError(value)


def write_gguf(
    path: Path,
    *,
    architecture: str = "llama",
    name: str = "Test model",
    chat_template: str | None = CHAT_TEMPLATE,
    general_type: str | None = None,
    layers: int = 4,
    width: int = 64,
    context_length: int = 4096,
    vocab_size: int = 1000,
    pooling: bool = False,
    extra: dict | None = None,
    parameters: int | None = None,
    quantization: str = "Q4_K_M",
) -> Path:
    """A GGUF v3 file whose header is complete and whose tensor data is a hole in the file (no disk used).

    ``parameters`` pads the model to that many weights (in ``quantization``), so sizes look like real models'.
    """
    file_type, tensor_type = FILE_TYPES[quantization]
    metadata: dict = {"general.architecture": architecture, "general.name": name, "general.file_type": file_type}
    if general_type:
        metadata["general.type"] = general_type
    metadata.update({
        f"{architecture}.context_length": context_length, f"{architecture}.block_count": layers,
        f"{architecture}.embedding_length": width, f"{architecture}.attention.head_count": 4,
        f"{architecture}.attention.head_count_kv": 2,
    })
    if pooling:
        metadata[f"{architecture}.pooling_type"] = 1
    metadata["tokenizer.ggml.model"] = "gpt2"
    metadata["tokenizer.ggml.tokens"] = [f"tok{i}" for i in range(vocab_size)]
    metadata["tokenizer.ggml.scores"] = [0.0] * min(vocab_size, 64)
    metadata["tokenizer.ggml.merges"] = [f"t o{i}" for i in range(vocab_size)]
    metadata["tokenizer.ggml.bos_token_id"] = 1
    if chat_template is not None:
        metadata["tokenizer.chat_template"] = chat_template
    metadata.update(extra or {})
    metadata["general.quantization_version"] = 2
    tensors = [("token_embd.weight", (width, vocab_size), _F16)]
    tensors += [(f"blk.{i}.ffn_up.weight", (width, width * 4), _F16) for i in range(layers)]
    counted = width * vocab_size + layers * width * width * 4
    if parameters and parameters > counted:
        tensors.append(("output.weight", (256, (parameters - counted) // 256), tensor_type))
    header = b"GGUF" + struct.pack("<IQQ", 3, len(tensors), len(metadata))
    header += b"".join(_string(key) + _value(value) for key, value in metadata.items())
    offset = 0
    for tensor_name, shape, tensor_type in tensors:
        header += _string(tensor_name) + struct.pack(f"<I{len(shape)}Q", len(shape), *shape) + struct.pack("<IQ", tensor_type, offset)
        values = 1
        for length in shape:
            values *= length
        block_bytes, block_values = _BLOCKS[tensor_type]
        offset += (values // block_values * block_bytes + 31) // 32 * 32
    data_start = (len(header) + 31) // 32 * 32
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(header)
        handle.truncate(data_start + offset)
    return path


def sample_model_home(home: Path) -> Path:
    """A home folder with the models a typical user has: several applications, answer models and files that are not."""
    write_gguf(home / ".lmstudio/models/lmstudio-community/Qwen2.5-7B-Instruct-GGUF/Qwen2.5-7B-Instruct-Q4_K_M.gguf",
               architecture="qwen2", name="Qwen2.5 7B Instruct", parameters=7_615_616_512, context_length=32768, layers=28,
               extra={"qwen2.embedding_length": 3584, "qwen2.attention.head_count": 28, "qwen2.attention.head_count_kv": 4})
    write_gguf(home / ".local/share/nomic.ai/GPT4All/Llama-3.2-3B-Instruct-Q4_0.gguf",
               name="Llama 3.2 3B Instruct", parameters=3_212_749_824, quantization="Q4_0", context_length=131072, layers=28)
    write_gguf(home / ".config/Jan/data/models/llamacpp/mistral-7b-instruct-v0.3/model.gguf",
               name="Mistral 7B Instruct v0.3", parameters=7_248_023_552, context_length=32768, layers=32)
    write_gguf(home / ".cache/llama.cpp/ggml-org_gemma-3-1b-it-GGUF_gemma-3-1b-it-Q4_K_M.gguf",
               architecture="gemma3", name="Gemma 3 1b It", parameters=999_885_952, context_length=32768, layers=26)
    hub = home / ".cache/huggingface/hub/models--bartowski--Phi-3.5-mini-instruct-GGUF/snapshots/5a1e0b3"
    write_gguf(hub / "Phi-3.5-mini-instruct-Q4_K_M.gguf", architecture="phi3", name="Phi 3.5 Mini Instruct",
               parameters=3_821_079_552, context_length=131072, layers=32)
    write_gguf(home / ".lmstudio/models/lmstudio-community/Meta-Llama-3.1-8B-GGUF/Meta-Llama-3.1-8B-Q8_0.gguf",
               name="Meta Llama 3.1 8B", parameters=8_030_261_248, quantization="Q8_0", chat_template=None, layers=32)
    write_gguf(home / ".lmstudio/models/nomic-ai/nomic-embed-text-v1.5-GGUF/nomic-embed-text-v1.5.Q8_0.gguf",
               architecture="nomic-bert", name="nomic-embed-text-v1.5", parameters=136_731_648, quantization="Q8_0",
               chat_template=None, pooling=True, context_length=2048, layers=12)
    write_gguf(home / ".lmstudio/models/second-state/Llava-v1.5-7B-GGUF/llava-v1.5-7b-mmproj-model-f16.gguf",
               architecture="clip", general_type="mmproj", name="llava mmproj", parameters=311_846_912, quantization="F16",
               chat_template=None, layers=23)
    write_ollama_model(home / ".ollama/models", "llama3.2", "latest", name="Llama 3.2 3B Instruct",
                       parameters=3_212_749_824, context_length=131072, layers=28)
    return home


def write_ollama_model(models: Path, model: str, tag: str, **gguf) -> Path:
    """An Ollama store entry: a GGUF blob under a sha256 name and a manifest that points at it (the digest is not checked)."""
    import hashlib
    import json

    digest = hashlib.sha256(f"{model}:{tag}".encode()).hexdigest()
    blob = write_gguf(models / "blobs" / f"sha256-{digest}", **gguf)
    manifest = models / "manifests" / "registry.ollama.ai" / "library" / model / tag
    manifest.parent.mkdir(parents=True, exist_ok=True)
    layer = {"mediaType": "application/vnd.ollama.image.model", "digest": f"sha256:{digest}", "size": blob.stat().st_size}
    manifest.write_text(json.dumps({"schemaVersion": 2, "layers": [layer]}))
    return blob
