"""Chunking: token limits, overlap, page spans, exact offsets and section paths."""
from __future__ import annotations

from rag.ingest.chunking import chunk_document
from rag.types import ExtractedDocument, PageText, SectionMark
from tests.fakes import FakeEmbedder


def _sentences(prefix: str, count: int) -> str:
    return " ".join(f"{prefix} sentence number {i} has six words." for i in range(count))


def _pdf(*pages: str) -> ExtractedDocument:
    return ExtractedDocument(kind="pdf", pages=tuple(PageText(i + 1, t) for i, t in enumerate(pages)))


def test_chunks_respect_the_token_limit_and_overlap():
    document = _pdf(_sentences("alpha", 60))
    chunks = chunk_document(document, FakeEmbedder(), max_tokens=50, overlap=10)
    assert len(chunks) > 5
    assert all(c.token_count <= 50 for c in chunks)
    for first, second in zip(chunks, chunks[1:]):
        assert second.char_start < first.char_end, "neighbouring passages share text"
        assert first.char_end - second.char_start < 120, "the shared part is about the overlap"


def test_offsets_point_at_the_exact_passage_in_the_page_text():
    document = _pdf(_sentences("alpha", 30), _sentences("beta", 30))
    for chunk in chunk_document(document, FakeEmbedder(), max_tokens=40, overlap=8):
        if chunk.page_start == chunk.page_end:
            page = document.pages[chunk.page_start - 1].text
            assert page[chunk.char_start : chunk.char_end] == chunk.text


def test_a_passage_can_cross_a_page_break_and_records_both_pages():
    document = _pdf(_sentences("alpha", 3), _sentences("beta", 3))
    chunks = chunk_document(document, FakeEmbedder(), max_tokens=200, overlap=0)
    assert len(chunks) == 1
    only = chunks[0]
    assert (only.page_start, only.page_end) == (1, 2)
    assert document.pages[0].text[only.char_start :].split()[0] == "alpha"
    assert document.pages[1].text[: only.char_end].endswith("words.")


def test_an_overlong_line_without_punctuation_is_split_by_tokens():
    table_row = " ".join(str(n) for n in range(500))
    chunks = chunk_document(_pdf(table_row), FakeEmbedder(), max_tokens=100, overlap=0)
    assert len(chunks) == 5
    assert all(c.token_count <= 100 for c in chunks)
    assert "".join(c.text.replace(" ", "") for c in chunks) == table_row.replace(" ", "")


def test_sections_start_new_passages_and_label_them():
    intro = _sentences("intro", 8)
    body = _sentences("body", 8)
    text = f"{intro}\n\n{body}"
    document = ExtractedDocument(
        kind="docx",
        pages=(PageText(None, text),),
        sections=(SectionMark(0, 0, ("Policy",)), SectionMark(0, len(intro) + 2, ("Policy", "Travel"))),
    )
    chunks = chunk_document(document, FakeEmbedder(), max_tokens=60, overlap=0)
    assert chunks[0].section == "Policy"
    assert chunks[-1].section == "Policy > Travel"
    assert all(("intro" in c.text) != ("body" in c.text) for c in chunks)
    assert all(c.page_start is None for c in chunks)
