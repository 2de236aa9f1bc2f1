"""Retrieval quality: SciFact nDCG@10 / Recall@100 and sec10q document hit@1 / hit@5, Faro against the peer."""
from __future__ import annotations

import logging
import time
from pathlib import Path

from bench.datasets import load_single_doc_questions
from bench.metrics import dedupe, hit_at, mean, ndcg_at, percentile, recall_at
from bench.workspace import Workspace

log = logging.getLogger(__name__)

MODES = ("dense", "keyword", "fused")
SEC10Q_DEPTH = 20


def _latency_summary(seconds: list[float]) -> dict:
    ms = [s * 1000 for s in seconds]
    return {"p50_ms": percentile(ms, 50), "p95_ms": percentile(ms, 95), "mean_ms": mean(ms), "n": len(ms)}


def _faro_rankings(
    ws: Workspace, dataset: str, backend: str, queries: dict[str, str], depth: int, query_backend: str | None = None,
    modes: tuple[str, ...] = MODES,
) -> dict:
    """Per mode: query id → document stems ranked, and the search latencies (questions embedded by ``query_backend``)."""
    from bench.faro_pipeline import open_engine

    engine = open_engine(ws.ensure(dataset, f"faro-{backend}"), query_backend or backend, ws.threads, ws.models_dir)
    try:
        engine.search("warm up the model and the keyword index", k=depth, mode="fused")
        result = {}
        for mode in modes:
            rankings, seconds = {}, []
            for qid, text in queries.items():
                started = time.perf_counter()
                hits = engine.search(text, k=depth, mode=mode)
                seconds.append(time.perf_counter() - started)
                rankings[qid] = dedupe(Path(h.source).stem for h in hits)
            result[mode] = (rankings, seconds)
        return result
    finally:
        engine.close()


def _peer_rankings(ws: Workspace, dataset: str, queries: dict[str, str], depth: int) -> tuple[dict, list[float]]:
    from bench.peer import PeerIndex
    from rag.models.bundled import bundled_embedding_path

    index = PeerIndex(ws.ensure(dataset, "peer") / "chroma", bundled_embedding_path(), ws.threads)
    index.search("warm up the model", k=depth)
    rankings, seconds = {}, []
    for qid, text in queries.items():
        started = time.perf_counter()
        sources = index.search(text, k=depth)
        seconds.append(time.perf_counter() - started)
        rankings[qid] = dedupe(Path(s).stem for s in sources)
    return rankings, seconds


def _beir_scores(rankings: dict[str, list[str]], qrels: dict[str, dict[str, int]]) -> dict:
    return {
        "ndcg@10": mean(ndcg_at(rankings[q], qrels[q], 10) for q in rankings),
        "recall@100": mean(recall_at(rankings[q], qrels[q], 100) for q in rankings),
    }


def scifact(ws: Workspace, backends: list[str], with_peer: bool) -> dict:
    """nDCG@10 and Recall@100 on SciFact for Faro's dense, keyword and fused rankings and the peer's similarity search.

    With both backends, also a library built by one backend searched with questions embedded by the other, since Faro
    lets full-precision and int8 vectors of one model share a library.
    """
    beir = ws.scifact()
    out: dict = {"queries": len(beir.queries), "documents": len(beir.corpus), "depth": 100, "faro": {}, "latency": {}}
    for backend in backends:
        per_mode = _faro_rankings(ws, "scifact", backend, beir.queries, 100)
        out["faro"][backend] = {mode: _beir_scores(r, beir.qrels) for mode, (r, _) in per_mode.items()}
        out["latency"][f"faro-{backend}"] = {mode: _latency_summary(s) for mode, (_, s) in per_mode.items()}
        log.info("SciFact %s: %s", backend, out["faro"][backend])
    if {"torch", "onnx"} <= set(backends):
        out["mixed"] = {}
        for built, asked in (("torch", "onnx"), ("onnx", "torch")):
            per_mode = _faro_rankings(ws, "scifact", built, beir.queries, 100, query_backend=asked, modes=("dense", "fused"))
            out["mixed"][f"{built}-built, {asked} questions"] = {m: _beir_scores(r, beir.qrels) for m, (r, _) in per_mode.items()}
        log.info("SciFact mixed precision: %s", out["mixed"])
    if with_peer:
        rankings, seconds = _peer_rankings(ws, "scifact", beir.queries, 100)
        out["peer"] = _beir_scores(rankings, beir.qrels)
        out["latency"]["peer"] = {"similarity": _latency_summary(seconds)}
        log.info("SciFact peer: %s", out["peer"])
    return out


def _hit_scores(rankings: dict[str, list[str]], wanted: dict[str, str]) -> dict:
    return {
        "hit@1": mean(hit_at(rankings[q], wanted[q], 1) for q in rankings),
        "hit@5": mean(hit_at(rankings[q], wanted[q], 5) for q in rankings),
        "misses@1": sorted(q for q in rankings if hit_at(rankings[q], wanted[q], 1) == 0.0),
    }


def sec10q(ws: Workspace, backends: list[str], with_peer: bool) -> dict:
    """Share of single-filing questions whose top hit (and top 5 distinct filings) include the right filing."""
    available = {p.stem for p in ws.sources("sec10q")}
    questions = [q for q in load_single_doc_questions(ws.sec10q_dir / "qna_data.csv") if q.filing in available]
    queries = {str(i): q.question for i, q in enumerate(questions)}
    wanted = {str(i): q.filing for i, q in enumerate(questions)}
    out: dict = {"questions": len(questions), "filings": len(available), "faro": {}}
    for backend in backends:
        per_mode = _faro_rankings(ws, "sec10q", backend, queries, SEC10Q_DEPTH)
        out["faro"][backend] = {mode: _hit_scores(r, wanted) for mode, (r, _) in per_mode.items()}
        log.info("sec10q %s fused: hit@1 %.3f", backend, out["faro"][backend]["fused"]["hit@1"])
    if with_peer:
        rankings, _ = _peer_rankings(ws, "sec10q", queries, SEC10Q_DEPTH)
        out["peer"] = _hit_scores(rankings, wanted)
        log.info("sec10q peer: hit@1 %.3f", out["peer"]["hit@1"])
    out["questions_text"] = {qid: f"{wanted[qid]}: {text}" for qid, text in queries.items()}
    return out
