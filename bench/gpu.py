"""GPU offload: records which device the numbers come from and whether llama.cpp and a GPU were available."""
from __future__ import annotations

import shutil
import subprocess


def _gpu_name() -> str | None:
    if shutil.which("nvidia-smi") is None:
        return None
    completed = subprocess.run(["nvidia-smi", "--query-gpu=name", "--format=csv,noheader"], capture_output=True, text=True)
    return completed.stdout.strip() or None if completed.returncode == 0 else None


def gpu_offload() -> dict:
    """The device every section ran on; GPU timings are only taken on a machine with a GPU and a GPU build of llama.cpp."""
    from rag.models.generator import gpu_offload_supported

    name = _gpu_name()
    supported = gpu_offload_supported()
    if name and supported:
        note = f"GPU {name} present with a GPU build of llama.cpp; the sections above still ran on the CPU."
    elif name:
        note = f"GPU {name} present, but the installed llama.cpp is a CPU build, so nothing was offloaded."
    else:
        note = "No GPU was available on this machine (nor lent to this session); every number is a CPU number."
    return {"device": "cpu", "gpu": name, "llama_cpp_gpu_offload": supported, "note": note}
