"""The benchmark data sets: BEIR SciFact (abstracts, queries, relevance judgements) and the sec10q filings and questions."""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path

SINGLE_DOC_TYPE = "Single-Doc Single-Chunk RAG"


def default_shared_dir() -> Path:
    """``../shared`` beside the repository (the evaluation data lives there, read-only)."""
    return Path(__file__).resolve().parents[1].parent / "shared"


@dataclass(frozen=True)
class Beir:
    """A BEIR data set: corpus id → (title, text), query id → text, query id → {corpus id: relevance}."""

    corpus: dict[str, tuple[str, str]]
    queries: dict[str, str]
    qrels: dict[str, dict[str, int]]


def load_beir(folder: Path, split: str = "test", max_queries: int | None = None) -> Beir:
    """The corpus, and the queries of ``split`` that have relevance judgements."""
    corpus = {}
    with open(folder / "corpus.jsonl", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            corpus[str(row["_id"])] = (row.get("title", ""), row.get("text", ""))
    qrels: dict[str, dict[str, int]] = {}
    with open(folder / "qrels" / f"{split}.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if int(row["score"]) > 0:
                qrels.setdefault(str(row["query-id"]), {})[str(row["corpus-id"])] = int(row["score"])
    queries = {}
    with open(folder / "queries.jsonl", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if str(row["_id"]) in qrels:
                queries[str(row["_id"])] = row["text"]
    if max_queries is not None:
        queries = dict(list(queries.items())[:max_queries])
    return Beir(corpus, queries, {q: qrels[q] for q in queries})


def corpus_text(title: str, text: str) -> str:
    return f"{title}\n\n{text}" if title else text


def write_corpus_files(beir: Beir, folder: Path) -> Path:
    """Each abstract as ``<id>.txt`` (title, blank line, text); files already there are left untouched."""
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id, (title, text) in beir.corpus.items():
        target = folder / f"{doc_id}.txt"
        if not target.exists():
            target.write_text(corpus_text(title, text), encoding="utf-8")
    return folder


@dataclass(frozen=True)
class FilingQuestion:
    """A sec10q question answered from one filing (``filing`` is the PDF's stem, e.g. ``2023 Q3 AAPL``)."""

    question: str
    filing: str


def load_single_doc_questions(csv_path: Path) -> list[FilingQuestion]:
    """The "Single-Doc Single-Chunk RAG" questions of the sec10q CSV (which starts with a byte-order mark)."""
    with open(csv_path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        FilingQuestion(row["Question"].strip(), re.sub(r"[*]", "", row["Source Docs"]).strip())
        for row in rows
        if row["Question Type"].strip() == SINGLE_DOC_TYPE
    ]
