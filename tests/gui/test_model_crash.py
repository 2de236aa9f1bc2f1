"""The window and the library stay up when the language model's process crashes; the next question is answered."""
from __future__ import annotations

import functools

from rag.models.bundled import bundled_llm_path
from rag.models.generator import LlamaGenerator
from tests.engine import fake_model_backends as fakes
from tests.gui.test_chat import index

QUESTION = "What is the maximum operating pressure of the booster pump?"


def test_a_crash_of_the_model_process_is_a_message_in_the_chat_and_the_next_question_works(
    make_window, documents, qtbot, tmp_path
):
    crashing = functools.partial(fakes.CrashesMidAnswerOnce, marker=str(tmp_path / "crashed-once"))
    generator = LlamaGenerator(bundled_llm_path(), 512, 1, 0, state_dir=tmp_path / "models", backend_factory=crashing)
    window = make_window(generator=generator)
    index(window, qtbot, documents)
    with qtbot.waitSignal(window.chat.answered, timeout=60000) as crashed:
        window.ask(QUESTION)
    exchange = crashed.args[0]
    assert "The language model stopped unexpectedly while writing; Faro restarted it." in exchange.note
    assert "ask again for a written answer" in exchange.note
    assert exchange.evidence, "the evidence stays on screen as the answer"
    assert window.isVisible() and window.library.ready_count() == 2
    with qtbot.waitSignal(window.chat.answered, timeout=60000) as answered:
        window.ask(QUESTION)
    assert answered.args[0].answer.strip() and not answered.args[0].abstained
    assert "stopped unexpectedly" not in (answered.args[0].note or "")
    generator.close()
