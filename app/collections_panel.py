"""The collections sidebar: separate libraries (e.g. one per project or site), each with its own chats."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QInputDialog, QLabel, QListWidget, QListWidgetItem, QMenu, QPushButton, QVBoxLayout, QWidget


class CollectionsPanel(QWidget):
    """Clicking a collection shows its documents and chats."""

    collectionSelected = Signal(str)
    createRequested = Signal(str)
    deleteRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Collections"))
        title.setObjectName("sectionTitle")
        self.list = QListWidget()
        self.list.setToolTip(self.tr("Each collection is a separate set of documents with its own chats"))
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.add = QPushButton(self.tr("New collection…"))
        self.add.clicked.connect(self.ask_new_name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.add)
        self._updating = False

    @property
    def current(self) -> str:
        item = self.list.currentItem()
        return item.text() if item else ""

    def set_collections(self, names: list[str], current: str) -> None:
        self._updating = True
        self.list.clear()
        for name in names:
            item = QListWidgetItem(name)
            self.list.addItem(item)
            if name == current:
                self.list.setCurrentItem(item)
        self._updating = False

    def ask_new_name(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("New collection"), self.tr("Name of the new collection (for example a project or a site):")
        )
        if ok and name.strip():
            self.createRequested.emit(name.strip())

    def _current_changed(self, item: QListWidgetItem | None, _previous) -> None:
        if item is not None and not self._updating:
            self.collectionSelected.emit(item.text())

    def _context_menu(self, position) -> None:
        item = self.list.itemAt(position)
        if item is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Delete collection…"), lambda: self.deleteRequested.emit(item.text()))
        menu.exec(self.list.viewport().mapToGlobal(position))
