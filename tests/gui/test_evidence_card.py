"""The evidence card: quotes shown above the answer before the model writes, each opening its exact sentence."""
from __future__ import annotations

from rag.errors import ModelError
from tests.documents import make_pdf
from tests.gui.conftest import SlowGenerator, wait_for

FILLER = "The station team checks the valves, the gauges and the logbook on every visit to the site. "
FACT = "The maximum operating pressure of the booster pump is sixteen bar."


class BrokenGenerator:
    """A model that fails to load, as a missing or damaged GGUF file does."""

    context_size = 4096

    def count_tokens(self, text: str) -> int:
        raise ModelError("the model file is missing")

    def stream(self, messages, max_tokens, temperature, cancel=None):
        raise ModelError("the model file is missing")


def _manual(tmp_path):
    return make_pdf(tmp_path / "manual.pdf", [FILLER * 4, FILLER * 2 + FACT + " " + FILLER * 2, FILLER * 4])


def _index(window, qtbot, path) -> None:
    with qtbot.waitSignal(window.indexing.finished, timeout=30000):
        window.add_paths([str(path)])
    wait_for(qtbot, lambda: window.library.ready_count() == 1)


def test_evidence_shows_before_the_answer_and_opens_exactly_its_sentence(make_window, tmp_path, qtbot):
    window = make_window(generator=SlowGenerator(count=60, delay=0.03))
    _index(window, qtbot, _manual(tmp_path))
    with qtbot.waitSignal(window.chat.evidenceFound, timeout=10000):
        window.ask("What is the maximum operating pressure of the booster pump?")
    card = window.chat_panel.live_card
    wait_for(qtbot, lambda: card.evidence.isVisible() and card.evidence.quotes)
    assert card.evidence.quotes[0].ref.quote == FACT
    wait_for(qtbot, lambda: card.status.text() in ("Reading the passage…", "Reading 2 passages…", "Reading 3 passages…"))
    assert window.chat.busy, "the evidence is on screen while the model is still writing"
    with qtbot.waitSignal(window.chat.answered, timeout=20000):
        pass
    quote = card.evidence.quotes[0]
    assert quote.ref.page_start == 2
    quote.source.click()
    viewer = window.viewer
    assert viewer.isVisible() and viewer.mode == "pdf" and viewer.pdf.current_page == 1
    wait_for(qtbot, lambda: viewer.pdf.highlighted() is not None, 10)
    assert " ".join(viewer.pdf.phrase.text.split()) == FACT.rstrip("."), "the sentence is marked, not the whole passage"


def test_without_a_model_the_evidence_is_the_answer(make_window, tmp_path, qtbot):
    window = make_window(generator=BrokenGenerator())
    _index(window, qtbot, _manual(tmp_path))
    with qtbot.waitSignal(window.chat.answered, timeout=10000) as answered:
        window.ask("What is the maximum operating pressure of the booster pump?")
    exchange = answered.args[0]
    card = window.chat_panel.answer_cards()[-1]
    assert not exchange.error and exchange.evidence[0].quote == FACT
    assert card.evidence.isVisible() and not card.body.isVisible()
    assert card.notice.isVisible() and "language model is not available" in card.notice.text()
    assert "“" + FACT + "”" in exchange.markdown()


def test_the_evidence_card_leads_with_the_short_answer_asked_for(make_window, tmp_path, qtbot):
    window = make_window(generator=BrokenGenerator())
    _index(window, qtbot, _manual(tmp_path))
    with qtbot.waitSignal(window.chat.answered, timeout=10000):
        window.ask("How high is the maximum operating pressure of the booster pump?")
    card = window.chat_panel.answer_cards()[-1]
    quote = card.evidence.quotes[0]
    assert quote.ref.quote == FACT and quote.ref.answer == "sixteen bar"
    assert quote.quote.text().startswith("<b>sixteen bar</b><br>")
