"""Reads PDF text page by page (PDFium, then pypdf), handling encryption, damage and missing text layers."""
from __future__ import annotations

import dataclasses
import logging
import re
from pathlib import Path

from rag.errors import DamagedFile, FileTooLarge, NoTextLayer, PasswordRequired, WrongPassword
from rag.ingest.loaders.cleanup import clean_extracted_text
from rag.ingest.loaders.page_structure import find_furniture, heading_marks, locate_rows
from rag.ingest.loaders.pdf_text import PdfiumPage, pdfium_page_texts
from rag.ingest.loaders.reading import read_options
from rag.ingest.loaders.scans import ocr_pdf_pages
from rag.types import ExtractedDocument, PageText, SectionMark

log = logging.getLogger(__name__)

MIN_TEXT_CHARS_PER_DOCUMENT = 16
MAX_SCAN_IMAGE_PIXELS = 100_000_000
_INLINE_IMAGE_START = re.compile(rb"(?:^|\s)BI\s")
_INLINE_IMAGE_DATA = re.compile(rb"\sID\s")
_FILE_NAME_ENDINGS = (".pdf", ".doc", ".docx", ".tex", ".dvi", ".ps", ".indd", ".rtf", ".txt")
BOMB_MESSAGE = (
    "The PDF holds compressed data that expands beyond Faro's safety limit (a 'decompression bomb'?), so it was not read."
)


def load_pdf(path: Path, password: str | None = None) -> ExtractedDocument:
    """Text of every page of ``path``; raises a ``FileProblem`` the user can act on."""
    import pypdf
    from pypdf.errors import LimitReachedError, PdfReadError

    _raise_pypdf_limits()
    try:
        reader = pypdf.PdfReader(str(path), strict=False)
        _decrypt(reader, password)
        raw_pages = reader.pages
        page_count = len(raw_pages)
    except (PasswordRequired, WrongPassword):
        raise
    except LimitReachedError as exc:
        raise FileTooLarge(BOMB_MESSAGE) from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as exc:
        raise DamagedFile(f"The PDF is damaged and cannot be read ({_short(exc)}).") from exc
    if page_count == 0:
        raise DamagedFile("The PDF has no pages (its page tree is missing or damaged).")

    fast_reads = pdfium_page_texts(path, password, page_count) or [None] * page_count
    pages: list[PageText] = []
    failed_pages: list[int] = []
    oversized_pages: list[int] = []
    for number in range(1, page_count + 1):
        fast_read = fast_reads[number - 1] or PdfiumPage("")
        fast_text = clean_extracted_text(fast_read.text)
        if fast_text:
            pages.append(PageText(number, fast_text, rows=locate_rows(fast_text, fast_read.rows, clean_extracted_text)))
            continue
        try:
            text = raw_pages[number - 1].extract_text() or ""
        except MemoryError:
            raise
        except LimitReachedError as exc:
            log.warning("%s: page %d exceeds pypdf's decompression limit: %s", path, number, exc)
            failed_pages.append(number)
            oversized_pages.append(number)
            text = ""
        except Exception as exc:  # pypdf raises many types on damaged content streams
            log.warning("%s: page %d could not be read: %s", path, number, exc)
            failed_pages.append(number)
            text = ""
        pages.append(PageText(number, clean_extracted_text(text)))

    pages = _read_scans(path, password, raw_pages, pages, failed_pages, fast_reads)
    total_chars = sum(len(p.text.strip()) for p in pages)
    if len(failed_pages) == page_count and total_chars == 0:
        if oversized_pages:
            raise FileTooLarge(BOMB_MESSAGE)
        raise DamagedFile("The PDF's pages are damaged and no text could be read from them.")
    if total_chars == 0 or (total_chars < MIN_TEXT_CHARS_PER_DOCUMENT and _has_images(raw_pages)):
        if total_chars == 0 and not _has_images(raw_pages):
            raise NoTextLayer("This PDF has no text to index: its pages are blank or hold only drawings.")
        raise NoTextLayer(_no_scan_text_message())

    pages, sections = _structure(pages, fast_reads)
    warnings = []
    empty = [p.number for p in pages if not p.text.strip() and p.number not in failed_pages]
    if empty and len(empty) * 2 >= page_count:
        warnings.append(f"{len(empty)} of {page_count} pages have no text layer (scanned?) and were skipped.")
    scanned = sum(1 for p in pages if p.scanned)
    if scanned:
        warnings.append(f"{scanned} of {page_count} pages were read from a scan (OCR); their text may hold misread words.")
    if failed_pages:
        warnings.append(f"{len(failed_pages)} damaged page(s) could not be read: {_page_list(failed_pages)}.")
    return ExtractedDocument(
        kind="pdf", pages=tuple(pages), sections=tuple(sections), title=_title(reader), warnings=tuple(warnings)
    )


def _structure(pages: list[PageText], reads: list[PdfiumPage | None]) -> tuple[list[PageText], list[SectionMark]]:
    """Mark running headers and footers, and turn each page's headings into section marks."""
    furniture = find_furniture([p.text for p in pages])
    marked, sections = [], []
    for index, (page, skip) in enumerate(zip(pages, furniture)):
        marked.append(dataclasses.replace(page, furniture=skip))
        read = reads[index]
        if read is not None and read.headings:
            sections.extend(heading_marks(index, page.text, read.headings, skip))
    return marked, sections


def _read_scans(path: Path, password: str | None, raw_pages, pages: list[PageText], failed: list[int],
                reads: list[PdfiumPage | None]) -> list[PageText]:
    """Pages with little or no text that draw an image, read by OCR (when it is on and installed); their headings go
    into ``reads``."""
    wanted = [
        index for index, page in enumerate(pages)
        if page.number not in failed and sum(c.isalnum() for c in page.text) < MIN_TEXT_CHARS_PER_DOCUMENT
        and _has_images([raw_pages[index]]) and _largest_image_pixels(raw_pages[index]) <= MAX_SCAN_IMAGE_PIXELS
    ]
    scanned = {i: read for i, read in ocr_pdf_pages(path, password, wanted, len(pages)).items() if read[0].text.strip()}
    for index, (page, titles) in scanned.items():
        reads[index] = PdfiumPage(page.text, headings=list(titles))
    return [scanned[i][0] if i in scanned else page for i, page in enumerate(pages)]


def _largest_image_pixels(page) -> int:
    """Width × height of the page's largest image XObject (a hostile file may claim billions of pixels)."""
    largest = 0
    try:
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        for xobject in (xobjects.get_object().values() if xobjects is not None else ()):
            image = xobject.get_object()
            if image.get("/Subtype") == "/Image":
                largest = max(largest, int(image.get("/Width", 0)) * int(image.get("/Height", 0)))
    except Exception:  # damaged resources: render the page and let the worker's limits guard it
        return largest
    return largest


def _no_scan_text_message() -> str:
    if not read_options().ocr:
        return "No text layer (scanned?): this PDF contains only images, and reading scans (OCR) is turned off in Settings."
    return "No text layer (scanned?): this PDF contains only images, and no text could be read from them."


def _decrypt(reader, password: str | None) -> None:
    if not reader.is_encrypted:
        return
    from pypdf import PasswordType
    from pypdf.errors import DependencyError

    try:
        if reader.decrypt("") != PasswordType.NOT_DECRYPTED:
            return
        if not password:
            raise PasswordRequired("This PDF is protected by a password. Supply the password to index it.")
        if reader.decrypt(password) == PasswordType.NOT_DECRYPTED:
            raise WrongPassword("The password for this PDF is not correct.")
    except DependencyError as exc:
        raise DamagedFile(f"This PDF uses encryption Faro cannot open: {exc}") from exc
    except NotImplementedError as exc:
        raise DamagedFile(f"This PDF uses an encryption method pypdf does not support: {exc}") from exc


def _raise_pypdf_limits() -> None:
    """Real filings exceed pypdf's default array limit; allow them (the parse worker caps memory instead)."""
    import pypdf

    pypdf.overwrite_configuration(array_maximum_element_count=20_000_000, dictionary_maximum_element_count=5_000_000)


def _has_images(pages) -> bool:
    """Whether any page draws an image (a scan): an image XObject in its resources, or an inline image."""
    for page in pages:
        try:
            resources = page.get("/Resources")
            xobjects = resources.get_object().get("/XObject") if resources is not None else None
            if xobjects is not None and any(
                x.get_object().get("/Subtype") == "/Image" for x in xobjects.get_object().values()
            ):
                return True
            contents = page.get_contents()
            data = contents.get_data() if contents is not None else b""
            if _INLINE_IMAGE_START.search(data) and _INLINE_IMAGE_DATA.search(data):
                return True
        except Exception:  # damaged resources or contents: treat the page as text-only
            continue
    return False


def _title(reader) -> str:
    try:
        title = (reader.metadata or {}).get("/Title")
    except Exception:  # damaged metadata must not stop a readable document
        return ""
    title = " ".join(clean_extracted_text(str(title or "")).split())
    junk = title.lower().startswith(("untitled", "microsoft word")) or title.lower().endswith(_FILE_NAME_ENDINGS)
    return title if len(title) >= 3 and not junk else ""


def _page_list(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:10])
    return shown + ("…" if len(numbers) > 10 else "")


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text[:160]
