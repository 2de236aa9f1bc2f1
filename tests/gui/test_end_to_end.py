"""End to end on the real bundled models: drop a PDF, wait until ready, ask, click the citation, see the cited page."""
from __future__ import annotations

import pytest

from tests.documents import make_pdf
from tests.gui.conftest import wait_for
from tests.gui.test_library_window import drop

FILLER = "Every visit is recorded in the station logbook with the date, the hour meter and the name of the engineer. "


@pytest.mark.real_models
def test_drop_ask_and_open_the_cited_page(make_window, tmp_path, qtbot):
    manual = make_pdf(tmp_path / "pump manual.pdf", [
        "Chapter 1. Safety. Isolate the pump electrically and close both valves before any maintenance. " + FILLER * 3,
        "Chapter 2. Operating limits. The maximum operating pressure of the P-200 booster pump is 16 bar. " + FILLER * 3,
        "Chapter 3. Maintenance. Replace the mechanical seal every 8000 operating hours. " + FILLER * 3,
    ])
    window = make_window(real=True, chunk_tokens=96, chunk_overlap=16, temperature=0.0, max_tokens=96)
    drop(window, [manual])
    wait_for(qtbot, lambda: window.library.ready_count() == 1 and not window.indexing.active, 240)
    row = window.library.model.rows[0]
    assert (row.status, row.pages) == ("ready", 3)

    with qtbot.waitSignal(window.chat.answered, timeout=240000) as answered:
        window.ask("What is the maximum operating pressure of the P-200 booster pump?")
    exchange = answered.args[0]
    assert not exchange.abstained and exchange.answer.strip()
    assert exchange.sources, f"the answer cites its source: {exchange.answer!r}"
    assert any(s.page_start == 2 for s in exchange.sources), "the page holding the answer is among the cited ones"
    number = next(i for i, s in enumerate(exchange.sources) if s.page_start == 2)
    source = exchange.sources[number]
    window.chat_panel.answer_cards()[-1].chip_buttons()[number].click()
    viewer = window.viewer
    assert viewer.isVisible()
    assert viewer.mode == "pdf"
    assert viewer.pdf.current_page == source.page_start - 1
    wait_for(qtbot, lambda: viewer.pdf.highlighted() is not None, 10)
    assert viewer.pdf.highlighted().page() == source.page_start - 1
    assert "16 bar" in viewer.pdf.phrase.text
