"""Settings → Model: models found on disk without browsing, and a real OpenAI-compatible server asked from the window."""
from __future__ import annotations

import threading

import keyring
import pytest

from app.settings_dialog import SettingsDialog
from bench.gguf_samples import sample_model_home
from rag.config import Config
from rag.models.server_generator import ServerGenerator
from tests.gui.conftest import wait_for
from tests.gui.test_settings import save
from tests.llama_server import MODEL_ALIAS, LlamaServer, MemoryKeyring, server_available

QUESTION = "What is the maximum operating pressure of the booster pump?"


@pytest.fixture
def user_home(tmp_path, monkeypatch):
    """A home folder where LM Studio, GPT4All, Jan, Ollama, Hugging Face and llama.cpp left their models."""
    home = sample_model_home(tmp_path / "home")
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "HF_HOME", "HF_HUB_CACHE", "LLAMA_CACHE", "OLLAMA_MODELS"):
        monkeypatch.delenv(name, raising=False)
    return home


def test_models_on_disk_are_listed_without_browsing_and_one_click_chooses_one(qtbot, tmp_path, user_home, monkeypatch):
    import app.model_picker as picker_module

    scanned_on = []
    real_find = picker_module.find_models
    monkeypatch.setattr(picker_module, "find_models", lambda folders: scanned_on.append(threading.current_thread()) or real_find(folders))
    dialog = SettingsDialog(Config(data_dir=tmp_path / "data"), gpu_supported=False)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.picker.scanned, timeout=20000):
        pass
    assert scanned_on and scanned_on[0] is not threading.main_thread(), "the scan runs off the GUI thread"
    table = dialog.picker.table
    rows = {table.topLevelItem(i).text(0): table.topLevelItem(i) for i in range(table.topLevelItemCount())}
    assert {"Qwen2.5-7B-Instruct-Q4_K_M", "Llama-3.2-3B-Instruct-Q4_0", "mistral-7b-instruct-v0.3", "llama3.2:latest",
            "Phi-3.5-mini-instruct-Q4_K_M", "ggml-org_gemma-3-1b-it-GGUF_gemma-3-1b-it-Q4_K_M", "SmolLM2 135M (bundled)"} < set(rows)
    qwen = rows["Qwen2.5-7B-Instruct-Q4_K_M"]
    assert [qwen.text(c) for c in range(1, 7)] == ["7.6B", "Q4_K_M", "4.0 GB", "32,768", "yes", "LM Studio"]
    apart = rows["Not answer models (3)"]
    names = sorted(apart.child(i).text(0) for i in range(apart.childCount()))
    assert names == ["Meta-Llama-3.1-8B-Q8_0", "llava-v1.5-7b-mmproj-model-f16", "nomic-embed-text-v1.5.Q8_0"]
    dialog.picker._clicked(apart.child(0))
    assert dialog.model_path.text() == "", "a file that cannot answer is not chosen"
    dialog.picker._clicked(qwen)
    assert dialog.model_path.text().endswith("Qwen2.5-7B-Instruct-Q4_K_M.gguf")
    assert "Qwen2.5 7B Instruct" in dialog.model_facts.text()
    assert dialog.memory_fit.text().startswith("Needs about 4.") and "is free now" in dialog.memory_fit.text()
    config = dialog.values()
    assert config.answer_backend == "local" and config.llm_path.name == "Qwen2.5-7B-Instruct-Q4_K_M.gguf"


def test_a_server_outside_the_private_network_is_flagged(qtbot, tmp_path):
    dialog = SettingsDialog(Config(data_dir=tmp_path / "data"), gpu_supported=False)
    qtbot.addWidget(dialog)
    dialog.on_server.setChecked(True)
    dialog.server.url.setText("https://llm.example.com/v1")
    assert "passages from your documents will be sent to it" in dialog.server.privacy.text()
    dialog.server.url.setText("http://192.168.1.40:8080/v1")
    assert "go to this server only" in dialog.server.privacy.text()
    dialog.request_apply()
    assert "Test connection lists them" in dialog.error.text()


@pytest.mark.real_models
@pytest.mark.skipif(server_available() is not None, reason=str(server_available()))
def test_window_answers_through_a_real_server_and_recovers_when_it_dies(make_window, documents, qtbot, tmp_path):
    previous = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    server = LlamaServer(tmp_path)
    try:
        # Any generator the settings replace: once the server is chosen, the engine builds its own from the settings.
        window = make_window(generator=ServerGenerator("http://127.0.0.1:9/v1", "placeholder"), min_relevance=0.0, max_tokens=24)
        with qtbot.waitSignal(window.indexing.finished, timeout=30000):
            window.add_paths([str(documents)])
        dialog = window.settings.open()
        dialog.on_server.setChecked(True)
        dialog.server.url.setText(server.url)
        with qtbot.waitSignal(dialog.server.tested, timeout=30000):
            dialog.server.test.click()
        assert dialog.server.model.currentText() == MODEL_ALIAS and "offers 1 model" in dialog.server.result.text()
        dialog.server.api_key.setText("team-key")
        with qtbot.waitSignal(dialog.finished, timeout=20000):
            save(dialog)
        saved = (tmp_path / "data" / "faro.toml").read_text()
        assert 'answer_backend = "server"' in saved and "team-key" not in saved
        assert store.passwords == {("Faro answer server", server.url): "team-key"}

        with qtbot.waitSignal(window.chat.answered, timeout=120000) as answered:
            window.ask(QUESTION)
        assert answered.args[0].answer.strip() and answered.args[0].sources

        window.settings.apply(window.config.replace(max_tokens=384))
        wait_for(qtbot, lambda: window.config.max_tokens == 384)
        with qtbot.waitSignal(window.chat.answered, timeout=120000) as lost:
            window.ask("Describe the booster pump, the station logbook and the strainer in detail.")
            wait_for(qtbot, lambda: window.chat_panel.live_card is not None and window.chat_panel.live_card.streamed, 60)
            server.kill()
        assert "lost in the middle of the answer" in lost.args[0].note and lost.args[0].evidence
        with LlamaServer(tmp_path, port=server.port):
            with qtbot.waitSignal(window.chat.answered, timeout=120000) as again:
                window.ask(QUESTION)
        assert again.args[0].answer.strip()
    finally:
        server.kill()
        keyring.set_keyring(previous)


def test_the_desktop_app_loads_no_http_code_until_a_server_is_used(tmp_path):
    """The window and the Settings dialog, server page included, start without the HTTP client; Test connection
    (``server_models``) loads it."""
    import subprocess
    import sys

    from tests.documents import REPO

    script = f"""
import sys
from pathlib import Path
from app.main import application, build_window
from app.settings_dialog import SettingsDialog
from rag.config import Config
from tests.fakes import FakeEmbedder, FakeGenerator
from rag.engine import Engine
qt = application()
config = Config(data_dir=Path({str(tmp_path / 'data')!r}))
window = build_window(config, lambda: Engine(config, embedder=FakeEmbedder(), generator=FakeGenerator()))
window.show()
dialog = SettingsDialog(config, False, window)
dialog.show()
qt.processEvents()
print("before", "rag.models.server_generator" in sys.modules, "http.client" in sys.modules)
from rag import FaroError, server_models
try:
    server_models("http://127.0.0.1:9/v1", connect_timeout_s=1)
except FaroError:
    pass
print("after", "rag.models.server_generator" in sys.modules)
window.close()
"""
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "FARO_HOME": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.strip().splitlines()
    assert "before False False" in lines, result.stdout
    assert "after True" in lines, "the check can see the module load"
