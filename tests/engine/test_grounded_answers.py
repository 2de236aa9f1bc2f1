"""Engine.ask with evidence first: status before the model, no-model and crashed-model answers, checked claims."""
from __future__ import annotations

from rag.errors import ModelError
from tests.documents import make_pdf
from tests.fakes import FakeGenerator

QUESTION = "How often must the impeller seal of the KX-440 pump be replaced?"
PAGES = [
    "KX-440 coolant pump manual. Safety: wear gloves when the pump is open.",
    "Maintenance schedule\nReplace the impeller seal every 1,800 operating hours. Check the coolant level daily.",
]


class CrashingGenerator(FakeGenerator):
    """Streams a few words, then fails the way a crashed model process does."""

    def stream(self, messages, max_tokens, temperature, cancel=None):
        self.messages.append(messages)
        yield "Replace the "
        raise ModelError("the language model stopped unexpectedly")


class MissingModel:
    context_size = 4096

    def count_tokens(self, text):
        raise ModelError("the model file is missing")

    def stream(self, messages, max_tokens, temperature, cancel=None):
        raise ModelError("the model file is missing")


def _engine(fake_engine, tmp_path, generator):
    (tmp_path / "docs").mkdir(exist_ok=True)
    make_pdf(tmp_path / "docs" / "kx440.pdf", PAGES)
    engine = fake_engine(generator=generator)
    engine.ingest([tmp_path / "docs"])
    return engine


def test_evidence_and_status_come_before_the_model_and_the_prompt_leads_with_the_evidence(fake_engine, tmp_path):
    generator = FakeGenerator("The seal is replaced every 1,800 operating hours [1].")
    engine = _engine(fake_engine, tmp_path, generator)
    events: list[str] = []
    answer = engine.ask(QUESTION, on_evidence=lambda ev: events.append("evidence"), on_status=events.append,
                        on_token=lambda piece: events.append("token"))
    assert events[:2] == ["evidence", "Reading the passage…"] and events[2] == "token"
    evidence = answer.evidence[0]
    assert evidence.text == "Replace the impeller seal every 1,800 operating hours." and evidence.page == 2
    page = engine.document_text(evidence.doc_id).pages[1].text
    assert page[evidence.char_start : evidence.char_end] == evidence.text
    prompt = generator.messages[0][1]["content"]
    assert prompt.startswith('Evidence:\n[1] "Replace the impeller seal every 1,800 operating hours."')
    assert [s.supported for s in answer.sentences] == [True] and answer.text.startswith("The seal is replaced")
    json = answer.to_json()
    assert json["sentences"][0] == {"text": answer.sentences[0].text, "supported": True, "checked_against": [1], "missing": []}


def test_a_fabricated_number_is_marked_and_an_answer_with_nothing_true_leaves_the_evidence(fake_engine, tmp_path):
    engine = _engine(fake_engine, tmp_path, FakeGenerator("Replace it every 1,800 hours [1]. It costs 99 dollars [1]."))
    answer = engine.ask(QUESTION)
    assert [s.supported for s in answer.sentences] == [True, False]
    assert answer.text.endswith("It costs 99 dollars [1]. (not found in your documents)")
    engine._generator = FakeGenerator("Replace it every 30 days through the expense portal [1].")
    answer = engine.ask(QUESTION)
    assert answer.text == "" and answer.evidence and "did not match your documents" in answer.note
    assert answer.sentences and not answer.sentences[0].supported


def test_without_a_model_or_when_it_crashes_the_evidence_is_the_answer(fake_engine, tmp_path):
    engine = _engine(fake_engine, tmp_path, MissingModel())
    answer = engine.ask(QUESTION)
    assert not answer.abstained and answer.text == ""
    assert answer.evidence[0].text.startswith("Replace the impeller seal every 1,800")
    assert "The language model is not available (the model file is missing)" in answer.note
    engine._generator = CrashingGenerator()
    answer = engine.ask(QUESTION)
    assert answer.text == "" and answer.evidence and "(the language model stopped unexpectedly)" in answer.note


def test_off_topic_questions_still_abstain(fake_engine, tmp_path):
    engine = _engine(fake_engine, tmp_path, FakeGenerator())
    answer = engine.ask("Who won the chess world championship in 1972?")
    assert answer.abstained and not answer.evidence
