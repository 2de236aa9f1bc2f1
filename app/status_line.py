"""The window's status line: one short, current message that never runs under the permanent labels on the right."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStatusBar, QWidget

MESSAGE_MARGIN_PX = 24


class StatusLine(QStatusBar):
    """A status bar whose messages are cut to the room left of the permanent widgets (the full text in the tooltip)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_message = ""
        self.messageChanged.connect(self._message_changed)

    def showMessage(self, text: str, timeout: int = 0) -> None:  # noqa: N802 (Qt's name)
        self.full_message = text
        room = self.message_room()
        shown = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room) if room > 0 else text
        self.setToolTip(text if shown != text else "")
        super().showMessage(shown, timeout)

    def withdraw(self, text: str) -> None:
        """Clear the message if it is still ``text`` (a message about something that is over now)."""
        if self.full_message == text:
            self.clearMessage()

    def message_room(self) -> int:
        """Pixels free for a message: up to the first visible permanent widget on the right."""
        edges = [child.x() for child in self.findChildren(QWidget) if child.isVisible() and child.x() > 0]
        right = min(edges, default=self.width())
        return right - MESSAGE_MARGIN_PX

    def _message_changed(self, text: str) -> None:
        if not text:
            self.full_message = ""
            self.setToolTip("")
