"""Opening Settings, applying them on the worker, and the re-index they may call for."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from app.i18n import engine_text, number
from app.indexing import IndexProgress
from app.settings_apply import Applied, apply_settings
from app.settings_dialog import SettingsDialog
from app.worker import EngineOp
from rag import CancelToken, Config, FaroError


class SettingsFlow:
    """Belongs to the main window; owns the dialog while it is open and the cancel token of a running re-index."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.gpu_supported: bool | None = None
        self.dialog: SettingsDialog | None = None
        self.reindex_cancel: CancelToken | None = None

    def tr(self, text: str) -> str:
        """Qt's translation of ``text`` (a plain class has no ``QObject.tr``)."""
        return QCoreApplication.translate("SettingsFlow", text)

    def open(self) -> SettingsDialog:
        """Show the dialog (window-modal, without blocking the event loop)."""
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        dialog = self.dialog = SettingsDialog(self.window.config, self.gpu_supported, self.window)
        dialog.applyRequested.connect(self.apply)
        dialog.finished.connect(self._closed)
        dialog.open()
        return dialog

    def apply(self, config: Config) -> None:
        dialog = self.dialog
        api_key = dialog.server.key_text() if dialog is not None and config.answer_backend == "server" else ""
        self.window.worker.run(EngineOp("apply settings", lambda engine: apply_settings(engine, config, api_key), self._applied, self._refused))
        if dialog is not None:
            dialog.set_busy(self.tr("Applying settings and loading the model…"))

    def _applied(self, applied: Applied) -> None:
        self.window.config = applied.config
        self.window.statusBar().showMessage(self.tr("Settings saved."), 5000)
        if self.dialog is not None:
            self.dialog.applied(applied.config)
        if applied.reindex_suggested and self.ask_reindex():
            self.reindex()

    def _refused(self, error: BaseException) -> None:
        message = engine_text(str(error)) if isinstance(error, FaroError) else f"{type(error).__name__}: {error}"
        if self.dialog is not None:
            self.dialog.rejected_with(message)
        else:
            self.window.statusBar().showMessage(self.tr("Settings not applied: {error}").format(error=message), 15000)

    def ask_reindex(self) -> bool:
        answer = QMessageBox.question(
            self.window, self.tr("Re-index documents?"),
            self.tr("The new passage size applies to documents added from now on.\n"
                    "Re-index the documents already in this collection now? (Questions wait until it is done.)"),
        )
        return answer == QMessageBox.StandardButton.Yes

    def reindex(self) -> None:
        """Rebuild the collection's passages with the current settings, with progress and Cancel in the strip."""

        window, collection = self.window, self.window.library.collection
        cancel = self.reindex_cancel = CancelToken()
        post = window.worker.post

        def show(progress) -> None:
            window.progress.show_progress(IndexProgress(progress.done, progress.total, progress.current, "", None, self.tr("Re-indexing")))

        def job(engine):
            return engine.reindex(lambda p: post(show, p), cancel, collection)

        window.progress.show_progress(IndexProgress(0, 0, "", "", None, self.tr("Re-indexing")))
        window.worker.run(EngineOp(
            "re-index", job, lambda count: self._reindexed(
                (self.tr("Re-indexed {n} document.") if count == 1 else self.tr("Re-indexed {n} documents.")).format(n=number(count))), self._reindex_failed
        ))

    def _reindexed(self, message: str) -> None:
        self.reindex_cancel = None
        self.window.progress.hide()
        self.window.statusBar().showMessage(message, 10000)
        self.window.library.refresh()

    def _reindex_failed(self, error: BaseException) -> None:
        cancelled = self.reindex_cancel is not None and self.reindex_cancel.cancelled
        self._reindexed(self.tr("Re-index cancelled; the previous index is still used.") if cancelled
                        else self.tr("Re-index failed: {error}").format(error=engine_text(str(error))))

    def _closed(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
