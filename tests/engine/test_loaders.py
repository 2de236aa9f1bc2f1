"""Loaders: PDF pages and encryption, Word body order and sections, text encodings, sniffing by content."""
from __future__ import annotations

import re
import zipfile

import pytest

from rag.errors import DamagedFile, EmptyFile, NoTextLayer, PasswordRequired, UnsupportedFile, WrongPassword
from rag.ingest.loaders import load_document
from tests.documents import make_docx, make_image_only_pdf, make_pdf


def test_pdf_keeps_one_based_page_numbers(tmp_path):
    path = make_pdf(tmp_path / "manual.pdf", ["Alpha page text.", "Beta page text.", "Gamma page text."])
    document = load_document(path)
    assert [p.number for p in document.pages] == [1, 2, 3]
    assert "Beta" in document.pages[1].text and "Beta" not in document.pages[0].text
    assert document.page_count == 3


def test_pdf_words_split_by_a_line_end_hyphen_are_joined_and_accents_kept(tmp_path):
    path = make_pdf(tmp_path / "norma.pdf", ["La válvula requiere señalización obliga-\ntoria. Check the infor-\nmation."])
    text = load_document(path).pages[0].text
    assert text == "La válvula requiere señalización obligatoria. Check the information."


def test_pdf_text_is_read_by_pdfium_without_pypdf_text_extraction(tmp_path, monkeypatch):
    import pypdf

    def refuse(*args, **kwargs):
        raise AssertionError("pypdf text extraction used")

    path = make_pdf(tmp_path / "manual.pdf", ["Alpha page text.", "Beta page text."])
    monkeypatch.setattr(pypdf.PageObject, "extract_text", refuse)
    assert [p.text for p in load_document(path).pages] == ["Alpha page text.", "Beta page text."]


def test_pdf_pypdf_reads_the_text_when_pdfium_cannot_open_the_file(tmp_path, monkeypatch):
    path = make_pdf(tmp_path / "manual.pdf", ["Alpha page text.", "Beta page text."])
    monkeypatch.setattr("rag.ingest.loaders.pdf.pdfium_page_texts", lambda *args: None)
    assert [p.text for p in load_document(path).pages] == ["Alpha page text.", "Beta page text."]


def test_pdf_with_password_needs_it_and_opens_with_it(tmp_path):
    path = make_pdf(tmp_path / "secret.pdf", ["Confidential salary table."], password="s3cret")
    with pytest.raises(PasswordRequired, match="password"):
        load_document(path)
    with pytest.raises(WrongPassword):
        load_document(path, password="wrong")
    assert "salary" in load_document(path, password="s3cret").pages[0].text


def test_pdf_encrypted_with_empty_user_password_opens_silently(tmp_path):
    path = make_pdf(tmp_path / "owner-only.pdf", ["Readable by anyone."], password="")
    assert "Readable" in load_document(path).pages[0].text


def test_pdf_without_text_layer_is_reported_not_indexed_empty(tmp_path):
    with pytest.raises(NoTextLayer, match="scanned"):
        load_document(make_image_only_pdf(tmp_path / "scan.pdf"))


def test_damaged_pdf_is_a_clear_error(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF")
    with pytest.raises(DamagedFile):
        load_document(path)


def test_docx_keeps_body_order_tables_and_section_paths(tmp_path):
    path = make_docx(
        tmp_path / "policy.docx",
        [
            ("h1", "Vacation policy"),
            ("p", "Employees get 25 days."),
            ("h2", "Carry-over"),
            ("table", [["Year", "Days"], ["2024", "5"]]),
            ("p", "Unused days expire in March."),
            ("h1", "Travel"),
            ("p", "Book trains when possible."),
        ],
    )
    document = load_document(path)
    text = document.pages[0].text
    assert document.page_count is None
    assert text.index("25 days") < text.index("Year | Days") < text.index("2024 | Days: 5") < text.index("expire")
    paths = [mark.path for mark in document.sections]
    assert ("Vacation policy", "Carry-over") in paths
    assert ("Travel",) in paths
    travel = next(m for m in document.sections if m.path == ("Travel",))
    assert text[travel.offset :].startswith("Travel")


def test_markdown_headings_become_sections_and_encodings_are_detected(tmp_path):
    md = tmp_path / "guía.md"
    md.write_bytes("# Política\n\nLos días de vacaciones son 22.\n\n## Excepciones\n\nNinguna.".encode("cp1252"))
    document = load_document(md)
    assert "días" in document.pages[0].text
    assert ("Política", "Excepciones") in [m.path for m in document.sections]
    utf16 = tmp_path / "notes.txt"
    utf16.write_bytes("Señal de aviso".encode("utf-16"))
    assert load_document(utf16).pages[0].text == "Señal de aviso"


def test_files_are_read_by_content_not_by_name(tmp_path):
    pdf_named_docx = make_pdf(tmp_path / "real.pdf", ["Content of a PDF."]).rename(tmp_path / "misnamed.docx")
    assert load_document(pdf_named_docx).kind == "pdf"
    zip_named_pdf = tmp_path / "archive.pdf"
    with zipfile.ZipFile(zip_named_pdf, "w") as archive:
        archive.writestr("a.txt", "x")
    with pytest.raises(UnsupportedFile, match="ZIP"):
        load_document(zip_named_pdf)
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(EmptyFile):
        load_document(empty)
    with pytest.raises(UnsupportedFile):
        (tmp_path / "photo.gif").write_bytes(b"GIF89a....")
        load_document(tmp_path / "photo.gif")
    with pytest.raises(DamagedFile):
        (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n....")
        load_document(tmp_path / "photo.png")


def test_a_word_table_under_a_header_row_names_each_cell_by_its_column(tmp_path):
    path = make_docx(tmp_path / "viajes.docx", [
        ("table", [["Concepto", "Nacional", "Internacional"], ["Dieta diaria", "45 €", "70 €"], ["Hotel en Madrid", "150 €", "—"]]),
        ("table", [["Pump", "KX-440"], ["Flow", "440 l/min"]]),
        ("table", [["Item", "Provided by", "Allowance"], ["Laptop", "IT department", "None"],
                   ["Internet connection", "Employee", "30 EUR per month"]]),
    ])
    lines = load_document(path).pages[0].text.splitlines()
    assert "Laptop | Provided by: IT department | Allowance: None" in lines, "a cell of words is named by its column too"
    assert "Dieta diaria | Nacional: 45 € | Internacional: 70 €" in lines
    assert "Hotel en Madrid | Nacional: 150 € | —" in lines
    assert "Pump | KX-440" in lines and "Flow | 440 l/min" in lines, "a first row with figures is no header"


def test_word_lists_keep_the_numbers_and_bullets_word_draws(tmp_path):
    """A "List Number" paragraph's text holds no number: the steps of a procedure were read as loose sentences."""
    import docx

    document = docx.Document()
    document.add_heading("Diluting a concentrate", 2)
    for step in ("Put on nitrile gloves.", "Fill the bucket with cold water first.", "Add the concentrate to the water."):
        document.add_paragraph(step, style="List Number")
    document.add_paragraph("Never mix bleach with ammonia.")
    document.add_paragraph("Gloves", style="List Bullet")
    path = tmp_path / "procedure.docx"
    document.save(path)
    text = load_document(path).pages[0].text
    assert "1. Put on nitrile gloves.\n\n2. Fill the bucket with cold water first.\n\n3. Add the concentrate" in text
    assert "\nNever mix bleach with ammonia." in text and "• Gloves" in text


def test_a_word_file_without_a_numbering_part_reads_its_list_paragraphs_as_they_are(tmp_path):
    """Word files written by other programs may have list styles but no numbering definitions."""
    import docx

    document = docx.Document()
    document.add_paragraph("Put on nitrile gloves.", style="List Number")
    source = tmp_path / "with-numbering.docx"
    document.save(source)
    stripped = tmp_path / "without-numbering.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(stripped, "w") as new:
        for item in old.infolist():
            if item.filename == "word/numbering.xml":
                continue
            data = old.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                data = re.sub(rb'<Relationship [^>]*numbering\.xml"/>', b"", data)
            new.writestr(item, data)
    assert "Put on nitrile gloves." in load_document(stripped).pages[0].text
    assert "1. Put on" not in load_document(stripped).pages[0].text
