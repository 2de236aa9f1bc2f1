"""Sentences of the model's reply that say nothing of their own: the question restated, the instruction copied,
citation marks alone, a quote copied, another quote than the best repeated, or words that no one sentence of the
sources holds (in the question's language or, through the glossary, in the other)."""
from __future__ import annotations

import re
from typing import Sequence

from rag.analysis import detect_language, terms
from rag.answer.passage_units import split_units
from rag.answer.question_kind import fold
from rag.answer.prompt import split_sentences
from rag.glossary import cognate_key, translations

_MARKS = re.compile(r"\[\d+\]|\(\d+\)")
_WORD = re.compile(r"[^\W\d_]+")
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


def vocabulary(texts: Sequence[str], language: str) -> list[set[str]]:
    """The stems of each sentence, list item or row of ``texts`` (the sources and evidence), gathered once per answer
    for ``off_the_sources``; for a text in the other language, also its words' glossary translations ("week" →
    "semana") and cognates ("originales" → "original"), so that an answer in the question's language can say what a
    quote in the other language says."""
    units = []
    for text in texts:
        other = detect_language(text) not in ("", language)
        for piece in [u.text for u in split_units(text)] or [text]:
            units.append(_words(piece, language) | (_translated(piece, language) if other else set()))
    return units


def _translated(piece: str, language: str) -> set[str]:
    words = _WORD.findall(fold(piece))
    return ({t for word in words for other in translations(word) for t in _words(other, language)}
            | {_COGNATE + key for key in map(cognate_key, words) if key})


# Marks a unit's cognate keys among its stems: a word of the answer is found when its own key is there.
_COGNATE = "~"


def _found(own: set[str], unit: set[str]) -> int:
    return len(own & unit) + sum(1 for w in own - unit if _COGNATE + cognate_key(w) in unit)


# A sentence says what one sentence or row of the documents says: most of its own words are in that one. Stitched from
# words all over the sources, it says something they do not: "Apple Inc. has made significant changes to its accounting
# policies and methods, including the elimination of certain items" (a quarter of its words in any one sentence, all of
# them somewhere in the filing), "En este caso, no es más que ahora." Of 78 sentences the bundled model wrote for 60
# sec10q and XQuAD questions, those shown as sourced under 0.75 were all nonsense or wrong (a copied table title at
# 0.72, "operating expenses compared to revenue: $9,535" at 0.71, "…in the Super Bowl. [1] (https://…)" at 0.47);
# the right ones reached 0.75 or more. Of 70 more for the next 60 questions, none shown as sourced was under 0.77.
ALIGNED_SHARE = 0.75


# A quotation copied from the sources makes any sentence around it look sourced: the bundled model framed one in
# Spanish nonsense ('El documento de la que está enviromente es: "The statement was in Latin…"'), which passed as three
# quarters of its words were the quote's. The words around a quotation are checked on their own, but for the words of
# quoting ("The manual says:", "Según el documento:").
_QUOTING = ("say says said state states stated according document documents manual text passage passages source "
            "sources evidence answer quote quoted read reads written dice dicen dijo segun documento documentos texto "
            "pasaje pasajes fuente fuentes evidencia respuesta responde cita escrito indica")
# From the first quotation mark to the last: a quote may hold one ('"… apart from "We are beggars," which …"').
_QUOTATION = re.compile(r"[“\"«][^\n]{2,}[”\"»]")


def off_the_sources(sentence: str, question: str, source_units: list[set[str]], language: str) -> bool:
    """Whether no single sentence or row of the sources (``vocabulary``) holds three quarters of the sentence's own
    words (those not in the question, nor words of quoting), or all but one of them when it has only a few; and, for a
    sentence that quotes the sources, of its own words around the quotation (``_QUOTING``)."""
    known = _words(question, language) | _words(_QUOTING, language)
    framing = _words(_QUOTATION.sub(" ", sentence), language) - known
    if _QUOTATION.search(sentence) and framing and _unaligned(framing, source_units):
        return True
    return _unaligned(_words(sentence, language) - known, source_units)


def _unaligned(own: set[str], source_units: list[set[str]]) -> bool:
    found = max((_found(own, unit) for unit in source_units), default=0)
    short_and_whole = found >= 2 and len(own) - found == 1  # "Use 40 Nm [1]." : one word of its own is no stitch
    return bool(own) and found < ALIGNED_SHARE * len(own) and not short_and_whole


# A sentence repeats a quote when nearly all its own words are the quote's and it is most of the quote's length. A
# repeat of another quote than the first picks a different answer than Faro's best evidence, and the check cannot say
# which is right ("The band Skyclad, often regarded as the first folk metal band…" under "Venom, reckoned by many to
# be the originators of black metal"): it is not shown. A short answer drawn from a quote ("Use 40 Nm [1].") is no
# repeat. Of 32 sentences the bundled model wrote that passed the check (120 sec10q and XQuAD questions), 12 repeated
# a quote: 10 the first, 2 another.
REPEAT_SHARE = 0.9
REPEAT_LENGTH = 0.6


def repeated_quote(sentence: str, question: str, quotes: Sequence[str], language: str) -> int | None:
    """The index of the quote (of ``quotes``, the evidence shown) that ``sentence`` only says again; None if none."""
    words = _words(sentence, language)
    own = words - _words(question, language)
    for index, quote in enumerate(quotes):
        quoted = _words(quote, language)
        if own and len(own & quoted) >= REPEAT_SHARE * len(own) and len(words) >= REPEAT_LENGTH * len(quoted):
            return index
    return None


# A quote of at least this many words set in quotation marks in a sentence was copied ('[1] "El Mercado del Grainger…"',
# the bundled model's whole answer to "When did Newcastle's first indoor market open?", or a table's row quoted whole);
# a shorter one may be a phrase. Said again without quotation marks, it reads as the answer and is kept.
COPIED_WORDS = 4


def copies_a_quote(sentence: str, quotes: Sequence[str]) -> bool:
    """Whether ``sentence`` sets one of ``quotes`` (the evidence shown) in quotation marks, word for word whatever
    its punctuation."""
    quoted = " ".join(_flat(m.group()) for m in _QUOTATION.finditer(sentence))
    return bool(quoted) and any(len(quote.split()) >= COPIED_WORDS and quote in quoted for quote in map(_flat, quotes))


def _flat(text: str) -> str:
    return " " + " ".join(re.findall(r"[^\W_]+", fold(_MARKS.sub(" ", text)))) + " "


# A sentence that talks about the task, not the documents: at least half its own words are the prompt's ("Extract the
# evidence from the document and put it in one sentence.", which the bundled model added under the refrigerant's row).
TASK_SHARE = 0.5


def restates_the_task(sentence: str, question: str, prompt: str, source_units: list[set[str]], language: str) -> bool:
    """Whether ``sentence`` only speaks of the task: half or more of its own words (those not in the question) are
    the ``prompt``'s (its instructions) and none of the others is in any source (``vocabulary``)."""
    own = _words(sentence, language) - _words(question, language)
    told = own & _words(prompt, language)
    known = set().union(*source_units) if source_units else set()
    return bool(own) and len(told) >= TASK_SHARE * len(own) and not (own - told) & known
