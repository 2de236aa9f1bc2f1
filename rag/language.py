"""Guesses whether a question is Spanish or English, for the language of Faro's own messages."""
from __future__ import annotations

import re

_SPANISH_HINTS = frozenset(
    "qué que cuál cual cuáles cuándo cuando dónde donde cómo como por para los las del una unos unas es son está están "
    "hay tiene tienen puedo puede debo debe según sobre política empleados vacaciones días año años cuántos cuántas "
    "el la de en y o con se lo le su sus al".split()
)
_ENGLISH_HINTS = frozenset(
    "what which when where how why who the of in and or to is are does do can should must for with about on by "
    "a an it its this that these those".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def guess_language(text: str) -> str:
    """``"es"`` for Spanish text, else ``"en"``."""
    if "¿" in text or "¡" in text or re.search(r"[ñáéíóú]", text.lower()):
        return "es"
    words = _WORD.findall(text.lower())
    spanish = sum(w in _SPANISH_HINTS for w in words)
    english = sum(w in _ENGLISH_HINTS for w in words)
    return "es" if spanish > english else "en"


MESSAGES = {
    "en": {
        "abstain": "The documents in this collection do not answer this question. The closest passages are listed below.",
        "empty": "This collection has no indexed documents yet. Add PDF or Word files first.",
        "instruction": "Answer in English.",
    },
    "es": {
        "abstain": "Los documentos de esta colección no responden a esta pregunta. Abajo están los pasajes más cercanos.",
        "empty": "Esta colección todavía no tiene documentos indexados. Añada primero archivos PDF o Word.",
        "instruction": "Responde en español.",
    },
}


def message(key: str, language: str) -> str:
    return MESSAGES.get(language, MESSAGES["en"])[key]
