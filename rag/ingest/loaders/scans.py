"""Scanned pages and image files read by OCR: PDF pages rendered by PDFium, PNG/JPEG/TIFF frames as they are."""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from rag.errors import DamagedFile, NoTextLayer
from rag.ingest.loaders.page_structure import heading_marks
from rag.ingest.loaders.reading import read_options, report_page
from rag.types import ExtractedDocument, PageText

RENDER_DPI = 300
MAX_RENDER_PIXELS = 4200
MAX_IMAGE_PIXELS = 80_000_000
MAX_FRAMES = 500
SCANNED_NOTE = "scanned"


def ocr_pdf_pages(path: Path, password: str | None, indexes: Sequence[int],
                  page_count: int) -> dict[int, tuple[PageText, tuple[str, ...]]]:
    """OCR text of the given (0-based) pages, rendered at 300 dpi, with each page's headings; {} when OCR is off or
    not installed."""
    if not indexes or not read_options().ocr:
        return {}
    from rag.ingest.loaders.scan_layout import read_image
    from rag.ingest.ocr import ocr_engine

    engine = ocr_engine()
    if engine is None:
        return {}
    import pypdfium2 as pdfium

    pages: dict[int, tuple[PageText, tuple[str, ...]]] = {}
    document = pdfium.PdfDocument(str(path), password=password or None)
    try:
        for index in indexes:
            report_page(index + 1, page_count, SCANNED_NOTE)
            page = document[index]
            try:
                width, height = page.get_size()
                scale = min(RENDER_DPI / 72, MAX_RENDER_PIXELS / max(width, height, 1))
                image = page.render(scale=scale, grayscale=True).to_pil()
            finally:
                page.close()
            read = read_image(engine, image)
            pages[index] = PageText(index + 1, read.text, rows=read.rows, scanned=True, words=read.words), read.headings
    finally:
        document.close()
    return pages


def load_image(path: Path) -> ExtractedDocument:
    """Every frame of a PNG, JPEG or (multi-page) TIFF read by OCR, one page per frame."""
    from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

    if not read_options().ocr:
        raise NoTextLayer("This is an image; reading text from images (OCR) is turned off in Settings.")
    from rag.ingest.loaders.scan_layout import read_image
    from rag.ingest.ocr import ocr_engine

    engine = ocr_engine()
    if engine is None:
        raise NoTextLayer("This is an image, and Faro's OCR engine is not installed, so its text cannot be read.")
    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    pages, sections = [], []
    try:
        with Image.open(path) as image:
            frames = getattr(image, "n_frames", 1)
            for number, frame in enumerate(ImageSequence.Iterator(image), 1):
                if number > MAX_FRAMES:
                    break
                report_page(number, min(frames, MAX_FRAMES), SCANNED_NOTE)
                upright = ImageOps.exif_transpose(frame.convert("RGB"))
                read = read_image(engine, upright)
                pages.append(PageText(number, read.text, rows=read.rows, scanned=True, words=read.words))
                sections += heading_marks(number - 1, read.text, read.headings, ())
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise DamagedFile(f"The image is damaged or in a format Faro cannot read ({exc}).") from exc
    except Image.DecompressionBombError as exc:
        raise DamagedFile("The image is larger than Faro reads (over 80 megapixels).") from exc
    if not any(p.text.strip() for p in pages):
        raise NoTextLayer("No text could be read from this image.")
    return ExtractedDocument(kind="image", pages=tuple(pages), sections=tuple(sections))
