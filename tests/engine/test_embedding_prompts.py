"""A user's own e5-style model gets its declared ``query:``/``passage:`` prompts; the bundled model gets none."""
from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from rag.models.bundled import bundled_embedding_path
from rag.models.embedder import SentenceTransformerEmbedder

pytestmark = pytest.mark.real_models


def test_questions_and_passages_get_the_prompts_the_model_declares(tmp_path):
    plain = SentenceTransformerEmbedder(bundled_embedding_path(), threads=1)
    prompted_dir = tmp_path / "e5-style"
    shutil.copytree(bundled_embedding_path(), prompted_dir)
    settings = prompted_dir / "config_sentence_transformers.json"
    settings.write_text(json.dumps({**json.loads(settings.read_text()), "prompts": {"query": "query: ", "passage": "passage: "}}))
    prompted = SentenceTransformerEmbedder(prompted_dir, threads=1)
    question, passage = "How often is the seal replaced?", "Replace the seal every 500 hours."
    assert np.allclose(prompted.embed_query(question), plain.embed([f"query: {question}"])[0], atol=1e-5)
    assert np.allclose(prompted.embed([passage])[0], plain.embed([f"passage: {passage}"])[0], atol=1e-5)
    assert np.allclose(plain.embed_query(question), plain.embed([question])[0], atol=1e-5)
