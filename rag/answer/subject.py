"""What a document is about, by its title: the question's words there name the document, not the answer in it."""
from __future__ import annotations

import re
from pathlib import PurePath
from typing import Callable, Sequence

from rag.analysis import fold
from rag.answer.passage_units import document_title
from rag.glossary import same_meaning, shared_across_languages
from rag.types import Hit


_WORDS = re.compile(r"[^\W_]+")


def titles(hits: Sequence[Hit], stems: Callable[[Hit, str], list[str]]) -> dict[str, tuple[Hit, set[str]]]:
    """The word stems of each document's title (``stems`` of a passage's text), for the documents whose first passage
    is among ``hits``, with that passage."""
    found = {}
    for hit in hits:
        title = document_title(hit.text) if hit.char_start == 0 and hit.page_start in (None, 1) else ""
        if title:
            found[hit.doc_id] = (hit, set(stems(hit, named_thing(title))))
    return found


# Words that say what kind of document a title's part names, not what it is about.
_DOCUMENT_KIND = re.compile(r"\b(?:manual|guide|gu[ií]a|handbook|instructions?|instrucciones|sheet|datasheet|ficha|hoja)\b",
                            re.I)


def named_thing(title: str) -> str:
    """The part of a title that names its subject: "Bomba de calor HP-12" of "Bomba de calor HP-12 - Manual de
    instalación", "CleanPro Degreaser" of "Safety Data Sheet - CleanPro Degreaser"; the whole title otherwise. "Who can
    operate the FX-25?" is not about the "Manual del operador"."""
    parts = [part for part in title.split(" - ") if not _DOCUMENT_KIND.search(part)]
    return " - ".join(parts) if parts else title


def held_words(asked: set[str], found: set[str], across: bool, language: str) -> set[str]:
    """The question's stems ``asked`` (in ``language``) that a text's stems ``found`` hold: the same word or a synonym,
    or ``across`` languages a translation or cognate."""
    if across:
        return (asked & found) | shared_across_languages(asked, found, language)
    return (asked & found) | same_meaning(asked, found, language)


# Snowball leaves words of one family apart ("limpian" is "limpi", "limpieza" "limpiez"; "enfermo" "enferm",
# "enfermedad" "enfermed"): a stem of at least this many letters that starts another is the same word, for whether a
# quote holds all the question's words. Not for ranking: "reside" found "residentes" for "¿En qué condado reside
# Jacksonville?" (XQuAD Spanish evidence holding the answer 259 → 255 of 306).
FAMILY_LETTERS = 5


def same_family(asked: set[str], found: set[str]) -> set[str]:
    """The stems of ``asked`` that start a stem of ``found``, or that one starts, both at least ``FAMILY_LETTERS`` long."""
    long_found = [f for f in found if len(f) >= FAMILY_LETTERS]
    return {t for t in asked if len(t) >= FAMILY_LETTERS and any(f.startswith(t) or t.startswith(f) for f in long_found)}


def lighter(weights: dict[str, float], subject: set[str], share: float) -> dict[str, float]:
    """``weights`` with the words of ``subject`` counting for ``share`` of theirs."""
    return {word: weight * (share if word in subject else 1.0) for word, weight in weights.items()}


def title_pairs(subject: set[str]) -> set[tuple[str, str]]:
    """The pairs of words of a document's title: "bomba de calor" in every unit of the heat pump's manual."""
    return {(a, b) for a in subject for b in subject}


def inner_heading(section: str, source: str) -> str:
    """The heading a passage sits under, below its document's title: "7 Warranty" of a manual, "" for "Super Bowl 50"
    in "01-Super_Bowl_50.md" (a heading that only repeats the file's name is its title: its words name the document)."""
    heading = last_heading(section)
    words = set(_WORDS.findall(fold(heading)))
    return "" if words <= set(_WORDS.findall(fold(PurePath(source).stem))) else heading


def last_heading(section: str) -> str:
    """The heading a passage sits under, the last of its ``section``'s trail ("Códigos de error" of "Bomba de calor
    HP-12 - Manual de instalación > Códigos de error"): a table's rows are about it, whether a quote holds all the
    question's words ("¿Qué significa el error E4…?" and "E4 | Significado: Presión baja de agua")."""
    return section.rsplit(" > ", 1)[-1]
