"""Ingestion: triage files by content hash, parse in isolation, chunk, embed and commit each document atomically."""
from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from rag.analysis import document_language
from rag.errors import Cancelled, DataFolderError, EmptyFile, FaroError, FileProblem
from rag.ingest.chunking import chunk_document
from rag.ingest.embed_steps import embed_in_steps
from rag.ingest.loaders.reading import read_by_older_reader, reader_version
from rag.ingest.parse_worker import IsolatedParser
from rag.models.embedder import Embedder
from rag.progress import CancelToken, Progress, ProgressCallback
from rag.status import Status
from rag.store.library import Library, NewVersion, document_id, file_hash
from rag.store.registry import dumps_warnings
from rag.types import Chunk, DocumentRecord, ExtractedDocument, FileOutcome, IngestReport

log = logging.getLogger(__name__)

BATCH_PASSAGES = 64


def index_header(path: Path, document: ExtractedDocument) -> str:
    """What the passage's document is called, embedded and keyword-indexed with every passage."""
    stem = re.sub(r"[_\s]+", " ", path.stem).strip()
    names = [stem] if sum(c.isalpha() for c in stem) >= 2 else []
    if document.title and document.title.lower() != stem.lower():
        names.append(document.title)
    return " — ".join(names)


def lead_text(document: ExtractedDocument, characters: int = 1000) -> str:
    """The opening words of a document (cover page, title block): what usually names it."""
    first = next((p.text for p in document.pages if p.text.strip()), "")
    return " ".join(first[:characters].split())


def index_text(header: str, chunk: Chunk) -> str:
    return "\n".join(part for part in (header, chunk.section, chunk.text) if part)


@dataclass
class _Work:
    path: Path
    doc_id: str
    content_hash: str
    size: int
    mtime: float
    previous: DocumentRecord | None
    # The same file, read again because Faro's reader for it is newer than the one that read it.
    reread: bool = False


@dataclass
class _Prepared:
    item: _Work
    document: ExtractedDocument
    chunks: list[Chunk]
    texts: list[str]
    seconds: float
    vectors: "object | None" = None


class Ingestor:
    """Runs one ingest over a list of files for one collection; one bad file never stops the batch."""

    def __init__(
        self,
        *,
        collection: str,
        library: Library,
        embedder: Embedder,
        parser: IsolatedParser,
        chunk_tokens: int,
        chunk_overlap: int,
    ) -> None:
        self.collection = collection
        self.library = library
        self.registry = library.registry
        self.embedder = embedder
        self.parser = parser
        self.chunk_tokens = chunk_tokens
        self.chunk_overlap = chunk_overlap

    def run(
        self,
        files: list[Path],
        password: str | None,
        progress: ProgressCallback,
        cancel: CancelToken,
        report: IngestReport,
        pause: Callable[[], bool] = lambda: False,
    ) -> None:
        """Ingest ``files``, appending each outcome to ``report.outcomes``.

        Cancel is checked between steps of at most about half a second: while a file is read (the reader process is
        stopped), and between embedding steps. The documents already embedded are saved; the one being read or
        embedded is left out, as if it had never been added (a changed file keeps its previous version).
        ``pause`` is asked after each file is read: when it says so, the ingest finishes that file, saves, and lists the
        files it did not reach in ``report.postponed``.
        """
        outcomes = report.outcomes
        first = len(outcomes)
        order = {str(path): number for number, path in enumerate(files)}
        try:
            self._run(files, password, progress, cancel, report, pause)
        except Cancelled:
            self.parser.abandon()
            raise
        finally:
            outcomes[first:] = sorted(outcomes[first:], key=lambda o: order.get(o.path, len(order)))

    def _run(self, files, password, progress, cancel, report: IngestReport, pause: Callable[[], bool]) -> None:
        outcomes = report.outcomes
        work: list[_Work] = []
        for number, path in enumerate(files):
            cancel.raise_if_cancelled()
            progress(Progress(number, len(files), path.name, "checking"))
            item_or_outcome = self._triage(path)
            if isinstance(item_or_outcome, FileOutcome):
                _log_outcome(item_or_outcome)
                outcomes.append(item_or_outcome)
            else:
                work.append(item_or_outcome)
        done = len(files) - len(work)
        batch: list[_Prepared] = []
        if work:
            self.parser.submit(work[0].path, password)
        try:
            for index, item in enumerate(work):
                started = time.monotonic()
                progress(Progress(done + index, len(files), item.path.name, "reading"))

                def on_page(page: int, pages: int, note: str, number: int = done + index, name: str = item.path.name) -> None:
                    progress(Progress(number, len(files), name, f"reading page {page} of {pages} ({note})"))

                try:
                    document = self.parser.result(on_page, cancel)
                except FileProblem as exc:
                    document = exc
                if index + 1 < len(work) and pause():
                    report.postponed = [str(w.path) for w in work[index + 1 :]]
                elif index + 1 < len(work):
                    self.parser.submit(work[index + 1].path, password)
                try:
                    prepared = self._prepare(item, document, batch, started)
                    if isinstance(prepared, _Prepared):
                        self._embed(prepared, progress, cancel, done + index, len(files))
                except Cancelled:
                    raise
                except FaroError as exc:
                    prepared = _with_seconds(self._record_failure(item, exc), time.monotonic() - started)
                if isinstance(prepared, FileOutcome):
                    _log_outcome(prepared)
                    outcomes.append(prepared)
                else:
                    batch.append(prepared)
                    if sum(len(p.chunks) for p in batch) >= BATCH_PASSAGES:
                        outcomes.extend(self._flush(batch, progress, done + index, len(files)))
                if report.postponed:
                    break
        finally:
            reached = len(files) - len(report.postponed)
            if batch:
                outcomes.extend(self._flush(batch, progress, reached, len(files)))
        progress(Progress(reached, len(files), "", "done"))

    def _prepare(self, item: _Work, document, batch: list["_Prepared"], started: float) -> "_Prepared | FileOutcome":
        """Chunk a parsed document, or settle it as a duplicate (of an indexed file or one earlier in the batch)."""
        original = self.registry.ready_document_with_hash(self.collection, item.content_hash, other_than=item.doc_id)
        original_path = original.path if original else next((str(p.item.path) for p in batch if p.item.content_hash == item.content_hash), None)
        if original_path is not None:
            reason = f"Same content as {original_path} (indexed once)."
            self._clear_previous(item)
            self.registry.upsert_document(self._record(item, None, 0, Status.DUPLICATE, reason, "duplicate"))
            return FileOutcome(str(item.path), Status.DUPLICATE, reason, "duplicate", seconds=round(time.monotonic() - started, 3))
        if isinstance(document, FileProblem):
            raise document
        self.library.on_step("chunk.begin")
        chunks = chunk_document(document, self.embedder, self._budget(item.path, document), self.chunk_overlap)
        self.library.on_step("chunk.end")
        if not chunks:
            raise EmptyFile("The document contains no text to index.")
        header = index_header(item.path, document)
        return _Prepared(item, document, chunks, [index_text(header, c) for c in chunks], time.monotonic() - started)

    def _embed(self, prepared: "_Prepared", progress: ProgressCallback, cancel: CancelToken, done: int, total: int) -> None:
        """Embed one document's passages in short steps, reporting each one (raises ``Cancelled`` between steps)."""
        name, started = prepared.item.path.name, time.monotonic()

        def step(embedded: int, count: int) -> None:
            progress(Progress(done, total, name, f"embedding {embedded}/{count} passages", embedded / count))

        prepared.vectors = embed_in_steps(self.embedder, prepared.texts, cancel, step)
        prepared.seconds += time.monotonic() - started

    def _flush(self, batch: list["_Prepared"], progress: ProgressCallback, done: int, total: int) -> list[FileOutcome]:
        """Commit a batch of embedded documents at once; empties ``batch``."""
        import numpy as np

        started = time.monotonic()
        names = ", ".join(p.item.path.name for p in batch[:3]) + ("…" if len(batch) > 3 else "")
        progress(Progress(done, total, names, "saving"))
        try:
            versions = [
                NewVersion(self._record(p.item, p.document, len(p.chunks), Status.READY, "", ""), p.document, p.chunks, p.texts,
                           replaces_vectors=p.item.previous is not None)
                for p in batch
            ]
            self.library.commit(self.collection, versions, np.vstack([p.vectors for p in batch]))
        except DataFolderError:
            batch.clear()
            raise
        shared_seconds = (time.monotonic() - started) / max(1, sum(len(p.chunks) for p in batch))
        outcomes = []
        for p in batch:
            outcome = FileOutcome(
                str(p.item.path), Status.REREAD if p.item.reread else Status.INDEXED, pages=p.document.page_count, chunks=len(p.chunks), warnings=p.document.warnings,
                seconds=round(p.seconds + shared_seconds * len(p.chunks), 3),
            )
            log.info("%s: indexed, %d passages (%.2f s)", p.item.path, len(p.chunks), outcome.seconds)
            outcomes.append(outcome)
        batch.clear()
        return outcomes

    def _triage(self, path: Path) -> _Work | FileOutcome:
        path_text = str(path)
        try:
            info = path.stat()
            if path.is_dir():
                raise PermissionError("folder cannot be listed")
            previous = self.registry.document_by_path(self.collection, path_text)
            ready = previous is not None and previous.status == Status.READY
            read_well = ready and not read_by_older_reader(previous.kind, previous.reader)
            if read_well and previous.size == info.st_size and previous.mtime == info.st_mtime:
                return FileOutcome(path_text, Status.UNCHANGED, pages=previous.pages, chunks=previous.chunks)
            content_hash = file_hash(path)
        except PermissionError:
            return FileOutcome(path_text, Status.FAILED, "Permission denied: Faro is not allowed to read this file or folder.", "permission")
        except OSError as exc:
            return FileOutcome(path_text, Status.FAILED, f"The file could not be read: {exc.strerror or exc}.", "unreadable")
        same = ready and previous.content_hash == content_hash
        if same and read_well:
            self.registry.touch_document(previous.doc_id, info.st_mtime)
            return FileOutcome(path_text, Status.UNCHANGED, pages=previous.pages, chunks=previous.chunks)
        return _Work(path, document_id(self.collection, path_text), content_hash, info.st_size, info.st_mtime, previous, reread=same)

    def _budget(self, path: Path, document: ExtractedDocument) -> int:
        header_tokens = len(self.embedder.token_spans([index_header(path, document)])[0])
        return max(16, min(self.chunk_tokens, self.embedder.max_tokens - header_tokens - 8))

    def _record_failure(self, item: _Work, error: FaroError) -> FileOutcome:
        if item.reread:  # the file read well before: its earlier reading stays (and is not tried again)
            log.warning("%s: could not be read again (%s); the earlier reading is kept", item.path, error)
            self.registry.upsert_document(replace(item.previous, reader=reader_version(item.previous.kind)))
            return FileOutcome(str(item.path), Status.UNCHANGED, str(error), error.kind, pages=item.previous.pages,
                               chunks=item.previous.chunks)
        self._clear_previous(item)
        self.registry.upsert_document(self._record(item, None, 0, Status.FAILED, str(error), error.kind))
        return FileOutcome(str(item.path), Status.FAILED, str(error), error.kind)

    def _clear_previous(self, item: _Work) -> None:
        """A changed file that now fails (or duplicates another) loses its old passages."""
        if item.previous is not None and item.previous.chunks:
            self.library.clear(self._record(item, None, 0, Status.INDEXING, "", ""))

    def _record(self, item: _Work, document: ExtractedDocument | None, chunks: int, status: str, error: str, kind: str) -> DocumentRecord:
        now = time.time()
        return DocumentRecord(
            doc_id=item.doc_id,
            collection=self.collection,
            path=str(item.path),
            content_hash=item.content_hash,
            size=item.size,
            mtime=item.mtime,
            kind=document.kind if document else "",
            title=document.title if document else "",
            pages=document.page_count if document else None,
            chunks=chunks,
            status=status,
            error=error,
            error_kind=kind,
            warnings=dumps_warnings(document.warnings) if document else "",
            added_at=item.previous.added_at if item.previous else now,
            updated_at=now,
            lead=lead_text(document) if document else "",
            language=document_language(p.text for p in document.pages) if document else "",
            reader=reader_version(document.kind) if document else 0,
        )


def _log_outcome(outcome: FileOutcome) -> None:
    level = logging.WARNING if outcome.status == Status.FAILED else logging.INFO
    log.log(level, "%s: %s (%s) %s (%.2f s)", outcome.path, outcome.status, outcome.error_kind, outcome.reason, outcome.seconds)


def _with_seconds(outcome: FileOutcome, seconds: float) -> FileOutcome:
    return replace(outcome, seconds=round(seconds, 3))
