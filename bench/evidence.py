"""Evidence found, sec10q: is the passage (and page) holding the reference answer among the top 5, by chunk type."""
from __future__ import annotations

import csv
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from bench.datasets import SINGLE_DOC_TYPE
from bench.metrics import mean
from bench.workspace import Workspace

log = logging.getLogger(__name__)

TOP_K = 5
MIN_EVIDENCE = 0.5
NEAR_BEST = 0.75
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
_WORD = re.compile(r"[A-Za-z][A-Za-z-]{4,}")
_YEAR = re.compile(r"^(19|20)\d\d$")
_COMMON = frozenset(
    "about above after again against apple because before being below between billion compared company could during "
    "each ended ending fiscal further million months other period primarily quarter quarterly reported same should "
    "their there these those three through total under which while would years specifically provided document "
    "documents context mentioned report latest recent".split()
)


@dataclass(frozen=True)
class EvidenceQuestion:
    """A single-chunk sec10q question with what its reference answer rests on."""

    question: str
    filing: str
    chunk_type: str
    figures: frozenset[str]
    words: frozenset[str]


def figures_in(text: str) -> set[str]:
    """Numbers a reader would quote (3+ digits or a decimal), commas dropped; years are not figures."""
    found = set()
    for raw in _NUMBER.findall(text):
        plain = raw.rstrip(".,").replace(",", "")
        digits = plain.replace(".", "")
        if _YEAR.match(plain) or (len(digits) < 3 and "." not in plain):
            continue
        found.add(plain)
    return found


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - _COMMON


def load_evidence_questions(csv_path: Path) -> list[EvidenceQuestion]:
    """The single-chunk questions with the figures (or, without figures, the distinctive words) of their answers."""
    with open(csv_path, encoding="utf-8-sig", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["Question Type"].strip() == SINGLE_DOC_TYPE]
    questions = []
    for row in rows:
        answer = row["Answer"].split("SOURCE(S)")[0]
        asked = row["Question"]
        questions.append(EvidenceQuestion(
            question=asked.strip(),
            filing=re.sub(r"[*]", "", row["Source Docs"]).strip(),
            chunk_type=row["Source Chunk Type"].strip().lower(),
            figures=frozenset(figures_in(answer) - figures_in(asked)),
            words=frozenset(_words(answer) - _words(asked)),
        ))
    return questions


def evidence_score(question: EvidenceQuestion, text: str) -> float:
    """Share of the answer's figures (or, for answers without figures, its distinctive words) found in ``text``."""
    if question.figures:
        return len(question.figures & figures_in(text)) / len(question.figures)
    if question.words:
        return len(question.words & _words(text)) / len(question.words)
    return 0.0


def answer_bearing(scores: dict, best: float) -> set:
    """The keys whose score holds the evidence: at least half of it, and close to the best of the filing."""
    floor = max(MIN_EVIDENCE, NEAR_BEST * best)
    return {key for key, score in scores.items() if score >= floor}


def _filing_material(data_dir: Path) -> dict[str, tuple[list, list[str]]]:
    """Per filing stem: its passages (chunk id, text, first page, last page) and its saved page texts."""
    from rag.config import DEFAULT_COLLECTION
    from rag.store.library import TEXTS_FOLDER, SavedTexts
    from rag.store.registry import Registry

    registry = Registry(data_dir / "library.sqlite3")
    texts = SavedTexts(data_dir / TEXTS_FOLDER)
    try:
        material = {}
        for record in registry.documents(DEFAULT_COLLECTION):
            chunks = [(r["chunk_id"], r["text"], r["page_start"], r["page_end"]) for r in registry.chunks_of(record.doc_id)]
            document = texts.read(record.doc_id)
            pages = [p.text for p in document.pages] if document else []
            material[Path(record.path).stem] = (chunks, pages)
        return material
    finally:
        registry.close()


def _judge(question: EvidenceQuestion, chunks: list, pages: list[str]) -> tuple[set[str], set[int]] | None:
    chunk_scores = {cid: evidence_score(question, text) for cid, text, _, _ in chunks}
    page_scores = {number: evidence_score(question, text) for number, text in enumerate(pages, 1)}
    best_chunk, best_page = max(chunk_scores.values(), default=0.0), max(page_scores.values(), default=0.0)
    if max(best_chunk, best_page) < MIN_EVIDENCE:
        return None
    return answer_bearing(chunk_scores, best_chunk), answer_bearing(page_scores, best_page)


def evidence(ws: Workspace, backends: list[str]) -> dict:
    """Passage and page hit@5 of the answer-bearing evidence for the single-chunk questions, split by chunk type."""
    from bench.faro_pipeline import open_engine

    questions = load_evidence_questions(ws.sec10q_dir / "qna_data.csv")
    out: dict = {"questions": len(questions), "top_k": TOP_K, "faro": {}}
    for backend in backends:
        data_dir = ws.ensure("sec10q", f"faro-{backend}")
        material = _filing_material(data_dir)
        engine = open_engine(data_dir, backend, ws.threads, ws.models_dir)
        rows = []
        try:
            for q in questions:
                if q.filing not in material:
                    continue
                judged = _judge(q, *material[q.filing])
                if judged is None:
                    rows.append({"question": q.question, "type": q.chunk_type, "judged": False})
                    continue
                passages, pages = judged
                hits = [h for h in engine.search(q.question, k=TOP_K, mode="fused") if Path(h.source).stem == q.filing]
                passage_hit = any(h.chunk_id in passages for h in hits)
                page_hit = any(set(range(h.page_start or 0, (h.page_end or h.page_start or 0) + 1)) & pages for h in hits)
                rows.append({"question": q.question, "type": q.chunk_type, "judged": True, "passage": passage_hit,
                             "page": page_hit, "evidence_pages": sorted(pages), "evidence_passages": len(passages)})
        finally:
            engine.close()
        out["faro"][backend] = summarize(rows)
        out["faro"][backend]["rows"] = rows
        log.info("sec10q evidence %s: %s", backend, {k: v for k, v in out["faro"][backend]["all"].items()})
    return out


def summarize(rows: list[dict]) -> dict:
    """passage@5 and page@5 over the judged questions: all, table and text. A question whose reference only a whole
    page holds (no single passage carries enough of it) counts for page@5 alone; ``passage@5 (all judged)`` counts it
    as a miss, as this measure did before 2026-12-06."""
    result = {}
    for group in ("all", "table", "text"):
        judged = [r for r in rows if r["judged"] and group in ("all", r["type"])]
        by_passage = [r for r in judged if r.get("evidence_passages", 1)]
        result[group] = {
            "judged": len(judged),
            "unjudged": sum(1 for r in rows if not r["judged"] and group in ("all", r["type"])),
            "passage_judged": len(by_passage),
            "passage@5": mean(1.0 if r["passage"] else 0.0 for r in by_passage) if by_passage else None,
            "passage@5 (all judged)": mean(1.0 if r["passage"] else 0.0 for r in judged) if judged else None,
            "page@5": mean(1.0 if r["page"] else 0.0 for r in judged) if judged else None,
        }
    return result
