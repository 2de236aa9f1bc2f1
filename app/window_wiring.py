"""The main window's wiring: which controller signal reaches which widget or handler."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication


def wire(window: Any) -> None:
    """Connect the window's widgets and controllers: signals in, the window's handlers out."""
    window.indexing.progressChanged.connect(window.progress.show_progress)
    window.indexing.finished.connect(window.on_indexing_finished)
    window.indexing.fileFinished.connect(window.on_password_checked)
    window.progress.cancelRequested.connect(window.cancel_indexing)
    window.library.collectionsChanged.connect(window.collections.set_collections)
    window.library.collectionChanged.connect(window.on_collection_changed)
    window.library.documentsChanged.connect(window.on_documents_changed)
    window.library.problem.connect(lambda text: window.statusBar().showMessage(text, 10000))
    window.collections.collectionSelected.connect(window.library.switch)
    window.collections.createRequested.connect(window.library.switch)
    window.collections.deleteRequested.connect(window.delete_collection)
    window.library_panel.retryRequested.connect(window.retry)
    window.library_panel.removeRequested.connect(window.remove)
    window.library_panel.openRequested.connect(window.open_document)
    window.chat_panel.askRequested.connect(window.ask)
    window.chat_panel.stopRequested.connect(window.chat.stop)
    window.chat_panel.newChatRequested.connect(window.new_chat)
    window.chat_panel.conversationSelected.connect(window.on_conversation_selected)
    window.chat_panel.sourceClicked.connect(window.open_source)
    window.chat_panel.copyRequested.connect(window.copy_exchange)
    window.chat.started.connect(lambda: window.chat_panel.live_card and window.chat_panel.live_card.set_waiting(QCoreApplication.translate("MainWindow", "Looking through your documents…")))
    window.chat.evidenceFound.connect(lambda refs: window.chat_panel.live_card and window.chat_panel.live_card.show_evidence(refs))
    window.chat.statusChanged.connect(lambda text: window.chat_panel.live_card and window.chat_panel.live_card.status.setText(text))
    window.chat.tokenReceived.connect(lambda piece: window.chat_panel.live_card and window.chat_panel.live_card.append(piece))
    window.chat.answered.connect(window.on_answer_done)
    window.chat.failed.connect(window.on_answer_done)
    window.chat.busyChanged.connect(window.chat_panel.set_busy)
    window.chat.busyChanged.connect(lambda busy: window.collections.setEnabled(not busy))
    window.viewer.closed.connect(window.viewer_closed)
