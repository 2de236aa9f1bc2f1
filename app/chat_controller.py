"""Asks the engine a question on the worker thread, streaming the answer's tokens back to the chat."""
from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.conversations import Exchange
from app.i18n import engine_text
from app.sources import SourceRef
from app.worker import EngineOp, EngineWorker
from rag import CancelToken, FaroError

log = logging.getLogger(__name__)


def exchange_from_answer(answer: Any) -> Exchange:
    """The app's record of an engine ``Answer``."""
    return Exchange(
        question=answer.question,
        answer=answer.text,
        sources=[SourceRef.from_citation(c) for c in answer.citations],
        closest=[SourceRef.from_hit(h, n) for n, h in enumerate(answer.closest, start=1)] if answer.abstained else [],
        abstained=answer.abstained,
        stopped=answer.stopped,
        evidence=evidence_refs(answer.evidence),
        note=answer.note,
    )


def evidence_refs(evidence: Any) -> list[SourceRef]:
    return [SourceRef.from_evidence(e, n) for n, e in enumerate(evidence, start=1)]


class ChatController(QObject):
    """One question at a time: ``ask`` → ``started`` → ``evidenceFound`` → ``statusChanged`` → ``tokenReceived``… →
    ``answered`` (or ``failed``)."""

    started = Signal()
    evidenceFound = Signal(object)  # list of SourceRef
    statusChanged = Signal(str)
    tokenReceived = Signal(str)
    answered = Signal(object)  # Exchange
    failed = Signal(object)  # Exchange with ``error`` set
    busyChanged = Signal(bool)

    def __init__(self, worker: EngineWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._cancel: CancelToken | None = None
        self._question = ""

    @property
    def busy(self) -> bool:
        return self._cancel is not None

    def ask(self, question: str, collection: str) -> bool:
        """Queue ``question`` for ``collection``; False if a question is already being answered."""
        question = question.strip()
        if not question or self.busy:
            return False
        cancel = self._cancel = CancelToken()
        self._question = question
        worker = self._worker

        def job(engine):
            worker.post(self._on_started, cancel)
            return engine.ask(
                question,
                on_token=lambda piece: worker.post(self._on_token, cancel, piece),
                on_evidence=lambda evidence: worker.post(self._on_evidence, cancel, evidence_refs(evidence)),
                on_status=lambda text: worker.post(self._on_status, cancel, text),
                cancel=cancel,
                collection=collection,
            )

        self.busyChanged.emit(True)
        self._worker.run(EngineOp("answer a question", job, lambda answer: self._on_answer(cancel, answer), lambda error: self._on_error(cancel, error)))
        return True

    def stop(self) -> None:
        """Stop the answer being written; what was written so far is kept."""
        if self._cancel is not None:
            self._cancel.cancel()

    def _on_started(self, cancel: CancelToken) -> None:
        if cancel is self._cancel:
            self.started.emit()

    def _on_evidence(self, cancel: CancelToken, refs: list[SourceRef]) -> None:
        if cancel is self._cancel:
            self.evidenceFound.emit(refs)

    def _on_status(self, cancel: CancelToken, text: str) -> None:
        if cancel is self._cancel and not cancel.cancelled:
            self.statusChanged.emit(text)

    def _on_token(self, cancel: CancelToken, piece: str) -> None:
        if cancel is self._cancel and not cancel.cancelled:
            self.tokenReceived.emit(piece)

    def _on_answer(self, cancel: CancelToken, answer: Any) -> None:
        exchange = exchange_from_answer(answer)
        if cancel.cancelled and not exchange.abstained:
            exchange.stopped = True
        self._done(cancel)
        self.answered.emit(exchange)

    def _on_error(self, cancel: CancelToken, error: BaseException) -> None:
        if isinstance(error, FaroError):
            message = engine_text(str(error))
        else:
            log.error("Answering failed", exc_info=error)
            message = self.tr("Faro could not answer: {error}").format(error=f"{type(error).__name__}: {error}")
        exchange = Exchange(question=self._question, error=message, stopped=cancel.cancelled)
        self._done(cancel)
        self.failed.emit(exchange)

    def _done(self, cancel: CancelToken) -> None:
        if cancel is self._cancel:
            self._cancel = None
            self.busyChanged.emit(False)
