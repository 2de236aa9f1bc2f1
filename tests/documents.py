"""Where the tests find the repository and the shared data, and the documents they generate (PDF, Word)."""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def make_pdf(
    path: Path, pages: Sequence[str | Sequence[str]], password: str | None = None, *, title: str | None = None,
    font: Path | None = None,
) -> Path:
    """A PDF with one page per item: a string is wrapped as one paragraph, a list of strings is one line each.

    The built-in font covers Latin-1 (Spanish accents work); ``font`` is a TTF file for other scripts.
    """
    from fpdf import FPDF
    from fpdf.enums import EncryptionMethod

    pdf = FPDF()
    if font is not None:
        pdf.add_font("body", "", str(font))
        pdf.set_font("body", size=11)
    else:
        pdf.set_font("helvetica", size=11)
    if title:
        pdf.set_title(title)
    if password is not None:
        pdf.set_encryption(owner_password="owner-secret", user_password=password, encryption_method=EncryptionMethod.AES_128)
    for page in pages:
        pdf.add_page()
        if isinstance(page, str):
            if page:
                pdf.multi_cell(0, 6, page)
        else:
            for line in page:
                pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def make_image_only_pdf(path: Path) -> Path:
    """A PDF whose only page is a picture (no text layer), like a scan."""
    from fpdf import FPDF
    from PIL import Image

    image = path.with_suffix(".png")
    Image.new("RGB", (200, 100), (200, 30, 30)).save(image)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(image), x=10, y=10, w=100)
    pdf.output(str(path))
    image.unlink()
    return path


def make_docx(path: Path, blocks: Sequence[tuple]) -> Path:
    """A Word file from ("h1"|"h2"|"p", text) and ("table", [[cell, ...], ...]) blocks, in order."""
    import docx

    document = docx.Document()
    for kind, content in blocks:
        if kind.startswith("h"):
            document.add_heading(content, level=int(kind[1:]))
        elif kind == "table":
            table = document.add_table(rows=len(content), cols=len(content[0]))
            for r, row in enumerate(content):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
        else:
            document.add_paragraph(content)
    document.save(str(path))
    return path
