"""A table row's figure for the period or the column a question asks ("Three Months Ended July 1, 2023: 81,797")."""
from __future__ import annotations

import re

from rag.answer.passage_units import MAX_WORDS_BEFORE_FIGURE, PERIOD_WORDS, row_cells
from rag.answer.question_kind import MONTHS, fold
from rag.glossary import cognate_spelling, translations

_WORD = re.compile(r"[^\W_]+")
_ABBREVIATION = re.compile(r"\b[A-Z]{2}\b")
_PERCENT = re.compile(r"%|percent|por ciento", re.I)
_PERIOD = re.compile(r"\b(three|six|nine|twelve|tres|seis|nueve|doce)\s+(?:months|meses)(?:\s+ended|\s+terminados)?|"
                     r"\b(quarter|trimestre)\b|\b(year|fiscal year|ano|año)\s+(?:ended|terminado)\b", re.I)
_HEADER_DATE = re.compile(rf"\b(?:{MONTHS})\s+\d{{1,2}},?\s+\d{{4}}\b|\b(?:19|20)\d\d\b", re.I)
_SPAN = {"three": 3, "tres": 3, "quarter": 3, "trimestre": 3, "six": 6, "seis": 6, "nine": 9, "nueve": 9,
         "twelve": 12, "doce": 12, "year": 12, "fiscal year": 12, "ano": 12, "año": 12}


def row_figure(question: str, text: str, context: str = "", figures: bool = True, asked: bool = True) -> str:
    """A table row's figure for the period the question asks (three, six or nine months, a year, the year named),
    with its column header; the first figure when the headers say nothing. The words of the column the question
    names come first; without ``figures``, they alone. Unless a figure is ``asked``, only a cell that opens with its
    figure gives it ("Hotel | 120 EUR" for "What is the hotel limit?"; not "Refrigerante | R32 (1,8 kg)" for "¿Qué
    refrigerante usa?")."""
    question_words = " ".join([fold(question), *_ABBREVIATION.findall(question)])  # "in the US", not "tell us"
    named_text = _named_text_cell(question_words, text, context)
    if named_text or not figures:
        return named_text
    cells = row_cells(text, context, 0 if not asked else MAX_WORDS_BEFORE_FIGURE)
    if not cells:
        return ""
    headers = [h for h, _ in cells]
    if not any(headers) and context:
        named = context.split(" | ")[1:]  # a header row of words over a row of figures alone
        headers = named if len(named) == len(cells) and " | " in text else _context_headers(context, len(cells))
    column = _column(question_words, headers) if headers[0] else 0
    header, figure = headers[column], cells[column][1]
    if not re.search(r"\d", figure):  # a dash: the row has no figure there
        return ""
    sign = re.search(rf"([$€£])\s?{re.escape(figure)}", f"{header}: {text}" if header else text)
    figure = sign.group(1) + figure if sign and not figure.startswith(sign.group(1)) else figure  # "£190", not "190"
    return f"{figure} ({header})" if header else figure


def _named_text_cell(asked: str, row: str, header_row: str) -> str:
    """The words of the row's cell under the column the question names, when that column holds words, not figures,
    and no figure column is named too ("Which hotel should I book in New York?" → "Hudson Suites (Preferred hotel)")."""
    headers, cells = header_row.split(" | "), row.split(" | ")
    if len(headers) != len(cells) or len(cells) < 2:
        return ""
    asked_words = set(_WORD.findall(asked))
    asked_words |= {_SAME_COLUMN.get(w, w) for w in asked_words}
    named = [(header, cell) for header, cell in zip(headers[1:], cells[1:]) if _names_header(header, asked_words)]
    if len(named) != 1 or re.search(r"\d", named[0][1]):
        return ""
    header, cell = named[0]
    return f"{cell.rpartition(': ')[2].strip()} ({header.strip()})"


def _names_header(header: str, asked_words: set[str]) -> bool:
    """Whether the question names a column by a word of its header, or that word with an ending ("internacionales" for
    "Internacional"), in the other language ("international", "Balearic") or translated ("domestic" for "Nacional")."""
    return any(h == a or same_word(h, a) or same_word(cognate_spelling(h), cognate_spelling(a)) or h in translations(a)
               or _same_start(cognate_spelling(h), cognate_spelling(a)) for h in _header_words(header) for a in asked_words)


# A place's name in the other language shares its first letters ("Balearic" and "Baleares", "Canary" and "Canarias").
SAME_START_LETTERS = 6


def _same_start(header_word: str, asked_word: str) -> bool:
    return min(len(header_word), len(asked_word)) >= SAME_START_LETTERS and (
        header_word[:SAME_START_LETTERS] == asked_word[:SAME_START_LETTERS])


def _header_words(header: str) -> set[str]:
    """A header's words of three letters or more (folded), and its two-letter abbreviations as written ("Price (US)")."""
    words = {w for w in _WORD.findall(fold(header)) if len(w) > 2 and w not in PERIOD_WORDS and not w.isdigit()}
    words |= set(_ABBREVIATION.findall(header))
    return words | {_SAME_HEADER[w] for w in words if w in _SAME_HEADER}


def _context_headers(context: str, count: int) -> list[str]:
    """Column headers rebuilt from a table's header lines (``Three Months Ended Nine Months Ended · July 1, 2023
    June 25, 2022 July 1, 2023 June 25, 2022``): the period over each date, when the counts fit."""
    periods_line, _, dates_line = context.rpartition(" · ")
    periods = [m.group() for m in _PERIOD.finditer(periods_line)]
    dates = [m.group() for m in _HEADER_DATE.finditer(dates_line)]
    if len(dates) != count:
        return [""] * count
    return [" ".join([periods[c * len(periods) // count], dates[c]]) if periods else dates[c] for c in range(count)]


# A column the question names by a word of its header ("internacional" for "Nacional | Internacional") comes first.
NAMED_COLUMN = 4.0
# The question's word for a common column header ("When does work finish on Friday?" asks the "End" column).
_SAME_COLUMN = {"finish": "end", "finishes": "end", "ends": "end", "close": "end", "closes": "end", "until": "end",
                "begin": "start", "begins": "start", "starts": "start", "open": "start", "opens": "start",
                "termina": "fin", "acaba": "fin", "salida": "fin", "empieza": "inicio", "comienza": "inicio",
                "entrada": "inicio", "abre": "apertura", "cierra": "cierre",
                "often": "frequency", "frequently": "frequency", "cada": "frecuencia"}
# Headers that name one column several ways ("How often…?" asks the "Interval" column too).
_SAME_HEADER = {"interval": "frequency", "intervals": "frequency", "intervalo": "frecuencia", "periodicidad": "frecuencia"}


# A question on how much something changed, or by what percentage it rose or fell, asks the "Change" column.
_CHANGE = re.compile(r"\b(?:chang\w*|cambi\w*|variacion\w*|vario)\b")
_MOVE = re.compile(r"\b(?:increas\w*|decreas\w*|grow\w*|grew|declin\w*|rise|rose|fell|fall\w*|drop\w*|aument\w*|"
                   r"disminu\w*|creci\w*|cay\w*|subi\w*|baj\w*)\b")


def _column(asked: str, headers: list[str]) -> int:
    """The column whose header has the period the question asks and the year it names (the newest when it names
    none), else the nearest year; a quarter when it names no period, which counts for less than the year
    (``April 30, 2023`` over ``Three Months Ended May 1, 2022`` for "in Q1 2023"). A header that names no period is taken to be of the period asked: the
    layout reader often keeps "Three Months Ended" over one column only."""
    named = next((_months(m) for m in _PERIOD.finditer(asked)), 0)
    wanted, weight = (named, 2.0) if named else (3, 1.0)
    years = {int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", asked)}
    if not years:  # "the latest quarter", or no period named at all: the newest column
        years = {max((int(y) for h in headers for y in re.findall(r"\b(?:19|20)\d\d\b", h)), default=0)} - {0}
    asked_words = set(_WORD.findall(asked))
    asks_change = bool(_CHANGE.search(asked) or (_PERCENT.search(asked) and _MOVE.search(asked)))
    best, best_score = 0, -1.0
    for column, header in enumerate(headers):
        period = next((_months(m) for m in _PERIOD.finditer(fold(header))), 0)
        score = weight if period in (wanted, 0) else 0.0
        change_column = bool(re.search(r"change|cambio|%", fold(header)))
        named = _names_header(header, asked_words | {_SAME_COLUMN.get(w, w) for w in asked_words})
        score += NAMED_COLUMN if named or (asks_change and change_column) else 0.0
        found = {int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", header)}
        if years and found:
            score += 1.5 / (1 + min(abs(a - b) for a in years for b in found))
        score -= 3.0 if change_column and not asks_change else 0.0
        if score > best_score:
            best, best_score = column, score
    return best


def _months(match: re.Match) -> int:
    return _SPAN.get(next(g for g in match.groups() if g).lower(), 0)


def same_word(word: str, other: str) -> bool:
    """Whether two folded words are one, give or take an ending of up to three letters (four letters or more)."""
    short, long = sorted((word, other), key=len)
    return len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 3
