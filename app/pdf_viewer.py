"""A PDF shown in QtPdf's viewer at a cited passage, found with the viewer's own search and highlighted."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPointF, QTimer
from PySide6.QtPdf import QPdfDocument, QPdfLink, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.passage_match import Phrase, search_phrases
from app.pdf_marks import PageMarks

PASSAGE_AT_VIEWPORT_FRACTION = 0.3
SETTLE_MS = 600


class PdfPassageView(QWidget):
    """Opens a PDF and marks one part of a passage: (page index, the passage's text on that page, where it starts)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.search = QPdfSearchModel(self)
        self.search.setDocument(self.document)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setSearchModel(self.search)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.path = ""
        self.phrase: Phrase | None = None
        self._target: tuple[int, int] | None = None
        self._scroll_target: tuple[int, float] | None = None
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(lambda: setattr(self, "_scroll_target", None))
        self.search.statusChanged.connect(self._select_when_searched)
        self.search.countChanged.connect(self._select_when_searched)
        self.view.verticalScrollBar().rangeChanged.connect(self._apply_scroll)
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
        index = self.view.currentSearchResultIndex()
        return self.search.resultAtIndex(index) if index >= 0 else None

    def show_part(self, page_index: int, text: str, hint: float) -> bool:
        """Jump to the passage ``text`` on page ``page_index`` and highlight it; False if only the page is shown."""
        self._target = None
        self.phrase = None
        self.marks.clear()
        self.view.setCurrentSearchResultIndex(-1)
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
        if self._scroll_target is None:
            return
        page_index, y_points = self._scroll_target
        heights = [self.document.pagePointSize(i).height() for i in range(self.document.pageCount())]
        total = sum(heights)
        if not total:
            return
        bar = self.view.verticalScrollBar()
        content = bar.maximum() + self.view.viewport().height()
        target = (sum(heights[:page_index]) + y_points) / total * content
        bar.setValue(int(target - PASSAGE_AT_VIEWPORT_FRACTION * self.view.viewport().height()))

    def _select_when_searched(self, *_args) -> None:
        """Mark the wanted result once the (background) search has listed it."""
        if self._target is None:
            return
        page_index, occurrence = self._target
        seen = 0
        for row in range(self.search.rowCount(QModelIndex())):
            if self.search.resultAtIndex(row).page() == page_index:
                if seen == occurrence:
                    self.view.setCurrentSearchResultIndex(row)
                    self._target = None
                    return
                seen += 1
