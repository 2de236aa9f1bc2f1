"""Hybrid retrieval: dense (Chroma) and keyword (BM25) rankings fused by weighted min-max scores."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from rag.types import Hit

MODES = ("fused", "dense", "keyword")


@dataclass(frozen=True)
class Scored:
    chunk_id: str
    score: float
    dense: float
    keyword: float


def _normalise(pairs: Sequence[tuple[str, float]]) -> dict[str, float]:
    if not pairs:
        return {}
    values = [s for _, s in pairs]
    low, high = min(values), max(values)
    if high - low < 1e-9:
        return {cid: 1.0 for cid, _ in pairs}
    return {cid: (s - low) / (high - low) for cid, s in pairs}


def fuse(
    dense: Sequence[tuple[str, float]], keyword: Sequence[tuple[str, float]], dense_weight: float = 0.5
) -> list[Scored]:
    """One ranking from two: each list min-max normalised, then ``w·dense + (1-w)·keyword`` (absent = 0)."""
    dense_norm, keyword_norm = _normalise(dense), _normalise(keyword)
    dense_raw, keyword_raw = dict(dense), dict(keyword)
    fused = [
        Scored(
            cid,
            dense_weight * dense_norm.get(cid, 0.0) + (1 - dense_weight) * keyword_norm.get(cid, 0.0),
            dense_raw.get(cid, 0.0),
            keyword_raw.get(cid, 0.0),
        )
        for cid in dict.fromkeys([*dense_norm, *keyword_norm])
    ]
    fused.sort(key=lambda s: s.score, reverse=True)
    return fused


def rank(
    mode: str, dense: Sequence[tuple[str, float]], keyword: Sequence[tuple[str, float]], dense_weight: float = 0.5
) -> list[Scored]:
    """The ranking for ``mode``: ``fused``, ``dense`` or ``keyword``."""
    if mode == "dense":
        return [Scored(cid, s, s, 0.0) for cid, s in dense]
    if mode == "keyword":
        return [Scored(cid, s, 0.0, s) for cid, s in keyword]
    if mode == "fused":
        return fuse(dense, keyword, dense_weight)
    raise ValueError(f"Unknown search mode {mode!r}; use one of {', '.join(MODES)}.")


def to_hits(scored: Sequence[Scored], rows: dict) -> list[Hit]:
    """Hits for the scored ids still present in the registry (``rows``: chunk_id → row with ``path``)."""
    hits = []
    for item in scored:
        row = rows.get(item.chunk_id)
        if row is None:
            continue
        hits.append(
            Hit(
                chunk_id=item.chunk_id,
                doc_id=row["doc_id"],
                source=row["path"],
                text=row["text"],
                score=item.score,
                dense_score=item.dense,
                keyword_score=item.keyword,
                page_start=row["page_start"],
                page_end=row["page_end"],
                char_start=row["char_start"],
                char_end=row["char_end"],
                section=row["section"],
                scanned=bool(row["scanned"]),
            )
        )
    return hits
