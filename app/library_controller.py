"""The library on the GUI side: the collection on screen, its documents (from the worker), removals and retries."""
from __future__ import annotations

from typing import Any, Iterable

from PySide6.QtCore import QObject, Signal

from app.i18n import number
from app.indexing import IndexingController
from app.library_model import LibraryRow, LibraryTableModel, merge_rows
from app.worker import EngineOp, EngineWorker
from rag import Status


class LibraryController(QObject):
    """Keeps the documents table in step with the registry and the indexing queue."""

    collectionsChanged = Signal(list, str)  # names, current
    collectionChanged = Signal(str)
    documentsChanged = Signal()
    problem = Signal(str)

    def __init__(self, worker: EngineWorker, indexing: IndexingController, collection: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.indexing = indexing
        self.model = LibraryTableModel(self)
        self.collection = collection
        self.records: list[Any] = []
        self.loaded = False
        self._failures: dict[str, dict[str, Any]] = {}
        indexing.queueChanged.connect(self.rebuild)
        indexing.fileFinished.connect(self._file_finished)

    # Reading

    def refresh(self) -> None:
        """Fetch the collection's documents from the registry (on the worker)."""
        collection = self.collection
        self.worker.run(EngineOp("list documents", lambda e: e.documents(collection), lambda records: self._records_arrived(collection, records), self._failed))

    def refresh_collections(self) -> None:
        self.worker.run(EngineOp("list collections", lambda e: e.collections(), self._collections_arrived, self._failed))

    def rebuild(self) -> None:
        """Redraw the table from the last registry rows and the queue (no engine call)."""
        current = self.indexing.current
        self.model.set_rows(
            merge_rows(
                self.records,
                self.indexing.queued_paths(self.collection),
                current.path if current is not None and current.collection == self.collection else None,
                self._failures.get(self.collection, {}).values(),
            )
        )

    def ready_count(self) -> int:
        return sum(1 for r in self.records if r.status == Status.READY)

    def doc_id_for(self, path: str) -> str | None:
        return next((r.doc_id for r in self.records if r.path == path), None)

    # Changing

    def add(self, paths: Iterable[str], password: str | None = None) -> None:
        self.indexing.add(paths, self.collection, password)

    def resume(self, read_by_older_readers: dict[str, list[str]], left_waiting: dict[str, list[str]],
               rebuilt_passages: int = 0) -> str:
        """At start, queue (per collection) the files an earlier Faro read less well and those left waiting when Faro
        last closed or stopped; returns what to tell the user ("" when nothing), first that a damaged search index was
        rebuilt. A file read again keeps answering from its earlier reading until the new one is saved."""
        for files in (read_by_older_readers, left_waiting):
            for collection, paths in files.items():
                self.indexing.add(paths, collection)
        again, waiting = (sum(len(paths) for paths in files.values()) for files in (read_by_older_readers, left_waiting))
        if rebuilt_passages:
            return self.tr("The search index was damaged (Faro was probably stopped while writing it); it has been "
                           "rebuilt from your library, nothing was lost ({n} passages).").format(n=number(rebuilt_passages))
        if waiting:
            return (self.tr("Going on with 1 file that was waiting to be indexed when Faro closed.") if waiting == 1 else
                    self.tr("Going on with {n} files that were waiting to be indexed when Faro closed.").format(n=number(waiting)))
        if again:
            return (self.tr("This version of Faro reads tables better: reading 1 document again (it answers as before meanwhile).")
                    if again == 1 else self.tr("This version of Faro reads tables better: reading {n} documents again "
                                               "(they answer as before meanwhile).").format(n=number(again)))
        return ""

    def switch(self, collection: str) -> None:
        """Show ``collection`` (created if new) and remember it as the one to open next time."""
        if collection == self.collection and self.loaded:
            return
        self.collection = collection
        self.records = []
        self.loaded = False
        self.rebuild()
        self.collectionChanged.emit(collection)

        def job(engine):
            engine.remember_collection(collection)
            return engine.collections()

        self.worker.run(EngineOp("switch collection", job, self._collections_arrived, self._failed))
        self.refresh()

    def delete_collection(self, collection: str, fallback: str) -> None:
        """Delete ``collection`` with its index (the files themselves stay); show ``fallback`` if it was on screen."""
        self.worker.run(EngineOp("delete collection", lambda e: e.delete_collection(collection), lambda _r: self.refresh_collections(), self._failed))
        self._failures.pop(collection, None)
        if collection == self.collection:
            self.switch(fallback)

    def remove(self, rows: list[LibraryRow]) -> None:
        """Remove documents from the library (and forget failures Faro only saw in this session)."""
        collection = self.collection
        failures = self._failures.get(collection, {})
        for row in rows:
            failures.pop(row.path, None)
        paths = [r.path for r in rows if r.doc_id]

        def job(engine):
            return sum(1 for path in paths if engine.remove(path, collection))

        self.rebuild()
        if paths:
            self.worker.run(EngineOp("remove documents", job, lambda _n: self.refresh(), self._failed))

    def retry(self, row: LibraryRow, password: str | None = None) -> None:
        self._failures.get(self.collection, {}).pop(row.path, None)
        self.indexing.add([row.path], self.collection, password)

    def _file_finished(self, outcome: Any, collection: str) -> None:
        failures = self._failures.setdefault(collection, {})
        if outcome.status == Status.FAILED:
            failures[outcome.path] = outcome
        else:
            failures.pop(outcome.path, None)
        if collection == self.collection:
            self.refresh()

    def _records_arrived(self, collection: str, records: list[Any]) -> None:
        if collection != self.collection:
            return
        self.records = records
        self.loaded = True
        self.rebuild()
        self.documentsChanged.emit()

    def _collections_arrived(self, names: list[str]) -> None:
        self.collectionsChanged.emit(self._with_current(names), self.collection)

    def _with_current(self, names: list[str]) -> list[str]:
        return sorted(set(names) | {self.collection}, key=str.lower)

    def _failed(self, error: BaseException) -> None:
        self.problem.emit(str(error) or type(error).__name__)
