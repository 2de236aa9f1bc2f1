"""The source viewer beside the chat: the cited file at the cited passage, and "Open in system viewer"."""
from __future__ import annotations

import os
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QHBoxLayout, QInputDialog, QLabel, QLineEdit, QPushButton, QSizePolicy, QStackedWidget, QToolButton, QVBoxLayout, QWidget,
)

from app.passage_match import as_printed, best_part, quoted_spans, word_boxes
from app.image_viewer import ImagePassageView
from app.pdf_viewer import PdfPassageView
from app.sources import SourceRef
from app.text_viewer import TextPassageView

PasswordPrompt = Callable[[str, bool], "str | None"]


def prompt_password(parent: QWidget, name: str, rejected: bool = False) -> str | None:
    """Ask for a PDF's password; ``rejected`` says the last one tried was wrong."""
    translate = QCoreApplication.translate
    label = (
        translate("ViewerPane", "The password for “{name}” is not correct.\nTry again:") if rejected
        else translate("ViewerPane", "“{name}” is protected by a password.\nEnter it to open the file:")
    )
    password, ok = QInputDialog.getText(
        parent, translate("ViewerPane", "Password needed"), label.replace("{name}", name), QLineEdit.EchoMode.Password
    )
    return password if ok and password else None


class ViewerPane(QWidget):
    """Shows one source at a time; a passage that runs over several pages is shown one page part at a time."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ask_password: PasswordPrompt = lambda name, rejected: prompt_password(self, name, rejected)
        self.passwords: dict[str, str] = {}
        self.ref: SourceRef | None = None
        self.mode = ""
        self.current_part = 0
        self._parts: list[tuple[int, str, float]] = []
        self._boxes: dict[int, list[tuple[float, float, float, float]]] = {}

        self.title = QLabel()
        self.title.setObjectName("viewerTitle")
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where = QLabel()
        self.where.setObjectName("muted")
        self.where.setWordWrap(True)
        self.previous_part = QToolButton(text="◂", toolTip=self.tr("Previous part of the passage"))
        self.next_part = QToolButton(text="▸", toolTip=self.tr("Next part of the passage (it continues on the next page)"))
        self.previous_part.clicked.connect(lambda: self.show_part(self.current_part - 1))
        self.next_part.clicked.connect(lambda: self.show_part(self.current_part + 1))
        self.open_external = QPushButton(self.tr("Open in system viewer"))
        self.open_external.setToolTip(self.tr("Open the file in the program your computer uses for it"))
        self.open_external.clicked.connect(self.open_in_system_viewer)
        close = QToolButton(text="✕", toolTip=self.tr("Close the viewer (Ctrl+W)"))
        close.clicked.connect(self.closed)

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.where)
        header.addLayout(titles, 1)
        header.addWidget(self.previous_part)
        header.addWidget(self.next_part)
        header.addWidget(self.open_external)
        header.addWidget(close)

        self.pdf = PdfPassageView()
        self.text = TextPassageView()
        self.image = ImagePassageView()
        self.message = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.message.setObjectName("emptyState")
        self.stack = QStackedWidget()
        for widget in (self.pdf, self.text, self.image, self.message):
            self.stack.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)
        self._update_part_buttons()

    def open_source(self, ref: SourceRef, document: Any | None, context: str = "") -> None:
        """Show ``ref``; ``document`` is the text Faro extracted from it (None when the library no longer has it).

        A passage over several pages opens on the page whose text best matches ``context`` (the citing sentences).
        """
        self.ref = ref
        self.title.setText(ref.name)
        self.title.setToolTip(ref.source)
        self.open_external.setEnabled(os.path.exists(ref.source))
        is_pdf = document.kind == "pdf" if document is not None else ref.source.lower().endswith(".pdf")
        if is_pdf and self._open_pdf(ref, document, context):
            return
        if document is not None and document.kind == "image" and self._open_image(ref, document):
            return
        self._parts = []
        self._boxes = {}
        self._update_part_buttons()
        if document is not None and document.pages:
            self._show_text(ref, document, is_pdf or document.kind == "image")
        else:
            self._show_message(
                self.tr("Faro no longer has the text of this document (it may have been removed from the library).")
                if os.path.exists(ref.source) else self.tr("This file is no longer where it was indexed (moved or deleted?).")
            )

    def show_part(self, number: int) -> None:
        if not 0 <= number < len(self._parts):
            return
        self.current_part = number
        page_index, text, hint = self._parts[number]
        if page_index in self._boxes:
            found = self.pdf.show_boxes(page_index, self._boxes[page_index])
        else:
            found = self.pdf.show_part(page_index, text, hint)
        page = self.tr("Page {page} of {pages}").format(page=page_index + 1, pages=self.pdf.document.pageCount())
        if len(self._parts) > 1:
            first, last = self._parts[0][0] + 1, self._parts[-1][0] + 1
            page += self.tr(" · the passage runs over pages {first}–{last} (◂ ▸ show each part)").format(first=first, last=last)
        note = "" if found else self.tr(" · the exact passage could not be marked on this page")
        self.where.setText(page + note)
        self._update_part_buttons()

    def open_in_system_viewer(self) -> bool:
        if self.ref is None or not os.path.exists(self.ref.source):
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(self.ref.source))

    def _open_pdf(self, ref: SourceRef, document: Any | None, context: str) -> bool:
        if not os.path.exists(ref.source):
            return False
        error = self.pdf.load(ref.source, self.passwords.get(ref.source))
        tried = False
        while error == QPdfDocument.Error.IncorrectPassword:
            password = self.ask_password(ref.name, tried)
            tried = True
            if password is None:
                return False
            error = self.pdf.load(ref.source, password)
            if error == QPdfDocument.Error.None_:
                self.passwords[ref.source] = password
        if error != QPdfDocument.Error.None_:
            return False
        first = (ref.page_start or 1) - 1
        last = (ref.page_end or ref.page_start or 1) - 1
        pages = list(document.pages) if document is not None else []
        spans = quoted_spans([p.text for p in pages], first, last, ref.char_start, ref.char_end, ref.quote) if pages else []
        self._parts = [(i, as_printed(pages[i].text, pages[i].rows, s, e), s / len(pages[i].text)) for i, s, e in spans]
        self._boxes = {i: word_boxes(pages[i].words, s, e) for i, s, e in spans if pages[i].scanned and pages[i].words}
        if not self._parts:
            self._parts = [(first, ref.quote.rstrip("…"), 0.0)]
        self.mode = "pdf"
        self.stack.setCurrentWidget(self.pdf)
        self.show_part(best_part([text for _, text, _ in self._parts], context))
        return True

    def _open_image(self, ref: SourceRef, document: Any) -> bool:
        """A scanned image with the cited words outlined (the passage's part on its first page)."""
        index = min(max((ref.page_start or 1) - 1, 0), len(document.pages) - 1)
        if not os.path.exists(ref.source) or not self.image.load(ref.source, index):
            return False
        page = document.pages[index]
        end = ref.char_end if ref.page_end in (None, ref.page_start) else len(page.text)
        self._parts, self._boxes = [], {}
        self._update_part_buttons()
        self.mode = "image"
        self.stack.setCurrentWidget(self.image)
        self.image.show_boxes(word_boxes(page.words, ref.char_start, end))
        self.where.setText(self.tr("Page {0} of {1} · read from a scan").format(index + 1, len(document.pages)))
        return True

    def _show_text(self, ref: SourceRef, document: Any, is_pdf: bool) -> None:
        if is_pdf:
            index = min(max((ref.page_start or 1) - 1, 0), len(document.pages) - 1)
            text = document.pages[index].text
            end = ref.char_end if ref.page_end in (None, ref.page_start) else len(text)
            if document.kind == "image":
                self.where.setText(self.tr("Text read from the image (page {0}).").format(index + 1))
            else:
                self.where.setText(self.tr("The PDF could not be opened here; showing the text Faro read from page {page}.").format(page=index + 1))
        else:
            text, end = document.pages[0].text, ref.char_end
            self.where.setText(ref.location or self.tr("Text"))
        self.mode = "text"
        self.stack.setCurrentWidget(self.text)
        self.text.show_passage(text, ref.char_start, end)

    def _show_message(self, text: str) -> None:
        self.mode = "message"
        self.where.setText("")
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def _update_part_buttons(self) -> None:
        several = len(self._parts) > 1
        self.previous_part.setVisible(several)
        self.next_part.setVisible(several)
        self.previous_part.setEnabled(self.current_part > 0)
        self.next_part.setEnabled(self.current_part + 1 < len(self._parts))
