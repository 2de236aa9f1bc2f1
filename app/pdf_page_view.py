"""QtPdf's page view with Faro's own passage mark (translucent, text stays readable), zoom steps and Ctrl+wheel."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPaintEvent, QWheelEvent
from PySide6.QtPdfWidgets import QPdfView

MARK_FILL = QColor(255, 196, 0, 80)
MARK_BAR = QColor(230, 120, 0)
MARK_BAR_PX = 4
MARK_BAR_MARGIN_PT = 8
ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 6.0


class PassagePdfView(QPdfView):
    """Draws the passage as a light marker under the words (multiplied, so black text stays black) and a bar in the
    margin beside it, instead of QtPdf's outline boxes that cover the letters."""

    zoomChanged = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.mark_page = -1
        self.mark_rects: list[QRectF] = []
        self.viewport().installEventFilter(self)
        self.zoomFactorChanged.connect(lambda _f: self.zoomChanged.emit())
        self.zoomModeChanged.connect(lambda _m: self.zoomChanged.emit())

    def set_mark(self, page: int, rects: list[QRectF]) -> None:
        """Mark ``rects`` (in points) on ``page``; an empty list clears the mark."""
        self.mark_page, self.mark_rects = (page, list(rects)) if rects else (-1, [])
        self.viewport().update()

    # Geometry: QPdfView lays pages out top to bottom, centred, inside documentMargins with pageSpacing between.

    def page_scale(self, page: int) -> float:
        """Pixels per point of ``page`` at the current zoom."""
        document = self.document()
        size = document.pagePointSize(page) if document else None
        if not size or size.width() <= 0:
            return 1.0
        margins = self.documentMargins()
        if self.zoomMode() == QPdfView.ZoomMode.FitToWidth:
            return (self.viewport().width() - margins.left() - margins.right()) / size.width()
        if self.zoomMode() == QPdfView.ZoomMode.FitInView:
            width = self.viewport().width() - margins.left() - margins.right()
            height = self.viewport().height() - self.pageSpacing()
            return min(width / size.width(), height / size.height())
        return self.zoomFactor() * screen_points_to_pixels()

    def page_rect(self, page: int) -> QRectF:
        """Where ``page`` lies in document pixels (add the scroll position to get viewport coordinates)."""
        document = self.document()
        margins = self.documentMargins()
        widths = [document.pagePointSize(p).width() * self.page_scale(p) for p in range(document.pageCount())]
        total_width = max(widths, default=0) + margins.left() + margins.right()
        y = float(margins.top())
        for p in range(page):
            y += int(document.pagePointSize(p).height() * self.page_scale(p)) + self.pageSpacing()
        width = widths[page] if page < len(widths) else 0.0
        x = (max(total_width, self.viewport().width()) - width) / 2
        return QRectF(x, y, width, document.pagePointSize(page).height() * self.page_scale(page))

    def document_height(self) -> float:
        """The laid-out height of all pages, as QPdfView computes it (its scroll range plus one viewport)."""
        count = self.document().pageCount() if self.document() else 0
        if not count:
            return 0.0
        last = self.page_rect(count - 1)
        return last.bottom() + self.documentMargins().bottom()

    def mark_bounds(self) -> QRectF:
        """The marked passage in document pixels (empty when nothing is marked)."""
        if self.mark_page < 0:
            return QRectF()
        page, scale = self.page_rect(self.mark_page), self.page_scale(self.mark_page)
        bounds = QRectF()
        for rect in self.mark_rects:
            bounds = bounds.united(QRectF(page.x() + rect.x() * scale, page.y() + rect.y() * scale,
                                          rect.width() * scale, rect.height() * scale))
        return bounds

    # Zoom

    def effective_zoom(self) -> float:
        """The zoom on screen, whatever the mode (1.0 = the page at its printed size)."""
        page = max(0, self.pageNavigator().currentPage())
        return self.page_scale(page) / screen_points_to_pixels()

    def zoom_by(self, factor: float) -> None:
        zoom = min(ZOOM_MAX, max(ZOOM_MIN, self.effective_zoom() * factor))
        self.setZoomMode(QPdfView.ZoomMode.Custom)
        self.setZoomFactor(zoom)

    # Painting and input

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if self.mark_page < 0 or not self.document() or self.mark_page >= self.document().pageCount():
            return
        dx, dy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        page, scale = self.page_rect(self.mark_page), self.page_scale(self.mark_page)
        painter = QPainter(self.viewport())
        painter.translate(-dx, -dy)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
        for rect in self.mark_rects:
            painter.fillRect(QRectF(page.x() + rect.x() * scale, page.y() + rect.y() * scale - 1,
                                    rect.width() * scale, rect.height() * scale + 2), MARK_FILL)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        painter.fillRect(self.mark_bar(), MARK_BAR)
        painter.end()

    def mark_bar(self) -> QRectF:
        """The bar beside the mark, in document pixels: in the page's margin, within ``MARK_BAR_MARGIN_PT`` of its
        edge, so that a quote starting mid-line ("…whichever comes first. The battery is covered…") keeps the
        letters before it readable."""
        bounds, page = self.mark_bounds(), self.page_rect(self.mark_page)
        inset = min(MARK_BAR_MARGIN_PT * self.page_scale(self.mark_page), bounds.left() - page.x() - 3 * MARK_BAR_PX)
        return QRectF(page.x() + max(2.0, inset), bounds.top(), MARK_BAR_PX, bounds.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.viewport() and event.type() == QEvent.Type.Wheel:
            wheel: QWheelEvent = event
            if wheel.modifiers() & Qt.KeyboardModifier.ControlModifier and wheel.angleDelta().y():
                self.zoom_by(ZOOM_STEP if wheel.angleDelta().y() > 0 else 1 / ZOOM_STEP)
                return True
        return super().eventFilter(watched, event)


def screen_points_to_pixels() -> float:
    """Pixels per point at zoom 1.0, as QPdfView counts them (the screen's logical DPI over 72)."""
    screen = QGuiApplication.primaryScreen()
    return (screen.logicalDotsPerInch() if screen else 96.0) / 72.0
