"""How the file being read is read (OCR on or off) and where its page-by-page progress goes."""
from __future__ import annotations

import contextlib
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Callable, Iterator

PageReport = Callable[[int, int, str], None]
# Raised whenever a reader gets more out of the same file, so that libraries read by an earlier Faro read those
# files again: PDF 2 keeps table rows whole with their column headers, PDF 3 tables of words and rows whose cells wrap,
# PDF 4 wrapped cells justified or with their label centred between lines spaced like rows, PDF 5 columns of prose in
# their order, not as a table's rows, PDF 6 a row's words parted where PDFium reads a space and a share row ("% of net
# revenue") named by the row above, PDF 7 a group heading centred over its columns ("Nine Months Ended") heading them
# all, PDF 8 also one whose edge falls on a "$" below it, and a two-page document's running header and footer left out,
# PDF 9 and image 2 a scan's tables as rows, its lines in order however skewed, its headings, and the words OCR split
# ("M anual") whole, PDF 10 a table whose first row wraps with the rows after it under its header, a bold header row
# of words opening a table of its own, and currency signs written after their figures ("110 €") kept with them; Word 2 names each figure by its column, Word 3 each cell,
# Word 4 writes the numbers and bullets of lists.
READER_VERSIONS = {"pdf": 10, "docx": 4, "image": 2}


def reader_version(kind: str) -> int:
    """The version of the reader for documents of ``kind`` (``pdf``, ``docx``, ``image``…)."""
    return READER_VERSIONS.get(kind, 1)


def read_by_older_reader(kind: str, reader: int) -> bool:
    """Whether a document of ``kind`` read by version ``reader`` would be read better today (0, a document read
    before versions were kept, counts as version 1: only kinds whose reader changed since are read again)."""
    return max(reader, 1) < reader_version(kind)


@dataclass(frozen=True)
class ReadOptions:
    """``ocr``: read pages without a text layer, and image files, with the local OCR engine."""

    ocr: bool = True


_options: ContextVar[ReadOptions] = ContextVar("faro_read_options", default=ReadOptions())
_report: ContextVar[PageReport | None] = ContextVar("faro_page_report", default=None)


@contextlib.contextmanager
def reading(options: ReadOptions, report: PageReport | None = None) -> Iterator[None]:
    """Read files under ``options``, sending (page, pages, note) to ``report`` as slow pages are read."""
    options_token, report_token = _options.set(options), _report.set(report)
    try:
        yield
    finally:
        _options.reset(options_token)
        _report.reset(report_token)


def read_options() -> ReadOptions:
    return _options.get()


def report_page(page: int, pages: int, note: str) -> None:
    """Tell whoever reads the file that page ``page`` of ``pages`` is being read (``note``: e.g. 'scanned')."""
    report = _report.get()
    if report is not None:
        report(page, pages, note)
