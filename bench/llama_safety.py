"""In-process llama.cpp in the benchmarks gets the safe mode Faro's model process chose for this processor."""
from __future__ import annotations

import tempfile
from pathlib import Path


def safe_mode_like_faro(model: Path, threads: int) -> bool:
    """Loads ``model`` once in Faro's model process, which self-tests it and switches to safe mode if it crashes
    (AMX on Intel Xeon); when it did, every llama.cpp model this process loads runs without extra buffer types too,
    so the raw and LangChain pipelines do not take the benchmark down. Returns whether safe mode is on."""
    from rag.models.generator import LlamaGenerator

    with tempfile.TemporaryDirectory(prefix="faro-bench-safe-mode-") as state:
        generator = LlamaGenerator(model, 512, threads, 0, state_dir=Path(state))
        try:
            safe = bool(generator.load().get("safe_mode"))
        finally:
            generator.close()
    if safe:
        use_safe_mode_here()
    return safe


def use_safe_mode_here() -> None:
    import llama_cpp

    from rag.models.llama_backend import turn_off_extra_buffer_types

    turn_off_extra_buffer_types(llama_cpp)
