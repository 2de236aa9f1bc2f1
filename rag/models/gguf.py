"""Reads a GGUF model file's header: architecture, quantization, context length, layers, size and kind."""
from __future__ import annotations

import re
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
_WANTED_SUFFIXES = (
    ".context_length", ".block_count", ".embedding_length", ".attention.head_count", ".attention.head_count_kv", ".pooling_type",
)
_WANTED_KEYS = {
    "general.architecture", "general.name", "general.file_type", "general.alignment", "tokenizer.chat_template",
    "general.type", "adapter.type", "general.size_label",
}
_U64 = struct.Struct("<Q")
# Tokenizer vocabularies hold 50,000-400,000 strings; walking them one by one costs 0.1-0.5 s a file, so a long
# string array is skipped by finding the next metadata key (checked, and re-read the slow way if the check fails).
_LONG_ARRAY = 2048
# Keys that follow a vocabulary in files llama.cpp writes; after anything else the array is walked string by string.
_KEY_NAMESPACES = (b"\x00" * 7 + b"tokenizer.", b"\x00" * 7 + b"general.")
_KEY = re.compile(rb"[a-z0-9_.\-]+")


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
    parameter_count: int | None = None
    file_type: str = "model"
    embedding_length: int | None = None
    head_count: int | None = None
    head_count_kv: int | None = None
    has_pooling: bool = False

    def kv_cache_bytes(self, n_ctx: int) -> int:
        """Memory of llama.cpp's key/value cache (16-bit) for ``n_ctx`` tokens; 0 when the header does not say."""
        if not (self.layer_count and self.embedding_length and self.head_count):
            return 0
        kv_width = self.embedding_length * (self.head_count_kv or self.head_count) // self.head_count
        return 2 * self.layer_count * n_ctx * kv_width * 2


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
            start = handle.tell()
            try:
                values = _read_metadata(handle, kv_count, fast=True)
                needed, parameters = _tensor_table(handle, tensor_count, _int_or_none(values.get("general.alignment")) or 32)
            except (ModelError, struct.error, EOFError, UnicodeDecodeError, OverflowError, MemoryError):
                handle.seek(start)
                values = _read_metadata(handle, kv_count, fast=False)
                needed, parameters = _tensor_table(handle, tensor_count, _int_or_none(values.get("general.alignment")) or 32)
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
        parameter_count=parameters or None,
        file_type=_file_type(values),
        embedding_length=_int_or_none(values.get(f"{architecture}.embedding_length")),
        head_count=_int_or_none(values.get(f"{architecture}.attention.head_count")),
        head_count_kv=_int_or_none(values.get(f"{architecture}.attention.head_count_kv")),
        has_pooling=f"{architecture}.pooling_type" in values,
    )


def _file_type(values: dict[str, object]) -> str:
    """``model``, ``adapter`` (LoRA) or ``projector`` (a vision model's mmproj), from the header."""
    general_type = str(values.get("general.type", "model")).lower()
    if general_type == "adapter" or "adapter.type" in values:
        return "adapter"
    if general_type in ("mmproj", "projector") or values.get("general.architecture") == "clip":
        return "projector"
    return "model"


def _read_metadata(handle: BinaryIO, kv_count: int, fast: bool) -> dict[str, object]:
    if kv_count > 100_000:
        raise ModelError("The model file's header is damaged (implausible metadata count).")
    values: dict[str, object] = {}
    for index in range(kv_count):
        key = _read_string(handle)
        if not key.isascii() or not key.isprintable():
            raise ModelError("The model file's header is damaged (unreadable metadata key).")
        (value_type,) = struct.unpack("<I", _read(handle, 4))
        wanted = key in _WANTED_KEYS or key.endswith(_WANTED_SUFFIXES)
        if fast and value_type == _ARRAY and index < kv_count - 1 and _skip_long_string_array(handle):
            continue
        value = _read_value(handle, value_type, keep=wanted)
        if wanted:
            values[key] = value
    return values


def _skip_long_string_array(handle: BinaryIO) -> bool:
    """Jump past a long array of strings to the next key; False (handle unmoved) when it is not one or no key follows."""
    start = handle.tell()
    item_type, count = struct.unpack("<IQ", _read(handle, 12))
    if item_type != _STRING or count < _LONG_ARRAY:
        handle.seek(start)
        return False
    handle.seek(8 * count, 1)
    position, size = handle.tell(), 1 << 18
    while True:
        chunk = handle.read(size)
        found = _first_key(chunk)
        if found is not None:
            handle.seek(position + found)
            return True
        if len(chunk) < size:
            handle.seek(start)
            return False
        position += len(chunk) - 300
        handle.seek(position)
        size = min(size * 2, 1 << 23)


def _first_key(chunk: bytes) -> int | None:
    """Offset in ``chunk`` of the first well-formed metadata key (length, known namespace, value type), if any."""
    best = None
    for namespace in _KEY_NAMESPACES:
        at = chunk.find(namespace, 1, len(chunk) if best is None else best + len(namespace))
        while at != -1 and (best is None or at - 1 < best):
            length = chunk[at - 1]
            key_end = at + 7 + length
            type_bytes = chunk[key_end: key_end + 4]
            if (
                length > len(namespace) - 7 and len(type_bytes) == 4 and _KEY.fullmatch(chunk[at + 7: key_end])
                and struct.unpack("<I", type_bytes)[0] <= 12
            ):
                best = at - 1
                break
            at = chunk.find(namespace, at + 1)
    return best


def _tensor_table(handle: BinaryIO, tensor_count: int, alignment: int) -> tuple[int, int]:
    """The file size the tensor table implies (tensors of unknown types count from their start), and the parameters."""
    if tensor_count > 1_000_000 or alignment <= 0:
        raise ModelError("The model file's header is damaged (implausible tensor table).")
    end = parameters = 0
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
        parameters += values
        block_bytes, block_values = _TENSOR_BLOCKS.get(tensor_type, (0, 1))
        end = max(end, offset + values // block_values * block_bytes)
    data_start = (handle.tell() + alignment - 1) // alignment * alignment
    return data_start + end, parameters


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
