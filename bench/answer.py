"""Answer speed: first token and tokens/s of Faro's model process against raw llama.cpp, before and after, side by side."""
from __future__ import annotations

import logging
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterable

from bench.llama_safety import use_safe_mode_here
from bench.metrics import median
from bench.workspace import Workspace

log = logging.getLogger(__name__)

PASSAGES = 4
# The model process gives llama.cpp the cores other programs leave free, sampled over the last half second; the pause
# keeps the previous pipeline's run (in this same benchmark) from counting as another program's load.
SETTLE_S = 1.0
PASSAGE_TOKENS = 256
INSTRUCTION = (
    "Answer the question using only the numbered sources. Cite each statement with its source number, like [1]."
)


def _timed(stream: Callable[[], Iterable[str]]) -> dict:
    """Seconds to the first piece, to the last, and the pieces themselves."""
    began = time.perf_counter()
    first = last = None
    pieces = []
    for piece in stream():
        last = time.perf_counter()
        first = first or last
        pieces.append(piece)
    if first is None:
        return {"ttft_s": float("nan"), "decode_s": 0.0, "text": ""}
    return {"ttft_s": first - began, "decode_s": last - first, "text": "".join(pieces)}


def _questions(ws: Workspace, count: int, count_tokens: Callable[[str], int]) -> list[tuple[str, list[str]]]:
    """SciFact queries, each with four abstracts (its relevant ones first) cut to 256 tokens."""
    beir = ws.scifact()
    documents = {d: f"{t} {x}" for d, (t, x) in beir.corpus.items()}
    result = []
    for query_id, question in list(beir.queries.items())[:count]:
        relevant = [d for d in beir.qrels.get(query_id, {}) if d in documents]
        others = [d for d in list(documents)[len(result) * PASSAGES:][:PASSAGES]]
        passages = []
        for doc_id in (relevant + others)[:PASSAGES]:
            words = documents[doc_id].split()
            while count_tokens(" ".join(words)) > PASSAGE_TOKENS:
                words = words[: int(len(words) * 0.9)]
            passages.append(" ".join(words))
        result.append((question, passages))
    return result


def _four_passage_messages(question: str, passages: list[str]) -> list[dict[str, str]]:
    """The whole four passages, numbered: what Faro sent before evidence-first answers, and the raw baseline."""
    blocks = [f"[{n}] {text}" for n, text in enumerate(passages, start=1)]
    user = "Sources:\n\n" + "\n\n".join(blocks) + f"\n\nQuestion: {question}"
    return [{"role": "system", "content": INSTRUCTION}, {"role": "user", "content": user}]


def _evidence_messages(question: str, passages: list[str], count_tokens: Callable[[str], int]) -> list[dict[str, str]]:
    """What Faro sends now for the same four passages: the evidence (here the first passage's sentence sharing the
    most words with the question) and the sentences around it, within ``PROMPT_TOKENS``."""
    from rag.answer.prompt import build_evidence_messages, split_sentences
    from rag.types import Hit

    asked = set(question.lower().split())
    sentences = [s for s in split_sentences(passages[0])[::2] if s.strip()] or [passages[0]]
    quote = max(sentences, key=lambda s: len(asked & set(s.lower().split())))
    hits = [Hit(f"c{n}", f"d{n}", f"abstract-{n}.pdf", text, 1.0, 1.0, 1.0, 1, 1, 0, len(text), "")
            for n, text in enumerate(passages, start=1)]
    messages, _ = build_evidence_messages(question, [(1, quote.strip())], hits, "en", 4096, count_tokens)
    return messages


def _raw_llama(model: Path, threads: int, n_ctx: int, tuned: bool):
    """In-process llama-cpp-python: ``tuned`` as Faro's model process sets it, else as Faro did before."""
    from llama_cpp import Llama

    if tuned:
        from rag.models.llama_backend import BATCH_TOKENS

        return Llama(model_path=str(model), n_ctx=n_ctx, n_threads=threads, n_threads_batch=threads,
                     n_batch=BATCH_TOKENS, n_ubatch=BATCH_TOKENS, verbose=False)
    return Llama(model_path=str(model), n_ctx=n_ctx, n_threads=threads, verbose=False)


def _raw_stream(llama, messages, max_tokens: int) -> Callable[[], Iterable[str]]:
    def stream():
        for part in llama.create_chat_completion(
            messages=messages, max_tokens=max_tokens, temperature=0.0, repeat_penalty=1.1, stream=True
        ):
            piece = part["choices"][0]["delta"].get("content")
            if piece:
                yield piece

    return stream


def _summary(samples: list[dict], prompt_tokens: list[int], count: Callable[[str], int]) -> dict:
    decode = [(count(s["text"]) - 1) / s["decode_s"] for s in samples if s["decode_s"] > 0]
    return {
        "answers": len(samples),
        "ttft_ms": median(s["ttft_s"] * 1000 for s in samples),
        "prompt_tokens_per_s": median(p / s["ttft_s"] for p, s in zip(prompt_tokens, samples)),
        "decode_tokens_per_s": median(decode) if decode else None,
    }


class _CoreHog:
    """Keeps one core busy in another process, as a browser or a build would on the user's laptop."""

    def __enter__(self):
        self.process = subprocess.Popen([sys.executable, "-c", "while True: pass"])
        return self

    def __exit__(self, *exc) -> None:
        self.process.kill()
        self.process.wait()


def answer_speed(ws: Workspace, questions: int, max_tokens: int, busy: bool = False) -> dict:
    """Per question, in turn: Faro's model process, raw llama.cpp set up the same way, raw llama.cpp as before."""
    from rag.models.generator import LlamaGenerator, llama_cpp_version
    from rag.models.llama_backend import system_info
    from rag.models.bundled import bundled_llm_path

    model = bundled_llm_path()
    n_ctx = 4096
    with tempfile.TemporaryDirectory(prefix="faro-bench-answer-") as state:
        generator = LlamaGenerator(model, n_ctx, ws.threads, 0, state_dir=Path(state))
        began = time.perf_counter()
        described = generator.load()
        first_load_s = time.perf_counter() - began
        if described.get("safe_mode"):
            use_safe_mode_here()
        # Its own model process, so that each pipeline keeps llama.cpp's cache of its prompts' shared beginning, as
        # the raw pipelines do (one process alternating two prompt styles would lose it at every question).
        second = LlamaGenerator(model, n_ctx, ws.threads, 0, state_dir=Path(state))
        second.load()
        tuned = _raw_llama(Path(described["model_file"]), ws.threads, n_ctx, tuned=True)
        before = _raw_llama(model, ws.threads, n_ctx, tuned=False)

        def count(text: str) -> int:
            return len(tuned.tokenize(text.encode("utf-8"), add_bos=False, special=True)) if text else 0

        asked = _questions(ws, questions + 1, count)
        four = [_four_passage_messages(q, p) for q, p in asked]
        evidence = [_evidence_messages(q, p, count) for q, p in asked]
        runs = {
            "faro_model_process": (four, lambda m: lambda: generator.stream(m, max_tokens, 0.0)),
            "raw_llama_cpp_same_settings": (four, lambda m: _raw_stream(tuned, m, max_tokens)),
            "raw_llama_cpp_before": (four, lambda m: _raw_stream(before, m, max_tokens)),
            "faro_evidence_prompt": (evidence, lambda m: lambda: second.stream(m, max_tokens, 0.0)),
        }
        samples: dict[str, list[dict]] = {name: [] for name in runs}
        try:
            for name, (prompts, run) in runs.items():
                list(run(prompts[0])())
            with _CoreHog() if busy else _Quiet():
                for index in range(1, len(asked)):
                    for name, (prompts, run) in runs.items():
                        time.sleep(SETTLE_S)
                        samples[name].append(_timed(run(prompts[index])))
            pipelines = {}
            for name, (prompts, _) in runs.items():
                tokens = [count(m[0]["content"]) + count(m[1]["content"]) for m in prompts[1:]]
                pipelines[name] = {**_summary(samples[name], tokens, count), "prompt_tokens": median(tokens)}
        finally:
            generator.close()
            second.close()
            tuned.close()
            before.close()
    out = {
        "model": model.name,
        "model_file_used": Path(described["model_file"]).name,
        "llama_cpp_python": llama_cpp_version(),
        "llama_system_info": system_info(),
        "build": _build_record(),
        "threads": ws.threads,
        "safe_mode": bool(described.get("safe_mode")),
        "busy_core_in_background": busy,
        "prompt_tokens_median": pipelines["faro_model_process"]["prompt_tokens"],
        "max_tokens": max_tokens,
        "first_load_s": first_load_s,
        "pipelines": pipelines,
    }
    process, same = out["pipelines"]["faro_model_process"], out["pipelines"]["raw_llama_cpp_same_settings"]
    out["process_boundary"] = {
        "decode_cost": 1 - process["decode_tokens_per_s"] / same["decode_tokens_per_s"],
        "ttft_added_ms": process["ttft_ms"] - same["ttft_ms"],
    }
    return out


class _Quiet:
    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None


def _build_record() -> str:
    """The CMake options packaging/install.sh built llama-cpp-python with (recorded next to the virtualenv)."""
    record = Path(sys.prefix) / "faro-llama-build.txt"
    return record.read_text(encoding="utf-8").strip() if record.is_file() else "unknown (not built by packaging/install.sh)"
