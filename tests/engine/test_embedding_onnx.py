"""The int8 ONNX embedder agrees with the sentence-transformers model, caches its export and names what it needs."""
from __future__ import annotations

import sys

import numpy as np
import pytest

from rag.errors import MissingDependency, ModelError
from rag.models.bundled import bundled_embedding_path
from rag.models.embedder import SentenceTransformerEmbedder
from rag.models.embedding_onnx import OnnxInt8Embedder, export_int8

SENTENCES = [
    "The pump seal should be replaced every 2,000 operating hours.",
    "Apple's total net sales increased in the third quarter of 2023.",
    "Wear safety goggles when you open the pressure valve.",
    "La junta de la bomba debe cambiarse cada 2.000 horas de funcionamiento.",
    "¿Con qué frecuencia hay que cambiar el filtro de aceite del compresor?",
    "El informe trimestral muestra un aumento de las ventas netas.",
]

pytestmark = pytest.mark.real_models


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("onnx-models")


@pytest.fixture(scope="module")
def onnx_embedder(cache_dir):
    return OnnxInt8Embedder(bundled_embedding_path(), cache_dir, model_id="all-MiniLM-L6-v2-int8", threads=2)


@pytest.fixture(scope="module")
def torch_embedder():
    return SentenceTransformerEmbedder(bundled_embedding_path(), model_id="all-MiniLM-L6-v2", threads=2)


def test_vectors_agree_with_the_torch_model_in_english_and_spanish(onnx_embedder, torch_embedder):
    ours = onnx_embedder.embed(SENTENCES)
    reference = torch_embedder.embed(SENTENCES)
    assert ours.dtype == np.float32 and ours.shape == reference.shape == (len(SENTENCES), 384)
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    cosines = (ours * reference).sum(axis=1)
    assert cosines.min() > 0.98, cosines


def test_texts_longer_than_the_model_reads_are_cut_like_sentence_transformers(onnx_embedder, torch_embedder):
    long_text = " ".join(["The compressor manual describes maintenance intervals for every part."] * 80)
    cosine = float(onnx_embedder.embed([long_text])[0] @ torch_embedder.embed([long_text])[0])
    assert cosine > 0.98


def test_rows_keep_the_order_of_the_texts_whatever_their_length(onnx_embedder):
    texts = ["short", "a much longer sentence about replacing the seal of the pump " * 3, "medium length text here"]
    together = onnx_embedder.embed(texts)
    alone = np.vstack([onnx_embedder.embed([t]) for t in texts])
    similarity = together @ alone.T
    assert list(similarity.argmax(axis=1)) == [0, 1, 2]
    assert np.diag(similarity).min() > 0.98  # int8 activations are scaled per batch, so rows move a little


def test_token_spans_match_the_torch_embedder_so_chunks_are_the_same(onnx_embedder, torch_embedder):
    assert onnx_embedder.token_spans(SENTENCES) == torch_embedder.token_spans(SENTENCES)
    assert onnx_embedder.max_tokens == torch_embedder.max_tokens == 256


def test_model_id_differs_from_the_torch_model_because_the_vectors_do(onnx_embedder, torch_embedder):
    assert onnx_embedder.model_id != torch_embedder.model_id
    assert OnnxInt8Embedder(bundled_embedding_path(), onnx_embedder.cache_dir).model_id.endswith("-int8")


def test_the_export_is_cached_and_reused(onnx_embedder, cache_dir, monkeypatch):
    onnx_embedder.embed(["warm"])
    assert onnx_embedder.prepared
    assert onnx_embedder.onnx_path.is_file() and onnx_embedder.onnx_path.parent == cache_dir
    assert not OnnxInt8Embedder(bundled_embedding_path(), cache_dir / "elsewhere").prepared

    def no_export(*args, **kwargs):
        raise AssertionError("exported again")

    monkeypatch.setattr("rag.models.embedding_onnx.export_int8", no_export)
    again = OnnxInt8Embedder(bundled_embedding_path(), cache_dir, model_id="all-MiniLM-L6-v2-int8")
    assert again.embed(["warm"]).shape == (1, 384)


def test_no_texts_give_an_empty_matrix(onnx_embedder):
    assert onnx_embedder.embed([]).shape == (0, 0)


def test_missing_onnx_package_is_named_in_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "onnx", None)
    with pytest.raises(MissingDependency, match="pip install onnx"):
        export_int8(bundled_embedding_path(), tmp_path / "model.onnx")
    assert not list(tmp_path.iterdir())


def test_a_folder_without_a_model_is_refused(tmp_path):
    with pytest.raises(ModelError, match="modules.json"):
        OnnxInt8Embedder(tmp_path, tmp_path / "cache")


def test_a_model_that_is_not_mean_pooled_is_refused_with_the_way_out(tmp_path):
    import json
    import shutil

    model = shutil.copytree(bundled_embedding_path(), tmp_path / "cls-model")
    pooling = model / "1_Pooling" / "config.json"
    settings = json.loads(pooling.read_text(encoding="utf-8"))
    pooling.write_text(json.dumps({**settings, "pooling_mode_mean_tokens": False, "pooling_mode_cls_token": True}))
    with pytest.raises(ModelError, match="Full precision"):
        OnnxInt8Embedder(model, tmp_path / "cache")


def test_preparing_the_model_keeps_torch_out_of_faros_process(tmp_path):
    import subprocess
    import textwrap

    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from rag.models.embedding_onnx import OnnxInt8Embedder
        from rag.models.bundled import bundled_embedding_path
        embedder = OnnxInt8Embedder(bundled_embedding_path(), Path({str(tmp_path / "cache")!r}))
        assert not embedder.prepared
        print(embedder.embed(["Válvula de presión"]).shape, embedder.prepared, "torch" in sys.modules)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "(1, 384) True False"


def test_a_model_that_cannot_be_exported_gives_a_clear_error_and_no_file(tmp_path):
    import shutil

    model = shutil.copytree(bundled_embedding_path(), tmp_path / "damaged-model")
    for weights in model.glob("*.safetensors"):
        weights.write_bytes(b"not a safetensors file")
    embedder = OnnxInt8Embedder(model, tmp_path / "cache")
    with pytest.raises(ModelError, match="could not be converted to ONNX.*Full precision"):
        embedder.embed(["Válvula de presión"])
    assert not embedder.prepared and not list((tmp_path / "cache").glob("*"))
