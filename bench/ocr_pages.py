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
