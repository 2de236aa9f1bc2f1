"""Replaces a ready document's reading so that a crash at any step leaves the old reading or the new one, never neither."""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Callable

from rag.store.registry import Registry
from rag.store.saved_texts import SavedTexts
from rag.store.vectors import Store

log = logging.getLogger(__name__)

# Registry meta keys of replacements under way: "replacing:<doc_id>" → the store and both sets of passage ids.
PENDING = "replacing:"


@dataclass(frozen=True)
class Replacement:
    """A ready document getting a new reading: its vectors under ``old_ids`` stay until ``new_ids`` are committed."""

    doc_id: str
    store_name: str
    old_ids: tuple[str, ...]
    new_ids: tuple[str, ...]

    def to_json(self) -> str:
        return json.dumps({"store": self.store_name, "old": self.old_ids, "new": self.new_ids})

    @classmethod
    def from_json(cls, doc_id: str, value: str) -> "Replacement":
        data = json.loads(value)
        return cls(doc_id, data["store"], tuple(data["old"]), tuple(data["new"]))


def begin(registry: Registry, replacements: list[Replacement]) -> None:
    """Record the replacements before any of their new vectors or texts is written (what recovery goes by)."""
    with registry.transaction():
        for item in replacements:
            registry.set_meta(PENDING + item.doc_id, item.to_json())


def finish(registry: Registry, store: Store, texts: SavedTexts, item: Replacement) -> None:
    """After the transaction that switched the passages: the new text in place, the old vectors out, the record gone."""
    texts.promote(item.doc_id)
    store.delete_ids(item.store_name, item.old_ids)
    registry.delete_meta(PENDING + item.doc_id)


def abandon(registry: Registry, store: Store, texts: SavedTexts, item: Replacement) -> None:
    """Before that transaction: the new vectors and staged text out; the old reading was never touched."""
    store.delete_ids(item.store_name, item.new_ids)
    texts.discard_staged(item.doc_id)
    registry.delete_meta(PENDING + item.doc_id)


def complete_interrupted(registry: Registry, open_store: Callable[[], Store], texts: SavedTexts) -> None:
    """At opening: finish each replacement whose passages were switched before a crash, abandon the others (the
    vector store is opened only when there is one)."""
    pending = registry.meta_with_prefix(PENDING)
    store = open_store() if pending else None
    for key, value in pending.items():
        item = Replacement.from_json(key[len(PENDING):], value)
        switched = bool(item.new_ids) and set(registry.chunk_ids_of(item.doc_id)) == set(item.new_ids)
        (finish if switched else abandon)(registry, store, texts, item)
        log.warning("%s an interrupted new reading of document %s", "Finished" if switched else "Undid", item.doc_id)
