"""Which figure of "X and Y for A and B, respectively" belongs to the period or year a question asks about."""
from __future__ import annotations

import re
from typing import Sequence

from rag.answer.question_kind import fold

_RESPECTIVELY = re.compile(r"\b(?:respectively|respectivamente)\b", re.I)
# How filings and reports name a period, by its length: a quarter, six or nine months, a year.
_PERIODS = (
    ("quarter", r"\b(?:first|second|third|fourth|primer|segundo|tercer|cuarto)\s+(?:fiscal\s+)?(?:quarter|trimestre)|"
                r"\bq[1-4]\b|\bthree[- ]months?\b|\bthree-month\b|\btres meses\b|\bquarter\b|\btrimestre\b"),
    ("six", r"\bsix[- ]months?\b|\bseis meses\b|\bfirst half\b|\bprimer semestre\b"),
    ("nine", r"\bnine[- ]months?\b|\bnueve meses\b"),
    ("year", r"\btwelve[- ]months?\b|\bdoce meses\b|\bfull year\b|\bfiscal year ended\b|\bejercicio\b"),
)
_PERIOD = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _PERIODS))
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Figures one after another in a list: "8.3 million and 15.9 million", "5%, 7%, and 9%", "45 y 70".
_LIST_JOINT = re.compile(r"\s*,?\s*(?:and|y|e)?\s*")


def periods_in(text: str) -> list[str]:
    """The lengths of the periods ``text`` names, in order ("third quarter and first nine months" → quarter, nine)."""
    return [length for length, _ in _periods_at(text)]


def _periods_at(text: str) -> list[tuple[str, int]]:
    return [(match.lastgroup, match.start()) for match in _PERIOD.finditer(fold(text))]


def figures_out_of_place(question: str, text: str, figures: Sequence[tuple[int, int]]) -> set[tuple[int, int]]:
    """The ``figures`` of ``text`` (start, end) that a "respectively" gives to another period or year than the one
    ``question`` asks about: in "8.3 million and 15.9 million shares … for the third quarter and first nine months,
    respectively", 15.9 million for a question about the third quarter."""
    asked_periods = set(periods_in(question))
    asked_years = set(_YEAR.findall(question))
    if not (asked_periods or asked_years) or not _RESPECTIVELY.search(text):
        return set()
    out: set[tuple[int, int]] = set()
    start = 0
    for match in _RESPECTIVELY.finditer(text):
        clause = text[start: match.start()]
        inside = [(a, b) for a, b in figures if start <= a and b <= match.start()]
        out |= _clause_out_of_place(clause, start, inside, asked_periods, asked_years)
        start = match.end()
    return out


def _clause_out_of_place(clause: str, offset: int, figures: list[tuple[int, int]], asked_periods: set[str],
                         asked_years: set[str]) -> set[tuple[int, int]]:
    periods = _periods_at(clause)
    lengths = {length for length, _ in periods}
    if len(lengths) == 1 and asked_periods and not asked_periods & lengths:
        return set(figures)  # "$139 million for the first nine months" when the quarter is asked
    years = [(m.group(), m.start()) for m in _YEAR.finditer(clause)]
    out = set()
    for group in _lists(clause, offset, figures):
        first, last = group[0][0] - offset, group[-1][1] - offset
        keys = _keys(periods, first, last, len(group), asked_periods) or _keys(years, first, last, len(group), asked_years)
        out |= {figure for figure, key in zip(group, keys or ()) if not key}
    return out


def _lists(clause: str, offset: int, figures: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The runs of two or more figures written as a list ("X and Y", "X, Y, and Z")."""
    groups: list[list[tuple[int, int]]] = []
    for figure in figures:
        if groups and _LIST_JOINT.fullmatch(clause[groups[-1][-1][1] - offset: figure[0] - offset]):
            groups[-1].append(figure)
        else:
            groups.append([figure])
    return [group for group in groups if len(group) > 1]


def _keys(named: list[tuple[str, int]], first: int, last: int, count: int, asked: set[str]) -> list[bool] | None:
    """Whether each of ``count`` listed figures (from ``first`` to ``last`` in the clause) is of what is asked, by the
    ``count`` different periods or years (``named``, with their places) written right after the list, or else right
    before it (a title's "Third quarter 2026 report" further before is none of them); None when neither tells."""
    after = [key for key, at in named if at >= last][:count]
    before = [key for key, at in named if at < first][-count:]
    for side in (after, before):
        if len(side) == count and len(set(side)) == count and asked & set(side):
            return [key in asked for key in side]
    return None
