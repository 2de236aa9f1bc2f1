"""Words a question shares with passages in the other language: cognates, and translations from a small glossary."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rag.answer.question_kind import fold

GLOSSARY = Path(__file__).with_name("glossary_en_es.txt")
# Stems are compared by their first five letters ("influenc" and "influy" are not, "interceptions" and
# "intercepciones" are); four let "sello" (seal) find "selling" and "cambiar" (change) find "channel".
PREFIX_LETTERS = 5


def shared_across_languages(asked: set[str], found: set[str], language: str) -> set[str]:
    """The question's stems ``asked`` that a text's stems ``found`` hold in some form: the same stem, a stem with the
    same first five letters (a cognate), or, through the glossary, a translation ("night" and "noches"). ``language``
    is the question's."""
    prefixes = {w[:PREFIX_LETTERS] for w in found} | found
    translations = _translations(language)
    return {t for t in asked if t in found or (len(t) >= PREFIX_LETTERS and not t.isdigit() and t[:PREFIX_LETTERS] in prefixes)
            or translations.get(t, frozenset()) & prefixes}


@lru_cache(maxsize=2)
def _translations(language: str) -> dict[str, frozenset[str]]:
    """Question stem (Snowball, ``language``) → the first letters of its translations' stems in the other language."""
    import Stemmer

    stem = Stemmer.Stemmer("spanish" if language == "es" else "english").stemWord
    other = Stemmer.Stemmer("english" if language == "es" else "spanish").stemWord
    result: dict[str, set[str]] = {}
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        english, spanish = ([fold(w.strip()) for w in side.split(",") if w.strip()] for side in line.split("|"))
        source, target = (spanish, english) if language == "es" else (english, spanish)
        for word in source:
            result.setdefault(stem(word), set()).update(other(w)[:PREFIX_LETTERS] for w in target if " " not in w)
    return {key: frozenset(value) for key, value in result.items()}
