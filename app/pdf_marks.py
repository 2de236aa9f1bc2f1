"""Boxes drawn over a page in QtPdf's viewer: the cited words of a scanned page, which has no text to search."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QWidget

MARK_FILL = QColor(255, 200, 0, 90)
MARK_EDGE = QColor(230, 140, 0, 200)


def page_rect(view: QPdfView, document: QPdfDocument, page_index: int) -> QRectF:
    """Where page ``page_index`` lies in the view's viewport, laid out as QPdfView lays out its pages."""
    viewport = view.viewport()
    margins = view.documentMargins()
    resolution = QGuiApplication.primaryScreen().logicalDotsPerInch() / 72.0 if QGuiApplication.primaryScreen() else 1.0
    multi = view.pageMode() == QPdfView.PageMode.MultiPage
    pages = range(document.pageCount()) if multi else [page_index]
    sizes = {}
    for index in pages:
        points = document.pagePointSize(index)
        width, height = points.width() * resolution, points.height() * resolution
        if view.zoomMode() == QPdfView.ZoomMode.FitToWidth and width:
            factor = (viewport.width() - margins.left() - margins.right()) / width
        elif view.zoomMode() == QPdfView.ZoomMode.FitInView and width and height:
            factor = min((viewport.width() - margins.left() - margins.right()) / width,
                         (viewport.height() - margins.top() - margins.bottom()) / height)
        else:
            factor = view.zoomFactor()
        sizes[index] = (int(width * factor), int(height * factor))
    total_width = max(w for w, _ in sizes.values()) + margins.left() + margins.right()
    y = margins.top()
    for index in pages:
        width, height = sizes[index]
        if index == page_index:
            x = (max(total_width, viewport.width()) - width) // 2
            return QRectF(x - view.horizontalScrollBar().value(), y - view.verticalScrollBar().value(), width, height)
        y += height + view.pageSpacing()
    return QRectF()


class PageMarks(QWidget):
    """A see-through layer over the viewer's pages that outlines boxes given as fractions of one page."""

    def __init__(self, view: QPdfView, document: QPdfDocument) -> None:
        super().__init__(view.viewport())
        self.view = view
        self.document = document
        self.page_index = -1
        self.boxes: list[tuple[float, float, float, float]] = []
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        view.viewport().installEventFilter(self)
        view.verticalScrollBar().valueChanged.connect(self.update)
        view.horizontalScrollBar().valueChanged.connect(self.update)
        self.hide()

    def show_boxes(self, page_index: int, boxes: list[tuple[float, float, float, float]]) -> None:
        self.page_index, self.boxes = page_index, list(boxes)
        self.setGeometry(self.view.viewport().rect())
        self.setVisible(bool(self.boxes))
        self.raise_()
        self.update()

    def clear(self) -> None:
        self.show_boxes(-1, [])

    def screen_boxes(self) -> list[QRectF]:
        """The boxes in viewport pixels."""
        if self.page_index < 0:
            return []
        page = page_rect(self.view, self.document, self.page_index)
        return [QRectF(page.x() + l * page.width(), page.y() + t * page.height(), (r - l) * page.width(),
                       (b - t) * page.height()) for l, t, r, b in self.boxes]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.view.viewport().rect())
        return False

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setPen(MARK_EDGE)
        painter.setBrush(MARK_FILL)
        for box in self.screen_boxes():
            painter.drawRect(box.adjusted(-2, -2, 2, 2))
