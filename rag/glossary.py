"""Words a question shares with text in the other language: cognates, and translations from a small glossary."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from rag.analysis import fold, stopwords, words

# The hand-written glossary of policies, manuals, reports and encyclopaedias, and general vocabulary whose two
# languages look different (each line the forms of one word).
GLOSSARIES = (Path(__file__).with_name("glossary_en_es.txt"), Path(__file__).with_name("glossary_en_es_general.txt"))
# Stems are compared by their first five letters ("influenc" and "influy" are not, "interceptions" and
# "intercepciones" are); four let "sello" (seal) find "selling" and "cambiar" (change) find "channel".
PREFIX_LETTERS = 5
# How English and Spanish spell one Latin or Greek word ("pharmacist" and "farmacéutico", "oxygen" and "oxígeno",
# "Luther" and "Lutero", "technical" and "técnico", "nation" and "nación", "disobedience" and "desobediencia",
# "special" and "especial"): both sides are written one way before their first letters are compared.
_SPELLINGS = tuple((re.compile(pattern), replacement) for pattern, replacement in (
    (r"ph", "f"), (r"th", "t"), (r"ch(?=[lnr])", "c"), (r"y", "i"), (r"(?<=.)ti(?=[aeiou])", "ci"), (r"^dis", "des"),
    (r"^es(?=[bcdfgklmnpqstv])", "s"), (r"([a-z])\1", r"\1"),
))


def cognate_key(word: str) -> str:
    """The first letters of ``word`` (folded) as both languages would spell them; "" when too short to compare."""
    word = cognate_spelling(word)
    return word[:PREFIX_LETTERS] if len(word) >= PREFIX_LETTERS and not word.isdigit() else ""


def cognate_spelling(word: str) -> str:
    """``word`` (folded) as both languages would spell it: "internacional" for "international" and "internacional"."""
    for pattern, replacement in _SPELLINGS:
        word = pattern.sub(replacement, word)
    return word


def shared_across_languages(asked: set[str], found: set[str], language: str) -> set[str]:
    """The question's stems ``asked`` that a text's stems ``found`` hold in some form: the same stem, a stem with the
    same first five letters as both languages spell them (a cognate, ``cognate_key``), or, through the glossary, a
    translation ("night" and "noches"). ``language`` is the question's."""
    prefixes = {w[:PREFIX_LETTERS] for w in found} | found
    cognates = {cognate_key(w) for w in found} - {""}
    stems = _translated_stems(language)
    return {t for t in asked if t in found or (len(t) >= PREFIX_LETTERS and not t.isdigit() and t[:PREFIX_LETTERS] in prefixes)
            or cognate_key(t) in cognates or any(_same_start(s, f) for s in stems.get(t, ()) for f in found)}


# A translation's stem and a text's stem are one word when they agree on their first letters, up to this many (both
# longer) or on all of the shorter's, five at least: "limpiez" (limpieza) and "limpi" (limpian) are; "contraseñ"
# (contraseña, password) and "contrapes" (contrapeso) are not, which five letters had said.
TRANSLATION_LETTERS = 7


def _same_start(translated: str, found: str) -> bool:
    letters = min(len(translated), len(found), TRANSLATION_LETTERS)
    return translated == found or (letters >= PREFIX_LETTERS and translated[:letters] == found[:letters])


def same_meaning(asked: set[str], found: set[str], language: str) -> set[str]:
    """The question's stems ``asked`` (Snowball, ``language``) not in a text's stems ``found`` but whose synonyms are:
    words on the same side of one glossary line ("certificate, note"; "vacation, holiday")."""
    synonyms = _synonym_stems(language)
    return {t for t in asked - found if synonyms.get(t, frozenset()) & found}


# A Spanish word the glossary knows is glossed by at most this many English words ("vacaciones": holiday, holidays, leave).
GLOSS_TRANSLATIONS = 3


def english_gloss(question: str) -> str:
    """A Spanish ``question`` word by word in English where the glossary knows the word (up to three translations; other
    words kept as written: names, figures, cognates), stopwords left out: what an English-only embedder can read."""
    glossed = []
    for word in words(question):
        if word in stopwords("es"):
            continue
        english = sorted(w for w in translations(word) if " " not in w)[:GLOSS_TRANSLATIONS]
        glossed += english or [word]
    return " ".join(glossed)


def translations(word: str) -> frozenset[str]:
    """The glossary's words for ``word`` (folded) in the other language, whichever language it is in."""
    return _pairs().get(fold(word), frozenset())


@lru_cache(maxsize=1)
def _pairs() -> dict[str, frozenset[str]]:
    """Folded word → folded words of the other language, both ways."""
    result: dict[str, set[str]] = {}
    for english, spanish in _entries():
        for source, target in ((english, spanish), (spanish, english)):
            for word in source:
                result.setdefault(word, set()).update(target)
    return {key: frozenset(value) for key, value in result.items()}


def phrases_translated(question: str, text: str) -> str:
    """The glossary's phrases of several words in ``question`` whose translation ``text`` holds, as one string: "punto
    de reunión" (each of whose words alone translates otherwise) over "The assembly point is the north car park"; and
    a word whose translation is a phrase ("weekend" over "los fines de semana")."""
    held = f" {fold(text)} "
    return " ".join(phrase for phrase, targets in _asked_phrases(fold(question)) if any(t.search(held) for t in targets))


@lru_cache(maxsize=256)
def _asked_phrases(folded_question: str) -> tuple[tuple[str, tuple[re.Pattern, ...]], ...]:
    """The glossary's phrases (or words translated by a phrase) in a question, each with its translations' patterns:
    once per question, as every unit of the pool asks."""
    asked = f" {folded_question} "
    found = []
    for english, spanish in _phrase_entries():
        for source, target in ((english, spanish), (spanish, english)):
            to_phrase = any(" " in p for p in target)
            phrases = [p for p in source if (" " in p or to_phrase) and re.search(rf"\b{re.escape(p)}\b", asked)]
            if phrases:
                targets = tuple(re.compile(rf"\b{re.escape(p)}\b") for p in target)
                found += [(phrase, targets) for phrase in phrases]
    return tuple(found)


@lru_cache(maxsize=1)
def _phrase_entries() -> list[tuple[list[str], list[str]]]:
    return [(english, spanish) for english, spanish in _entries() if any(" " in w for w in english + spanish)]


@lru_cache(maxsize=2)
def _translated_stems(language: str) -> dict[str, frozenset[str]]:
    """Question stem (Snowball, ``language``) → its translations' stems in the other language."""
    import Stemmer

    stem = Stemmer.Stemmer("spanish" if language == "es" else "english").stemWord
    other = Stemmer.Stemmer("english" if language == "es" else "spanish").stemWord
    result: dict[str, set[str]] = {}
    for english, spanish in _entries():
        spanish = [form for word in spanish for form in (word, *verb_forms(word))]
        source, target = (spanish, english) if language == "es" else (english, spanish)
        for word in source:
            result.setdefault(stem(word), set()).update(other(w) for w in target if " " not in w)
    return {key: frozenset(value) for key, value in result.items()}


# The glossary gives Spanish verbs as infinitives, whose Snowball stems the short ones' present forms do not share
# ("usar" is "usar", "usa" is "usa"; "colocar" is "coloc", "coloque" is "coloqu"; "mover" is "mov", "mueve" is
# "muev"): these endings replace "-ar", "-er" and "-ir" (the present, and the form of "usted" and of commands), with the
# spelling changes before "e" and the root's last vowel as it changes under stress ("mueve", "cierra", "pide").
_PRESENT_ENDINGS = {"ar": ("a", "an", "o", "e", "en"), "er": ("e", "en", "o", "a", "an"), "ir": ("e", "en", "o", "a", "an")}
_BEFORE_E = (("car", "qu"), ("gar", "gu"), ("zar", "c"))
_STRESSED = {"o": ("ue",), "e": ("ie", "i")}


def verb_forms(word: str) -> tuple[str, ...]:
    """A Spanish infinitive's (folded) present forms ("usar": "usa", "usan", "uso", "use"…); none for other words."""
    if len(word) < 4 or " " in word or word[-2:] not in _PRESENT_ENDINGS:
        return ()
    root = word[:-2]
    for infinitive_end, before_e in _BEFORE_E:
        if word.endswith(infinitive_end):
            break
    else:
        before_e = root[-1]
    roots = [root]
    vowel = max(root.rfind("o"), root.rfind("e"))
    if vowel > 0:
        roots += [root[:vowel] + changed + root[vowel + 1:] for changed in _STRESSED[root[vowel]]]
    return tuple(stem[:-1] + (before_e if ending.startswith("e") else stem[-1]) + ending
                 for stem in roots for ending in _PRESENT_ENDINGS[word[-2:]])


@lru_cache(maxsize=2)
def _synonym_stems(language: str) -> dict[str, frozenset[str]]:
    """Stem → the stems of the other words on its side of a glossary line, in ``language``."""
    import Stemmer

    stem = Stemmer.Stemmer("spanish" if language == "es" else "english").stemWord
    result: dict[str, set[str]] = {}
    for english, spanish in _entries():
        stems = {stem(w) for w in (spanish if language == "es" else english) if " " not in w}
        for word in stems:
            result.setdefault(word, set()).update(stems - {word})
    return {key: frozenset(value) for key, value in result.items() if value}


@lru_cache(maxsize=1)
def _entries() -> list[tuple[list[str], list[str]]]:
    """The glossary's lines as (English words, Spanish words), folded."""
    entries = []
    for path in GLOSSARIES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                english, spanish = ([fold(w.strip()) for w in side.split(",") if w.strip()] for side in line.split("|"))
                entries.append((english, spanish))
    return entries
