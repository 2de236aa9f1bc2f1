"""One question and its answer on screen: quoted evidence, streaming text, clickable [n] markers, citation chips."""
from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from app.conversations import Exchange
from app.flow_layout import FlowLayout
from app.sources import SourceRef, citing_sentences
from rag import answer_languages, answer_message

_MARKER = re.compile(r"\[(\d+)\]")
CURSOR = "▍"
UNCHECKED_COLOUR = "#7a7a7a"
CHIP_TEXT_MAX_PX = 240
UNSUPPORTED_MARKS = tuple(f"({answer_message('not_found', language)})" for language in answer_languages)


def answer_html(text: str, numbers: set[int]) -> str:
    """The answer as rich text: escaped, line breaks kept, [n] markers of known sources as links ``cite:n``."""
    escaped = html.escape(text).replace("\n", "<br>")

    def link(match: re.Match) -> str:
        n = int(match.group(1))
        return f'<a href="cite:{n}" style="text-decoration:none;font-weight:600">[{n}]</a>' if n in numbers else match.group(0)

    linked = _MARKER.sub(link, escaped)
    for mark in UNSUPPORTED_MARKS:
        linked = linked.replace(html.escape(mark), f'<span style="color:#c0392b">⚠ {html.escape(mark)}</span>')
    return linked


def chip(ref: SourceRef, numbered: bool = True) -> QToolButton:
    """A rounded button naming a source; its tooltip quotes the passage."""
    button = QToolButton()
    button.setObjectName("chip")
    text = f"{ref.n}  {ref.label}" if numbered else ref.label
    button.setText(button.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, CHIP_TEXT_MAX_PX))
    hint = QCoreApplication.translate("AnswerCard", "Click to open it.")
    button.setToolTip(f"<p><b>{html.escape(ref.label)}</b></p><p>“{html.escape(ref.quote)}”</p><p>{hint}</p>")
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


class EvidenceQuote(QFrame):
    """One verbatim quote; clicking the quote or its chip opens the document with exactly this text marked."""

    clicked = Signal(object)  # SourceRef

    def __init__(self, ref: SourceRef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ref = ref
        self.setObjectName("evidence")
        self.quote = QLabel(wordWrap=True, objectName="evidenceQuote")
        self.quote.setTextFormat(Qt.TextFormat.RichText)
        short = f"<b>{html.escape(ref.answer)}</b><br>" if ref.answer else ""
        self.quote.setText(f'{short}<a href="evidence" style="text-decoration:none;color:palette(text)">“{html.escape(ref.quote)}”</a>')
        self.quote.setToolTip(self.tr("Click to see this in its document"))
        self.quote.linkActivated.connect(lambda _: self.clicked.emit(self.ref))
        self.source = chip(ref, numbered=False)
        self.source.clicked.connect(lambda: self.clicked.emit(self.ref))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.quote, 1)
        layout.addWidget(self.source, 0, Qt.AlignmentFlag.AlignTop)


class EvidenceList(QWidget):
    """"From your documents:" and the quotes, shown as soon as the engine has chosen them."""

    evidenceClicked = Signal(object)  # SourceRef

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.quotes: list[EvidenceQuote] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self.heading = QLabel(self.tr("From your documents:"), objectName="muted")
        self._layout.addWidget(self.heading)
        self.hide()

    def show_evidence(self, refs: list[SourceRef]) -> None:
        """Replace the quotes shown with ``refs`` (hidden when there are none)."""
        for quote in self.quotes:
            quote.setParent(None)
            quote.deleteLater()
        self.quotes = []
        for ref in refs:
            quote = EvidenceQuote(ref)
            quote.clicked.connect(self.evidenceClicked)
            self._layout.addWidget(quote)
            self.quotes.append(quote)
        self.setVisible(bool(refs))


class QuestionBubble(QFrame):
    """The user's question, on the right."""

    def __init__(self, question: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionBubble")
        label = QLabel(question, wordWrap=True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(label)


class AnswerCard(QFrame):
    """Faro's answer: streamed in token by token, then completed with its sources."""

    sourceClicked = Signal(object, str)  # SourceRef, the answer text that cites it
    copyRequested = Signal(object)  # Exchange

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("answerCard")
        self.exchange: Exchange | None = None
        self.streamed = ""
        self.body = QLabel(wordWrap=True)
        self.body.setObjectName("answerText")
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.body.setOpenExternalLinks(False)
        self.body.linkActivated.connect(self._on_link)
        self.evidence = EvidenceList()
        self.evidence.evidenceClicked.connect(lambda ref: self.sourceClicked.emit(ref, ref.quote))
        self.status = QLabel(wordWrap=True)
        self.status.setObjectName("muted")
        self.notice = QLabel(wordWrap=True)
        self.notice.setObjectName("notice")
        self.notice.hide()
        self.chips_box = QWidget()
        self.chips = FlowLayout(self.chips_box)
        self.chips_box.hide()
        self.closest_box = QWidget()
        self.closest = QVBoxLayout(self.closest_box)
        self.closest.setContentsMargins(0, 0, 0, 0)
        self.closest_box.hide()
        self.copy = QPushButton(self.tr("Copy as Markdown"))
        self.copy.setObjectName("flat")
        self.copy.setToolTip(self.tr("Copy the answer with its sources (Ctrl+Shift+C copies the latest answer)"))
        self.copy.clicked.connect(lambda: self.exchange and self.copyRequested.emit(self.exchange))
        self.copy.hide()
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        actions.addWidget(self.copy)
        layout = QVBoxLayout(self)
        layout.addWidget(self.evidence)
        layout.addWidget(self.notice)
        layout.addWidget(self.body)
        layout.addWidget(self.chips_box)
        layout.addWidget(self.closest_box)
        layout.addLayout(actions)
        self.set_waiting(self.tr("Looking through your documents…"))

    def set_waiting(self, text: str) -> None:
        self.status.setText(text)
        self.body.setText(CURSOR)

    def show_evidence(self, refs: list[SourceRef]) -> None:
        """The quotes that answer the question, shown before the model writes."""
        self.evidence.show_evidence(refs)

    def append(self, piece: str) -> None:
        """The model's words as they come, greyed: they are checked against the documents only when it ends."""
        if not self.streamed:
            self.status.setText(self.tr("Writing… checked against your documents when it ends (Esc stops)"))
        self.streamed += piece
        self.body.setText(f'<span style="color:{UNCHECKED_COLOUR}">{answer_html(self.streamed, set())}</span>{CURSOR}')

    def finish(self, exchange: Exchange) -> None:
        """Show the final answer: cited markers become links, chips list the sources."""
        self.exchange = exchange
        numbers = {s.n for s in exchange.sources}
        if exchange.error:
            self.body.setText(answer_html(self.streamed, set()) if self.streamed else "")
            self.body.setVisible(bool(self.streamed))
            self._show_notice(exchange.error, "error")
        elif exchange.abstained:
            self._show_notice(exchange.answer, "abstain")
            self.body.hide()
        elif exchange.evidence and not exchange.answer.strip():
            self.body.hide()
        else:
            empty = self.tr("<i>(stopped before Faro began to answer)</i>") if exchange.stopped else self.tr("<i>(no answer)</i>")
            self.body.setText(answer_html(exchange.answer, numbers) if exchange.answer.strip() else empty)
        self.evidence.show_evidence(exchange.evidence)
        if exchange.note and not exchange.error and not exchange.abstained:
            self._show_notice(exchange.note, "note")
        for ref in exchange.sources:
            button = chip(ref)
            button.clicked.connect(lambda _=False, r=ref: self.open_source(r))
            self.chips.addWidget(button)
        self.chips_box.setVisible(bool(exchange.sources))
        if exchange.abstained and exchange.closest:
            self.closest.addWidget(QLabel(self.tr("Closest passages:"), objectName="muted"))
            for ref in exchange.closest:
                self.closest.addWidget(self._closest_row(ref))
            self.closest_box.show()
        self.status.setText(self._status_text(exchange))
        self.copy.setVisible(not exchange.error)

    def chip_buttons(self) -> list[QToolButton]:
        return [self.chips.itemAt(i).widget() for i in range(self.chips.count())]

    def _closest_row(self, ref: SourceRef) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        button = chip(ref, numbered=False)
        button.clicked.connect(lambda _=False, r=ref: self.sourceClicked.emit(r, self.exchange.question))
        quote = QLabel(f"“{ref.quote}”", wordWrap=True, objectName="quote")
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(quote, 1)
        return row

    def _show_notice(self, text: str, kind: str) -> None:
        self.notice.setText(text)
        self.notice.setProperty("kind", kind)
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)
        self.notice.show()

    def _status_text(self, exchange: Exchange) -> str:
        if exchange.stopped:
            return self.tr("Stopped — the answer may be incomplete.")
        if exchange.error:
            return ""
        if exchange.abstained:
            return ""
        if exchange.evidence:
            return QCoreApplication.translate("AnswerCard", "Click a quote to see it marked in its document.")
        if exchange.sources:
            return self.tr("Click a number or a source to see the passage in its document.")
        return self.tr("This answer cites no source: check it against your documents.")

    def _on_link(self, href: str) -> None:
        if self.exchange is None or not href.startswith("cite:"):
            return
        ref = self.exchange.source(int(href.split(":", 1)[1]))
        if ref is not None:
            self.open_source(ref)

    def open_source(self, ref: SourceRef) -> None:
        context = citing_sentences(self.exchange.answer, ref.n) if self.exchange else ""
        self.sourceClicked.emit(ref, context)
