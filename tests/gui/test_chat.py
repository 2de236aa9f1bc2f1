"""Chat: Ctrl+Enter sends, tokens stream in, Esc stops, citations become chips and links, chats are saved."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.gui.conftest import SlowGenerator, wait_for


def index(window, qtbot, folder) -> None:
    with qtbot.waitSignal(window.indexing.finished, timeout=30000):
        window.add_paths([str(folder)])
    wait_for(qtbot, lambda: window.library.ready_count() == 2)


def test_ctrl_enter_streams_an_answer_and_esc_stops_it(make_window, documents, qtbot):
    window = make_window(generator=SlowGenerator(count=300, delay=0.02))
    index(window, qtbot, documents)
    window.focus_question()
    panel = window.chat_panel
    qtbot.keyClicks(panel.question, "What is the maximum operating pressure of the booster pump?")
    with qtbot.waitSignal(window.chat.busyChanged, timeout=5000):
        qtbot.keyClick(panel.question, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert panel.send.text() == "Stop" and panel.question.toPlainText() == ""
    assert not window.collections.isEnabled(), "switching collections waits for the answer"
    card = panel.live_card
    wait_for(qtbot, lambda: len(card.streamed.split()) >= 5)
    partial = card.body.text()
    wait_for(qtbot, lambda: card.body.text() != partial and len(card.body.text()) > len(partial))
    assert "checked against your documents when it ends" in card.status.text()
    assert card.body.text().startswith('<span style="color:'), "words not yet checked are greyed"
    with qtbot.waitSignal(window.chat.answered, timeout=10000) as answered:
        qtbot.keyClick(panel.question, Qt.Key.Key_Escape)
    exchange = answered.args[0]
    assert exchange.stopped
    assert 5 <= len(exchange.answer.split()) < 300
    assert card.status.text().startswith("Stopped")
    assert panel.send.text() == "Ask" and window.collections.isEnabled()


def test_citations_become_chips_and_clickable_markers(make_window, documents, qtbot):
    window = make_window()
    index(window, qtbot, documents)
    with qtbot.waitSignal(window.chat.answered, timeout=10000):
        window.ask("What is the maximum operating pressure of the booster pump?")
    card = window.chat_panel.answer_cards()[-1]
    assert card.exchange.sources and card.exchange.sources[0].n == 1
    assert 'href="cite:1"' in card.body.text() and not card.body.text().startswith('<span style="color:')
    [chip, *_] = card.chip_buttons()
    assert chip.text().startswith("1  manual.pdf · p")
    opened = []
    window.chat_panel.sourceClicked.connect(lambda ref, context: opened.append((ref.n, context)))
    card.body.linkActivated.emit("cite:1")
    chip.click()
    assert opened == [(1, card.exchange.answer), (1, card.exchange.answer)]


def test_abstention_says_so_and_lists_closest_passages(make_window, documents, qtbot):
    window = make_window(language="en")
    index(window, qtbot, documents)
    with qtbot.waitSignal(window.chat.answered, timeout=10000) as answered:
        window.ask("Quién ganó el campeonato mundial de ajedrez?")
    exchange = answered.args[0]
    assert exchange.abstained and exchange.closest
    card = window.chat_panel.answer_cards()[-1]
    assert card.notice.isVisibleTo(card) and "do not answer" in card.notice.text(), "Faro's messages follow the interface"
    assert card.closest_box.isVisibleTo(card)
    assert "Closest passages" in exchange.markdown()


def test_conversations_survive_restart_and_new_chat(make_window, documents, qtbot, tmp_path):
    window = make_window()
    index(window, qtbot, documents)
    with qtbot.waitSignal(window.chat.answered, timeout=10000):
        window.ask("How often is the mechanical seal replaced?")
    assert window.chat_panel.history.currentText().startswith("How often is the mechanical seal replaced? — ")
    window.new_chat_action.trigger()
    assert window.chat_panel.answer_cards() == [] and window.chat_panel.empty.isVisibleTo(window.chat_panel)
    window.close()

    again = make_window()
    assert again.tabs.currentWidget() is again.library_panel or again.chat_panel.history.count() == 1
    assert [again.chat_panel.history.itemText(i).split(" — ")[0] for i in range(again.chat_panel.history.count())] == [
        "How often is the mechanical seal replaced?"
    ]
    [card] = again.chat_panel.answer_cards()
    assert card.exchange.question == "How often is the mechanical seal replaced?" and card.exchange.sources


def test_copy_answer_as_markdown(make_window, documents, qtbot):
    window = make_window()
    index(window, qtbot, documents)
    with qtbot.waitSignal(window.chat.answered, timeout=10000):
        window.ask("What is the maximum operating pressure of the booster pump?")
    window.chat_panel.answer_cards()[-1].copy.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("**Question:** What is the maximum operating pressure")
    assert "**Sources**" in copied and "1. manual.pdf, p" in copied


def test_chats_belong_to_their_collection(make_window, documents, qtbot):
    window = make_window()
    index(window, qtbot, documents)
    with qtbot.waitSignal(window.chat.answered, timeout=10000):
        window.ask("What does the station logbook record?")
    window.collections.createRequested.emit("Site B")
    wait_for(qtbot, lambda: window.library.collection == "Site B" and window.library.loaded)
    assert window.chat_panel.answer_cards() == []
    assert window.library.model.rows == []
    assert "Site B" in [window.collections.list.item(i).text() for i in range(window.collections.list.count())]
    window.collections.collectionSelected.emit("default")
    wait_for(qtbot, lambda: window.library.collection == "default" and window.library.loaded)
    assert len(window.chat_panel.answer_cards()) == 1
