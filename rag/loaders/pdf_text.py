"""Fast page text through PDFium (pypdfium2); pypdf stays the fallback for anything PDFium cannot open."""
from __future__ import annotations

import logging
import re
from pathlib import Path

log = logging.getLogger(__name__)

_PDFIUM_LINE_END_HYPHEN = "\ufffe"
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def pdfium_page_texts(path: Path, password: str | None, expected_pages: int) -> list[str | None] | None:
    """Raw text of each page, ``None`` for a page left to pypdf; ``None`` if PDFium cannot read the file.

    Pages in Hebrew or Arabic are left to pypdf: PDFium gives right-to-left words in visual (reversed) order.

    PDFium disagreeing with pypdf about the page count also gives ``None``, so pages never shift.
    """
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(str(path), password=password or None)
    except pdfium.PdfiumError as exc:
        log.info("%s: PDFium cannot open it (%s); reading it with pypdf", path, exc)
        return None
    try:
        if len(document) != expected_pages:
            log.info("%s: PDFium counts %d pages, pypdf %d; reading it with pypdf", path, len(document), expected_pages)
            return None
        return [_page_text(document, index, path) for index in range(expected_pages)]
    finally:
        document.close()


def _page_text(document, index: int, path: Path) -> str | None:
    import pypdfium2 as pdfium

    try:
        page = document[index]
        try:
            text_page = page.get_textpage()
            try:
                text = text_page.get_text_range()
            finally:
                text_page.close()
        finally:
            page.close()
    except pdfium.PdfiumError as exc:
        log.info("%s: PDFium cannot read page %d (%s); trying pypdf", path, index + 1, exc)
        return None
    if _RIGHT_TO_LEFT.search(text):
        return None
    return text.replace(_PDFIUM_LINE_END_HYPHEN, "-\n")
