"""The window shows before any heavy library is imported; the engine and models load afterwards on the worker."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tests.fakes import FakeEmbedder

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("torch", "llama_cpp", "chromadb", "sentence_transformers")


def test_building_and_showing_the_window_imports_no_heavy_library(tmp_path):
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from app.main import application, build_window
        from rag.config import Config
        app = application()
        window = build_window(Config(data_dir=Path({str(tmp_path / 'data')!r})))
        window.show()
        app.processEvents()
        assert window.isVisible()
        print(",".join(m for m in {HEAVY!r} if m in sys.modules) or "none")
        window.worker.shutdown()
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FARO_LOG_DIR=str(tmp_path / "logs"))
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "none"


def test_engine_opens_on_the_worker_after_the_window_and_reports_collections(make_window):
    window = make_window()
    assert window.engine_info.collection == "default"
    assert window.collections.current == "default"
    assert window.library_panel.stack.currentWidget() is window.library_panel.empty, "first run shows the drop hint"
    assert "Drop" in window.library_panel.empty.text()


def test_models_load_in_the_background_with_a_status_message(make_window, qtbot):
    window = make_window()
    qtbot.waitUntil(lambda: window.models_ready, timeout=20000)
    assert "Ready" in window.model_status.text()


def test_first_start_says_the_embedding_model_is_being_prepared(make_window, qtbot):
    release = threading.Event()

    class UnpreparedEmbedder(FakeEmbedder):
        prepared = False

        def embed(self, texts):
            release.wait(10)
            return super().embed(texts)

    window = make_window(embedder=UnpreparedEmbedder())
    assert "Preparing the embedding model" in window.model_status.text()
    release.set()
    qtbot.waitUntil(lambda: window.models_ready, timeout=20000)
    assert "Ready" in window.model_status.text()


def test_run_gui_rejects_a_broken_settings_file_with_a_message(tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from app import main

    (tmp_path / "faro.toml").write_text("temperature = 9\n", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setenv("FARO_LOG_DIR", str(tmp_path / "logs"))
    assert main.run_gui(["--data-dir", str(tmp_path)]) == 2
    assert "Temperature must be between 0 and 2" in shown[0]


def test_quit_ends_the_process_right_after_the_window_closes(make_window, monkeypatch, qtbot):
    """Python's teardown after the window closed kept Quit waiting about two seconds; the process now ends at once."""
    from app import main as app_main

    window = make_window()
    ended = []
    monkeypatch.setattr(app_main, "application", lambda: QApplication.instance())
    monkeypatch.setattr(app_main, "build_window", lambda config, factory=None: window)
    monkeypatch.setattr(window, "start", lambda: QTimer.singleShot(50, window.close))
    monkeypatch.setattr(app_main.os, "_exit", lambda code: ended.append((code, window.worker._closed)))
    app_main.run_gui(["--data-dir", str(window.config.data_dir)])
    assert ended == [(0, True)], "the process ends with the engine already shut down"
