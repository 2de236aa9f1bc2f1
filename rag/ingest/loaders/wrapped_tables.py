"""Tables whose cells wrap onto several lines (a fault table's long "Action"), read row by row."""
from __future__ import annotations

from rag.ingest.loaders.pdf_layout import MAX_VALUE_CELL_CHARS, RUNNING_TEXT_SHARE, Line, Table

MIN_ROWS = 2
MAX_COLUMNS = 8
# A row's lines lie closer together than two rows do: a step this much wider than the closest parts two rows.
ROW_STEP = 1.4
# A line further below the one above than this many of its heights is past the table.
MAX_LINE_GAP = 3.0


def wrapped_tables(lines: list[Line], found: list[Table], single_lines: bool = False) -> list[Table]:
    """``found`` (the tables read already) and the tables under a bold header line of two or more short cells whose
    rows take several lines, each cell starting under a header cell ("F02 | Meaning: High coolant temperature |
    Action: Let the engine cool and clean the radiator fins", from a label centred between the two lines of its
    action). A table of ``found`` without a header whose rows go on under such a table's is read as part of it: its
    first row wrapped, so only the rows of one line after it were found ("Casco | Mensual | 4 años" under "Equipo |
    Revisión | Vida útil"). With ``single_lines``, also tables whose rows all take one line (a scan's "E1 | Presión
    de agua baja: rellene el circuito", a cell too long for ``find_tables``)."""
    headless = {id(line): table for table in found if not table.header_lines for line in table.lines}
    taken = {id(line) for table in found for line in (*table.lines, *table.header_lines)} - set(headless)
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        table = _table_under(lines, index, taken, headless, single_lines)
        if table is None:
            index += 1
            continue
        tables.append(table)
        index += len(table.lines) + 1
    adopted = {id(headless[id(line)]) for table in tables for line in table.lines if id(line) in headless}
    return [table for table in found if id(table) not in adopted] + tables


def _table_under(lines: list[Line], index: int, taken: set[int], headless: dict[int, Table],
                 single_lines: bool) -> Table | None:
    header = lines[index]
    if (id(header) in taken or id(header) in headless or not header.emphasized or not 2 <= len(header.cells) <= MAX_COLUMNS
            or any(len(c.text) > MAX_VALUE_CELL_CHARS or sum(ch.isalpha() for ch in c.text) < 2 for c in header.cells)):
        return None
    starts = [c.x0 for c in header.cells]
    body: list[Line] = []
    above = header
    for line in lines[index + 1:]:
        if (id(line) in taken or line.emphasized or above.bottom - line.top > MAX_LINE_GAP * line.em
                or not _under(line, starts)):
            break
        body.append(line)
        above = line
    body = _whole_tables(body, headless)
    if body and all(id(line) in headless for line in body):  # find_tables read these rows: nothing wraps here
        return None
    groups = _row_groups(body, starts)
    one_line_rows = all(len(group) == 1 for group in groups)
    if len(groups) < MIN_ROWS or (one_line_rows and (not single_lines or _running_text(body))):  # find_tables' work
        return None
    headers = [c.text for c in header.cells[1:]]
    texts, printed = [], []
    for group in groups:
        cells = _joined_cells(group, starts)
        if len(cells[0]) < 2:
            return None
        texts.append(" | ".join([cells[0]] + [f"{h}: {v}" for h, v in zip(headers, cells[1:]) if v]))
        printed.append(" ".join(line.text for line in sorted(group, key=lambda line: min(line.indexes))))  # in writing order, as a viewer reads the page
    columns = [(start, end) for start, end in zip(starts[1:], [*starts[2:], max(c.x1 for line in body for c in line.cells)])]
    return Table(texts, body, [header], printed, columns, headers)


def _whole_tables(body: list[Line], headless: dict[int, Table]) -> list[Line]:
    """``body`` up to the first table of ``headless`` (by line) that it holds only part of."""
    inside = {id(line) for line in body}
    for n, line in enumerate(body):
        table = headless.get(id(line))
        if table is not None and not all(id(other) in inside for other in table.lines):
            return body[:n]
    return body


def _column(x0: float, starts: list[float], em: float) -> int | None:
    """The column a cell starting at ``x0`` is in: the header cell it starts under (within an em)."""
    return next((n for n, start in enumerate(starts) if abs(x0 - start) < em), None)


def _cell_columns(line: Line, starts: list[float]) -> list[int] | None:
    """The column of each cell of ``line``: the header cell it starts under, or the column of the cell before it when
    it goes on within that column (justified text leaves wide gaps between words: "Have  the  pressure  switch");
    None when a cell is under no column or runs into the next."""
    columns: list[int] = []
    for cell in line.cells:
        column = _column(cell.x0, starts, line.em)
        if column is None and columns and cell.x0 > starts[columns[-1]]:
            column = columns[-1]
        if column is None or (column + 1 < len(starts) and cell.x1 > starts[column + 1]):
            return None
        columns.append(column)
    return columns


def _under(line: Line, starts: list[float]) -> bool:
    """Whether each cell of ``line`` is under a header cell and ends before the next column starts."""
    return _cell_columns(line, starts) is not None


def _row_groups(body: list[Line], starts: list[float]) -> list[list[Line]]:
    """The body's lines grouped into rows: parted by wider steps between lines when rows are spaced apart (and by a
    second label in a row: rows of one line follow each other closer), else each row starting at a line with a label."""
    if not body:
        return []
    steps = [above.top - line.top for above, line in zip(body, body[1:])]
    closest = min(steps, default=0.0)
    spaced = any(step > ROW_STEP * closest for step in steps)
    groups = [[body[0]]]
    for line, step in zip(body[1:], steps):
        labelled = _labelled(line, starts)
        if (step > ROW_STEP * closest or labelled and any(_labelled(other, starts) for other in groups[-1])) if spaced else labelled:
            groups.append([line])
        else:
            groups[-1].append(line)
    return _with_labels(groups, starts)


def _with_labels(groups: list[list[Line]], starts: list[float]) -> list[list[Line]]:
    """Groups without a label joined to the row they belong to: the row above when its label has more lines above it
    than below (a label centred on a cell of three lines spaced like rows: "Espere 10 minutos y pulse RESET;" /
    "A03 Sobretemperatura si se repite, llame al servicio" / "técnico") or starts the row, else the row below."""
    rows: list[list[Line]] = []
    waiting: list[Line] = []
    for group in groups:
        if any(_labelled(line, starts) for line in group):
            rows.append(waiting + group)
            waiting = []
            continue
        if rows:
            label = next(n for n, line in enumerate(rows[-1]) if _labelled(line, starts))
            above, below = label, len(rows[-1]) - label - 1
            if above == 0 or above > below:
                rows[-1] += group
                continue
        waiting += group
    if waiting and rows:
        rows[-1] += waiting
    return rows or groups


def _labelled(line: Line, starts: list[float]) -> bool:
    return _column(line.cells[0].x0, starts, line.em) == 0


def _joined_cells(group: list[Line], starts: list[float]) -> list[str]:
    """The text of each column over a row's lines, top to bottom."""
    columns: list[list[str]] = [[] for _ in starts]
    for line in group:
        for cell, column in zip(line.cells, _cell_columns(line, starts) or []):
            columns[column].append(cell.text)
    return [" ".join(parts) for parts in columns]


def _running_text(body: list[Line]) -> bool:
    """Whether the lines' cells mostly open in lower case, going on sentences: two columns of prose side by side under
    their bold headings, not a table's rows."""
    cells = [c.text for line in body for c in line.cells if c.text[:1].isalpha()]
    return sum(1 for text in cells if text[0].islower()) >= RUNNING_TEXT_SHARE * len(cells)
