"""Sentences of the model's reply that say nothing of their own: the question restated, the instruction copied,
citation marks alone, or words found in none of the sources."""
from __future__ import annotations

import re
from typing import Sequence

from rag.analysis import terms
from rag.answer.prompt import split_sentences

_MARKS = re.compile(r"\[\d+\]|\(\d+\)")
_BARE_MARKS = re.compile(r"(?:\s*\(\d+\))+(?=\s*[.!?]?\s*$)")
# A word counts as known when a known word of at least this many letters starts it ("respond" → "responderá").
STEM_PREFIX = 5


def _words(text: str, language: str) -> set[str]:
    """Stems in the question's language: a short sentence's own guess of its language would stem it otherwise."""
    return {w for w in terms(_MARKS.sub(" ", text), language) if not w.isdigit() or len(w) > 1}


def without_echoes(reply: str, question: str, instruction: str, language: str) -> str:
    """``reply`` without the sentences whose every word is the question's or the instruction's ("¿Qué son los
    clades?", "Responde a la pregunta en español.", "[1] (2) (3)."): a small model's way of saying nothing."""
    known = _words(question, language) | _words(instruction, language)
    prefixes = tuple(w for w in known if len(w) >= STEM_PREFIX)
    pieces = split_sentences(reply)
    kept = [s for i, s in enumerate(pieces)
            if i % 2 == 0 and s.strip() and any(w not in known and not w.startswith(prefixes) for w in _words(s, language))]
    return " ".join(_BARE_MARKS.sub("", s.strip()) for s in kept)


def vocabulary(texts: Sequence[str], language: str) -> set[str]:
    """The stems of ``texts`` (the sources and evidence), gathered once per answer for ``off_the_sources``."""
    return set().union(*(_words(text, language) for text in texts)) if texts else set()


# A sentence whose own words are mostly not the documents' says something they do not: "Para esta pregunta, no puede
# pasar al final el primer mariscal de campo a más de una Superbowl." shares "final" and "pasar" with them, no more.
OWN_WORDS_FOUND = 0.5


def off_the_sources(sentence: str, question: str, source_words: set[str], language: str) -> bool:
    """Whether fewer than half of the sentence's own words (those not in the question) are among ``source_words``:
    "En este caso, no es más que ahora." is not from the documents, whatever its numbers."""
    own = _words(sentence, language) - _words(question, language)
    return bool(own) and len(own & source_words) < OWN_WORDS_FOUND * len(own)
