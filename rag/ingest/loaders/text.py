"""Reads plain-text and Markdown files in any common encoding; Markdown headings become sections."""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from rag.errors import EmptyFile, UnsupportedFile
from rag.ingest.loaders.cleanup import clean_extracted_text
from rag.ingest.loaders.sections import SectionBuilder
from rag.types import ExtractedDocument

_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_text(data: bytes) -> str:
    """Bytes to text: a BOM's encoding, else UTF-8, else Windows-1252, else Latin-1 (never fails)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data[:4096]:
        raise UnsupportedFile("This file is binary, not text.")
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def load_text(path: Path, markdown: bool) -> ExtractedDocument:
    """A .txt or .md file as one text; Markdown ``#`` headings give section paths."""
    text = decode_text(path.read_bytes())
    builder = SectionBuilder()
    paragraph: list[str] = []
    in_code = False

    def flush() -> None:
        if paragraph:
            builder.add_paragraph("\n".join(paragraph))
            paragraph.clear()

    for line in text.splitlines():
        if markdown and line.lstrip().startswith("```"):
            in_code = not in_code
        heading = _MARKDOWN_HEADING.match(line) if markdown and not in_code else None
        if heading:
            flush()
            builder.add_heading(len(heading.group(1)), heading.group(2))
        elif not line.strip():
            flush()
        else:
            paragraph.append(line)
    flush()
    page, sections = builder.build(clean_extracted_text)
    if not page.text.strip():
        raise EmptyFile("This text file is empty.")
    title = sections[0].path[0] if markdown and sections and sections[0].path else ""
    return ExtractedDocument(kind="markdown" if markdown else "text", pages=(page,), sections=sections, title=title)
