"""Ranks every passage of the documents a question names by what it asks, not by the words that name them."""
from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from rag.retrieval.fusion import Scored, fuse
from rag.store.keyword_index import KeywordIndex
from rag.store.registry import Registry


def rank_within(
    documents: Sequence[str],
    topics: dict[str, str],
    registry: Registry,
    keyword: KeywordIndex,
    vectors: Callable[[list[str]], dict[str, np.ndarray]],
    embed_query: Callable[[str], np.ndarray],
) -> list[Scored]:
    """All passages of ``documents``, each document's ranked by its topic (``topics[doc]``: the question without
    the words naming it) with dense and keyword scores fused within the document; documents interleave by score."""
    topic_vectors = {text: embed_query(text) for text in dict.fromkeys(topics[doc] for doc in documents)}
    ranked: list[Scored] = []
    for doc in documents:
        ids = registry.chunk_ids_of(doc)
        found = vectors(ids)
        query = topic_vectors[topics[doc]]
        dense = [(cid, float(found[cid] @ query)) for cid in ids if cid in found]
        ranked.extend(fuse(dense, list(keyword.score(topics[doc], ids).items())))
    ranked.sort(key=lambda s: s.score, reverse=True)
    return ranked

