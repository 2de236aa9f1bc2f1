"""Table rows on sec10q: Faro's reader (PDFium character boxes) against pdfplumber, on the pages holding the figures
of the table questions: is the figure's row kept with its label and its column header, and how long a page takes."""
from __future__ import annotations

import logging
import re
import time
from pathlib import Path

from bench.evidence import figures_in, load_evidence_questions
from bench.metrics import median
from bench.workspace import Workspace

log = logging.getLogger(__name__)

_LETTERS = re.compile(r"[A-Za-z]{2,}")
_HEADER = re.compile(r"[A-Za-z]{3,}|(?:19|20)\d\d")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _faro_row_found(rows: list[str], figure: str) -> bool:
    """A row ``label | header: value | …`` holds the figure under a header, behind a label with words."""
    for row in rows:
        label, _, cells = row.partition(" | ")
        if not _LETTERS.search(label):
            continue
        for cell in cells.split(" | "):
            header, _, value = cell.rpartition(": ")
            if header and _HEADER.search(header) and figure in figures_in(value):
                return True
    return False


def _plumber_row_found(tables: list[list[list[str | None]]], figure: str) -> bool:
    """The figure's cell has a row label with words (a cell to its left) and a column header (a cell above)."""
    for table in tables:
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                if not cell or figure not in figures_in(cell):
                    continue
                label = any(_LETTERS.search(x or "") for x in row[:c])
                header = any(_HEADER.search(table[above][c] or "") for above in range(r) if c < len(table[above]))
                if label and header:
                    return True
    return False


def _faro_pages(path: Path) -> tuple[dict[int, list[str]], dict[int, str], float]:
    from rag.ingest.loaders import load_document

    started = time.perf_counter()
    document = load_document(path)
    seconds = time.perf_counter() - started
    rows = {p.number: [p.text[start:end] for start, end, _ in p.rows] for p in document.pages}
    return rows, {p.number: p.text for p in document.pages}, seconds / max(1, len(document.pages))


def table_readers(ws: Workspace) -> dict:
    """Per table question and page holding its figures: found as a row with label and header, by each reader."""
    import pdfplumber

    questions = [q for q in load_evidence_questions(ws.sec10q_dir / "qna_data.csv") if q.chunk_type == "table" and q.figures]
    out: dict = {"questions": len(questions), "readers": {"faro": {"found": 0}, "pdfplumber": {"found": 0}}, "rows": []}
    faro_seconds, plumber_seconds = [], []
    for filing in sorted({q.filing for q in questions}):
        path = ws.sec10q_dir / "docs" / f"{filing}.pdf"
        rows, texts, per_page = _faro_pages(path)
        faro_seconds.append(per_page)
        wanted = [(q, number) for q in questions if q.filing == filing
                  for number, text in texts.items() if q.figures & figures_in(text)]
        with pdfplumber.open(path) as pdf:
            tables: dict[int, list] = {}
            for number in sorted({n for _, n in wanted}):
                started = time.perf_counter()
                tables[number] = pdf.pages[number - 1].extract_tables({"vertical_strategy": "text", "horizontal_strategy": "text"})
                plumber_seconds.append(time.perf_counter() - started)
        for q, number in wanted:
            figures = sorted(q.figures & figures_in(texts[number]))
            faro = all(_faro_row_found(rows[number], f) for f in figures)
            plumber = all(_plumber_row_found(tables[number], f) for f in figures)
            out["rows"].append({"question": q.question, "page": number, "figures": figures, "faro": faro, "pdfplumber": plumber})
    for reader in ("faro", "pdfplumber"):
        hits = [r[reader] for r in out["rows"]]
        out["readers"][reader]["found"] = sum(hits) / len(hits) if hits else None
    out["pages"] = len(out["rows"])
    out["headers"] = header_years(sorted((ws.sec10q_dir / "docs").glob("*.pdf")))
    out["readers"]["faro"]["seconds_per_page"] = median(faro_seconds) if faro_seconds else None
    out["readers"]["pdfplumber"]["seconds_per_page"] = median(plumber_seconds) if plumber_seconds else None
    log.info("table rows: %s", out["readers"])
    return out


def header_years(paths: list[Path]) -> dict:
    """Over every table row Faro writes: value cells with no column header, and with a header naming two or more
    years ("Three Months Ended June 30, 2022 2023"), where which year a figure is for cannot be told."""
    from rag.ingest.loaders import load_document

    cells = headless = several_years = 0
    for path in paths:
        for page in load_document(path).pages:
            for start, end, _ in page.rows:
                for cell in page.text[start:end].split(" | ")[1:]:
                    header, _, _ = cell.rpartition(": ")
                    cells += 1
                    headless += not header
                    several_years += len(set(_YEAR.findall(header))) >= 2
    return {"filings": len(paths), "cells": cells, "no_header": headless / cells if cells else None,
            "several_years": several_years / cells if cells else None}
