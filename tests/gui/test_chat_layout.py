"""The chat at a small screen: the scrollbar shows where you are, nothing is cut off, chats are told apart by date."""
from __future__ import annotations

import re

from PySide6.QtCore import QPoint

from app.theme import STYLE_SHEET
from tests.fakes import FakeGenerator
from tests.gui.conftest import wait_for

REPLY = "Isolate the pump before opening the housing [1]. The pressure limit is sixteen bar [2]. " * 3


def ask(window, qtbot, question: str) -> None:
    with qtbot.waitSignal(window.chat.answered, timeout=20000):
        window.ask(question)


def indexed_window(make_window, documents, qtbot):
    window = make_window(generator=FakeGenerator(REPLY))
    window.setStyleSheet(STYLE_SHEET)
    window.resize(1024, 700)
    with qtbot.waitSignal(window.indexing.finished, timeout=30000):
        window.add_paths([str(documents)])
    wait_for(qtbot, lambda: window.library.ready_count() == 2)
    return window


def handle_centre(bar) -> float:
    """Where the scrollbar's handle is drawn, as a share of its height (the handle is its darkest part)."""
    image = bar.grab().toImage()
    x = image.width() // 2
    shades = [image.pixelColor(x, y).lightness() for y in range(image.height())]
    darkest = min(shades)
    rows = [y for y, shade in enumerate(shades) if shade <= darkest + 8]
    return sum(rows) / len(rows) / image.height()


def test_the_scrollbar_handle_is_drawn_where_the_conversation_is_shown(make_window, documents, qtbot):
    window = indexed_window(make_window, documents, qtbot)
    for n in range(4):
        ask(window, qtbot, f"Question number {n} about the pump?")
    bar = window.chat_panel.scroll.verticalScrollBar()
    wait_for(qtbot, lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    qtbot.wait(50)
    assert handle_centre(bar) > 0.6, "at the end of the conversation the handle is at the bottom"
    bar.setValue(0)
    qtbot.wait(50)
    assert handle_centre(bar) < 0.4, "at the top the handle is at the top"


def test_at_1024x700_with_the_viewer_open_nothing_is_cut_off(make_window, documents, qtbot):
    window = indexed_window(make_window, documents, qtbot)
    for n in range(3):
        ask(window, qtbot, f"What is the pressure limit of pump number {n}?")
    window.chat_panel.answer_cards()[-1].chip_buttons()[0].click()
    assert window.viewer.isVisible()
    qtbot.wait(200)
    assert window.width() == 1024, "opening the viewer does not widen the window past a small screen"
    panel = window.chat_panel
    for widget in (panel.history, panel.new_chat):
        right = widget.mapTo(panel, QPoint(widget.width(), 0)).x()
        assert right <= panel.width(), f"{type(widget).__name__} is cut off"
    scroll = panel.scroll
    assert panel.transcript.width() <= scroll.viewport().width(), "answers wrap instead of running off to the right"
    chip = panel.answer_cards()[-1].chip_buttons()[-1]
    bottom = chip.mapTo(scroll.viewport(), QPoint(0, chip.height())).y()
    assert bottom <= scroll.viewport().height(), "the last answer's source chip is fully in view"
    view = panel.history.view()
    assert view.minimumWidth() >= view.sizeHintForColumn(0), "the chat list shows whole entries"


def test_chats_with_the_same_question_are_told_apart_by_date_and_time(make_window, documents, qtbot):
    window = indexed_window(make_window, documents, qtbot)
    ask(window, qtbot, "What is the pressure limit?")
    window.new_chat()
    ask(window, qtbot, "What is the pressure limit?")
    labels = [window.chat_panel.history.itemText(i) for i in range(window.chat_panel.history.count())]
    assert len(labels) == 2
    assert all(re.search(r"What is the pressure limit\? — \d{1,2} \w+ \d{4} \d{2}:\d{2}$", label) for label in labels), labels
