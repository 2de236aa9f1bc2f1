"""The Problems list under the documents: each file that could not be added, why, and what can be done about it."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView, QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from app.i18n import engine_text
from app.library_model import LibraryRow, LibraryTableModel
from app.wording import counted
from rag import log_file

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
VISIBLE_ROWS = 4


class ProblemsPanel(QFrame):
    """Hidden while every document is fine; lists failures with their reason, Retry where it can help, Show log."""

    retryRequested = Signal(list)  # list[LibraryRow]

    def __init__(self, model: LibraryTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problems")
        self.model = model
        self.title = QLabel()
        self.title.setObjectName("problemsTitle")
        self.retry = QPushButton(self.tr("Retry"))
        self.retry.clicked.connect(lambda: self.retryRequested.emit(self.selected_rows()))
        self.show_log = QPushButton(self.tr("Show log"))
        self.show_log.setToolTip(self.tr("Open Faro's log file, with the technical details of each problem"))
        self.show_log.clicked.connect(self.open_log)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(self._double_clicked)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.retry)
        header.addWidget(self.show_log)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.list)
        model.modelReset.connect(self.refresh)
        model.dataChanged.connect(self.refresh)
        self.refresh()

    def rows(self) -> list[LibraryRow]:
        return [self.list.item(i).data(ROW_ROLE) for i in range(self.list.count())]

    def selected_rows(self) -> list[LibraryRow]:
        return [item.data(ROW_ROLE) for item in self.list.selectedItems()]

    def refresh(self, *_args) -> None:
        """Rebuild the list from the documents table (keeping the selection)."""
        selected = {r.path for r in self.selected_rows()}
        problems = [r for r in self.model.rows if r.problem]
        self.list.clear()
        for row in problems:
            item = QListWidgetItem(f"{row.name} — {self.explain(row)}")
            item.setData(ROW_ROLE, row)
            item.setToolTip(row.path)
            self.list.addItem(item)
            item.setSelected(row.path in selected)
        self.title.setText(counted("ProblemsPanel", len(problems), QT_TRANSLATE_NOOP("ProblemsPanel", "Problems: 1 file was not added"),
                                QT_TRANSLATE_NOOP("ProblemsPanel", "Problems: {n} files were not added")))
        row_height = self.list.sizeHintForRow(0) if problems else 0
        self.list.setFixedHeight(min(len(problems), VISIBLE_ROWS) * (row_height + 2) + 2 * self.list.frameWidth() + 4)
        self.setVisible(bool(problems))
        self._update_buttons()

    def explain(self, row: LibraryRow) -> str:
        if row.needs_password:
            return self.tr("protected by a password: select it and choose “Enter password…”.")
        return engine_text(row.reason) or self.tr("could not be read.")

    def open_log(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_file())))

    def _update_buttons(self) -> None:
        retryable = [r for r in self.selected_rows() if r.retryable]
        self.retry.setEnabled(bool(retryable))
        self.retry.setText(self.tr("Enter password…") if retryable and all(r.needs_password for r in retryable) else self.tr("Retry"))
        self.retry.setToolTip(self.tr("Try the selected files again (only where that can help)"))

    def _double_clicked(self, item: QListWidgetItem) -> None:
        row = item.data(ROW_ROLE)
        if row.retryable:
            self.retryRequested.emit([row])
