"""The documents table: registry rows merged with the files waiting in the indexing queue."""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import Any, Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.i18n import engine_text, language_label, number
from app.wording import moment
from rag import retryable_kind, Status

QUEUED, INDEXING, READY, FAILED, DUPLICATE = Status.QUEUED, Status.INDEXING, Status.READY, Status.FAILED, Status.DUPLICATE
STATUS_TEXT = {
    QUEUED: QT_TRANSLATE_NOOP("LibraryTableModel", "Queued"), INDEXING: QT_TRANSLATE_NOOP("LibraryTableModel", "Indexing…"),
    READY: QT_TRANSLATE_NOOP("LibraryTableModel", "Ready"), FAILED: QT_TRANSLATE_NOOP("LibraryTableModel", "Failed"),
    DUPLICATE: QT_TRANSLATE_NOOP("LibraryTableModel", "Duplicate"),
}
STATUS_ORDER = {INDEXING: 0, QUEUED: 1, FAILED: 2, DUPLICATE: 3, READY: 4}
STATUS_COLOR = {FAILED: QColor(200, 40, 40), DUPLICATE: QColor(150, 120, 20), INDEXING: QColor(30, 110, 200)}
PASSWORD_KIND = "password"

NO_PARENT = QModelIndex()
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class LibraryRow:
    """One document as the table shows it."""

    path: str
    status: str
    reason: str = ""
    error_kind: str = ""
    pages: int | None = None
    chunks: int = 0
    added_at: float | None = None
    doc_id: str | None = None
    language: str = ""
    # Queued or being read again (a changed file, a newer reader) while its earlier reading still answers.
    read_before: bool = False

    @property
    def searchable(self) -> bool:
        """Whether answers come from it now."""
        return self.status == READY or self.read_before

    @property
    def name(self) -> str:
        return os.path.basename(self.path) or self.path

    @property
    def needs_password(self) -> bool:
        return self.status == FAILED and self.error_kind == PASSWORD_KIND

    @property
    def retryable(self) -> bool:
        """Failed for a reason that trying again can fix (a password, a timeout), not a damaged or scanned file."""
        return self.status == FAILED and retryable_kind(self.error_kind)

    @property
    def problem(self) -> bool:
        return self.status == FAILED


def merge_rows(
    records: Iterable[Any],
    queued: Iterable[str] = (),
    indexing: str | None = None,
    session_failures: Iterable[Any] = (),
) -> list[LibraryRow]:
    """Rows for the table: registry ``records`` (DocumentRecord), overlaid by the queue, plus failures the registry
    never saw (``FileOutcome`` for missing or unreadable paths). The file being indexed and the queue come first."""
    rows: dict[str, LibraryRow] = {}
    for record in records:
        rows[record.path] = LibraryRow(
            path=record.path,
            status=record.status if record.status in STATUS_TEXT else FAILED,
            reason=record.error,
            error_kind=record.error_kind,
            pages=record.pages,
            chunks=record.chunks,
            added_at=record.added_at,
            doc_id=record.doc_id,
            language=getattr(record, "language", ""),
        )
    for outcome in session_failures:
        if outcome.path not in rows:
            rows[outcome.path] = LibraryRow(outcome.path, FAILED, outcome.reason, outcome.error_kind)
    queued = list(queued)
    for path in queued:
        rows[path] = _overlay(rows.get(path), path, QUEUED)
    if indexing:
        rows[indexing] = _overlay(rows.get(indexing), indexing, INDEXING)
    working = [rows.pop(indexing)] if indexing else []
    working += [rows.pop(path) for path in dict.fromkeys(queued) if path in rows]
    return working + sorted(rows.values(), key=lambda r: r.name.lower())


def _overlay(previous: LibraryRow | None, path: str, status: str) -> LibraryRow:
    if previous is None:
        return LibraryRow(path, status)
    return replace(previous, status=status, reason="", error_kind="", read_before=previous.searchable)


class LibraryTableModel(QAbstractTableModel):
    """Document, status, language, pages, passages, date added and the plain-language reason of a failure."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("LibraryTableModel", "Document"), QT_TRANSLATE_NOOP("LibraryTableModel", "Status"),
        QT_TRANSLATE_NOOP("LibraryTableModel", "Language"), QT_TRANSLATE_NOOP("LibraryTableModel", "Pages"),
        QT_TRANSLATE_NOOP("LibraryTableModel", "Passages"), QT_TRANSLATE_NOOP("LibraryTableModel", "Added"),
        QT_TRANSLATE_NOOP("LibraryTableModel", "Details"),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[LibraryRow] = []

    @property
    def rows(self) -> list[LibraryRow]:
        return list(self._rows)

    def row_for(self, path: str) -> LibraryRow | None:
        return next((r for r in self._rows if r.path == path), None)

    def set_rows(self, rows: list[LibraryRow]) -> None:
        """Show ``rows``; unchanged row order updates in place, so selection and scrolling stay put."""
        if [r.path for r in rows] == [r.path for r in self._rows]:
            changed = [i for i, (old, new) in enumerate(zip(self._rows, rows, strict=True)) if old != new]
            self._rows = list(rows)
            for i in changed:
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.COLUMNS) - 1))
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.path if column == 0 else (engine_text(row.reason) or None)
        if role == Qt.ItemDataRole.ForegroundRole and column in (1, 6):
            return STATUS_COLOR.get(row.status)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: LibraryRow, column: int) -> str:
        if column == 0:
            return row.name
        if column == 1:
            if row.read_before:
                return self.tr("Updating…")
            return self.tr("Needs password") if row.needs_password else self.tr(STATUS_TEXT.get(row.status, row.status))
        if column == 2:
            return language_label(row.language)
        if column == 3:
            return "" if row.pages is None else number(row.pages)
        if column == 4:
            return number(row.chunks) if row.searchable else ""
        if column == 5:
            return moment(row.added_at) if row.searchable or row.status in (FAILED, DUPLICATE) else ""
        if row.needs_password:
            return self.tr("Protected by a password: select it and choose “Enter password…”.")
        return engine_text(row.reason)

    def _sort_key(self, row: LibraryRow, column: int) -> Any:
        if column == 1:
            return STATUS_ORDER.get(row.status, 9)
        if column == 3:
            return row.pages or 0
        if column == 4:
            return row.chunks
        if column == 5:
            return row.added_at or 0.0
        return self._display(row, column).lower()

