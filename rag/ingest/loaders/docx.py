"""Reads Word documents in body order: paragraphs, tables row by row, headings as section paths."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from rag.errors import DamagedFile, EmptyFile, FileTooLarge
from rag.ingest.loaders.cleanup import clean_extracted_text
from rag.ingest.loaders.docx_numbering import ListNumbers
from rag.ingest.loaders.sections import SectionBuilder
from rag.types import ExtractedDocument

_HEADING_STYLE = re.compile(r"^(?:heading|t[ií]tulo|encabezado)\s*(\d)$", re.IGNORECASE)
_TITLE_STYLES = {"title", "título", "titulo"}
_CELL_SEPARATOR = " | "
LARGE_BODY_BYTES = 32 * 2**20


def load_docx(path: Path) -> ExtractedDocument:
    """Text of a .docx in reading order, with heading-based section marks."""
    try:
        import docx

        document = docx.Document(str(path))
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        return _load_docx_xml(path, exc)
    except Exception as exc:  # python-docx raises many types on packages it cannot model
        return _load_docx_xml(path, exc)

    builder = SectionBuilder()
    numbers = ListNumbers(document)
    for block in document.iter_inner_content():
        if block.__class__.__name__ == "Table":
            for row in _table_rows(block):
                builder.add_paragraph(row)
            continue
        text = _paragraph_text(block._p)
        level = _heading_level(block)
        if level is not None and text.strip():
            builder.add_heading(level, text.strip())
        else:
            builder.add_paragraph(numbers.prefix(block) + text if text.strip() else text)
    for note in _notes_text(path):
        builder.add_paragraph(note)
    return _finish(builder, document.core_properties.title or "")


def _heading_level(paragraph) -> int | None:
    try:
        style = paragraph.style
    except Exception:  # a broken or missing styles part makes every paragraph body text
        return None
    while style is not None:
        name = (style.name or "").strip()
        if name.lower() in _TITLE_STYLES:
            return 0
        match = _HEADING_STYLE.match(name)
        if match:
            return int(match.group(1))
        style = style.base_style
    return None


def _table_rows(table) -> list[str]:
    """One line per row (see ``_row_lines``)."""
    rows = []
    for row in table._tbl.tr_lst:
        cells = []
        for tc in row.tc_lst:
            text = " ".join(_paragraph_text(p) for p in tc.iterchildren() if _local(p.tag) == "p").strip()
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        rows.append(cells)
    return _row_lines(rows)


def _row_lines(rows: list[list[str]]) -> list[str]:
    """Rows of cells as lines, cells split by `` | ``; under a header row, each cell but a dash is named by its column
    (``Dieta diaria | Nacional: 45 € | Internacional: 70 €``, ``Laptop | Provided by: IT department``), as PDF table
    rows are."""
    headers = rows[0] if rows and _is_header_row(rows[0], rows[1:]) else []
    lines = [_CELL_SEPARATOR.join(headers)] if headers else []
    for cells in rows[1:] if headers else rows:
        if len(cells) == len(headers):
            cells = cells[:1] + [f"{h}: {c}" if _WORD.search(c) else c for h, c in zip(headers[1:], cells[1:])]
        if cells:
            lines.append(_CELL_SEPARATOR.join(cells))
    return lines


_FIGURE = re.compile(r"\d")
_WORD = re.compile(r"[^\W_]")


def _is_header_row(first: list[str], rest: list[list[str]]) -> bool:
    """A first row of words only over rows with figures: column names."""
    return (len(first) >= 2 and not any(_FIGURE.search(c) for c in first[1:])
            and any(len(r) == len(first) and any(_FIGURE.search(c) for c in r[1:]) for r in rest))


def _paragraph_text(p_element) -> str:
    """Every run's text in a paragraph, text boxes and hyperlinks included; deleted text excluded.

    Text boxes are stored twice (a DrawingML choice and a VML fallback); only the choice is read.
    """
    parts: list[str] = []
    _collect_text(p_element, p_element, parts)
    return "".join(parts)


def _collect_text(node, paragraph, parts: list[str]) -> None:
    tag = _local(node.tag)
    if tag == "Fallback":
        return
    if tag == "t" and node.text:
        parts.append(node.text)
    elif tag == "tab":
        parts.append("\t")
    elif tag in ("br", "cr"):
        parts.append("\n")
    elif tag == "p" and node is not paragraph:
        parts.append("\n")
    for child in node:
        _collect_text(child, paragraph, parts)


def _notes_text(path: Path) -> list[str]:
    """Footnotes and endnotes, which python-docx does not expose, read from their XML parts."""
    notes = []
    try:
        with zipfile.ZipFile(path) as archive:
            for name in ("word/footnotes.xml", "word/endnotes.xml"):
                if name not in archive.namelist():
                    continue
                root = ElementTree.fromstring(archive.read(name))
                for note in root:
                    if _local(note.tag) in ("footnote", "endnote") and not any(
                        k.endswith("}type") for k in note.attrib
                    ):
                        text = " ".join(_paragraph_text(p) for p in note if _local(p.tag) == "p").strip()
                        if text:
                            notes.append(text)
    except (zipfile.BadZipFile, ElementTree.ParseError, KeyError):
        return []
    return notes


def _load_docx_xml(path: Path, cause: Exception) -> ExtractedDocument:
    """Fallback for packages python-docx rejects (e.g. Strict Open XML): walk word/document.xml directly."""
    main_size = 0
    try:
        with zipfile.ZipFile(path) as archive:
            main = next((n for n in archive.namelist() if n.endswith("document.xml") and n.startswith("word/")), None)
            if main is None:
                raise DamagedFile("This Word file has no document body (word/document.xml is missing).")
            main_size = archive.getinfo(main).file_size
            root = ElementTree.fromstring(archive.read(main))
    except (zipfile.BadZipFile, ElementTree.ParseError, OSError) as exc:
        if main_size > LARGE_BODY_BYTES:  # XML parsers report running out of memory as a parse error
            raise FileTooLarge(
                f"This Word document is too large to read within Faro's memory limit (its text unpacks to "
                f"{main_size / 2**20:.0f} MB)."
            ) from exc
        raise DamagedFile(f"The Word document is damaged and cannot be read ({cause or exc}).") from exc
    builder = SectionBuilder()
    body = next((n for n in root.iter() if _local(n.tag) == "body"), root)
    for block in body:
        tag = _local(block.tag)
        if tag == "p":
            style = next((n for n in block.iter() if _local(n.tag) == "pStyle"), None)
            style_name = next((v for k, v in style.attrib.items() if k.endswith("val")), "") if style is not None else ""
            match = re.match(r"^(?:heading|titulo|título)\s*(\d)$", style_name, re.IGNORECASE)
            text = _paragraph_text(block)
            if match and text.strip():
                builder.add_heading(int(match.group(1)), text.strip())
            else:
                builder.add_paragraph(text)
        elif tag == "tbl":
            rows = [[c for c in (" ".join(_paragraph_text(p) for p in cell.iter() if _local(p.tag) == "p").strip()
                                 for cell in row if _local(cell.tag) == "tc") if c]
                    for row in block if _local(row.tag) == "tr"]
            for line in _row_lines(rows):
                builder.add_paragraph(line)
    return _finish(builder, "")


def _finish(builder: SectionBuilder, title: str) -> ExtractedDocument:
    page, sections = builder.build(clean_extracted_text)
    if not page.text.strip():
        raise EmptyFile("This Word document contains no text.")
    return ExtractedDocument(kind="docx", pages=(page,), sections=sections, title=title.strip())


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
