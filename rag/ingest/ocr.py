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
MIN_WORD_SCORE = 0.3
_CJK = re.compile("[\u3000-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef]")


@dataclass(frozen=True)
class OcrWord:
    """A recognised word and its box in image pixels (left, top, right, bottom)."""

    text: str
    box: tuple[float, float, float, float]


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
        for printed, words in zip(getattr(result, "txts", None) or (), getattr(result, "word_results", None) or ()):
            if words and isinstance(words[0], str):  # a line without word boxes (nothing was read)
                continue
            line = [
                OcrWord(unicodedata.normalize("NFC", text.strip()), _box(points))
                for text, score, points in words if text.strip() and score >= MIN_WORD_SCORE
            ]
            if line:
                lines.append(whole_words(unicodedata.normalize("NFC", printed), line))
        return lines


def whole_words(printed: str, fragments: list[OcrWord]) -> list[OcrWord]:
    """The line's words as its ``printed`` text spaces them: the recogniser's word boxes split some words at wide
    letters ("M", "anual" for "Manual"; "Cada", "6", "m", "eses"), and those fragments are joined again."""
    words: list[OcrWord] = []
    position, previous_end = 0, -1
    for fragment in fragments:
        found = printed.find(fragment.text, position)
        if found < 0:
            words.append(fragment)
            previous_end = -1
            continue
        if words and found == previous_end and not is_cjk(fragment.text):  # CJK is written without spaces
            last = words[-1]
            box = (min(last.box[0], fragment.box[0]), min(last.box[1], fragment.box[1]),
                   max(last.box[2], fragment.box[2]), max(last.box[3], fragment.box[3]))
            words[-1] = OcrWord(last.text + fragment.text, box)
        else:
            words.append(fragment)
        position = previous_end = found + len(fragment.text)
    return words


def is_cjk(text: str) -> bool:
    """Whether ``text`` holds Chinese, Japanese or Korean characters, which are written without spaces."""
    return bool(_CJK.search(text))


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
