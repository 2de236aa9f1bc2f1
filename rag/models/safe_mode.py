"""Remembers, per model file, processor and llama.cpp version, that the model crashed and must load in safe mode."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import platform
from pathlib import Path

log = logging.getLogger(__name__)

_FEATURE_PREFIXES = ("avx", "amx", "fma", "f16c", "sse", "vnni", "bf16")


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def cpu_features() -> list[str]:
    """The processor's vector-instruction features that decide which llama.cpp kernels run (Linux; else empty)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("flags"):
                flags = line.split(":", 1)[1].split()
                return sorted(f for f in flags if f.startswith(_FEATURE_PREFIXES))
    except OSError:
        pass
    return []


def crash_key(model_path: str | os.PathLike, llama_cpp_version: str) -> str:
    """Identifies one model file on one kind of processor with one llama.cpp build."""
    path = Path(model_path)
    try:
        stat = path.stat()
        identity = f"{path.name}:{stat.st_size}"
    except OSError:
        identity = path.name
    processor = hashlib.sha1(f"{cpu_model()}|{' '.join(cpu_features())}".encode()).hexdigest()[:12]
    return f"{identity}|cpu-{processor}|llama.cpp-{llama_cpp_version}"


class SafeModeMemory:
    """A small JSON file of the keys that need safe mode, with the reason; ``path=None`` keeps it in memory only."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._entries: dict[str, str] = self._read()

    def needs_safe_mode(self, key: str) -> bool:
        return key in self._entries

    def remember(self, key: str, reason: str) -> None:
        self._entries[key] = reason
        log.warning("Safe mode is now on for %s: %s", key, reason)
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_suffix(".tmp")
            partial.write_text(json.dumps(self._entries, indent=1), encoding="utf-8")
            os.replace(partial, self.path)
        except OSError as exc:
            log.warning("Could not save the safe-mode note %s: %s", self.path, exc)

    def _read(self) -> dict[str, str]:
        if self.path is None or not self.path.is_file():
            return {}
        try:
            entries = json.loads(self.path.read_text(encoding="utf-8"))
            return {str(k): str(v) for k, v in entries.items()} if isinstance(entries, dict) else {}
        except (OSError, ValueError):
            return {}
