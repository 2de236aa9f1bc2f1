"""Picks the loader for a file by its content (not only its name) and reads it."""
from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Protocol

from rag.errors import EmptyFile, UnsupportedFile
from rag.types import ExtractedDocument

SUPPORTED_SUFFIXES = frozenset({".pdf", ".docx", ".txt", ".md", ".markdown"})


class Loader(Protocol):
    """Turns a file into text; raises a ``FileProblem`` for files it cannot read."""

    def __call__(self, path: Path, password: str | None = None) -> ExtractedDocument: ...


def sniff_kind(path: Path) -> str:
    """``pdf``, ``docx``, ``markdown`` or ``text`` from the file's first bytes and name."""
    with open(path, "rb") as handle:
        head = handle.read(1024)
    suffix = path.suffix.lower()
    if not head:
        raise EmptyFile("The file is empty (0 bytes).")
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile as exc:
            raise UnsupportedFile("The file looks like a ZIP archive but is damaged.") from exc
        if any(n.startswith("word/") for n in names):
            return "docx"
        raise UnsupportedFile(f"The file is named '{path.name}' but is a ZIP archive, not a Word document or PDF.")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnsupportedFile("This is an old-style Word (.doc) or Office file. Save it as .docx or PDF in Word.")
    if suffix == ".pdf":
        raise UnsupportedFile("The file is named .pdf but is not a PDF.")
    if suffix == ".docx":
        raise UnsupportedFile("The file is named .docx but is not a Word document.")
    if suffix in (".md", ".markdown"):
        return "markdown"
    if suffix == ".txt":
        return "text"
    raise UnsupportedFile(f"Faro cannot read '{suffix or 'extensionless'}' files. It reads PDF, Word (.docx), text and Markdown.")


def load_document(path: Path, password: str | None = None) -> ExtractedDocument:
    """Read ``path`` with the loader its content calls for."""
    kind = sniff_kind(path)
    if kind == "pdf":
        from rag.loaders.pdf import load_pdf

        return load_pdf(path, password)
    if kind == "docx":
        from rag.loaders.docx import load_docx

        return load_docx(path)
    from rag.loaders.text import load_text

    return load_text(path, markdown=kind == "markdown")
