"""Where a table's value columns are, which header cells stand over each of them, and which first rows head them."""
from __future__ import annotations

import re
import statistics
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rag.ingest.loaders.pdf_layout import Cell, Line

Column = tuple[float, float]
# Right edges of one column's figures lie within this many ems of each other (a loss's parenthesis hangs out).
COLUMN_EDGE_EMS = 1.5
# A table whose value cells are mostly figures ("—" and footnote marks aside) has its columns found from the figures.
FIGURE_TABLE_SHARE = 0.8
MAX_HEADER_LINES = 4
# A heading whose right edge is this close to the words' below it is set flush right.
FLUSH_EDGE_EMS = 0.15
# A group heading narrower than its column reaches past it by at least this many ems.
OUTSIDE_EMS = 0.5
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def value_columns(rows: list[Line]) -> list[Column]:
    """The table's value columns, left to right. Figures are right-aligned: grouped by their right edges, a "$"
    printed at a column's left or a loss's hanging parenthesis cannot join two columns into one."""
    values = [c for line in rows for c in line.cells[1:]]
    figures = [c for c in values if c.numeric]
    if figures and len(figures) >= FIGURE_TABLE_SHARE * len(values):
        em = statistics.median(line.em for line in rows)
        groups: list[list[Cell]] = []
        for cell in sorted(figures, key=lambda c: c.x1):
            if groups and cell.x1 - groups[-1][-1].x1 <= COLUMN_EDGE_EMS * em:
                groups[-1].append(cell)
            else:
                groups.append([cell])
        return [(min(c.x0 for c in group), max(c.x1 for c in group)) for group in groups]
    merged: list[list[float]] = []
    for x0, x1 in sorted((c.x0, c.x1) for c in values):
        if merged and x0 <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return [(a, b) for a, b in merged]


def column_of(cell: Cell, columns: list[Column]) -> int | None:
    """The column ``cell`` overlaps most (neighbouring columns' spans may touch)."""
    shared = [_shared((cell.x0, cell.x1), column) for column in columns]
    best = max(range(len(columns)), key=shared.__getitem__, default=None)
    return best if best is not None and shared[best] > 0 else None


def header_cells(header_lines: list[Line], columns: list[Column]) -> list[list[list[Cell]]]:
    """Per header line, the cells over each column.

    A column bare on a line takes the words of its group when they line up with the group's: "December 31," printed
    flush right under "Three Months Ended", which spans two columns, heads both ("Estimated Fair", centred over one of
    them, does not). Under headings that end in a row of years, filings set flush right print a period's words over
    its last year only ("Three Months Ended" over 2021, not 2022): a bare column takes the words of the next one.
    """
    per_line = [[_over(line, column) for column in columns] for line in header_lines]
    for line, below, cells_over in zip(header_lines, header_lines[1:], per_line):
        _spread_centred_headings(line, below, cells_over, columns)
    for above, below in zip(per_line, per_line[1:]):
        for index, cells in enumerate(below):
            spanning = [c for c in above[index] if sum(_overlaps(c, column) for column in columns) > 1]
            if cells or not spanning:
                continue
            group = [i for i, column in enumerate(columns) if _overlaps(spanning[0], column)]
            found = {tuple(id(c) for c in below[i]): below[i] for i in group if below[i]}
            if len(found) == 1 and _lined_up(next(iter(found.values())), spanning[0], header_lines[0].em):
                below[index] = next(iter(found.values()))
    if per_line and all(cells and all(_YEAR.match(c.text) for c in cells) for cells in per_line[-1]):
        for line in per_line[:-1]:
            for index in range(len(columns) - 2, -1, -1):
                if not line[index] and line[index + 1]:
                    line[index] = line[index + 1]
    return per_line


def _spread_centred_headings(line: Line, below: Line, cells_over: list[list[Cell]], columns: list[Column]) -> None:
    """A group heading centred over its columns heads the bare ones beside those it overlaps: "Nine Months Ended",
    narrower than its three columns (two dates and the change), overlaps only the middle one. A heading set flush
    right (its right edge on the words' below it) heads the columns it overlaps only, and one
    narrower than its column and inside it ("Gross" over "Carrying Amount", a page's "Item 1") is not a group's: a
    narrow group heading reaches past its column ("Q3 2023" over an amount and its share of revenue)."""
    for cell in line.cells:
        overlapped = [i for i, column in enumerate(columns) if _overlaps(cell, column)]
        if not overlapped or _flush_right(cell, below):
            continue
        narrower = cell.x1 - cell.x0 <= max(columns[i][1] - columns[i][0] for i in overlapped)
        reach = OUTSIDE_EMS * line.em
        if narrower and cell.x0 > columns[overlapped[0]][0] - reach and cell.x1 < columns[overlapped[-1]][1] + reach:
            continue
        first, last = overlapped[0], overlapped[-1]
        while first > 0 and not cells_over[first - 1]:
            first -= 1
        while last < len(columns) - 1 and not cells_over[last + 1]:
            last += 1
        runs = [(overlapped[0], overlapped[-1])]
        runs += [(i, j) for i in range(first, overlapped[0] + 1) for j in range(overlapped[-1], last + 1)]
        centre = (cell.x0 + cell.x1) / 2
        i, j = min(runs, key=lambda run: abs((columns[run[0]][0] + columns[run[1]][1]) / 2 - centre))
        if abs((columns[i][0] + columns[j][1]) / 2 - centre) < line.em:
            for index in range(i, j + 1):
                cells_over[index] = cells_over[index] or [cell]


def _flush_right(cell: Cell, below: Line) -> bool:
    """Whether ``cell`` ends where words below it end: a period and its date set flush right over their column (its
    ending on the figures' edge alone proves nothing: a centred heading can end there too, and so can a sign: NVIDIA's
    centred "Three Months Ended" ends over the "$" of "$ Change", and headed only two of its four columns)."""
    return any(abs(cell.x1 - c.x1) <= FLUSH_EDGE_EMS * below.em and c.x1 - c.x0 >= below.em for c in below.cells)


def _lined_up(cells: list[Cell], group: Cell, em: float) -> bool:
    """Whether ``cells`` start, end or centre where ``group`` does."""
    x0, x1 = min(c.x0 for c in cells), max(c.x1 for c in cells)
    return min(abs(x0 - group.x0), abs(x1 - group.x1), abs((x0 + x1) - (group.x0 + group.x1)) / 2) < em


def same_columns(columns: list[Column], previous: list[Column]) -> bool:
    return len(columns) == len(previous) and all(_shared(a, b) > 0 for a, b in zip(columns, previous))


def _overlaps(cell: Cell, column: Column) -> bool:
    return _shared((cell.x0, cell.x1), column) > 0


def _over(line: Line, column: Column) -> list[Cell]:
    """The header cells of ``line`` over ``column``: those overlapping it, else a spanning one just beside it."""
    cells = [c for c in line.cells if _overlaps(c, column)]
    if cells:
        return cells
    middle = (column[0] + column[1]) / 2
    nearest = min(line.cells, key=lambda c: abs((c.x0 + c.x1) / 2 - middle))
    distance = max(nearest.x0 - column[1], column[0] - nearest.x1)
    spanning = nearest.x1 - nearest.x0 > 1.5 * (column[1] - column[0])
    return [nearest] if spanning and distance < 2 * line.em else []


def _shared(span: Column, column: Column) -> float:
    return min(span[1], column[1]) - max(span[0], column[0])


def leading_header_rows(body: list[Line]) -> list[Line]:
    """The first rows of a table of figures that hold only words or years: its column headings (at most a few); of a
    table of words, its first row when set apart in bold ("Task | Interval")."""
    numeric = [any(c.numeric for c in line.cells[1:]) for line in body]
    if sum(numeric) * 2 < len(body):
        return body[:1] if len(body) > 1 and body[0].emphasized and not body[1].emphasized else []
    count = 0
    while count < min(MAX_HEADER_LINES, len(body)) and len(body[count].cells) > 1 and (
            not numeric[count] or years_only(body[count])):
        count += 1
    return body[:count]


def years_only(line: Line) -> bool:
    return all(_YEAR.match(c.text) for c in line.cells[1:])


def period_label(header_lines: list[Line], first_column: float) -> str:
    """The words left of a row of years ("Three Months Ended September 30, | 2023 | 2022"): they name the period
    each year's column covers."""
    for line in header_lines:
        if len(line.cells) > 1 and years_only(line) and line.cells[0].x1 <= first_column:
            return line.cells[0].text
    return ""
