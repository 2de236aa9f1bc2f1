"""Opens Faro's window offscreen and prints the seconds from interpreter start to the window shown with its event loop running.

Usage: python -m bench.gui_probe DATA_DIR
"""
from __future__ import annotations

import os
import sys
import time

STARTED = time.perf_counter()


def main(data_dir: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer

    from app.main import application, build_window
    from rag.config import Config

    app = application()
    window = build_window(Config.load(data_dir))
    window.show()

    def shown() -> None:
        print(f"shown {time.perf_counter() - STARTED:.4f}", flush=True)
        app.quit()

    QTimer.singleShot(0, shown)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
