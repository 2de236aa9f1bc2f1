"""Dropping files and folders on the window: which dropped items are local paths, and the overlay shown meanwhile."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget


def local_paths(mime: QMimeData | None) -> list[str]:
    """The local files and folders in a drag, in order (web links and other data are ignored)."""
    if mime is None or not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


class DropOverlay(QLabel):
    """A translucent sheet over the window saying where the dropped files will go."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("dropOverlay")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()
        parent.installEventFilter(self)

    def show_for(self, collection: str) -> None:
        self.setText(self.tr("Drop to add to “{collection}”\n\nPDF, Word, text, Markdown and image files, or whole folders").format(collection=collection))
        self.setGeometry(self.parentWidget().rect().adjusted(24, 24, -24, -24))
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.parentWidget().rect().adjusted(24, 24, -24, -24))
        return False
