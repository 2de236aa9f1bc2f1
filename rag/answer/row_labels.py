"""How well a table row's label names what a question asks: its own name first, the groups above it for less."""
from __future__ import annotations

import re
from typing import AbstractSet, Callable

from rag.answer.passage_units import row_label
from rag.glossary import shared_across_languages

# A table row answers when its own label is what the question names ("Net cash from operations" for "net cash from
# operating activities"): the share of the label's last part found in the question, the label's other parts for less.
LABEL_WEIGHT = 0.3
PARENT_LABEL_WEIGHT = 0.1
# A part of a whole the pool also holds, under a group label the question does not name ("Japan: Net sales" beside "Total
# net sales" for Apple's net sales), earns up to this much less.
NARROWER_LABEL_PENALTY = 0.2


def label_fit(row: str, wanted: set[str], neutral: set[str], terms: Callable[[str], list[str]],
              wholes: AbstractSet[str] = frozenset(), asked_in: str = "") -> float:
    """How much a row's label is what the question names: its last part counts most ("Total" and the like aside).
    A row that is one part of a whole also in the pool ("Japan: Net sales" beside "Total net sales"; ``wholes``) loses
    for each word of its group label the question does not name.
    ``asked_in``: the question's language when the row is in the other one ("ventas netas" for "Net sales")."""
    label, leaf = row_label(row)
    narrowing = NARROWER_LABEL_PENALTY if label != leaf and whole(row) in wholes else 0.0
    fit = 0.0
    for text, weight, unnamed in ((leaf, LABEL_WEIGHT, 0.0), (label[: len(label) - len(leaf)], PARENT_LABEL_WEIGHT, narrowing)):
        words = set(terms(text)) - neutral
        if words:
            named = {w for w in words if shared_across_languages(wanted, {w}, asked_in)} if asked_in else words & wanted
            fit += (weight * len(named) - unnamed * (len(words) - len(named))) / len(words)
    return fit


def whole(row: str) -> str:
    """A row's last label part without "Total" ("Total net sales" and "Japan: Net sales" are both "net sales")."""
    return re.sub(r"^total\s+", "", row_label(row)[1].strip().lower())
