"""The Documents tab: the table of the collection's documents, its actions, and the first-run drop hint."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QMenu, QPushButton, QStackedWidget, QTableView, QVBoxLayout,
    QWidget,
)

from app.i18n import number
from app.library_model import ROW_ROLE, SORT_ROLE, LibraryRow, LibraryTableModel
from app.problems_panel import ProblemsPanel
from rag import Status



class LibraryPanel(QWidget):
    """Selecting rows enables Retry / Enter password… and Remove; double-clicking a document opens it."""

    retryRequested = Signal(list)  # list[LibraryRow]
    removeRequested = Signal(list)  # list[LibraryRow]
    openRequested = Signal(object)  # LibraryRow

    def __init__(self, model: LibraryTableModel, add_files: QAction, add_folder: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((250, 120, 90, 55, 75, 140)):
            self.table.setColumnWidth(column, width)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._kept_selection: set[str] = set()
        model.modelAboutToBeReset.connect(lambda: setattr(self, "_kept_selection", {r.path for r in self.selected_rows()}))
        model.modelReset.connect(lambda: self.select_paths(self._kept_selection))
        model.modelReset.connect(self._model_changed)
        model.dataChanged.connect(self._model_changed)

        self.retry = QPushButton(self.tr("Retry"))
        self.retry.clicked.connect(lambda: self.retryRequested.emit(self.selected_rows()))
        self.remove = QPushButton(self.tr("Remove…"))
        self.remove.setToolTip(self.tr("Remove the selected documents from the library (the files themselves are kept)"))
        self.remove.clicked.connect(lambda: self.removeRequested.emit(self.selected_rows()))
        remove_action = QAction(self.tr("Remove"), self, shortcut=QKeySequence(QKeySequence.StandardKey.Delete))
        remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove_action.triggered.connect(lambda: self.removeRequested.emit(self.selected_rows()))
        self.table.addAction(remove_action)
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        buttons = QHBoxLayout()
        for action in (add_files, add_folder):
            button = QPushButton(action.text())
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            buttons.addWidget(button)
        buttons.addSpacing(12)
        buttons.addWidget(self.retry)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        buttons.addWidget(self.summary)

        empty_text = "<h2>{}</h2><p>{}</p><p>{}</p><p>{}</p>".format(
            self.tr("Drop your documents here"),
            self.tr("Drag PDF, Word, text, Markdown or image files — or whole folders — anywhere onto this window."),
            self.tr("Or use <b>Add files…</b> (Ctrl+O) and <b>Add folder…</b> (Ctrl+Shift+O)."),
            self.tr("Faro reads them on this computer; nothing is sent anywhere."),
        )
        self.empty = QLabel(empty_text, alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.empty.setObjectName("dropZone")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        self.problems = ProblemsPanel(model)
        self.problems.retryRequested.connect(self.retryRequested)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.problems)
        self._model_changed()

    def selected_rows(self) -> list[LibraryRow]:
        rows = self.table.selectionModel().selectedRows()
        return [self.proxy.data(index, ROW_ROLE) for index in rows]

    def select_paths(self, paths: set[str]) -> None:
        selection = self.table.selectionModel()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.proxy.data(index, ROW_ROLE).path in paths:
                selection.select(index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)

    def _model_changed(self, *_args) -> None:
        rows = self.model.rows
        self.stack.setCurrentWidget(self.table if rows else self.empty)
        ready = [r for r in rows if r.searchable]
        pages = sum(r.pages or 0 for r in ready)
        self.summary.setText(self.tr("{ready} ready · {pages} pages").format(ready=number(len(ready)), pages=number(pages)) if rows else "")
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        selected = self.selected_rows()
        failed = [r for r in selected if r.retryable]
        self.retry.setEnabled(bool(failed))
        self.retry.setText(self.tr("Enter password…") if failed and all(r.needs_password for r in failed) else self.tr("Retry"))
        self.retry.setToolTip(self.tr("Index the selected failed documents again"))
        self.remove.setEnabled(any(r.status not in (Status.QUEUED, Status.INDEXING) for r in selected))

    def _double_clicked(self, index: QModelIndex) -> None:
        row = self.proxy.data(index, ROW_ROLE)
        if row.retryable:
            self.retryRequested.emit([row])
        elif row.status == Status.READY:
            self.openRequested.emit(row)

    def _context_menu(self, position) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        menu = QMenu(self)
        if any(r.status == Status.READY for r in rows):
            menu.addAction(self.tr("Open"), lambda: self.openRequested.emit(next(r for r in rows if r.status == Status.READY)))
        if any(r.retryable for r in rows):
            menu.addAction(self.retry.text(), lambda: self.retryRequested.emit(rows))
        if self.remove.isEnabled():
            menu.addAction(self.tr("Remove from library…"), lambda: self.removeRequested.emit(rows))
        menu.exec(self.table.viewport().mapToGlobal(position))
