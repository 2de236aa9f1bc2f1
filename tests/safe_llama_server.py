"""llama-cpp-python's OpenAI-compatible server with llama.cpp's extra buffer types off, as Faro's safe mode runs it.

On Intel Xeons with AMX the server dies on its first answer (SIGILL in ``ggml_backend_amx_mul_mat``,
ggml-org/llama.cpp#20824); the tests exercise Faro's server client, not that upstream bug.
"""
import runpy

import llama_cpp

from rag.models.llama_backend import turn_off_extra_buffer_types

if __name__ == "__main__":
    turn_off_extra_buffer_types(llama_cpp)
    runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)
