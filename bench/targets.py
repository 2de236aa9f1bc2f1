"""The issue's targets, checked against the results: each with the measured value, the goal and the gap."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    name: str
    goal: str
    measured: float | None
    threshold: float
    higher_is_better: bool = True
    unit: str = ""

    @property
    def met(self) -> bool | None:
        if self.measured is None:
            return None
        return self.measured >= self.threshold if self.higher_is_better else self.measured <= self.threshold

    @property
    def gap(self) -> str:
        if self.measured is None:
            return "not measured"
        if self.met:
            return "met"
        missing = self.threshold - self.measured if self.higher_is_better else self.measured - self.threshold
        return f"short by {missing:.3f}{self.unit}" if self.higher_is_better else f"over by {missing:.3f}{self.unit}"

    def value(self) -> str:
        return "–" if self.measured is None else f"{self.measured:.3f}{self.unit}"


def _get(data: dict, *keys):
    for key in keys:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def check(results: dict) -> list[Target]:
    s = results.get("sections", {})
    targets = []
    for backend in ("torch", "onnx"):
        faro = _get(s, "ingest", "pipelines", f"faro-{backend}")
        if faro is None:
            continue
        targets.append(Target(f"Ingestion pages/s vs peer (faro-{backend})", "≥ 1.5×", faro.get("pages_per_s_ratio"), 1.5, unit="×"))
        targets.append(
            Target(f"Non-embedding overhead share of ingest (faro-{backend})", "≤ 0.15", faro.get("overhead_share"), 0.15, False)
        )
    peer_ndcg = _get(s, "retrieval", "peer", "ndcg@10")
    peer_hit = _get(s, "sec10q", "peer", "hit@1")
    for backend in ("torch", "onnx"):
        fused = _get(s, "retrieval", "faro", backend, "fused", "ndcg@10")
        if fused is not None:
            targets.append(Target(f"SciFact fused nDCG@10 (faro-{backend})", "≥ 0.70", fused, 0.70))
            if peer_ndcg is not None:
                targets.append(Target(f"SciFact fused nDCG@10 minus peer (faro-{backend})", "≥ 0", fused - peer_ndcg, 0.0))
        hit = _get(s, "sec10q", "faro", backend, "fused", "hit@1")
        if hit is not None:
            targets.append(Target(f"sec10q document hit@1 (faro-{backend})", "≥ 0.80", hit, 0.80))
            if peer_hit is not None:
                targets.append(Target(f"sec10q hit@1 minus peer (faro-{backend})", "> 0", hit - peer_hit, 1e-9))
        passage = _get(s, "evidence", "faro", backend, "all", "passage@5")
        if passage is not None:
            targets.append(Target(f"sec10q answer-bearing passage in top 5 (faro-{backend})", "≥ 0.85", passage, 0.85))
        p95 = _get(s, "retrieval", "latency", f"faro-{backend}", "fused", "p95_ms")
        if p95 is not None:
            targets.append(Target(f"Fused retrieval p95 on SciFact (faro-{backend})", "≤ 50 ms", p95, 50.0, False, " ms"))
    process = _get(s, "answer", "pipelines", "faro_model_process")
    if process is not None:
        boundary = s["answer"]["process_boundary"]
        targets.append(Target("Model process: decode tokens/s cost vs raw llama.cpp", "≤ 0.05", boundary["decode_cost"], 0.05, False))
        targets.append(Target("Model process: first token added", "≤ 50 ms", boundary["ttft_added_ms"], 50.0, False, " ms"))
        targets.append(Target("First token, 4 × 256-token passages sent whole", "≤ 1000 ms", process["ttft_ms"], 1000.0, False, " ms"))
        evidence = s["answer"]["pipelines"].get("faro_evidence_prompt")
        if evidence is not None:
            targets.append(Target("First token, 4 × 256-token passages as Faro sends them (evidence first)", "≤ 1000 ms",
                                  evidence["ttft_ms"], 1000.0, False, " ms"))
        targets.append(Target("Prompt evaluation", "≥ 1000 tokens/s", process["prompt_tokens_per_s"], 1000.0, True, " tokens/s"))
    cer = _get(s, "ocr", "cer") or {}
    for language in ("en", "es"):
        for condition, goal in (("clean", 0.02), ("noisy", 0.05)):
            if f"{language}-{condition}" in cer:
                targets.append(Target(f"OCR character error rate, {language} {condition} pages", f"≤ {goal:.0%}",
                                      cer[f"{language}-{condition}"], goal, False))
    full = _get(s, "ocr", "full_page") or {}
    seconds = max((f["seconds"] for f in full.values()), default=_get(s, "ocr", "seconds_per_page"))
    if seconds is not None:
        label = "OCR seconds per full A4 page (2 threads)" if full else "OCR seconds per A4 page (2 threads)"
        targets.append(Target(label, "≤ 2 s", seconds, 2.0, False, " s"))
    if "answers" in s:
        from bench.answers_report import targets as answer_targets

        targets += answer_targets(s["answers"])
    return targets
