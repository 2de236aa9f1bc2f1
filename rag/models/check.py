"""`faro doctor`'s answer-model section: processor features, llama.cpp's build, safe mode, and a real load and self-test."""
from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field

from rag.errors import FaroError
from rag.models.safe_mode import cpu_features, cpu_model


@dataclass
class ModelCheck:
    """What loading the answer model in its own process showed."""

    model: str
    cpu: str = field(default_factory=cpu_model)
    cpu_features: list[str] = field(default_factory=cpu_features)
    llama_system_info: str = ""
    llama_cpp_version: str = ""
    safe_mode: bool = False
    threads: int = 0
    load_seconds: float = 0.0
    problem: str = ""

    @property
    def healthy(self) -> bool:
        return not self.problem

    def to_json(self) -> dict:
        return {**asdict(self), "healthy": self.healthy}

    def describe(self) -> str:
        lines = [
            f"Answer model: {self.model}",
            f"  Processor: {self.cpu}",
            f"  Vector features: {' '.join(self.cpu_features) or 'unknown'}",
            f"  llama.cpp {self.llama_cpp_version}: {self.llama_system_info or 'not loaded'}",
        ]
        if self.problem:
            lines.append(f"  Problem: {self.problem}")
            return "\n".join(lines)
        lines.append(
            "  Safe mode: on (weight repacking off after a crash on this processor)" if self.safe_mode
            else "  Safe mode: off (the model passed its self-test with llama.cpp's fast kernels)"
        )
        lines.append(f"  Loaded and self-tested in {self.load_seconds:.1f} s with {self.threads} threads.")
        return "\n".join(lines)


def check_answer_model(generator) -> ModelCheck:
    """Load ``generator``'s model now (in its own process) and report; a local generator without a process reports less."""
    check = ModelCheck(model=str(getattr(generator, "model_path", type(generator).__name__)))
    load = getattr(generator, "load", None)
    if load is None:
        return check
    began = time.perf_counter()
    try:
        described = load() or {}
    except FaroError as exc:
        check.problem = str(exc)
        return check
    check.load_seconds = time.perf_counter() - began
    check.llama_system_info = described.get("system_info", "")
    check.llama_cpp_version = described.get("llama_cpp_version", "")
    check.safe_mode = bool(described.get("safe_mode", False))
    check.threads = int(described.get("n_threads", 0))
    return check
