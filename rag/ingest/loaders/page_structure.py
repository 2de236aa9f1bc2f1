"""What a page's text holds besides body text: running headers and footers, table rows and headings, as offsets."""
from __future__ import annotations

import math
import re
from typing import Iterable, Sequence

from rag.types import SectionMark

EDGE_LINES = 3
MIN_PAGES_FOR_FURNITURE = 3
TWO_PAGES = 2
FURNITURE_SHARE = 0.4
MAX_FURNITURE_CHARS = 160
MAX_HEADING_LEVELS = 3
_DIGITS = re.compile(r"\d+")
_ROMAN_PAGE = re.compile(r"^[ivxlc]+$")
_SPACES = re.compile(r"\s+")


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line of ``text``."""
    spans, position = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((position, position + len(line)))
        position += len(line) + 1
    return spans


def _furniture_key(line: str) -> str:
    key = _SPACES.sub(" ", _DIGITS.sub("#", line.lower())).strip()
    return "#" if _ROMAN_PAGE.match(key) else key


def _page_number_key(line: str, number: int) -> str:
    """A line with the page's own number as ``#`` (other figures kept): "Page 2" on page 2 is "page #"."""
    return _SPACES.sub(" ", re.sub(rf"(?<!\d){number}(?!\d)", "#", line.lower())).strip()


def find_furniture(texts: Sequence[str]) -> list[tuple[tuple[int, int], ...]]:
    """Per page, the lines among its first or last few that repeat there on many pages (digits may differ); in a
    document of two pages, on both, the same but for the page's number ("Orion Ltd. | Page 1", a two-page manual's
    running title; not two tables' "Total | 1,250" and "Total | 980").

    A page that would be left mostly empty keeps its lines: they are its content, not its furniture.
    """
    with_text = sum(1 for text in texts if text.strip())
    if with_text < TWO_PAGES:
        return [()] * len(texts)
    edges = []
    for number, text in enumerate(texts, start=1):
        spans = line_spans(text)
        chosen = spans[:EDGE_LINES] + [s for s in spans[-EDGE_LINES:] if s not in spans[:EDGE_LINES]]
        key = _furniture_key if with_text > TWO_PAGES else lambda line, n=number: _page_number_key(line, n)
        edges.append([(span, key(text[span[0] : span[1]])) for span in chosen if span[1] - span[0] <= MAX_FURNITURE_CHARS])
    pages_with: dict[str, int] = {}
    for page_edges in edges:
        for key in {key for _, key in page_edges}:
            pages_with[key] = pages_with.get(key, 0) + 1
    needed = TWO_PAGES if with_text == TWO_PAGES else max(MIN_PAGES_FOR_FURNITURE, math.ceil(FURNITURE_SHARE * with_text))
    repeated = {key for key, count in pages_with.items() if count >= needed}
    found = []
    for text, page_edges in zip(texts, edges):
        spans = tuple(span for span, key in page_edges if key in repeated)
        furniture_chars = sum(len(text[s:e].strip()) for s, e in spans)
        found.append(spans if furniture_chars * 2 < len(text.strip()) else ())
    return found


def locate_rows(text: str, rows: Iterable[tuple[str, str]], clean) -> tuple[tuple[int, int, str], ...]:
    """(start, end, as printed) of each table row found in the page's final ``text``, in order."""
    found, position = [], 0
    for row, printed in rows:
        wanted = clean(row)
        start = text.find(wanted, position) if wanted else -1
        if start < 0:
            continue
        found.append((start, start + len(wanted), printed))
        position = start + len(wanted)
    return tuple(found)


def _squeezed(text: str) -> str:
    return "".join(text.split()).lower()


def heading_marks(page_index: int, text: str, headings: Iterable[str], skip: Sequence[tuple[int, int]]) -> list[SectionMark]:
    """Section marks for the headings found as whole lines of ``text``; adjacent heading lines form one path."""
    wanted = {_squeezed(h) for h in headings if h.strip()}
    marks: list[SectionMark] = []
    path: tuple[str, ...] = ()
    previous_end = None
    for start, end in line_spans(text):
        if (start, end) in skip:
            continue
        line = text[start:end]
        if _squeezed(line) not in wanted:
            previous_end = None
            continue
        title = " ".join(line.split())
        if previous_end is not None and marks:
            path = (*path, title)[-MAX_HEADING_LEVELS:]
            marks[-1] = SectionMark(page_index, marks[-1].offset, path)
        else:
            path = (title,)
            marks.append(SectionMark(page_index, start, path))
        previous_end = end
    return marks
