"""Search: dense and keyword candidates, each scored both ways, fused, then re-ranked by the documents they name."""
from __future__ import annotations

from typing import Callable, Sequence

from rag.analysis import detect_language, spell_out
from rag.glossary import english_gloss
from rag.models.embedder import Embedder
from rag.retrieval.document_names import (
    DocumentNames,
    clearly_named,
    document_bonus,
    named_documents,
    rerank_by_document,
    topic,
)
from rag.retrieval.evidence_pool import document_passages
from rag.retrieval.fusion import Scored, rank, to_hits
from rag.retrieval.within_document import rank_within
from rag.store.library import Library
from rag.types import Hit

CANDIDATES = 50
# The named documents are looked for among the documents of this many best candidates.
FOCUS_CANDIDATES = 10


class Searcher:
    """Finds passages in one library; the embedder is asked for only when a dense search needs it."""

    def __init__(self, library: Library, embedder: Callable[[], Embedder]) -> None:
        self.library = library
        self._embedder = embedder
        self._names: dict[str, tuple[int, DocumentNames]] = {}
        self._last_query = None

    def search(self, collection: str, query: str, k: int, mode: str, rows_answer: bool = True) -> tuple[list[Hit], float]:
        """The ``k`` best passages for ``query`` (``mode``: fused, dense or keyword) and the best dense score.
        ``rows_answer``: a table row the question names can answer it (not when it asks for a reason)."""
        store, store_name = self.library.store, self.library.store_name(collection)
        query = spell_out(query)
        dense: list[tuple[str, float]] = []
        keyword: list[tuple[str, float]] = []
        vectors = []
        spanish = detect_language(query) == "es"
        if mode in ("fused", "dense"):
            vectors = [self._query_vector(query)]
            gloss = english_gloss(query) if spanish else ""
            if gloss:  # the English-only embedder reads English passages against the question's English words
                vectors.append(self._embed_question(gloss))
            dense = _best_of([store.query(store_name, v, max(CANDIDATES, k)) for v in vectors])
        if mode in ("fused", "keyword"):
            keyword = self.library.keyword_index(collection).search(query, max(CANDIDATES, k))
        registry = self.library.registry
        languages = None
        if mode == "fused":
            dense, keyword = self._complete_scores(collection, query, vectors, dense, keyword)
            # The bundled embedder reads English: to it a question in another language is close to every passage in
            # that language, so there each language's passages are scored by meaning among themselves (see ``fuse``).
            if spanish:
                rows = registry.chunk_rows({cid for cid, _ in dense})
                languages = {cid: row["language"].split(",")[0] for cid, row in rows.items()}
        ranked = rank(mode, dense, keyword, languages=languages)
        if mode == "fused":
            ranked = self._by_named_documents(collection, query, ranked, rows_answer)
        ranked = ranked[: max(k * 2, k + 10)]
        rows = registry.chunk_rows(s.chunk_id for s in ranked)
        best_dense = max((s for _, s in dense), default=0.0)
        return to_hits(ranked, rows)[:k], best_dense

    def document_passages(self, collection: str, question: str, hits: list[Hit]) -> list[Hit]:
        """The passages of the best document (``hits[0]``'s) that evidence is also chosen from."""
        return document_passages(self.library.registry, self.library.keyword_index(collection), question, hits,
                                 self._query_vector(spell_out(question)))

    def closeness(self, question: str) -> Callable[[list[str]], Sequence[float]]:
        """The cosine of each of some texts to ``question``, by the embedder that searched for it."""
        vector = self._query_vector(spell_out(question))
        embedder = self._embedder()
        return lambda texts: embedder.embed(texts) @ vector

    def _by_named_documents(self, collection: str, query: str, ranked: list[Scored], rows_answer: bool) -> list[Scored]:
        """When the question names documents ("Apple's latest 10-Q"), all their passages first, ranked by what the
        question asks inside them; then the other candidates, each with its document's bonus."""
        names = self._document_names(collection)
        chunk_documents = {cid: row["doc_id"] for cid, row in self.library.registry.chunk_rows(s.chunk_id for s in ranked).items()}
        bonus = document_bonus(query, chunk_documents.values(), names)
        ranked = rerank_by_document(ranked, chunk_documents, bonus)
        best_documents = [chunk_documents[s.chunk_id] for s in ranked[:FOCUS_CANDIDATES] if s.chunk_id in chunk_documents]
        named = named_documents(bonus, best_documents, clearly_named(query, best_documents, names))
        if not named:
            return ranked
        store, store_name = self.library.store, self.library.store_name(collection)
        within = rank_within(named, {doc: topic(query, names, doc) for doc in named}, self.library.registry,
                             self.library.keyword_index(collection), lambda ids: store.vectors(store_name, ids),
                             self._query_vector, rows_answer)
        first = {s.chunk_id for s in within}
        return within + [s for s in ranked if s.chunk_id not in first]

    def _query_vector(self, text: str):
        """A question's vector, with the embedder's query prompt when it has one (e5-style models); the last one is
        kept, as the evidence pool asks for it again."""
        embedder = self._embedder()
        if self._last_query is not None and self._last_query[:2] == (text, id(embedder)):
            return self._last_query[2]
        vector = self._embed_question(text)
        self._last_query = (text, id(embedder), vector)
        return vector

    def _embed_question(self, text: str):
        embedder = self._embedder()
        embed_query = getattr(embedder, "embed_query", None)
        return embed_query(text) if embed_query else embedder.embed([text])[0]

    def _complete_scores(self, collection, query, vectors, dense, keyword):
        """Give every candidate both scores, so fusion never treats "not in the other top list" as zero."""
        dense_ids, keyword_ids = {cid for cid, _ in dense}, {cid for cid, _ in keyword}
        missing_vectors = self.library.store.vectors(self.library.store_name(collection), sorted(keyword_ids - dense_ids))
        dense = dense + [(cid, max(float(v @ q) for q in vectors)) for cid, v in missing_vectors.items()]
        missing_keyword = self.library.keyword_index(collection).score(query, sorted(dense_ids - keyword_ids))
        return dense, keyword + list(missing_keyword.items())

    def _document_names(self, collection: str) -> DocumentNames:
        generation = self.library.registry.generation(collection)
        cached = self._names.get(collection)
        if cached is None or cached[0] != generation:
            cached = (generation, DocumentNames.build(self.library.registry.document_names(collection)))
            self._names[collection] = cached
        return cached[1]


def _best_of(rankings: list[list[tuple[str, float]]]) -> list[tuple[str, float]]:
    """One dense ranking from several query vectors' (the question's, its English gloss'): each passage's best score."""
    best: dict[str, float] = {}
    for ranking in rankings:
        for cid, score in ranking:
            best[cid] = max(score, best.get(cid, score))
    return sorted(best.items(), key=lambda pair: pair[1], reverse=True)
