"""A document's extracted text (Word, plain text, Markdown) scrolled to a passage, with the passage highlighted."""
from __future__ import annotations

from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

CONTEXT_LINES_ABOVE = 3


class TextPassageView(QTextEdit):
    """Read-only text; ``show_passage`` marks characters ``start``…``end`` and scrolls them near the top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.highlight: tuple[int, int] | None = None
        self._text = ""

    def show_passage(self, text: str, start: int, end: int) -> None:
        if text != self._text:
            self._text = text
            self.setPlainText(text)
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        self.highlight = (start, end) if end > start else None
        self._paint_highlight()
        cursor = QTextCursor(self.document())
        cursor.setPosition(_utf16(text, start))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        bar = self.verticalScrollBar()
        line = self.fontMetrics().lineSpacing()
        bar.setValue(bar.value() + self.cursorRect().top() - CONTEXT_LINES_ABOVE * line)

    def highlighted_text(self) -> str:
        if self.highlight is None:
            return ""
        start, end = self.highlight
        return self._text[start:end]

    def _paint_highlight(self) -> None:
        if self.highlight is None:
            self.setExtraSelections([])
            return
        colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        colour.setAlpha(90)
        char_format = QTextCharFormat()
        char_format.setBackground(colour)
        selection = QTextEdit.ExtraSelection()
        selection.format = char_format
        cursor = QTextCursor(self.document())
        cursor.setPosition(_utf16(self._text, self.highlight[0]))
        cursor.setPosition(_utf16(self._text, self.highlight[1]), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        self.setExtraSelections([selection])


def _utf16(text: str, offset: int) -> int:
    """Qt counts positions in UTF-16 units; Python in code points (they differ after emoji and rare scripts)."""
    return len(text[:offset].encode("utf-16-le")) // 2
