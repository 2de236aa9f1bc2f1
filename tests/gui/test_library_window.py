"""Adding documents: synthesised drops, the queue in the table, progress, cancel, failures, retry with password, removal."""
from __future__ import annotations

import time

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from app.indexing import BatchSummary, ThroughputEstimate
from app.progress_strip import describe_time_left
from tests.documents import make_pdf
from tests.gui.conftest import SlowEmbedder, wait_for


def drop(window, paths) -> None:
    """What a file manager does: drag enter, then drop, with file URLs."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    actions, buttons, modifiers = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPointF(200, 200), actions, mime, buttons, modifiers)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    assert window.overlay.isVisible()
    dropped = QDropEvent(QPointF(200, 200), actions, mime, buttons, modifiers)
    QApplication.sendEvent(window, dropped)
    assert dropped.isAccepted()


def statuses(window) -> dict[str, str]:
    return {row.name: row.status for row in window.library.model.rows}


def test_dropping_a_folder_indexes_its_documents(make_window, documents, qtbot):
    window = make_window()
    with qtbot.waitSignal(window.indexing.finished, timeout=30000) as finished:
        drop(window, [documents])
    assert not window.overlay.isVisible()
    wait_for(qtbot, lambda: statuses(window) == {"manual.pdf": "ready", "notes.md": "ready"})
    manual = window.library.model.row_for(str((documents / "manual.pdf").resolve()))
    assert manual.pages == 3 and manual.chunks >= 1
    assert finished.args[0].counts == {"indexed": 2}
    assert window.library_panel.stack.currentWidget() is window.library_panel.table
    assert "2 ready · 3 pages" == window.library_panel.summary.text()


def test_drag_without_files_is_refused(make_window):
    window = make_window()
    mime = QMimeData()
    mime.setText("just text")
    enter = QDragEnterEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
    assert not window.overlay.isVisible()


def test_queue_progress_and_cancel(make_window, tmp_path, qtbot):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(6):
        make_pdf(folder / f"report{i}.pdf", [f"Report {i} about pumps and valves and seals."])
    window = make_window(embedder=SlowEmbedder(0.4))
    seen = []
    window.indexing.progressChanged.connect(seen.append)
    window.add_paths([str(folder)])
    wait_for(qtbot, lambda: any(p.done >= 1 for p in seen), 30)
    assert window.progress.isVisible()
    assert "of 6 files" in window.progress.bar.format()
    assert window.progress.label.text().startswith("Indexing report")
    assert any(p.seconds_left is not None for p in seen if p.done >= 1), "a time estimate appears after the first file"
    assert "queued" in statuses(window).values()
    with qtbot.waitSignal(window.indexing.finished, timeout=30000) as finished:
        window.progress.cancel.click()
    summary: BatchSummary = finished.args[0]
    assert summary.cancelled and "cancelled" in summary.describe()
    assert not window.progress.isVisible()
    wait_for(qtbot, lambda: "queued" not in statuses(window).values() and "indexing" not in statuses(window).values())
    wait_for(qtbot, lambda: "ready" in statuses(window).values())  # the files embedded before the cancel are saved
    indexed = [name for name, status in statuses(window).items() if status == "ready"]
    assert 1 <= len(indexed) < 6


def test_questions_are_answered_between_files_while_indexing(make_window, tmp_path, qtbot):
    first = make_pdf(tmp_path / "first.pdf", ["The booster pump pressure limit is sixteen bar."])
    window = make_window(embedder=SlowEmbedder(0.3))
    with qtbot.waitSignal(window.indexing.finished, timeout=30000):
        window.add_paths([str(first)])
    folder = tmp_path / "more"
    folder.mkdir()
    for i in range(5):
        make_pdf(folder / f"extra{i}.pdf", [f"Extra document {i} about gate valves."])
    window.add_paths([str(folder)])
    wait_for(qtbot, lambda: window.indexing.current is not None, 30)
    answered_while_indexing = []
    window.chat.answered.connect(lambda _e: answered_while_indexing.append(window.indexing.active))
    window.chat_panel.question.setPlainText("What is the booster pump pressure limit?")
    window.chat_panel.send.click()
    wait_for(qtbot, lambda: answered_while_indexing, 30)
    assert answered_while_indexing == [True], "the answer came before the queue was done"
    assert window.chat_panel.answer_cards()[-1].exchange.sources


def test_failed_file_shows_reason_and_password_retry(make_window, tmp_path, qtbot, monkeypatch):
    locked = make_pdf(tmp_path / "locked.pdf", ["Secret contract annex: payment within thirty days."], password="annex")
    window = make_window()
    with qtbot.waitSignal(window.indexing.finished, timeout=30000):
        window.add_paths([str(locked)])
    wait_for(qtbot, lambda: statuses(window).get("locked.pdf") == "failed")
    row = window.library.model.row_for(str(locked.resolve()))
    assert row.needs_password and "password" in row.reason.lower()
    window.library_panel.select_paths({row.path})
    assert window.library_panel.retry.isEnabled() and window.library_panel.retry.text() == "Enter password…"
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("annex", True))
    with qtbot.waitSignal(window.indexing.finished, timeout=30000):
        window.library_panel.retry.click()
    wait_for(qtbot, lambda: statuses(window).get("locked.pdf") == "ready")
    assert window.viewer.passwords[row.path] == "annex", "the viewer can open the file too"


def test_missing_file_fails_with_a_plain_reason(make_window, tmp_path, qtbot):
    window = make_window()
    with qtbot.waitSignal(window.indexing.finished, timeout=30000):
        window.add_paths([str(tmp_path / "nowhere.pdf")])
    row = window.library.model.row_for(str(tmp_path / "nowhere.pdf"))
    assert row.status == "failed" and row.reason == "The file or folder does not exist."


def test_remove_asks_for_confirmation(make_window, documents, qtbot, monkeypatch):
    window = make_window()
    with qtbot.waitSignal(window.indexing.finished, timeout=30000):
        window.add_paths([str(documents)])
    wait_for(qtbot, lambda: statuses(window).get("notes.md") == "ready")
    notes = str((documents / "notes.md").resolve())
    window.library_panel.select_paths({notes})
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: (asked.append(text), answers.pop(0))[1])
    window.library_panel.remove.click()
    assert "notes.md" in asked[0] and "not touched" in asked[0]
    assert "notes.md" in statuses(window), "No keeps the document"
    window.library_panel.remove.click()
    wait_for(qtbot, lambda: "notes.md" not in statuses(window))
    assert statuses(window) == {"manual.pdf": "ready"}


def test_time_estimate_and_its_wording():
    estimate = ThroughputEstimate()
    assert estimate.seconds_left(1000) is None
    estimate.record(1000, 2.0)
    assert estimate.seconds_left(3000) == 6.0
    assert describe_time_left(None) == ""
    assert describe_time_left(5) == "a few seconds left"
    assert describe_time_left(42) == "about 40 s left"
    assert describe_time_left(600) == "about 10 min left"


def test_shortcuts_add_files_add_folder_and_open_settings(make_window, documents, qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window = make_window()
    window.activateWindow()
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(documents / "notes.md")], ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(documents))
    with qtbot.waitSignal(window.indexing.finished, timeout=30000):
        qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    wait_for(qtbot, lambda: statuses(window) == {"notes.md": "ready"})
    with qtbot.waitSignal(window.indexing.finished, timeout=30000):
        qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_for(qtbot, lambda: statuses(window) == {"notes.md": "ready", "manual.pdf": "ready"})
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert window.settings.dialog is not None and window.settings.dialog.isVisible()
    window.settings.dialog.reject()


def test_cancel_while_embedding_stops_within_a_second_and_leaves_the_file_out(make_window, tmp_path, qtbot):
    from tests.fakes import PerTextSlowEmbedder

    filing = make_pdf(tmp_path / "filing.pdf", [" ".join(f"Section {p}.{i}: the pump seal is checked monthly." for i in range(12)) for p in range(12)])
    window = make_window(embedder=PerTextSlowEmbedder(0.05))
    seen = []
    window.indexing.progressChanged.connect(seen.append)
    window.add_paths([str(filing)])
    wait_for(qtbot, lambda: any(p.part > 0 for p in seen), 30)
    assert window.progress.bar.value() > 0, "the bar moves while the first file is embedded"
    pressed = time.monotonic()
    with qtbot.waitSignal(window.indexing.finished, timeout=30000) as finished:
        window.progress.cancel.click()
    assert time.monotonic() - pressed < 1.0
    summary: BatchSummary = finished.args[0]
    assert summary.cancelled and summary.counts == {}
    wait_for(qtbot, lambda: window.library.loaded and "filing.pdf" not in statuses(window))
    message = window.statusBar().currentMessage()
    assert "cancelled" in message and "“filing.pdf” was not added" in message and "added:" not in message


def test_problems_have_their_own_list_and_the_status_line_stays_short_and_current(make_window, tmp_path, qtbot, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    from rag.logs import log_file

    locked = make_pdf(tmp_path / "locked.pdf", ["Secret contract annex: payment within thirty days."], password="annex")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n garbage that no reader understands")
    good = make_pdf(tmp_path / "good.pdf", ["The relief valve opens at twelve bar."])
    window = make_window()
    window.resize(1024, 700)
    wait_for(qtbot, lambda: window.models_ready)
    assert window.statusBar().currentMessage() != window.loading_hint, "the hint goes once the models are ready"
    with qtbot.waitSignal(window.indexing.finished, timeout=30000):
        window.add_paths([str(locked), str(broken), str(good)])
    message = window.statusBar().currentMessage()
    assert message == "Indexing finished: 1 added, 1 needs a password, 1 could not be read. See Problems."
    assert str(tmp_path) not in message and "log" not in message and "failed" not in message
    room = window.model_status.x()
    assert window.statusBar().fontMetrics().horizontalAdvance(message) < room, "the message ends before the right label"
    problems = window.library_panel.problems
    wait_for(qtbot, lambda: len(problems.rows()) == 2)
    assert problems.isVisible() and "2 files were not added" in problems.title.text()
    by_name = {r.name: r for r in problems.rows()}
    assert not by_name["broken.pdf"].retryable, "a damaged file fails the same way again: no Retry"
    problems.list.item([r.name for r in problems.rows()].index("broken.pdf")).setSelected(True)
    assert not problems.retry.isEnabled()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    problems.show_log.click()
    assert opened == [QUrl.fromLocalFile(str(log_file()))]

    answers, labels = ["wrong", "annex"], []
    monkeypatch.setattr(QInputDialog, "getText", lambda parent, title, label, *a, **k: (labels.append(label), (answers.pop(0), True))[1])
    problems.list.clearSelection()
    problems.list.item([r.name for r in problems.rows()].index("locked.pdf")).setSelected(True)
    assert problems.retry.text() == "Enter password…"
    problems.retry.click()
    wait_for(qtbot, lambda: statuses(window).get("locked.pdf") == "ready", 30)
    assert len(labels) == 2 and "not correct" in labels[1] and "not correct" not in labels[0]
    wait_for(qtbot, lambda: [r.name for r in problems.rows()] == ["broken.pdf"])
    assert "password" not in window.statusBar().currentMessage()


def test_a_library_read_by_an_earlier_faro_is_read_again_in_the_background(make_window, documents, qtbot, tmp_path):
    from dataclasses import replace

    from rag import Config, Engine
    from tests.fakes import FakeEmbedder

    engine = Engine(Config(data_dir=tmp_path / "data", chunk_tokens=48, chunk_overlap=8), embedder=FakeEmbedder())
    engine.ingest([documents])
    manual = next(r for r in engine.documents() if r.path.endswith("manual.pdf"))
    engine.library.registry.upsert_document(replace(manual, reader=0))  # as an earlier Faro left it
    engine.close()
    window = make_window()
    assert "reading 1 document again" in window.statusBar().currentMessage()
    wait_for(qtbot, lambda: not window.indexing.active and any(
        r.path == manual.path and r.reader > 0 and r.status == "ready" for r in window.library.records))
    assert statuses(window) == {"manual.pdf": "ready", "notes.md": "ready"}
    wait_for(qtbot, lambda: window.statusBar().currentMessage() == "Indexing finished: 1 read again.")


def test_a_search_index_damaged_while_faro_was_away_is_rebuilt_and_the_user_told(make_window, documents, qtbot, tmp_path):
    from rag import Config, Engine
    from tests.engine.test_vector_recovery import _damage
    from tests.fakes import FakeEmbedder

    engine = Engine(Config(data_dir=tmp_path / "data", chunk_tokens=48, chunk_overlap=8), embedder=FakeEmbedder())
    engine.ingest([documents])
    passages = sum(r.chunks for r in engine.documents())
    engine.close()
    assert _damage(tmp_path / "data" / "vectors") >= 1
    window = make_window()
    message = window.statusBar().currentMessage()
    assert "search index was damaged" in message and f"({passages} passages)" in message, message
    assert statuses(window) == {"manual.pdf": "ready", "notes.md": "ready"}


def test_files_waiting_when_faro_closed_are_indexed_at_the_next_start(make_window, documents, qtbot, tmp_path):
    from app.pending_files import FILE_NAME, load_pending

    window = make_window(embedder=SlowEmbedder(delay=1.0))
    window.add_paths([str(documents)])
    wait_for(qtbot, lambda: window.indexing.waiting_files())
    window.close()
    names = {"manual.pdf", "notes.md"}
    saved = load_pending(tmp_path / "data" / FILE_NAME)
    assert saved and {p.rsplit("/", 1)[-1] for p in saved["default"]} <= names
    again = make_window()
    assert "Going on with" in again.statusBar().currentMessage()
    wait_for(qtbot, lambda: statuses(again) == {name: "ready" for name in names})
    wait_for(qtbot, lambda: not (tmp_path / "data" / FILE_NAME).exists())


def test_the_list_of_waiting_files_skips_files_gone_and_survives_damage(tmp_path):
    from app.pending_files import load_pending, save_pending

    kept, gone = tmp_path / "kept.pdf", tmp_path / "gone.pdf"
    kept.write_bytes(b"%PDF-1.4")
    path = tmp_path / "pending-files.json"
    save_pending(path, {"default": [str(kept), str(gone)], "other": []})
    assert load_pending(path) == {"default": [str(kept)]}
    path.write_text("{not json", encoding="utf-8")
    assert load_pending(path) == {}
    save_pending(path, {"default": []})
    assert not path.exists()
