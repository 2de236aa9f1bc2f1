"""Switches off every network path of the libraries Faro uses, native ones included, before any of them loads."""
from __future__ import annotations

import os

OFFLINE_ENVIRONMENT = {
    # onnxruntime's official wheels send Microsoft 1DS telemetry and write a device id unless this is set before
    # the runtime initialises.
    "ORT_DISABLE_TELEMETRY": "1",
    # Hugging Face hub, transformers, datasets, sentence-transformers: never download, never report.
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_IMPLICIT_TOKEN": "1",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "TRANSFORMERS_VERBOSITY": "error",
    "TOKENIZERS_PARALLELISM": "false",
    # Chroma's product telemetry (PostHog).
    "ANONYMIZED_TELEMETRY": "False",
    "DO_NOT_TRACK": "1",
}


def enforce_offline() -> None:
    """Set the environment so no library Faro loads will reach the network; child processes inherit it.

    Call before importing any of those libraries: the CLI and the app do so first thing, every helper process
    again on start.
    """
    os.environ.update(OFFLINE_ENVIRONMENT)
