"""Does a text contain the reference answer? Numbers within 1%, XQuAD spans (exact match, token F1), content-word recall."""
from __future__ import annotations

import re
import string
from collections import Counter

from rag.answer.claims import figures
from rag.answer.terms import evidence_stopwords
from rag.answer.question_kind import fold

NUMBER_TOLERANCE = 0.01
RECALL_NEEDED = 0.5
_ARTICLES = re.compile(r"\b(?:a|an|the|el|la|los|las|un|una|unos|unas|lo)\b")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _amounts(text: str, percent: bool | None = None) -> list[float]:
    """Every amount in ``text`` at face value and at the scale its word gives (7.7 billion → 7.7 and 7.7e9); only
    percentages, or none of them, when ``percent`` says so (44.5 % is not $44,513 million)."""
    values = []
    for figure in figures(text):
        if percent is not None and figure.percent != percent:
            continue
        for value in figure.values:
            values += [value, value * figure.scale]
    return values


def key_numbers(reference: str, question: str, percent: bool | None = None) -> list[float]:
    """The figures a reference answer states: not years, small counts, or numbers the question already holds (only
    percentages, or none of them, when ``percent`` says so)."""
    body = reference.split("SOURCE")[0]
    head = " ".join(re.split(r"(?<=[.:])\s+", body.strip())[:2])
    asked = set(_amounts(question))
    keys = []
    for figure in figures(head):
        if _YEAR.fullmatch(figure.written) or figure.values & asked or percent not in (None, figure.percent):
            continue
        value = float(figure.written.replace(",", ""))
        if value < 10 and not figure.decimals and not figure.percent:
            continue
        keys.append(value * figure.scale)
    return keys


def number_found(key: float, text_amounts: list[float]) -> bool:
    """Whether an amount of the text equals ``key`` within 1%, in units, thousands, millions or billions."""
    for amount in text_amounts:
        for scale in (1.0, 1e3, 1e6, 1e9):
            if key and abs(amount * scale - key) <= NUMBER_TOLERANCE * abs(key):
                return True
    return False


def content_words(text: str) -> set[str]:
    stop = evidence_stopwords()
    return {w for w in re.findall(r"[^\W_]+", fold(text)) if w not in stop and len(w) > 2}


def sec10q_contains(text: str, reference: str, question: str) -> tuple[bool, float]:
    """(contains, score): at least half the key figures within 1%; without figures, half the content words of the
    reference's first sentence that the question does not already hold."""
    keys = [(k, percent) for percent in (False, True) for k in key_numbers(reference, question, percent)]
    if keys:
        amounts = {percent: _amounts(text, percent) for percent in (False, True)}
        found = sum(number_found(k, amounts[percent]) for k, percent in keys)
        return found * 2 >= len(keys), found / len(keys)
    first = re.split(r"(?<=[.])\s+", reference.split("SOURCE")[0].strip())[0]
    wanted = content_words(first) - content_words(question)
    if not wanted:
        return False, 0.0
    recall = len(wanted & content_words(text)) / len(wanted)
    return recall >= RECALL_NEEDED, recall


def normalise(text: str) -> str:
    """SQuAD normalisation: lower case, accents, punctuation and articles removed, spaces collapsed."""
    text = fold(text)
    text = "".join(" " if c in string.punctuation or c in "¿¡«»“”‘’—–" else c for c in text)
    return " ".join(_ARTICLES.sub(" ", text).split())


def span_contained(text: str, spans: tuple[str, ...]) -> bool:
    """Exact match in the text: some reference span, normalised, occurs in the normalised text as whole words."""
    haystack = f" {normalise(text)} "
    return any(f" {normalise(s)} " in haystack for s in spans if normalise(s))


def exact_match(prediction: str, spans: tuple[str, ...]) -> bool:
    """SQuAD exact match: the prediction, normalised, equals some reference span."""
    return any(normalise(prediction) == normalise(s) for s in spans if normalise(s))


def token_f1(prediction: str, spans: tuple[str, ...]) -> float:
    """SQuAD token F1 of ``prediction`` against the best reference span."""
    predicted = normalise(prediction).split()
    best = 0.0
    for span in spans:
        wanted = normalise(span).split()
        common = sum((Counter(predicted) & Counter(wanted)).values())
        if common:
            precision, recall = common / len(predicted), common / len(wanted)
            best = max(best, 2 * precision * recall / (precision + recall))
    return best


def token_recall(text: str, spans: tuple[str, ...]) -> float:
    """Share of the best span's words found in the text (how much of the answer the reader sees)."""
    words = set(normalise(text).split())
    return max((sum(w in words for w in normalise(s).split()) / max(1, len(normalise(s).split())) for s in spans), default=0.0)
