"""Answer speed: time to first token and tokens/s of ``ask`` against raw llama.cpp (and the peer) on the same prompt."""
from __future__ import annotations

import logging
import time
from typing import Callable, Iterable

from bench.metrics import median, ratio
from bench.workspace import Workspace

log = logging.getLogger(__name__)

DATASET = "scifact"


class RecordingGenerator:
    """Faro's llama.cpp generator, keeping the messages of the last answer so raw llama.cpp can get the same prompt."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.context_size = inner.context_size
        self.last_messages: list[dict[str, str]] = []

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def stream(self, messages, max_tokens: int, temperature: float):
        self.last_messages = messages
        return self.inner.stream(messages, max_tokens, temperature)

    def close(self) -> None:
        self.inner.close()


def _timed_stream(start: Callable[..., Iterable[str]], *args) -> tuple[str, float, float, float]:
    """(text, seconds to first piece, seconds to last piece, seconds from first to last piece) of ``start(*args)``."""
    began = time.perf_counter()
    first = last = None
    pieces = []
    for piece in start(*args):
        now = time.perf_counter()
        first = first if first is not None else now
        last = now
        pieces.append(piece)
    if first is None:
        return "", 0.0, 0.0, 0.0
    return "".join(pieces), first - began, last - began, last - first


def _speeds(samples: list[dict]) -> dict:
    return {
        "answers": len(samples),
        "ttft_ms": median(s["ttft_s"] * 1000 for s in samples),
        "decode_tokens_per_s": median((s["tokens"] - 1) / s["decode_s"] for s in samples if s["decode_s"] > 0),
        "end_to_end_tokens_per_s": median(s["tokens"] / s["total_s"] for s in samples if s["total_s"] > 0),
        "tokens": median(s["tokens"] for s in samples),
    }


def answer_overhead(ws: Workspace, backend: str, with_peer: bool, questions: int, max_tokens: int = 128) -> dict:
    """Alternate per question: Faro ``ask`` (retrieval + prompt + generation), raw llama.cpp on Faro's prompt, the peer."""
    from llama_cpp import Llama

    from bench.faro_pipeline import open_engine
    from rag.generator import LlamaGenerator
    from rag.models import bundled_llm_path

    beir = ws.scifact()
    model = bundled_llm_path()
    recorder = RecordingGenerator(LlamaGenerator(model, 4096, ws.threads, 0))
    engine = open_engine(
        ws.ensure(DATASET, f"faro-{backend}"), backend, ws.threads, ws.models_dir, generator=recorder,
        temperature=0.0, max_tokens=max_tokens,
    )
    raw = Llama(model_path=str(model), n_ctx=recorder.context_size, n_threads=ws.threads, verbose=False)
    peer = _peer(ws, model, recorder.context_size, max_tokens) if with_peer else None

    def count(text: str) -> int:
        return len(raw.tokenize(text.encode("utf-8"), add_bos=False, special=True)) if text else 0

    def raw_stream(messages):
        for part in raw.create_chat_completion(
            messages=messages, max_tokens=max_tokens, temperature=0.0, repeat_penalty=1.1, stream=True
        ):
            piece = part["choices"][0]["delta"].get("content")
            if piece:
                yield piece

    samples: dict[str, list[dict]] = {"faro": [], "raw_llama_cpp": [], "peer": []}
    abstained = 0
    try:
        texts = list(beir.queries.values())
        engine.ask(texts[0])
        if recorder.last_messages:
            list(raw_stream(recorder.last_messages))
        for question in texts[1:]:
            if len(samples["faro"]) >= questions:
                break
            answer, text, ttft, total, decode = _timed_faro(engine, question)
            if answer.abstained:
                abstained += 1
                continue
            samples["faro"].append({"ttft_s": ttft, "total_s": total, "decode_s": decode, "tokens": count(text)})
            text, ttft, total, decode = _timed_stream(raw_stream, recorder.last_messages)
            samples["raw_llama_cpp"].append({"ttft_s": ttft, "total_s": total, "decode_s": decode, "tokens": count(text)})
            if peer is not None:
                llm, index, stream_answer = peer
                text, ttft, total, decode = _timed_stream(stream_answer, llm, index, question)
                samples["peer"].append({"ttft_s": ttft, "total_s": total, "decode_s": decode, "tokens": count(text)})
    finally:
        engine.close()
        raw.close()
    out = {"model": model.name, "max_tokens": max_tokens, "temperature": 0.0, "abstained": abstained}
    out["pipelines"] = {name: _speeds(s) for name, s in samples.items() if s}
    faro, base = out["pipelines"].get("faro"), out["pipelines"].get("raw_llama_cpp")
    if faro and base:
        out["decode_overhead"] = 1 - faro["decode_tokens_per_s"] / base["decode_tokens_per_s"]
        out["end_to_end_overhead"] = 1 - faro["end_to_end_tokens_per_s"] / base["end_to_end_tokens_per_s"]
        out["ttft_ratio"] = ratio(faro["ttft_ms"], base["ttft_ms"])
    return out


def _timed_faro(engine, question: str) -> tuple:
    """``engine.ask``'s answer, then the timings of ``_timed_stream``, stamping each streamed piece as it arrives."""
    stamps: list[float] = []
    pieces: list[str] = []

    def on_token(piece: str) -> None:
        stamps.append(time.perf_counter())
        pieces.append(piece)

    began = time.perf_counter()
    answer = engine.ask(question, on_token=on_token)
    if not stamps:
        return answer, "", 0.0, 0.0, 0.0
    return answer, "".join(pieces), stamps[0] - began, stamps[-1] - began, stamps[-1] - stamps[0]


def _peer(ws: Workspace, model, n_ctx: int, max_tokens: int):
    from bench.peer import PeerIndex, make_llm, stream_answer
    from rag.models import bundled_embedding_path

    index = PeerIndex(ws.ensure(DATASET, "peer") / "chroma", bundled_embedding_path(), ws.threads)
    llm = make_llm(model, ws.threads, n_ctx, max_tokens)
    list(stream_answer(llm, index, "warm up"))
    return llm, index, stream_answer
