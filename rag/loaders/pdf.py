"""Reads PDF text page by page (PDFium, then pypdf), handling encryption, damage and missing text layers."""
from __future__ import annotations

import logging
import re
from pathlib import Path

from rag.errors import DamagedFile, FileTooLarge, NoTextLayer, PasswordRequired, WrongPassword
from rag.loaders.cleanup import clean_extracted_text
from rag.loaders.pdf_text import pdfium_page_texts
from rag.types import ExtractedDocument, PageText

log = logging.getLogger(__name__)

MIN_TEXT_CHARS_PER_DOCUMENT = 16
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

    fast_texts = pdfium_page_texts(path, password, page_count) or [None] * page_count
    pages: list[PageText] = []
    failed_pages: list[int] = []
    oversized_pages: list[int] = []
    for number in range(1, page_count + 1):
        fast_text = clean_extracted_text(fast_texts[number - 1] or "")
        if fast_text:
            pages.append(PageText(number, fast_text))
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

    total_chars = sum(len(p.text.strip()) for p in pages)
    if len(failed_pages) == page_count and total_chars == 0:
        if oversized_pages:
            raise FileTooLarge(BOMB_MESSAGE)
        raise DamagedFile("The PDF's pages are damaged and no text could be read from them.")
    if total_chars == 0 or (total_chars < MIN_TEXT_CHARS_PER_DOCUMENT and _has_images(raw_pages)):
        if total_chars == 0 and not _has_images(raw_pages):
            raise NoTextLayer("This PDF has no text to index: its pages are blank or hold only drawings.")
        raise NoTextLayer("No text layer (scanned?): this PDF contains only images. Faro cannot read text from images yet.")

    warnings = []
    empty = [p.number for p in pages if not p.text.strip() and p.number not in failed_pages]
    if empty and len(empty) * 2 >= page_count:
        warnings.append(f"{len(empty)} of {page_count} pages have no text layer (scanned?) and were skipped.")
    if failed_pages:
        warnings.append(f"{len(failed_pages)} damaged page(s) could not be read: {_page_list(failed_pages)}.")
    return ExtractedDocument(kind="pdf", pages=tuple(pages), title=_title(reader), warnings=tuple(warnings))


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
