"""Guesses whether a question is Spanish or English, for the language of Faro's own messages."""
from __future__ import annotations

import re
from typing import Sequence

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
    spanish, english = _hints(text)
    return "es" if spanish > english else "en"


def passages_language(texts: Sequence[str]) -> str | None:
    """``"es"`` or ``"en"`` for document text, by its common words alone (names carry accents in any language);
    None when it has none (a table of figures)."""
    spanish, english = _hints(" ".join(texts))
    if spanish == english == 0:
        return None
    return "es" if spanish > english else "en"


def shared_language(texts: Sequence[str]) -> str | None:
    """The language of every one of ``texts`` that has one; None when they differ or none has one."""
    found = {passages_language([text]) for text in texts} - {None}
    return found.pop() if len(found) == 1 else None


def _hints(text: str) -> tuple[int, int]:
    """How many common Spanish and English words ``text`` holds."""
    words = _WORD.findall(text.lower())
    return sum(w in _SPANISH_HINTS for w in words), sum(w in _ENGLISH_HINTS for w in words)


MESSAGES = {
    "en": {
        "abstain": "The documents in this collection do not answer this question. The closest passages are listed below.",
        "abstain_other_language": "The documents in this collection do not answer this question. The closest passages "
                                  "are listed below; they are in {other}, so asking in {other} may find more.",
        "empty": "This collection has no indexed documents yet. Add PDF or Word files first.",
        "write": "Answer the question in one or two short sentences, using the evidence first. Copy every number "
                 "exactly as the sources write it and cite the source of each statement like [1]. Answer in English.",
        "reading": "Reading {count} passages…",
        "reading_one": "Reading the passage…",
        "no_model": "The language model is not available ({reason}), so the passages that answer the question are shown.",
        "no_match": "The model's answer did not match your documents, so only the passages from them are shown.",
        "nothing_added": "The language model added nothing to the passages above.",
        "model_stopped": "The language model stopped unexpectedly while writing; Faro restarted it. The passages that "
                         "answer the question are shown; ask again for a written answer.",
        "not_found": "not found in your documents",
        "from_documents": "From your documents:",
        "answer_heading": "Answer with citations:",
        "sources": "Sources:",
        "from_scan": ", read from a scan",
        "weak": "This may not answer your question: the closest passages found are shown.",
        "unmentioned": "The passages found do not mention “{word}”, so this may not answer your question: the closest "
                       "passages are shown.",
    },
    "es": {
        "abstain": "Los documentos de esta colección no responden a esta pregunta. Abajo están los pasajes más cercanos.",
        "abstain_other_language": "Los documentos de esta colección no responden a esta pregunta. Abajo están los pasajes "
                                  "más cercanos; están en {other}: preguntar en {other} puede encontrar más.",
        "empty": "Esta colección todavía no tiene documentos indexados. Añada primero archivos PDF o Word.",
        "write": "Responde a la pregunta en una o dos frases cortas, usando primero la evidencia. Copia cada número "
                 "tal como lo escriben las fuentes y cita la fuente de cada afirmación así: [1]. Responde en español.",
        "reading": "Leyendo {count} pasajes…",
        "reading_one": "Leyendo el pasaje…",
        "no_model": "El modelo de lenguaje no está disponible ({reason}); se muestran los pasajes que responden a la pregunta.",
        "no_match": "La respuesta del modelo no coincide con sus documentos; solo se muestran los pasajes de ellos.",
        "nothing_added": "El modelo de lenguaje no añadió nada a los pasajes de arriba.",
        "model_stopped": "El modelo de lenguaje se detuvo de forma inesperada mientras escribía; Faro lo reinició. Se "
                         "muestran los pasajes que responden a la pregunta; vuelva a preguntar para obtener una "
                         "respuesta escrita.",
        "not_found": "no aparece en sus documentos",
        "from_documents": "De sus documentos:",
        "answer_heading": "Respuesta con citas:",
        "sources": "Fuentes:",
        "from_scan": ", leído de un escaneo",
        "weak": "Puede que esto no responda a su pregunta: se muestran los pasajes más cercanos.",
        "unmentioned": "Los pasajes encontrados no mencionan «{word}», así que puede que esto no responda a su "
                       "pregunta: se muestran los pasajes más cercanos.",
    },
}


LANGUAGE_NAMES = {"en": {"en": "English", "es": "Spanish"}, "es": {"en": "inglés", "es": "español"}}


def abstain_message(question_language: str, passages: str | None, interface: str) -> str:
    """Why there is no answer; when the closest passages are in the other language (``passages``), the hint to ask in
    theirs: the bundled embedding model reads English only, and a question finds other-language passages by the
    words the languages share."""
    if passages in (None, question_language):
        return message("abstain", interface)
    names = LANGUAGE_NAMES.get(interface, LANGUAGE_NAMES["en"])
    return message("abstain_other_language", interface, other=names[passages])


def message(key: str, language: str, **values: object) -> str:
    """Faro's message ``key`` in ``language`` (English when unknown), with ``values`` filled in."""
    text = MESSAGES.get(language, MESSAGES["en"])[key]
    return text.format(**values) if values else text
