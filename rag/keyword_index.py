"""The keyword index: BM25 (bm25s) over accent-folded words, English and Spanish stopwords removed."""
from __future__ import annotations

import json
import logging
import os
import re
import shutil
import time
import unicodedata
from pathlib import Path
from typing import Iterable

import numpy as np

log = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Without a pause this pure-Python loop kept the GIL from the app's window for up to 240 ms (sec10q, 3.5k passages).
PASSAGES_BETWEEN_PAUSES = 200


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN, STOPWORDS_SPANISH

    return frozenset(_fold(w) for w in (*STOPWORDS_EN, *STOPWORDS_SPANISH))


class KeywordIndex:
    """BM25 over passages, rebuilt from the registry when stale and cached on disk by registry generation."""

    def __init__(self, folder: Path, k1: float = 0.9, b: float = 0.4) -> None:
        self.folder = Path(folder)
        self.k1, self.b = k1, b
        self._stop = stopwords()
        self._retriever = None
        self._ids: list[str] = []
        self._positions: dict[str, int] | None = None
        self._generation: int | None = None

    @property
    def ids(self) -> list[str]:
        """The chunk ids in the index, in index order."""
        return list(self._ids)

    def tokenize(self, text: str) -> list[str]:
        return [w for w in _WORD.findall(_fold(text)) if w not in self._stop]

    def is_current(self, generation: int) -> bool:
        return self._generation == generation or self._load(generation)

    def rebuild(self, passages: Iterable[tuple[str, str]], generation: int) -> None:
        """Index every (chunk_id, text) and save the index as ``generation``."""
        import bm25s

        ids, tokens = [], []
        for count, (chunk_id, text) in enumerate(passages, 1):
            ids.append(chunk_id)
            tokens.append(self.tokenize(text) or [""])
            if count % PASSAGES_BETWEEN_PAUSES == 0:
                time.sleep(0)
        self._ids = ids
        self._positions = None
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
        terms = [t for t in self.tokenize(query) if t in self._retriever.vocab_dict]
        if not terms:
            return None
        return np.asarray(self._retriever.get_scores(terms), dtype=np.float32)

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
        (tmp / "ids.json").write_text(json.dumps({"generation": self._generation, "ids": self._ids}), encoding="utf-8")
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
        if meta.get("generation") != generation:
            return False
        try:
            import bm25s

            self._retriever = bm25s.BM25.load(str(self.folder / "bm25")) if meta["ids"] else None
        except Exception as exc:  # a damaged cache is rebuilt from the registry
            log.warning("Keyword index cache unreadable, rebuilding: %s", exc)
            return False
        self._ids = meta["ids"]
        self._positions = None
        self._generation = generation
        return True
