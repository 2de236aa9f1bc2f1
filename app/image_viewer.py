"""A scanned image (PNG, JPEG, a TIFF frame) shown fitted to the width, with the cited words outlined."""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter
from PySide6.QtWidgets import QScrollArea, QWidget

from app.pdf_marks import MARK_EDGE, MARK_FILL


class _Canvas(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.image = QImage()
        self.boxes: list[tuple[float, float, float, float]] = []

    def box_rects(self) -> list[QRectF]:
        w, h = self.width(), self.height()
        return [QRectF(l * w, t * h, (r - l) * w, (b - t) * h) for l, t, r, b in self.boxes]

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(self.rect(), self.image)
        painter.setPen(MARK_EDGE)
        painter.setBrush(MARK_FILL)
        for box in self.box_rects():
            painter.drawRect(box.adjusted(-2, -2, 2, 2))


class ImagePassageView(QScrollArea):
    """One frame of an image file; ``show_boxes`` outlines words given as fractions of the image and scrolls to them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = _Canvas()
        self.setWidget(self.canvas)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)

    def load(self, path: str, frame: int = 0) -> bool:
        """Show frame ``frame`` of the image at ``path`` (turned upright as its camera recorded); False if unreadable."""
        reader = QImageReader(path)
        reader.setAutoTransform(True)
        if frame and not reader.jumpToImage(frame):
            return False
        image = reader.read()
        self.canvas.image = image
        self._fit()
        return not image.isNull()

    def show_boxes(self, boxes: list[tuple[float, float, float, float]]) -> None:
        self.canvas.boxes = list(boxes)
        self.canvas.update()
        rects = self.canvas.box_rects()
        if rects:
            self.verticalScrollBar().setValue(int(min(r.top() for r in rects) - 0.3 * self.viewport().height()))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        image = self.canvas.image
        if image.isNull():
            return
        width = max(1, self.viewport().width())
        self.canvas.resize(width, int(width * image.height() / max(1, image.width())))
