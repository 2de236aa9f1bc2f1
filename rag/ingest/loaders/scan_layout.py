"""Lays out what OCR read on a page: its lines in reading order, tables as rows under their headers, and headings."""
from __future__ import annotations

import re
import statistics
from collections import defaultdict, deque
from dataclasses import dataclass
from typing import Any, Sequence

from rag.ingest.loaders.pdf_layout import Cell, Line, Table, find_tables, headings
from rag.ingest.loaders.wrapped_tables import wrapped_tables
from rag.ingest.ocr import OcrEngine, OcrWord, is_cjk

# Two pieces of text side by side whose boxes share this much of the smaller one's height are one line of the page: a
# skewed scan's table row, whose cells OCR reads as separate lines a few pixels apart ("Cada 6 meses" above "Limpiar el
# filtro de agua" on a page turned 0.6°, which put every row's value before its label).
SAME_LINE_OVERLAP = 0.5
# Strokes this much wider than the page's typical line's are bold (a table's header row, a heading): measured on
# rendered scans, regular DejaVu Serif lines 4.2–5.9 px at 300 dpi, bold ones 7.1–11.3 px.
BOLD_STROKE = 1.4
PARAGRAPH_GAP_LINES = 1.2
# Two columns of prose side by side are read column by column once they run this many lines side by side.
MIN_COLUMN_LINES = 3
# A piece this many times as long as it is high tells the page's skew by its ink (a label or a figure alone is too short).
SLOPE_MIN_WIDTH = 8
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class OcrPage:
    """The text read from one image; each word's place in that text and on the image (fractions of its size); the
    table rows as (start, end, as printed); the headings, as lines of the text."""

    text: str
    words: tuple[tuple[int, int, float, float, float, float], ...]
    rows: tuple[tuple[int, int, str], ...] = ()
    headings: tuple[str, ...] = ()


@dataclass
class _Piece:
    """One line as OCR returned it: a run of words, how wide its strokes are, and how much its ink climbs or falls per
    pixel rightwards (None when too short to tell)."""

    words: list[OcrWord]
    stroke: float
    slope: float | None = None

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def left(self) -> float:
        return min(w.box[0] for w in self.words)

    @property
    def right(self) -> float:
        return max(w.box[2] for w in self.words)

    @property
    def top(self) -> float:
        return min(w.box[1] for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.box[3] for w in self.words)

    @property
    def middle(self) -> float:
        return (self.left + self.right) / 2


def read_image(engine: OcrEngine, image: Any) -> OcrPage:
    """Text of a PIL image: its lines top to bottom, a blank line where a wide gap parts paragraphs, each table as rows
    (``label | header: value``) as Faro reads tables with a text layer."""
    import numpy as np

    gray = np.asarray(image.convert("L"))
    pieces = [_Piece(words, *_ink(gray, words)) for words in engine.read_lines(np.asarray(image.convert("RGB")))]
    rows = page_lines(pieces)
    strokes = [p.stroke for row in rows for p in row if p.stroke > 0]
    typical = statistics.median(strokes) if strokes else 0.0
    lines = [_as_line(number, row, typical) for number, row in enumerate(rows)]
    try:
        tables = find_tables(lines)
        tables = wrapped_tables(lines, tables, single_lines=True)
        titles = [line.text for line in headings(lines, tables)]
    except (ValueError, ZeroDivisionError, IndexError):  # odd geometry: the lines as read
        tables, titles = [], []
    return _write(rows, lines, tables, titles, image.size)


def page_lines(pieces: Sequence[_Piece]) -> list[list[_Piece]]:
    """The pieces gathered into the page's lines, top to bottom, each read left to right: pieces side by side whose
    boxes overlap enough in height, once the page's skew (the median slope of its long pieces) is taken out, are one
    line."""
    slopes = [p.slope for p in pieces if p.slope is not None]
    skew = statistics.median(slopes) if slopes else 0.0
    lines: list[list[_Piece]] = []
    for piece in sorted(pieces, key=lambda p: p.top - skew * p.middle):
        home = next((line for line in reversed(lines[-3:]) if _beside(line, piece, skew)), None)
        if home is None:
            lines.append([piece])
        else:
            home.append(piece)
    for line in lines:
        line.sort(key=lambda p: p.left)
    lines.sort(key=lambda line: min(p.top - skew * p.middle for p in line))
    return lines


def _beside(line: list[_Piece], piece: _Piece, skew: float) -> bool:
    if any(min(p.right, piece.right) > max(p.left, piece.left) for p in line):
        return False
    nearest = min(line, key=lambda p: min(abs(p.left - piece.right), abs(piece.left - p.right)))
    shift = skew * (piece.middle - nearest.middle)  # where the piece would sit on a straight page
    shared = min(nearest.bottom, piece.bottom - shift) - max(nearest.top, piece.top - shift)
    return shared >= SAME_LINE_OVERLAP * min(nearest.bottom - nearest.top, piece.bottom - piece.top)


def _ink(gray: Any, words: list[OcrWord]) -> tuple[float, float | None]:
    """The mean width of the dark runs across the words' box (wider in bold type), and, for a piece at least
    ``SLOPE_MIN_WIDTH`` of its heights long, the slope from the ink's height in its left third to its right third."""
    import numpy as np

    left, top = int(min(w.box[0] for w in words)), int(min(w.box[1] for w in words))
    right, bottom = int(max(w.box[2] for w in words)), int(max(w.box[3] for w in words))
    crop = gray[max(0, top):bottom, max(0, left):right]
    if crop.size == 0:
        return 0.0, None
    dark = crop < (int(crop.max()) + int(crop.min())) / 2
    runs = int((dark[:, 1:] & ~dark[:, :-1]).sum() + dark[:, 0].sum())
    stroke = float(dark.sum()) / runs if runs else 0.0
    height, width = dark.shape
    if width < SLOPE_MIN_WIDTH * height:
        return stroke, None
    rows = np.arange(height)[:, None]
    third = width // 3
    heights = []
    for part in (dark[:, :third], dark[:, -third:]):
        ink = part.sum()
        if not ink:
            return stroke, None
        heights.append(float((part * rows).sum()) / ink)
    return stroke, (heights[1] - heights[0]) / (width - third)


def _as_line(number: int, row: list[_Piece], typical_stroke: float) -> Line:
    """A line of the page as the table and heading finders take it: its pieces are its cells; y grows upwards."""
    em = statistics.median(w.box[3] - w.box[1] for p in row for w in p.words)
    bold = typical_stroke > 0 and statistics.median(p.stroke for p in row) >= BOLD_STROKE * typical_stroke
    return Line(top=-min(p.top for p in row), bottom=-max(p.bottom for p in row),
                cells=[Cell(p.text, p.left, p.right) for p in row], indexes=[number], em=em, emphasized=bold)


class _Writer:
    """The page's text, built piece by piece, with each word's offsets and box."""

    def __init__(self, size: tuple[int, int]) -> None:
        self.width, self.height = size
        self.parts: list[str] = []
        self.offset = 0
        self.words: list[tuple[int, int, float, float, float, float]] = []

    def add(self, text: str) -> int:
        start = self.offset
        self.parts.append(text)
        self.offset += len(text)
        return start

    def box(self, start: int, text: str, word: OcrWord) -> None:
        left, top, right, bottom = word.box
        self.words.append((start, start + len(text), left / self.width, top / self.height, right / self.width,
                           bottom / self.height))


def _write(rows: list[list[_Piece]], lines: list[Line], tables: list[Table], titles: list[str],
           size: tuple[int, int]) -> OcrPage:
    owner = {line.indexes[0]: table for table in tables for line in (*table.header_lines, *table.lines)}
    out = _Writer(size)
    written: set[int] = set()
    table_rows: list[tuple[int, int, str]] = []
    previous_bottom = None
    number = 0
    while number < len(rows):
        table = owner.get(number)
        if table is not None:
            if id(table) not in written:
                written.add(id(table))
                table_rows += _write_table(out, table, rows)
                previous_bottom = None
            number += 1
            continue
        columns, end = prose_columns(rows, number, set(owner))
        if columns:
            for column in columns:  # each column top to bottom, the left one first
                previous_bottom = None
                for piece in column:
                    _write_piece(out, piece, "\n\n" if _paragraph_gap(previous_bottom, piece) else "\n")
                    previous_bottom = piece.bottom
            number = end
            continue
        for index, piece in enumerate(rows[number]):
            _write_piece(out, piece, "\n" if index or not _paragraph_gap(previous_bottom, piece) else "\n\n")
        previous_bottom = max(p.bottom for p in rows[number])
        number += 1
    return OcrPage("".join(out.parts), tuple(out.words), tuple(table_rows), tuple(titles))


def _write_piece(out: _Writer, piece: _Piece, separator: str) -> None:
    if out.parts:
        out.add(separator)
    for n, word in enumerate(piece.words):
        if n and not _cjk(piece):
            out.add(" ")
        out.box(out.add(word.text), word.text, word)


def prose_columns(rows: list[list[_Piece]], start: int, in_tables: set[int]) -> tuple[list[list[_Piece]], int]:
    """Two columns of prose side by side from line ``start`` on: the pieces of each column, and the line after them;
    ([], start) when the lines there are not such. A line of two pieces opens them; they go on while each line's
    pieces keep to either side of the gap between the columns, and are prose when at least ``MIN_COLUMN_LINES`` lines
    hold both columns and most pieces go on a sentence (open in lower case), not a table OCR left unread."""
    if len(rows[start]) != 2:
        return [], start
    gap = [rows[start][0].right, rows[start][1].left]
    end = start
    while end < len(rows) and end not in in_tables and len(rows[end]) <= 2:
        narrowed = list(gap)
        for piece in rows[end]:
            if piece.right <= (gap[0] + gap[1]) / 2:
                narrowed[0] = max(narrowed[0], piece.right)
            elif piece.left >= (gap[0] + gap[1]) / 2:
                narrowed[1] = min(narrowed[1], piece.left)
            else:
                narrowed[1] = narrowed[0]  # a piece across the gap (a title over both columns)
        if narrowed[0] >= narrowed[1]:
            break
        gap = narrowed
        end += 1
    run = rows[start:end]
    openings = [p.text[0] for row in run for p in row if p.text[:1].isalpha()]
    if sum(len(row) == 2 for row in run) < MIN_COLUMN_LINES or sum(c.islower() for c in openings) * 2 < len(openings):
        return [], start
    left = [p for row in run for p in row if p.right <= gap[0]]
    right = [p for row in run for p in row if p.left >= gap[1]]
    return [left, right], end


def _write_table(out: _Writer, table: Table, rows: list[list[_Piece]]) -> list[tuple[int, int, str]]:
    """Each row of ``table`` on a line of its own, its cells' words boxed where OCR saw them."""
    pool: dict[str, deque[OcrWord]] = defaultdict(deque)
    for line in table.lines:
        for piece in rows[line.indexes[0]]:
            for word in piece.words:
                pool[word.text].append(word)
    if out.parts:
        out.add("\n\n")
    found = []
    for index, (text, printed) in enumerate(zip(table.rows, table.printed)):
        if index:
            out.add("\n")
        start = out.add(text)
        position = 0
        for number, part in enumerate(text.split(" | ")):
            header = next((h for h in table.headers if number and h and part.startswith(h + ": ")), "")
            skip = len(header) + 2 if header else 0
            for match in _WORD.finditer(part, skip):
                if pool[match.group()]:
                    out.box(start + position + match.start(), match.group(), pool[match.group()].popleft())
            position += len(part) + 3
        found.append((start, start + len(text), printed))
    return found


def _paragraph_gap(previous_bottom: float | None, piece: _Piece) -> bool:
    """Whether a wide gap (or a table) parts ``piece`` from the text above it."""
    return previous_bottom is None or piece.top - previous_bottom > PARAGRAPH_GAP_LINES * (piece.bottom - piece.top)


def _cjk(piece: _Piece) -> bool:
    return any(is_cjk(w.text) for w in piece.words)
