"""PDF tables of words: two columns of short cells, and rows whose cells wrap onto several lines."""
from __future__ import annotations

from pathlib import Path

from rag.ingest.loaders import load_document

SCHEDULE = [("Task", "Interval"), ("Check engine oil level", "Before each start"),
            ("Change engine oil", "Every 100 operating hours"), ("Replace air filter", "Every 200 operating hours"),
            ("Test battery", "Every month")]
FAULTS = [("Code", "Meaning", "Action"), ("F01", "Low oil pressure", "Stop the engine and check the oil level"),
          ("F02", "High coolant temperature", "Let the engine cool and clean the radiator fins"),
          ("F03", "Overload", "Disconnect loads until the output is below 7.5 kVA")]


def make_manual(path: Path, headings_in_bold: bool = True) -> Path:
    """A generator manual's page: a maintenance schedule of two columns of words, then a fault table whose actions
    wrap onto two lines while its codes sit centred between them (fpdf2's tables, as many PDF writers set them)."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    heading = FontFace(emphasis="BOLD" if headings_in_bold else "")
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, "3. Maintenance schedule")
    with pdf.table(headings_style=heading) as table:
        for row in SCHEDULE:
            table.row(row)
    pdf.ln(4)
    pdf.multi_cell(0, 6, "4. Fault codes")
    with pdf.table(headings_style=heading) as table:
        for row in FAULTS:
            table.row(row)
    pdf.ln(4)
    pdf.multi_cell(0, 6, "Dispose of used oil and filters at an authorised waste collection point. Never pour oil "
                         "into drains, and keep the filters apart from household waste.")
    pdf.output(str(path))
    return path


def _rows(path: Path) -> list[str]:
    page = load_document(path).pages[0]
    return [page.text[start:end] for start, end, _ in page.rows]


def test_two_columns_of_words_under_a_bold_header_are_a_table(tmp_path):
    rows = _rows(make_manual(tmp_path / "manual.pdf"))
    assert "Change engine oil | Interval: Every 100 operating hours" in rows
    assert "Check engine oil level | Interval: Before each start" in rows
    assert not any(row.startswith("Task") for row in rows), "the bold header row names the column; it is no row"


def test_a_row_whose_cells_wrap_is_read_whole_with_its_headers(tmp_path):
    path = make_manual(tmp_path / "manual.pdf")
    rows = _rows(path)
    assert "F02 | Meaning: High coolant temperature | Action: Let the engine cool and clean the radiator fins" in rows
    assert "F03 | Meaning: Overload | Action: Disconnect loads until the output is below 7.5 kVA" in rows
    page = load_document(path).pages[0]
    assert "Never pour oil into drains" in page.text and "Dispose of used oil" not in " ".join(rows), "the prose after is no row"
    printed = next(p for start, _, p in page.rows if page.text[start:].startswith("F02"))
    assert printed == "F02 High coolant temperature Let the engine cool and clean the radiator fins", (
        "the row as the page writes it, which the viewer finds and marks whole")


def test_without_a_bold_header_wrapped_lines_stay_plain_text(tmp_path):
    rows = _rows(make_manual(tmp_path / "manual.pdf", headings_in_bold=False))
    assert not any(row.startswith("F0") for row in rows)


def _two_columns(path: Path, lines: list[tuple[str, str]], title: str) -> Path:
    """A title, then lines of two cells far apart, without a header row."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, title, new_x="LMARGIN", new_y="NEXT")
    for left, right in lines:
        pdf.cell(80, 7, left)
        pdf.cell(0, 7, right, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def test_a_specification_of_figures_with_units_is_a_table_and_an_index_is_not(tmp_path):
    specification = [("Rated output", "7.5 kVA"), ("Output voltage", "230 V / 400 V"), ("Fuel tank capacity", "38 litres"),
                     ("Dry weight", "142 kg")]
    rows = _rows(_two_columns(tmp_path / "spec.pdf", specification, "Technical data of the generator, as delivered:"))
    assert "Rated output | 7.5 kVA" in rows and "Dry weight | 142 kg" in rows
    index = [("affine, 107", "Einheitsnormalenfeld, 90"), ("differenzierbare, 29", "Euler-Charakteristik, 12"),
             ("Ebene", "Halbgerade, 65"), ("euklidische, 64", "Halbraum, 28")]
    assert _rows(_two_columns(tmp_path / "index.pdf", index, "Index")) == [], "two columns of an index are no table"


def _dejavu_table(path: Path, rows: tuple[tuple[str, ...], ...]) -> Path:
    """A table under a bold header row, set by fpdf2 in DejaVu Sans 10 pt (a font with accents)."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("dejavu", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.add_font("dejavu", "B", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
    pdf.set_font("dejavu", size=10)
    with pdf.table(headings_style=FontFace(emphasis="BOLD")) as table:
        for row in rows:
            table.row(row)
    pdf.output(str(path))
    return path


def test_a_wrapped_cell_justified_with_wide_gaps_between_its_words_stays_in_its_row(tmp_path):
    """fpdf2 justifies a cell's lines: "Have  the  pressure  switch" spreads over its column in four pieces, which
    ended the table before that row (its cells left as loose lines under the rows above)."""
    rows = _rows(_dejavu_table(tmp_path / "troubleshooting.pdf", (
        ("Problem", "Cause", "Solution"),
        ("Compressor does not start", "Thermal protection has tripped", "Wait 15 minutes and press the reset button"),
        ("Pressure builds up slowly", "Clogged intake filter", "Clean or replace the intake filter"),
        ("Safety valve opens", "Pressure switch faulty", "Have the pressure switch replaced by a technician"))))
    assert "Safety valve opens | Cause: Pressure switch faulty | Solution: Have the pressure switch replaced by a technician" in rows


def test_a_label_centred_on_a_cell_whose_lines_are_spaced_like_rows_keeps_its_lines(tmp_path):
    """fpdf2 set "Espere 10 minutos y pulse RESET; si se repite, llame al servicio técnico" on three lines as far apart
    as two rows, its code centred on the middle one: the lines above and below were rows without a code, and the whole
    fault table was read as one sentence."""
    rows = _rows(_dejavu_table(tmp_path / "averias.pdf", (
        ("Código", "Causa", "Solución"),
        ("A01", "No hay llama", "Compruebe que la llave del gas está abierta y pulse RESET"),
        ("A02", "Presión baja", "Rellene la instalación hasta 1,2 bar"),
        ("A03", "Sobretemperatura", "Espere 10 minutos y pulse RESET; si se repite, llame al servicio técnico"))))
    assert rows == [
        "A01 | Causa: No hay llama | Solución: Compruebe que la llave del gas está abierta y pulse RESET",
        "A02 | Causa: Presión baja | Solución: Rellene la instalación hasta 1,2 bar",
        "A03 | Causa: Sobretemperatura | Solución: Espere 10 minutos y pulse RESET; si se repite, llame al servicio técnico"]


HARNESS = [("Equipo", "Revisión", "Vida útil"),
           ("Arnés anticaídas", "Antes de cada uso y anual por persona competente", "10 años"),
           ("Cabo de anclaje", "Antes de cada uso", "5 años"), ("Casco", "Mensual", "4 años"),
           ("Escalera portátil", "Trimestral", "Sin límite si supera la revisión")]
SCHEDULE_AND_PRICES = [
    ("3. Service schedule", [
        ("Item", "Check", "Replace"),
        ("Hydraulic filter", "Every 250 hours, by a trained technician with the mast lowered", "Every 1,000 hours"),
        ("Lift chains", "Every 500 hours", "When stretched more than 3%"), ("Brake fluid", "Monthly", "Every 2 years")]),
    ("4. Spare parts prices", [("Part", "Price (EU)", "Price (US)"), ("Fork pair", "640 €", "$720"),
                               ("Seat", "310 €", "$350"), ("Charger cable", "95 €", "$105")]),
]
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans"


def _tables_pdf(path: Path, tables: list[tuple[str, list[tuple[str, ...]]]]) -> Path:
    """A page of fpdf2 tables (bold first row), each under its bold heading when it has one, in DejaVu Sans."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("dejavu", "", f"{DEJAVU}.ttf")
    pdf.add_font("dejavu", "B", f"{DEJAVU}-Bold.ttf")
    for heading, rows in tables:
        if heading:
            pdf.set_font("dejavu", "B", 13)
            pdf.cell(0, 8, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("dejavu", size=9)
        with pdf.table() as table:
            for row in rows:
                table.row(row)
    pdf.output(str(path))
    return path


def test_rows_of_one_line_after_a_first_row_that_wraps_keep_the_header(tmp_path):
    """Only the first row wraps: the rows of one line after it (one of them a long cell of words) were found as a
    table without a header, and are now read under the header with the wrapped row (they were "Casco | Mensual |
    4 años", the header and the first row loose lines)."""
    assert _rows(_tables_pdf(tmp_path / "arneses.pdf", [("", HARNESS)])) == [
        "Arnés anticaídas | Revisión: Antes de cada uso y anual por persona competente | Vida útil: 10 años",
        "Cabo de anclaje | Revisión: Antes de cada uso | Vida útil: 5 años",
        "Casco | Revisión: Mensual | Vida útil: 4 años",
        "Escalera portátil | Revisión: Trimestral | Vida útil: Sin límite si supera la revisión",
    ]


def test_a_second_table_under_its_own_heading_and_bold_header_is_a_table_of_its_own(tmp_path):
    """A service schedule whose first row wraps (justified), then a heading and a price table in two currencies: the
    schedule's rows of one line once ran on through the heading into the price table, all under the wrapped cell's
    last line taken for a header ("Seat | technician with the mast lowered: 310 | …: €$350")."""
    assert _rows(_tables_pdf(tmp_path / "forklift.pdf", SCHEDULE_AND_PRICES)) == [
        "Hydraulic filter | Check: Every 250 hours, by a trained technician with the mast lowered | Replace: Every 1,000 hours",
        "Lift chains | Check: Every 500 hours | Replace: When stretched more than 3%",
        "Brake fluid | Check: Monthly | Replace: Every 2 years",
        "Fork pair | Price (EU): 640 € | Price (US): $720",
        "Seat | Price (EU): 310 € | Price (US): $350",
        "Charger cable | Price (EU): 95 € | Price (US): $105",
    ]
