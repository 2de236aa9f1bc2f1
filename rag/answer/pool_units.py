"""The units of a pool of passages that evidence is chosen from, each once, with the passage's rank and what precedes it."""
from __future__ import annotations

import math
import re
from typing import Sequence

from rag.answer.claims import copies_furniture, furniture
from rag.answer.passage_units import SENTENCE, Unit, split_units
from rag.types import Hit

# A question that only asks what to do about the sentence before it ("What should I do?", "¿Qué debo hacer?").
_WHAT_TO_DO = re.compile(r"(?:what|¿\s*qu[eé])\s+(?:can|should|must|do|shall|debo|puedo|hago|tengo que|hay que|se debe)"
                         r"(?:\s+(?:i|we|you))?(?:\s+(?:do|hacer))?\s*\?", re.I)


def pool_units(hits: Sequence[Hit]) -> list[tuple[Hit, Unit, int, str]]:
    """Every unit of every passage, once (neighbouring passages overlap), with its passage's rank and, for a
    sentence, the unit before it in the passage; page headers and footers left out."""
    seen: set[tuple[str, str]] = set()
    repeated = furniture([h.text for h in hits])
    result = []
    for rank, hit in enumerate(hits):
        before = ""
        for unit in split_units(hit.text):
            key = (hit.doc_id, unit.text)
            if key not in seen and not copies_furniture(unit.text, repeated):
                seen.add(key)
                result.append((hit, unit, rank, before if unit.kind == SENTENCE else ""))
            # A FAQ's question may take two sentences ("My laptop was stolen. What should I do?"): both are the
            # answer's context when the second only asks.
            follow_up = _WHAT_TO_DO.fullmatch(unit.text) and before and not before.endswith("?")
            before = f"{before} {unit.text}" if follow_up else unit.text
    return result


def boilerplate_texts(candidates: list[tuple[Hit, Unit, int, str]]) -> set[str]:
    """Texts found word for word in several documents of the pool: certifications, legal notices, not answers."""
    documents: dict[str, set[str]] = {}
    for hit, unit, _, _ in candidates:
        documents.setdefault(unit.text, set()).add(hit.doc_id)
    return {text for text, docs in documents.items() if len(docs) >= 2}


def rarity(documents: list[list[str]]) -> dict[str, float]:
    """Each word's inverse document frequency over ``documents`` (the words of each unit of a pool)."""
    frequency: dict[str, int] = {}
    for words in documents:
        for word in set(words):
            frequency[word] = frequency.get(word, 0) + 1
    count = len(documents)
    return {word: math.log(1 + count / df) for word, df in frequency.items()}
