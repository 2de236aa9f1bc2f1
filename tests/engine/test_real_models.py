"""The bundled models, for real: one embedding, the GGUF header, one short generation."""
from __future__ import annotations

import numpy as np
import pytest

from rag.models.bundled import bundled_embedding_path, bundled_llm_path
from rag.models.embedder import SentenceTransformerEmbedder
from rag.models.generator import SAFE_MODE_FILE, LlamaGenerator
from rag.models.gguf import read_gguf_info

pytestmark = pytest.mark.real_models


def test_bundled_embedding_model_gives_normalised_vectors_that_rank_meaning():
    embedder = SentenceTransformerEmbedder(bundled_embedding_path(), model_id="all-MiniLM-L6-v2")
    vectors = embedder.embed(["How often is the pump seal replaced?", "Replace the pump seal every 500 hours.", "The cafeteria opens at noon."])
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2
    assert embedder.max_tokens == 256
    assert len(embedder.token_spans(["Política de vacaciones"])[0]) >= 3


def test_bundled_gguf_header_is_read_without_loading_the_model():
    info = read_gguf_info(bundled_llm_path())
    assert info.quantization == "Q4_1"
    assert info.architecture == "llama" and info.layer_count == 30 and info.context_length == 8192
    assert info.has_chat_template and info.size_bytes > 50_000_000


def test_bundled_language_model_streams_a_short_reply_from_its_own_process(tmp_path):
    generator = LlamaGenerator(bundled_llm_path(), n_ctx=512, n_threads=2, n_gpu_layers=0, state_dir=tmp_path)
    pieces = list(generator.stream([{"role": "user", "content": "Say hello."}], max_tokens=8, temperature=0.0))
    assert pieces and "".join(pieces).strip()
    assert generator.count_tokens("hello world") >= 2
    described = generator.load()
    # On processors where llama.cpp's weight repacking crashes (AMX: SIGILL in ggml_backend_amx_mul_mat), the
    # self-test's crash switched this model to safe mode and the reply above still came.
    assert described["extra_buffer_types"] is not described["safe_mode"]
    if described["safe_mode"]:
        assert "crashed with signal" in (tmp_path / SAFE_MODE_FILE).read_text()
    assert described["model_file"].endswith("SmolLM2-135M-Instruct.Q8_0.gguf") and "AVX" in described["system_info"]
    generator.close()


def test_after_a_crash_on_the_first_decode_the_real_model_answers_in_safe_mode(tmp_path):
    from tests.engine.fake_model_backends import real_llama_crashing_on_first_decode_unless_safe

    generator = LlamaGenerator(
        bundled_llm_path(), n_ctx=512, n_threads=2, n_gpu_layers=0, state_dir=tmp_path,
        backend_factory=real_llama_crashing_on_first_decode_unless_safe,
    )
    try:
        reply = "".join(generator.stream([{"role": "user", "content": "Say hello."}], max_tokens=8, temperature=0.0))
        assert reply.strip()
        described = generator.load()
        assert described["safe_mode"] is True and described["extra_buffer_types"] is False
    finally:
        generator.close()


def test_int8_and_full_precision_share_a_library_and_another_model_asks_for_a_reindex(tmp_path):
    import shutil

    from rag.config import Config
    from rag.engine import Engine
    from rag.errors import EmbeddingMismatch
    from rag.models.bundled import bundled_embedding_path
    from tests.documents import make_pdf
    from tests.fakes import FakeGenerator

    (tmp_path / "docs").mkdir()
    make_pdf(tmp_path / "docs" / "pump.pdf", ["Replace the pump seal every 500 operating hours."])
    make_pdf(tmp_path / "docs" / "travel.pdf", ["Book trains for trips shorter than four hours."])
    config = Config(data_dir=tmp_path / "data", n_threads=2)
    assert config.embedding_backend == "onnx-int8"
    question = "how often is the seal replaced"
    with Engine(config, generator=FakeGenerator()) as engine:
        assert engine.ingest([tmp_path / "docs"]).count("indexed") == 2
        int8_hits = engine.search(question, k=2, mode="dense")
        assert int8_hits[0].source.endswith("pump.pdf")
        assert engine.registry.embedding_model("default") == "all-MiniLM-L6-v2-int8"
        assert any((tmp_path / "data" / "models").glob("*.onnx"))
    with Engine(config.replace(embedding_backend="torch"), generator=FakeGenerator()) as engine:
        assert not engine.needs_reindex()
        torch_hits = engine.search(question, k=2, mode="dense")
        assert [h.source for h in torch_hits] == [h.source for h in int8_hits]
        assert torch_hits[0].dense_score == pytest.approx(int8_hits[0].dense_score, abs=0.02)
    other_model = shutil.copytree(bundled_embedding_path(), tmp_path / "other-model")
    with Engine(config.replace(embedding_model=other_model), generator=FakeGenerator()) as engine:
        assert engine.needs_reindex()
        with pytest.raises(EmbeddingMismatch, match="reindex"):
            engine.search("seal")


def test_bundled_model_answers_a_manual_question_with_a_number_from_the_document(tmp_path):
    import re

    from rag.answer.claims import figure_found, figures
    from rag.config import Config
    from rag.engine import Engine
    from tests.documents import make_pdf

    (tmp_path / "docs").mkdir()
    make_pdf(tmp_path / "docs" / "kx440.pdf", [
        "KX-440 coolant pump. Operating manual.\nSafety: wear gloves and goggles when the pump housing is open.",
        "Maintenance schedule\nReplace the impeller seal every 1,800 operating hours. Check the coolant level daily. "
        "Replace the inlet filter every 250 operating hours.",
    ])
    with Engine(Config(data_dir=tmp_path / "data", n_threads=2, temperature=0.0, max_tokens=64)) as engine:
        engine.ingest([tmp_path / "docs"])
        statuses: list[str] = []
        answer = engine.ask("How often must the impeller seal of the KX-440 coolant pump be replaced?", on_status=statuses.append)
        document = "\n".join(p.text for p in engine.document_text(answer.evidence[0].doc_id).pages)
    assert answer.evidence[0].text == "Replace the impeller seal every 1,800 operating hours."
    assert answer.evidence[0].page == 2 and statuses and statuses[0].startswith("Reading")
    shown = figures(" ".join(s.text for s in answer.sentences if s.supported))
    assert all(figure_found(f, figures(document)) for f in shown), answer.text
    if answer.sentences and not any(s.supported for s in answer.sentences):  # the model's words vary by machine
        assert answer.text == "" and "did not match your documents" in answer.note
    for sentence in answer.sentences:
        if not sentence.supported and answer.text:
            assert "(not found in your documents)" in answer.text
    assert re.search(r"1,?800", answer.evidence[0].text)


def test_the_bundled_embedder_finds_the_evidence_worded_otherwise():
    from rag.answer.evidence import Terms, evidence_stopwords, select_evidence
    from tests.engine.test_evidence import BLACK_METAL, NEWCASTLE
    from tests.fakes import passage_hit

    embedder = SentenceTransformerEmbedder(bundled_embedding_path(), model_id="all-MiniLM-L6-v2")
    question = embedder.embed([BLACK_METAL])[0]
    selection = select_evidence(BLACK_METAL, [passage_hit(NEWCASTLE)], Terms("en", evidence_stopwords()),
                                similarity=lambda texts: embedder.embed(texts) @ question)
    assert any(c.unit.text.startswith("Venom") for c in selection.chosen)


SECURITY_POLICY = [
    "Information Security Policy\nVersion 3.1, approved by the Board on 12 September 2023. Owner: Chief Information "
    "Security Officer.\n\n1. Passwords and sign-in\nPasswords must be at least 14 characters long. Do not reuse a password "
    "you use anywhere else. Multi-factor authentication is mandatory for email, VPN and all cloud applications. Passwords "
    "are changed only when there is a sign of compromise; there is no periodic expiry.\n\n2. Devices\nCompany laptops are "
    "encrypted with BitLocker and lock automatically after 5 minutes of inactivity. Personal USB storage devices must not "
    "be connected to company computers. A lost or stolen device must be reported to the IT Service Desk within 24 hours.",
    "3. Email and phishing\nReport suspicious emails with the Report Phishing button in Outlook. Never enter your password "
    "on a page reached from a link in an email.\n\n4. Breaches\nBreaching this policy may lead to disciplinary action.",
]


def test_a_sentence_close_in_meaning_answers_a_question_its_page_matches_too_little(tmp_path):
    """The page about passwords and devices matches "my own USB stick" too little as a whole (Faro said the documents
    did not answer); the one sentence that does is close enough in meaning to the question."""
    from rag.answer import abstention
    from rag.config import Config
    from rag.engine import Engine
    from tests.documents import make_pdf
    from tests.engine.test_grounded_answers import MissingModel

    (tmp_path / "docs").mkdir()
    make_pdf(tmp_path / "docs" / "security.pdf", SECURITY_POLICY)
    question = "Can I use my own USB stick on my work computer?"
    with Engine(Config(data_dir=tmp_path / "data", n_threads=2), generator=MissingModel()) as engine:
        engine.ingest([tmp_path / "docs"])
        hits, best = engine._search(engine.collection, question, 24, "fused")
        english = {h.doc_id: "en" for h in hits}
        by_pages = abstention.library_answers(question, "en", english, hits, best, engine.keyword_index(), engine.config.min_relevance)
        answer = engine.ask(question)
        off_topic = engine.ask("How do I reset my home wifi router password?")
    assert not by_pages, "the passages alone no longer fail this question: the test proves nothing"
    assert not answer.abstained and answer.evidence[0].text.startswith("Personal USB storage devices must not")
    assert off_topic.abstained


def test_a_quote_close_in_meaning_is_not_shown_as_may_not_answer(tmp_path):
    """"How long is the warranty on the motor?" shares only "motor" with "The motor is covered for five years", so
    the answer was hedged "this may not answer your question" though it does."""
    from rag.config import Config
    from rag.engine import Engine
    from tests.documents import make_pdf
    from tests.engine.test_grounded_answers import MissingModel

    (tmp_path / "docs").mkdir()
    make_pdf(tmp_path / "docs" / "kx440.pdf", [
        "3. Maintenance schedule\nLubricate the motor bearings every 500 operating hours. Replace the impeller seal every "
        "1,800 operating hours. Replace the motor bearings every 20,000 operating hours or after five years, whichever "
        "comes first.",
        "4. Troubleshooting\nThe pump vibrates or is noisy: check the motor-pump alignment. The motor trips the overload "
        "relay: check the supply voltage.\n\n5. Warranty\nThe motor is covered for five years from the date of delivery. "
        "All other parts are covered for two years.",
    ])
    with Engine(Config(data_dir=tmp_path / "data", n_threads=2), generator=MissingModel()) as engine:
        engine.ingest([tmp_path / "docs"])
        answer = engine.ask("How long is the warranty on the motor?")
    assert answer.evidence[0].text == "The motor is covered for five years from the date of delivery."
    assert not answer.weak and "may not answer" not in answer.note
