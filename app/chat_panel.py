"""The chat: saved conversations, the transcript of answer cards, and the question box (Ctrl+Enter, Esc)."""
from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)

from app.chat_cards import AnswerCard, QuestionBubble
from app.conversations import Conversation, Exchange
from app.wording import moment

FOLLOW_SLACK_PX = 24
PICKER_MIN_CHARACTERS = 10


class QuestionBox(QPlainTextEdit):
    """Multi-line question entry: Ctrl+Enter sends, Esc stops; dropped files go to the window, not into the text."""

    submitted = Signal()
    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.submitted.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return not source.hasUrls() and super().canInsertFromMimeData(source)


class ChatPanel(QWidget):
    """Shows one conversation and asks for the next question; the window wires it to the chat controller."""

    askRequested = Signal(str)
    stopRequested = Signal()
    newChatRequested = Signal()
    conversationSelected = Signal(str)
    sourceClicked = Signal(object, str)  # SourceRef, answer text citing it
    copyRequested = Signal(object)  # Exchange

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = QComboBox()
        self.history.setToolTip(self.tr("Earlier chats in this collection"))
        self.history.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.history.setMinimumContentsLength(PICKER_MIN_CHARACTERS)
        self.history.activated.connect(lambda i: self.conversationSelected.emit(self.history.itemData(i)))
        self.new_chat = QPushButton(self.tr("New chat"))
        self.new_chat.setToolTip(self.tr("Start a new conversation (Ctrl+N); earlier chats stay in the list"))
        self.new_chat.clicked.connect(self.newChatRequested)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Chat:")))
        top.addWidget(self.history, 1)
        top.addWidget(self.new_chat)

        self.transcript = QWidget()
        self.transcript.setObjectName("transcript")
        self.cards = QVBoxLayout(self.transcript)
        self.cards.setSpacing(10)
        self.cards.addStretch(1)
        self.empty = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("emptyState")
        self.cards.insertWidget(0, self.empty)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.transcript)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._follow = True
        bar = self.scroll.verticalScrollBar()
        bar.valueChanged.connect(lambda value: setattr(self, "_follow", value >= bar.maximum() - FOLLOW_SLACK_PX))
        bar.rangeChanged.connect(lambda _low, high: self._follow and bar.setValue(high))

        self.question = QuestionBox()
        self.question.setPlaceholderText(self.tr("Ask a question about your documents…   (Ctrl+Enter to send)"))
        self.question.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.question.setFixedHeight(self.question.fontMetrics().lineSpacing() * 3 + 16)
        self.question.submitted.connect(self._submit)
        self.question.escaped.connect(self.stopRequested)
        self.send = QPushButton(self.tr("Ask"))
        self.send.setObjectName("primary")
        self.send.setToolTip(self.tr("Send the question (Ctrl+Enter)"))
        self.send.clicked.connect(self._send_or_stop)
        bottom = QHBoxLayout()
        bottom.addWidget(self.question, 1)
        bottom.addWidget(self.send, 0, Qt.AlignmentFlag.AlignBottom)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(bottom)
        self.busy = False
        self.live_card: AnswerCard | None = None
        self._answer_cards: list[AnswerCard] = []
        self.set_empty_text(self.tr("Add documents, then ask a question about them here."))

    def set_empty_text(self, text: str) -> None:
        self.empty.setText(text)

    def set_conversations(self, conversations: list[Conversation], current: Conversation) -> None:
        """Fill the chat list and show ``current``'s exchanges."""
        self.history.clear()
        for conversation in conversations:
            self.history.addItem(self.chat_label(conversation), conversation.id)
            self.history.setItemData(self.history.count() - 1, conversation.title, Qt.ItemDataRole.ToolTipRole)
        self.history.setCurrentIndex(max(0, self.history.findData(current.id)))
        view = self.history.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width())
        self.show_conversation(current)

    def chat_label(self, conversation: Conversation) -> str:
        """How a chat is listed: its first question and when it was started (two chats may ask the same)."""
        if not conversation.exchanges:
            return self.tr("New chat")
        return f"{conversation.title} — {moment(conversation.exchanges[0].asked_at or conversation.created_at)}"

    def show_conversation(self, conversation: Conversation) -> None:
        self._clear_cards()
        for exchange in conversation.exchanges:
            self._add_question(exchange.question)
            self._add_answer().finish(exchange)
        self.empty.setVisible(not conversation.exchanges)
        self._follow = True

    def begin_answer(self, question: str, waiting: str) -> AnswerCard:
        """Add the question and an empty answer card that tokens will stream into."""
        self.empty.hide()
        self._add_question(question)
        self.live_card = self._add_answer()
        self.live_card.set_waiting(waiting)
        self._follow = True
        return self.live_card

    def set_busy(self, busy: bool) -> None:
        """While an answer is written the Ask button becomes Stop (Esc)."""
        self.busy = busy
        self.send.setText(self.tr("Stop") if busy else self.tr("Ask"))
        self.send.setObjectName("danger" if busy else "primary")
        self.send.setToolTip(self.tr("Stop the answer (Esc)") if busy else self.tr("Send the question (Ctrl+Enter)"))
        self.send.style().unpolish(self.send)
        self.send.style().polish(self.send)
        self.new_chat.setEnabled(not busy)
        self.history.setEnabled(not busy)

    def answer_cards(self) -> list[AnswerCard]:
        return list(self._answer_cards)

    def _send_or_stop(self) -> None:
        if self.busy:
            self.stopRequested.emit()
        else:
            self._submit()

    def _submit(self) -> None:
        text = self.question.toPlainText().strip()
        if text and not self.busy:
            self.askRequested.emit(text)

    def _add_question(self, question: str) -> None:
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(QuestionBubble(question), 4)
        holder = QWidget()
        holder.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        self.cards.insertWidget(self.cards.count() - 1, holder)

    def _add_answer(self) -> AnswerCard:
        card = AnswerCard()
        card.sourceClicked.connect(self.sourceClicked)
        card.copyRequested.connect(self.copyRequested)
        self._answer_cards.append(card)
        self.cards.insertWidget(self.cards.count() - 1, card)
        return card

    def _clear_cards(self) -> None:
        self.live_card = None
        self._answer_cards.clear()
        while self.cards.count() > 2:
            widget = self.cards.takeAt(1).widget()
            widget.setParent(None)
            widget.deleteLater()

    def latest_exchange(self) -> Exchange | None:
        for card in reversed(self._answer_cards):
            if card.exchange is not None:
                return card.exchange
        return None
