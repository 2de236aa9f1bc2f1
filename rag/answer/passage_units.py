"""Cuts a passage into the pieces evidence is chosen from: sentences, list items and table rows, with their offsets."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rag.answer.prompt import split_sentences
from rag.answer.question_kind import MONTHS, WEEKDAYS

SENTENCE, ITEM, ROW = "sentence", "item", "row"
MAX_UNIT_CHARS = 600
# A sentence announcing a list in this many words or fewer ("Contact it by any of these channels:") leans on the one
# before it.
SHORT_INTRO_WORDS = 8
# A title of more than six words is in title case ("Standard Operating Procedure - Chemical Laboratory Safety").
TITLE_WORDS = 12
_SMALL_WORDS = frozenset("a an and as at by for in of on or the to de del la las los el en y o para por con".split())
# A field's figure ends it, but for a unit of a few words ("Cada 12 meses", "8.000 páginas", "24 kW").
FIELD_UNIT_WORDS = 3
# A line this short with one figure at its end, not going on in the next line, is a field of a list or table
# (see ``_is_field``).
FIELD_CHARS = 80
_ITEM_START = re.compile(r"^\s*(?:[•●▪◦·\-–*]\s+|\(?\d{1,2}[.)]\s+|\(?[a-zA-Z][.)]\s+|(?:[Ss]tep|[Pp]aso)\s+\d{1,2}[.:)]\s+)")
_BULLET = re.compile(r"^\s*[•●▪◦*\-–]\s+")
# A figure cell: an amount, a percentage, a time of day ("08:00"), or a dash for none.
_NUMBER_CELL = re.compile(r"(?<![\w.,:])\d{1,2}:\d\d(?![\w:])|(?<![\w.,])[$€£(]?\s?-?\d[\d,.]*\)?%?(?![\w:])|(?<!\w)[—–-](?!\w)")
_CODE = re.compile(r"\d+(?:[-/]\d+){2,}")
_HEADER_HINT = re.compile(r"\b(?:months|weeks|year|quarter|ended|as of|meses|año|trimestre)\b|\b(?:19|20)\d\d\b", re.I)
PERIOD_WORDS = frozenset(
    "three six nine twelve months month weeks week ended ending year years quarter quarters fiscal as of at and "
    "january february march april may june july august september october november december "
    "tres seis nueve doce meses mes terminados terminado año años trimestre al de "
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split()
)
# A row's figures follow its label, with a unit or two among them ("Inlet pressure 16 bar 20 bar"); a sentence ending
# with a period that goes on for more words after its first figure is prose.
MAX_WORDS_AMONG_FIGURES = 3
# A figure cell may say a word or two before its figure ("Every 100 operating hours", "max. 16 bar"), no more.
MAX_WORDS_BEFORE_FIGURE = 2
# The words after a cell's figure that say what it counts ("years after termination", "km", "páginas", "°C", "dB(A)").
_CELL_UNIT = re.compile(r"°?\s?[^\W\d_][^\W\d_ ./²°-]*(?:/[^\W\d_]+)?(?:\([^\W\d_]\))?(?:\s+[^\W\d_]+){0,3}", re.UNICODE)
_RANGE_CELL = re.compile(r"\d[\d.,]*\s*(?:-|–|a|to|y|and)\s*\d[\d.,]*(?![\d.,])")
_PHONE = re.compile(r"\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]\d{2,4}){2,4}\b")
_CELL_SPLIT = re.compile(r"\s*(?:\||\t)\s*")
_PROSE_PUNCTUATION = re.compile(r"[,;:]\s")
_DANGLING = frozenset({"except", "between", "from", "with"})
# A line wrapped in a column is about as long as the next: at least this share of it.
WRAPPED_LINE_SHARE = 0.6
# A sentence ending inside a line ("3.2 bar. Maximum operating pressure: 16 bar.") makes it prose, not a row; "U.S.
# Treasury" does not.
_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?]\s+[A-ZÁÉÍÓÚÑ]")
# A date's day and year are not figure cells ("For the Quarter Ended September 30, 2023", "Revision C - March 2024" are
# titles, not rows).
_DATE = re.compile(rf"\b(?:{MONTHS})\s+(?:\d{{1,2}},?\s+)?(?:19|20)\d\d\b|\b(?:\d{{1,2}}\s+)?de\s+(?:{MONTHS})\s+de\s+(?:19|20)\d\d\b", re.I)
# A line that is only a date ("Tuesday, January 13, 2009" under a transcript's caption, "Madrid, 3 de marzo de 2024"
# atop a letter) says when, and is no title; with the weekday or the place it is no column's header either.
_DATE_LINE = re.compile(rf"^(?P<place>[^\W\d_]+(?:[ .][^\W\d_]+)?,\s*)?(?P<weekday>(?:{WEEKDAYS}|mi[eé]rcoles|s[aá]bado),?\s+)?"
                        rf"(?:{_DATE.pattern})\.?$", re.I)


@dataclass(frozen=True)
class Unit:
    """A span ``[start, end)`` of a passage's text that can stand alone as evidence."""

    kind: str
    start: int
    end: int
    text: str
    context: str = ""


def _lines(text: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    for line in text.split("\n"):
        spans.append((position, position + len(line)))
        position += len(line) + 1
    return spans


def is_table_row(line: str) -> bool:
    """A line with a label and two or more figure cells (or cells split by ``|``/tab with a figure)."""
    stripped = line.strip()
    if not stripped or len(stripped) > (MAX_UNIT_CHARS if " | " in stripped else 240):
        return False
    cells = [c for c in _CELL_SPLIT.split(stripped) if c]
    if len(cells) >= 2 and any(re.search(r"\d", c) for c in cells) and max(map(len, cells[1:])) <= 80 and len(cells[0]) <= 240:
        return not re.search(r"[^\W\d_]{2}[.!?]\s+[A-ZÁÉÍÓÚÑ]", stripped)  # prose, not an initial ("J. Romero")
    if _SENTENCE_BREAK.search(stripped) or re.search(r"\d[.!?]\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+\s+[a-záéíóúñ]", stripped):
        return False
    figures = _NUMBER_CELL.findall(_DATE.sub(" ", stripped))
    if not any(re.search(r"\d", f) and not re.fullmatch(r"\(?(?:19|20)\d\d\)?", f.strip()) for f in figures):
        return False  # a title with a year and a dash ("Canteen menu prices - 2025")
    label = _NUMBER_CELL.sub(" ", stripped).strip()
    words = re.findall(r"[^\W\d_]{2,}", label)
    if stripped.endswith((".", ":")) and len(figures) < 3:
        return False
    first = next(m for m in _NUMBER_CELL.finditer(stripped) if re.search(r"\d", m.group()))
    if stripped.endswith(".") and len(re.findall(r"[^\W\d_]{2,}", stripped[first.end():])) > MAX_WORDS_AMONG_FIGURES:
        return False  # a sentence that gives figures ("teléfono 900 555 010, de lunes a viernes de 8:00 a 18:00.")
    return len(figures) >= 2 and bool(words) and len(" ".join(words)) < 0.8 * len(stripped)


def row_label(row: str) -> tuple[str, str]:
    """A table row's label and its last part (``Operating activities: Net income | ...`` → the whole label and
    ``Net income``): the words before the first cell."""
    label = (row.split(" | ", 1)[0] if " | " in row else row[: _label_end(row)]).strip(" :")
    return label, label.rsplit(": ", 1)[-1]


def _label_end(row: str) -> int:
    letters = [m.end() for m in re.finditer(r"[^\W\d_]", row)]
    return letters[-1] if letters else 0


def row_cells(row: str, context: str = "", words_before: int = MAX_WORDS_BEFORE_FIGURE) -> list[tuple[str, str]]:
    """A table row's cells as (column header, figure) in column order: headers from ``Header: figure`` cells, with the
    words after the figure when they are its unit (``10 years``, ``15.000 km``), or the figures after the label alone
    (``$ 60,584`` → ``60,584``; a dash is an empty cell) with empty headers. A cell of words that mentions a figure
    ("Disconnect loads until the output is below 7.5 kVA") holds none; nor one with more than ``words_before`` words
    before its figure."""
    if _PHONE.search(row):  # "Emergency telephone: +34 944 000 111" gives no amount
        return []
    if " | " in row:
        cells = []
        for cell in row.split(" | ")[1:]:
            header, _, value = cell.rpartition(": ")
            figure = _NUMBER_CELL.search(value)
            if figure and len(value[: figure.start()].split()) <= words_before:
                span = _RANGE_CELL.match(value, figure.start())  # "1 a 1,5 bar" is one value
                written = (span.group() if span else figure.group()).lstrip("$€£ ").strip()
                rest = value[span.end() if span else figure.end():].strip()
                if written.startswith("(") and not written.rstrip("% ").endswith(")"):  # "R32 (1,8 kg)", not "(3)%"
                    written, rest = written[1:], rest.removesuffix(")")
                unit = "%" if value.rstrip().endswith("%") and "%" not in written else (
                    " €" if rest.startswith("€") else f" {rest}" if _CELL_UNIT.fullmatch(rest) else "")
                cells.append((header.strip(), written + unit))
        return cells
    figures = row[_label_end(row):]
    codes = [m.span() for m in _CODE.finditer(figures)]  # "Serial No.: 44-19-07731" holds no figure "44"
    return [("", m.group().lstrip("$€£ ").strip()) for m in _NUMBER_CELL.finditer(figures)
            if not any(start < m.end() and m.start() < end for start, end in codes)]


def _is_header(line: str) -> bool:
    """A table's column header: periods and dates only (``Three Months Ended``, ``July 1, 2023 June 25, 2022``)."""
    if not _HEADER_HINT.search(line) or re.search(r"\d,\d{3}|[$€£%]", line):
        return False
    dated = _DATE_LINE.match(line.strip())
    if dated and (dated.group("place") or dated.group("weekday")):
        return False
    others = [w for w in re.findall(r"[^\W\d_]+", line.lower()) if w not in PERIOD_WORDS]
    return len(others) <= 1


def split_units(text: str) -> list[Unit]:
    """The sentences, list items and table rows of ``text``; ``text[u.start:u.end]`` is the unit, verbatim."""
    return list(_split_units(text))


@lru_cache(maxsize=8192)
def _split_units(text: str) -> tuple[Unit, ...]:
    """``split_units``, remembered: the same passages come back in the pools of neighbouring questions."""
    units: list[Unit] = []
    block: list[tuple[int, int]] = []
    headers: list[str] = []
    # A title just before figures or list items ("Lift height  Rated capacity", "Replacing the air filter") names what
    # they are: their context.
    caption = ""

    def flush() -> None:
        if block:
            units.extend(_sentences(text, block[0][0], block[-1][1]))
            block.clear()

    def intro() -> str:
        """The caption of a list item: a sentence just before it that announces it ("You may send comments by any of
        the following methods:" over "• Fax: 202–493–2251."), a short one with the sentence before it in its paragraph
        ("The IT Service Desk is open… Contact it by any of these channels:"), else the caption in force."""
        flush()
        if not (units and units[-1].kind == SENTENCE and units[-1].text.endswith(":")):
            return caption
        before = units[-2] if len(units) > 1 and units[-2].kind == SENTENCE else None
        short = len(units[-1].text.split()) <= SHORT_INTRO_WORDS
        joined = short and before is not None and "\n\n" not in text[before.end : units[-1].start]
        return f"{before.text} {units[-1].text}" if joined else units[-1].text

    spans = _lines(text)
    previous = ""
    for number, (start, end) in enumerate(spans):
        line = text[start:end]
        if not line.strip():
            flush()
            continue
        above, previous = previous, line
        after_sentence = not block or text[block[-1][0] : block[-1][1]].rstrip().endswith((".", "!", "?", ":"))
        stripped = line.strip()
        prose = bool(_PROSE_PUNCTUATION.search(line)) and not _CELL_SPLIT.search(stripped) and "  " not in stripped
        if _goes_on_item(units, text, start, line, prose, above) and not block:
            last = units.pop()
            units.append(Unit(ITEM, last.start, end, " ".join(text[last.start : end].split()), last.context))
            continue
        if _is_header(line) and after_sentence:  # not "2020." going on with "by September 21,"
            flush()
            headers.append(" ".join(line.split()))
            continue
        # The next line with words: a title stands alone before its paragraph ("Fresno, California", a blank line).
        following = next((text[a:b].strip() for a, b in spans[number + 1 :] if text[a:b].strip()), "")
        if _NUMBERED_HEADING.match(line) and following[:1].isupper():
            flush()  # "1 Datos técnicos", "4.2 Meals": a section's title, not a sentence going on with a figure
            caption = " ".join(line.split())
            continue
        if not after_sentence and line.lstrip()[:1].isdigit() and not _unclosed(line):
            block.append((start, end))  # a wrapped sentence going on with a figure ("en el teléfono" / "600 123 456. El…")
            continue
        in_list = bool(units) and units[-1].kind == ITEM and not block
        if after_sentence and _is_field(line, following, in_list):
            caption = intro()
            units.append(Unit(ITEM, *_trim(text, start, end), context=caption))
            continue
        if after_sentence and (_is_heading(line, following) or _asks_before_items(line, following)):
            flush()
            caption = " ".join(line.split())
            continue
        if _header_row(line, following) and " | " not in above:  # the first row: the rows after it are rows
            flush()  # a table's header row: it names the columns of the rows below, and answers nothing
            caption = " ".join(line.split())
            continue
        # In lower case a line goes on with the open sentence or list item, whatever figures it holds ("address
        # above between 9 a.m. and 5" after "• Hand Delivery: Deliver to Mail" in a narrow column); a bullet opens an
        # item ("• Fax: 202–493–2251.").
        goes_on = line.lstrip()[:1].islower() and (not after_sentence or (bool(units) and units[-1].kind == ITEM and not block))
        # So does a line punctuated as prose, not set in cells, inside an open sentence ("contact Pilatus Aircraft
        # Ltd., Customer Technical" / "Support (MCC), P.O. Box 992, CH–6371"; not "Net income 22,291 17,556" under a title).
        goes_on = goes_on or (prose and not after_sentence)
        if not goes_on and not _BULLET.match(line) and (is_table_row(line) or (" | " in line and len(line) <= MAX_UNIT_CHARS)):
            flush()
            units.append(Unit(ROW, *_trim(text, start, end), context=" · ".join(headers[-2:]) or caption))
            continue
        if _ITEM_START.match(line) and not (block and _unclosed(text[block[-1][0] : block[-1][1]])):
            caption = intro()
            block.append((start, end))
            units.extend(_item(text, block, caption))
            block.clear()
            continue
        if units and units[-1].kind == ITEM and not block and not line[:1].isupper():
            last = units.pop()
            units.append(Unit(ITEM, last.start, end, " ".join(text[last.start : end].split()), last.context))
            continue
        caption = ""
        block.append((start, end))
    flush()
    return tuple(u for u in units if len(u.text) >= 8 and re.search(r"[^\W\d_]", u.text))


def _goes_on_item(units: list[Unit], text: str, start: int, line: str, prose: bool, above: str) -> bool:
    """Whether ``line`` goes on with the bulleted item just before it, not closed yet: a line punctuated as prose, as
    long as a wrapped line (``above``, the item's last) is, or any line when the item broke off on a small word ("•
    Mail: U.S. Department of" / "Transportation, Docket Operations, M–" / "30, West Building Ground Floor, Room"; "…Monday
    through Friday, except" / "Federal holidays."); not a paragraph after a short item ("• Web: www.termonorte.es")."""
    if not units or units[-1].kind != ITEM or not _ITEM_START.match(units[-1].text) or _ITEM_START.match(line):
        return False
    last = units[-1].text
    if text[units[-1].end : start].strip() or last.endswith((".", "!", "?", ":", ";")):
        return False
    wrapped = prose and len(above.strip()) >= WRAPPED_LINE_SHARE * len(line.strip())
    return wrapped or last.rsplit(None, 1)[-1] in _SMALL_WORDS | _DANGLING


def _header_row(line: str, following: str) -> bool:
    """A row of column names over the rows below: cells of words, none named by a column ("Item | Provided by |
    Allowance" over "Laptop | Provided by: IT department | …"; not "Check oil level | Interval: Before each start")."""
    cells = line.split(" | ")
    return (len(cells) > 1 and " | " in following and not re.search(r"\d", line)
            and not any(": " in cell for cell in cells))


def _unclosed(line: str) -> bool:
    """A line that opens a parenthesis it does not close: the next line ("65) and no longer…") goes on with it."""
    return line.count("(") > line.count(")")


def _is_field(line: str, following: str, in_list: bool = False) -> bool:
    """A short line that states one figure, a specification or a one-figure table row ("Potencia nominal: 24 kW",
    "Limpieza del quemador  Cada 12 meses"), before a line that does not go on with it (one starting in lower case):
    kept whole, not taken for a title nor run into the next line. In a list of such lines (``in_list``: the line
    before was one, or the next is one) a field may hold two figures and a longer unit ("Presión de agua de entrada
    de 2 a 6 bar", "Capacidad de carga 25 kg de ropa seca")."""
    figures = _field_figures(line)
    if figures is None or following[:1].islower():
        return False
    if len(figures) == 1 and len(figures[0][1].split()) <= FIELD_UNIT_WORDS:
        return True
    listed = in_list or (following[:1].isupper() and bool(_field_figures(following)))
    return listed and len(figures) <= 2 and len(figures[-1][1].split()) <= LIST_FIELD_UNIT_WORDS


# In a list of specifications, the words after a field's last figure ("kg de ropa seca").
LIST_FIELD_UNIT_WORDS = 5
# A section's number and title ("1 Datos técnicos", "4.2 Meals", "3. Troubleshooting"): no other figure, no end stop.
_NUMBERED_HEADING = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+[A-ZÁÉÍÓÚÑ][^\d.!?:;,]{0,60}$")


def _field_figures(line: str) -> list[tuple[str, str]] | None:
    """A short capitalised line's figures, each with the text after it; None when the line is no field (too long,
    a sentence, a list item, a table row, or no figure but a year or a model name's number)."""
    stripped = line.strip()
    if len(stripped) > FIELD_CHARS or not stripped[:1].isupper() or _ITEM_START.match(stripped) or is_table_row(stripped):
        return None
    if stripped.endswith((".", ",", ";", "(")) or _SENTENCE_BREAK.search(stripped):
        return None
    blanked = _DATE.sub(lambda m: " " * len(m.group()), stripped)
    # A model name's number ("AC-75 Air Compressor", "KX-440") is no figure.
    figures = [f for f in _NUMBER_CELL.finditer(blanked) if re.search(r"\d", f.group())
               and not re.search(r"[^\W\d_]-$", blanked[: f.start()])]
    if not figures or any(re.fullmatch(r"\(?(?:19|20)\d\d\)?", f.group().strip()) for f in figures):
        return None
    return [(f.group(), blanked[f.end():]) for f in figures]


def _asks_before_items(line: str, following: str) -> bool:
    """A FAQ's question over the steps or list that answer it ("How do I reset my password?" / "Step 1. …"): their
    title."""
    stripped = line.strip()
    return stripped.endswith("?") and len(stripped.split()) <= TITLE_WORDS and bool(_ITEM_START.match(following))


def _is_heading(line: str, following: str) -> bool:
    """A short line (or a longer one in title case) without closing punctuation before a capitalised line or a list
    item ("Pasos del bloqueo" over "1. Avise a los operarios…"): a title, not part of a sentence; so is a longer line
    that names a thing and then what the document is ("Bomba de calor HP-12 - Manual de instalación y mantenimiento").
    Not a line in lower case nor a bulleted one ("• Mail: U.S. Department of" in a narrow column)."""
    stripped = line.strip()
    if _DATE_LINE.match(stripped):
        return False
    named = " - " in stripped and len(stripped.split()) <= TITLE_WORDS
    return ((len(stripped.split()) <= 6 or named or _title_case(stripped))
            and not stripped.endswith((".", ",", ";", ":", "!", "?"))
            and (following[:1].isupper() or bool(_ITEM_START.match(following))) and not is_table_row(line)
            and " | " not in stripped and not stripped[:1].islower() and not _BULLET.match(stripped))


def document_title(text: str) -> str:
    """The title heading ``text`` opens with, when ``text`` is the start of a document ("Bomba de calor HP-12 - Manual
    de instalación y mantenimiento", a Markdown "# Super Bowl 50"); "" when it opens with anything else."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:2]
    if not lines:
        return ""
    first = lines[0]
    if first.startswith("#"):
        return first.lstrip("#").strip()
    return first if len(lines) == 2 and _is_heading(first, lines[1]) else ""


def _title_case(line: str) -> bool:
    """Up to ``TITLE_WORDS`` words, all capitalised but the small ones, and no figure ("Standard Operating Procedure -
    Chemical Laboratory Safety", "Política de Uso de Vehículos"; not "For the Quarter Ended September 30, 2023", nor a
    line of a list of names and places "STEVEN E. MERCER, ESQ., Deputy Attorney General, Los")."""
    words = [w for w in re.findall(r"[^\W\d_]+", line) if w.lower() not in _SMALL_WORDS]
    return (0 < len(words) <= TITLE_WORDS and line.count(",") < 2 and all(w[0].isupper() for w in words)
            and not re.search(r"\d", line))


def _trim(text: str, start: int, end: int) -> tuple[int, int, str]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end, " ".join(text[start:end].split())


def _item(text: str, block: list[tuple[int, int]], caption: str) -> list[Unit]:
    start, end, flat = _trim(text, block[0][0], block[-1][1])
    return [Unit(ITEM, start, end, flat, caption)]


def _sentences(text: str, start: int, end: int) -> list[Unit]:
    """Sentences of a block of wrapped lines: line breaks count as spaces, so a sentence may span lines."""
    flat = text[start:end].replace("\n", " ")
    units, position = [], start
    for index, piece in enumerate(split_sentences(flat)):
        if index % 2 == 0 and piece.strip():
            s, e, clean = _trim(text, position, position + len(piece))
            units.extend(_cap(text, s, e, clean))
        position += len(piece)
    return units


def _cap(text: str, start: int, end: int, clean: str) -> list[Unit]:
    """Very long "sentences" (run-on clauses, lists without markers) are cut at semicolons or commas."""
    if len(clean) <= MAX_UNIT_CHARS:
        return [Unit(SENTENCE, start, end, clean)]
    pieces, cut = [], start
    for match in re.finditer(r"(?<=[;:])\s+", text[start:end]):
        if start + match.start() - cut > 80:
            pieces.append((cut, start + match.start()))
            cut = start + match.end()
    pieces.append((cut, end))
    return [Unit(SENTENCE, *_trim(text, s, e)) for s, e in pieces if text[s:e].strip()]
