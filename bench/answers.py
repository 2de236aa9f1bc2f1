"""Answer quality: evidence and final answers on sec10q and XQuAD, with and without a language model, and abstention."""
from __future__ import annotations

import logging
import re
import time
from pathlib import Path
from typing import Iterable

from bench.answer_data import (MORE_OFF_TOPIC_EN, MORE_OFF_TOPIC_ES, MULTI_CHUNK, NEAR_TOPIC, NEAR_TOPIC_ES, OFF_TOPIC, SINGLE_CHUNK,
                               Reference, mixed_xquad_questions, sec10q_questions, xquad_questions)
from bench.answer_scoring import exact_match, sec10q_contains, span_contained, token_f1, token_recall
from bench.metrics import mean, median, percentile
from bench.workspace import Workspace
from rag.errors import ModelError

log = logging.getLogger(__name__)

EXAMPLES_KEPT = 12
LATENCY_QUERIES = 40
# A 135M model on 2 shared cores takes 10-60 s an answer: runs with a model cover these groups only.
MODEL_GROUPS = ("sec10q single-chunk", "xquad es")


class NoModel:
    """A generator that is never available: the answer must come from the evidence alone."""

    context_size = 4096

    def count_tokens(self, text: str) -> int:
        raise ModelError("no language model in this run")

    def stream(self, messages, max_tokens: int, temperature: float, cancel=None):
        raise ModelError("no language model in this run")


class CountingGenerator:
    """Wraps a generator to count the prompt's tokens of each answer."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.context_size = inner.context_size
        self.prompt_tokens = 0

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def stream(self, messages, max_tokens: int, temperature: float, cancel=None):
        self.prompt_tokens = sum(self.inner.count_tokens(m["content"]) for m in messages)
        return self.inner.stream(messages, max_tokens, temperature, cancel)

    def close(self) -> None:
        getattr(self.inner, "close", lambda: None)()


def _contains(reference: Reference, text: str) -> tuple[bool, float]:
    if reference.group.startswith("xquad"):
        return span_contained(text, reference.answers), token_recall(text, reference.answers)
    return sec10q_contains(text, reference.answers[0], reference.question)


def _unmarked_absent_number(answer) -> bool:
    """Whether a sentence shown as supported states a figure that none of the passages given to the model holds."""
    from rag.answer.claims import figure_found, figures

    given = figures("\n".join([h.text for h in answer.closest] + [e.text for e in answer.evidence]))
    return any(not figure_found(f, given) for s in answer.sentences if s.supported for f in figures(s.text))


def ask_one(engine, reference: Reference, counter: CountingGenerator | None) -> dict:
    """One question through ``Engine.ask``, timed to the first evidence and first token, and scored."""
    from rag.answer.evidence import POOL_PASSAGES

    stamps: dict[str, float] = {}
    began = time.perf_counter()
    answer = engine.ask(
        reference.question,
        on_evidence=lambda _: stamps.setdefault("evidence", time.perf_counter()),
        on_token=lambda _: stamps.setdefault("token", time.perf_counter()),
    )
    total = time.perf_counter() - began
    found = engine.search(reference.question, k=POOL_PASSAGES)
    pool = found + engine.document_passages(reference.question, found) if found else []
    evidence_text = "\n".join(e.text for e in answer.evidence)
    model_text = re.sub(r"\(not found in your documents\)|\(no aparece en sus documentos\)", "", answer.text)
    supported_text = " ".join(s.text for s in answer.sentences if s.supported) if answer.text else ""
    final_text = evidence_text + "\n" + supported_text
    record = {
        "question": reference.question,
        "document": reference.document,
        "abstained": answer.abstained,
        "weak": answer.weak,
        "pool_has_answer": any(_contains(reference, h.text)[0] for h in pool),
        "right_document_in_pool": any(Path(h.source).stem == reference.document for h in pool),
        "evidence": [e.text for e in answer.evidence],
        "answer": answer.text,
        "note": answer.note,
        "evidence_contains": _contains(reference, evidence_text)[0] if answer.evidence else False,
        "evidence_score": _contains(reference, evidence_text)[1] if answer.evidence else 0.0,
        "final_contains": _contains(reference, final_text)[0] if not answer.abstained else False,
        "model_contains": _contains(reference, model_text)[0] if model_text.strip() else False,
        "marked_unsupported": any(not s.supported for s in answer.sentences),
        "unmarked_absent_number": _unmarked_absent_number(answer),
        "model_answered": bool(answer.text.strip()),
        "seconds_to_evidence": stamps["evidence"] - began if "evidence" in stamps else None,
        "seconds_to_first_token": stamps["token"] - began if "token" in stamps else None,
        "seconds_total": total,
        "prompt_tokens": counter.prompt_tokens if counter and "token" in stamps else None,
    }
    phrase = next((e.answer for e in answer.evidence if e.answer), "")
    record["evidence_answer"] = phrase
    if reference.group.startswith("xquad"):
        first = answer.evidence[0].text if answer.evidence else ""
        record["evidence_f1"] = max((token_f1(e.text, reference.answers) for e in answer.evidence), default=0.0)
        record["answer_f1"] = token_f1(phrase, reference.answers) if phrase else record["evidence_f1"]
        record["answer_em"] = exact_match(phrase, reference.answers) if phrase else False
        record["evidence_first_f1"] = token_f1(first, reference.answers)
        record["model_f1"] = token_f1(model_text, reference.answers) if model_text.strip() else 0.0
    if counter:
        counter.prompt_tokens = 0
    return record


def _rate(records: list[dict], key: str) -> float:
    return mean(1.0 if r[key] else 0.0 for r in records)


def summarise(records: list[dict]) -> dict:
    """Rates over the questions of one group in one run."""
    answered = [r for r in records if not r["abstained"]]
    ms = lambda key: [r[key] * 1000 for r in records if r.get(key) is not None]  # noqa: E731
    summary = {
        "questions": len(records),
        "abstained": _rate(records, "abstained"),
        "weak": _rate(answered, "weak") if answered else 0.0,
        "pool_has_answer": _rate(records, "pool_has_answer"),
        "right_document_in_pool": _rate(records, "right_document_in_pool"),
        "evidence_contains": _rate(records, "evidence_contains"),
        "final_contains": _rate(records, "final_contains"),
        "model_contains": _rate(records, "model_contains"),
        "model_answered": _rate(answered, "model_answered") if answered else 0.0,
        "marked_unsupported": _rate(answered, "marked_unsupported") if answered else 0.0,
        "unmarked_absent_number": sum(1 for r in records if r["unmarked_absent_number"]),
        "evidence_ms_p50": median(ms("seconds_to_evidence")),
        "evidence_ms_p95": percentile(ms("seconds_to_evidence"), 95),
        "first_token_ms_p50": median(ms("seconds_to_first_token")) if ms("seconds_to_first_token") else None,
        "total_ms_p50": median(ms("seconds_total")),
        "prompt_tokens_p50": median([r["prompt_tokens"] for r in records if r.get("prompt_tokens")]) or None,
    }
    summary["evidence_answer_shown"] = _rate(records, "evidence_answer")
    if records and "evidence_f1" in records[0]:
        summary["evidence_f1"] = mean(r["evidence_f1"] for r in records)
        summary["answer_f1"] = mean(r["answer_f1"] for r in records)
        summary["answer_em"] = _rate(records, "answer_em")
        summary["evidence_first_f1"] = mean(r["evidence_first_f1"] for r in records)
        summary["evidence_token_recall"] = mean(r["evidence_score"] for r in records)
        summary["model_f1"] = mean(r["model_f1"] for r in records)
    return summary


def _halves(records: list[dict]) -> dict:
    """The main rates over the first half of a group's questions (the rules were developed on it) and the second."""
    half = len(records) // 2
    keys = ("pool_has_answer", "evidence_contains", "final_contains", "abstained", "answer_f1")
    return {name: {k: v for k, v in summarise(part).items() if k in keys} if part else {}
            for name, part in (("first", records[:half]), ("second", records[half:]))}


def _groups(ws: Workspace, xquad_every: int) -> dict[str, tuple[str, list[Reference]]]:
    """Group name → (library data set, questions)."""
    csv_path = ws.sec10q_dir / "qna_data.csv"
    xquad = ws.shared / "eval" / "xquad"
    return {
        "sec10q single-chunk": ("sec10q", sec10q_questions(csv_path, SINGLE_CHUNK)),
        "sec10q multi-chunk": ("sec10q", sec10q_questions(csv_path, MULTI_CHUNK)),
        "xquad es": ("xquad-es", xquad_questions(xquad / "xquad.es.json", "xquad es", xquad_every)),
        "xquad en": ("xquad-en", xquad_questions(xquad / "xquad.en.json", "xquad en", xquad_every)),
        "xquad en over es library": ("xquad-es", xquad_questions(
            xquad / "xquad.en.json", "xquad en-es", xquad_every, spans_from=xquad / "xquad.es.json")),
        "xquad es over en library": ("xquad-en", xquad_questions(
            xquad / "xquad.es.json", "xquad es-en", xquad_every, spans_from=xquad / "xquad.en.json")),
        "xquad en, mixed library": ("xquad-mixed", mixed_xquad_questions(xquad, "en", "xquad mixed en", xquad_every)),
        "xquad es, mixed library": ("xquad-mixed", mixed_xquad_questions(xquad, "es", "xquad mixed es", xquad_every)),
    }


def _generator(run: str, model: Path | None, threads: int):
    """None for the evidence alone; the bundled model, or the GGUF given with ``--model`` for the ``model`` run."""
    if run == "evidence":
        return None
    from rag.models.generator import LlamaGenerator
    from rag.models.bundled import bundled_llm_path

    if run == "model" and model is None:
        raise ValueError("The 'model' run needs --model PATH.gguf")
    return CountingGenerator(LlamaGenerator(model if run == "model" else bundled_llm_path(), 4096, threads, 0))


def answers(ws: Workspace, backend: str, runs: Iterable[str], model: Path | None, model_questions: int,
            xquad_every: int, max_tokens: int = 160) -> dict:
    """Every group with the evidence alone (all questions) and each model run (``model_questions`` of the groups in
    ``MODEL_GROUPS``, spread evenly), then off-topic abstention and evidence latency on the SciFact library."""
    from bench.faro_pipeline import open_engine

    out: dict = {"runs": {}, "model_questions": model_questions, "xquad_every": xquad_every, "max_tokens": max_tokens}
    groups = _groups(ws, xquad_every)
    for run in runs:
        counter = _generator(run, model, ws.threads)
        name = {"evidence": "evidence only (no model)", "bundled": "bundled SmolLM2-135M"}.get(run, f"model {model.name if model else ''}")
        out["runs"][name] = {}
        for group, (dataset, questions) in groups.items():
            if run != "evidence" and group not in MODEL_GROUPS:
                continue
            if run != "evidence" and model_questions < len(questions):
                step = len(questions) / model_questions
                questions = [questions[int(i * step)] for i in range(model_questions)]
            engine = open_engine(ws.ensure(dataset, f"faro-{backend}"), backend, ws.threads, ws.models_dir,
                                 generator=counter or NoModel(), temperature=0.0, max_tokens=max_tokens)
            try:
                engine.search("warm up", k=4)
                records = [ask_one(engine, q, counter) for q in questions]
            finally:
                engine.close()
            summary = summarise(records)
            summary["halves"] = _halves(records)
            summary["examples"] = records[:EXAMPLES_KEPT]
            summary["misses"] = [r["question"] for r in records if not r["final_contains"]][:40]
            out["runs"][name][group] = summary
            log.info("answers %s / %s: evidence %.2f final %.2f pool %.2f abstained %.2f", name, group,
                     summary["evidence_contains"], summary["final_contains"], summary["pool_has_answer"], summary["abstained"])
        if counter:
            counter.close()
    out["off_topic"] = _off_topic(ws, backend)
    out["near_topic"] = _near_topic(ws, backend)
    out["latency"] = _evidence_latency(ws, backend)
    return out


def _off_topic(ws: Workspace, backend: str) -> dict:
    from bench.faro_pipeline import open_engine

    result, more = {}, {}
    for dataset in ("sec10q", "xquad-es", "xquad-en", "scifact"):
        engine = open_engine(ws.ensure(dataset, f"faro-{backend}"), backend, ws.threads, ws.models_dir, generator=NoModel())
        try:
            if dataset in ("sec10q", "xquad-es"):
                result[dataset] = mean(1.0 if engine.ask(q).abstained else 0.0 for q in OFF_TOPIC)
            more[dataset] = {language: mean(1.0 if engine.ask(q).abstained else 0.0 for q in questions)
                             for language, questions in (("en", MORE_OFF_TOPIC_EN), ("es", MORE_OFF_TOPIC_ES))}
        finally:
            engine.close()
    return {"questions": len(OFF_TOPIC), "abstained": result, "more_questions": len(MORE_OFF_TOPIC_ES), "more": more}


def _near_topic(ws: Workspace, backend: str) -> dict:
    """Questions about the XQuAD articles' topics that they do not answer, per library language: abstained, shown as
    "may not answer", or answered as if they did."""
    from bench.faro_pipeline import open_engine

    result = {}
    for name, dataset, questions in (("xquad-en", "xquad-en", NEAR_TOPIC), ("xquad-es", "xquad-es", NEAR_TOPIC_ES),
                                     ("xquad-en, asked in Spanish", "xquad-en", NEAR_TOPIC_ES)):
        engine = open_engine(ws.ensure(dataset, f"faro-{backend}"), backend, ws.threads, ws.models_dir, generator=NoModel())
        try:
            answers = [engine.ask(q) for q in questions]
        finally:
            engine.close()
        result[name] = {"questions": len(questions), "abstained": mean(1.0 if a.abstained else 0.0 for a in answers),
                           "hedged": mean(1.0 if a.weak and not a.abstained else 0.0 for a in answers),
                           "answered": mean(0.0 if a.abstained or a.weak else 1.0 for a in answers)}
    return result


def _evidence_latency(ws: Workspace, backend: str) -> dict:
    """Seconds from ``ask`` to the evidence on the SciFact library (over 5,000 passages), without a model."""
    from bench.faro_pipeline import open_engine

    queries = list(ws.scifact().queries.values())[:LATENCY_QUERIES]
    engine = open_engine(ws.ensure("scifact", f"faro-{backend}"), backend, ws.threads, ws.models_dir, generator=NoModel())
    try:
        engine.ask(queries[0])
        passages = sum(record.chunks for record in engine.documents())
        seconds = []
        for question in queries[1:]:
            stamps = {}
            began = time.perf_counter()
            engine.ask(question, on_evidence=lambda _: stamps.setdefault("evidence", time.perf_counter()))
            if "evidence" in stamps:
                seconds.append(stamps["evidence"] - began)
    finally:
        engine.close()
    ms = [s * 1000 for s in seconds]
    return {"passages": passages, "questions": len(ms), "p50_ms": median(ms), "p95_ms": percentile(ms, 95)}
