"""Document-level ranking signals: a question that names a document ("Apple's Q3 2023 report", "la política
2024") or asks for the latest version ranks that document's passages first."""
from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from rag.analysis import fold
from rag.retrieval.fusion import Scored

_ORDINAL_QUARTERS = {
    "first": "q1", "1st": "q1", "primer": "q1", "primero": "q1",
    "second": "q2", "2nd": "q2", "segundo": "q2",
    "third": "q3", "3rd": "q3", "tercer": "q3", "tercero": "q3",
    "fourth": "q4", "4th": "q4", "cuarto": "q4",
}
_QUARTER_PHRASE = re.compile(r"\b(" + "|".join(_ORDINAL_QUARTERS) + r")\s+(?:fiscal\s+|financial\s+)?(?:quarter|trimestre)\b")
_RECENCY = re.compile(r"\b(latest|most recent|newest|current|ultim[oa]s?|mas reciente|vigente|actual)\b")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_QUARTER = re.compile(r"\bq([1-4])\b")
_MONTH_DATE = re.compile(r"\b(\d{1,2})[/.-]\d{1,2}[/.-]((?:19|20)\d{2})\b")

NAME_WEIGHT = 0.3
DATE_WEIGHT = 0.3
RECENCY_WEIGHT = 0.2


def question_terms(question: str) -> set[str]:
    """The question's words, with spelled-out quarters ("third quarter", "tercer trimestre") as ``q3``."""
    folded = fold(question)
    terms = set(_WORD.findall(folded))
    terms.update(_ORDINAL_QUARTERS[m.group(1)] for m in _QUARTER_PHRASE.finditer(folded))
    return terms


def asks_for_latest(question: str) -> bool:
    return bool(_RECENCY.search(fold(question)))


def date_key(name: str) -> tuple[int, int] | None:
    """(year, quarter) that a document's name dates it to, if any: "2023 Q3", "filed 10/24/2023", "2024"."""
    text = fold(name)
    keys = []
    years = [int(y) for y in _YEAR.findall(text)]
    quarters = [int(q) for q in _QUARTER.findall(text)]
    if years:
        keys.append((max(years), max(quarters) if quarters else 0))
    for month, year in _MONTH_DATE.findall(text):
        if 1 <= int(month) <= 12:
            keys.append((int(year), (int(month) - 1) // 3 + 1))
    return max(keys) if keys else None


@dataclass(frozen=True)
class DocumentNames:
    """For every ready document: the words that name it (file name, title, opening words) and its date."""

    terms: dict[str, frozenset[str]]
    names: dict[str, frozenset[str]]
    dates: dict[str, tuple[int, int] | None]
    idf: dict[str, float]

    @classmethod
    def build(cls, rows: Iterable) -> "DocumentNames":
        terms, names, dates = {}, {}, {}
        for row in rows:
            stem = os.path.splitext(os.path.basename(row["path"]))[0]
            names[row["doc_id"]] = frozenset(_WORD.findall(fold(f"{stem} {row['title']}")))
            terms[row["doc_id"]] = names[row["doc_id"]] | frozenset(_WORD.findall(fold(row["lead"])))
            dates[row["doc_id"]] = date_key(stem) or date_key(row["title"])
        frequency: dict[str, int] = {}
        for words in terms.values():
            for word in words:
                frequency[word] = frequency.get(word, 0) + 1
        total = len(terms)
        idf = {word: math.log(total / count) for word, count in frequency.items()}
        return cls(terms, names, dates, idf)

    def names_a_document(self, wanted: set[str]) -> bool:
        """Whether the question uses a word of some document's file name or title that not all documents share."""
        return any(self.idf.get(w, 0.0) > 0 and not _YEAR.fullmatch(w) for words in self.names.values() for w in wanted & words)

    def name_score(self, doc_id: str, wanted: set[str]) -> float:
        """Rarity-weighted words of the question found in the document's name (years and quarters excluded)."""
        words = {w for w in wanted & self.terms.get(doc_id, frozenset()) if not _YEAR.fullmatch(w) and not _QUARTER.fullmatch(w)}
        return sum(self.idf.get(word, 0.0) for word in words)

    def date_score(self, doc_id: str, years: set[int], quarters: set[int]) -> float:
        """1 when the document's date is the year (and quarter) the question names, 0.5 for half a match."""
        key = self.dates.get(doc_id)
        if key is None or not (years or quarters):
            return 0.0
        year_ok = key[0] in years if years else None
        quarter_ok = key[1] in quarters if quarters else None
        checks = [ok for ok in (year_ok, quarter_ok) if ok is not None]
        return sum(checks) / len(checks)


def rerank_by_document(question: str, ranked: Sequence[Scored], chunk_documents: dict[str, str], names: DocumentNames) -> list[Scored]:
    """Add a bonus to passages of the documents the question names best (words weighted by how rare they are
    among document names), and of the newest of those documents when the question asks for the latest."""
    wanted = question_terms(question)
    years = {int(w) for w in wanted if _YEAR.fullmatch(w)}
    quarters = {int(w[1]) for w in wanted if _QUARTER.fullmatch(w)}
    latest = asks_for_latest(question)
    if not (years or quarters or latest or names.names_a_document(wanted)):
        return list(ranked)
    candidates = set(chunk_documents.values())
    scores = {doc: names.name_score(doc, wanted) for doc in candidates}
    best = max(scores.values(), default=0.0)
    newest: set[str] = set()
    if latest:
        dated = {doc: names.dates.get(doc) for doc in candidates}
        latest = max((key for key in dated.values() if key), default=None)
        newest = {doc for doc, key in dated.items() if key and key == latest}
    rescored = []
    for item in ranked:
        doc = chunk_documents.get(item.chunk_id, "")
        bonus = NAME_WEIGHT * (scores.get(doc, 0.0) / best) ** 2 if best > 0 else 0.0
        bonus += DATE_WEIGHT * names.date_score(doc, years, quarters)
        bonus += RECENCY_WEIGHT if doc in newest else 0.0
        rescored.append(replace(item, score=item.score + bonus))
    rescored.sort(key=lambda s: s.score, reverse=True)
    return rescored
