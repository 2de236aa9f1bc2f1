"""Whether one quote says again what another says (a sentence or a statement's row repeated in a filing)."""
from __future__ import annotations

import re

from rag.answer.passage_units import ROW, Unit, row_cells

# Two sentences sharing this share of their words say the same thing.
REPEATED_WORDS = 0.8
_WORD = re.compile(r"[^\W_]+")


def repeats(unit: Unit, other: Unit) -> bool:
    """Whether ``unit`` says again what ``other`` says: the same text, the same sentence in two places of a filing
    ("$18.7 billion remained of this $60.0 billion share repurchase program"), or a statement's row again in another
    table. Rows need two shared figures: rows of one figure ("Inlet pressure: 16 bar", "Outlet pressure: 16 bar") may
    say different things."""
    if unit.text == other.text:
        return True
    if unit.kind == ROW and other.kind == ROW:
        mine, theirs = _row_figures(unit), _row_figures(other)
        shared = len(mine & theirs)
        return shared >= 2 and shared * 2 >= min(len(mine), len(theirs))
    mine, theirs = set(_WORD.findall(unit.text.lower())), set(_WORD.findall(other.text.lower()))
    return len(mine & theirs) >= REPEATED_WORDS * len(mine | theirs)


def _row_figures(unit: Unit) -> set[str]:
    return {figure.strip("()%$ ").replace(",", "") for _, figure in row_cells(unit.text, unit.context)} - {"", "0", "-", "—", "–"}
