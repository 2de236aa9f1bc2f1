"""Keyword analysis for English and Spanish: a passage's language, its stopwords, Snowball stems of accent-folded words."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Iterable

LANGUAGES = ("en", "es")
_SNOWBALL_NAMES = {"en": "english", "es": "spanish"}
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_PARAGRAPH = re.compile(r"\n\s*\n")
_SPANISH_MARKS = re.compile(r"[ñ¿¡]|[áéíóú]\w")
_QUESTION_WORDS = {
    "en": "what which who whom whose when where why how many much".split(),
    "es": "qué cuál cuáles quién quiénes cuándo dónde cómo cuánto cuánta cuántos cuántas".split(),
}
# A passage needs this many stopwords before its language is decided; the winner needs this share of them.
MIN_EVIDENCE = 3
WINNING_SHARE = 0.6
# A document is mixed when its second language holds at least this share of its passages' words.
MIXED_SHARE = 0.2


# Abbreviations whose letters alone are no words: "R&D expenditure" asks for the "research and development" row;
# and a verb whose two words match nothing ("How many shares did Apple buy back?" is about shares "repurchased").
_ABBREVIATIONS = {"R&D": "research and development", "I+D": "investigación y desarrollo",
                  "SG&A": "selling, general and administrative", "P&L": "profit and loss",
                  **{f"{verb} BACK": "repurchase" for verb in ("BUY", "BUYS", "BUYING", "BOUGHT")}}
_ABBREVIATION = re.compile(r"(?<!\w)(?:R&D|I\+D|SG&A|P&L|(?:buy|buys|buying|bought)\s+back)(?!\w)", re.I)


def spell_out(text: str) -> str:
    """``text`` with the abbreviations no word search can match written in full ("R&D" → "research and development",
    "buy back" → "repurchase")."""
    return _ABBREVIATION.sub(lambda m: _ABBREVIATIONS[" ".join(m.group().upper().split())], text)


def fold(text: str) -> str:
    """Lower case without accents: "Política" → "politica" (what matching uses; display keeps the original)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The accent-folded words of ``text``."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=None)
def stopwords(language: str) -> frozenset[str]:
    """Folded stopwords of ``language`` (NLTK's lists and question words); for an undecided language (``""``),
    those of English and Spanish together."""
    from bm25s.stopwords import STOPWORDS_EN_PLUS, STOPWORDS_SPANISH

    lists = {"en": (*STOPWORDS_EN_PLUS, *_QUESTION_WORDS["en"]), "es": (*STOPWORDS_SPANISH, *_QUESTION_WORDS["es"])}
    chosen = [lists[language]] if language in lists else list(lists.values())
    return frozenset(fold(w) for words_ in chosen for w in words_)


@lru_cache(maxsize=None)
def _distinctive_stopwords() -> dict[str, frozenset[str]]:
    """Stopwords of one language that are not stopwords of the other: the evidence for telling them apart."""
    english, spanish = stopwords("en"), stopwords("es")
    return {"en": english - spanish, "es": spanish - english}


def detect_language(text: str) -> str:
    """``"es"`` or ``"en"`` from the share of each language's own stopwords (and Spanish marks); ``""`` when unclear."""
    distinctive = _distinctive_stopwords()
    counts = Counter()
    for word in words(text):
        for language in LANGUAGES:
            if word in distinctive[language]:
                counts[language] += 1
    counts["es"] += min(2, len(_SPANISH_MARKS.findall(text.lower())))
    total = counts["en"] + counts["es"]
    if total < MIN_EVIDENCE:
        return ""
    leader, votes = counts.most_common(1)[0]
    return leader if votes / total >= WINNING_SHARE else ""


def document_language(texts: Iterable[str]) -> str:
    """A document's language from its paragraphs' (weighted by words): ``es``, ``en``, ``es,en`` (mixed, main one
    first) or ``""`` when no paragraph says."""
    weight: Counter = Counter()
    for paragraph in (p for text in texts for p in _PARAGRAPH.split(text)):
        language = detect_language(paragraph)
        if language:
            weight[language] += len(_WORD.findall(paragraph))
    total = sum(weight.values())
    if not total:
        return ""
    ranked = [language for language, count in weight.most_common() if count / total >= MIXED_SHARE]
    return ",".join(ranked)


def main_language(document_languages: str) -> str:
    """The first language of a document's ``es,en``-style language field (``""`` when none)."""
    return document_languages.split(",", 1)[0]


@lru_cache(maxsize=None)
def _stemmer(language: str):
    import Stemmer

    return Stemmer.Stemmer(_SNOWBALL_NAMES[language])


def terms(text: str, language: str) -> list[str]:
    """Index terms of a passage in ``language``: folded words, that language's stopwords out, Snowball stems.

    Words are folded before stemming, so "politica" typed without its accent finds "política".
    An undecided language (``""``) is stemmed as English, after both stopword lists.
    """
    stop = stopwords(language)
    kept = [w for w in words(text) if w not in stop]
    return _stemmer(language or "en").stemWords(kept)


def query_words(question: str) -> list[tuple[str, list[str]]]:
    """A question's content words, each with its English and Spanish stems (its language's stopwords left out), so a
    question finds passages in either language (names, numbers and many cognates match across them)."""
    language = detect_language(question)
    stop = stopwords(language)
    kept = list(dict.fromkeys(w for w in words(question) if w not in stop))
    stems = [_stemmer(lang).stemWords(kept) for lang in LANGUAGES]
    return [(word, list(dict.fromkeys(forms))) for word, *forms in zip(kept, *stems)]


def query_terms(question: str) -> list[str]:
    """Every stem of :func:`query_words`, once."""
    return list(dict.fromkeys(stem for _, stems in query_words(question) for stem in stems))
