"""A full disk while Faro prepares a model gives a plain message, in the interface language."""
from __future__ import annotations

from collections import namedtuple

import pytest

from rag.errors import NotEnoughSpace
from rag.messages import localize
from rag.models import disk_space, embedding_onnx, llama_backend

Usage = namedtuple("Usage", "total used free")


@pytest.fixture
def full_disk(monkeypatch):
    monkeypatch.setattr(disk_space.shutil, "disk_usage", lambda path: Usage(10 * 2**30, 10 * 2**30 - 5 * 2**20, 5 * 2**20))


def test_preparing_the_embedding_model_on_a_full_disk_says_so(tmp_path, full_disk):
    """Out of space, the exporter failed with "Failed to find proper ai.onnx domain"."""
    with pytest.raises(NotEnoughSpace) as raised:
        embedding_onnx.export_int8(tmp_path / "model", tmp_path / "cache" / "minilm.onnx")
    message = str(raised.value)
    assert message.startswith("Preparing the fast (ONNX) embedding model needs about 300 MB of free disk space in")
    assert "5 MB are free" in message
    assert localize(message, "es").startswith("La preparación del modelo de embeddings rápido (ONNX) necesita unos 300 MB")
    assert not (tmp_path / "cache" / "minilm.onnx").exists()


def test_preparing_the_answer_model_on_a_full_disk_says_so(tmp_path, full_disk):
    source = tmp_path / "model.gguf"
    source.write_bytes(b"\0" * 4 * 2**20)
    with pytest.raises(NotEnoughSpace, match="Preparing the answer model needs about 8 MB"):
        llama_backend.requantize_q8_0(str(source), str(tmp_path / "copies" / "model.q8_0.gguf"))


def test_a_folder_not_made_yet_is_measured_on_the_disk_it_will_be_on(tmp_path):
    disk_space.require_free_space(tmp_path / "not" / "yet" / "made", 1, "Preparing the answer model")
