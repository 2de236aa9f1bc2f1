"""Where a cited passage lives (file, pages, offsets), as the app stores, shows and exports it."""
from __future__ import annotations

import os
import re
from dataclasses import asdict, dataclass, fields
from typing import Any

from PySide6.QtCore import QCoreApplication

from rag import passage_location


@dataclass(frozen=True)
class SourceRef:
    """A numbered source of an answer (or a closest passage), enough to open the viewer on it later."""

    n: int
    source: str
    page_start: int | None
    page_end: int | None
    char_start: int
    char_end: int
    quote: str
    section: str = ""
    chunk_id: str = ""
    scanned: bool = False
    answer: str = ""

    @property
    def name(self) -> str:
        return os.path.basename(self.source)

    @property
    def location(self) -> str:
        return passage_location(self.page_start, self.page_end, self.section)

    @property
    def label(self) -> str:
        parts = [self.name, self.location, QCoreApplication.translate("SourceRef", "read from a scan") if self.scanned else ""]
        return " · ".join(part for part in parts if part)

    @classmethod
    def from_citation(cls, citation: Any) -> "SourceRef":
        return cls(
            n=citation.n,
            source=citation.source,
            page_start=citation.page,
            page_end=citation.page_end,
            char_start=citation.char_start,
            char_end=citation.char_end,
            quote=citation.quote,
            section=citation.section,
            chunk_id=citation.chunk_id,
            scanned=getattr(citation, "scanned", False),
        )

    @classmethod
    def from_hit(cls, hit: Any, n: int) -> "SourceRef":
        from rag import make_quote

        return cls(
            n=n,
            source=hit.source,
            page_start=hit.page_start,
            page_end=hit.page_end,
            char_start=hit.char_start,
            char_end=hit.char_end,
            quote=make_quote(hit.text),
            section=hit.section,
            chunk_id=hit.chunk_id,
            scanned=getattr(hit, "scanned", False),
        )

    @classmethod
    def from_evidence(cls, evidence: Any, n: int) -> "SourceRef":
        """A quoted sentence or table row: its offsets mark exactly that text on its page."""
        return cls(
            n=n,
            source=evidence.source,
            page_start=evidence.page,
            page_end=evidence.page,
            char_start=evidence.char_start,
            char_end=evidence.char_end,
            quote=evidence.text,
            section=evidence.section,
            chunk_id=evidence.chunk_id,
            answer=getattr(evidence, "answer", ""),
        )

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "SourceRef":
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def citing_sentences(answer: str, n: int) -> str:
    """The sentences of ``answer`` that carry the marker [n] (the whole answer when none does)."""
    marker = f"[{n}]"
    sentences = [s for s in _SENTENCE_END.split(answer) if marker in s]
    return " ".join(sentences) if sentences else answer


def answer_markdown(
    question: str, answer: str, sources: list[SourceRef], closest: list[SourceRef] = (), evidence: list[SourceRef] = ()
) -> str:
    """An answer with its numbered sources, as Markdown to paste into an e-mail or a report."""
    translate = QCoreApplication.translate
    lines = [translate("Markdown", "**Question:** ") + question, ""]
    lines += [f"> {f'**{e.answer}** ' if e.answer else ''}“{e.quote}” — {e.label}" for e in evidence] + ([""] if evidence else [])
    lines += [answer.strip() or ("" if evidence else translate("Markdown", "_(no answer)_"))]
    if sources:
        lines += ["", translate("Markdown", "**Sources**"), ""]
        lines += [f"{s.n}. {s.name}, {s.location} — “{s.quote}”" if s.location else f"{s.n}. {s.name} — “{s.quote}”" for s in sources]
    if closest:
        lines += ["", translate("Markdown", "**Closest passages**"), ""]
        lines += [f"- {s.label} — “{s.quote}”" for s in closest]
    return "\n".join(lines) + "\n"
