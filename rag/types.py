"""Plain data passed between the engine's parts and to its callers."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from rag.status import Status


@dataclass(frozen=True)
class PageText:
    """Text of one PDF page (``number`` is 1-based), or the whole text of a document without pages.

    ``furniture``: (start, end) of running headers, footers and page numbers, kept in the text (so offsets match the
    page) but left out of passages. ``rows``: (start, end, the row as printed) of each table row. ``scanned``: the text
    was read from an image of the page; ``words`` then holds (start, end, left, top, right, bottom) of each word, the box
    as fractions of the page's width and height from its top-left corner.
    """

    number: int | None
    text: str
    furniture: tuple[tuple[int, int], ...] = ()
    rows: tuple[tuple[int, int, str], ...] = ()
    scanned: bool = False
    words: tuple[tuple[int, int, float, float, float, float], ...] = ()

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "PageText":
        return cls(
            number=data["number"],
            text=data["text"],
            furniture=tuple(tuple(span) for span in data.get("furniture", ())),
            rows=tuple(tuple(row) for row in data.get("rows", ())),
            scanned=bool(data.get("scanned", False)),
            words=tuple(tuple(word) for word in data.get("words", ())),
        )


@dataclass(frozen=True)
class SectionMark:
    """The section path that starts at ``offset`` in page ``page_index``."""

    page_index: int
    offset: int
    path: tuple[str, ...]


@dataclass(frozen=True)
class ExtractedDocument:
    """What a loader read from a file, before chunking."""

    kind: str
    pages: tuple[PageText, ...]
    sections: tuple[SectionMark, ...] = ()
    title: str = ""
    warnings: tuple[str, ...] = ()

    @property
    def page_count(self) -> int | None:
        return len(self.pages) if self.kind in ("pdf", "image") else None

    def section_at(self, page_index: int, offset: int) -> tuple[str, ...]:
        """The section path in force at ``offset`` of page ``page_index`` (() before the first heading)."""
        path: tuple[str, ...] = ()
        for mark in self.sections:
            if (mark.page_index, mark.offset) > (page_index, offset):
                break
            path = mark.path
        return path

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "ExtractedDocument":
        return cls(
            kind=data["kind"],
            pages=tuple(PageText.from_json(p) for p in data["pages"]),
            sections=tuple(SectionMark(s["page_index"], s["offset"], tuple(s["path"])) for s in data["sections"]),
            title=data.get("title", ""),
            warnings=tuple(data.get("warnings", ())),
        )


@dataclass(frozen=True)
class Chunk:
    """A passage of a document: offsets index the text of ``page_start`` and ``page_end``."""

    ordinal: int
    text: str
    page_start: int | None
    page_end: int | None
    char_start: int
    char_end: int
    section: str
    token_count: int
    scanned: bool = False


def passage_location(page_start: int | None, page_end: int | None, section: str) -> str:
    """Where a passage is, as a person would say it: ``p. 3``, ``pp. 3–4`` or the section path."""
    if page_start is not None:
        if page_end is not None and page_end != page_start:
            return f"pp. {page_start}–{page_end}"
        return f"p. {page_start}"
    return section


@dataclass(frozen=True)
class Hit:
    """A passage found by search, with where it came from."""

    chunk_id: str
    doc_id: str
    source: str
    text: str
    score: float
    dense_score: float
    keyword_score: float
    page_start: int | None
    page_end: int | None
    char_start: int
    char_end: int
    section: str
    scanned: bool = False

    @property
    def location(self) -> str:
        return passage_location(self.page_start, self.page_end, self.section)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["score"] = round(self.score, 4)
        data["dense_score"] = round(self.dense_score, 4)
        data["keyword_score"] = round(self.keyword_score, 4)
        return data


@dataclass(frozen=True)
class Citation:
    """Source ``n`` of an answer, built from the passage's metadata, never from model output."""

    n: int
    source: str
    page: int | None
    page_end: int | None
    section: str
    quote: str
    score: float
    chunk_id: str
    char_start: int
    char_end: int
    cited_by_model: bool
    scanned: bool = False

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["score"] = round(self.score, 4)
        return data


@dataclass(frozen=True)
class Evidence:
    """A sentence, list item or table row quoted verbatim; offsets index the saved text of ``page``.

    ``n`` is the number of its passage among the answer's sources; ``context`` is a table's column header; ``answer``
    the short answer inside the text (the date, amount, name or table figure asked for), "" when none.
    """

    text: str
    kind: str
    source: str
    page: int | None
    section: str
    chunk_id: str
    doc_id: str
    char_start: int
    char_end: int
    score: float
    n: int = 0
    context: str = ""
    answer: str = ""

    @property
    def location(self) -> str:
        return passage_location(self.page, self.page, self.section)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["score"] = round(self.score, 4)
        return data


@dataclass(frozen=True)
class SentenceCheck:
    """One sentence of the model's answer and whether its numbers, dates and quoted names are in the sources.

    ``checked_against`` are the source numbers it was compared with; ``missing`` the claims found in none of them.
    """

    text: str
    supported: bool
    checked_against: tuple[int, ...] = ()
    missing: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "supported": self.supported, "checked_against": list(self.checked_against),
                "missing": list(self.missing)}


@dataclass(frozen=True)
class Answer:
    """An answer with its citations; when ``abstained``, ``closest`` holds the nearest passages.

    ``evidence`` is shown first; ``text`` is the model's answer with unsupported sentences marked (empty when the
    model was unavailable or nothing it wrote matched the documents), ``note`` says why in plain words, and
    ``weak`` warns that the evidence may not answer the question.
    """

    question: str
    text: str
    citations: tuple[Citation, ...]
    abstained: bool
    closest: tuple[Hit, ...] = ()
    stopped: bool = False
    evidence: tuple[Evidence, ...] = ()
    sentences: tuple[SentenceCheck, ...] = ()
    note: str = ""
    weak: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.text,
            "evidence": [e.to_json() for e in self.evidence],
            "sentences": [s.to_json() for s in self.sentences],
            "note": self.note,
            "weak": self.weak,
            "citations": [c.to_json() for c in self.citations],
            "abstained": self.abstained,
            "stopped": self.stopped,
            "closest": [h.to_json() for h in self.closest],
        }


@dataclass(frozen=True)
class DocumentRecord:
    """One row of the document registry; ``language`` is ``en``, ``es``, ``es,en`` (mixed, main one first) or empty;
    ``reader`` the version of the reader that read it (0: before versions were kept)."""

    doc_id: str
    collection: str
    path: str
    content_hash: str
    size: int
    mtime: float
    kind: str
    title: str
    pages: int | None
    chunks: int
    status: str
    error: str
    error_kind: str
    warnings: str
    added_at: float
    updated_at: float
    lead: str = ""
    language: str = ""
    reader: int = 0


@dataclass(frozen=True)
class FileOutcome:
    """What ingest did with one file: ``indexed``, ``unchanged``, ``duplicate``, ``failed`` or ``skipped``."""

    path: str
    status: str
    reason: str = ""
    error_kind: str = ""
    pages: int | None = None
    chunks: int = 0
    seconds: float = 0.0
    warnings: tuple[str, ...] = ()


@dataclass
class IngestReport:
    """Every file's outcome in one ingest run."""

    outcomes: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False
    postponed: list[str] = field(default_factory=list)  # files not reached because the caller asked to pause

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    def to_json(self) -> dict[str, Any]:
        return {
            "cancelled": self.cancelled,
            "summary": {s.value: self.count(s) for s in (Status.INDEXED, Status.REREAD, Status.UNCHANGED, Status.DUPLICATE, Status.FAILED,
                                                         Status.SKIPPED)},
            "files": [asdict(o) for o in self.outcomes],
        }
