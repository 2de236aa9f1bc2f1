"""Test pages for OCR from known text: English and Spanish A4 pages rendered clean or as a poor scan."""
from __future__ import annotations

import io
import random
from dataclasses import dataclass
from pathlib import Path

DPI = 300
A4_PIXELS = (2480, 3508)
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"), Path("/Library/Fonts"))
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSerif.ttf")

SPANISH = (
    "Política de viajes y gastos 2024",
    "1. Ámbito: esta política se aplica a todo el personal de la compañía.",
    "2. ¿Cuántas noches de hotel se reembolsan? Como máximo cinco por viaje.",
    "3. El importe máximo por noche es de 1.800 pesos, impuestos incluidos.",
    "4. ¡Atención! Las solicitudes se presentan con 15 días de antelación.",
    "5. El año fiscal empieza en enero; la señal de aprobación la da el área.",
    "6. Los recibos deben guardarse durante seis años según la ley vigente.",
    "7. Teléfono de ayuda: 55 1234 5678, extensión 204 (García Núñez).",
)
ENGLISH = (
    "Field Service Manual, Pump Station 7",
    "1. Scope: this procedure covers the inspection of the main pumps.",
    "2. Check the oil level every 250 hours and record it in the log book.",
    "3. Maximum discharge pressure is 12.5 bar at 1,800 rpm (see Table 4).",
    "4. Warning: isolate the motor before opening the terminal box.",
    "5. Replace the seal kit (part no. PS-7731-B) after 8,000 hours.",
    "6. Report any vibration above 4.5 mm/s to the maintenance supervisor.",
    "7. Contact: Regional Office, phone +44 20 7946 0958, ext. 112.",
)
TEXTS = {"en": ENGLISH, "es": SPANISH}


@dataclass(frozen=True)
class TestPage:
    """One rendered page: the image, the lines it shows and their pixel boxes (left, top, right, bottom)."""

    language: str
    condition: str
    image: "object"
    lines: tuple[str, ...]
    boxes: tuple[tuple[int, int, int, int], ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def font_path(serif: bool = False) -> Path:
    for folder in FONT_DIRS:
        candidate = folder / FONT_FILES[1 if serif else 0]
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("DejaVu fonts are needed to render OCR test pages")


def render_page(lines: tuple[str, ...], points: float = 11.0, serif: bool = False, top: int = 300):
    """A white A4 page at 300 dpi with ``lines`` in black; returns (image, line boxes)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(font_path(serif)), int(points * DPI / 72))
    image = Image.new("L", A4_PIXELS, 255)
    draw = ImageDraw.Draw(image)
    boxes, y = [], top
    step = int(points * DPI / 72 * 1.9)
    for line in lines:
        draw.text((240, y), line, font=font, fill=0)
        boxes.append(tuple(int(v) for v in draw.textbbox((240, y), line, font=font)))
        y += step
    return image, tuple(boxes)


def degrade(image, seed: int = 0, angle: float = 1.2, blur: float = 1.0, noise: float = 18.0, jpeg_quality: int = 35):
    """A poor scan of ``image``: skewed, blurred, grainy and saved as a low-quality JPEG."""
    import numpy as np
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    skewed = image.rotate(angle * (1 if rng.random() < 0.5 else -1), resample=Image.BICUBIC, expand=False, fillcolor=255)
    blurred = skewed.filter(ImageFilter.GaussianBlur(blur))
    pixels = np.asarray(blurred, dtype=np.float32)
    pixels += np.random.default_rng(seed).normal(0, noise, pixels.shape)
    grainy = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    buffer = io.BytesIO()
    grainy.save(buffer, format="JPEG", quality=jpeg_quality)
    buffer.seek(0)
    return Image.open(buffer).convert("L")


def test_pages() -> list[TestPage]:
    """Clean and noisy pages in English and Spanish, sans and serif."""
    pages = []
    for language, lines in TEXTS.items():
        for serif in (False, True):
            image, boxes = render_page(lines, serif=serif)
            style = "serif" if serif else "sans"
            pages.append(TestPage(language, f"clean-{style}", image, lines, boxes))
            pages.append(TestPage(language, f"noisy-{style}", degrade(image, seed=len(pages)), lines, boxes))
    return pages


def character_error_rate(reference: str, hypothesis: str) -> float:
    """Edit distance between the texts (runs of white space made one space) over the reference's length."""
    ref, hyp = " ".join(reference.split()), " ".join(hypothesis.split())
    previous = list(range(len(hyp) + 1))
    for i, a in enumerate(ref, 1):
        current = [i]
        for j, b in enumerate(hyp, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return previous[-1] / max(1, len(ref))


# Two tables as a manual prints them, each under a bold header row: a schedule of words, and error codes whose meaning
# is too long a cell for a table of words read from a text layer.
MAINTENANCE = (("Tarea", "Frecuencia"), ("Limpiar el filtro de agua", "Cada 6 meses"),
               ("Revisar la carga de refrigerante", "Cada 2 años"), ("Limpiar la batería exterior", "Una vez al año"))
ERROR_CODES = (("Código", "Significado"), ("E1", "Presión de agua baja: rellene el circuito ya"),
               ("E4", "Fallo del sensor de temperatura exterior"), ("E9", "Caudal insuficiente: revise el filtro"))


def render_table_page(angle: float = 0.6):
    """A scanned A4 page at 300 dpi, turned ``angle`` degrees: a heading over each of the two tables above, and a
    sentence; returns (image, {value: its cell's box before turning})."""
    from PIL import Image, ImageDraw, ImageFont

    serif = font_path(serif=True)
    regular = ImageFont.truetype(str(serif), 40)
    bold = ImageFont.truetype(str(serif.with_name("DejaVuSerif-Bold.ttf")), 40)
    heading = ImageFont.truetype(str(serif.with_name("DejaVuSerif-Bold.ttf")), 58)
    image = Image.new("L", A4_PIXELS, 250)
    draw = ImageDraw.Draw(image)
    cells, y = {}, 250
    for title, table, value_x in (("3. Mantenimiento", MAINTENANCE, 1300), ("4. Códigos de error", ERROR_CODES, 600)):
        draw.text((240, y), title, font=heading, fill=20)
        y += 120
        for index, (label, value) in enumerate(table):
            font = bold if index == 0 else regular
            draw.text((240, y), label, font=font, fill=20)
            draw.text((value_x, y), value, font=font, fill=20)
            cells[value] = draw.textbbox((value_x, y), value, font=font)
            y += 68
        y += 80
    draw.text((240, y), "La garantía del compresor es de 5 años desde la puesta en marcha.", font=regular, fill=20)
    return image.rotate(angle, resample=Image.BICUBIC, fillcolor=250), cells


def rows_kept_whole(text: str) -> tuple[int, int]:
    """How many body rows of the two tables a page's text holds with the label and its value on one line, in that
    order, and how many there are."""
    rows = [row for table in (MAINTENANCE, ERROR_CODES) for row in table[1:]]
    lines = text.splitlines()
    whole = sum(1 for label, value in rows
                if any(label in line and value in line.partition(label)[2] for line in lines))
    return whole, len(rows)
