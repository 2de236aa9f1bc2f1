"""Where a piece of a passage lies in the page texts it was cut from (for the viewer's highlight)."""
from __future__ import annotations

from typing import Sequence


def page_span(passage_pages: Sequence[tuple[int, str]], char_start: int, char_end: int, start: int, end: int) -> tuple[int, int, int] | None:
    """Where ``passage[start:end]`` lies in the saved page text: (position in ``passage_pages``, start, end).

    ``passage_pages`` are (index, page text) of the pages a passage covers; the passage is each page's share,
    stripped, joined by line breaks (as the chunker builds it), running from ``char_start`` on the first page to
    ``char_end`` on the last.
    """
    position = 0
    last = len(passage_pages) - 1
    for number, (_, page_text) in enumerate(passage_pages):
        piece_start = char_start if number == 0 else 0
        piece_end = char_end if number == last else len(page_text)
        raw = page_text[piece_start:piece_end]
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        if position <= start < position + len(stripped) + 1:
            offset = piece_start + lead + (start - position)
            return number, offset, min(offset + (end - start), piece_start + lead + len(stripped))
        position += len(stripped) + 1
    return None
