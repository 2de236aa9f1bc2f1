"""Fast page text through PDFium (pypdfium2); pypdf stays the fallback for anything PDFium cannot open."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

_PDFIUM_LINE_END_HYPHEN = "\ufffe"
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


@dataclass(frozen=True)
class PdfiumPage:
    """A page as PDFium reads it: text with tables as rows, the rows (text, as printed) and the headings."""

    text: str
    rows: list[tuple[str, str]] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)


def pdfium_page_texts(path: Path, password: str | None, expected_pages: int) -> list[PdfiumPage | None] | None:
    """Each page's text, ``None`` for a page left to pypdf; ``None`` if PDFium cannot read the file.

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
        reads, continued = [], None
        for index in range(expected_pages):
            read, continued = _page_text(document, index, path, continued)
            reads.append(read)
        return reads
    finally:
        document.close()


def _page_text(document, index: int, path: Path, continued) -> tuple[PdfiumPage | None, object]:
    """The page, and its last table (whose headers a table continued on the next page takes)."""
    import pypdfium2 as pdfium

    try:
        page = document[index]
        try:
            text_page = page.get_textpage()
            try:
                text = text_page.get_text_range()
                if _RIGHT_TO_LEFT.search(text):
                    return None, None
                read, last_table = _with_layout(text_page, text, path, index, continued)
            finally:
                text_page.close()
        finally:
            page.close()
    except pdfium.PdfiumError as exc:
        log.info("%s: PDFium cannot read page %d (%s); trying pypdf", path, index + 1, exc)
        return None, None
    return PdfiumPage(read.text.replace(_PDFIUM_LINE_END_HYPHEN, "-\n"), read.rows, read.headings), last_table


def _with_layout(text_page, text: str, path: Path, index: int, continued) -> tuple[PdfiumPage, object]:
    """Tables replaced by their rows and headings found, from the characters' positions; plain text if that fails."""
    from rag.ingest.loaders.pdf_layout import find_tables, headings, page_lines, replace_tables
    from rag.ingest.loaders.wrapped_tables import wrapped_tables

    if not text.strip() or len(text) != text_page.count_chars():
        return PdfiumPage(text), None
    try:
        lines = page_lines(text_page)
        tables = find_tables(lines, continued)
        tables = sorted(wrapped_tables(lines, tables), key=lambda t: -(t.header_lines or t.lines)[0].top)
        rows = [(row, printed) for table in tables for row, printed in zip(table.rows, table.printed)]
        read = PdfiumPage(replace_tables(text, tables), rows, [line.text for line in headings(lines, tables)])
        return read, tables[-1] if tables else None
    except (ValueError, ZeroDivisionError, IndexError) as exc:  # odd geometry: keep PDFium's plain text
        log.info("%s: page %d layout not read (%s)", path, index + 1, exc)
        return PdfiumPage(text), None
