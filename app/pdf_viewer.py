"""A PDF shown in QtPdf's viewer at a cited passage, found with the viewer's own search and highlighted."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPointF, QTimer
from PySide6.QtPdf import QPdfDocument, QPdfLink, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from app.passage_match import Phrase, search_phrases
from app.pdf_marks import PageMarks
from app.pdf_page_view import ZOOM_STEP, PassagePdfView

PASSAGE_AT_VIEWPORT_FRACTION = 0.25
LONG_PASSAGE_AT_VIEWPORT_FRACTION = 0.08
SIDE_CONTEXT_PX = 24
SETTLE_MS = 600


class PdfPassageView(QWidget):
    """Opens a PDF and marks one part of a passage: (page index, the passage's text on that page, where it starts)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.search = QPdfSearchModel(self)
        self.search.setDocument(self.document)
        self.view = PassagePdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("muted")
        tools = QHBoxLayout()
        tools.setContentsMargins(0, 0, 0, 0)
        for text, tip, slot in (
            (self.tr("Fit width"), self.tr("Make the page as wide as the viewer"), self.fit_width),
            (self.tr("Fit page"), self.tr("Show the whole page"), self.fit_page),
            ("−", self.tr("Zoom out (Ctrl+wheel)"), lambda: self.zoom_by(1 / ZOOM_STEP)),
            ("+", self.tr("Zoom in (Ctrl+wheel)"), lambda: self.zoom_by(ZOOM_STEP)),
        ):
            button = QToolButton(text=text, toolTip=tip, autoRaise=True)
            button.clicked.connect(slot)
            tools.addWidget(button)
        tools.addWidget(self.zoom_label)
        tools.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tools)
        layout.addWidget(self.view)
        self.view.zoomChanged.connect(self._zoom_changed)
        self.path = ""
        self.phrase: Phrase | None = None
        self._target: tuple[int, int] | None = None
        self._result: QPdfLink | None = None
        self._scroll_target: tuple[int, float] | None = None
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(lambda: setattr(self, "_scroll_target", None))
        self.search.statusChanged.connect(self._select_when_searched)
        self.search.countChanged.connect(self._select_when_searched)
        self.view.verticalScrollBar().rangeChanged.connect(self._apply_scroll)
        self.view.verticalScrollBar().rangeChanged.connect(self._show_zoom)
        self.marks = PageMarks(self.view, self.document)

    def load(self, path: str, password: str | None = None) -> QPdfDocument.Error:
        """Open ``path`` (again only if it changed); returns QtPdf's error code (``Error.None_`` when it opened)."""
        if path == self.path and self.document.status() == QPdfDocument.Status.Ready:
            return QPdfDocument.Error.None_
        self.search.setSearchString("")
        self.document.close()
        self.document.setPassword(password or "")
        error = self.document.load(path)
        self.path = path if error == QPdfDocument.Error.None_ else ""
        return error

    @property
    def current_page(self) -> int:
        """The page on screen (0-based)."""
        return self.view.pageNavigator().currentPage()

    def highlighted(self) -> QPdfLink | None:
        """The search result marked as the passage, once the viewer's search has listed it."""
        return self._result

    @property
    def zoom_percent(self) -> int:
        return round(self.view.effective_zoom() * 100)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def zoom_by(self, factor: float) -> None:
        self.view.zoom_by(factor)

    def _show_zoom(self, *_args) -> None:
        self.zoom_label.setText(f"{self.zoom_percent}%" if self.document.pageCount() else "")

    def _zoom_changed(self) -> None:
        self._show_zoom()
        if self._result is not None:
            self._scroll_target = (self._result.page(), self._result.location().y())
            QTimer.singleShot(0, self._apply_scroll)

    def show_part(self, page_index: int, text: str, hint: float) -> bool:
        """Jump to the passage ``text`` on page ``page_index`` and highlight it; False if only the page is shown."""
        self._target = None
        self.phrase = None
        self._result = None
        self.view.set_mark(-1, [])
        self.marks.clear()
        page_text = self.document.getAllText(page_index).text() if page_index < self.document.pageCount() else ""
        for phrase in search_phrases(text, page_text, hint):
            self.search.setSearchString(phrase.text)
            results = self.search.resultsOnPage(page_index)
            if results:
                occurrence = min(phrase.occurrence, len(results) - 1)
                self.phrase = phrase
                self._target = (page_index, occurrence)
                self._jump(page_index, results[occurrence].location())
                self._select_when_searched()
                return True
        self.search.setSearchString("")
        self._jump(page_index, QPointF(0, 0))
        return False

    def show_boxes(self, page_index: int, boxes: list[tuple[float, float, float, float]]) -> bool:
        """Jump to page ``page_index`` of a scan and outline ``boxes`` (fractions of the page); False if none."""
        self._target = None
        self.phrase = None
        self._result = None
        self.view.set_mark(-1, [])
        self.search.setSearchString("")
        self.marks.show_boxes(page_index, boxes)
        top = min((box[1] for box in boxes), default=0.0)
        self._jump(page_index, QPointF(0, top * self.document.pagePointSize(page_index).height()))
        return bool(boxes)

    def _jump(self, page_index: int, location: QPointF) -> None:
        """Go to ``location`` (points) on the page, placed near the top of the view with some text above it.

        QPdfView's navigator scrolls only to the top of a page; the position inside the page is set here from the
        pages' share of the document height (exact to a few pixels), again whenever the layout changes shortly
        after (the viewer may just have been shown and not be laid out yet).
        """
        self.view.pageNavigator().jump(page_index, location, self.view.zoomFactor())
        self._scroll_target = (page_index, location.y())
        self._settle.start()
        self._apply_scroll()
        QTimer.singleShot(0, self._apply_scroll)

    def _apply_scroll(self, *_args) -> None:
        """Scroll so the passage (or, before it is marked, its first line) shows with some text above and beside it."""
        if self._scroll_target is None:
            return
        page_index, y_points = self._scroll_target
        if not 0 <= page_index < self.document.pageCount():
            return
        viewport = self.view.viewport()
        bounds = self.view.mark_bounds()
        if bounds.isEmpty():
            page = self.view.page_rect(page_index)
            top, height, left = page.y() + y_points * self.view.page_scale(page_index), 0.0, 0.0
        else:
            top, height, left = bounds.top(), bounds.height(), bounds.left()
        fraction = PASSAGE_AT_VIEWPORT_FRACTION if height < 0.6 * viewport.height() else LONG_PASSAGE_AT_VIEWPORT_FRACTION
        self.view.verticalScrollBar().setValue(int(top - fraction * viewport.height()))
        horizontal = self.view.horizontalScrollBar()
        if horizontal.maximum() > 0 and left:
            horizontal.setValue(int(left - SIDE_CONTEXT_PX))

    def _select_when_searched(self, *_args) -> None:
        """Mark the wanted result once the (background) search has listed it."""
        if self._target is None:
            return
        page_index, occurrence = self._target
        seen = 0
        for row in range(self.search.rowCount(QModelIndex())):
            if self.search.resultAtIndex(row).page() == page_index:
                if seen == occurrence:
                    self._result = self.search.resultAtIndex(row)
                    self.view.set_mark(page_index, list(self._result.rectangles()))
                    self._target = None
                    self._scroll_target = (page_index, self._result.location().y())
                    self._settle.start()
                    self._apply_scroll()
                    return
                seen += 1
