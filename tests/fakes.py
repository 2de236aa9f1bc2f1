"""Fast stand-ins for the embedding and language models, for tests where speed matters."""
from __future__ import annotations

import hashlib
import re
import time
import unicodedata
from typing import Iterator, Sequence

import numpy as np

from rag.types import Hit

_WORD = re.compile(r"\S+")


class FakeEmbedder:
    """Hashed bag of accent-folded words: texts sharing words get similar vectors; one token per word."""

    model_id = "fake-embedder"
    max_tokens = 256

    def __init__(self, dimension: int = 64) -> None:
        self.dimension = dimension
        self.calls = 0

    def token_spans(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        return [[m.span() for m in _WORD.finditer(t)] for t in texts]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        rows = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for i, text in enumerate(texts):
            folded = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
            for word in re.findall(r"\w+", folded):
                bucket = int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dimension
                rows[i, bucket] += 1.0
            norm = np.linalg.norm(rows[i])
            rows[i] = rows[i] / norm if norm else 1.0 / np.sqrt(self.dimension)
        return rows


class PerTextSlowEmbedder(FakeEmbedder):
    """The fake embedder, costing ``seconds`` per text, like a real model on a slow machine."""

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        time.sleep(self.seconds * len(texts))
        return super().embed(texts)


class FakeGenerator:
    """Replies with a fixed text (by default the first words of the prompt's first evidence quote, cited, as a
    grounded model would), piece by piece, and records the messages it was given."""

    context_size = 4096

    def __init__(self, reply: str | None = None) -> None:
        self.reply = reply
        self.messages: list[list[dict[str, str]]] = []

    def count_tokens(self, text: str) -> int:
        return len(text.split())

    def stream(self, messages, max_tokens: int, temperature: float, cancel=None) -> Iterator[str]:
        self.messages.append(messages)
        reply = self.reply if self.reply is not None else self.quoting(messages)
        for word in reply.split(" "):
            yield word + " "

    @staticmethod
    def first_quote(messages) -> tuple[int, str]:
        """The number and words of the first evidence quote in the prompt (``[1] "..."``)."""
        found = re.search(r'\[(\d+)\] "([^"]*)"', messages[-1]["content"])
        return (int(found.group(1)), found.group(2)) if found else (1, "")

    def quoting(self, messages) -> str:
        n, quote = self.first_quote(messages)
        return f"{' '.join(quote.rstrip('.').split()[:12])} [{n}]."


def passage_hit(text: str, n: int = 1, doc: str = "d1", page: int = 2, char_start: int = 10) -> Hit:
    """A search hit holding ``text``: the ``n``-th best (score 1/n) of document ``doc``, on ``page`` from ``char_start``."""
    return Hit(f"c{n}", doc, f"/docs/{doc}.pdf", text, 1.0 / n, 0.5, 1.0, page, page, char_start, char_start + len(text), "")
