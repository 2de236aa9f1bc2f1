"""Ranks every passage of the documents a question names by what it asks, not by the words that name them."""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Sequence

import numpy as np

from rag.analysis import main_language, terms
from rag.retrieval.fusion import Scored, fuse
from rag.store.keyword_index import KeywordIndex
from rag.store.registry import Registry

# A passage holding a table row whose own label the question names ("Gross margin | Three Months Ended …: 40,215" for
# "What was the reported gross margin for Microsoft…?") ranks up by this much over prose on the same subject ("Gross
# margin increased $2.9 billion or 20%…"), which shares the words but seldom holds the figure asked. Scores inside a
# document run from 0 to 1. sec10q single-chunk questions, answer-bearing passage among the top 5 (59 judged, one
# ingest): 0.508 without it; 0.4: 0.559, 0.5: 0.576 (a first try at 0.2: 0.525). Not for a question asking for a
# reason: "the chief factor affecting Microsoft's operating income" lost its passage to the statement's rows (0.593).
ROW_LABEL_BONUS = 0.5
# A label of this many named words earns the whole bonus; one of fewer, its share ("Inventories": half).
LABEL_WORDS_IN_FULL = 2
# Label words a question need not say: "Total net revenue" is the revenue asked (0.542 → 0.559 above with "net").
_GENERIC_LABEL_WORDS = frozenset({"total", "net"})
# Passages whose label words are kept between questions (a 10-Q has about 500; each entry keys on the passage's text,
# so this holds a few MB).
LABELS_KEPT = 4096


def rank_within(
    documents: Sequence[str],
    topics: dict[str, str],
    registry: Registry,
    keyword: KeywordIndex,
    vectors: Callable[[list[str]], dict[str, np.ndarray]],
    embed_query: Callable[[str], np.ndarray],
    rows_answer: bool = True,
) -> list[Scored]:
    """All passages of ``documents``, each document's ranked by its topic (``topics[doc]``: the question without
    the words naming it) with dense and keyword scores fused within the document and, when ``rows_answer``, a bonus for
    a table row the topic names; documents interleave by score."""
    topic_vectors = {text: embed_query(text) for text in dict.fromkeys(topics[doc] for doc in documents)}
    ranked: list[Scored] = []
    for doc in documents:
        rows = registry.chunks_of(doc)
        ids = [row["chunk_id"] for row in rows]
        found = vectors(ids)
        query = topic_vectors[topics[doc]]
        dense = [(cid, float(found[cid] @ query)) for cid in ids if cid in found]
        fused = fuse(dense, list(keyword.score(topics[doc], ids).items()))
        texts = {row["chunk_id"]: row["text"] for row in rows}
        record = registry.document(doc)
        language = main_language(record.language) if record else ""
        asked = {t for t in terms(topics[doc], language) if t.isalpha()}
        ranked.extend(Scored(s.chunk_id, s.score + (named_row_bonus(texts.get(s.chunk_id, ""), asked, language)
                                                    if rows_answer else 0.0), s.dense, s.keyword) for s in fused)
    ranked.sort(key=lambda s: s.score, reverse=True)
    return ranked


def named_row_bonus(passage: str, asked: set[str], language: str) -> float:
    """``ROW_LABEL_BONUS`` for a passage with a table row ("Label | Column: figure") every word of whose own label (the
    part after the last ": ", "Total" and "Net" aside) is among the question's terms ``asked`` (in ``language``); its
    share for a shorter label."""
    named = max((len(words) for words in _row_label_words(passage, language) if words <= asked), default=0)
    return ROW_LABEL_BONUS * min(named, LABEL_WORDS_IN_FULL) / LABEL_WORDS_IN_FULL


@lru_cache(maxsize=LABELS_KEPT)
def _row_label_words(passage: str, language: str) -> tuple[frozenset[str], ...]:
    labels = []
    for line in passage.splitlines():
        if " | " in line:
            leaf = line.split(" | ", 1)[0].strip(" :").rsplit(": ", 1)[-1]
            words = frozenset(t for t in terms(leaf, language) if t.isalpha()) - _GENERIC_LABEL_WORDS
            if words:
                labels.append(words)
    return tuple(labels)
