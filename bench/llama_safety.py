"""In-process llama.cpp in the benchmarks gets the safe mode Faro's model process chose for this processor."""
from __future__ import annotations


def use_safe_mode_here() -> None:
    """Every llama.cpp model this process loads from now on runs without extra buffer types (weight repacking,
    AMX), as Faro's model process does after a crash on this processor: the raw pipelines must not take the
    benchmark down."""
    import llama_cpp

    from rag.models.llama_backend import turn_off_extra_buffer_types

    turn_off_extra_buffer_types(llama_cpp)
