"""OCR quality and speed: Faro's engine on generated English and Spanish A4 pages, clean and as poor scans."""
from __future__ import annotations

import logging
import time
from pathlib import Path

from bench.metrics import mean, median
from bench.ocr_pages import test_pages, character_error_rate

log = logging.getLogger(__name__)

FULL_PAGE_LINES = 40


def _install_mb(module) -> float:
    folder = Path(module.__file__).parent
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def ocr_quality(threads: int) -> dict:
    """Character error rate per language and page condition, and seconds per A4 page at 300 dpi (warm engine)."""
    import rapidocr

    from rag.ingest.loaders.scan_layout import read_image
    from rag.ingest.ocr import LiteOcr

    engine = LiteOcr(threads=threads)
    pages = test_pages()
    read_image(engine, pages[0].image)
    rows = []
    for page in pages:
        started = time.perf_counter()
        text = read_image(engine, page.image).text
        rows.append({"language": page.language, "condition": page.condition, "seconds": time.perf_counter() - started,
                     "cer": character_error_rate(page.text, text)})
    out = {"engine": engine.name, "threads": threads, "pages": len(rows), "install_mb": round(_install_mb(rapidocr), 1),
           "seconds_per_page": median(r["seconds"] for r in rows), "rows": rows, "cer": {}}
    for language in ("en", "es"):
        for condition in ("clean", "noisy"):
            out["cer"][f"{language}-{condition}"] = mean(
                r["cer"] for r in rows if r["language"] == language and r["condition"].startswith(condition))
    out["full_page"] = _full_pages(engine)
    out["scanned_tables"] = _scanned_tables(engine)
    log.info("OCR: %s; a full page: %s; tables: %s", out["cer"], out["full_page"], out["scanned_tables"])
    return out


def _scanned_tables(engine) -> dict:
    """A scanned page of two tables, straight and turned as a scanner leaves a sheet: how many rows come out whole
    (label and value on one line, in order)."""
    from bench.ocr_pages import render_table_page, rows_kept_whole
    from rag.ingest.loaders.scan_layout import read_image

    result = {}
    for angle in (0.0, 0.6, -1.0, 1.5, -2.0):
        image, _ = render_table_page(angle)
        whole, rows = rows_kept_whole(read_image(engine, image.convert("RGB")).text)
        result[f"turned {angle:+.1f} degrees"] = {"rows": rows, "whole": whole}
    return result


def _full_pages(engine) -> dict:
    """A page filled with text (the test lines repeated to 40 lines, 10 pt, about 2,600 characters): CER and seconds
    (median of three reads) per language; the test pages above hold a third as much."""
    from bench.ocr_pages import TEXTS, render_page
    from rag.ingest.loaders.scan_layout import read_image

    result = {}
    for language, lines in TEXTS.items():
        full = tuple((lines * FULL_PAGE_LINES)[:FULL_PAGE_LINES])
        image, _ = render_page(full, points=10.0, top=200)
        seconds, text = [], ""
        for _ in range(3):
            started = time.perf_counter()
            text = read_image(engine, image).text
            seconds.append(time.perf_counter() - started)
        result[language] = {"characters": len("\n".join(full)), "seconds": median(seconds),
                            "cer": character_error_rate("\n".join(full), text)}
    return result
