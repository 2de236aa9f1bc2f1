"""Sentences of the model's reply that say nothing of their own: the question restated, the instruction copied,
citation marks alone, or words found in none of the sources."""
from __future__ import annotations

import re
from typing import Callable, Sequence

from rag.answer.prompt import split_sentences

Tokenize = Callable[[str], list[str]]
_MARKS = re.compile(r"\[\d+\]|\(\d+\)")
_BARE_MARKS = re.compile(r"(?:\s*\(\d+\))+(?=\s*[.!?]?\s*$)")
# A word counts as known when a known word of at least this many letters starts it ("respond" → "responderá").
STEM_PREFIX = 5


def _words(text: str, tokenize: Tokenize) -> set[str]:
    return {w for w in tokenize(_MARKS.sub(" ", text)) if not w.isdigit() or len(w) > 1}


def without_echoes(reply: str, question: str, instruction: str, tokenize: Tokenize) -> str:
    """``reply`` without the sentences whose every word is the question's or the instruction's ("¿Qué son los
    clades?", "Responde a la pregunta en español.", "[1] (2) (3)."): a small model's way of saying nothing."""
    known = _words(question, tokenize) | _words(instruction, tokenize)
    prefixes = tuple(w for w in known if len(w) >= STEM_PREFIX)
    pieces = split_sentences(reply)
    kept = [s for i, s in enumerate(pieces)
            if i % 2 == 0 and s.strip() and any(w not in known and not w.startswith(prefixes) for w in _words(s, tokenize))]
    return " ".join(_BARE_MARKS.sub("", s.strip()) for s in kept)


def off_the_sources(sentence: str, question: str, sources: Sequence[str], tokenize: Tokenize) -> bool:
    """Whether none of the sentence's own words (those not in the question) occurs in the sources it was checked
    against: "En este caso, no es más que ahora." is not from the documents, whatever its numbers."""
    own = _words(sentence, tokenize) - _words(question, tokenize)
    if not own:
        return False
    found = set().union(*(_words(text, tokenize) for text in sources)) if sources else set()
    return not own & found
