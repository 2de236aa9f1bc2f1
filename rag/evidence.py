"""Picks the one to three sentences, list items or table rows that answer a question, from the best passages found."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from rag.passage_units import ROW, Unit, split_units
from rag.question_kind import AMOUNT, DATE, FREQUENCY, NAME, fold, offers, question_kind
from rag.types import Hit

POOL_PASSAGES = 24
DENSE_CANDIDATES = 40
MAX_EVIDENCE = 3
KEEP_RATIO = 0.86
WEAK_SCORE = 0.42
WEAK_COVERAGE = 0.34
WEIGHTS = {"keywords": 0.34, "phrase": 0.08, "kind": 0.14, "dense": 0.34, "rank": 0.10}
# Words that say how a question is asked, not what it is about.
_FILLER = frozenset(
    "report reported reports reporting latest recent recently most filing filings disclose disclosed mention mentioned "
    "provide provided specific specifically significant detail details according document documents state stated "
    "indica indicado segun documento documentos informe".split()
)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)

Embed = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True)
class Candidate:
    """A unit of one passage of the pool, with its score and the share of the question's keywords it holds."""

    hit: Hit
    unit: Unit
    score: float
    coverage: float


@dataclass(frozen=True)
class Selection:
    """The chosen evidence, best first; ``weak`` when even the best may not answer the question."""

    chosen: tuple[Candidate, ...]
    weak: bool
    kind: str


class Terms:
    """Accent-folded word stems without stop words (Snowball stems when PyStemmer is installed)."""

    def __init__(self, language: str, stopwords: frozenset[str] = frozenset()) -> None:
        self.stopwords = stopwords | _FILLER
        try:
            import Stemmer

            self._stem = Stemmer.Stemmer("spanish" if language == "es" else "english").stemWord
        except ImportError:
            self._stem = lambda word: word[:6]

    def __call__(self, text: str) -> list[str]:
        return [self._stem(w) for w in _WORD.findall(fold(text)) if w not in self.stopwords and (len(w) > 1 or w.isdigit())]


def select_evidence(
    question: str, hits: Sequence[Hit], terms: Terms, embed: Embed | None = None, limit: int = MAX_EVIDENCE
) -> Selection:
    """The units of ``hits`` that best answer ``question``: keywords (weighted by rarity in the pool), phrases,
    the kind of answer asked for, similarity with the embedder (when given) and the passage's rank."""
    kind = question_kind(question)
    wanted = terms(question)
    candidates = _candidates(hits)
    if not candidates or not wanted:
        return Selection((), True, kind)
    unit_terms = [terms(u.text + " " + u.context) for _, u, _ in candidates]
    idf = _idf(unit_terms)
    weights = {t: idf.get(t, math.log(1 + len(unit_terms))) for t in set(wanted)}
    total = sum(weights.values()) or 1.0
    pairs = set(zip(wanted, wanted[1:]))
    pre: list[tuple[float, float, int]] = []
    for index, ((hit, unit, rank), found) in enumerate(zip(candidates, unit_terms)):
        present = set(found)
        coverage = sum(w for t, w in weights.items() if t in present) / total
        phrase = len(pairs & set(zip(found, found[1:]))) / len(pairs) if pairs else 0.0
        fit = offers(kind, unit.text, question)
        if unit.kind == ROW and kind in (AMOUNT, DATE) and coverage > 0:
            fit = max(fit, 0.8)
        prior = 1.0 - rank / max(1, len(hits))
        score = (WEIGHTS["keywords"] * coverage + WEIGHTS["phrase"] * phrase + WEIGHTS["kind"] * fit
                 + WEIGHTS["rank"] * prior)
        pre.append((score, coverage, index))
    pre.sort(reverse=True)
    shortlist = pre[:DENSE_CANDIDATES]
    dense = _dense_scores(question, [candidates[i][1].text for _, _, i in shortlist], embed)
    scored = []
    for (score, coverage, index), similarity in zip(shortlist, dense):
        hit, unit, _ = candidates[index]
        scored.append(Candidate(hit, unit, score + WEIGHTS["dense"] * similarity, coverage))
    scored.sort(key=lambda c: c.score, reverse=True)
    chosen = _choose(scored, kind, limit)
    best = chosen[0]
    weak = best.score < WEAK_SCORE or best.coverage < WEAK_COVERAGE
    return Selection(tuple(chosen), weak, kind)


def _candidates(hits: Sequence[Hit]) -> list[tuple[Hit, Unit, int]]:
    """Every unit of every passage, once (neighbouring passages overlap), with its passage's rank."""
    seen: set[tuple[str, str]] = set()
    result = []
    for rank, hit in enumerate(hits):
        for unit in split_units(hit.text):
            key = (hit.doc_id, unit.text)
            if key not in seen:
                seen.add(key)
                result.append((hit, unit, rank))
    return result


def _idf(documents: list[list[str]]) -> dict[str, float]:
    frequency: dict[str, int] = {}
    for words in documents:
        for word in set(words):
            frequency[word] = frequency.get(word, 0) + 1
    count = len(documents)
    return {word: math.log(1 + count / df) for word, df in frequency.items()}


def _dense_scores(question: str, texts: list[str], embed: Embed | None) -> list[float]:
    if embed is None or not texts:
        return [0.5] * len(texts)
    vectors = np.asarray(embed([question, *texts]), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1)
    norms[norms == 0] = 1.0
    vectors = vectors / norms[:, None]
    return [float(max(0.0, s)) for s in vectors[1:] @ vectors[0]]


def _choose(scored: list[Candidate], kind: str, limit: int) -> list[Candidate]:
    """The best unit, then up to ``limit - 1`` more that score nearly as well (a specific question wants fewer)."""
    best = scored[0]
    room = limit if kind not in (AMOUNT, DATE, FREQUENCY, NAME) else max(1, limit - 1)
    chosen = [best]
    for candidate in scored[1:]:
        if len(chosen) >= room or candidate.score < KEEP_RATIO * best.score:
            break
        if all(candidate.unit.text != c.unit.text for c in chosen):
            chosen.append(candidate)
    return chosen
