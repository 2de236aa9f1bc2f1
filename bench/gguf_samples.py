"""Writes GGUF files with realistic headers (vocabulary, chat template, tensor table) and sparse weights, for scans."""
from __future__ import annotations

import struct
from pathlib import Path

_UINT32, _STRING, _ARRAY, _FLOAT32 = 4, 8, 9, 6
_F16, _Q4_K = 1, 12
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
) -> Path:
    """A GGUF v3 file whose header is complete and whose tensor data is a hole in the file (no disk used)."""
    metadata: dict = {"general.architecture": architecture, "general.name": name, "general.file_type": 15}
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
    header = b"GGUF" + struct.pack("<IQQ", 3, len(tensors), len(metadata))
    header += b"".join(_string(key) + _value(value) for key, value in metadata.items())
    offset = 0
    for tensor_name, shape, tensor_type in tensors:
        header += _string(tensor_name) + struct.pack(f"<I{len(shape)}Q", len(shape), *shape) + struct.pack("<IQ", tensor_type, offset)
        size = 2
        for length in shape:
            size *= length
        offset += (size + 31) // 32 * 32
    data_start = (len(header) + 31) // 32 * 32
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(header)
        handle.truncate(data_start + offset)
    return path
