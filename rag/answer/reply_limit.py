"""Ends the model's reply where a short answer is complete: after a few sentences, a repeat, a loop, or a copied source header."""
from __future__ import annotations

import re

MAX_SENTENCES = 3
# Small models imitate the prompt's source headers ("[2] (manual.pdf, pp. 3–5)") and then write the same sentence
# again; neither is part of an answer.
_SOURCE_HEADER = re.compile(r"(?:^|\n)\s*(?:\[\d+\]\s*\(|Sources?:|Fuentes?:|Evidence:|Evidencia:|Question:|Pregunta:)")
_LEADING_LABEL = re.compile(r"^(?:\[\d+\]\s*)?\([^()\n]*\.(?:pdf|docx|txt|md|png|jpe?g|tiff?)\b[^()\n]*\)\s*", re.I)
_SENTENCE_END = re.compile(r"(?<=[^\s][.!?])(?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])?(?=\s)")


class ReplyLimit:
    """Fed the reply piece by piece; ``done`` once it should stop, ``text`` the part worth keeping."""

    def __init__(self, max_sentences: int = MAX_SENTENCES) -> None:
        self.max_sentences = max_sentences
        self.raw = ""
        self.done = False

    def add(self, piece: str) -> None:
        self.raw += piece
        header = next((h for h in _SOURCE_HEADER.finditer(self.raw) if self.raw[: h.start()].strip()), None)
        if header:
            self.raw, self.done = self.raw[: header.start()], True
            return
        ends = [m.end() for m in _SENTENCE_END.finditer(self.raw)]
        loop = _LOOP.search(self.raw, max(0, len(self.raw) - LOOP_CHARS))
        if loop:  # the sentence that went round in circles is dropped whole
            self.raw, self.done = self.raw[: max([e for e in ends if e <= loop.start()], default=0)], True
            return
        sentences = _split(self.raw, ends)
        seen: list[set[str]] = []
        for index, sentence in enumerate(sentences):
            words = set(re.findall(r"[^\W\d_]{3,}|\d+", re.sub(r"\[\d+\]", "", sentence).casefold()))
            if any(_repeats(words, earlier) for earlier in seen):
                self.raw, self.done = self.raw[: ends[index - 1]], True
                return
            seen.append(words)
        if len(ends) >= self.max_sentences:
            self.raw, self.done = self.raw[: ends[self.max_sentences - 1]], True

    @property
    def text(self) -> str:
        """The reply without a copied source label at its start ("[1] (manual.pdf, p. 51)")."""
        return _LEADING_LABEL.sub("", self.raw.strip()).strip()


# A few words written three times running ("de la ciudad de la ciudad de la ciudad…"): the model is in a loop.
_LOOP = re.compile(r"(?<!\S)((?:\S+\s+){1,6}?)\1\1", re.UNICODE)
# Only the reply's end is searched, as each piece arrives: a loop shows there first.
LOOP_CHARS = 300
# A sentence written again with a word or two changed ("La historia de la expansión..." after "El historia de la
# expansión...") is a repeat too.
REPEAT_SHARE = 0.8


def _repeats(words: set[str], earlier: set[str]) -> bool:
    return bool(words) and len(words & earlier) >= REPEAT_SHARE * len(words | earlier)


def _split(text: str, ends: list[int]) -> list[str]:
    starts = [0, *ends]
    return [text[a:b] for a, b in zip(starts, ends)]
