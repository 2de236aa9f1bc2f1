"""Reads a GGUF model file's header: architecture, quantization, context length and layer count."""
from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from rag.errors import ModelError

_FILE_TYPES = {
    0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 7: "Q8_0", 8: "Q5_0", 9: "Q5_1", 10: "Q2_K", 11: "Q3_K_S",
    12: "Q3_K_M", 13: "Q3_K_L", 14: "Q4_K_S", 15: "Q4_K_M", 16: "Q5_K_S", 17: "Q5_K_M", 18: "Q6_K",
    19: "IQ2_XXS", 20: "IQ2_XS", 21: "Q2_K_S", 22: "IQ3_XS", 23: "IQ3_XXS", 24: "IQ1_S", 25: "IQ4_NL",
    26: "IQ3_S", 27: "IQ3_M", 28: "IQ2_S", 29: "IQ2_M", 30: "IQ4_XS", 31: "IQ1_M", 32: "BF16", 36: "TQ1_0",
    37: "TQ2_0", 38: "MXFP4",
}
_SCALARS = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?", 10: "<Q", 11: "<q", 12: "<d"}
_STRING, _ARRAY = 8, 9
# ggml tensor type -> (bytes per block, values per block), for checking that a file holds all its tensor data.
_TENSOR_BLOCKS = {
    0: (4, 1), 1: (2, 1), 2: (18, 32), 3: (20, 32), 6: (22, 32), 7: (24, 32), 8: (34, 32), 9: (36, 32), 10: (84, 256),
    11: (110, 256), 12: (144, 256), 13: (176, 256), 14: (210, 256), 15: (292, 256), 24: (1, 1), 25: (2, 1), 26: (4, 1),
    27: (8, 1), 28: (8, 1), 30: (2, 1),
}
_WANTED_SUFFIXES = (".context_length", ".block_count")
_WANTED_KEYS = {"general.architecture", "general.name", "general.file_type", "general.alignment", "tokenizer.chat_template"}


@dataclass(frozen=True)
class GgufInfo:
    """What the settings panel shows about a model file."""

    path: Path
    size_bytes: int
    architecture: str
    name: str
    quantization: str
    context_length: int | None
    layer_count: int | None
    has_chat_template: bool


def read_gguf_info(path: Path) -> GgufInfo:
    """Parse the header of ``path``; raises ``ModelError`` for a missing, truncated or non-GGUF file."""
    path = Path(path)
    if not path.is_file():
        raise ModelError(f"The model file {path} does not exist.")
    size = path.stat().st_size
    try:
        with open(path, "rb") as handle:
            if handle.read(4) != b"GGUF":
                raise ModelError(f"{path.name} is not a GGUF model file. Choose a .gguf file made for llama.cpp.")
            version, tensor_count, kv_count = struct.unpack("<IQQ", _read(handle, 20))
            if version not in (2, 3):
                raise ModelError(f"{path.name} uses GGUF version {version}, which Faro cannot read.")
            values = _read_metadata(handle, kv_count)
            needed = _tensor_data_end(handle, tensor_count, _int_or_none(values.get("general.alignment")) or 32)
    except (struct.error, EOFError, UnicodeDecodeError, OverflowError, MemoryError) as exc:
        raise ModelError(f"{path.name} is incomplete or damaged (truncated download?).") from exc
    if size < needed:
        raise ModelError(
            f"{path.name} is incomplete: it has {size / 2**20:.0f} MB of the {needed / 2**20:.0f} MB its header "
            "describes (truncated download?). Download the model again."
        )
    architecture = str(values.get("general.architecture", "unknown"))
    file_type = values.get("general.file_type")
    return GgufInfo(
        path=path,
        size_bytes=size,
        architecture=architecture,
        name=str(values.get("general.name", path.stem)),
        quantization=_FILE_TYPES.get(file_type, _quantization_from_name(path.name)) if file_type is not None else _quantization_from_name(path.name),
        context_length=_int_or_none(values.get(f"{architecture}.context_length")),
        layer_count=_int_or_none(values.get(f"{architecture}.block_count")),
        has_chat_template="tokenizer.chat_template" in values,
    )


def _read_metadata(handle: BinaryIO, kv_count: int) -> dict[str, object]:
    if kv_count > 100_000:
        raise ModelError("The model file's header is damaged (implausible metadata count).")
    values: dict[str, object] = {}
    for _ in range(kv_count):
        key = _read_string(handle)
        (value_type,) = struct.unpack("<I", _read(handle, 4))
        wanted = key in _WANTED_KEYS or key.endswith(_WANTED_SUFFIXES)
        value = _read_value(handle, value_type, keep=wanted)
        if wanted:
            values[key] = value
    return values


def _tensor_data_end(handle: BinaryIO, tensor_count: int, alignment: int) -> int:
    """The file size the tensor table implies (tensors of unknown types count from their start)."""
    if tensor_count > 1_000_000 or alignment <= 0:
        raise ModelError("The model file's header is damaged (implausible tensor table).")
    end = 0
    for _ in range(tensor_count):
        _skip_string(handle)
        (dimensions,) = struct.unpack("<I", _read(handle, 4))
        if dimensions > 8:
            raise ModelError("The model file's header is damaged (implausible tensor shape).")
        shape = struct.unpack(f"<{dimensions}Q", _read(handle, 8 * dimensions))
        tensor_type, offset = struct.unpack("<IQ", _read(handle, 12))
        values = 1
        for length in shape:
            values *= length
        block_bytes, block_values = _TENSOR_BLOCKS.get(tensor_type, (0, 1))
        end = max(end, offset + values // block_values * block_bytes)
    data_start = (handle.tell() + alignment - 1) // alignment * alignment
    return data_start + end


def _read_value(handle: BinaryIO, value_type: int, keep: bool) -> object:
    if value_type in _SCALARS:
        fmt = _SCALARS[value_type]
        return struct.unpack(fmt, _read(handle, struct.calcsize(fmt)))[0]
    if value_type == _STRING:
        return _read_string(handle) if keep else _skip_string(handle)
    if value_type == _ARRAY:
        item_type, count = struct.unpack("<IQ", _read(handle, 12))
        if item_type in _SCALARS:
            handle.seek(struct.calcsize(_SCALARS[item_type]) * count, 1)
        else:
            for _ in range(count):
                _read_value(handle, item_type, keep=False)
        return None
    raise ModelError(f"The model file's header has an unknown value type {value_type} (damaged?).")


def _read_string(handle: BinaryIO) -> str:
    (length,) = struct.unpack("<Q", _read(handle, 8))
    return _read(handle, length).decode("utf-8")


def _skip_string(handle: BinaryIO) -> None:
    (length,) = struct.unpack("<Q", _read(handle, 8))
    handle.seek(length, 1)


def _read(handle: BinaryIO, count: int) -> bytes:
    if count > 1 << 30:
        raise EOFError("implausible length")
    data = handle.read(count)
    if len(data) != count:
        raise EOFError("file ends inside the header")
    return data


def _int_or_none(value: object) -> int | None:
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _quantization_from_name(name: str) -> str:
    upper = name.upper()
    for label in sorted(_FILE_TYPES.values(), key=len, reverse=True):
        if label in upper:
            return label
    return "unknown"
