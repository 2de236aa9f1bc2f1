"""Chooses a question's evidence among the passages found, or decides that the library does not answer it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from rag.answer.abstention import QUOTE_CLOSENESS, library_answers, may_not_answer, quote_closeness
from rag.answer.evidence import Selection, Terms, evidence_stopwords, select_evidence
from rag.answer.language import passages_language
from rag.store.keyword_index import KeywordIndex
from rag.types import Hit

Closeness = Callable[[list[str]], Sequence[float]]


@dataclass(frozen=True)
class Choice:
    """The evidence chosen (None: the library does not answer) and whether it may not answer the question."""

    selection: Selection | None
    weak: bool = False


def choose_evidence(question: str, language: str, hits: list[Hit], best_dense: float, keyword: KeywordIndex,
                    min_relevance: float, more_passages: Callable[[], list[Hit]], closeness: Callable[[], Closeness]) -> Choice:
    """The evidence for ``question`` (in ``language``) from ``hits`` and ``more_passages()`` (the best document's
    others), unless neither the passages nor, for English, a quote close in meaning (``closeness()``, the embedder's
    cosine of texts to the question) say the library answers it."""
    if not hits:
        return Choice(None)
    passages = passages_language([hits[0].text])
    answers = library_answers(question, language, passages, hits, best_dense, keyword, min_relevance)
    # The bundled embedder reads English only (see MEANING_WEIGHT and QUOTE_CLOSENESS).
    similarity = closeness() if language == passages == "en" else None
    selection = select_evidence(question, hits + more_passages(), Terms(language, evidence_stopwords()),
                                across_languages=passages not in (None, language), similarity=similarity)
    closest_quote = quote_closeness(selection, similarity) if similarity is not None else None
    if not answers and (closest_quote or 0.0) < QUOTE_CLOSENESS:
        return Choice(None)
    return Choice(selection, may_not_answer(selection, closest_quote))
