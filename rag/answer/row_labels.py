"""How well a table row's label names what a question asks: its own name first, the groups above it for less."""
from __future__ import annotations

import re
from typing import AbstractSet, Callable

from rag.analysis import fold
from rag.answer.passage_units import row_label
from rag.glossary import shared_across_languages

# A table row answers when its own label is what the question names ("Net cash from operations" for "net cash from
# operating activities"): the share of the label's last part found in the question, the label's other parts for less.
LABEL_WEIGHT = 0.3
PARENT_LABEL_WEIGHT = 0.1
# A part of a whole the pool also holds, under a group label the question does not name ("Japan: Net sales" beside "Total
# net sales" for Apple's net sales), earns up to this much less.
NARROWER_LABEL_PENALTY = 0.2
# A question that asks for no figure is answered by a row whose own label is made of its words and names the thing
# asked, the noun after its asking word ("What refrigerant does the HP-12 heat pump use?": "Refrigerante | Valor: R32"
# of the HP-12 manual, not its opening "produce calefacción, refrigeración y agua caliente", where "refrigeración" stems
# as "refrigerant" does). Any row whose label was all question words put "Total liabilities | …" first for "What legal
# proceedings or potential liabilities…?" in sec10q; half the question's other words by weight missed "Refrigerante"
# for "¿Qué refrigerante usa…?", where the rarer "usa" weighed more.
_ASKED_NOUN = re.compile(r"^\W*(?:what|which|que|cual(?:es)?)\s+(?!(?:is|are|was|were|do|does|did|es|son|era|fue|se|the|el|la|"
                         r"los|las|of|de)\b)([^\W\d_]+)")


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


def label_holds(row: str, asked: AbstractSet[str], terms: Callable[[str], list[str]], asked_in: str = "") -> bool:
    """Whether a row's own label holds all the question's stems ``asked``; ``asked_in`` as for ``label_fit``."""
    words = set(terms(row_label(row)[1]))
    return all(shared_across_languages({w}, words, asked_in) if asked_in else w in words for w in asked)


def asked_noun(question: str) -> str:
    """The noun right after a question's asking word ("refrigerante" in "¿Qué refrigerante usa…?"), folded; ""."""
    match = _ASKED_NOUN.match(fold(question))
    return match.group(1) if match else ""
