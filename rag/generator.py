"""Streams chat answers from a local GGUF model through llama-cpp-python, using the model's own chat template."""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Iterator, Protocol

from rag.errors import ModelError
from rag.gguf import GgufInfo, read_gguf_info

log = logging.getLogger(__name__)


class Generator(Protocol):
    """A chat model that streams its reply piece by piece."""

    context_size: int

    def count_tokens(self, text: str) -> int: ...

    def stream(self, messages: list[dict[str, str]], max_tokens: int, temperature: float) -> Iterator[str]: ...


def gpu_offload_supported() -> bool:
    """Whether the installed llama.cpp was built with GPU support."""
    try:
        import llama_cpp
    except ImportError:
        return False
    return bool(llama_cpp.llama_supports_gpu_offload())


def available_memory_bytes() -> int | None:
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") + _reclaimable_cache_bytes()
    except (ValueError, OSError, AttributeError):
        return None


def _reclaimable_cache_bytes() -> int:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("Cached:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class LlamaGenerator:
    """A GGUF model loaded on first use; the file is checked before llama.cpp ever sees it."""

    def __init__(self, model_path: Path, n_ctx: int, n_threads: int, n_gpu_layers: int) -> None:
        self.info: GgufInfo = read_gguf_info(model_path)
        if not self.info.has_chat_template:
            log.warning("%s has no chat template; llama.cpp will fall back to a generic one", model_path)
        if self.info.context_length:
            n_ctx = min(n_ctx, self.info.context_length)
        if n_gpu_layers and self.info.layer_count and n_gpu_layers > self.info.layer_count + 1:
            raise ModelError(
                f"{self.info.path.name} has {self.info.layer_count} layers; choose at most that many GPU layers (or 'all')."
            )
        if n_gpu_layers and not gpu_offload_supported():
            raise ModelError("This llama.cpp was built without GPU support; set GPU layers to 0.")
        memory = available_memory_bytes()
        if memory is not None and n_gpu_layers == 0 and self.info.size_bytes > memory * 0.9:
            raise ModelError(
                f"{self.info.path.name} needs about {self.info.size_bytes / 2**30:.1f} GiB of memory but only "
                f"{memory / 2**30:.1f} GiB is free. Choose a smaller model or quantization."
            )
        self.model_path = Path(model_path)
        self.context_size = n_ctx
        self.n_threads = n_threads
        self.n_gpu_layers = n_gpu_layers
        self._llama = None

    def load(self):
        """Load the model now (it otherwise loads on the first answer)."""
        if self._llama is None:
            try:
                from llama_cpp import Llama
            except ImportError as exc:
                raise ModelError("Answering needs llama-cpp-python. Install it with: pip install llama-cpp-python") from exc
            try:
                self._llama = Llama(
                    model_path=str(self.model_path),
                    n_ctx=self.context_size,
                    n_threads=self.n_threads,
                    n_gpu_layers=self.n_gpu_layers,
                    verbose=False,
                )
            except (ValueError, RuntimeError, OSError) as exc:
                raise ModelError(f"llama.cpp could not load {self.model_path.name}: {exc}") from exc
            log.info("Loaded %s (ctx %d, threads %d, gpu layers %d)", self.model_path, self.context_size, self.n_threads, self.n_gpu_layers)
        return self._llama

    def count_tokens(self, text: str) -> int:
        return len(self.load().tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def stream(self, messages: list[dict[str, str]], max_tokens: int, temperature: float) -> Iterator[str]:
        llama = self.load()
        for part in llama.create_chat_completion(
            messages=messages, max_tokens=max_tokens, temperature=temperature, stream=True, repeat_penalty=1.1
        ):
            piece = part["choices"][0]["delta"].get("content")
            if piece:
                yield piece

    def close(self) -> None:
        if self._llama is not None:
            self._llama.close()
            self._llama = None
