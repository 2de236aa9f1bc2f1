"""The answer model: a local GGUF model served by its own process through llama-cpp-python, with crash recovery."""
from __future__ import annotations

import importlib.metadata
import logging
import os
from pathlib import Path
from typing import Iterator, Protocol

from rag.errors import ModelCrashed, ModelError
from rag.models.gguf import GgufInfo, read_gguf_info
from rag.models.llama_backend import LlamaSettings
from rag.models.model_process import BackendFactory, ModelLoadFailed, ModelProcess, ModelProcessDied
from rag.models.safe_mode import SafeModeMemory, crash_key
from rag.progress import CancelToken

log = logging.getLogger(__name__)

SAFE_MODE_FILE = "llama-safe-mode.json"


class Generator(Protocol):
    """A chat model that streams its reply piece by piece."""

    context_size: int

    def count_tokens(self, text: str) -> int: ...

    def stream(
        self, messages: list[dict[str, str]], max_tokens: int, temperature: float, cancel: CancelToken | None = None
    ) -> Iterator[str]: ...


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
    """A GGUF model served by its own process; the file is checked before llama.cpp ever sees it.

    The process loads on first use (or ``load``), stays warm between questions and is restarted after a crash.
    A native crash while loading, self-testing or answering switches this model to safe mode on this processor
    (remembered in ``state_dir``); whenever a process dies before any text of an answer was shown (idle between
    questions included), a fresh one answers the question at once.
    """

    def __init__(
        self,
        model_path: Path,
        n_ctx: int,
        n_threads: int,
        n_gpu_layers: int,
        *,
        state_dir: Path | None = None,
        backend_factory: BackendFactory | None = None,
    ) -> None:
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
        self._requantized = _faster_copy_of_bundled_model(self.model_path, self.info, state_dir)
        self._crash_key = crash_key(self.model_path, llama_cpp_version())
        self._safe_mode = SafeModeMemory(state_dir / SAFE_MODE_FILE if state_dir else None)
        self._factory = backend_factory or _llama_backend
        self._process: ModelProcess | None = None

    @property
    def safe_mode(self) -> bool:
        return self._safe_mode.needs_safe_mode(self._crash_key)

    def load(self) -> dict:
        """Start the model process now (it otherwise starts on the first answer); returns what it reports."""
        for attempt in (1, 2):
            try:
                process = self._ready_process()
                if process.description:
                    return process.description
                described = process.wait_ready()
                log.info(
                    "Answer model %s ready in process %s (safe mode %s, %s threads)",
                    described.get("model_file", self.model_path), process.pid, described.get("safe_mode"),
                    described.get("n_threads"),
                )
                return described
            except ModelProcessDied as died:
                self._process = None
                if attempt == 1 and self._switch_to_safe_mode(died):
                    continue
                raise ModelError(_died_message(self.model_path.name, died, loading=True)) from None
            except ModelLoadFailed as exc:
                self._process = None
                raise ModelError(f"llama.cpp could not load {self.model_path.name}: {exc}") from None
        raise AssertionError("unreachable")

    def count_tokens(self, text: str) -> int:
        for attempt in (1, 2):
            self.load()
            try:
                return self._process.count_tokens(text)
            except ModelProcessDied as died:
                self._after_crash(died)
                if attempt == 2:
                    raise ModelCrashed(_died_message(self.model_path.name, died, loading=False)) from None
        raise AssertionError("unreachable")

    def stream(
        self, messages: list[dict[str, str]], max_tokens: int, temperature: float, cancel: CancelToken | None = None
    ) -> Iterator[str]:
        shown = False
        for attempt in (1, 2):
            self.load()
            try:
                for piece in self._process.stream(messages, max_tokens, temperature, cancel):
                    shown = True
                    yield piece
                return
            except ModelProcessDied as died:
                self._after_crash(died)
                if attempt == 1 and not shown:  # a process that died idle, or before any word: a fresh one answers
                    continue
                raise ModelCrashed(_died_message(self.model_path.name, died, loading=False)) from None
            except ModelLoadFailed as exc:
                raise ModelError(f"The language model failed while answering: {exc}") from None

    def close(self) -> None:
        if self._process is not None:
            self._process.close()
            self._process = None

    def _ready_process(self) -> ModelProcess:
        if self._process is None:
            settings = LlamaSettings(
                str(self.model_path), self.context_size, self.n_threads, self.n_gpu_layers, safe_mode=self.safe_mode,
                requantized_path=str(self._requantized) if self._requantized else None,
            )
            self._process = ModelProcess(settings, self._factory)
            self._process.spawn()
        return self._process

    def _switch_to_safe_mode(self, died: ModelProcessDied) -> bool:
        """Remember safe mode after a native crash outside it; False when it was already on (nothing left to try)."""
        if not died.crashed or self.safe_mode:
            return False
        self._safe_mode.remember(self._crash_key, f"crashed with signal {-died.exit_code} while {died.during}")
        return True

    def _after_crash(self, died: ModelProcessDied) -> bool:
        """Start a fresh process at once (in safe mode after a native crash); True if safe mode was just switched on."""
        switched = self._switch_to_safe_mode(died)
        self._process = None
        self._ready_process()
        return switched


def _faster_copy_of_bundled_model(model_path: Path, info: GgufInfo, state_dir: Path | None) -> Path | None:
    """Where the bundled Q4_1 model is kept as Q8_0 (prompts evaluate about twice as fast); None for other models."""
    from rag.models.bundled import bundled_llm_path

    if state_dir is None or info.quantization != "Q4_1":
        return None
    try:
        bundled = model_path.resolve() == bundled_llm_path().resolve()
    except ModelError:
        return None
    return state_dir / f"{model_path.stem.rsplit('.', 1)[0]}.Q8_0.gguf" if bundled else None


def _llama_backend(settings: LlamaSettings):
    from rag.models.llama_backend import LlamaBackend

    return LlamaBackend(settings)


def llama_cpp_version() -> str:
    try:
        return importlib.metadata.version("llama_cpp_python")
    except importlib.metadata.PackageNotFoundError:
        return "missing"


def _died_message(model_name: str, died: ModelProcessDied, loading: bool) -> str:
    if died.timed_out_after_s is not None:
        return (
            f"The language model ({model_name}) did not finish loading within {died.timed_out_after_s / 60:.0f} "
            "minutes and was stopped; the computer may be very busy. Faro tries again at your next question."
        )
    if died.out_of_memory:
        return (
            f"The language model ({model_name}) ran out of memory and was stopped. Faro restarted it; choose a "
            "smaller model or a shorter context in Settings if this happens again."
        )
    if loading:
        return (
            f"The language model ({model_name}) stopped unexpectedly while loading, even in safe mode "
            f"({died.during}). Choose another model in Settings; the log file has the details."
        )
    return "The language model stopped unexpectedly; Faro restarted it. Ask your question again."
