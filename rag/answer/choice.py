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


def document_languages(hits: Sequence[Hit]) -> dict[str, str | None]:
    """Each document's language ("en", "es" or None) by its passages among ``hits``: a library may mix both."""
    texts: dict[str, list[str]] = {}
    for hit in hits:
        texts.setdefault(hit.doc_id, []).append(hit.text)
    return {doc: passages_language(passages) for doc, passages in texts.items()}


def choose_evidence(question: str, language: str, hits: list[Hit], best_dense: float, keyword: KeywordIndex,
                    min_relevance: float, more_passages: Callable[[], list[Hit]], closeness: Callable[[], Closeness]) -> Choice:
    """The evidence for ``question`` (in ``language``) from ``hits`` and ``more_passages()`` (the best document's
    others), unless neither the passages nor, for English, a quote close in meaning (``closeness()``, the embedder's
    cosine of texts to the question) say the library answers it. Each document is read in its own language."""
    if not hits:
        return Choice(None)
    pool = hits + more_passages()
    languages = document_languages(pool)
    answers = library_answers(question, language, languages, hits, best_dense, keyword, min_relevance)
    # The bundled embedder reads English only (see MEANING_WEIGHT and QUOTE_CLOSENESS).
    similarity = closeness() if language == languages[hits[0].doc_id] == "en" else None
    other = frozenset(doc for doc, passages in languages.items() if passages not in (None, language))
    selection = select_evidence(question, pool, Terms(language, evidence_stopwords()), across_languages=other,
                                similarity=similarity)
    closest_quote = quote_closeness(selection, similarity) if similarity is not None else None
    if not answers and (closest_quote or 0.0) < QUOTE_CLOSENESS:
        return Choice(None)
    return Choice(selection, may_not_answer(selection, closest_quote))
