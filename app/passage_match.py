"""Finds a passage of Faro's extracted text in a PDF viewer's own page text, and the phrases that make it find it."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

MIN_BLOCK_CHARS = 12
WHOLE_PASSAGE_COVERAGE = 0.6
WINDOW_WORDS = (8, 5, 3)
MAX_WINDOWS = 12
# The letters and digits of a saved quote that must still be where its offsets point.
QUOTE_CHECK_CHARS = 60
_SPACE = re.compile(r"\s+")
_VIEWER_HYPHEN = "\ufffe"


@dataclass(frozen=True)
class Phrase:
    """Text to search for on one page, and which of its matches on that page (0-based) is the passage."""

    text: str
    occurrence: int = 0


def comparable(text: str) -> tuple[str, list[int]]:
    """The letters and digits of ``text`` (accents and case folded, ligatures split), each with its index in ``text``."""
    chars: list[str] = []
    index: list[int] = []
    for position, char in enumerate(text):
        if char.isascii():
            if char.isalnum():
                chars.append(char.lower())
                index.append(position)
            continue
        for part in unicodedata.normalize("NFKD", char):
            if unicodedata.combining(part):
                continue
            for folded in part.casefold():
                if folded.isalnum():
                    chars.append(folded)
                    index.append(position)
    return "".join(chars), index


def locate(passage: str, page_text: str, hint: float = 0.0) -> list[tuple[int, int]]:
    """Spans of ``page_text`` that hold ``passage``: one span when found whole, else its matching pieces, longest first.

    Faro's text and the viewer's differ in ligatures, re-joined hyphenation, spacing, quotes and the reading order
    of tables, so both are compared on their letters and digits only. ``hint`` is where the passage starts, as a
    fraction of the page (0 = top); it picks among repeated passages.
    """
    wanted, _ = comparable(passage)
    page, index = comparable(page_text)
    if len(wanted) < 4 or not page:
        return []
    starts = _occurrences(page, wanted)
    if starts:
        best = min(starts, key=lambda s: abs(s / len(page) - hint))
        return [(index[best], index[best + len(wanted) - 1] + 1)]
    blocks = [b for b in SequenceMatcher(None, page, wanted, autojunk=False).get_matching_blocks() if b.size >= MIN_BLOCK_CHARS]
    if not blocks:
        return []
    matched = sum(b.size for b in blocks)
    first, last = blocks[0], blocks[-1]
    stretch = last.a + last.size - first.a
    if matched >= WHOLE_PASSAGE_COVERAGE * len(wanted) and stretch <= 1.5 * len(wanted):
        return [(index[first.a], index[last.a + last.size - 1] + 1)]
    blocks.sort(key=lambda b: b.size, reverse=True)
    return [(index[b.a], index[b.a + b.size - 1] + 1) for b in blocks]


def search_phrases(passage: str, page_text: str, hint: float = 0.0) -> list[Phrase]:
    """Phrases to try in the viewer's search, best first: the located stretches, then short word windows."""
    phrases: list[Phrase] = []
    page, _ = comparable(page_text)
    for start, end in locate(passage, page_text, hint):
        text = viewer_phrase(page_text[start:end])
        if text:
            phrases.append(Phrase(text, _occurrence_before(page, page_text, text, start)))
    for text in word_windows(passage):
        if all(p.text != text for p in phrases):
            phrases.append(Phrase(text, 0))
    return phrases


def viewer_phrase(text: str) -> str:
    """A stretch of the viewer's page text as a search string: line breaks and runs of spaces become one space."""
    return _SPACE.sub(" ", text.replace("\r", " ").replace("\n", " ")).strip()


def word_windows(passage: str) -> list[str]:
    """Runs of whole words from one line of the passage, longest first, skipping hyphenated words (split differently)."""
    windows: list[str] = []
    for size in WINDOW_WORDS:
        for line in passage.splitlines():
            words = line.split()
            for start in range(0, max(0, len(words) - size + 1), size):
                window = words[start : start + size]
                if all(_plain_word(w) for w in window):
                    windows.append(" ".join(window))
                if len(windows) >= MAX_WINDOWS:
                    return windows
    return windows


def passage_spans(pages: list[str], page_start: int, page_end: int, char_start: int, char_end: int) -> list[tuple[int, int, int]]:
    """(page index, start, end) of the passage on each page it covers (pages with only blanks of it left out).

    ``pages`` are the extracted page texts; offsets follow the engine: ``char_start`` into the first page's text,
    ``char_end`` into the last page's text.
    """
    spans: list[tuple[int, int, int]] = []
    last = min(page_end, len(pages) - 1)
    for page_index in range(page_start, last + 1):
        text = pages[page_index]
        start = char_start if page_index == page_start else 0
        end = char_end if page_index == last else len(text)
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        if text[start:end].strip():
            spans.append((page_index, start, end))
    return spans


def quoted_spans(pages: list[str], page_start: int, page_end: int, char_start: int, char_end: int, quote: str) -> list[tuple[int, int, int]]:
    """:func:`passage_spans`, checked against the ``quote`` saved with the answer: when the saved text no longer holds
    it there (the file was read again since, its tables as rows), where the quote is now on those pages, or nothing."""
    spans = passage_spans(pages, page_start, page_end, char_start, char_end)
    wanted = comparable(quote.rstrip("…"))[0][:QUOTE_CHECK_CHARS]
    if not wanted or wanted in "".join(comparable(pages[i][s:e])[0] for i, s, e in spans):
        return spans
    for index in range(page_start, min(page_end, len(pages) - 1) + 1):
        found = locate(quote.rstrip("…"), pages[index])
        if len(found) == 1:
            return [(index, *found[0])]
    return []


def passage_parts(pages: list[str], page_start: int, page_end: int, char_start: int, char_end: int) -> list[tuple[int, str, float]]:
    """(page index, text, start as a fraction of the page) for each page a passage covers."""
    return [(index, pages[index][start:end], start / len(pages[index])) for index, start, end in
            passage_spans(pages, page_start, page_end, char_start, char_end)]


def as_printed(text: str, rows, start: int, end: int) -> str:
    """``text[start:end]`` with each table row (start, end, as printed) put back as the page prints it."""
    pieces, position = [], start
    for row_start, row_end, printed in rows:
        if row_end <= position or row_start >= end:
            continue
        pieces += [text[position:row_start], printed]
        position = row_end
    pieces.append(text[position:end])
    return "".join(pieces)


def best_part(texts: list[str], context: str) -> int:
    """Which part of a multi-page passage to show first: the one sharing most words with ``context`` (the answer
    sentences that cite it); the first part on a tie."""
    wanted = _content_words(context)
    scores = [len(wanted & _content_words(text)) for text in texts]
    return max(range(len(texts)), key=lambda i: (scores[i], -i)) if texts else 0


def _content_words(text: str) -> set[str]:
    words = (comparable(word)[0] for word in text.split())
    return {w for w in words if len(w) >= 4 or any(c.isdigit() for c in w)}


def _occurrences(haystack: str, needle: str) -> list[int]:
    found, position = [], haystack.find(needle)
    while position >= 0:
        found.append(position)
        position = haystack.find(needle, position + 1)
    return found


def _occurrence_before(page: str, page_text: str, phrase: str, start: int) -> int:
    """How many earlier matches of ``phrase`` the viewer will list on this page before the one at ``start``."""
    wanted, _ = comparable(phrase)
    before, _ = comparable(page_text[:start])
    return sum(1 for position in _occurrences(page, wanted) if position < len(before)) if wanted else 0


def _plain_word(word: str) -> bool:
    return not any(mark in word for mark in ("-", "\u00ad", _VIEWER_HYPHEN))


def word_boxes(words, start: int, end: int) -> list[tuple[float, float, float, float]]:
    """The boxes (left, top, right, bottom, as page fractions) of the OCR'd words inside ``[start, end)``."""
    return [tuple(word[2:6]) for word in words if word[0] < end and word[1] > start]
