"""Picks the loader for a file by its content (not only its name) and reads it."""
from __future__ import annotations

import dataclasses
import zipfile
from pathlib import Path

from rag.errors import EmptyFile, FileTooLarge, UnsupportedFile
from rag.types import ExtractedDocument

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff"})
SUPPORTED_SUFFIXES = frozenset({".pdf", ".docx", ".txt", ".md", ".markdown"}) | IMAGE_SUFFIXES
MAX_FILE_BYTES = 512 * 1024**2
MAX_TEXT_FILE_BYTES = 64 * 1024**2
MAX_DOCX_PART_BYTES = 256 * 1024**2
_KIND_NAMES = {
    "pdf": "a PDF", "docx": "a Word document", "text": "a text file", "markdown": "a Markdown file", "image": "an image",
}
_SUFFIX_KINDS = {".pdf": "pdf", ".docx": "docx", ".txt": "text", ".md": "markdown", ".markdown": "markdown"}
_SUFFIX_KINDS.update(dict.fromkeys(IMAGE_SUFFIXES, "image"))
_IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def sniff_kind(path: Path) -> str:
    """``pdf``, ``docx``, ``image``, ``markdown`` or ``text`` from the file's first bytes and name."""
    with open(path, "rb") as handle:
        head = handle.read(1024)
        size = handle.seek(0, 2)
    suffix = path.suffix.lower()
    if not head:
        raise EmptyFile("The file is empty (0 bytes).")
    if size > MAX_FILE_BYTES:
        raise FileTooLarge(f"The file is {size / 1024**2:.0f} MB; Faro reads files up to {MAX_FILE_BYTES // 1024**2} MB.")
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(_IMAGE_SIGNATURES):
        return "image"
    if suffix in IMAGE_SUFFIXES:
        raise UnsupportedFile(f"The file is named '{suffix}' but is not a PNG, JPEG or TIFF image.")
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                parts = archive.infolist()
        except (zipfile.BadZipFile, ValueError, OSError) as exc:
            raise UnsupportedFile("The file looks like a ZIP archive but is damaged.") from exc
        if any(p.filename.startswith("word/") for p in parts):
            if any(p.file_size > MAX_DOCX_PART_BYTES for p in parts):
                raise FileTooLarge("The Word document unpacks to more data than Faro reads (over 256 MB in one part).")
            return "docx"
        raise UnsupportedFile(f"The file is named '{path.name}' but is a ZIP archive, not a Word document or PDF.")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnsupportedFile("This is an old-style Word (.doc) or Office file. Save it as .docx or PDF in Word.")
    if suffix == ".pdf":
        raise UnsupportedFile("The file is named .pdf but is not a PDF.")
    if suffix == ".docx":
        raise UnsupportedFile("The file is named .docx but is not a Word document.")
    if suffix in (".md", ".markdown", ".txt") and size > MAX_TEXT_FILE_BYTES:
        raise FileTooLarge(f"The text file is {size / 1024**2:.0f} MB; Faro reads text files up to {MAX_TEXT_FILE_BYTES // 1024**2} MB.")
    if suffix in (".md", ".markdown"):
        return "markdown"
    if suffix == ".txt":
        return "text"
    raise UnsupportedFile(
        f"Faro cannot read '{suffix or 'extensionless'}' files. It reads PDF, Word (.docx), text, Markdown and "
        "scanned images (PNG, JPEG, TIFF)."
    )


def load_document(path: Path, password: str | None = None) -> ExtractedDocument:
    """Read ``path`` with the loader its content calls for (noting when the name says otherwise)."""
    kind = sniff_kind(path)
    if kind == "pdf":
        from rag.ingest.loaders.pdf import load_pdf

        document = load_pdf(path, password)
    elif kind == "docx":
        from rag.ingest.loaders.docx import load_docx

        document = load_docx(path)
    elif kind == "image":
        from rag.ingest.loaders.scans import load_image

        document = load_image(path)
    else:
        from rag.ingest.loaders.text import load_text

        document = load_text(path, markdown=kind == "markdown")
    named = _SUFFIX_KINDS.get(path.suffix.lower())
    if named and named != kind:
        note = f"The file is named '{path.suffix}' but is {_KIND_NAMES[kind]}; it was read as {_KIND_NAMES[kind]}."
        document = dataclasses.replace(document, warnings=(note, *document.warnings))
    return document
