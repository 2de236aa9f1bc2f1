"""Faro's main window: collections, documents and chat side by side with the source viewer; files can be dropped anywhere."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog, QInputDialog, QLabel, QLineEdit, QMainWindow, QMessageBox, QSplitter, QTabWidget, QVBoxLayout, QWidget,
)

from app.chat_controller import ChatController
from app.chat_panel import ChatPanel
from app.collections_panel import CollectionsPanel
from app.conversations import ChatHistory, ConversationStore, Exchange
from app.drop import DropOverlay, local_paths
from app.i18n import engine_text, number
from app.indexing import BatchSummary, IndexingController
from app.library_controller import LibraryController
from app.library_model import LibraryRow
from app.library_panel import LibraryPanel
from app.pending_files import PendingFiles
from app.progress_strip import ProgressStrip
from app.settings_flow import SettingsFlow
from app.sources import SourceRef
from app.status_line import StatusLine
from app.startup import EngineInfo, load_models, open_library
from app.viewer_pane import ViewerPane
from app.window_state import WindowLayout
from app.window_wiring import wire
from app.worker import EngineOp, EngineWorker
from rag import Config, log_file, Status

log = logging.getLogger(__name__)

SHORTCUTS = (
    ("Ctrl+O", QT_TRANSLATE_NOOP("MainWindow", "Add files")), ("Ctrl+Shift+O", QT_TRANSLATE_NOOP("MainWindow", "Add folder")),
    ("Ctrl+Enter", QT_TRANSLATE_NOOP("MainWindow", "Send the question")), ("Esc", QT_TRANSLATE_NOOP("MainWindow", "Stop the answer")),
    ("Ctrl+N", QT_TRANSLATE_NOOP("MainWindow", "New chat")),
    ("Ctrl+Shift+C", QT_TRANSLATE_NOOP("MainWindow", "Copy the latest answer as Markdown")),
    ("Ctrl+1 / Ctrl+2", QT_TRANSLATE_NOOP("MainWindow", "Documents / Chat")),
    ("Ctrl+L", QT_TRANSLATE_NOOP("MainWindow", "Go to the question box")), ("Ctrl+W", QT_TRANSLATE_NOOP("MainWindow", "Close the viewer")),
    ("Ctrl+,", QT_TRANSLATE_NOOP("MainWindow", "Settings")), ("Delete", QT_TRANSLATE_NOOP("MainWindow", "Remove document")),
)


class MainWindow(QMainWindow):
    """Thin: widgets forward to the controllers, which talk to the engine only through the worker."""

    def __init__(self, config: Config, worker: EngineWorker) -> None:
        super().__init__()
        self.setWindowTitle(config.collection)  # Qt adds " — Faro", the application's display name
        self.resize(1280, 800)
        self.setAcceptDrops(True)
        self.config = config
        self.worker = worker
        self.engine_info: EngineInfo | None = None
        self.models_ready = False
        self._password_tries: dict[str, tuple[LibraryRow, str]] = {}
        self.indexing = IndexingController(worker, self)
        self.library = LibraryController(worker, self.indexing, config.collection, self)
        self.pending_files = PendingFiles(self.indexing, config.data_dir, self)
        self.chat = ChatController(worker, self)
        self.store = ConversationStore(config.data_dir)
        self.history = ChatHistory(self.store, config.collection)

        self._make_actions()
        self.collections = CollectionsPanel()
        self.library_panel = LibraryPanel(self.library.model, self.add_files_action, self.add_folder_action)
        self.chat_panel = ChatPanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.library_panel, self.tr("Documents"))
        self.tabs.addTab(self.chat_panel, self.tr("Chat"))
        self.viewer = ViewerPane()
        self.viewer.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget, narrowest in ((self.collections, 100), (self.tabs, 320), (self.viewer, 300)):
            widget.setMinimumWidth(narrowest)  # fixed floors, so long names never widen the window past a small screen
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([190, 640, 450])
        self.progress = ProgressStrip()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.progress)
        self.setCentralWidget(central)
        self.overlay = DropOverlay(central)
        self.setStatusBar(StatusLine(self))
        self.model_status = QLabel(self.tr("Opening your library…"))
        self.statusBar().addPermanentWidget(self.model_status)
        self.settings = SettingsFlow(self)
        wire(self)
        self.collections.set_collections([config.collection], config.collection)
        self.chat_panel.set_conversations(self.history.conversations, self.history.current)
        self.tabs.setCurrentWidget(self.chat_panel if self.history.current.exchanges else self.library_panel)
        self.window_layout = WindowLayout(self, self.splitter, self.viewer, config.data_dir)

    # Startup

    def start(self) -> None:
        """Open the library and load the models on the worker; called once the window is on screen."""
        self.worker.run(EngineOp("open the library", open_library, self._engine_opened, self._engine_failed))
        self.library.refresh()
        self.worker.run(EngineOp("load the models", load_models, self._models_loaded, self._models_failed))

    def _engine_opened(self, info: EngineInfo) -> None:
        self.engine_info = info
        self.config = info.config
        self.settings.gpu_supported = info.gpu_supported
        if self.settings.dialog is not None:
            self.settings.dialog.set_gpu_supported(info.gpu_supported)
        self.collections.set_collections(sorted(set(info.collections) | {self.library.collection}, key=str.lower), self.library.collection)
        self.model_status.setText(
            self.tr("Preparing the embedding model (first start only, a few seconds)…") if info.embedder_needs_preparing
            else self.tr("Loading the language models…")
        )
        if not self.models_ready:
            self.statusBar().showMessage(self.loading_hint, 8000)
        if note := self.library.resume(info.read_by_older_readers, self.pending_files.left_waiting, info.rebuilt_passages):
            self.statusBar().showMessage(note, 15000)

    @property
    def loading_hint(self) -> str:
        return self.tr("You can add documents while the models load.")

    def _engine_failed(self, error: BaseException) -> None:
        self.model_status.setText(self.tr("Library not available"))
        details = self.tr("{error}\n\nDetails are in the log: {log}").format(error=engine_text(str(error)), log=log_file())
        QMessageBox.critical(self, self.tr("Faro cannot open the library"), details)

    def _models_loaded(self, _result: Any) -> None:
        self.models_ready = True
        self.model_status.setText(self.tr("Ready · everything stays on this computer"))
        self.statusBar().withdraw(self.loading_hint)

    def _models_failed(self, error: BaseException) -> None:
        self.model_status.setText(self.tr("Model problem — see Settings"))
        self.model_status.setToolTip(engine_text(str(error)))
        self.statusBar().showMessage(self.tr("The models could not be loaded. Open Settings to choose another model."))

    # Actions and wiring

    def _make_actions(self) -> None:
        def action(text: str, shortcut: str | QKeySequence | None, slot, tip: str = "") -> QAction:
            act = QAction(text, self)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.setToolTip(tip or text)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.add_files_action = action(self.tr("Add files…"), "Ctrl+O", self.choose_files, self.tr("Add PDF, Word, text, Markdown or image files (Ctrl+O)"))
        self.add_folder_action = action(self.tr("Add folder…"), "Ctrl+Shift+O", self.choose_folder, self.tr("Add every document in a folder (Ctrl+Shift+O)"))
        self.settings_action = action(self.tr("Settings…"), "Ctrl+,", lambda: self.settings.open(), self.tr("Model and retrieval settings (Ctrl+,)"))
        self.new_chat_action = action(self.tr("New chat"), "Ctrl+N", self.new_chat)
        self.copy_action = action(self.tr("Copy latest answer as Markdown"), "Ctrl+Shift+C", self.copy_latest)
        self.documents_action = action(self.tr("Documents"), "Ctrl+1", lambda: self.tabs.setCurrentWidget(self.library_panel))
        self.chat_action = action(self.tr("Chat"), "Ctrl+2", self.focus_question)
        self.focus_action = action(self.tr("Ask a question"), "Ctrl+L", self.focus_question)
        self.stop_action = action(self.tr("Stop the answer"), "Esc", lambda: self.chat.stop())
        self.close_viewer_action = action(self.tr("Close viewer"), "Ctrl+W", self.viewer_closed)
        self.quit_action = action(self.tr("Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.shortcuts_action = action(self.tr("Keyboard shortcuts"), "F1", self.show_shortcuts)
        menu = self.menuBar()
        for title, actions in (
            (self.tr("&File"), (self.add_files_action, self.add_folder_action, None, self.settings_action, None, self.quit_action)),
            (self.tr("&Chat"), (self.new_chat_action, self.copy_action, self.focus_action, self.stop_action)),
            (self.tr("&View"), (self.documents_action, self.chat_action, self.close_viewer_action)),
            (self.tr("&Help"), (self.shortcuts_action,)),
        ):
            sub = menu.addMenu(title)
            for item in actions:
                sub.addSeparator() if item is None else sub.addAction(item)

    # Library

    def add_paths(self, paths: list[str], password: str | None = None) -> None:
        """Queue files and folders; the Documents tab comes forward unless an answer is being written."""
        if paths:
            self.statusBar().clearMessage()  # the last run's summary is over once new files come
            self.library.add(paths, password)
            if not self.chat.busy:
                self.tabs.setCurrentWidget(self.library_panel)

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add files"), str(Path.home()),
            self.tr("Documents (*.pdf *.docx *.txt *.md *.markdown *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"),
        )
        self.add_paths(paths)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Add a folder", str(Path.home()))
        self.add_paths([folder] if folder else [])

    def cancel_indexing(self) -> None:
        if self.settings.reindex_cancel is not None:
            self.settings.reindex_cancel.cancel()
        else:
            self.indexing.cancel()
        self.progress.cancelling()

    def retry(self, rows: list[LibraryRow]) -> None:
        for row in (r for r in rows if r.retryable):
            if row.needs_password:
                self.retry_with_password(row)
            else:
                self.library.retry(row)

    def retry_with_password(self, row: LibraryRow, rejected: bool = False) -> None:
        """Ask for the password of a protected PDF and index it; a wrong one brings the question back, saying so."""
        if rejected:
            label = self.tr("The password for “{name}” is not correct.\nTry again:")
        else:
            label = self.tr("“{name}” is protected by a password.\nEnter it to index the file:")
        password, ok = QInputDialog.getText(
            self, self.tr("Password needed"), label.replace("{name}", row.name), QLineEdit.EchoMode.Password
        )
        if ok and password:
            self._password_tries[row.path] = (row, password)
            self.library.retry(row, password)

    def on_password_checked(self, outcome: Any, _collection: str) -> None:
        row, password = self._password_tries.pop(outcome.path, (None, None))
        if row is None:
            return
        if outcome.status == Status.FAILED and outcome.error_kind == "password":
            QTimer.singleShot(0, lambda: self.retry_with_password(row, rejected=True))
        elif outcome.status != Status.FAILED:
            self.viewer.passwords[row.path] = password

    def remove(self, rows: list[LibraryRow]) -> None:
        rows = [r for r in rows if r.status not in (Status.QUEUED, Status.INDEXING)]
        if not rows:
            return
        names = "\n".join(f"• {r.name}" for r in rows[:8]) + ("\n…" if len(rows) > 8 else "")
        answer = QMessageBox.question(
            self, self.tr("Remove from library"),
            (self.tr("Remove this document from “{collection}”?\n\n{names}\n\n"
                     "Faro forgets its passages; the file on your disk is not touched.") if len(rows) == 1 else
             self.tr("Remove {count} documents from “{collection}”?\n\n{names}\n\n"
                     "Faro forgets their passages; the files on your disk are not touched.")).format(
                count=number(len(rows)), collection=self.library.collection, names=names),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.library.remove(rows)

    def delete_collection(self, name: str) -> None:
        if self.indexing.active:
            QMessageBox.information(self, self.tr("Indexing in progress"),
                                    self.tr("Wait for indexing to finish (or cancel it) before deleting a collection."))
            return
        answer = QMessageBox.question(
            self, self.tr("Delete collection"),
            self.tr("Delete the collection “{name}” with its index and saved chats?\nYour files are not touched.").format(name=name)
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.store.delete(name)
            others = [self.collections.list.item(i).text() for i in range(self.collections.list.count())]
            fallback = next((c for c in others if c != name), "default")
            self.library.delete_collection(name, fallback)

    def on_collection_changed(self, collection: str) -> None:
        self.history = ChatHistory(self.store, collection)
        self.chat_panel.set_conversations(self.history.conversations, self.history.current)
        self.overlay.hide()
        self.setWindowTitle(collection)

    def on_documents_changed(self) -> None:
        ready = self.library.ready_count()
        about = (self.tr("Ask a question about the document in “{collection}”.") if ready == 1 else
                 self.tr("Ask a question about the {count} documents in “{collection}”.")).format(
            count=number(ready), collection=self.library.collection)
        self.chat_panel.set_empty_text(
            about + "\n" + self.tr("Answers cite their sources; click a number to see the passage.")
            if ready else self.tr("Drop documents on the window to add them; then ask questions about them here.")
        )

    def on_indexing_finished(self, summary: BatchSummary) -> None:
        self.progress.hide()
        self.statusBar().showMessage(summary.describe(), 15000)
        self.library.refresh()

    # Chat

    def ask(self, question: str) -> None:
        if not self.chat.ask(question, self.library.collection):
            return
        current = self.indexing.current
        if current is not None:
            waiting = self.tr("Waiting for “{name}” to finish indexing…").format(name=Path(current.path).name)
        elif self.settings.reindex_cancel is not None:
            waiting = self.tr("Waiting for the re-index to finish…")
        else:
            waiting = self.tr("Looking through your documents…") if self.models_ready else self.tr("Waiting for the models to load…")
        self.chat_panel.question.clear()
        self.chat_panel.begin_answer(question, waiting)
        self.tabs.setCurrentWidget(self.chat_panel)

    def on_answer_done(self, exchange: Exchange) -> None:
        card = self.chat_panel.live_card
        if card is not None:
            card.finish(exchange)
        self.chat_panel.live_card = None
        self.history.record(exchange)
        index = self.chat_panel.history.findData(self.history.current.id)
        if index >= 0:
            self.chat_panel.history.setItemText(index, self.chat_panel.chat_label(self.history.current))

    def new_chat(self) -> None:
        if self.chat.busy:
            return
        self.history.new_chat()
        self.chat_panel.set_conversations(self.history.conversations, self.history.current)
        self.focus_question()

    def on_conversation_selected(self, conversation_id: str) -> None:
        self.chat_panel.show_conversation(self.history.select(conversation_id))

    def focus_question(self) -> None:
        self.tabs.setCurrentWidget(self.chat_panel)
        self.chat_panel.question.setFocus()

    def copy_exchange(self, exchange: Exchange) -> None:
        QGuiApplication.clipboard().setText(exchange.markdown())
        self.statusBar().showMessage(self.tr("Answer and sources copied as Markdown."), 5000)

    def copy_latest(self) -> None:
        exchange = self.chat_panel.latest_exchange()
        if exchange is not None:
            self.copy_exchange(exchange)

    # Viewer

    def open_source(self, ref: SourceRef, context: str = "") -> None:
        """Show a cited passage beside the chat; ``context`` is the answer text citing it.

        The extracted text is read from the data folder here (a small JSON file the engine writes atomically and
        never changes in place), so a click never waits behind an indexing job on the worker.
        """
        doc_id = self.library.doc_id_for(ref.source)
        texts = self.engine_info.saved_texts if self.engine_info else None
        document = texts.read(doc_id) if doc_id and texts is not None else None
        self.window_layout.show_viewer()
        self.viewer.open_source(ref, document, context)

    def open_document(self, row: LibraryRow) -> None:
        self.open_source(SourceRef(0, row.path, 1 if row.pages else None, 1 if row.pages else None, 0, 0, ""))

    def viewer_closed(self) -> None:
        self.window_layout.remember_viewer_width()
        self.viewer.hide()

    def show_shortcuts(self) -> None:
        rows = "".join(
            f"<tr><td><b>{QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText) if '/' not in keys else keys}</b>"
            f"&nbsp;&nbsp;</td><td>{self.tr(what)}</td></tr>" for keys, what in SHORTCUTS
        )
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), f"<table>{rows}</table>")

    # Drag and drop

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()
            self.overlay.show_for(self.library.collection)
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dragLeaveEvent(self, event) -> None:
        self.overlay.hide()

    def dropEvent(self, event: QDropEvent) -> None:
        self.overlay.hide()
        paths = local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.window_layout.save()
        self.pending_files.stop()
        self.indexing.cancel()
        self.chat.stop()
        if self.settings.reindex_cancel is not None:
            self.settings.reindex_cancel.cancel()
        self.hide()
        self.worker.shutdown()
        event.accept()
