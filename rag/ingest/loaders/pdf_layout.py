"""Page layout from PDFium's character boxes: lines, their cells, headings and the tables they form."""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from rag.ingest.loaders.table_columns import (
    MAX_HEADER_LINES, column_of, header_cells, leading_header_rows, period_label, same_columns, value_columns,
)

CELL_GAP_EMS = 1.0
WORD_GAP_EMS = 0.18
MIN_TABLE_ROWS = 3
# A line above a table's headings in a size this much different is the table's title, not a heading.
TITLE_SIZE_CHANGE = 0.2
# A line alone in a type this much smaller than the rows below it heads them (Microsoft's "Revenue" over its segments).
SUBHEADING_SIZE = 0.9
MAX_VALUE_CELL_CHARS = 40
# A line of words alone this long or longer is prose, not a row label.
MAX_LABEL_LINE_CHARS = 80
# Two columns of words are a table when the values start at one edge this far right of the longest label.
WORD_TABLE_GAP_EMS = 2.0
# Lines split in cells whose cells mostly open in lower case, going on a sentence from the line above, are columns of
# prose (a Federal Register page), not a table, unless most rows hold figures.
RUNNING_TEXT_SHARE = 0.5
_NUMERIC = re.compile(r"^[$€£¥(]*\s*[-–—+]?\s*[$€£¥]?\s*[\d.,]*\d[\d.,]*\s*%?\)?%?$|^[-–—]+$")
_CURRENCY = frozenset("$€£¥")
_EMPHASIS = re.compile(r"bold|black|heavy|semibold|demi|italic|oblique", re.IGNORECASE)
# A row giving a share of something ("% of net revenue", "Percentage of total net sales") is a figure of the row above.
_SHARE_LABEL = re.compile(r"^(?:%\s*of|percentage of|as a percentage of|% del?|porcentaje (?:de|sobre))\b", re.IGNORECASE)
_ITEM = re.compile(r"^(item|part|section|chapter|art[íi]culo|cap[íi]tulo|anexo|annex|appendix)\b", re.IGNORECASE)


@dataclass
class Cell:
    """A run of text on a line, separated from its neighbours by a wide gap."""

    text: str
    x0: float
    x1: float

    @property
    def numeric(self) -> bool:
        return bool(_NUMERIC.match(self.text))


@dataclass
class Line:
    """Characters sharing a baseline, left to right; ``indexes`` are their PDFium character indexes."""

    top: float
    bottom: float
    cells: list[Cell]
    indexes: list[int]
    em: float
    emphasized: bool = False

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.cells)

    @property
    def x0(self) -> float:
        return self.cells[0].x0


@dataclass
class Table:
    """Rows of a table as text (``label | header: value | …``) and the lines they replace."""

    rows: list[str]
    lines: list[Line]
    header_lines: list[Line] = field(default_factory=list)
    printed: list[str] = field(default_factory=list)
    columns: list[tuple[float, float]] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)

    @property
    def indexes(self) -> set[int]:
        return {i for line in (*self.header_lines, *self.lines) for i in line.indexes}


def page_lines(text_page) -> list[Line]:
    """The page's lines, top to bottom, each split into cells at wide gaps."""
    import pypdfium2.raw as pdfium_c

    chars = []
    spaced: set[int] = set()
    raw = text_page.raw
    for index in range(text_page.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        if code == 32 and chars and chars[-1][0] == index - 1:
            spaced.add(index - 1)
        if code in (10, 13) or pdfium_c.FPDFText_IsGenerated(raw, index) == 1:
            continue
        left, bottom, right, top = text_page.get_charbox(index, loose=True)
        if top - bottom <= 0.5:
            continue
        chars.append((index, chr(code), left, bottom, right, top))
    return _lines(chars, text_page, spaced)


def _lines(chars, text_page, spaced: set[int]) -> list[Line]:
    chars.sort(key=lambda c: -(c[3] + c[5]) / 2)
    bands: list[list] = []
    for char in chars:
        middle, height = (char[3] + char[5]) / 2, char[5] - char[3]
        if bands:
            band = bands[-1]
            band_middle = (band[0][3] + band[0][5]) / 2
            if abs(middle - band_middle) < 0.4 * max(height, band[0][5] - band[0][3]):
                band.append(char)
                continue
        bands.append([char])
    return [_line(sorted(band, key=lambda c: c[2]), text_page, spaced) for band in bands]


def _line(band, text_page, spaced: set[int]) -> Line:
    """One line's cells; a space PDFium reads between two letters parts their words however narrow the gap ("% of net
    revenue", set with spaces of no width, is not "% ofnet revenue")."""
    em = statistics.median(c[5] - c[3] for c in band)
    cells: list[Cell] = []
    words: list[str] = []
    start = previous = None
    signs_after = _signs_after_figures(band)
    for char in band:
        _, letter, left, _, right, _ = char
        if previous is not None:
            gap = left - previous[4]
            # A "$" printed close after a figure is the next column's ("(1,771) $ (895)"), unless signs follow figures.
            next_currency = (letter in _CURRENCY and gap > WORD_GAP_EMS * em and not signs_after
                             and _NUMERIC.match("".join(words).strip()))
            if (gap > CELL_GAP_EMS * em or next_currency) and words and not (letter.isspace()):
                cells.append(Cell("".join(words).strip(), start, previous[4]))
                words, start = [], None
            elif ((gap > WORD_GAP_EMS * em or _spaced_before(previous, char, spaced))
                    and words and not words[-1].isspace() and not letter.isspace()):
                words.append(" ")
        if letter.isspace():
            if words and not words[-1].isspace():
                words.append(" ")
            continue
        if start is None:
            start = left
        words.append(letter)
        previous = char
    if words and "".join(words).strip():
        cells.append(Cell("".join(words).strip(), start, previous[4]))
    cells = cells if signs_after else _merge_currency(cells)
    return Line(
        top=max(c[5] for c in band), bottom=min(c[3] for c in band), cells=cells or [Cell("", band[0][2], band[0][2])],
        indexes=[c[0] for c in band], em=em, emphasized=_is_emphasized(text_page, band),
    )


def _signs_after_figures(band) -> bool:
    """Whether a line writes currency signs after their figures ("110 €", "0,26 € por km", "640 €   $720")."""
    letters = [char[1] for char in band if not char[1].isspace()] + [" "]
    return any(sign in _CURRENCY and before.isdigit() and (after.isalpha() or after in _CURRENCY or after == " ")
               for before, sign, after in zip(letters, letters[1:], letters[2:]))


def _spaced_before(previous, char, spaced: set[int]) -> bool:
    """Whether PDFium reads a space right before ``char``, which opens a word (not "(174 )" or "$ 5")."""
    return previous[0] in spaced and char[0] == previous[0] + 2 and char[1].isalnum() and previous[1] not in "($€£¥"


def _merge_currency(cells: list[Cell]) -> list[Cell]:
    """A ``$`` printed apart from its amount belongs to the amount (also when it ran into the cell before)."""
    merged: list[Cell] = []
    for cell in cells:
        previous = merged[-1] if merged else None
        if previous is not None and cell.numeric and previous.text[-1:] in _CURRENCY:
            if previous.text in _CURRENCY:
                merged[-1] = Cell(previous.text + cell.text, previous.x0, cell.x1)
                continue
            if previous.text[-2:-1] == " ":
                merged[-1] = Cell(previous.text[:-2], previous.x0, previous.x1)
                cell = Cell(previous.text[-1] + cell.text, cell.x0, cell.x1)
        merged.append(cell)
    return merged


def _is_emphasized(text_page, band) -> bool:
    """Bold or italic (by the font's name: PDFium's weights are unreliable), or a weight of at least 700."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    letters = [c for c in band if c[1].isalpha()]
    if not letters:
        return False
    index = letters[len(letters) // 2][0]
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(text_page.raw, index, name, len(name), ctypes.byref(flags))
    return bool(_EMPHASIS.search(name.value.decode("latin-1"))) or pdfium_c.FPDFText_GetFontWeight(text_page.raw, index) >= 700


def headings(lines: list[Line], tables: list[Table]) -> list[Line]:
    """Lines that title what follows: short, not in a table, and bold, larger than the body, or in capitals."""
    in_table = {id(line) for table in tables for line in (*table.lines, *table.header_lines)}
    body_em = statistics.median([line.em for line in lines if len(line.text) > 40] or [line.em for line in lines] or [0.0])
    found = []
    for line in lines:
        text = line.text
        letters = [c for c in text if c.isalpha()]
        if id(line) in in_table or len(letters) < 3 or len(text) > 110 or len(text.split()) > 14:
            continue
        if text.rstrip().endswith((",", ";")) or (text.rstrip().endswith(".") and not _ITEM.match(text)):
            continue
        capitals = sum(c.isupper() for c in letters) / len(letters) >= 0.8 and len(letters) >= 4
        if line.emphasized or capitals or line.em >= 1.2 * body_em or _ITEM.match(text):
            found.append(line)
    return found


def find_tables(lines: list[Line], continued: Table | None = None) -> list[Table]:
    """Runs of at least three lines whose value cells line up in columns, read as rows with their headers.

    ``continued`` is the last table of the previous page: a table opening this page without headers of its own, in
    the same columns, is its continuation and takes its headers.
    """
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        run = _table_run(lines, index)
        if run is None:
            index += 1
            continue
        first, last = run
        table = _read_table(lines, first, last, None if tables else continued)
        if table is not None:
            tables.append(table)
        index = last + 1
    return tables


def _row_like(line: Line) -> bool:
    values = line.cells[1:]
    return bool(values) and len(line.cells[0].text) > 1 and all(len(c.text) <= MAX_VALUE_CELL_CHARS for c in values)


def _table_run(lines: list[Line], start: int) -> tuple[int, int] | None:
    if not _row_like(lines[start]):
        return None
    last, gap = start, 0
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if _row_like(line) and line.emphasized and not lines[start].emphasized and not any(c.numeric for c in line.cells):
            break  # a bold header row of words opens another table
        if _row_like(line) and _aligned(lines[last], line):
            last, gap = index, 0
        elif len(line.cells) == 1 and gap < 2 and line.x0 <= lines[start].x0 + 2 * line.em and len(line.text) <= MAX_LABEL_LINE_CHARS:
            gap += 1
        else:
            break
    rows = [line for line in lines[start : last + 1] if len(line.cells) > 1]
    numeric_rows = sum(1 for line in rows if any(c.numeric for c in line.cells[1:]))
    columns = max(len(line.cells) for line in rows)
    cells = [c.text for line in rows for c in line.cells if c.text[:1].isalpha()]
    prose = sum(1 for text in cells if text[0].islower()) >= RUNNING_TEXT_SHARE * len(cells)
    if len(rows) < MIN_TABLE_ROWS or (numeric_rows * 2 < len(rows) and (columns < 3 and not _word_columns(rows) or prose)):
        return None
    return start, last


def _word_columns(rows: list[Line]) -> bool:
    """Whether lines of two cells of words are a table, not prose or an index in two columns: short labels, values
    that start at one edge well to the right of the longest label, and either a first row in bold over the others
    ("Task | Interval" over "Change engine oil | Every 100 operating hours") or values that open with a figure under
    labels that end with none ("Rated output | 7.5 kVA"; not an index's "affine, 107 | Einheitsnormalenfeld, 90")."""
    if any(len(line.cells) != 2 or len(line.cells[0].text) > MAX_VALUE_CELL_CHARS for line in rows):
        return False
    em = statistics.median(line.em for line in rows)
    starts = [line.cells[1].x0 for line in rows]
    if max(starts) - min(starts) >= 0.5 * em or min(starts) - max(line.cells[0].x1 for line in rows) < WORD_TABLE_GAP_EMS * em:
        return False
    headed = rows[0].emphasized and not any(line.emphasized for line in rows[1:])
    figures = sum(1 for line in rows if line.cells[1].text[:1].isdigit()) * 2 >= len(rows)
    return headed or (figures and not any(line.cells[0].text[-1:].isdigit() for line in rows))


def _aligned(upper: Line, lower: Line) -> bool:
    """Whether some value cell of ``lower`` sits under a value cell of ``upper`` (left, right or overlapping)."""
    for cell in lower.cells[1:]:
        for above in upper.cells[1:]:
            if min(cell.x1, above.x1) - max(cell.x0, above.x0) > 0 or abs(cell.x1 - above.x1) < lower.em:
                return True
    return False


def _read_table(lines: list[Line], first: int, last: int, continued: Table | None) -> Table | None:
    body = lines[first : last + 1]
    label_left = min(line.x0 for line in body if len(line.cells) > 1)
    while body and body[0].x0 > label_left + 2 * body[0].em:
        body = body[1:]
        first += 1
    if body and any(c.numeric for c in body[0].cells[1:]):
        while first > 0 and _begins_label(lines[first - 1], body[0]):
            first -= 1
            body.insert(0, lines[first])
    inner_headers = leading_header_rows(body)
    body = body[len(inner_headers):]
    rows = [line for line in body if len(line.cells) > 1]
    if len(rows) < MIN_TABLE_ROWS:
        return None
    columns = value_columns(rows)
    label_right = max(line.cells[0].x1 for line in rows)
    header_lines: list[Line] = []
    # Over a table of words, a line of one cell is prose or a title, not its headings.
    words_only = sum(1 for line in rows if any(c.numeric for c in line.cells[1:])) * 2 < len(rows)
    for index in range(first - 1, max(-1, first - 1 - MAX_HEADER_LINES), -1):
        line = lines[index]
        # A title above the headings ("INCOME STATEMENTS", "PART I Item 2") is set in another size.
        other_size = header_lines and abs(line.em - header_lines[0].em) > TITLE_SIZE_CHANGE * header_lines[0].em
        if line.x0 <= label_right - line.em or len(line.text) > 120 or other_size or (words_only and len(line.cells) < 2):
            break
        header_lines.insert(0, line)
    header_lines += inner_headers
    over_columns = zip(*header_cells(header_lines, columns)) if header_lines else ([] for _ in columns)
    headers = [" ".join(c.text for cells in column for c in cells) for column in over_columns]
    period = period_label(header_lines, columns[0][0]) if columns else ""
    headers = [f"{period} {h}" if period and h and not h.startswith(period) else h for h in headers]
    if continued is not None and not any(headers) and same_columns(columns, continued.columns):
        headers = list(continued.headers)
    texts, printed = [], []
    groups: list[tuple[float, str]] = []
    pending = subheading = owner_label = ""
    for index, line in enumerate(body):
        while groups and line.x0 <= groups[-1][0] + 0.5 * line.em:
            groups.pop()
        if line.cells[0].text.lower().startswith("total") and groups:
            groups.pop()
        if len(line.cells) == 1:
            following = body[index + 1] if index + 1 < len(body) else None
            heads_rows = following is not None and len(following.cells) > 1 and not pending
            # "Revenue" and "Operating Income" in a smaller type over the same segment names head every row below.
            if heads_rows and line.em < SUBHEADING_SIZE * following.em:
                subheading = line.text
            # "AWS" above its indented "Net sales" and "Operating income" rows names them all.
            elif line.text.endswith(":") or (heads_rows and following.x0 > line.x0 + 0.5 * line.em):
                groups.append((line.x0, line.text))
            else:
                pending = (pending + " " + line.text).strip()
            continue
        label = " ".join(part for part in (subheading, *(g for _, g in groups), pending, line.cells[0].text) if part)
        if _SHARE_LABEL.match(line.cells[0].text) and not pending and owner_label:
            label = f"{owner_label}, {line.cells[0].text}"
        else:
            owner_label = label
        pending = ""
        parts, currency = [label], ""
        for cell in line.cells[1:]:
            if cell.text in _CURRENCY:  # a "$" set apart from its figure belongs to it
                currency = cell.text
                continue
            column = column_of(cell, columns)
            header = headers[column] if column is not None else ""
            value = currency + cell.text if currency and not cell.text.startswith(currency) else cell.text
            parts.append(f"{header}: {value}" if header else value)
            currency = ""
        texts.append(" | ".join(parts))
        printed.append(line.text)
    return Table(texts, body, header_lines, printed, columns, headers)


def _begins_label(above: Line, below: Line) -> bool:
    """Whether a line of words alone starts the label of the table line under it: a label wrapped at the same indent
    ("Research and development" over "expenses  $2,040  $1,824"), or a group it opens ("Operating expenses:")."""
    if len(above.cells) != 1 or len(above.text) > MAX_LABEL_LINE_CHARS or below.x0 < above.x0 - 0.5 * below.em:
        return False
    wrapped = abs(below.x0 - above.x0) <= 0.5 * below.em and below.cells[0].text[:1].islower()
    return wrapped or above.text.endswith(":")


def replace_tables(raw: str, tables: list[Table]) -> str:
    """PDFium's page text (one character per index) with each table's lines replaced by its rows."""
    if not tables:
        return raw
    owner: dict[int, int] = {}
    for number, table in enumerate(tables):
        owner.update((i, number) for i in table.indexes)
    out: list[str] = []
    written: set[int] = set()
    position = 0
    for line in raw.split("\r\n"):
        span = range(position, position + len(line))
        position += len(line) + 2
        votes = [owner[i] for i in span if i in owner and not raw[i].isspace()]
        visible = sum(1 for i in span if not raw[i].isspace())
        if votes and len(votes) * 2 >= visible:
            number = max(set(votes), key=votes.count)
            if number not in written:
                written.add(number)
                out.append("\n" + "\n".join(tables[number].rows) + "\n")
            continue
        out.append(line)
    return "\n".join(out)
