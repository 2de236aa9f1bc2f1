"""Fixtures for engine tests: generated PDFs and Word files, and engines with fast fake models."""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

import pytest

from rag.config import Config
from rag.engine import Engine
from tests.fakes import FakeEmbedder, FakeGenerator

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def make_pdf(path: Path, pages: Sequence[str], password: str | None = None, title: str | None = None) -> Path:
    """A PDF with one text page per item of ``pages`` (Latin-1 text, so Spanish accents work)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    if title:
        pdf.set_title(title)
    if password is not None:
        from fpdf.enums import EncryptionMethod

        pdf.set_encryption(owner_password="owner-secret", user_password=password, encryption_method=EncryptionMethod.AES_128)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 6, text)
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


@pytest.fixture
def fake_engine(tmp_path):
    """An engine on a fresh data folder with the fake embedder and generator (real Chroma, registry, parser)."""
    engines = []

    def factory(data_dir: Path | None = None, generator=None, **settings) -> Engine:
        config = Config(data_dir=data_dir or tmp_path / "data", **settings)
        engine = Engine(config, embedder=FakeEmbedder(), generator=generator or FakeGenerator())
        engines.append(engine)
        return engine

    yield factory
    for engine in engines:
        try:
            engine.close()
        except Exception:
            pass


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present on this machine")
    return SHARED
