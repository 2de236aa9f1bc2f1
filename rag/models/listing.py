"""``faro models``: the GGUF models found on this computer, or the models an answer server offers."""
from __future__ import annotations

import json

from rag.config import Config, default_data_dir
from rag.models.discovery import find_models
from rag.models.fit import human_parameters, human_size


def print_models(data_dir: str | None, folders: list[str], server_url: str | None, as_json: bool) -> int:
    """Print the models (a table, or JSON with ``as_json``); returns the exit status."""
    config = Config.load(default_data_dir(data_dir))
    if server_url:
        from rag.models.server_address import server_models

        names = server_models(server_url, connect_timeout_s=10.0)
        print(json.dumps(names, indent=2) if as_json else "\n".join(names))
        return 0
    models = find_models([*config.model_folders, *folders])
    if as_json:
        print(json.dumps([m.to_json() for m in models], indent=2, ensure_ascii=False))
        return 0
    if not models:
        print("No GGUF models found. Add a folder with: faro models --folder PATH")
        return 0
    for model in models:
        info = model.info
        facts = "" if info is None else (
            f"{human_parameters(info.parameter_count):>6}  {info.quantization:<7} {human_size(info.size_bytes):>9}  "
            f"ctx {info.context_length or 0:>7,}  {'chat template' if info.has_chat_template else 'no template  '}"
        )
        print(f"{'✓' if model.usable else '✗'} {model.label[:48]:<48} {facts}  {model.app}")
        print(f"    {model.path}" + (f"\n    not for answers: {model.problem}" if model.problem else ""))
    return 0
