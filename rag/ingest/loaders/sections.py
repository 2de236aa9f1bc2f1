"""Builds one document text from paragraphs and headings, remembering where each section starts."""
from __future__ import annotations

from typing import Callable

from rag.types import PageText, SectionMark


class SectionBuilder:
    """Collects paragraphs and headings in order; ``build`` returns the text and its section marks."""

    def __init__(self) -> None:
        self._blocks: list[tuple[str, tuple[str, ...]]] = []
        self._path: list[tuple[int, str]] = []

    def add_heading(self, level: int, text: str) -> None:
        while self._path and self._path[-1][0] >= level:
            self._path.pop()
        self._path.append((level, " ".join(text.split())))
        self._blocks.append((text, self.current_path))

    def add_paragraph(self, text: str) -> None:
        self._blocks.append((text, self.current_path))

    @property
    def current_path(self) -> tuple[str, ...]:
        return tuple(title for _, title in self._path)

    def build(self, clean: Callable[[str], str]) -> tuple[PageText, tuple[SectionMark, ...]]:
        parts: list[str] = []
        marks: list[SectionMark] = []
        offset = 0
        for raw, path in self._blocks:
            text = clean(raw)
            if not text:
                continue
            if not marks or marks[-1].path != path:
                marks.append(SectionMark(0, offset, path))
            parts.append(text)
            offset += len(text) + 2
        return PageText(None, "\n\n".join(parts)), tuple(marks)
