"""Splits a document into overlapping passages measured in the embedding model's tokens."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Protocol, Sequence

from rag.types import Chunk, ExtractedDocument, PageText

_UNIT_BREAK = re.compile(r"(?<=[.!?;])\s+|\n\s*\n")
_LINE_BREAK = re.compile(r"\n")


class Tokenizer(Protocol):
    """Gives the character span of every token of each text (special tokens excluded)."""

    def token_spans(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]: ...


@dataclass(frozen=True)
class _Unit:
    page_index: int
    start: int
    end: int
    tokens: int
    section: tuple[str, ...]


def chunk_document(document: ExtractedDocument, tokenizer: Tokenizer, max_tokens: int, overlap: int) -> list[Chunk]:
    """Passages of at most ``max_tokens`` tokens that share about ``overlap`` tokens with their neighbour.

    A passage may run across a page break, never across documents; a new page or section starts a new passage
    once the current one is at least half full, so most citations name a single page.
    """
    all_spans = tokenizer.token_spans([p.text for p in document.pages])
    units: list[_Unit] = []
    for page_index, (page, spans) in enumerate(zip(document.pages, all_spans)):
        starts = [s for s, _ in spans]
        for start, end in _unit_spans(page):
            units.extend(_fit_unit(page.text, page_index, start, end, starts, max_tokens, document))
    return _pack(document, units, max_tokens, overlap)


def _unit_spans(page: PageText) -> list[tuple[int, int]]:
    """Sentences and paragraphs of the page, each table row whole, running headers and footers left out."""
    marks = sorted([(s, e, "skip") for s, e in page.furniture] + [(s, e, "row") for s, e, _ in page.rows])
    spans: list[tuple[int, int]] = []
    position = 0
    for start, end, kind in marks:
        if start < position:
            continue
        spans.extend((position + s, position + e) for s, e in _split_spans(page.text[position:start], _UNIT_BREAK))
        if kind == "row":
            spans.append((start, end))
        position = end
    spans.extend((position + s, position + e) for s, e in _split_spans(page.text[position:], _UNIT_BREAK))
    return [_trimmed(page.text, start, end) for start, end in spans]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _without_furniture(page: PageText, start: int, end: int) -> str:
    """``page.text[start:end]`` less any running header or footer inside it."""
    pieces, position = [], start
    for skip_start, skip_end in sorted(page.furniture):
        if skip_end <= position or skip_start >= end:
            continue
        pieces.append(page.text[position:skip_start])
        position = skip_end
    pieces.append(page.text[position:end])
    return "\n".join(p.strip() for p in pieces if p.strip())


def _split_spans(text: str, pattern: re.Pattern) -> list[tuple[int, int]]:
    spans, position = [], 0
    for match in pattern.finditer(text):
        if match.start() > position:
            spans.append((position, match.start()))
        position = match.end()
    if position < len(text):
        spans.append((position, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _count(starts: list[int], start: int, end: int) -> int:
    return bisect.bisect_left(starts, end) - bisect.bisect_left(starts, start)


def _fit_unit(text, page_index, start, end, starts, max_tokens, document) -> list[_Unit]:
    """One unit, or several if it is longer than a passage: split at line breaks, then by token windows."""
    section = document.section_at(page_index, start)
    tokens = _count(starts, start, end)
    if tokens <= max_tokens:
        return [_Unit(page_index, start, end, tokens, section)]
    lines = [(start + s, start + e) for s, e in _split_spans(text[start:end], _LINE_BREAK)]
    if len(lines) > 1:
        result = []
        for line_start, line_end in lines:
            result.extend(_fit_unit(text, page_index, line_start, line_end, starts, max_tokens, document))
        return result
    first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    result = []
    for window in range(first, last, max_tokens):
        window_end = min(window + max_tokens, last)
        char_start = max(start, starts[window])
        char_end = starts[window_end] if window_end < last else end
        while char_end > char_start + 1 and text[char_end - 1].isspace():
            char_end -= 1
        result.append(_Unit(page_index, char_start, char_end, window_end - window, section))
    return result


def _pack(document: ExtractedDocument, units: list[_Unit], max_tokens: int, overlap: int) -> list[Chunk]:
    chunks: list[Chunk] = []
    first = 0
    while first < len(units):
        last, total = first, units[first].tokens
        while last + 1 < len(units):
            candidate = units[last + 1]
            if total + candidate.tokens > max_tokens:
                break
            boundary = candidate.section != units[last].section or candidate.page_index != units[last].page_index
            if boundary and total >= max_tokens // 2:
                break
            last += 1
            total += candidate.tokens
        chunks.append(_make_chunk(document, units[first : last + 1], len(chunks), total))
        if last + 1 >= len(units):
            break
        next_first = last + 1
        upcoming = units[next_first]
        if (upcoming.section, upcoming.page_index) == (units[last].section, units[last].page_index):
            carried = 0
            while next_first - 1 > first and carried + units[next_first - 1].tokens <= overlap:
                next_first -= 1
                carried += units[next_first].tokens
        first = next_first
    return chunks


def _main_section(units: list[_Unit]) -> tuple[str, ...]:
    """The section holding most of the passage's tokens (a passage may begin with its parent heading)."""
    weight: dict[tuple[str, ...], int] = {}
    for unit in units:
        weight[unit.section] = weight.get(unit.section, 0) + unit.tokens
    return max(reversed(list(weight)), key=weight.__getitem__)


def _make_chunk(document: ExtractedDocument, units: list[_Unit], ordinal: int, tokens: int) -> Chunk:
    head, tail = units[0], units[-1]
    pieces = []
    for page_index in range(head.page_index, tail.page_index + 1):
        page = document.pages[page_index]
        start = head.start if page_index == head.page_index else 0
        end = tail.end if page_index == tail.page_index else len(page.text)
        piece = _without_furniture(page, start, end)
        if piece:
            pieces.append(piece)
    return Chunk(
        ordinal=ordinal,
        text="\n".join(pieces),
        page_start=document.pages[head.page_index].number,
        page_end=document.pages[tail.page_index].number,
        char_start=head.start,
        char_end=tail.end,
        section=" > ".join(_main_section(units)),
        token_count=tokens,
        scanned=any(document.pages[i].scanned for i in range(head.page_index, tail.page_index + 1)),
    )
