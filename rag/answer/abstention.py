"""Decides whether the library answers a question: how well its best passages match it, in its language or across."""
from __future__ import annotations

import re
from typing import Callable, Mapping, Sequence

from rag.analysis import spell_out
from rag.answer.evidence import FIGURES, Selection
from rag.answer.passage_units import ROW
from rag.answer.question_kind import content_words, measure_given
from rag.answer.terms import FILLER, MODALS
from rag.glossary import english_gloss, phrases_translated, shared_across_languages
from rag.store.keyword_index import KeywordIndex
from rag.types import Hit

# The best passages whose keywords count.
CHECKED_PASSAGES = 3


def library_answers(question: str, language: str, languages: Mapping[str, str | None], hits: Sequence[Hit],
                    best_dense: float, keyword: KeywordIndex, base: float) -> bool:
    """Whether the ``hits`` found for ``question`` (in ``language``; ``languages`` gives each document's) are close
    enough to answer it rather than abstain; ``base`` is the relevance English needs over English
    (``Config.min_relevance``). Each best passage is judged in its own document's language: a mixed library's Spanish
    policy may answer an English question that its English handbook ranked above does not."""
    if not hits:
        return False
    asked = question_keywords(question, language, keyword)
    best = hits[:CHECKED_PASSAGES]
    named = names_found(question, [h.text for h in best])
    unheard = UNHEARD_WORDS_MARGIN if len(keyword.unheard(asked)) >= UNHEARD_WORDS else 0.0
    for hit in best:
        passages = languages.get(hit.doc_id)
        across = passages not in (None, language)
        rarity = None if across else keyword.rarity(asked)
        text = hit.text + " " + hit.source
        found = set(keyword.tokenize(text))
        if across:  # and stemmed as the question is, for the names both languages share ("Thomas Davis")
            found |= set(keyword.tokenize(text, language))
        coverage = keyword_coverage(asked, found, language if across else "", rarity)
        needed = min_relevance(base, language, passages) + (0.0 if across else unheard)
        if relevance(best_dense, coverage, not across, named) >= needed:
            return True
    return False


def question_keywords(question: str, language: str, keyword: KeywordIndex) -> set[str]:
    """The index terms of the question's content words, stemmed in its own language (a short question, "¿Qué cantó
    Lady Gaga?", is too short to detect its language from), without the words that only say how it is asked
    (``terms.FILLER``: "¿Qué hago si he hecho clic…?" is about the click)."""
    asked = " ".join(w for w in content_words(spell_out(question)).split() if w.strip("¿?¡!.,;:") not in FILLER)
    return set(keyword.tokenize(asked, language))


# Within one language the keywords count by rarity and a little more: XQuAD English questions abstained 5.2% → 4.6%,
# Spanish 2.0% → 1.3%, with fewer off-topic questions answered over the Spanish library (5 → 1 of 50).
RARE_WORD_WEIGHT = 0.55
SHARE_WEIGHT = 0.5
# Words of the question that no passage of the library holds say it is about something else ("¿Cómo se renueva el
# pasaporte en España?" over XQuAD's articles, which speak of "España" but never of a passport): with two or more, a
# question over passages in its language needs this much more relevance. Over the Spanish XQuAD library, 80 off-topic
# questions answered 12 → 9 (passport, income tax, Unamuno), 306 answerable abstained 4 → 5; over the English one and
# sec10q nothing changed. One unheard word is too common among answerable questions to count (a verb conjugated
# otherwise than the article: 83 of 306 Spanish questions have one).
UNHEARD_WORDS = 2
UNHEARD_WORDS_MARGIN = 0.04
# A name of two or more words from the question ("Lady Gaga", "Halford Mackinder") printed in a best passage says the
# library is about what is asked, whatever the embedder makes of it: XQuAD English abstained 4.6% → 3.9%, English over
# the Spanish library 21.2% → 20.3%; none of 50 off-topic questions more answered (0.05 to 0.10 alike; 0.15 answered one).
NAME_FOUND_BONUS = 0.08
_NAME = re.compile(r"(?<![.!?¿¡]\s)(?<!^)(?<![¿¡])\b([A-ZÁÉÍÓÚÑ][\w’'-]+(?:\s+(?:de |of |the )?[A-ZÁÉÍÓÚÑ][\w’'-]+)+)")


def relevance(best_dense: float, coverage: float, by_rarity: bool = False, name_found: bool = False) -> float:
    """How well the library matches a question: best passage cosine plus about half the share of keywords found
    (``by_rarity``: a share weighed by how rare each keyword is, see ``keyword_coverage``), and a little more when a
    best passage prints a name the question gives (``name_found``, see ``names_found``).

    Calibrated on sec10q and Spanish policy questions against off-topic ones: answerable questions scored 0.76 or
    more, off-topic ones 0.50 or less (Spanish off-topic questions reach 0.45 on cosine alone with MiniLM).
    """
    return best_dense + (RARE_WORD_WEIGHT if by_rarity else SHARE_WEIGHT) * coverage + (NAME_FOUND_BONUS if name_found else 0.0)


def names_found(question: str, texts: Sequence[str]) -> bool:
    """Whether one of ``texts`` prints a name of two or more capitalised words that the question gives, not as its
    first word ("What did Lady Gaga sing?")."""
    return any(name in text for name in _NAME.findall(question) for text in texts)


# The bundled embedder is English-only: any two Spanish texts look alike to it (off-topic Spanish questions reached
# 0.64 on the Spanish XQuAD library, answerable ones 0.67 and more in 98% of cases), so other languages need more.
OTHER_LANGUAGE_MARGIN = 0.05
# Across languages (an English question over Spanish passages) it sees little likeness at all: answerable English
# questions over the Spanish XQuAD library had a median relevance of 0.55 (60% under 0.6, and the evidence then held the
# answer about half the time), off-topic English questions there reached 0.49 at most; Spanish off-topic questions over
# English libraries 0.23.
CROSS_LANGUAGE_DISCOUNT = 0.1
# A Spanish question is also read through its English gloss (``glossary.english_gloss``), which the embedder reads as
# English: over English passages it needs more than across languages otherwise. XQuAD Spanish questions over the English
# library, and 98 Spanish questions no library here answers (over SciFact, sec10q and XQuAD English): at 0.10 off,
# 220 answered (165 holding the answer) and 10 off-topic answered; at 0.05, 191 (148) and 5; without the gloss 164
# (120) and 4.
GLOSSED_DISCOUNT = 0.05


def min_relevance(base: float, language: str, passages: str | None = None) -> float:
    """The relevance a question in ``language`` needs before Faro answers it from passages in language ``passages``
    (``base`` for English over English)."""
    if passages is not None and passages != language:
        return base - (GLOSSED_DISCOUNT if (language, passages) == ("es", "en") else CROSS_LANGUAGE_DISCOUNT)
    return base if language == "en" else base + OTHER_LANGUAGE_MARGIN


# A word found only as a cognate or a translation counts for less: English questions over the Spanish XQuAD library
# abstained 23.9% (cognates alone), 16.7% (translations in full) and 21.2% (at 0.75), while 3, 4 and 3 of 40 off-topic
# questions got an answer there.
TRANSLATED_WORD_WEIGHT = 0.75


def keyword_coverage(asked: set[str], found: set[str], across_languages: str = "", rarity: Mapping[str, float] | None = None) -> float:
    """Share of the question's keywords ``asked`` among a text's ``found``; ``across_languages`` (the question's
    language, when the text is in the other) also counts cognates and glossary translations, for less.

    With ``rarity`` (same language only) each keyword counts by how rare it is in the library, so a question's rare
    name ("Mackinder") found says more than a common word ("born"), and an unknown word weighs most against."""
    if not asked:
        return 0.0
    exact = asked & found
    if rarity is not None and not across_languages:
        total = sum(rarity[word] for word in asked)
        return sum(rarity[word] for word in exact) / total if total > 0 else 0.0
    if not across_languages:
        return len(exact) / len(asked)
    translated = shared_across_languages(asked, found, across_languages) - exact
    return (len(exact) + TRANSLATED_WORD_WEIGHT * len(translated)) / len(asked)


# A question whose passages match it too little as wholes may still have its answer in one sentence ("Personal USB
# storage devices must not be connected to company computers" in a page about devices and passwords). English
# questions over English libraries, by the bundled embedder's cosine of question and quote: XQuAD English abstained
# 12 → 5 of 306 at 0.44 (0.40: 4, and "What language is spoken in Brazil?" got an answer the library does not hold);
# none of 48 off-topic questions over the English XQuAD and sec10q libraries answered (the highest reached 0.42).
QUOTE_CLOSENESS = 0.44
# And when they match it enough, its best quote may still be about something else entirely ("To estimate the lost
# investment of domestically educated doctors migrating…" for "What is the capital of Australia?" over 5,183
# biomedical abstracts, where "capital" is a common word): below this the library does not answer. No answerable
# XQuAD English or sec10q question's quotes were below 0.28 (two were below 0.30); of 42 English off-topic questions
# over SciFact, 11 were shown, 4 of them below 0.28.
UNRELATED_QUOTE = 0.28
# Below this, the quotes for an English question that asks no figure "may not answer" it, whatever words they share:
# XQuAD English, 20 of 301 answers so marked (13 right) against 0 before; sec10q 17 of 76 (4 right, the others 29 of
# 59) against 8 (3 right); 11 of 24 questions on the same articles that they do not answer (against 0). Figures keep
# the keyword rule: the embedder reads table rows poorly.
HEDGE_CLOSENESS = 0.5
# Unless the first quote (with the sentence before it) holds every keyword of the question: "No. Personal USB storage
# devices must not be connected to company computers." under an FAQ's "Can I use a personal USB stick?" (cosine 0.44).
# XQuAD English: 3 of 21 answers so marked are no longer (2 right); none of 58 near-topic questions.
FULL_COVERAGE = 0.999


# In the question's language, a quote may lack one keyword of a question of at least this many ("¿A qué altura del
# suelo se coloca la unidad exterior?" over "La unidad exterior se coloca … a un mínimo de 30 cm del suelo").
ALL_BUT_ONE_KEYWORDS = 4
# Across languages, a quote that holds every keyword, translated, answers a question of at least this many keywords.
TRANSLATED_KEYWORDS = 3
# All but one, read with the row's header and the document's name, of a question of at least this many: "What is the
# hotel limit per night for international trips?" over "Hotel por noche | … | Internacional: 180 €" of "Política de
# viajes 2024" (no cell says "limit"). XQuAD across languages: 2 more answered (both holding the answer), none of 160
# off-topic questions over the two libraries.
ALL_BUT_ONE_TRANSLATED = 5


def quoted_in_full(question: str, language: str, selection: Selection, languages: Mapping[str, str | None],
                   keyword: KeywordIndex) -> bool:
    """Whether a quote of ``selection`` holds every keyword of ``question``: "¿Dónde está el termostato?" over "El
    termostato está en la pared del pasillo" is answered, however little the English-only embedder makes of the short
    Spanish question against a page about several things (cosine 0.10); all but one of a question of
    ``ALL_BUT_ONE_KEYWORDS`` or more. A quote in the other language holds them as cognates or glossary translations,
    for a question of ``TRANSLATED_KEYWORDS`` or more ("Are traffic fines reimbursed?" over "No se reembolsan las
    multas de tráfico")."""
    asked = question_keywords(question, language, keyword)
    if not asked:
        return False
    for chosen in selection.chosen:
        passages = languages.get(chosen.hit.doc_id)
        held = f"{chosen.unit.text} {measure_given(question, chosen.unit.text)}"  # "30 cm" says "distancia"
        if passages == language and len(asked - set(keyword.tokenize(held, language))) <= (
                1 if len(asked) >= ALL_BUT_ONE_KEYWORDS else 0):
            return True
        if passages not in (None, language) and len(asked) >= TRANSLATED_KEYWORDS:
            # a row's header, the document's name, the measure its unit gives ("50 km/h" says "speed")
            text = f"{chosen.unit.text} {chosen.unit.context} {chosen.hit.source} {measure_given(question, chosen.unit.text)}"
            found = set(keyword.tokenize(text)) | set(keyword.tokenize(f"{text} {MODALS}", language))
            found |= set(keyword.tokenize(phrases_translated(question, text), language))
            if len(asked - found - shared_across_languages(asked, found, language)) <= (
                    1 if len(asked) >= ALL_BUT_ONE_TRANSLATED else 0):
                return True
    return False


def glossed_quote_closeness(question: str, language: str, selection: Selection, languages: Mapping[str, str | None],
                            closeness: Callable[[str], Callable[[list[str]], Sequence[float]]]) -> float | None:
    """For a Spanish ``question``, the highest cosine of its English gloss (``glossary.english_gloss``, which the
    English-only embedder reads) to the quotes of ``selection`` that are in English and hold some of its keywords:
    "¿Qué cantó Lady Gaga?" (0.53 to "Lady Gaga performed the national anthem"); None for other questions or none
    such quote. XQuAD Spanish questions over the English library the passages alone said nothing about, 111 of 306:
    11 reached 0.42 (9 of them quoting the answer), 7 reached 0.44 (5); 90 Spanish off-topic questions over SciFact,
    sec10q and XQuAD English reached 0.41 at most, 50 on the same articles that they do not answer 0.38."""
    if language != "es":
        return None
    quotes = [c.unit.text for c in selection.chosen if c.coverage > 0 and languages.get(c.hit.doc_id) == "en"]
    return float(max(closeness(english_gloss(question))(quotes))) if quotes else None


def quote_closeness(selection: Selection, closeness: Callable[[list[str]], Sequence[float]]) -> float:
    """The highest cosine to the question (``closeness``: the embedder's, of each text) among the quotes of
    ``selection`` that hold some of its keywords; 0 when none does."""
    quotes = [c.unit.text for c in selection.chosen if c.coverage > 0]
    return float(max(closeness(quotes))) if quotes else 0.0


def may_not_answer(selection: Selection, closest_quote: float | None) -> bool:
    """Whether the evidence should be shown as "this may not answer your question": by meaning when the question's
    best quote was measured (``closest_quote``, see ``quote_closeness``) and asks no figure, else by keywords (also
    when the best quote is a table row, which the embedder reads poorly: "3.0 m to 4.5 m 1,600 kg" for "What is the
    load capacity at 4 m lift height?" scored 0.41), and not when the first quote holds all the question's words."""
    if closest_quote is None:
        return selection.weak
    if selection.kind in FIGURES or (selection.chosen and selection.chosen[0].unit.kind == ROW):
        return selection.weak and closest_quote < QUOTE_CLOSENESS
    return closest_quote < HEDGE_CLOSENESS and not (selection.chosen and selection.chosen[0].coverage >= FULL_COVERAGE)
