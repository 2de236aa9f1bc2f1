"""A stand-in for the ONNX export that talks like torch's exporter and onnxruntime's quantizer do (spawn-importable)."""
from __future__ import annotations

import logging
import os
import warnings
from pathlib import Path


class TracerWarning(Warning):
    """Named like torch.jit's warning."""


def noisy_export(model_dir: Path, target: Path) -> Path:
    warnings.warn("Converting a tensor to a Python boolean might cause the trace to be incorrect.", TracerWarning)
    logging.warning("Please consider to run pre-processing before quantization.")
    os.write(2, b"native library chatter on stderr\n")
    target.write_bytes(b"onnx")
    return target
