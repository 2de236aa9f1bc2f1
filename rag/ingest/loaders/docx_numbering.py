"""The numbers and bullets Word draws before list paragraphs, which the paragraphs' text does not hold."""
from __future__ import annotations

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Formats written as figures ("1.", "2."); letters and roman numerals are rare in procedures and read as "1." too.
_COUNTED = {"decimal", "decimalZero", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman"}


class ListNumbers:
    """Numbers the list paragraphs of one document in order: ``prefix(paragraph)`` is "1. ", "2. "… for a numbered
    list (a "List Number" style or a paragraph's own numbering), "• " for a bulleted one, "" for other paragraphs."""

    def __init__(self, document) -> None:
        self._formats = _level_formats(document)
        self._counts: dict[tuple[str, str], int] = {}

    def prefix(self, paragraph) -> str:
        found = _numbering(paragraph)
        if found is None:
            return ""
        number, level = found
        fmt = self._formats.get((number, level), "")
        if fmt == "bullet":
            return "• "
        if fmt not in _COUNTED:
            return ""
        for key in [k for k in self._counts if k[0] == number and int(k[1]) > int(level)]:
            del self._counts[key]  # a sub-list starts again under each item
        self._counts[(number, level)] = self._counts.get((number, level), 0) + 1
        return f"{self._counts[(number, level)]}. "


def _numbering(paragraph) -> tuple[str, str] | None:
    """(numId, ilvl) of ``paragraph``, from its own properties or its style's (and the styles it is based on)."""
    properties = paragraph._p.pPr
    numbered = properties.find(f"{_W}numPr") if properties is not None else None
    try:
        style = paragraph.style
    except Exception:  # a broken styles part: only the paragraph's own numbering counts
        style = None
    while numbered is None and style is not None:
        style_properties = style.element.find(f"{_W}pPr")
        numbered = style_properties.find(f"{_W}numPr") if style_properties is not None else None
        style = style.base_style
    if numbered is None:
        return None
    number = numbered.find(f"{_W}numId")
    level = numbered.find(f"{_W}ilvl")
    if number is None or number.get(f"{_W}val") in (None, "0"):  # numId 0 switches numbering off
        return None
    return number.get(f"{_W}val"), level.get(f"{_W}val", "0") if level is not None else "0"


def _level_formats(document) -> dict[tuple[str, str], str]:
    """(numId, ilvl) → the level's number format ("decimal", "bullet"…), from the numbering part; {} without one."""
    try:
        root = document.part.numbering_part.element
    except NotImplementedError:  # python-docx's answer for a document without a numbering part
        return {}
    abstract = {}
    for definition in root.findall(f"{_W}abstractNum"):
        levels = {}
        for level in definition.findall(f"{_W}lvl"):
            fmt = level.find(f"{_W}numFmt")
            levels[level.get(f"{_W}ilvl", "0")] = fmt.get(f"{_W}val", "") if fmt is not None else ""
        abstract[definition.get(f"{_W}abstractNumId")] = levels
    formats = {}
    for num in root.findall(f"{_W}num"):
        reference = num.find(f"{_W}abstractNumId")
        levels = abstract.get(reference.get(f"{_W}val") if reference is not None else None, {})
        for level, fmt in levels.items():
            formats[(num.get(f"{_W}numId"), level)] = fmt
    return formats
