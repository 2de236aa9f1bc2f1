"""How much memory a GGUF model needs with Faro's settings, against the memory (and GPU memory) this computer has free."""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass

from rag.models.generator import available_memory_bytes
from rag.models.gguf import GgufInfo

GPU_RESERVE_BYTES = 400 * 2**20


@dataclass(frozen=True)
class MemoryFit:
    """Expected memory use of a model, free memory, and how many of its layers a GPU could hold."""

    needed_bytes: int
    context_bytes: int
    context_tokens: int
    free_bytes: int | None
    layers: int | None
    gpu_free_bytes: int | None = None
    gpu_layers: int | None = None

    @property
    def fits(self) -> bool:
        return self.free_bytes is None or self.needed_bytes <= self.free_bytes * 0.9

    def describe(self) -> str:
        text = (f"Needs about {human_size(self.needed_bytes)} of memory "
                f"({human_size(self.context_bytes)} of it for {self.context_tokens:,} tokens of context)")
        if self.free_bytes is not None:
            text += f"; {human_size(self.free_bytes)} is free now."
            if not self.fits:
                text += " That is not enough: choose a smaller model or quantization, or a shorter context."
        else:
            text += "."
        if self.gpu_free_bytes is not None and self.layers:
            if self.gpu_layers and self.gpu_layers >= self.layers:
                text += f" All {self.layers} layers fit on the GPU ({human_size(self.gpu_free_bytes)} free)."
            else:
                text += f" About {self.gpu_layers or 0} of {self.layers} layers fit on the GPU ({human_size(self.gpu_free_bytes)} free)."
        return text


def estimate_fit(info: GgufInfo, n_ctx: int, gpu_free_bytes: int | None = None) -> MemoryFit:
    """Weights + key/value cache + llama.cpp's working buffers, for a context of ``n_ctx`` tokens (at most the model's)."""
    tokens = min(n_ctx, info.context_length or n_ctx)
    context = info.kv_cache_bytes(tokens)
    needed = info.size_bytes + context + int(info.size_bytes * 0.05) + 64 * 2**20
    layers = info.layer_count + 1 if info.layer_count else None
    gpu_layers = None
    if gpu_free_bytes is not None and layers:
        per_layer = (info.size_bytes + context) / layers
        gpu_layers = max(0, min(layers, int((gpu_free_bytes - GPU_RESERVE_BYTES) // per_layer)))
    return MemoryFit(needed, context, tokens, available_memory_bytes(), layers, gpu_free_bytes, gpu_layers)


def gpu_free_memory_bytes() -> int | None:
    """Free memory of the first NVIDIA GPU (from nvidia-smi, when installed); None when unknown."""
    tool = shutil.which("nvidia-smi")
    if tool is None:
        return None
    try:
        done = subprocess.run([tool, "--query-gpu=memory.free", "--format=csv,noheader,nounits"],
                              capture_output=True, text=True, timeout=5, check=True)
        return int(done.stdout.split()[0]) * 2**20
    except (OSError, subprocess.SubprocessError, ValueError, IndexError):
        return None


def human_size(count: int) -> str:
    return f"{count / 2**30:.1f} GB" if count >= 2**30 else f"{count / 2**20:,.0f} MB"


def human_parameters(count: int | None) -> str:
    if not count:
        return "?"
    return f"{count / 1e9:.1f}B" if count >= 0.95e9 else f"{count / 1e6:.0f}M"
