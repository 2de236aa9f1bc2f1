"""A scan's layout: words OCR split joined again, skewed lines read label first, tables as rows, headings as sections."""
from __future__ import annotations

from pathlib import Path

import pytest

from bench.ocr_pages import DPI, render_table_page, rows_kept_whole
from rag.ingest.loaders import load_document
from rag.ingest.loaders.scan_layout import read_image
from rag.ingest.ocr import OcrWord, whole_words



def test_words_split_by_the_recogniser_are_joined_as_the_line_prints_them():
    fragments = [OcrWord("Cada", (0, 0, 40, 20)), OcrWord("6", (50, 0, 60, 20)), OcrWord("m", (70, 0, 85, 20)),
                 OcrWord("eses", (85, 2, 120, 21))]
    words = whole_words("Cada 6 meses", fragments)
    assert [w.text for w in words] == ["Cada", "6", "meses"]
    assert words[2].box == (70, 0, 120, 21)


class _FakeOcr:
    """Returns fixed lines, as an engine that read a page turned a little: each row's value a few pixels higher."""

    name = "fake"

    def __init__(self, lines):
        self.lines = lines

    def read_lines(self, image):
        return self.lines


def test_a_skewed_row_reads_its_label_before_its_value():
    from PIL import Image

    def piece(text, left, top):
        words, x = [], left
        for word in text.split():
            words.append(OcrWord(word, (x, top, x + 20 * len(word), top + 30)))
            x += 20 * len(word) + 10
        return words

    lines = [piece("Frecuencia", 800, 100), piece("Tarea", 100, 108), piece("Cada 6 meses", 800, 145),
             piece("Limpiar el filtro", 100, 153)]
    page = read_image(_FakeOcr(lines), Image.new("RGB", (1200, 400), "white"))
    assert page.text.splitlines() == ["Tarea", "Frecuencia", "Limpiar el filtro", "Cada 6 meses"]
    start = page.text.index("meses")
    assert any(w[0] == start and w[1] == start + 5 for w in page.words)


def _scanned_tables(path: Path) -> tuple[Path, dict[str, tuple[int, int, int, int]]]:
    """The two tables of ``render_table_page`` in an image-only PDF page, turned 0.6°; with each value cell's box."""
    image, cells = render_table_page(0.6)
    image.convert("RGB").save(path, resolution=DPI)
    return path, cells


@pytest.fixture(scope="module")
def scanned_tables(tmp_path_factory):
    pytest.importorskip("rapidocr", reason="the OCR engine (rapidocrlite) is not installed")
    path, cells = _scanned_tables(tmp_path_factory.mktemp("scan") / "mantenimiento.pdf")
    return load_document(path), cells


def test_a_scanned_table_is_read_as_rows_under_its_headers(scanned_tables):
    document, _ = scanned_tables
    page = document.pages[0]
    lines = page.text.splitlines()
    assert "Limpiar el filtro de agua | Frecuencia: Cada 6 meses" in lines
    assert "Limpiar la batería exterior | Frecuencia: Una vez al año" in lines
    assert "E1 | Significado: Presión de agua baja: rellene el circuito ya" in lines
    assert "E9 | Significado: Caudal insuficiente: revise el filtro" in lines
    rows = [page.text[start:end] for start, end, _ in page.rows]
    assert "E4 | Significado: Fallo del sensor de temperatura exterior" in rows and len(rows) == 6
    assert rows_kept_whole(page.text) == (6, 6)


def test_a_scanned_rows_words_are_boxed_where_the_cell_is(scanned_tables):
    document, cells = scanned_tables
    page = document.pages[0]
    start = page.text.index("Cada 6 meses")
    boxes = [w for w in page.words if start <= w[0] < start + len("Cada 6 meses")]
    assert [page.text[w[0]:w[1]] for w in boxes] == ["Cada", "6", "meses"]
    left, top, right, bottom = cells["Cada 6 meses"]
    width, height = 2480, 3508
    assert all(left / width - 0.01 <= b[2] < b[4] <= right / width + 0.01 for b in boxes)
    assert all(top / height - 0.015 <= b[3] < b[5] <= bottom / height + 0.015 for b in boxes)
    header = page.text.index("Frecuencia: Cada 6")
    assert not any(header <= w[0] < start for w in page.words)  # the header named in the row is not on this line


def test_a_scans_headings_are_its_sections(scanned_tables):
    document, _ = scanned_tables
    assert [mark.path[-1] for mark in document.sections] == ["3. Mantenimiento", "4. Códigos de error"]


def test_two_columns_of_prose_under_bold_headings_are_no_table():
    from rag.ingest.loaders.pdf_layout import Cell, Line
    from rag.ingest.loaders.wrapped_tables import wrapped_tables

    def line(number, left, right, bold=False):
        return Line(top=-100.0 * number, bottom=-100.0 * number - 30, cells=[Cell(left, 100, 700), Cell(right, 900, 1500)],
                    indexes=[number], em=30, emphasized=bold)

    prose = [line(0, "Shuttle bus", "Line 3 shutdown", bold=True),
             line(1, "The bus from Central Station now", "Production line 3 will be shut"),
             line(2, "leaves every 20 minutes between", "down from 14 to 18 December for"),
             line(3, "five and eight, and every hour", "the installation of a new filler.")]
    assert wrapped_tables(prose, [], single_lines=True) == []
    codes = [line(0, "Código", "Significado", bold=True), line(1, "E1", "Presión de agua baja: rellene el circuito"),
             line(2, "E4", "Fallo del sensor de temperatura"), line(3, "E9", "Caudal insuficiente")]
    assert wrapped_tables(codes, [], single_lines=True)[0].rows[0] == "E1 | Significado: Presión de agua baja: rellene el circuito"
    assert wrapped_tables(codes, [], single_lines=False) == []


@pytest.mark.parametrize("angle", [-2.0, 1.5])
def test_rows_stay_whole_on_a_page_turned_by_its_scanner(angle):
    pytest.importorskip("rapidocr", reason="the OCR engine (rapidocrlite) is not installed")
    from rag.ingest.ocr import LiteOcr

    image, _ = render_table_page(angle)
    assert rows_kept_whole(read_image(LiteOcr(), image.convert("RGB")).text) == (6, 6)


def test_two_columns_of_prose_on_a_scan_are_read_one_after_the_other():
    pytest.importorskip("rapidocr", reason="the OCR engine (rapidocrlite) is not installed")
    from PIL import Image, ImageDraw, ImageFont

    from bench.ocr_pages import font_path
    from rag.ingest.ocr import LiteOcr

    left = ["The shuttle bus from Central", "Station now leaves every 20", "minutes between 5:40 and 8:00,",
            "and every hour for the rest of", "the day."]
    right = ["Production line 3 will be shut", "down from 14 to 18 December", "for the installation of a new",
             "filling machine. Operators of", "line 3 join line 1."]
    serif = font_path(serif=True)
    regular, bold = ImageFont.truetype(str(serif), 36), ImageFont.truetype(str(serif.with_name("DejaVuSerif-Bold.ttf")), 40)
    image = Image.new("L", (2480, 1200), 250)
    draw = ImageDraw.Draw(image)
    draw.text((200, 200), "Shuttle bus", font=bold, fill=20)
    draw.text((1300, 200), "Line 3 shutdown", font=bold, fill=20)
    for number, (first, second) in enumerate(zip(left, right)):
        draw.text((200, 280 + 56 * number), first, font=regular, fill=20)
        draw.text((1300, 280 + 56 * number), second, font=regular, fill=20)
    text = read_image(LiteOcr(), image.rotate(0.5, fillcolor=250).convert("RGB")).text
    assert [line for line in text.splitlines() if line] == ["Shuttle bus", *left, "Line 3 shutdown", *right]
