"""Cold start: interpreter, engine import, ``faro --version``, opening a library, and the desktop window shown."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.metrics import median

RUNS = 5
REPO = Path(__file__).resolve().parents[1]


def _wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=REPO, check=True, capture_output=True)
    return time.perf_counter() - started


def _gui_seconds(data_dir: str) -> float:
    """Seconds from the probe's interpreter start to the window shown, plus the interpreter's own start-up."""
    completed = subprocess.run(
        [sys.executable, "-m", "bench.gui_probe", data_dir], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    for line in completed.stdout.splitlines():
        if line.startswith("shown "):
            return float(line.split()[1])
    raise RuntimeError(completed.stderr.strip()[-500:] or "the window was not shown")


def cold_start(runs: int = RUNS) -> dict:
    """Median wall seconds over ``runs`` fresh processes for each start-up step (the OS file cache is warm)."""
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="faro-coldstart-") as data_dir:
        commands = {
            "python_startup": [python, "-c", "pass"],
            "import_engine": [python, "-c", "import rag.engine"],
            "faro_version": [python, "-m", "app.launcher", "--version"],
            "open_library": [python, "-c", f"from rag.engine import Engine; Engine.open({data_dir!r}).close()"],
        }
        out: dict = {"runs": runs, "seconds": {}, "seconds_each": {}}
        for name, command in commands.items():
            if runs > 1:
                _wall(command)  # fills the OS file cache, so every sample starts alike
            samples = [_wall(command) for _ in range(runs)]
            out["seconds"][name] = median(samples)
            out["seconds_each"][name] = samples
        if importlib.util.find_spec("app.main") is None:
            out["window_shown"] = "not measured: the desktop app (app.main) is not present"
            return out
        try:
            if runs > 1:
                _gui_seconds(data_dir)
            samples = [_gui_seconds(data_dir) for _ in range(runs)]
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            out["window_shown"] = f"not measured: {exc}"
            return out
        out["seconds"]["window_shown"] = median(samples) + out["seconds"]["python_startup"]
        out["seconds_each"]["window_shown"] = samples
    return out
