"""Scanned pages and images read by the bundled local OCR engine: text, word boxes, mixed PDFs, progress, the setting."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest

from bench.ocr_pages import DPI, SPANISH, character_error_rate, degrade, render_page
from rag.errors import Cancelled, NoTextLayer
from rag.ingest.loaders import load_document
from rag.ingest.loaders.reading import ReadOptions, reading
from rag.ingest.parse_worker import IsolatedParser
from rag.progress import CancelToken

pytest.importorskip("rapidocr", reason="the OCR engine (rapidocrlite) is not installed")

FIRST, SECOND = SPANISH[:4], SPANISH[4:]


def make_scanned_policy(path: Path) -> tuple[Path, list]:
    """Two rendered pages (the second a poor scan) wrapped in a PDF without a text layer; with the line boxes."""
    clean, first_boxes = render_page(FIRST)
    noisy, _ = render_page(SECOND)
    clean.convert("RGB").save(path, save_all=True, append_images=[degrade(noisy).convert("RGB")], resolution=DPI)
    return path, first_boxes


def make_mixed_pdf(path: Path) -> Path:
    """Page 1 typed (a text layer), page 2 a picture of a page."""
    from fpdf import FPDF

    image, _ = render_page(SECOND)
    picture = path.with_suffix(".png")
    image.save(picture)
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, "Resumen de la política de viajes: este documento mezcla texto y una página escaneada.")
    pdf.add_page()
    pdf.image(str(picture), x=0, y=0, w=210, h=297)
    pdf.output(str(path))
    picture.unlink()
    return path


def make_photo(path: Path) -> Path:
    """A photo-like JPEG of a paper notice: tilted, unevenly lit, grainy, compressed."""
    import numpy as np
    from PIL import Image

    image, _ = render_page(FIRST, points=14)
    image = image.crop((120, 200, 2480, 1300)).rotate(2.5, resample=Image.BICUBIC, expand=True, fillcolor=235)
    pixels = np.asarray(image, dtype=np.float32)
    light = np.linspace(0.75, 1.0, pixels.shape[1])[None, :]
    pixels = pixels * light + np.random.default_rng(3).normal(0, 12, pixels.shape)
    Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).convert("RGB").save(path, quality=55)
    return path


def test_a_scanned_spanish_policy_is_read_with_its_accents(tmp_path):
    path, _ = make_scanned_policy(tmp_path / "politica.pdf")
    document = load_document(path)
    assert [p.scanned for p in document.pages] == [True, True]
    assert character_error_rate("\n".join(FIRST), document.pages[0].text) <= 0.02
    assert character_error_rate("\n".join(SECOND), document.pages[1].text) <= 0.05
    assert "¿Cuántas noches de hotel se reembolsan?" in document.pages[0].text
    assert "1.800 pesos" in document.pages[0].text
    assert any("read from a scan" in w for w in document.warnings)


def test_word_boxes_map_the_text_back_onto_the_page_image(tmp_path):
    path, line_boxes = make_scanned_policy(tmp_path / "politica.pdf")
    page = load_document(path).pages[0]
    start = page.text.index("reembolsan")
    word = next(w for w in page.words if w[0] == start)
    assert page.text[word[0] : word[1]] == "reembolsan?"
    width, height = 2480, 3508
    left, top, right, bottom = line_boxes[2]
    assert left / width - 0.01 <= word[2] < word[4] <= right / width + 0.01
    assert top / height - 0.01 <= word[3] < word[5] <= bottom / height + 0.01


def test_word_boxes_of_a_passage_are_what_the_viewer_marks(tmp_path):
    from app.passage_match import word_boxes

    path, line_boxes = make_scanned_policy(tmp_path / "politica.pdf")
    page = load_document(path).pages[0]
    start = page.text.index("3. El importe")
    end = page.text.index("incluidos") + len("incluidos")
    boxes = word_boxes(page.words, start, end)
    assert len(boxes) == len(page.text[start:end].split())
    left, top, right, bottom = (v / s for v, s in zip(line_boxes[3], (2480, 3508, 2480, 3508)))
    assert all(top - 0.01 <= b[1] and b[3] <= bottom + 0.01 for b in boxes)
    assert min(b[0] for b in boxes) == pytest.approx(left, abs=0.01)


def test_a_mixed_pdf_reads_only_the_scanned_page_by_ocr(tmp_path):
    reported = []
    with reading(ReadOptions(), lambda page, pages, note: reported.append((page, pages, note))):
        document = load_document(make_mixed_pdf(tmp_path / "mixta.pdf"))
    assert reported == [(2, 2, "scanned")]
    assert [p.scanned for p in document.pages] == [False, True]
    assert "mezcla texto" in document.pages[0].text
    assert "¡Atención!" in document.pages[1].text


def test_a_photo_of_a_notice_is_a_document(tmp_path):
    document = load_document(make_photo(tmp_path / "aviso.jpg"))
    assert document.kind == "image" and document.page_count == 1 and document.pages[0].scanned
    assert character_error_rate("\n".join(FIRST), document.pages[0].text) <= 0.05


def test_every_frame_of_a_tiff_is_a_page(tmp_path):
    first, _ = render_page(FIRST)
    second, _ = render_page(SECOND)
    path = tmp_path / "formulario.tiff"
    first.save(path, save_all=True, append_images=[second], compression="tiff_lzw")
    document = load_document(path)
    assert [p.number for p in document.pages] == [1, 2]
    assert "Política de viajes" in document.pages[0].text and "García Núñez" in document.pages[1].text


def test_ocr_turned_off_leaves_scans_unread_with_a_reason(tmp_path):
    path, _ = make_scanned_policy(tmp_path / "politica.pdf")
    with reading(ReadOptions(ocr=False)):
        with pytest.raises(NoTextLayer, match="turned off"):
            load_document(path)
        with pytest.raises(NoTextLayer, match="turned off"):
            load_document(make_photo(tmp_path / "aviso.jpg"))


def test_the_parse_worker_reports_each_scanned_page_and_stops_on_cancel(tmp_path):
    path, _ = make_scanned_policy(tmp_path / "politica.pdf")
    parser = IsolatedParser(120, 3072)
    try:
        pages = []
        parser.submit(path)
        document = parser.result(lambda page, total, note: pages.append((page, total, note)))
        assert pages == [(1, 2, "scanned"), (2, 2, "scanned")]
        assert document.pages[1].scanned
        cancel = CancelToken()
        parser.submit(path)
        with pytest.raises(Cancelled):
            parser.result(lambda *page: cancel.cancel(), cancel)
        assert parser.worker_pid is None
    finally:
        parser.close()


def test_passages_read_from_a_scan_say_so_in_search_and_answers(fake_engine, tmp_path):
    engine = fake_engine()
    path, _ = make_scanned_policy(tmp_path / "politica.pdf")
    engine.ingest([path])
    hits = engine.search("¿Cuántas noches de hotel se reembolsan?", k=3)
    assert hits and hits[0].scanned
    answer = engine.ask("¿Cuántas noches de hotel se reembolsan?")
    assert all(c.scanned for c in answer.citations)


def test_cancel_from_another_thread_stops_a_scan_within_a_second(tmp_path):
    import time

    path, _ = make_scanned_policy(tmp_path / "politica.pdf")
    parser = IsolatedParser(120, 3072)
    cancel = CancelToken()
    try:
        parser.submit(path)
        threading.Timer(0.5, cancel.cancel).start()
        started = time.monotonic()
        with pytest.raises(Cancelled):
            parser.result(None, cancel)
        assert time.monotonic() - started < 1.5
    finally:
        parser.close()
