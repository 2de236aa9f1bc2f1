"""The texts Faro extracted, one JSON file per document; a new reading is staged beside the old one until it is saved."""
from __future__ import annotations

import json
import os
from pathlib import Path

from rag.types import ExtractedDocument

STAGED_SUFFIX = ".json.next"


class SavedTexts:
    """The texts Faro extracted, one JSON file per document, written atomically and never changed in place.

    Reading one is safe from any thread (the desktop app's viewer reads them without waiting for the engine).
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, doc_id: str) -> Path:
        return self.folder / f"{doc_id}.json"

    def read(self, doc_id: str) -> ExtractedDocument | None:
        try:
            return ExtractedDocument.from_json(json.loads(self.path(doc_id).read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError):
            return None

    def save(self, doc_id: str, document: ExtractedDocument) -> None:
        """Keep the extracted text, so the viewer can show it and a re-index needs no re-parse."""
        self._write(self.path(doc_id), document)

    def staged_path(self, doc_id: str) -> Path:
        return self.folder / f"{doc_id}{STAGED_SUFFIX}"

    def stage(self, doc_id: str, document: ExtractedDocument) -> None:
        """Write a new reading of a document beside the one its passages point into now (see ``promote``)."""
        self._write(self.staged_path(doc_id), document)

    def promote(self, doc_id: str) -> None:
        """The staged reading becomes the document's text (nothing happens when none is staged)."""
        staged = self.staged_path(doc_id)
        if staged.exists():
            os.replace(staged, self.path(doc_id))

    def discard_staged(self, doc_id: str) -> None:
        self.staged_path(doc_id).unlink(missing_ok=True)

    def _write(self, path: Path, document: ExtractedDocument) -> None:
        """Whole or not at all: a temporary file (``*.tmp``, an orphan if a crash leaves it) renamed over ``path``."""
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(document.to_json(), ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
