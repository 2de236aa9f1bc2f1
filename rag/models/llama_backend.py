"""llama.cpp inside the model process: load with the chosen settings, self-test, count tokens and stream replies."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from rag.models.cpu_load import LoadWatch
from rag.models.disk_space import require_free_space

SELF_TEST_PROMPT = "Faro checks that the language model runs on this processor. " * 6
BATCH_TOKENS = 512
# A Q8_0 copy of a 4-bit model is about 1.9 times its size; a full disk otherwise made llama.cpp fail the conversion
# with no reason given.
Q8_0_SPACE_FACTOR = 2


@dataclass(frozen=True)
class LlamaSettings:
    """How the child loads the model. ``safe_mode`` turns off llama.cpp's weight repacking (extra buffer types),
    the code path that crashes on some processors (AMX on Intel Xeon, ggml-org/llama.cpp#20824)."""

    model_path: str
    n_ctx: int
    n_threads: int
    n_gpu_layers: int
    safe_mode: bool = False
    requantized_path: str | None = None


def system_info() -> str:
    """llama.cpp's build and processor features, e.g. ``AVX2 = 1 | AMX_INT8 = 0 | REPACK = 1 | OPENMP = 1``."""
    import llama_cpp

    return llama_cpp.llama_print_system_info().decode("utf-8", "replace").strip()


class LlamaBackend:
    """A GGUF model loaded by llama-cpp-python; prompt and decode use the same threads, fewer while the machine is busy.

    With ``requantized_path`` the model is first rewritten there as Q8_0 (once; about a second for the bundled
    model), which llama.cpp evaluates prompts with about twice as fast as Q4_1 on the same processor.
    """

    def __init__(self, settings: LlamaSettings) -> None:
        import logging

        import llama_cpp
        from llama_cpp import Llama

        logging.getLogger("llama-cpp-python").setLevel(logging.CRITICAL)  # llama.cpp's chatter stays off the terminal

        if settings.safe_mode:
            turn_off_extra_buffer_types(llama_cpp)
        self.settings = settings
        self._llama_cpp_version = getattr(llama_cpp, "__version__", "?")
        self._llama_cpp = llama_cpp
        self.model_file = settings.model_path
        if settings.requantized_path:
            self.model_file = requantize_q8_0(settings.model_path, settings.requantized_path)
        self.load_watch = LoadWatch()
        self.threads = settings.n_threads
        self.llama = Llama(
            model_path=self.model_file,
            n_ctx=settings.n_ctx,
            n_threads=settings.n_threads,
            n_threads_batch=settings.n_threads,
            n_batch=BATCH_TOKENS,
            n_ubatch=BATCH_TOKENS,
            n_gpu_layers=settings.n_gpu_layers,
            verbose=False,
        )

    def describe(self) -> dict[str, Any]:
        return {
            "system_info": system_info(),
            "llama_cpp_version": self._llama_cpp_version,
            "safe_mode": self.settings.safe_mode,
            "extra_buffer_types": bool(self._llama_cpp.llama_cpp.llama_model_default_params().use_extra_bufts),
            "n_threads": self.settings.n_threads,
            "model_file": self.model_file,
        }

    def self_test(self) -> None:
        """Evaluate a short prompt and decode two tokens: the first decode is where processor-specific kernels crash."""
        tokens = self.llama.tokenize(SELF_TEST_PROMPT.encode("utf-8"), add_bos=True)
        self.llama.reset()
        self.llama.eval(tokens)
        self.llama.eval([self.llama.token_eos()])
        self.llama.reset()

    def count_tokens(self, text: str) -> int:
        return len(self.llama.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def stream(self, messages: list[dict[str, str]], max_tokens: int, temperature: float) -> Iterator[str]:
        threads = self.load_watch.threads(self.settings.n_threads)
        if threads != self.threads:
            self._llama_cpp.llama_set_n_threads(self.llama.ctx, threads, threads)
            self.threads = threads
        for part in self.llama.create_chat_completion(
            messages=messages, max_tokens=max_tokens, temperature=temperature, stream=True, repeat_penalty=1.1
        ):
            piece = part["choices"][0]["delta"].get("content")
            if piece:
                yield piece


def requantize_q8_0(source: str, target: str) -> str:
    """Write ``source`` as a Q8_0 model at ``target`` unless it is already there; returns ``target``.

    Q8_0 keeps the 4-bit weights' values almost exactly (8 bits per weight) and has llama.cpp's fast matrix
    kernels on every x86 and Arm processor, with or without weight repacking.
    """
    import os

    import llama_cpp

    if os.path.isfile(target):
        return target
    os.makedirs(os.path.dirname(target), exist_ok=True)
    require_free_space(os.path.dirname(target), Q8_0_SPACE_FACTOR * os.path.getsize(source), "Preparing the answer model")
    partial = f"{target}.{os.getpid()}.tmp"
    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = llama_cpp.LLAMA_FTYPE_MOSTLY_Q8_0
    params.allow_requantize = True
    try:
        if llama_cpp.llama_model_quantize(source.encode(), partial.encode(), params) != 0:
            raise ValueError(f"llama.cpp could not convert {os.path.basename(source)} to Q8_0")
        os.replace(partial, target)
    finally:
        if os.path.exists(partial):
            os.remove(partial)
    return target


def turn_off_extra_buffer_types(llama_cpp_module) -> None:
    """Make every model this process loads use plain CPU buffers (``use_extra_bufts = False``).

    llama-cpp-python has no constructor argument for it, so its default-parameters function is wrapped: for the
    whole process, so only in the dedicated model process (and the benchmarks' and tests' own llama.cpp processes).
    """
    native = llama_cpp_module.llama_cpp
    defaults = native.llama_model_default_params

    def without_extra_buffers():
        params = defaults()
        params.use_extra_bufts = False
        return params

    native.llama_model_default_params = without_extra_buffers
