"""Reads PDF text page by page with pypdf, handling encryption, damage and missing text layers."""
from __future__ import annotations

import logging
from pathlib import Path

from rag.errors import DamagedFile, NoTextLayer, PasswordRequired, WrongPassword
from rag.loaders.cleanup import clean_extracted_text
from rag.types import ExtractedDocument, PageText

log = logging.getLogger(__name__)

MIN_TEXT_CHARS_PER_DOCUMENT = 16


def load_pdf(path: Path, password: str | None = None) -> ExtractedDocument:
    """Text of every page of ``path``; raises a ``FileProblem`` the user can act on."""
    import pypdf
    from pypdf.errors import PdfReadError

    _raise_pypdf_limits()
    try:
        reader = pypdf.PdfReader(str(path), strict=False)
        _decrypt(reader, password)
        raw_pages = reader.pages
        page_count = len(raw_pages)
    except (PasswordRequired, WrongPassword):
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as exc:
        raise DamagedFile(f"The PDF is damaged and cannot be read ({_short(exc)}).") from exc
    if page_count == 0:
        raise DamagedFile("The PDF has no pages (its page tree is missing or damaged).")

    pages: list[PageText] = []
    failed_pages: list[int] = []
    for number in range(1, page_count + 1):
        try:
            text = raw_pages[number - 1].extract_text() or ""
        except MemoryError:
            raise
        except Exception as exc:  # pypdf raises many types on damaged content streams
            log.warning("%s: page %d could not be read: %s", path, number, exc)
            failed_pages.append(number)
            text = ""
        pages.append(PageText(number, clean_extracted_text(text)))

    total_chars = sum(len(p.text.strip()) for p in pages)
    if total_chars < MIN_TEXT_CHARS_PER_DOCUMENT:
        if len(failed_pages) == page_count:
            raise DamagedFile("The PDF's pages are damaged and no text could be read from them.")
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


def _title(reader) -> str:
    try:
        title = (reader.metadata or {}).get("/Title")
    except Exception:  # damaged metadata must not stop a readable document
        return ""
    title = str(title or "").strip()
    return title if len(title) >= 3 and not title.lower().startswith(("untitled", "microsoft word")) else ""


def _page_list(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:10])
    return shown + ("…" if len(numbers) > 10 else "")


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text[:160]
