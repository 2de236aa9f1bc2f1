"""Model discovery speed: finding and reading 50 GGUF files with real-size vocabularies, against a full header walk."""
from __future__ import annotations

import struct
import tempfile
import time
from pathlib import Path

from bench.gguf_samples import write_gguf
from bench.metrics import median

VOCABULARIES = (32_000, 49_152, 128_256, 151_936, 256_000)


def _full_walk(path: Path) -> None:
    """The header read without skipping long vocabularies (what Faro did before), for comparison."""
    from rag.models import gguf

    with open(path, "rb") as handle:
        handle.read(4)
        _, tensors, keys = struct.unpack("<IQQ", handle.read(20))
        gguf._read_metadata(handle, keys, fast=False)
        gguf._tensor_table(handle, tensors, 32)


def model_scan(files: int = 50, reps: int = 5) -> dict:
    """Median seconds to scan ``files`` models (page cache warm) with Faro's reader, and with a full header walk."""
    from rag.models.discovery import ModelFolder, scan_models

    with tempfile.TemporaryDirectory(prefix="faro-scan-") as work:
        folder = Path(work) / "models"
        for n in range(files):
            vocab = VOCABULARIES[n % len(VOCABULARIES)]
            write_gguf(folder / f"publisher-{n % 7}" / f"model-{n}-Q4_K_M.gguf", vocab_size=vocab, layers=32, parameters=7_000_000_000)
        paths = sorted(folder.rglob("*.gguf"))
        header_mb = sum(p.stat().st_blocks * 512 for p in paths) / 2**20
        scan, full = [], []
        for _ in range(reps):
            began = time.perf_counter()
            found = scan_models([ModelFolder("Your folder", folder)])
            scan.append(time.perf_counter() - began)
            began = time.perf_counter()
            for path in paths:
                _full_walk(path)
            full.append(time.perf_counter() - began)
    return {
        "files": files, "found": len(found), "usable": sum(m.usable for m in found), "header_mb_on_disk": round(header_mb, 1),
        "vocabularies": list(VOCABULARIES), "scan_s": median(scan), "full_walk_s": median(full), "reps": reps,
        "target_s": 1.0,
    }


def summary(data: dict) -> list[str]:
    return [f"  {data['files']} GGUF files ({data['header_mb_on_disk']} MB of headers): scan {data['scan_s']:.3f} s "
            f"(target ≤ {data['target_s']} s), full header walk {data['full_walk_s']:.3f} s"]


def markdown(data: dict) -> list[str]:
    return [
        "## Models found on disk", "",
        f"Scanning a folder of {data['files']} GGUF files with real-size vocabularies ({', '.join(f'{v:,}' for v in data['vocabularies'])} "
        f"tokens; {data['header_mb_on_disk']} MB of headers, weights as holes), page cache warm, median of {data['reps']}: "
        f"**{data['scan_s']:.3f} s** (target ≤ {data['target_s']} s). Walking every vocabulary string, as the reader did before, "
        f"takes {data['full_walk_s']:.3f} s.", "",
    ]
