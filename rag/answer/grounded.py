"""Writes an answer from the evidence: the model's text checked claim by claim, or the evidence alone without a model."""
from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import Callable, Sequence

from rag.answer.claims import check_sentences, dates, figure_found, figures
from rag.answer.echo import copies_a_quote, off_the_sources, repeated_quote, restates_the_task, vocabulary, without_echoes
from rag.answer.evidence import Selection
from rag.answer.language import message
from rag.answer.page_offsets import page_span
from rag.answer.prompt import EVIDENCE_SYSTEM_PROMPT, build_evidence_messages, cite
from rag.answer.question_kind import fold
from rag.answer.reply_limit import ReplyLimit
from rag.errors import ModelCrashed, ModelError
from rag.messages import localize
from rag.models.generator import Generator
from rag.progress import CancelToken
from rag.types import Answer, Evidence, ExtractedDocument, Hit, SentenceCheck

log = logging.getLogger(__name__)

SUPPORTING_PASSAGES = 3
StatusCallback = Callable[[str], None]


def locate_evidence(selection: Selection, document_text: Callable[[str], ExtractedDocument | None]) -> list[Evidence]:
    """The chosen units as ``Evidence``, their offsets moved from the passage into the saved text of their page."""
    documents: dict[str, ExtractedDocument | None] = {}
    result = []
    for candidate in selection.chosen:
        hit, unit = candidate.hit, candidate.unit
        if hit.doc_id not in documents:
            documents[hit.doc_id] = document_text(hit.doc_id)
        page, start, end = _page_offsets(hit, unit.start, unit.end, documents[hit.doc_id])
        page, start, end = _exact_span(unit.text, documents[hit.doc_id], page, start, end, hit)
        result.append(Evidence(unit.text, unit.kind, hit.source, page, _section(hit, documents[hit.doc_id], page, start),
                               hit.chunk_id, hit.doc_id, start, end, candidate.score, context=unit.context,
                               answer=candidate.answer))
    return result


def _section(hit: Hit, document: ExtractedDocument | None, page: int | None, start: int) -> str:
    """The heading the quote sits under: a passage's section is the one most of it is in, often another."""
    numbers = [p.number for p in document.pages] if document else []
    if page not in numbers or not document.sections:
        return hit.section
    return " > ".join(document.section_at(numbers.index(page), start)) or hit.section


def _page_offsets(hit: Hit, start: int, end: int, document: ExtractedDocument | None) -> tuple[int | None, int, int]:
    """(page number, start, end) of ``hit.text[start:end]`` in its page's text; the passage's own span when the
    document's text is gone."""
    if document is None or not document.pages:
        return hit.page_start, hit.char_start, hit.char_end
    numbers = [p.number for p in document.pages]
    first = numbers.index(hit.page_start) if hit.page_start in numbers else 0
    last = numbers.index(hit.page_end) if hit.page_end in numbers else first
    pages = [(i, document.pages[i].text) for i in range(first, last + 1)]
    found = page_span(pages, hit.char_start, hit.char_end, start, end)
    if found is None:
        return hit.page_start, hit.char_start, hit.char_end
    position, page_start, page_end = found
    return document.pages[pages[position][0]].number, page_start, page_end


def _exact_span(text: str, document: ExtractedDocument | None, page: int | None, start: int, end: int,
                hit: Hit) -> tuple:
    """Where ``text`` really stands on its page: passages leave page furniture out, so offsets inside a passage can
    drift from the saved page text, even onto the page before (a footer and a header left out between two pages put
    a fault table's first row of page 2 on page 1); the occurrence nearest the computed span wins (whitespace may
    differ), else the first on another page of the passage."""
    if document is None or page is None:
        return page, start, end
    saved = {p.number: p.text for p in document.pages}
    words = text.split()
    if page not in saved or not words or " ".join(saved[page][start:end].split()) == " ".join(words):
        return page, start, end
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    matches = list(pattern.finditer(saved[page]))
    if matches:
        best = min(matches, key=lambda m: abs(m.start() - start))
        return page, best.start(), best.end()
    for number in range(hit.page_start or page, (hit.page_end or page) + 1):
        found = pattern.search(saved.get(number, "")) if number != page else None
        if found:
            return number, found.start(), found.end()
    return page, start, end


def sources_for(evidence: Sequence[Evidence], hits: Sequence[Hit], limit: int) -> list[Hit]:
    """The passages given to the model: those holding the evidence, then the best others, ``limit`` in all."""
    by_id = {h.chunk_id: h for h in hits}
    chosen = list(dict.fromkeys(by_id[e.chunk_id] for e in evidence if e.chunk_id in by_id))
    for hit in hits:
        if len(chosen) >= limit:
            break
        if hit not in chosen:
            chosen.append(hit)
    return chosen[:limit]


class GroundedAnswer:
    """One question's evidence, and the model's answer written from it."""

    def __init__(self, question: str, language: str, hits: Sequence[Hit], evidence: Sequence[Evidence], weak: bool,
                 tokenize: Callable[[str], list[str]], unmentioned: str = "", entity: bool = False) -> None:
        self.question = question
        self.language = language
        self.hits = list(hits)
        self.evidence = list(evidence)
        self.weak = weak
        self.tokenize = tokenize
        self.unmentioned = unmentioned
        self.entity = entity  # a name or subject, not a thing that other words may stand for

    def _claims_unmentioned(self, sentence: str) -> bool:
        """Whether a sentence of the model's says something of what the passages never mention: names the name or
        subject ("The boiling point of acetone is 82 °C" over a data sheet without acetone), or gives a figure for the
        thing ("Fresno tiene 41 habitantes"; a thing without a figure may be the passages' own words for it)."""
        if not re.search(rf"\b{re.escape(fold(self.unmentioned))}\b", fold(sentence)):
            return False
        return self.entity or bool(figures(sentence))

    def _weak_note(self) -> str:
        """Why the evidence may not answer: what the question asks that the passages never mention, when known."""
        if not self.weak:
            return ""
        if self.unmentioned:
            return message("unmentioned", self.language, word=self.unmentioned)
        return message("weak", self.language)

    def evidence_only(self, note: str, stopped: bool = False) -> Answer:
        """The evidence as the answer (no model, or nothing the model wrote matched the documents)."""
        notes = [n for n in (self._weak_note(), note) if n]
        return Answer(self.question, "", (), abstained=False, closest=tuple(self.hits[:SUPPORTING_PASSAGES]),
                      stopped=stopped, evidence=tuple(self.evidence), note=" ".join(notes), weak=self.weak)

    def write(self, generator: Callable[[], Generator], max_tokens: int, temperature: float, source_limit: int,
              on_token: Callable[[str], None] | None, on_status: StatusCallback | None, cancel: CancelToken) -> Answer:
        """Stream the model's answer from the evidence; any ``ModelError`` leaves the evidence as the answer."""
        sources = sources_for(self.evidence, self.hits, max(1, min(source_limit, SUPPORTING_PASSAGES)))
        try:
            model = generator()
            budget = model.context_size - max_tokens - 32
            numbers = {h.chunk_id: n for n, h in enumerate(sources, start=1)}
            quotes = [(numbers.get(e.chunk_id, 1), e.text) for e in self.evidence]
            messages, used = build_evidence_messages(self.question, quotes, sources, self.language, budget, model.count_tokens)
            if on_status:
                on_status(message("reading" if len(used) > 1 else "reading_one", self.language, count=len(used)))
            reply, stopped = ReplyLimit(), False
            pieces = iter(model.stream(messages, max_tokens, temperature, cancel))
            try:
                for piece in pieces:
                    if cancel.cancelled:
                        stopped = True
                        break
                    reply.add(piece)
                    if on_token:
                        on_token(piece)
                    if reply.done:
                        break
            finally:
                getattr(pieces, "close", lambda: None)()  # a closed stream stops the model at once
        except ModelCrashed as exc:
            log.warning("Answering with the evidence alone: %s", exc)
            return self.evidence_only(message("model_stopped", self.language))
        except ModelError as exc:
            log.warning("Answering with the evidence alone: %s", exc)
            reason = localize(str(exc), self.language).rstrip(".")
            return self.evidence_only(message("no_model", self.language, reason=reason))
        self.evidence = [_numbered(e, numbers) for e in self.evidence]
        return self._checked(reply.text, used, stopped)

    def _checked(self, raw: str, used: list[Hit], stopped: bool) -> Answer:
        raw = without_echoes(raw, self.question, message("write", self.language), self.language)
        text, citations = cite(raw, used, self.tokenize)
        sources = {n: h.text for n, h in enumerate(used, start=1)}
        evidence = [e.text for e in self.evidence]
        source_units = vocabulary([*sources.values(), *evidence], self.language)
        checks = [replace(c, supported=False) if c.supported and off_the_sources(c.text, self.question, source_units, self.language)
                  else c for c in check_sentences(text, sources, evidence)]
        prompt = f"{EVIDENCE_SYSTEM_PROMPT} {message('write', self.language)}"
        checks = [c for c in checks  # shown marked "not found", an instruction of its own is only noise
                  if c.supported or not restates_the_task(c.text, self.question, prompt, source_units, self.language)]
        if self.unmentioned:
            checks = [replace(c, supported=False, missing=(*c.missing, self.unmentioned))
                      if c.supported and self._claims_unmentioned(c.text) else c for c in checks]
        if not checks and not stopped:  # it wrote nothing, or only the question and the task again
            return self.evidence_only(message("nothing_added", self.language))
        # A quote copied in quotation marks is already shown above: what is left is what the model wrote itself.
        written = [c for c in checks if not (c.supported and copies_a_quote(c.text, evidence))]
        if not written:
            answer = self.evidence_only("" if stopped else message("nothing_added", self.language), stopped)
            return Answer(**{**answer.__dict__, "sentences": tuple(checks)})
        short = self.evidence[0].answer if self.evidence else ""
        if not any(c.supported for c in written) or (short and not mentions(" ".join(c.text for c in written), short)):
            answer = self.evidence_only(message("no_match", self.language), stopped)
            return Answer(**{**answer.__dict__, "sentences": tuple(checks)})
        checks = written
        repeats = [repeated_quote(c.text, self.question, evidence, self.language) if c.supported else None for c in checks]
        if 0 not in repeats:  # the model chose another quote than the best one: the evidence speaks for itself
            checks = [c for c, repeat in zip(checks, repeats) if repeat is None]
            if not checks:
                return self.evidence_only("" if stopped else message("nothing_added", self.language), stopped)
        marked = " ".join(_marked(c, self.language) for c in checks)
        note = self._weak_note()
        return Answer(self.question, marked, citations, abstained=False, closest=tuple(used), stopped=stopped,
                      evidence=tuple(self.evidence), sentences=tuple(checks), note=note, weak=self.weak)


def mentions(text: str, short_answer: str) -> bool:
    """Whether ``text`` gives the evidence's short answer: one of its figures or dates, else one of its words (of
    three letters or more). A model's answer that gives another (Percy Shelley's poem "found in 1819, a political poem
    of social formation") is not shown as the answer: the evidence is what was checked."""
    stated = figures(short_answer)
    if stated or dates(short_answer):
        said = figures(text)
        return (any(figure_found(f, said) for f in stated) or any(figure_found(f, stated) for f in said)
                or bool(dates(short_answer) & dates(text)))
    words = re.findall(r"[^\W\d_]{3,}", fold(short_answer))
    folded = fold(text)
    return not words or any(re.search(rf"\b{re.escape(w)}\b", folded) for w in words)


def _numbered(evidence: Evidence, numbers: dict[str, int]) -> Evidence:
    return replace(evidence, n=numbers.get(evidence.chunk_id, 0))


def _marked(check: SentenceCheck, language: str) -> str:
    return check.text if check.supported else f"{check.text} ({message('not_found', language)})"
