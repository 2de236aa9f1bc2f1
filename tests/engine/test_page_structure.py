"""PDF page structure: tables read as rows with their headers, running headers and footers kept out, headings kept."""
from __future__ import annotations

from pathlib import Path

from rag.ingest.chunking import chunk_document
from rag.ingest.loaders import load_document
from rag.ingest.loaders.page_structure import find_furniture
from tests.fakes import FakeEmbedder

HEADER = "ACME Pumps - Field Service Manual"
PUMPS = [(f"P-{100 + n}", str(80 + 5 * n), f"{4 + n / 10:.1f}") for n in range(56)]


def make_table_pdf(path: Path, repeat_header: bool = True) -> Path:
    """A title, a paragraph, then a three-column table long enough to run onto a second page."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", "B", 13)
    pdf.cell(0, 10, "Table 4. Pump test results", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=10)
    pdf.multi_cell(0, 6, "Each pump was run for two hours at its rated speed before the readings below were taken.")
    pdf.ln(4)
    with pdf.table(col_widths=(40, 40, 40), text_align=("LEFT", "RIGHT", "RIGHT"), borders_layout="NONE", width=150,
                   repeat_headings=int(repeat_header)) as table:
        table.row(("Pump", "Flow (m3/h)", "Pressure (bar)"))
        for pump in PUMPS:
            table.row(pump)
    pdf.output(str(path))
    return path


def make_manual_pdf(path: Path, pages: int = 5) -> Path:
    """A manual whose every page carries the same running header and a 'Page n of N' footer, and a bold heading."""
    from fpdf import FPDF

    class Manual(FPDF):
        def header(self) -> None:
            self.set_font("helvetica", size=9)
            self.cell(0, 8, HEADER, new_x="LMARGIN", new_y="NEXT")

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("helvetica", size=9)
            self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Manual()
    topics = ["Installation", "Lubrication", "Seal replacement", "Vibration checks", "Storage", "Disposal"]
    for number in range(pages):
        pdf.add_page()
        pdf.set_font("helvetica", "B", 14)
        pdf.cell(0, 10, f"{number + 1}. {topics[number]}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("helvetica", size=11)
        body = " ".join(
            f"Step {step}: the {topics[number].lower()} work on pump station {number + 7} needs {step + number} checks "
            f"of unit {chr(65 + step)}{number}, each written in the log book with the time and the reading taken."
            for step in range(1, 8)
        )
        pdf.multi_cell(0, 6, body)
    pdf.output(str(path))
    return path


def _rows(document) -> list[str]:
    return [page.text[start:end] for page in document.pages for start, end, _ in page.rows]


def test_table_rows_keep_their_column_headers_on_both_pages(tmp_path):
    document = load_document(make_table_pdf(tmp_path / "tests.pdf"))
    rows = _rows(document)
    assert len(document.pages) == 2
    assert "P-100 | Flow (m3/h): 80 | Pressure (bar): 4.0" in rows
    assert "P-155 | Flow (m3/h): 355 | Pressure (bar): 9.5" in rows
    assert document.pages[1].rows, "the rows on the second page are read as a table too"
    assert all(" | Flow (m3/h): " in row and " | Pressure (bar): " in row for row in rows)
    assert len(rows) == len(PUMPS)


def test_a_table_continued_without_its_header_keeps_the_headers_of_the_page_before(tmp_path):
    document = load_document(make_table_pdf(tmp_path / "tests.pdf", repeat_header=False))
    second = document.pages[1]
    rows = [second.text[start:end] for start, end, _ in second.rows]
    assert rows and all(row.startswith("P-1") and " | Flow (m3/h): " in row for row in rows)
    assert "P-155 | Flow (m3/h): 355 | Pressure (bar): 9.5" in rows


def test_table_rows_are_marked_with_the_line_as_printed(tmp_path):
    document = load_document(make_table_pdf(tmp_path / "tests.pdf"))
    page = document.pages[0]
    start, end, printed = page.rows[0]
    assert page.text[start:end].startswith("P-100 |")
    assert printed.split() == ["P-100", "80", "4.0"]


def test_a_table_row_never_splits_across_passages(tmp_path):
    document = load_document(make_table_pdf(tmp_path / "tests.pdf"))
    rows = set(_rows(document))
    chunks = chunk_document(document, FakeEmbedder(), max_tokens=40, overlap=8)
    assert len(chunks) > 5
    table_lines = [line for chunk in chunks for line in chunk.text.splitlines() if " | " in line]
    assert table_lines and all(line in rows for line in table_lines)
    assert rows <= set(table_lines)


def test_table_passages_sit_under_the_table_title(tmp_path):
    document = load_document(make_table_pdf(tmp_path / "tests.pdf"))
    chunks = chunk_document(document, FakeEmbedder(), max_tokens=40, overlap=8)
    assert {c.section for c in chunks if " | " in c.text} == {"Table 4. Pump test results"}


def test_running_header_footer_and_page_numbers_are_found_and_offsets_kept(tmp_path):
    document = load_document(make_manual_pdf(tmp_path / "manual.pdf"))
    for number, page in enumerate(document.pages, 1):
        furniture = [page.text[start:end] for start, end in page.furniture]
        assert sorted(furniture) == sorted([HEADER, f"Page {number} of 5"])
        assert page.text.index(HEADER) == page.furniture[0][0], "the saved page text still holds the header where it was"


def test_furniture_stays_out_of_passages_but_headings_come_in(tmp_path):
    document = load_document(make_manual_pdf(tmp_path / "manual.pdf"))
    chunks = chunk_document(document, FakeEmbedder(), max_tokens=60, overlap=8)
    assert chunks
    assert not any("ACME" in c.text or "Page 3 of 5" in c.text for c in chunks)
    lubrication = [c for c in chunks if c.page_start == 2]
    assert lubrication and all(c.section == "2. Lubrication" for c in lubrication)
    for chunk in chunks:
        page = document.pages[chunk.page_start - 1]
        assert page.text[chunk.char_start : chunk.char_start + 20] in chunk.text


def test_furniture_and_headings_in_the_library_and_keyword_index(fake_engine, tmp_path):
    engine = fake_engine()
    engine.ingest([make_manual_pdf(tmp_path / "manual.pdf")])
    assert engine.search("ACME Field Service", k=5, mode="keyword") == [], "the running header is not indexed"
    hits = engine.search("Lubrication", k=3, mode="keyword")
    assert hits and hits[0].page_start == 2 and hits[0].section == "2. Lubrication"


def _furniture_lines(pages: list[str]) -> list[list[str]]:
    return [[page[s:e] for s, e in spans] for page, spans in zip(pages, find_furniture(pages))]


def test_furniture_needs_repetition_on_many_pages_or_on_both_of_two():
    pages = ["Report\nAlpha text here.\n1", "Beta text here.\n2", "Gamma text here.\n3", "Delta text here.\n4"]
    assert _furniture_lines(pages) == [["1"], ["2"], ["3"], ["4"]]
    two = ["Orion FL-25 Operator Manual\nThe truck carries 2,500 kg at a load centre of 500 mm, up to 4,700 mm high.\n"
           "Orion Ltd. | Page 1",
           "Orion FL-25 Operator Manual\nCharge the battery for 8 hours in the ventilated charging area, never less.\n"
           "Orion Ltd. | Page 2"]
    assert _furniture_lines(two) == [["Orion FL-25 Operator Manual", "Orion Ltd. | Page 1"],
                                     ["Orion FL-25 Operator Manual", "Orion Ltd. | Page 2"]]
    # Of two pages, only the page's own number may differ: two tables' totals are content.
    totals = ["Costs\nRent | 1,000\nHeating | 250\nTotal | 1,250", "Income\nSales | 900\nFees | 80\nTotal | 980"]
    assert _furniture_lines(totals) == [[], []]
    assert _furniture_lines(["Orion FL-25 Operator Manual\nThe truck carries 2,500 kg."]) == [[]]


def test_a_page_that_is_only_repeated_lines_keeps_them():
    pages = ["Background"] * 4
    assert find_furniture(pages) == [()] * 4


def make_statement_pdf(path: Path) -> Path:
    """An income statement laid out as filings print it: a row of years under the period, "$" set apart."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", "B", 12)
    pdf.cell(0, 10, "INCOME STATEMENTS", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=10)
    lines = [("Three Months Ended September 30,", "", "2023", "", "2022"), ("Total revenue", "$", "56,517", "$", "50,122"),
             ("Gross margin", "", "40,215", "", "34,670"), ("Operating income", "", "26,895", "", "21,518"),
             ("Net income", "$", "22,291", "$", "17,556")]
    for label, cur1, first, cur2, second in lines:
        for width, text, align in ((80, label, "L"), (8, cur1, "L"), (30, first, "R"), (8, cur2, "L"), (30, second, "R")):
            pdf.cell(width, 7, text, align=align)
        pdf.ln(7)
    pdf.output(str(path))
    return path


def test_a_row_of_years_under_a_period_heads_the_columns_and_a_lone_dollar_joins_its_figure(tmp_path):
    rows = _rows(load_document(make_statement_pdf(tmp_path / "statement.pdf")))
    assert "Gross margin | Three Months Ended September 30, 2023: 40,215 | Three Months Ended September 30, 2022: 34,670" in rows
    assert "Net income | Three Months Ended September 30, 2023: $22,291 | Three Months Ended September 30, 2022: $17,556" in rows
    assert not any(row.startswith("Three Months Ended") for row in rows), "the row of years is the header, not a row"


def _figures_row(pdf, label: str, currency: str, figures: tuple[str, ...], height: float, indent: float = 0) -> None:
    """A row as filings print it: the label, then each figure flush right with its "$" set apart at the left."""
    if indent:  # a cell of width 0 would run to the margin
        pdf.cell(indent, height, "")
    pdf.cell(70 - indent, height, label)
    for figure in figures:
        pdf.cell(4, height, currency)
        pdf.cell(26, height, figure, align="R")
    pdf.ln(height)


def make_segment_pdf(path: Path) -> Path:
    """A segment table as Amazon's filings print it: two periods over two years each, each segment's name on a line
    of its own above its indented rows, every "$" printed close after the figure before it, losses in parentheses."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    for texts in (("Three Months Ended", "Six Months Ended"), ("June 30,", "June 30,")):
        pdf.cell(70, 6, "")
        for text in texts:
            pdf.cell(60, 6, text, align="C")
        pdf.ln(6)
    pdf.cell(70, 6, "")
    for year in ("2022", "2023", "2022", "2023"):
        pdf.cell(30, 6, year, align="R")
    pdf.ln(6)
    segments = {"North America": [("Net sales", "$", ("74,430", "82,546", "143,674", "159,426")),
                                  ("Operating income", "$", ("(627)", "3,211", "(2,195)", "4,109"))],
                "AWS": [("Net sales", "", ("19,739", "22,140", "38,180", "43,494")),
                        ("Operating income", "", ("5,715", "5,365", "12,233", "10,488"))]}
    for segment, rows in segments.items():
        pdf.cell(70, 6, segment, new_x="LMARGIN", new_y="NEXT")
        for label, currency, figures in rows:
            _figures_row(pdf, label, currency, figures, 6, indent=6)
    pdf.output(str(path))
    return path


def test_each_column_under_a_shared_period_keeps_its_own_year_and_each_row_its_segment(tmp_path):
    rows = _rows(load_document(make_segment_pdf(tmp_path / "segments.pdf")))
    assert ("AWS Operating income | Three Months Ended June 30, 2022: 5,715 | Three Months Ended June 30, 2023: 5,365 | "
            "Six Months Ended June 30, 2022: 12,233 | Six Months Ended June 30, 2023: 10,488") in rows
    assert any(row.startswith("North America Operating income | Three Months Ended June 30, 2022: $(627) | ")
               for row in rows)


def test_the_answer_to_a_segment_question_is_the_figure_of_the_year_asked(tmp_path, fake_engine):
    make_segment_pdf(tmp_path / "segments.pdf")
    engine = fake_engine()
    engine.ingest([tmp_path])
    answer = engine.ask("What was AWS operating income in the three months ended June 30, 2023?")
    assert answer.evidence[0].text.startswith("AWS Operating income")
    assert answer.evidence[0].answer.startswith("5,365")


def _header_row(pdf, texts: tuple[str, ...], size: float, label: str = "", align: str = "R") -> None:
    pdf.set_font("helvetica", size=size)
    pdf.cell(70, 5, label)
    for text in texts:
        pdf.cell(30, 5, text, align=align)
    pdf.ln(5)


def make_flush_right_statement_pdf(path: Path) -> Path:
    """Microsoft's layout: a title in a larger type, each period's words printed flush right over its second year only,
    then a row of years, and a maturity table whose header wraps over one column under a date spanning two."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", "B", 12)
    pdf.cell(0, 10, "INCOME STATEMENTS", align="C", new_x="LMARGIN", new_y="NEXT")
    _header_row(pdf, ("", "Three Months Ended", "", "Six Months Ended"), 8)
    _header_row(pdf, ("", "December 31,", "", "December 31,"), 8, label="(In millions)")
    _header_row(pdf, ("2022", "2021", "2022", "2021"), 8)
    for label, figures in (("Total revenue", ("52,747", "51,728", "102,869", "97,045")),
                           ("Operating income", ("20,399", "22,247", "41,917", "42,485")),
                           ("Net income", ("16,425", "18,765", "33,981", "39,270"))):
        _header_row(pdf, figures, 10, label=label)
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    pdf.cell(70, 5, "")
    pdf.cell(60, 5, "October 29, 2023", align="C", new_x="LMARGIN", new_y="NEXT")
    _header_row(pdf, ("", "Estimated Fair"), 10, align="C")
    _header_row(pdf, ("Amortized Cost", "Value"), 10, align="C")
    for label, currency, figures in (("Less than one year", "$", ("11,405", "11,388")),
                                     ("Due in 1 - 5 years", "", ("6,706", "6,676")), ("Total", "$", ("18,111", "18,064"))):
        _figures_row(pdf, label, currency, figures, 5)
    pdf.output(str(path))
    return path


def test_headings_set_flush_right_head_every_column_of_their_period_and_a_title_heads_none(tmp_path):
    rows = _rows(load_document(make_flush_right_statement_pdf(tmp_path / "statements.pdf")))
    assert ("Total revenue | Three Months Ended December 31, 2022: 52,747 | Three Months Ended December 31, 2021: 51,728"
            " | Six Months Ended December 31, 2022: 102,869 | Six Months Ended December 31, 2021: 97,045") in rows
    assert ("Less than one year | October 29, 2023 Amortized Cost: $11,405 | "
            "October 29, 2023 Estimated Fair Value: $11,388") in rows


def make_segment_results_pdf(path: Path) -> Path:
    """Microsoft's segment table: "Revenue" and "Operating income" in a smaller type over the same segment names."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    _header_row(pdf, ("2023", "2022"), 8, label="Three Months Ended September 30,")
    for heading, figures in (("Revenue", ("18,592", "16,465", "24,259", "20,325")),
                             ("Operating income", ("9,970", "8,323", "11,751", "8,978"))):
        pdf.set_font("helvetica", size=8)
        pdf.cell(70, 5, heading, new_x="LMARGIN", new_y="NEXT")
        _header_row(pdf, figures[:2], 10, label="Productivity and Business Processes")
        _header_row(pdf, figures[2:], 10, label="Intelligent Cloud")
    pdf.output(str(path))
    return path


def test_a_heading_in_smaller_type_names_every_row_under_it(tmp_path):
    rows = _rows(load_document(make_segment_results_pdf(tmp_path / "segments.pdf")))
    assert "Revenue Intelligent Cloud | Three Months Ended September 30, 2023: 24,259 | Three Months Ended September 30, 2022: 20,325" in rows
    assert "Operating income Intelligent Cloud | Three Months Ended September 30, 2023: 11,751 | Three Months Ended September 30, 2022: 8,978" in rows


def make_wrapped_label_pdf(path: Path) -> Path:
    """NVIDIA's expense table: "($ in millions)" at the right between the headings and the rows, each label wrapped
    ("Research and development" over "expenses" and its figures), and a group opened by a colon on a line alone."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    pdf.cell(70, 5, "")
    for period in ("Three Months Ended", "Six Months Ended"):
        pdf.cell(60, 5, period, align="C")
    pdf.ln(5)
    _header_row(pdf, ("2023", "2022", "2023", "2022"), 10)
    pdf.cell(0, 5, "($ in millions)", align="R", new_x="LMARGIN", new_y="NEXT")
    for first, rest, figures in (("Research and development", "expenses", ("$2,040", "$1,824", "$3,916", "$3,443")),
                                 ("Sales, general and administrative", "expenses", ("622", "592", "1,166", "1,213")),
                                 ("Total operating", "expenses", ("$2,662", "$2,416", "$5,082", "$4,656"))):
        pdf.cell(70, 5, first, new_x="LMARGIN", new_y="NEXT")
        _header_row(pdf, figures, 10, label=rest)
    pdf.add_page()
    pdf.cell(70, 5, "Operating expenses:", new_x="LMARGIN", new_y="NEXT")
    for label, figures in (("Research and development", ("7,442", "6,797")), ("Selling, general and administrative", ("6,012", "6,012")),
                           ("Total operating expenses", ("13,454", "12,809"))):
        _figures_row(pdf, label, "", figures, 5, indent=4)
    pdf.output(str(path))
    return path


def test_a_label_wrapped_above_the_first_row_stays_whole_and_the_headings_above_it_head_the_columns(tmp_path):
    rows = _rows(load_document(make_wrapped_label_pdf(tmp_path / "expenses.pdf")))
    assert any(row.startswith("Research and development expenses | Three Months Ended 2023: $2,040 | Three Months Ended "
                              "2022: $1,824 | Six Months Ended 2023: $3,916 | Six Months Ended 2022") for row in rows)
    assert any(row.startswith("Sales, general and administrative expenses | Three Months Ended 2023") for row in rows)
    assert "Operating expenses: Research and development | 7,442 | 6,797" in rows


COLUMNS = (
    "the coolant pump circulates cutting fluid through the machining centres of the plant and must be primed before "
    "it is started for the first time after any repair of the suction line or of the impeller housing.",
    "operators check the coolant level at the start of every shift and report any leak from the impeller seal to the "
    "maintenance desk before the end of the shift so that the seal can be replaced during the night.",
    "spare seals are kept in the store next to the workshop and are issued only against a signed work order that "
    "names the pump, the machine it feeds and the technician who will carry out the replacement.",
)


def test_three_columns_of_running_text_are_read_column_by_column_not_as_a_table(tmp_path):
    """A newsletter or Federal Register page: its lines line up across three columns like a table's cells, but each
    column goes on a sentence from the line above."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    for n, text in enumerate(COLUMNS):
        pdf.set_xy(10 + 65 * n, 20)
        pdf.multi_cell(58, 5, text)
    path = tmp_path / "columns.pdf"
    pdf.output(str(path))
    page = load_document(path).pages[0]
    assert page.rows == ()
    flat = " ".join(page.text.split())
    assert "must be primed before it is started for the first time" in flat
    assert "report any leak from the impeller seal to the maintenance desk" in flat
