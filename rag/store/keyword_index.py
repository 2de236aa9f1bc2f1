"""The keyword index: BM25 (bm25s) over Snowball stems of accent-folded words, each passage in its own language."""
from __future__ import annotations

import json
import logging
import os
import shutil
import time
from pathlib import Path
from typing import Iterable

import numpy as np

from rag.analysis import detect_language, main_language, query_terms, query_words, terms
from rag.glossary import cognate_key, translations

log = logging.getLogger(__name__)

# Without a pause this pure-Python loop kept the GIL from the app's window for up to 240 ms (sec10q, 3.5k passages).
PASSAGES_BETWEEN_PAUSES = 200
# Saved with the index: an index made by another analysis (older Faro) is rebuilt, not misread.
ANALYSIS = "snowball-per-passage-1"
COGNATE_MIN_LENGTH = 6
COGNATE_LIMIT = 3


class KeywordIndex:
    """BM25 over passages, rebuilt from the registry when stale and cached on disk by registry generation."""

    def __init__(self, folder: Path, k1: float = 0.9, b: float = 0.4) -> None:
        self.folder = Path(folder)
        self.k1, self.b = k1, b
        self._retriever = None
        self._ids: list[str] = []
        self._positions: dict[str, int] | None = None
        self._prefixes: dict[str, list[str]] | None = None
        self._generation: int | None = None

    @property
    def ids(self) -> list[str]:
        """The chunk ids in the index, in index order."""
        return list(self._ids)

    def tokenize(self, text: str, language: str | None = None) -> list[str]:
        """The index terms of ``text``, in ``language`` or else the language the text is written in."""
        return terms(text, detect_language(text) if language is None else language)

    def is_current(self, generation: int) -> bool:
        return self._generation == generation or self._load(generation)

    def rebuild(self, passages: Iterable[tuple[str, str, str]], generation: int) -> None:
        """Index every (chunk_id, text, document language) and save the index as ``generation``.

        Each passage is stemmed in its own language; one too short to tell takes its document's main language.
        """
        import bm25s

        ids, tokens = [], []
        for count, (chunk_id, text, document_language) in enumerate(passages, 1):
            ids.append(chunk_id)
            language = detect_language(text) or main_language(document_language)
            tokens.append(self.tokenize(text, language) or [""])
            if count % PASSAGES_BETWEEN_PAUSES == 0:
                time.sleep(0)
        self._ids = ids
        self._positions = None
        self._prefixes = None
        if not ids:
            self._retriever = None
        else:
            retriever = bm25s.BM25(k1=self.k1, b=self.b)
            retriever.index(tokens, show_progress=False)
            self._retriever = retriever
        self._generation = generation
        self._save()

    def _scores(self, query: str) -> np.ndarray | None:
        if self._retriever is None:
            return None
        vocabulary = self._retriever.vocab_dict
        wanted: list[str] = []
        for word, stems in query_words(query):
            known = [t for t in stems if t in vocabulary]
            wanted += known or self._cognates(word)
            # The glossary's translations find passages in the other language ("nights" → "noches"): XQuAD hit@4
            # English over Spanish 0.874 → 0.920, Spanish over English 0.819 → 0.884; same-language unchanged.
            wanted += [t for other in translations(word) for t in query_terms(other) if t in vocabulary]
        wanted = list(dict.fromkeys(wanted))
        if not wanted:
            return None
        return np.asarray(self._retriever.get_scores(wanted), dtype=np.float32)

    def _cognates(self, word: str) -> list[str]:
        """Index terms sharing the first letters of a word the index lacks, as both languages spell them ("interceptions"
        → "intercepcion", "pharmacists" → "farmaceut")."""
        if len(word) < COGNATE_MIN_LENGTH or word.isdigit():
            return []
        if self._prefixes is None:
            self._prefixes = {}
            for term in self._retriever.vocab_dict:
                key = cognate_key(term)
                if key:
                    self._prefixes.setdefault(key, []).append(term)
        return self._prefixes.get(cognate_key(word), [])[:COGNATE_LIMIT]

    def rarity(self, index_terms: Iterable[str]) -> dict[str, float]:
        """How rare each of ``index_terms`` is among the passages (BM25's inverse document frequency); a term no
        passage holds is the rarest."""
        if self._retriever is None:
            return {term: 1.0 for term in index_terms}
        passages = len(self._ids)
        return {term: float(np.log((passages + 1) / (self._holding(term) + 0.5))) for term in index_terms}

    def unheard(self, index_terms: Iterable[str]) -> set[str]:
        """The ``index_terms`` that no passage holds (none when the index is empty)."""
        if self._retriever is None:
            return set()
        return {term for term in index_terms if self._holding(term) == 0}

    def _holding(self, term: str) -> int:
        position = self._retriever.vocab_dict.get(term)
        starts = self._retriever.scores["indptr"]
        return 0 if position is None else int(starts[position + 1] - starts[position])

    def score(self, query: str, chunk_ids: Iterable[str]) -> dict[str, float]:
        """The BM25 score of ``query`` for each of ``chunk_ids`` (0 for unknown ids)."""
        scores = self._scores(query)
        if scores is None:
            return {cid: 0.0 for cid in chunk_ids}
        if self._positions is None:
            self._positions = {cid: i for i, cid in enumerate(self._ids)}
        return {cid: float(scores[self._positions[cid]]) if cid in self._positions else 0.0 for cid in chunk_ids}

    def search(self, query: str, n: int) -> list[tuple[str, float]]:
        """The ``n`` best (chunk_id, BM25 score) pairs with a positive score."""
        scores = self._scores(query)
        if scores is None:
            return []
        n = min(n, len(scores))
        top = np.argpartition(-scores, n - 1)[:n]
        top = top[np.argsort(-scores[top])]
        return [(self._ids[i], float(scores[i])) for i in top if scores[i] > 0]

    def _save(self) -> None:
        tmp = self.folder.with_name(self.folder.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if self._retriever is not None:
            self._retriever.save(str(tmp / "bm25"))
        (tmp / "ids.json").write_text(json.dumps({"generation": self._generation, "analysis": ANALYSIS, "ids": self._ids}), encoding="utf-8")
        old = self.folder.with_name(self.folder.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if self.folder.exists():
            os.replace(self.folder, old)
        os.replace(tmp, self.folder)
        shutil.rmtree(old, ignore_errors=True)

    def _load(self, generation: int) -> bool:
        try:
            meta = json.loads((self.folder / "ids.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        if meta.get("generation") != generation or meta.get("analysis") != ANALYSIS:
            return False
        try:
            import bm25s

            self._retriever = bm25s.BM25.load(str(self.folder / "bm25")) if meta["ids"] else None
        except Exception as exc:  # a damaged cache is rebuilt from the registry
            log.warning("Keyword index cache unreadable, rebuilding: %s", exc)
            return False
        self._ids = meta["ids"]
        self._positions = None
        self._prefixes = None
        self._generation = generation
        return True
