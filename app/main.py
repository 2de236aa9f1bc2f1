"""Starts the desktop app: the window shows first; the engine and the models load afterwards on the worker thread."""
from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.i18n import current_language, install_translators
from app.theme import apply_theme
from app.window import MainWindow
from app.worker import EngineWorker
from rag import Config, default_data_dir, FaroError, localize, setup_logging


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="faro gui", description="Open Faro's desktop app.")
    parser.add_argument("--data-dir", help="library folder (default: $FARO_HOME, else the platform's data folder)")
    parser.add_argument("--collection", help="collection to show first (default: the last one used)")
    return parser.parse_args(argv)


def open_engine(config: Config) -> Any:
    """Create the engine; called on the worker thread, after the window is on screen."""
    from rag import Engine

    engine = Engine(config)
    engine.interface_language = current_language()
    return engine


def build_window(config: Config, engine_factory: Callable[[], Any] | None = None) -> MainWindow:
    """The main window with its worker; ``engine_factory`` defaults to the real engine on ``config``."""
    worker = EngineWorker(engine_factory or (lambda: open_engine(config)))
    return MainWindow(config, worker)


def application() -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "faro"])
    app.setApplicationName("Faro")
    app.setApplicationDisplayName("Faro")
    app.setDesktopFileName("faro")
    apply_theme(app)
    return app


def run_gui(argv: list[str]) -> int:
    """``faro`` with no arguments: open the window, then the library; returns the exit code."""
    arguments = parse_arguments(argv)
    app = application()
    setup_logging()
    try:
        config = Config.load(default_data_dir(arguments.data_dir), collection=arguments.collection)
    except FaroError as exc:
        language = install_translators(app)
        QMessageBox.critical(None, QCoreApplication.translate("main", "Faro cannot start"), localize(str(exc), language))
        return 2
    install_translators(app, config.language)
    window = build_window(config)
    window.show()
    QTimer.singleShot(0, window.start)
    exit_now(app.exec())
    return 0


def exit_now(code: int) -> None:
    """End the process as soon as the window has closed: the engine has already closed its files, helper processes
    and the library lock, and Python's own teardown (freeing native models, joining library threads) only made Quit
    wait about two seconds more."""
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass
    os._exit(code)


if __name__ == "__main__":
    sys.exit(run_gui(sys.argv[1:]))
