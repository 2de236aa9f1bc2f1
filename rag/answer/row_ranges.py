"""Which row of a banded table ("Less than 2 years", "2 to 5 years", "Más de 5 años") holds a figure the question gives."""
from __future__ import annotations

import math
import re

from rag.analysis import fold

_NUMBER = r"(\d+(?:[.,]\d+)?)"
# "2 to 5 years", "de 2 a 5 años", "entre 2 y 5", "2-5", "2 – 5".
_BETWEEN = re.compile(rf"(?<![\d.,]){_NUMBER}\s*(?:to|a|y|and|hasta|-|–|—)\s*{_NUMBER}(?![\d.,]*\d)")
# "more than 5", "over 5", "más de 5" (not 5 itself); "at least 5", "5 or more", "5+" (5 too).
_ABOVE = re.compile(rf"\b(?:more than|over|above|mas de|por encima de|superior a)\s+{_NUMBER}")
_FROM = re.compile(rf"\b(?:at least|al menos|a partir de|desde|from)\s+{_NUMBER}|{_NUMBER}\s*(?:\+|or more|o mas|y mas)")
# "less than 2", "under 2", "menos de 2" (not 2 itself); "up to 2", "hasta 2" (2 too).
_BELOW = re.compile(rf"\b(?:less than|fewer than|under|below|menos de|por debajo de|inferior a)\s+{_NUMBER}")
_UP_TO = re.compile(rf"\b(?:up to|hasta)\s+{_NUMBER}")
# A figure a question gives: not a year ("in 2023"), nor a model's or form's name ("AC-75", "10-Q").
_GIVEN = re.compile(r"(?<![\w.,-])(\d+(?:[.,]\d+)?)(?![\w-]|[.,]\d)")
_YEAR = re.compile(r"(?:19|20)\d\d")
# Half-open bounds: (low, low included, high, high included).
Band = tuple[float, bool, float, bool]


def band(text: str) -> Band | None:
    """The band of figures a row label or a question names ("2 to 5 years": 2 to 5; "más de 5": above 5); None."""
    folded = fold(text)
    if match := _BETWEEN.search(folded):
        low, high = _number(match.group(1)), _number(match.group(2))
        return (low, True, high, True) if low < high else None
    if match := _ABOVE.search(folded):
        return (_number(match.group(1)), False, math.inf, False)
    if match := _FROM.search(folded):
        return (_number(match.group(1) or match.group(2)), True, math.inf, False)
    if match := _BELOW.search(folded):
        return (-math.inf, False, _number(match.group(1)), False)
    if match := _UP_TO.search(folded):
        return (-math.inf, False, _number(match.group(1)), True)
    return None


def band_fit(label: str, question: str) -> int:
    """1 when a row's ``label`` names a band that holds the figure (or meets the band) ``question`` gives, -1 when it
    names one that does not, 0 when either names none."""
    row = band(label)
    if row is None:
        return 0
    asked = band(question)
    if asked is None:
        figures = [_number(f) for f in _GIVEN.findall(fold(question)) if not _YEAR.fullmatch(f)]
        if not figures:
            return 0
        return 1 if any(_overlap(row, (f, True, f, True)) for f in figures) else -1
    return 1 if _overlap(row, asked) else -1


def _overlap(a: Band, b: Band) -> bool:
    low, low_in = max((a[0], a[1]), (b[0], b[1]), key=lambda x: (x[0], not x[1]))
    high, high_in = min((a[2], a[3]), (b[2], b[3]), key=lambda x: (x[0], x[1]))
    return low < high or (low == high and low_in and high_in)


def _number(text: str) -> float:
    return float(text.replace(",", "."))
