"""Settings: values persist, a bad model file is refused and the previous model keeps working, re-index is offered."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app.settings_apply import apply_settings
from app.settings_dialog import NO_GPU_TEXT, SettingsDialog
from rag.config import Config
from rag.engine import Engine
from rag.errors import ModelError
from rag.models.bundled import bundled_llm_path
from tests.fakes import FakeEmbedder, FakeGenerator
from tests.gui.conftest import wait_for


def save(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_settings_are_applied_saved_and_survive_a_restart(make_window, qtbot, tmp_path):
    window = make_window()
    dialog = window.settings.open()
    assert dialog.isVisible()
    dialog.temperature.setValue(0.7)
    dialog.top_k.setValue(6)
    dialog.max_tokens.setValue(512)
    assert dialog.embedding_backend.currentData() == "onnx-int8"
    dialog.embedding_backend.setCurrentIndex(dialog.embedding_backend.findData("torch"))
    with qtbot.waitSignal(dialog.finished, timeout=10000):
        save(dialog)
    assert window.config.temperature == 0.7 and window.config.top_k == 6
    saved = Config.load(tmp_path / "data")
    assert (saved.temperature, saved.top_k, saved.max_tokens, saved.embedding_backend) == (0.7, 6, 512, "torch")
    window.close()
    again = make_window()
    reopened = again.settings.open()
    assert (reopened.temperature.value(), reopened.top_k.value(), reopened.max_tokens.value()) == (0.7, 6, 512)
    assert reopened.embedding_backend.currentData() == "torch"


def test_a_file_that_is_not_gguf_is_refused_in_the_dialog(make_window, tmp_path):
    window = make_window()
    bad = tmp_path / "model.gguf"
    bad.write_bytes(b"this is not a model at all" * 10)
    dialog = window.settings.open()
    dialog.model_path.setText(str(bad))
    assert "not a GGUF model file" in dialog.model_facts.text()
    save(dialog)
    assert dialog.isVisible() and dialog.error.isVisibleTo(dialog)
    assert "not a GGUF model file" in dialog.error.text()
    assert not (tmp_path / "data" / "faro.toml").exists()
    dialog.model_path.setText(str(tmp_path / "missing.gguf"))
    assert "does not exist" in dialog.model_facts.text()


def test_bundled_model_facts_are_read_from_the_file(make_window):
    dialog = make_window().settings.open()
    assert dialog.model_path.text() == ""
    facts = dialog.model_facts.text()
    assert facts.startswith("SmolLM2 135M Instruct · 94 MB · "), facts
    assert "Smollm2" not in facts and "Lc100K" not in facts
    assert "reads up to 8,192 tokens at once" in facts and "compressed to 4 bits (Q4_1)" in facts
    assert "30 layers" in facts and dialog.gpu_layers.suffix() == " of 30" and dialog.gpu_layers.maximum() == 30, "one layer count"
    edit = dialog.model_path
    assert edit.fontMetrics().horizontalAdvance(edit.placeholderText()) < edit.width() - 12, "the model box is not cut off"


def test_all_layers_on_the_gpu_is_the_same_as_every_layer_counted(qtbot, tmp_path):
    dialog = SettingsDialog(Config(data_dir=tmp_path), gpu_supported=True)
    qtbot.addWidget(dialog)
    dialog.gpu_layers.setValue(30)
    assert dialog.values().n_gpu_layers == -1
    dialog.gpu_layers.setValue(12)
    assert dialog.values().n_gpu_layers == 12


def test_gpu_layers_are_disabled_with_a_reason_without_gpu_support(qtbot, tmp_path):
    dialog = SettingsDialog(Config(data_dir=tmp_path), gpu_supported=False)
    qtbot.addWidget(dialog)
    assert not dialog.gpu_layers.isEnabled() and not dialog.gpu_all.isEnabled()
    assert dialog.gpu_note.text() == NO_GPU_TEXT
    dialog.set_gpu_supported(True)
    assert dialog.gpu_layers.isEnabled()
    dialog.gpu_all.setChecked(True)
    assert not dialog.gpu_layers.isEnabled() and dialog.values().n_gpu_layers == -1


def test_invalid_combination_is_explained(qtbot, tmp_path):
    dialog = SettingsDialog(Config(data_dir=tmp_path), gpu_supported=False)
    qtbot.addWidget(dialog)
    dialog.chunk_tokens.setValue(64)
    dialog.chunk_overlap.setValue(40)
    dialog.request_apply()
    assert "overlap" in dialog.error.text()


@pytest.fixture
def engine(tmp_path):
    engine = Engine(Config(data_dir=tmp_path / "data"), embedder=FakeEmbedder(), generator=FakeGenerator())
    yield engine
    engine.close()


def test_worker_apply_refuses_a_bad_model_and_keeps_the_old_settings(engine, tmp_path):
    bad = tmp_path / "broken.gguf"
    bad.write_bytes(b"GGUF" + b"\x03\x00\x00\x00" + b"\x00" * 5)
    before = engine.config
    with pytest.raises(ModelError, match="incomplete or damaged"):
        apply_settings(engine, before.replace(llm_path=bad, temperature=1.0))
    assert engine.config == before
    assert not (tmp_path / "data" / "faro.toml").exists()


def test_worker_apply_restores_the_old_model_when_loading_fails(tmp_path):
    """A model llama.cpp cannot load (too many GPU layers) is refused and the previous model is loaded again."""
    engine = Engine(Config(data_dir=tmp_path / "data"), embedder=FakeEmbedder())
    try:
        old = engine.config
        with pytest.raises(ModelError):
            apply_settings(engine, old.replace(llm_path=bundled_llm_path(), n_gpu_layers=500))
        assert engine.config == old
        assert engine.generator.load() is not None, "the previous model still answers"
    finally:
        engine.close()


def test_changing_passage_size_offers_a_reindex(make_window, documents, qtbot, monkeypatch):
    window = make_window()
    with qtbot.waitSignal(window.indexing.finished, timeout=30000):
        window.add_paths([str(documents)])
    wait_for(qtbot, lambda: window.library.ready_count() == 2)
    before = {r.path: r.chunks for r in window.library.model.rows}
    offered = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: offered.append(args[2]) or QMessageBox.StandardButton.Yes)
    dialog = window.settings.open()
    dialog.chunk_tokens.setValue(32)
    dialog.chunk_overlap.setValue(0)
    save(dialog)
    wait_for(qtbot, lambda: offered, 10)
    assert "Re-index" in offered[0]
    wait_for(qtbot, lambda: window.settings.reindex_cancel is None and not window.progress.isVisible(), 20)
    wait_for(qtbot, lambda: {r.path: r.chunks for r in window.library.model.rows} != before, 10)
    manual = next(r for r in window.library.model.rows if r.name == "manual.pdf")
    assert manual.status == "ready" and manual.chunks > before[manual.path]
