"""Preparing the int8 embedding model prints nothing to the user's terminal; the exporters' chatter goes to the log."""
from __future__ import annotations

from rag.models.embedding_onnx import export_in_separate_process
from tests.engine.noisy_export import noisy_export


def test_export_warnings_go_to_the_log_not_the_terminal(tmp_path, monkeypatch, capfd):
    monkeypatch.setenv("FARO_LOG_DIR", str(tmp_path / "logs"))
    target = tmp_path / "model.onnx"
    export_in_separate_process(tmp_path, target, export=noisy_export)
    assert target.read_bytes() == b"onnx"
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""
    log = (tmp_path / "logs" / "faro.log").read_text(encoding="utf-8")
    assert "TracerWarning" in log and "pre-processing before quantization" in log and "native library chatter" in log
