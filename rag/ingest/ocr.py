"""Reads text from page images with a local OCR engine whose models ship in its package: no server, no download."""
from __future__ import annotations

import logging
import os
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Protocol, Sequence

log = logging.getLogger(__name__)

OCR_THREADS = 2
PARAGRAPH_GAP_LINES = 1.2
MIN_WORD_SCORE = 0.3
_CJK = re.compile("[\u3000-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef]")


@dataclass(frozen=True)
class OcrWord:
    """A recognised word and its box in image pixels (left, top, right, bottom)."""

    text: str
    box: tuple[float, float, float, float]


@dataclass(frozen=True)
class OcrPage:
    """The text read from one image, and each word's place in that text and on the image (fractions of its size)."""

    text: str
    words: tuple[tuple[int, int, float, float, float, float], ...]


class OcrEngine(Protocol):
    """Reads the lines of an RGB image (H×W×3 uint8 array), top to bottom, each as its words."""

    name: str

    def read_lines(self, image: Any) -> list[list[OcrWord]]: ...


class LiteOcr:
    """RapidOCRLite's bundled Latin/multilingual recogniser (accents, ñ, ¿ ¡) on its native CPU engine."""

    name = "RapidOCRLite (bundled lite models)"

    def __init__(self, threads: int = OCR_THREADS) -> None:
        os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
        from rapidocr import RapidOCR

        self._engine = RapidOCR(params={
            "Global.log_level": "error",
            "Det.model_type": "lite",
            "Rec.model_type": "lite",
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
        })

    def read_lines(self, image: Any) -> list[list[OcrWord]]:
        result = self._engine(image, return_word_box=True)
        lines = []
        for words in getattr(result, "word_results", None) or ():
            if words and isinstance(words[0], str):  # a line without word boxes (nothing was read)
                continue
            line = [
                OcrWord(unicodedata.normalize("NFC", text.strip()), _box(points))
                for text, score, points in words if text.strip() and score >= MIN_WORD_SCORE
            ]
            if line:
                lines.append(line)
        return lines


def _box(points: Sequence[Sequence[float]]) -> tuple[float, float, float, float]:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def ocr_engine() -> OcrEngine | None:
    """The OCR engine installed with Faro, or None (with a log line) when it is missing or cannot start."""
    try:
        return LiteOcr()
    except ImportError as exc:
        log.warning("OCR is not available (%s); scanned pages stay unread", exc)
    except Exception as exc:  # a broken install must not stop reading documents with a text layer
        log.warning("The OCR engine could not start: %s", exc)
    return None


def read_image(engine: OcrEngine, image) -> OcrPage:
    """Text of a PIL image: lines in reading order, a blank line where a wide gap parts paragraphs."""
    import numpy as np

    width, height = image.size
    lines = engine.read_lines(np.asarray(image.convert("RGB")))
    parts: list[str] = []
    words: list[tuple[int, int, float, float, float, float]] = []
    offset = 0
    previous_bottom = None
    for line in lines:
        top = min(w.box[1] for w in line)
        bottom = max(w.box[3] for w in line)
        if parts:
            gap = top - previous_bottom if previous_bottom is not None else 0
            separator = "\n\n" if gap > PARAGRAPH_GAP_LINES * (bottom - top) else "\n"
            parts.append(separator)
            offset += len(separator)
        joiner = "" if any(_CJK.search(w.text) for w in line) else " "
        for index, word in enumerate(line):
            if index and joiner:
                parts.append(joiner)
                offset += len(joiner)
            left, upper, right, lower = word.box
            words.append((offset, offset + len(word.text), left / width, upper / height, right / width, lower / height))
            parts.append(word.text)
            offset += len(word.text)
        previous_bottom = bottom
    return OcrPage("".join(parts), tuple(words))
