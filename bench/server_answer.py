"""The HTTP hop: first token and tokens/s through an OpenAI-compatible server beside in-process llama.cpp, same model."""
from __future__ import annotations

import logging
import time

from bench.metrics import median

log = logging.getLogger(__name__)

CONTEXT = (
    "The booster pump P-200 raises the pressure of the district water network. Its maximum operating pressure is "
    "16 bar and the minimum inlet pressure is 0.5 bar. The mechanical seal is checked every 2,000 operating hours and "
    "replaced every 8,000 hours together with the bearings. Cavitation sounds like gravel inside the pump; it is cured "
    "by raising the inlet pressure. Every intervention is written in the station logbook with the hour meter reading."
)
QUESTIONS = (
    "What is the maximum operating pressure of the pump?",
    "How often is the mechanical seal replaced?",
    "What does cavitation sound like and how is it cured?",
    "What must be written in the station logbook?",
    "What is the minimum inlet pressure?",
    "When are the bearings replaced?",
)


def _messages(question: str) -> list[dict[str, str]]:
    return [
        {"role": "system", "content": "Answer from the numbered source only, citing it as [1]."},
        {"role": "user", "content": f"[1] {CONTEXT}\n\nQuestion: {question}"},
    ]


def _timed(stream) -> tuple[str, float, float]:
    """(text, seconds to first piece, seconds from first to last piece)."""
    began = time.perf_counter()
    first = last = None
    pieces = []
    for piece in stream:
        last = time.perf_counter()
        first = first or last
        pieces.append(piece)
    return "".join(pieces), (first or began) - began, (last or began) - (first or began)


def server_overhead(server_url: str, server_model: str, threads: int, questions: int = 5, max_tokens: int = 128) -> dict:
    """Alternate per question: in-process llama.cpp (the bundled model) and the server, on the same messages."""
    from rag.models.api_keys import load_api_key
    from rag.models.generator import LlamaGenerator
    from rag.models.bundled import bundled_llm_path
    from rag.models.server_generator import ServerGenerator

    local = LlamaGenerator(bundled_llm_path(), 4096, threads, 0)
    server_model = server_model or ServerGenerator(server_url, "", load_api_key(server_url)).list_models()[0]
    server = ServerGenerator(server_url, server_model, load_api_key(server_url))
    samples: dict[str, list[dict]] = {"in_process": [], "server": []}
    try:
        safe_mode = bool(local.load().get("safe_mode"))
        warm = _messages("Warm up.")
        list(local.stream(warm, 8, 0.0))
        list(server.stream(warm, 8, 0.0))
        for n in range(questions):
            messages = _messages(QUESTIONS[n % len(QUESTIONS)])
            order = (("in_process", local), ("server", server)) if n % 2 == 0 else (("server", server), ("in_process", local))
            for name, generator in order:
                text, ttft, decode = _timed(generator.stream(messages, max_tokens, 0.0))
                tokens = local.count_tokens(text)
                samples[name].append({"ttft_s": ttft, "decode_s": decode, "tokens": tokens})
                log.info("%s: %d tokens, first after %.0f ms", name, tokens, ttft * 1000)
    finally:
        local.close()
    out = {"server_url": server_url, "server_model": server_model, "model": bundled_llm_path().name,
           "max_tokens": max_tokens, "questions": questions, "threads": threads, "safe_mode": safe_mode, "pipelines": {}}
    for name, runs in samples.items():
        out["pipelines"][name] = {
            "ttft_ms": median(s["ttft_s"] * 1000 for s in runs),
            "decode_tokens_per_s": median((s["tokens"] - 1) / s["decode_s"] for s in runs if s["decode_s"] > 0),
            "tokens": median(s["tokens"] for s in runs),
        }
    local_speed, remote = out["pipelines"]["in_process"], out["pipelines"]["server"]
    out["tokens_per_s_cost"] = 1 - remote["decode_tokens_per_s"] / local_speed["decode_tokens_per_s"]
    out["first_token_extra_ms"] = remote["ttft_ms"] - local_speed["ttft_ms"]
    return out


def summary(data: dict) -> list[str]:
    lines = [f"  {name:<11} first token {p['ttft_ms']:.0f} ms  {p['decode_tokens_per_s']:.1f} tokens/s"
             for name, p in data["pipelines"].items()]
    lines.append(f"  HTTP hop: {data['tokens_per_s_cost']:.1%} tokens/s (target ≤ 10%), "
                 f"{data['first_token_extra_ms']:+.0f} ms first token (target ≤ 100 ms)")
    return lines


def markdown(data: dict) -> list[str]:
    rows = [f"| {name} | {p['ttft_ms']:.0f} | {p['decode_tokens_per_s']:.1f} | {p['tokens']:.0f} |" for name, p in data["pipelines"].items()]
    return [
        "## Answers through a server", "",
        f"`faro bench answer --server {data['server_url']}`: the same {data['questions']} prompts, alternated, through "
        f"llama-cpp-python's OpenAI-compatible server on loopback and through in-process llama.cpp ({data['model']}, "
        f"temperature 0, up to {data['max_tokens']} tokens, {data.get('threads', '?')} thread(s) each).", "",
        *([("In-process llama.cpp ran in safe mode (extra buffer types off) because the model crashed on this "
            "processor with them on; the server was started the same way (`python -m tests.safe_llama_server`).")
           , ""] if data.get("safe_mode") else []),
        "| answer model | first token ms | tokens/s streaming | tokens |", "|---|---|---|---|", *rows, "",
        f"Cost of the HTTP hop: **{data['tokens_per_s_cost']:.1%}** tokens/s (target ≤ 10%), "
        f"**{data['first_token_extra_ms']:+.0f} ms** to the first token (target ≤ 100 ms).", "",
    ]
