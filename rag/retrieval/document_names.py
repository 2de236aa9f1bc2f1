"""Document-level ranking signals: a question that names a document ("Apple's Q3 2023 report", "la política
2024") or asks for the latest version ranks that document's passages first."""
from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from rag.analysis import fold, stopwords
from rag.retrieval.fusion import Scored

_ORDINAL_QUARTERS = {
    "first": "q1", "1st": "q1", "primer": "q1", "primero": "q1",
    "second": "q2", "2nd": "q2", "segundo": "q2",
    "third": "q3", "3rd": "q3", "tercer": "q3", "tercero": "q3",
    "fourth": "q4", "4th": "q4", "cuarto": "q4",
}
_QUARTER_PHRASE = re.compile(r"\b(" + "|".join(_ORDINAL_QUARTERS) + r")\s+(?:fiscal\s+|financial\s+)?(?:quarter|trimestre)\b")
# "current" says "the latest" only before a document's kind ("the current policy"), not in "current liabilities".
_RECENCY = re.compile(r"\b(latest|most recent|newest|ultim[oa]s?|mas reciente|vigente|actual)\b"
                      r"|\bcurrent(?=\s+(?:version|edition|policy|policies|report|filing|manual|document|rules?)\b)")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_QUARTER = re.compile(r"\bq([1-4])\b")
_MONTH_DATE = re.compile(r"\b(\d{1,2})[/.-]\d{1,2}[/.-]((?:19|20)\d{2})\b")
_TOKEN = re.compile(r"\d+-[A-Za-z]\b|[^\W_]+(?:['’]s\b)?", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s$")
_QUARTER_NOUNS = frozenset({"quarter", "trimestre"})
_DOCUMENT_KINDS = frozenset({"10-q", "10-k", "report", "filing", "informe"})
_RECENCY_WORDS = frozenset({"latest", "newest", "recent", "ultimo", "ultima", "ultimos", "ultimas", "reciente"})
_RECENCY_ADVERBS = frozenset({"most", "mas"})

NAME_WEIGHT = 0.3
DATE_WEIGHT = 0.3
RECENCY_WEIGHT = 0.2
# The documents a question is about: bonus within this share of the best, at most this many.
FOCUS_SHARE = 0.9
FOCUS_DOCUMENTS = 3
# A lower-case word of a document's opening text names it only when at most this many documents open with it.
RARE_OPENING_WORD = 2


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
        terms, names, dates, plain = {}, {}, {}, {}
        for row in rows:
            stem = os.path.splitext(os.path.basename(row["path"]))[0]
            names[row["doc_id"]] = frozenset(_WORD.findall(fold(f"{stem} {row['title']}")))
            proper = _proper_words(row["lead"])
            terms[row["doc_id"]] = names[row["doc_id"]] | proper
            plain[row["doc_id"]] = frozenset(_WORD.findall(fold(row["lead"]))) - proper
            dates[row["doc_id"]] = date_key(stem) or date_key(row["title"])
        # A lower-case word of the opening text names a document only when few others open with it ("touchdowns"),
        # not the cover page every filing shares ("if changed since last report").
        openings: dict[str, int] = {}
        for words in plain.values():
            for word in words:
                openings[word] = openings.get(word, 0) + 1
        for doc, words in plain.items():
            terms[doc] = terms[doc] | {w for w in words if openings[w] <= RARE_OPENING_WORD}
        frequency: dict[str, int] = {}
        for words in terms.values():
            for word in words:
                frequency[word] = frequency.get(word, 0) + 1
        total = len(terms)
        idf = {word: math.log(total / count) for word, count in frequency.items()}
        return cls(terms, names, dates, idf)

    def names_a_document(self, wanted: set[str]) -> bool:
        """Whether the question uses a word of some document's file name or title that not all documents share."""
        return any(self.is_naming_word(w) for words in self.names.values() for w in wanted & words)

    def named_by(self, doc_id: str, wanted: set[str]) -> bool:
        """Whether the question holds more than half of the distinctive words of the document's name: "the Normans",
        "the KX-440 manual", but not "French" for "French and Indian War" or "school" for "Private school"."""
        distinctive = {w for w in self.names.get(doc_id, frozenset()) if len(w) > 1 and self.is_naming_word(w)}
        return 2 * len(distinctive & wanted) > len(distinctive)

    def is_naming_word(self, word: str) -> bool:
        """A name word not all documents share, and not a year, quarter or short number ("18-Doctor_Who")."""
        short_number = word.isdigit() and len(word) < 3
        return self.idf.get(word, 0.0) > 0 and not (_YEAR.fullmatch(word) or _QUARTER.fullmatch(word) or short_number)

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


def _proper_words(text: str) -> frozenset[str]:
    """The capitalised words and numbers of a document's opening text ("Amazon.com, Inc.", "Normandía"), folded."""
    return frozenset(fold(w) for w in _WORD.findall(text) if w[:1].isupper() or w[:1].isdigit())


def document_bonus(question: str, documents: Iterable[str], names: DocumentNames) -> dict[str, float]:
    """How strongly the question names each document: its rarest name words, the date it asks for, and the
    newest document when it asks for the latest; empty when the question names no document."""
    wanted, years, quarters, latest = _naming_cues(question)
    if not (years or quarters or latest or names.names_a_document(wanted)):
        return {}
    candidates = set(documents)
    scores = {doc: names.name_score(doc, wanted) for doc in candidates}
    best = max(scores.values(), default=0.0)
    newest = _newest(candidates, names) if latest else set()
    bonus = {}
    for doc in candidates:
        value = NAME_WEIGHT * (scores[doc] / best) ** 2 if best > 0 else 0.0
        value += DATE_WEIGHT * names.date_score(doc, years, quarters)
        bonus[doc] = value + (RECENCY_WEIGHT if doc in newest else 0.0)
    return bonus


def clearly_named(question: str, documents: Iterable[str], names: DocumentNames) -> set[str]:
    """The documents the question names outright: by most distinctive words of the file name or title, by the full
    date it asks for, or as the newest when it asks for the latest (words of the opening text are not enough)."""
    wanted, years, quarters, latest = _naming_cues(question)
    candidates = set(documents)
    named = {doc for doc in candidates if names.named_by(doc, wanted)}
    if years or quarters:
        named |= {doc for doc in candidates if names.date_score(doc, years, quarters) == 1.0}
    return named | (_newest(candidates, names) if latest else set())


def _naming_cues(question: str) -> tuple[set[str], set[int], set[int], bool]:
    """The question's words (stopwords out), the years and quarters it names, and whether it asks for the latest."""
    wanted = question_terms(question) - stopwords("")
    years = {int(w) for w in wanted if _YEAR.fullmatch(w)}
    quarters = {int(w[1]) for w in wanted if _QUARTER.fullmatch(w)}
    return wanted, years, quarters, asks_for_latest(question)


def _newest(documents: set[str], names: DocumentNames) -> set[str]:
    latest_key = max((names.dates[doc] for doc in documents if names.dates.get(doc)), default=None)
    return {doc for doc in documents if latest_key and names.dates.get(doc) == latest_key}


def rerank_by_document(ranked: Sequence[Scored], chunk_documents: dict[str, str], bonus: dict[str, float]) -> list[Scored]:
    """Add each passage's document bonus (``document_bonus``) to its score."""
    if not bonus:
        return list(ranked)
    rescored = [replace(item, score=item.score + bonus.get(chunk_documents.get(item.chunk_id, ""), 0.0)) for item in ranked]
    rescored.sort(key=lambda s: s.score, reverse=True)
    return rescored


def named_documents(bonus: dict[str, float], ranked_documents: Sequence[str], clear: set[str]) -> list[str]:
    """The documents the question is about: among the best-ranked ones, those it names outright (``clear``)
    whose bonus is close to the best."""
    best = max(bonus.values(), default=0.0)
    if best <= 0:
        return []
    named = [doc for doc in dict.fromkeys(ranked_documents) if doc in clear and bonus.get(doc, 0.0) >= FOCUS_SHARE * best]
    return named[:FOCUS_DOCUMENTS]


def topic(question: str, names: DocumentNames, doc_id: str) -> str:
    """The question without the words that only say which document it is about: the document's proper names
    (capitalised in the question, in its name or opening words, not in every document's), its date, "latest"
    and the document's kind ("10-Q", "report"); what is left says what to look for inside the document."""
    own_name, own_terms = names.names.get(doc_id, frozenset()), names.terms.get(doc_id, frozenset())
    family = math.log(len(names.terms) / 2) if len(names.terms) > 1 else 0.0
    dated = names.dates.get(doc_id) is not None
    tokens = _TOKEN.findall(question)
    folded = [fold(t) for t in tokens]
    kept = []
    for index, (token, word) in enumerate(zip(tokens, folded)):
        bare = _POSSESSIVE.sub("", word)
        following = folded[index + 1] if index + 1 < len(folded) else ""
        previous = folded[index - 1] if index else ""
        rarity = names.idf.get(bare, 0.0)
        proper_name = token[:1].isupper() and 0 < rarity and (bare in own_name or (bare in own_terms and rarity <= family))
        date = dated and (_YEAR.fullmatch(bare) or _QUARTER.fullmatch(bare) or (bare in _ORDINAL_QUARTERS and following in _QUARTER_NOUNS)
                          or (bare in _QUARTER_NOUNS and previous in _ORDINAL_QUARTERS))
        recency = bare in _RECENCY_WORDS or (bare in _RECENCY_ADVERBS and following in _RECENCY_WORDS)
        if proper_name or date or recency or bare in _DOCUMENT_KINDS:
            continue
        kept.append(token)
    return " ".join(kept)
