"""PDF table rows as a filing prints them: each label's words apart, and a share row named by the row it belongs to."""
from __future__ import annotations

from pathlib import Path

from rag.ingest.loaders import load_document
from rag.ingest.loaders.pdf import load_pdf
from tests.engine.test_page_structure import _rows

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
# Points between "of" and "net": PDFium reads a space there, but it is narrower than Faro's own word gap in DejaVu
# Sans 10 pt (0.18 of a 11.6-point line), as in NVIDIA's filings' "% of net revenue".
NARROW_GAP = 1.6


def _figures(pdf, y: float, rights: tuple[float, ...], figures: tuple[str, ...], dollar_gap: float = 0) -> None:
    """Each figure flush right at its column's edge; with ``dollar_gap``, a "$" set apart that far left of the edge."""
    for right, figure in zip(rights, figures):
        if dollar_gap and figure.startswith("$"):
            pdf.text(right - dollar_gap, y, "$")
            figure = figure[1:]
        pdf.text(right - pdf.get_string_width(figure), y, figure)


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
        _figures(pdf, y, (400, 500), (first, second))
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


def make_net_sales_pdf(path: Path) -> Path:
    """Net sales as Apple's 10-Q prints them: "Three Months Ended" and "Nine Months Ended" each centred over three
    columns (two dates and the change) yet narrower than them, the dates below, then the years and "Change"."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt")
    pdf.add_page()
    pdf.add_font("dejavu", "", DEJAVU)
    pdf.set_font("dejavu", size=8)
    rights = (289, 353, 410, 472, 536, 593)
    for heading, centre in (("Three Months Ended", 323), ("Nine Months Ended", 506)):
        pdf.text(centre - pdf.get_string_width(heading) / 2, 80, heading)
    for line, y in ((("July 1,", "June 25,", "", "July 1,", "June 25,", ""), 92),
                    (("2023", "2022", "Change", "2023", "2022", "Change"), 104)):
        for right, text in zip(rights, line):
            pdf.text(right - 17 - pdf.get_string_width(text) / 2 if text != "Change" else right - pdf.get_string_width(text), y, text)
    pdf.set_font("dejavu", size=9)
    rows = [("iPhone", ("$39,669", "$40,665", "(2)%", "$156,778", "$162,863", "(4)%")),
            ("Mac", ("6,840", "7,382", "(7)%", "21,743", "28,669", "(24)%")),
            ("iPad", ("5,791", "7,224", "(20)%", "21,857", "22,118", "(1)%")),
            ("Services", ("21,213", "19,604", "8 %", "62,886", "58,941", "7 %")),
            ("Total net sales", ("$81,797", "$82,959", "(1)%", "$293,787", "$304,182", "(3)%"))]
    y = 120.0
    for label, figures in rows:
        pdf.text(40, y, label)
        _figures(pdf, y, rights, figures, dollar_gap=53)
        y += 14
    pdf.output(str(path))
    return path


def test_a_group_heading_centred_over_its_columns_heads_each_of_them(tmp_path):
    rows = _rows(load_document(make_net_sales_pdf(tmp_path / "net_sales.pdf")))
    assert ("Mac | Three Months Ended July 1, 2023: 6,840 | Three Months Ended June 25, 2022: 7,382 | "
            "Three Months Ended Change: (7)% | Nine Months Ended July 1, 2023: 21,743 | "
            "Nine Months Ended June 25, 2022: 28,669 | Nine Months Ended Change: (24)%") in rows, rows


def test_a_quarter_narrower_than_its_amount_heads_the_amount_and_its_share_of_revenue(shared):
    """Intel's 10-Q centres "Q3 2023" over an amount and its share of revenue, narrower than the amount's column but
    reaching past it: the share's column is that quarter's too, not one of two alike "% of Net Revenue"."""
    document = load_pdf(shared / "eval" / "sec10q" / "docs" / "2023 Q3 INTC.pdf")
    assert ("Gross margin | Three Months Ended Q3 2023 Amount: 6,018 | Three Months Ended Q3 2023 % of Net Revenue: 42.5 % | "
            "Three Months Ended Q3 2022 Amount: 6,535 | Three Months Ended Q3 2022 % of Net Revenue: 42.6 %") in document.pages[32].text


def test_a_centred_heading_that_ends_on_its_column_s_edge_still_heads_its_group(shared):
    """Apple's Q2 10-Q centres "Six Months Ended" over its three columns; it happens to end where the middle column's
    figures end, which alone does not make it flush right (the words below it end elsewhere)."""
    document = load_pdf(shared / "eval" / "sec10q" / "docs" / "2023 Q2 AAPL.pdf")
    assert ("Net sales by category: iPhone | Three Months Ended April 1, 2023: $51,334 | Three Months Ended March 26, 2022: "
            "$50,570 | Three Months Ended Change: 2 % | Six Months Ended April 1, 2023: $117,109 | Six Months Ended March 26, "
            "2022: $122,198 | Six Months Ended Change: (4)%") in document.pages[18].text


def test_a_heading_flush_right_over_its_last_year_heads_its_own_period_only(shared):
    """Microsoft's 10-Q sets each period's heading flush right over the second of its two years: "Three Months Ended"
    is also centred over the first three columns, yet heads only its own two."""
    document = load_pdf(shared / "eval" / "sec10q" / "docs" / "2023 Q2 MSFT.pdf")
    assert ("Total cost of revenue | Three Months Ended March 31, 2023: 16,128 | Three Months Ended March 31, 2022: 15,615 | "
            "Nine Months Ended March 31, 2023: 49,068 | Nine Months Ended March 31, 2022: 46,221") in document.pages[2].text


def test_a_centred_heading_ending_over_a_dollar_sign_is_not_flush_right(shared):
    """NVIDIA's 10-Q centres "Three Months Ended" over two dates, "$ Change" and "% Change"; its right edge falls on
    the "$" below it, a sign, not a word set flush right: every one of the four columns is that period's."""
    document = load_pdf(shared / "eval" / "sec10q" / "docs" / "2023 Q3 NVDA.pdf")
    assert ("Research and development expenses | Three Months Ended October 29, 2023: $2,294 | Three Months Ended "
            "October 30, 2022: $1,945 | Three Months Ended $ Change: $349 | Three Months Ended % Change ($ in millions): "
            "18 %") in document.pages[30].text


def test_signs_written_after_their_figures_stay_with_them(tmp_path):
    """A Spanish table writes "110 €": the sign once ran into the next column ("Nacional Internacional: 110 |
    Nacional Internacional: €180"), both headers naming both cells."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("dejavu", "", DEJAVU)
    pdf.add_font("dejavu", "B", DEJAVU.replace("Sans.ttf", "Sans-Bold.ttf"))
    pdf.set_font("dejavu", size=9)
    with pdf.table() as table:
        for row in [("Concepto", "Nacional", "Internacional"), ("Hotel por noche", "110 €", "180 €"),
                    ("Dieta diaria", "45 €", "70 €"), ("Kilometraje", "0,26 € por km", "No aplica")]:
            table.row(row)
    path = tmp_path / "gastos.pdf"
    pdf.output(str(path))
    assert _rows(load_document(path)) == [
        "Hotel por noche | Nacional: 110 € | Internacional: 180 €",
        "Dieta diaria | Nacional: 45 € | Internacional: 70 €",
        "Kilometraje | Nacional: 0,26 € por km | Internacional: No aplica",
    ]
