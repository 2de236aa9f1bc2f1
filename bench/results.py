"""The results file: one JSON document per machine, each section replaced when it is run again."""
from __future__ import annotations

import json
import os
import platform
import time
from pathlib import Path

RESULTS_FILE = "results.json"


def default_out_dir() -> Path:
    return Path(__file__).resolve().parents[1] / "docs" / "benchmarks"


def machine() -> dict:
    """What the numbers were measured on."""
    import importlib.metadata as md

    def version(name: str) -> str:
        try:
            return md.version(name)
        except md.PackageNotFoundError:
            return "not installed"

    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    cpu = ""
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(memory, 1),
        "python": platform.python_version(),
        "packages": {n: version(n) for n in (
            "faro", "torch", "sentence-transformers", "transformers", "onnxruntime", "chromadb", "llama_cpp_python",
            "langchain-community", "langchain-chroma", "langchain-text-splitters", "pypdf", "pypdfium2",
        )},
    }


def load(out_dir: Path) -> dict:
    path = out_dir / RESULTS_FILE
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    return {"sections": {}}


def save(out_dir: Path, results: dict) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / RESULTS_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(results, indent=1, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


def record(results: dict, section: str, data: dict, settings: dict) -> None:
    """Put ``data`` in as ``section``, stamped with when and how it was measured."""
    data = dict(data)
    data["measured_at"] = time.strftime("%Y-%m-%d %H:%M:%S")
    data["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    data["settings"] = settings
    results.setdefault("sections", {})[section] = data
    results["machine"] = machine()
