"""Measures the desktop app: time from launch to window shown, and event-loop stalls while indexing filings."""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
USAGE = """
launch [--runs 5]   starts `faro gui` under Xvfb and polls (xdotool) until its window is mapped. "Cold" runs first
                    evict the app's own files (Python stdlib, PySide6/Qt, Faro) from the page cache with
                    posix_fadvise; "warm" runs follow each other on the same data folder.
stall [--docs DIR]  opens the window on a fresh data folder with the real models, adds DIR (default
                    ../shared/eval/sec10q/docs) and records the longest gap between ticks of a 10 ms timer on the
                    GUI thread while the models load, while the documents are indexed, and while an answer streams.
"""
DISPLAY = ":88"
TICK_MS = 10


def evict_from_page_cache(folders: list[Path]) -> int:
    """Ask the kernel to drop these files from its cache (affects only these files); returns the bytes touched."""
    total = 0
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() and not path.is_symlink():
                try:
                    with open(path, "rb") as handle:
                        os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
                    total += path.stat().st_size
                except OSError:
                    continue
    return total


def window_mapped() -> bool:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", "^Faro"], env=dict(os.environ, DISPLAY=DISPLAY),
        capture_output=True, text=True,
    )
    return bool(found.stdout.strip())


def wait_for_display() -> None:
    deadline = time.monotonic() + 30
    while subprocess.run(["xdotool", "getdisplaygeometry"], env=dict(os.environ, DISPLAY=DISPLAY), capture_output=True).returncode:
        if time.monotonic() > deadline:
            raise TimeoutError(f"Xvfb did not start on {DISPLAY}")
        time.sleep(0.1)


def launch_once(data_dir: Path) -> float:
    faro = Path(sys.executable).with_name("faro")
    command = [str(faro)] if faro.exists() else [sys.executable, "-m", "app.launcher"]
    env = dict(os.environ, DISPLAY=DISPLAY, QT_QPA_PLATFORM="xcb", FARO_LOG_DIR=str(data_dir / "logs"))
    log = open(data_dir / "launch.log", "w+b")
    started = time.perf_counter()
    process = subprocess.Popen([*command, "gui", "--data-dir", str(data_dir)], cwd=ROOT, env=env, stdout=log, stderr=log)
    try:
        while not window_mapped():
            if process.poll() is not None:
                log.seek(0)
                raise RuntimeError(f"faro exited before showing its window: {log.read()[-2000:].decode(errors='replace')}")
            if time.perf_counter() - started > 60:
                raise TimeoutError("no window after 60 s")
            time.sleep(0.01)
        return time.perf_counter() - started
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def measure_launch(runs: int) -> dict:
    import PySide6
    import shiboken6

    app_files = [Path(sysconfig.get_paths()["stdlib"]), Path(PySide6.__file__).parent, Path(shiboken6.__file__).parent,
                 ROOT / "app", ROOT / "rag"]
    xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1440x900x24", "-nolisten", "tcp"])
    try:
        wait_for_display()
        cold, warm = [], []
        for _ in range(runs):
            data = Path(tempfile.mkdtemp(prefix="faro-launch-"))
            evict_from_page_cache(app_files)
            cold.append(launch_once(data))
            shutil.rmtree(data, ignore_errors=True)
        data = Path(tempfile.mkdtemp(prefix="faro-launch-"))
        launch_once(data)
        for _ in range(runs):
            warm.append(launch_once(data))
        shutil.rmtree(data, ignore_errors=True)
    finally:
        xvfb.terminate()
        xvfb.wait()
    return {
        "cold_s": [round(x, 3) for x in cold], "cold_median_s": round(statistics.median(cold), 3),
        "warm_s": [round(x, 3) for x in warm], "warm_median_s": round(statistics.median(warm), 3),
    }


class StallMeter:
    """Records the gaps between ticks of a timer on the GUI thread, per phase."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.phase = "startup"
        self.gaps: dict[str, list[float]] = {}
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.setdefault(self.phase, []).append((now - self._last) * 1000 - TICK_MS)
        self._last = now

    def summary(self) -> dict:
        result = {}
        for phase, gaps in self.gaps.items():
            ordered = sorted(gaps)
            result[phase] = {
                "ticks": len(gaps),
                "max_stall_ms": round(ordered[-1], 1),
                "p99_stall_ms": round(ordered[int(0.99 * (len(ordered) - 1))], 1),
                "stalls_over_50ms": sum(1 for g in gaps if g > 50),
            }
        return result


def run_until(condition) -> None:
    """Run the real Qt event loop until ``condition()`` holds (checked every 50 ms)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    check = QTimer()
    check.timeout.connect(lambda: condition() and loop.quit())
    check.start(50)
    if not condition():
        loop.exec()
    check.stop()


def measure_stalls(docs: Path) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from app.main import application, build_window
    from rag.config import Config

    application()
    work = Path(tempfile.mkdtemp(prefix="faro-stall-"))
    window = build_window(Config(data_dir=work / "data"))
    window.show()
    meter = StallMeter()
    started = time.perf_counter()
    window.start()
    meter.phase = "loading models"
    run_until(lambda: window.models_ready)
    meter.phase = "indexing"
    indexing_started = time.perf_counter()
    window.add_paths([str(docs)])
    run_until(lambda: not window.indexing.active and window.library.loaded)
    indexing_seconds = time.perf_counter() - indexing_started
    meter.phase = "answering"
    window.ask("What was Apple's total net sales in the quarter?")
    run_until(lambda: not window.chat.busy)
    meter.timer.stop()
    rows = window.library.model.rows
    window.close()
    shutil.rmtree(work, ignore_errors=True)
    return {
        "documents": {status: sum(1 for r in rows if r.status == status) for status in {r.status for r in rows}},
        "indexing_seconds": round(indexing_seconds, 1),
        "total_seconds": round(time.perf_counter() - started, 1),
        "phases": meter.summary(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, epilog=USAGE, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    launch = sub.add_parser("launch")
    launch.add_argument("--runs", type=int, default=5)
    stall = sub.add_parser("stall")
    stall.add_argument("--docs", default=str(ROOT.parent / "shared" / "eval" / "sec10q" / "docs"))
    args = parser.parse_args()
    result = measure_launch(args.runs) if args.what == "launch" else measure_stalls(Path(args.docs))
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
