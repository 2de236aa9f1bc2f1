"""The documents table: registry rows merged with the queue, statuses, reasons, sorting, and kept selection."""
from __future__ import annotations

from PySide6.QtCore import Qt

from app.library_model import FAILED, INDEXING, QUEUED, READY, ROW_ROLE, SORT_ROLE, LibraryRow, LibraryTableModel, merge_rows
from rag.types import DocumentRecord, FileOutcome


def record(path: str, status: str = "ready", error: str = "", kind: str = "", pages: int | None = 3, chunks: int = 5) -> DocumentRecord:
    return DocumentRecord(
        doc_id=path.strip("/").replace("/", "-"), collection="default", path=path, content_hash="h", size=10, mtime=0.0,
        kind="pdf", title="", pages=pages, chunks=chunks, status=status, error=error, error_kind=kind, warnings="",
        added_at=1_700_000_000.0, updated_at=1_700_000_000.0,
    )


def test_queue_overlays_registry_rows_and_adds_new_ones():
    rows = merge_rows(
        [record("/d/a.pdf"), record("/d/b.pdf", "failed", "The PDF is damaged.", "damaged")],
        queued=["/d/b.pdf", "/d/c.pdf"],
        indexing="/d/d.pdf",
    )
    by_path = {r.path: r for r in rows}
    assert by_path["/d/a.pdf"].status == READY
    assert by_path["/d/b.pdf"].status == QUEUED and by_path["/d/b.pdf"].reason == ""
    assert by_path["/d/c.pdf"].status == QUEUED
    assert by_path["/d/d.pdf"].status == INDEXING
    assert [r.status for r in rows[:3]] == [INDEXING, QUEUED, QUEUED], "work in progress is listed first"


def test_the_language_column_names_each_documents_languages():
    model = LibraryTableModel()
    model.set_rows([LibraryRow("/d/a.pdf", "ready", language="es,en"), LibraryRow("/d/b.pdf", "ready", language="en")])
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Language"
    assert [model.data(model.index(r, 2)) for r in range(2)] == ["Spanish, English", "English"]


def test_failures_the_registry_never_saw_stay_visible():
    outcome = FileOutcome("/d/gone.pdf", "failed", "The file or folder does not exist.", "not-found")
    [row] = merge_rows([], session_failures=[outcome])
    assert (row.status, row.reason, row.doc_id) == (FAILED, "The file or folder does not exist.", None)
    assert row.retryable and not row.needs_password


def test_model_shows_status_reason_pages_passages_and_date():
    model = LibraryTableModel()
    model.set_rows(merge_rows([
        record("/d/a.pdf", pages=12, chunks=40),
        record("/d/secret.pdf", "failed", "This PDF is protected by a password.", "password", pages=None, chunks=0),
    ]))
    assert model.rowCount() == 2 and model.columnCount() == 7
    texts = [[model.data(model.index(r, c)) for c in range(7)] for r in range(2)]
    ready, locked = (texts[0], texts[1]) if texts[0][0] == "a.pdf" else (texts[1], texts[0])
    assert ready[1:5] == ["Ready", "", "12", "40"] and "2023" in ready[5]
    assert locked[1] == "Needs password"
    assert "Protected by a password" in locked[6] and "Enter password" in locked[6]
    row = model.data(model.index(0, 0), ROW_ROLE)
    assert isinstance(row, LibraryRow)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == row.path


def test_sort_role_orders_numbers_as_numbers():
    model = LibraryTableModel()
    model.set_rows(merge_rows([record("/d/a.pdf", pages=9), record("/d/b.pdf", pages=10)]))
    keys = sorted(model.data(model.index(r, 3), SORT_ROLE) for r in range(2))
    assert keys == [9, 10]


def test_status_change_updates_in_place_without_reset():
    model = LibraryTableModel()
    model.set_rows(merge_rows([], queued=["/d/a.pdf"]))
    resets, changes = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda first, last: changes.append((first.row(), last.column())))
    model.set_rows(merge_rows([record("/d/a.pdf")]))
    assert resets == [] and changes == [(0, 6)]
    assert model.data(model.index(0, 1)) == "Ready"
    model.set_rows(merge_rows([record("/d/a.pdf"), record("/d/b.pdf")]))
    assert resets == [1] and model.rowCount() == 2


def test_selection_survives_a_table_reset(qtbot):
    from PySide6.QtGui import QAction

    from app.library_panel import LibraryPanel

    model = LibraryTableModel()
    panel = LibraryPanel(model, QAction("Add files…"), QAction("Add folder…"))
    qtbot.addWidget(panel)
    model.set_rows(merge_rows([record("/d/a.pdf"), record("/d/b.pdf")]))
    panel.select_paths({"/d/b.pdf"})
    model.set_rows(merge_rows([record("/d/a.pdf"), record("/d/b.pdf")], queued=["/d/c.pdf"]))
    assert [r.path for r in panel.selected_rows()] == ["/d/b.pdf"]
    assert panel.remove.isEnabled()


def test_an_indexing_summary_is_short_counts_protected_files_apart_and_names_no_log_path(tmp_path, monkeypatch):
    from app.indexing import BatchSummary
    from rag.types import FileOutcome

    monkeypatch.setenv("FARO_LOG_DIR", str(tmp_path / "logs"))
    summary = BatchSummary()
    summary.add(FileOutcome("/d/a.pdf", "indexed"))
    assert summary.describe() == "Indexing finished: 1 added."
    summary.add(FileOutcome("/d/locked.pdf", "failed", "This PDF is protected by a password.", "password"))
    summary.add(FileOutcome("/d/b.pdf", "indexed"))
    assert summary.describe() == "Indexing finished: 2 added, 1 needs a password. See Problems."
    summary.add(FileOutcome("/d/scan.pdf", "failed", "No text layer (scanned?)", "no-text"))
    assert "1 could not be read" in summary.describe() and "failed" not in summary.describe()
    assert str(tmp_path) not in summary.describe() and "log" not in summary.describe()


def test_retry_is_offered_only_where_trying_again_can_help():
    from rag.errors import NoTextLayer

    def row(kind: str) -> LibraryRow:
        return LibraryRow("/d/x.pdf", "failed", "reason", kind)

    assert [row(k).retryable for k in ("password", "timeout", "permission", "unreadable")] == [True] * 4
    assert [row(k).retryable for k in (NoTextLayer.kind, "damaged", "empty", "unsupported", "too-large")] == [False] * 5
    assert row("no-text").problem and not LibraryRow("/d/x.pdf", "ready").retryable


def test_a_ready_document_read_again_still_counts_as_ready_with_its_passages():
    model = LibraryTableModel()
    model.set_rows(merge_rows([record("/d/a.pdf", chunks=7), record("/d/b.pdf", "failed", "The PDF is damaged.", "damaged")],
                              queued=["/d/b.pdf"], indexing="/d/a.pdf"))
    rows = {model.data(model.index(r, 0)): r for r in range(model.rowCount())}
    again, retried = rows["a.pdf"], rows["b.pdf"]
    assert model.data(model.index(again, 1)) == "Updating…" and model.data(model.index(again, 4)) == "7"
    assert model.data(model.index(retried, 1)) == "Queued" and model.data(model.index(retried, 4)) == ""
