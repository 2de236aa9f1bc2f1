"""Saved chats: one JSON file per collection in ``<data_dir>/conversations/``, surviving restarts."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.sources import SourceRef, answer_markdown

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
TITLE_CHARS = 60


@dataclass
class Exchange:
    """One question and Faro's answer to it, with the sources the answer cites."""

    question: str
    answer: str = ""
    sources: list[SourceRef] = field(default_factory=list)
    closest: list[SourceRef] = field(default_factory=list)
    abstained: bool = False
    stopped: bool = False
    error: str = ""
    asked_at: float = field(default_factory=time.time)
    evidence: list[SourceRef] = field(default_factory=list)
    note: str = ""

    def source(self, n: int) -> SourceRef | None:
        return next((s for s in self.sources if s.n == n), None)

    def markdown(self) -> str:
        return answer_markdown(self.question, self.answer, self.sources, self.closest if self.abstained else [], self.evidence)

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.answer,
            "sources": [s.to_json() for s in self.sources],
            "closest": [s.to_json() for s in self.closest],
            "abstained": self.abstained,
            "stopped": self.stopped,
            "error": self.error,
            "asked_at": self.asked_at,
            "evidence": [e.to_json() for e in self.evidence],
            "note": self.note,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Exchange":
        return cls(
            question=str(data["question"]),
            answer=str(data.get("answer", "")),
            sources=[SourceRef.from_json(s) for s in data.get("sources", [])],
            closest=[SourceRef.from_json(s) for s in data.get("closest", [])],
            abstained=bool(data.get("abstained", False)),
            stopped=bool(data.get("stopped", False)),
            error=str(data.get("error", "")),
            asked_at=float(data.get("asked_at", 0.0)),
            evidence=[SourceRef.from_json(e) for e in data.get("evidence", [])],
            note=str(data.get("note", "")),
        )


@dataclass
class Conversation:
    """A chat: the questions asked one after another, titled by the first question."""

    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    created_at: float = field(default_factory=time.time)
    exchanges: list[Exchange] = field(default_factory=list)

    @property
    def title(self) -> str:
        if not self.exchanges:
            return QCoreApplication.translate("ChatPanel", "New chat")
        first = " ".join(self.exchanges[0].question.split())
        return first if len(first) <= TITLE_CHARS else first[: TITLE_CHARS - 1].rstrip() + "…"

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "created_at": self.created_at, "exchanges": [e.to_json() for e in self.exchanges]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Conversation":
        return cls(
            id=str(data["id"]),
            created_at=float(data.get("created_at", 0.0)),
            exchanges=[Exchange.from_json(e) for e in data.get("exchanges", [])],
        )


class ConversationStore:
    """Reads and writes each collection's chats; a damaged file is set aside, never lost or fatal."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = Path(data_dir) / "conversations"

    def path_for(self, collection: str) -> Path:
        slug = re.sub(r"[^A-Za-z0-9_-]+", "-", collection).strip("-")[:40] or "collection"
        digest = hashlib.sha1(collection.encode("utf-8")).hexdigest()[:8]
        return self.folder / f"{slug}-{digest}.json"

    def load(self, collection: str) -> list[Conversation]:
        """The collection's chats, newest first (an empty list when there are none)."""
        path = self.path_for(collection)
        if not path.exists():
            return []
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            chats = [Conversation.from_json(c) for c in data["conversations"]]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            aside = path.with_suffix(f".damaged-{int(time.time())}.json")
            log.warning("Saved chats in %s could not be read (%s); moved aside to %s", path, exc, aside)
            try:
                os.replace(path, aside)
            except OSError:
                pass
            return []
        return sorted(chats, key=lambda c: c.created_at, reverse=True)

    def save(self, collection: str, conversations: list[Conversation]) -> None:
        """Write the collection's chats atomically; chats without questions are not kept."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.path_for(collection)
        data = {
            "version": FORMAT_VERSION,
            "collection": collection,
            "conversations": [c.to_json() for c in conversations if c.exchanges],
        }
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, path)

    def delete(self, collection: str) -> None:
        self.path_for(collection).unlink(missing_ok=True)


class ChatHistory:
    """The chats of the collection on screen, with the one being continued."""

    def __init__(self, store: ConversationStore, collection: str) -> None:
        self.store = store
        self.collection = collection
        self.conversations = store.load(collection)
        self.current = self.conversations[0] if self.conversations else self._fresh()

    def new_chat(self) -> Conversation:
        """Start a new chat (an unused empty chat is reused)."""
        if self.current.exchanges:
            self.current = self._fresh()
        return self.current

    def select(self, conversation_id: str) -> Conversation:
        self.current = next(c for c in self.conversations if c.id == conversation_id)
        return self.current

    def record(self, exchange: Exchange) -> None:
        """Add a finished exchange to the current chat and save."""
        self.current.exchanges.append(exchange)
        self.save()

    def save(self) -> None:
        self.store.save(self.collection, self.conversations)

    def _fresh(self) -> Conversation:
        conversation = Conversation()
        self.conversations.insert(0, conversation)
        return conversation
