"""Chooses a question's evidence among the passages found, or decides that the library does not answer it."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Sequence

from rag.answer.abstention import (QUOTE_CLOSENESS, UNRELATED_QUOTE, glossed_quote_closeness, library_answers,
                                   may_not_answer, quote_closeness, quoted_in_full)
from rag.answer.evidence import Selection, select_evidence
from rag.answer.language import passages_language
from rag.answer.passage_units import ROW
from rag.answer.question_kind import AMOUNT, CONTACT, misses_unit, offers
from rag.answer.terms import Terms, evidence_stopwords
from rag.answer.unmentioned import asked_thing, holds_thing, unmentioned_name, unmentioned_subject
from rag.store.keyword_index import KeywordIndex
from rag.types import Hit

Closeness = Callable[[list[str]], Sequence[float]]


@dataclass(frozen=True)
class Choice:
    """The evidence chosen (None: the library does not answer), whether it may not answer the question, and what the
    question names or counts that the passages found do not mention ("" when they mention all)."""

    selection: Selection | None
    weak: bool = False
    unmentioned: str = ""
    # Whether ``unmentioned`` is a name or the question's subject ("Chicago", "acetone"), which no paraphrase stands
    # for; a thing ("habitantes") may be there in other words.
    entity: bool = False


def document_languages(hits: Sequence[Hit]) -> dict[str, str | None]:
    """Each document's language ("en", "es" or None) by its passages among ``hits``: a library may mix both."""
    texts: dict[str, list[str]] = {}
    for hit in hits:
        texts.setdefault(hit.doc_id, []).append(hit.text)
    return {doc: passages_language(passages) for doc, passages in texts.items()}


def choose_evidence(question: str, language: str, hits: list[Hit], best_dense: float, keyword: KeywordIndex,
                    min_relevance: float, more_passages: Callable[[], list[Hit]], closeness: Callable[[str], Closeness]) -> Choice:
    """The evidence for ``question`` (in ``language``) from ``hits`` and ``more_passages()`` (the best document's
    others), unless neither the passages nor a quote close in meaning say the library answers it: for English, its
    closeness to the question (``closeness(question)``, the embedder's cosine of texts to a question); for Spanish over
    English quotes, to the question's English gloss. Each document is read in its own language."""
    if not hits:
        return Choice(None)
    pool = hits + more_passages()
    languages = document_languages(pool)
    answers = library_answers(question, language, languages, hits, best_dense, keyword, min_relevance)
    # The bundled embedder reads English only (see MEANING_WEIGHT and QUOTE_CLOSENESS).
    similarity = closeness(question) if language == languages[hits[0].doc_id] == "en" else None
    other = frozenset(doc for doc, passages in languages.items() if passages not in (None, language))
    terms = Terms(language, evidence_stopwords())
    selection = select_evidence(question, pool, terms, across_languages=other,
                                similarity=similarity)
    closest_quote = quote_closeness(selection, similarity) if similarity is not None else None
    # The first quote holds every keyword, as a synonym ("How heavy…?" and "Weight | 38 kg"), a translation or in its
    # document's title ("the compressor" of the compressor's manual).
    answers = answers or bool(selection.chosen and selection.chosen[0].holds_all)
    if not answers and (closest_quote or 0.0) < QUOTE_CLOSENESS and similarity is None:
        if quoted_in_full(question, language, selection, languages, keyword):
            answers = True
        else:
            closest_quote = glossed_quote_closeness(question, language, selection, languages, closeness)
    if not answers and (closest_quote or 0.0) < QUOTE_CLOSENESS:
        return Choice(None)
    read = closest_quote is not None and selection.chosen and languages.get(selection.chosen[0].hit.doc_id) == language
    if read and closest_quote < UNRELATED_QUOTE:  # the embedder reads the first quote: it speaks of something else
        return Choice(None)
    missing, entity, checked = _unmentioned(question, language, pool, languages, selection, terms)
    if missing:  # a figure or name in the quotes would answer something else
        return Choice(checked, True, missing, entity)
    # A count or amount dropped for being of something else leaves a quote that gives none of what is asked.
    counted_elsewhere = checked != selection and selection.kind == AMOUNT
    # A measure asked that no quote gives in its unit (a price in no currency) may be answered nowhere.
    unit_missing = selection.kind == AMOUNT and misses_unit([c.unit.text for c in selection.chosen], question)
    return Choice(checked, counted_elsewhere or unit_missing or may_not_answer(selection, closest_quote))


def _unmentioned(question: str, language: str, pool: Sequence[Hit], languages: dict[str, str | None],
                 selection: Selection, terms: Terms) -> tuple[str, bool, Selection]:
    """A name the question gives that no passage of ``pool`` in its language holds, or the thing it asks about that
    no quote of ``selection`` names, in its language or translated, when some quote is in its language ("" when
    neither); whether it is a name (or the question's subject); and ``selection`` without the short answers that
    answer something else: all of them when something is unmentioned, else a sentence's figure or name with the
    thing named nowhere near it."""
    # Across languages names and things are written otherwise: when the best passage is in the question's language,
    # names and subjects are looked for in the passages in it; else names in every passage, as the glossary translates
    # them or as cognates ("¿Cuál es la capital de Francia?" over filings in English showed a share capital's figure).
    same_language = [h.text + " " + h.source for h in pool if languages.get(h.doc_id) in (None, language)]
    ours_first = languages.get(pool[0].doc_id) == language
    if ours_first:
        name = unmentioned_name(question, terms, same_language) or unmentioned_subject(question, same_language)
    else:
        name = unmentioned_name(question, terms, [h.text + " " + h.source for h in pool], across=True)
    # A web address, an e-mail or a phone number named as one needs no "website" or "phone" beside it.
    given = (selection.kind == CONTACT and bool(selection.chosen)
             and offers(CONTACT, selection.chosen[0].unit.text, question) == 1.0)
    thing = "" if given else asked_thing(question)
    ours = [c for c in selection.chosen if languages.get(c.hit.doc_id) in (None, language)]
    # A table row gives what its columns say without their words ("Salad bar (per kg) | 12.00 EUR").
    unnamed_thing = bool(thing and ours and not any(
        c.unit.kind == ROW or holds_thing(thing, f"{c.unit.text} {c.unit.context}", terms, language,
                                          across=c not in ours) for c in selection.chosen))
    if name or unnamed_thing:
        bare = tuple(replace(c, answer="") for c in selection.chosen)
        return name or thing, bool(name), replace(selection, chosen=bare)
    if thing and ours and ours[0] is selection.chosen[0] and ours[0].answer and ours[0].unit.kind != ROW:
        first = selection.chosen[0]
        at = first.unit.text.find(first.answer)
        if at >= 0 and not holds_thing(thing, first.unit.text, terms, language, (at, at + len(first.answer))):
            return "", False, replace(selection, chosen=(replace(first, answer=""),) + selection.chosen[1:])
    return "", False, selection
