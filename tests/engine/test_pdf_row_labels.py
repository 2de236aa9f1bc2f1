"""PDF table rows as a filing prints them: each label's words apart, and a share row named by the row it belongs to."""
from __future__ import annotations

from pathlib import Path

from rag.ingest.loaders import load_document
from tests.engine.test_page_structure import _rows

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
# Points between "of" and "net": PDFium reads a space there, but it is narrower than Faro's own word gap in DejaVu
# Sans 10 pt (0.18 of a 11.6-point line), as in NVIDIA's filings' "% of net revenue".
NARROW_GAP = 1.6


def make_expenses_pdf(path: Path) -> Path:
    """An operating expenses table as NVIDIA's 10-Q prints it: each expense's figures, then a row of its share of
    revenue labelled only "% of net revenue", written as two runs of text a narrow gap apart."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt")
    pdf.add_page()
    pdf.add_font("dejavu", "", DEJAVU)
    pdf.set_font("dejavu", size=10)
    rows = [("", "April 30, 2023", "May 1, 2022"),
            ("Research and development expenses", "$1,875", "$1,618"), ("% of net revenue", "26 %", "20 %"),
            ("Sales, general and administrative expenses", "633", "592"), ("% of net revenue", "9 %", "7 %"),
            ("Total operating expenses", "$2,508", "$3,563"), ("% of net revenue", "34.9 %", "42.9 %")]
    y = 80.0
    for label, first, second in rows:
        if label.startswith("% of"):
            pdf.text(60, y, "% of")
            pdf.text(60 + pdf.get_string_width("% of") + NARROW_GAP, y, "net revenue")
        else:
            pdf.text(60, y, label)
        for right, figure in ((400, first), (500, second)):
            pdf.text(right - pdf.get_string_width(figure), y, figure)
        y += 16
    pdf.output(str(path))
    return path


def test_a_share_row_is_named_by_the_row_above_and_its_words_stay_apart(tmp_path):
    rows = _rows(load_document(make_expenses_pdf(tmp_path / "expenses.pdf")))
    assert "Total operating expenses, % of net revenue | April 30, 2023: 34.9 % | May 1, 2022: 42.9 %" in rows
    assert "Research and development expenses, % of net revenue | April 30, 2023: 26 % | May 1, 2022: 20 %" in rows
    assert "Total operating expenses | April 30, 2023: $2,508 | May 1, 2022: $3,563" in rows
    assert not any(row.startswith("%") for row in rows), rows


def test_the_figure_of_a_share_row_answers_a_question_on_that_share(tmp_path, fake_engine):
    engine = fake_engine()
    engine.ingest([make_expenses_pdf(tmp_path / "expenses.pdf")])
    answer = engine.ask("What were total operating expenses as a percentage of net revenue?")
    assert answer.evidence[0].text.startswith("Total operating expenses, % of net revenue"), answer.evidence[0].text
    assert answer.evidence[0].answer == "34.9% (April 30, 2023)"
