"""The viewer marks cited words on scanned pages and images (from OCR word boxes) and cited table rows (as printed)."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF

from app.sources import SourceRef
from app.viewer_pane import ViewerPane
from rag.ingest.loaders import load_document
from tests.engine.test_ocr import make_photo, make_scanned_policy
from tests.engine.test_page_structure import make_table_pdf
from tests.gui.conftest import wait_for

pytest.importorskip("rapidocr", reason="the OCR engine (rapidocrlite) is not installed")


def _ref(path: Path, document, page: int, first: str, last: str) -> SourceRef:
    text = document.pages[page - 1].text
    start = text.index(first)
    end = text.index(last, start) + len(last)
    return SourceRef(1, str(path), page, page, start, end, text[start:end][:80], scanned=document.pages[page - 1].scanned)


@pytest.fixture
def pane(qtbot):
    viewer = ViewerPane()
    qtbot.addWidget(viewer)
    viewer.resize(700, 900)
    viewer.show()
    return viewer


def test_cited_words_of_a_scanned_pdf_page_are_outlined_on_the_image(pane, tmp_path, qtbot):
    path, _ = make_scanned_policy(tmp_path / "politica.pdf")
    document = load_document(path)
    ref = _ref(path, document, 1, "3. El importe", "incluidos.")
    pane.open_source(ref, document)
    assert pane.mode == "pdf" and "read from a scan" in ref.label
    marks = pane.pdf.marks
    wait_for(qtbot, lambda: marks.isVisible() and marks.screen_boxes(), 10)
    boxes = marks.screen_boxes()
    assert len(boxes) == len("3. El importe máximo por noche es de 1.800 pesos, impuestos incluidos.".split())
    viewport = QRectF(pane.pdf.view.viewport().rect())
    assert all(viewport.contains(box) for box in boxes)
    assert len({round(box.top()) for box in boxes}) <= 2, "the words sit on one line of the page"


def test_cited_words_of_a_photo_are_outlined(pane, tmp_path):
    path = make_photo(tmp_path / "aviso.jpg")
    document = load_document(path)
    pane.open_source(_ref(path, document, 1, "2. ¿Cuántas", "viaje."), document)
    assert pane.mode == "image"
    assert len(pane.image.canvas.box_rects()) == len("2. ¿Cuántas noches de hotel se reembolsan? Como máximo cinco por viaje.".split())


def test_a_cited_table_row_is_searched_as_the_page_prints_it(pane, tmp_path, qtbot):
    path = make_table_pdf(tmp_path / "tests.pdf")
    document = load_document(path)
    pane.open_source(_ref(path, document, 1, "P-103 |", "Pressure (bar): 4.3"), document)
    wait_for(qtbot, lambda: pane.pdf.highlighted() is not None, 10)
    assert pane.pdf.phrase.text.split() == ["P-103", "95", "4.3"]
