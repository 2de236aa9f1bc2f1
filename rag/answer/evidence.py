"""Picks the one to three sentences, list items or table rows that answer a question, from the best passages found."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import AbstractSet, Callable, Sequence

from rag.answer.answer_phrase import answer_phrase
from rag.answer.best_document import favoured_document
from rag.answer.contact import MEANS_WORDS, labelled
from rag.answer.passage_units import ITEM, ROW, SENTENCE, Unit, document_title, row_label
from rag.answer.repeats import repeats
from rag.answer.pool_units import boilerplate_texts, pool_units, rarity
from rag.answer.row_labels import LABEL_WEIGHT, asked_noun, label_fit, label_holds, whole
from rag.answer.row_ranges import band_fit
from rag.answer.subject import held_words, inner_heading, last_heading, lighter, same_family, title_pairs, titles
from rag.answer.terms import MODALS, Terms, evidence_stopwords
from rag.answer.unmentioned import asked_thing
from rag.answer.question_kind import (AMOUNT, CONTACT, DATE, FREQUENCY, NAME, OTHER, YES_NO, fold, gives_figure, measure_given,
                                      measure_named, misses_unit, offers, other_unit, question_kind)
from rag.glossary import phrases_translated
from rag.types import Hit

POOL_PASSAGES = 24
MAX_EVIDENCE = 3
KEEP_RATIO = 0.86
# A second interval or amount shows only when it scores nearly as well as the first (one clearly worse misleads: the
# filter's 250 hours beside the seal's 1,800). 0.95 also hid the second figure a question asks for (data center
# revenue and total revenue): 0.86 held the reference in 22 of 76 sec10q answers against 20, XQuAD es 80.1% against 79.1%.
SPECIFIC_KEEP_RATIO = 0.86
WEAK_COVERAGE = 0.25
# A unit that holds every keyword of a question of at least HELD_KEYWORDS answers it (see ``choice``).
ALL_KEYWORDS = 0.999
HELD_KEYWORDS = 2
WEIGHTS = {"keywords": 0.52, "phrase": 0.12, "kind": 0.21, "rank": 0.15}
# "In what year", "¿En qué año?" ask for a year: the answer's sentence gives one ("se fundó en 1969"), seldom the word;
# "How long…?" a length, which "La garantía es de cinco años" gives without the word.
_ASKING_PERIOD = re.compile(r"\b(?:what|which)\s+(?:year|month|century|decade)\b|"
                            r"\bqu[eé]\s+(?:año|mes|siglo|década|decada)\b|\bhow\s+long\b", re.I)
# "How much did Apple spend on share repurchases?", "¿Cuánto gastó Apple en recompras…?" ask the repurchases' amount:
# the verb is not a statement's "expense" ("Share-based compensation expense" was quoted first).
_SPENT_ON = re.compile(r"\b(?:spen[dt]|spending|gast(?:ar|a|an|o|ó|aron|ado)(?:\s+[^\W\d_]+){0,2}?)\s+(?:on|in|en)\b", re.I)
# Years and quarters say which document, not which sentence: retrieval has used them.
_IDENTIFIER = re.compile(r"\b(?:(?:19|20)\d\d|Q[1-4]|10-[QK])\b")
# A quarter in words too, when choosing: a statement's row gives it as "Three Months Ended Jul 1, 2023", a sentence about
# another figure as "the second quarter of 2023" ("What was Intel's net income in the second quarter of 2023?" quoted
# a subsidiary's net loss). Whether the quotes may not answer is still judged with its words in full.
_QUARTER_IN_WORDS = re.compile(r"\b(?:first|second|third|fourth|primer|segundo|tercer|cuarto)\s+(?:fiscal\s+)?"
                               r"(?:quarter|trimestre)\b", re.I)
IDENTIFIER_WEIGHT = 0.25
# A row whose label names a band ("2 to 5 years") holding the figure the question gives gains this much; one whose band
# does not hold it loses as much (see ``row_ranges``).
BAND_WEIGHT = 0.3
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A sentence whose years are all before the one asked for speaks of an earlier period (last year's buybacks for
# "Q3 2023"); later years may be a fiscal calendar ahead of the question's. Rows keep their period columns instead.
EARLIER_YEARS_PENALTY = 0.1
# A sentence that announces a table ("... were as follows:") points at the answer without giving it.
ANNOUNCES_PENALTY = 0.12
# The best document is the right one 97% of the time on sec10q (several filings of one company say similar things).
TOP_DOCUMENT_BONUS = 1.0
BOILERPLATE_PENALTY = 0.15
# A question in the documents (a FAQ's "Can I use the VPN on my personal phone?") asks; the sentence after it answers.
QUESTION_PENALTY = 0.5
# A unit made only of the question's own words (a heading such as "Super Bowl 50") repeats it and answers nothing.
ECHO_PENALTY = 0.5
# Words that say a row sums others, which period it covers or which way cash went, not what it is.
_NEUTRAL_LABEL = ("total net totales first second third fourth quarter quarters months month year years ended fiscal "
                  "provided used generated primer segundo tercer cuarto trimestre meses año años")
# Financial statements name one thing two ways: a question's "revenue" is a row's "net sales", "gross margin" its
# "gross profit", "earnings" its "net income", "operating cash flow" its "cash provided by operating activities" (Snowball
# stems; "fluj" is Spanish "flujo").
_SAME_IN_TABLES = {"revenu": "sale", "sale": "revenu", "margin": "profit", "profit": "margin", "earn": "incom",
                   "incom": "earn", "flow": "activ", "fluj": "activ"}
# Kinds asking for a figure or a string of figures: their quotes are scored by words and kind, not by meaning.
FIGURES = (AMOUNT, DATE, FREQUENCY, CONTACT)
# A question that sets one figure against another needs both (operating expenses against revenue): the second may
# score lower than a specific question's second figure would need ("Revenue" under "Data Center revenue" asked for
# as a proportion; 0.70-0.80 all held it: sec10q single-chunk 33 → 34 of 76, XQuAD unchanged).
COMPARE_KEEP_RATIO = 0.75
_COMPARES = re.compile(r"\b(?:compar\w*|relative to|versus|vs\.?|against|proportion|percentage of|share of|ratio|"
                       r"frente a|en relaci[oó]n con|proporci[oó]n|porcentaje de)\b", re.I)
# A question that asks for a breakdown wants the table's rows, not one of them ("revenue breakdown across service
# offerings", "ventas por segmento").
_BREAKDOWN = re.compile(r"\bbreak ?down\b|\bbroken down\b|\bby (?:segment|region|product|category|type|geograph)|"
                        r"\b(?:each|every|all|various) (?:segment|region|product|categor|service|business)|\bsegments\b|"
                        r"\bdesglose\b|\bdesglosad|\bpor (?:segmento|region|producto|categoria|tipo)|\bcada (?:segmento|region|producto)|"
                        r"\bsegmentos\b")
TABLE_ROWS = 8
# A question that asks how to do something wants the steps of a list, in their order.
_PROCEDURE = re.compile(r"\bhow (?:do|can|should|to)\b|\bsteps?\b|\bprocedure\b|\bcomo (?:se |puedo |debo |hago )|\bpasos?\b|"
                        r"\bprocedimiento\b")
TABLE_CANDIDATES = 30
# A row of another document than the best one (another quarter's filing) earns this share of its label's fit.
OTHER_DOCUMENT_LABEL = 0.5
# A sentence often names its subject only in the sentence before ("Ademas, es con 39 años, el mariscal de campo más
# longevo..." after "Peyton Manning..."): the question's words there count for this share of what they would inside.
# Evidence holding the reference, 0 → 0.75: sec10q single-chunk 27 → 29 of 76, multi-chunk 7 → 9 of 54, XQuAD es
# 80.1% → 82.0%, en 78.1% → 82.4% (0.5 and 1.0 gained less).
CONTEXT_SHARE = 0.75
# Not after a sentence that itself gives the frequency asked: a schedule gives each task its own sentence, and "Replace
# the impeller seal every 1,800 operating hours." took the words of "Check the coolant level daily." before it and
# answered how often to check the coolant. (For figures and dates too, 36 XQuAD short answers changed, as many for the
# worse: "He was 39" no longer had the name of the sentence before it.)
ANSWERING_CONTEXT = 0.6
# Every unit of a document is about what its title names: the question's words in the title say which document, not
# which unit ("¿Qué refrigerante usa la bomba de calor HP-12?" is answered by the row "Refrigerante | R32" of the
# HP-12's manual, not by its opening sentence, which names the pump), so in that document they count for this share
# of their weight (nothing at all put "HR keeps a record of every approved arrangement" above "Remote work requests are
# approved by the employee's line manager" for "¿Quién aprueba el teletrabajo?" in the remote-work policy). Whether a
# unit holds enough of the question (``Candidate.coverage``) still counts them in full: judged on the other words
# alone, 19 more XQuAD answers in English over the Spanish library were marked "may not answer", 13 of them right.
SUBJECT_WEIGHT = 0.2
# Meaning, where the embedder reads the language: the best units also earn this share of their cosine to the question,
# which finds a paraphrase the keywords miss ("reckoned by many to be the originators of black metal" for "considered
# by many to be the first black metal group"). English questions over English passages, the best 6 units read by
# their first 200 characters: XQuAD English evidence holding the answer 258 → 265 of 306, sec10q single-chunk 34 → 33
# of 76, multi-chunk 8 → 9 of 54 (12 units: 267, 33 and 8, for twice the time: 40 ms against 16 for the embedding).
# Not for a figure asked for: its best units are table rows, which the embedder reads poorly. The bundled embedder is
# English-only: on Spanish it chose worse (256 → 252 of 306).
MEANING_CANDIDATES = 6
HEADING_SHARE = 0.5
MEANING_WEIGHT = 0.5
MEANING_CHARS = 200


@dataclass(frozen=True)
class Candidate:
    """A unit of one passage of the pool, with its score, the share of the question's keywords it holds, the short
    answer inside it (the date, amount, name or table figure asked for; "" when none), and whether it holds every
    keyword of the question, as written, as a synonym or translation, or in its document's title (``holds_all``)."""

    hit: Hit
    unit: Unit
    score: float
    coverage: float
    answer: str = ""
    holds_all: bool = False


@dataclass(frozen=True)
class Selection:
    """The chosen evidence, best first; ``weak`` when even the best may not answer the question."""

    chosen: tuple[Candidate, ...]
    weak: bool
    kind: str


def select_evidence(
    question: str, hits: Sequence[Hit], terms: Terms, limit: int = MAX_EVIDENCE, across_languages: bool | AbstractSet[str] = False,
    similarity: Callable[[list[str]], Sequence[float]] | None = None,
) -> Selection:
    """The units of ``hits`` that best answer ``question``: keywords (weighted by rarity in the pool), phrases,
    the kind of answer asked for, and the passage's rank (and whether it is in the best document).

    ``similarity`` gives each text's cosine to the question (the embedder's), when it reads their language: the best
    units are scored by meaning too, unless a figure is asked for (``MEANING_WEIGHT``).

    ``across_languages`` when the passages are in another language than the question (or the ids of the documents
    that are): cognates and glossary translations then count as the question's words (``glossary``).

    Years and quarters name the document rather than the answer, so they count for little. The question's words found
    in most passages of the best document (the company in its own filing) once counted for little too: leaving that
    to the pool's word rarity held the reference in one more sec10q answer and 0.3-0.7 points more XQuAD answers.
    """
    kind = question_kind(question)
    wanted = terms(_SPENT_ON.sub(" ", _ASKING_PERIOD.sub(" ", question)))
    candidates = pool_units(hits)
    if not candidates or not wanted:
        return Selection((), True, kind)
    # A passage in the other language is stemmed in its own ("sales" is "sale" in English, "sal" in Spanish), and in
    # the question's for the names both share ("Manning" is "man" in English, "manning" in Spanish).
    translated = terms.other() if across_languages else terms
    def across(hit: Hit) -> bool:
        return across_languages is True or bool(across_languages and hit.doc_id in across_languages)
    def stems(hit: Hit, text: str) -> list[str]:
        return translated(text) + terms(text) if across(hit) else terms(text)
    unit_terms = [stems(h, u.text + " " + u.context) for h, u, _, _ in candidates]
    idf = rarity(unit_terms)
    identifiers = set(terms(" ".join(_IDENTIFIER.findall(question))))
    quarters = set(terms(" ".join(_QUARTER_IN_WORDS.findall(question))))
    plain = {t: idf.get(t, math.log(1 + len(unit_terms))) * (IDENTIFIER_WEIGHT if t in identifiers else 1.0)
             for t in set(wanted)}
    weights = {t: w * (IDENTIFIER_WEIGHT if t in quarters - identifiers else 1.0) for t, w in plain.items()}
    def share(words: set[str], table: dict[str, float]) -> float:
        return sum(w for t, w in table.items() if t in words) / (sum(table.values()) or 1.0)
    pairs = set(zip(wanted, wanted[1:]))
    boilerplate = boilerplate_texts(candidates)
    # A row labelled by a year or quarter ("from Q3 2021" on a slide of highlights) is not what a question's date names.
    label_words = (set(wanted) - identifiers) | {_SAME_IN_TABLES[w] for w in wanted if w in _SAME_IN_TABLES}
    neutral = set(terms(_NEUTRAL_LABEL)) | set(translated(_NEUTRAL_LABEL))
    # The rows under no group label: a grouped row of the same name is a part of one of them (see ``label_fit``).
    wholes = {whole(unit.text) for _, unit, _, _ in candidates if unit.kind == ROW and len(set(row_label(unit.text))) == 1}
    # The words of each unit, found once: the sentence before a sentence is usually a unit of the pool too.
    known = {unit.text: found for (_, unit, _, _), found in zip(candidates, unit_terms)}
    asked_years = [int(y) for y in _YEAR.findall(question)]
    thing = set(terms(asked_thing(question, compound=True)))
    modals = set(terms(MODALS))
    noun = set(terms(asked_noun(question)))
    means_words = set(terms(MEANS_WORDS)) if kind == CONTACT else set()
    measured = set(terms(measure_named(question))) if kind == AMOUNT else set()
    subjects = {doc: held_words(set(weights), words, across(hit), terms.language)
                for doc, (hit, words) in titles(hits, stems).items()}
    document_words: dict[str, tuple[Hit, set[str]]] = {}
    for (hit, _, _, _), found in zip(candidates, unit_terms):
        document_words.setdefault(hit.doc_id, (hit, set()))[1].update(found)
    document_held = {doc: held_words(set(weights), words, across(hit), terms.language)
                     for doc, (hit, words) in document_words.items()}
    top = favoured_document(hits[0].doc_id, document_held, weights,
                            {doc for doc, (hit, _) in document_words.items() if across(hit)})
    # A document's title or a heading answers nothing ("Política de uso de vehículos de empresa" for "Can I use the
    # company car at the weekend?"): it names what the question is about.
    headings = ({document_title(h.text) for h in hits if h.char_start == 0 and h.page_start in (None, 1)}
                | {part.strip() for h in hits for part in (h.section or "").split(" > ")}) - {""}
    pre: list[tuple[float, float, int]] = []
    holding_all: set[int] = set()
    subject_only: set[int] = set()
    for index, ((hit, unit, rank, previous), found) in enumerate(zip(candidates, unit_terms)):
        present = set(found) | held_words(set(weights), set(found), across(hit), terms.language)
        if across(hit):  # another language says "should" by its imperative ("Cargue la batería cuando…")
            present |= modals | set(weights) & set(terms(phrases_translated(question, f"{unit.text} {unit.context}")))
        if unit.kind == ROW:  # a row of "net sales" holds the "revenue" asked for
            present |= {_SAME_IN_TABLES[w] for w in found if w in _SAME_IN_TABLES}
        if means_words and offers(kind, unit.text, question) == 1.0:  # an address says "website" by being one
            present |= means_words
        if measured and measure_given(question, unit.text):  # "2,500 kg" says how much the FL-25 can "lift"
            present |= measured
        subject = subjects.get(hit.doc_id, set())
        rest = lighter(weights, subject, SUBJECT_WEIGHT) if set(weights) - subject else weights
        coverage, held = share(present, rest), share(present, plain)
        asked_before = set()  # a FAQ's question, which its answer goes on from
        if previous and (kind != FREQUENCY or previous.endswith("?") or offers(kind, previous, question) < ANSWERING_CONTEXT):
            before = set(known.get(previous) or stems(hit, previous))
            around = present | before | held_words(set(weights), before, across(hit), terms.language)
            part = 1.0 if previous.endswith("?") else CONTEXT_SHARE  # a FAQ's answer is about the question before it
            coverage += part * (share(around, rest) - coverage)
            held += part * (share(around, plain) - held)
            asked_before = around if previous.endswith("?") else set()
        inner = held_words(set(weights), set(stems(hit, inner_heading(hit.section, hit.source))), across(hit),
                           terms.language)
        if inner - present:  # "The battery is covered for 12 months." under "7 Warranty"
            coverage += HEADING_SHARE * (share(present | inner, rest) - coverage)
        phrase = len(pairs & set(zip(found, found[1:])) - title_pairs(subject)) / len(pairs) if pairs else 0.0
        # A phone number answers "What is the telephone number of Pilatus…?" only where the quote says whose it is.
        named = kind != CONTACT or bool(present & set(plain) - means_words)
        fit = offers(kind, unit.text, question) if coverage > 0 and named else 0.0
        label = 0.0
        # A row answers a figure asked when it holds one, a date when its text or header gives one ("Payroll | Ana
        # Ruiz" gives no pay day, "Tensión de la batería | 48 V" no time to charge it); another question when its own
        # label names the thing asked (see ``row_labels._ASKED_NOUN``).
        figure = kind in FIGURES and gives_figure(unit.text) and (
            kind != DATE or bool(offers(DATE, f"{unit.text} {unit.context}")))
        if unit.kind == ROW and (figure or kind == OTHER):
            label_terms, asked_in = (translated, terms.language) if across(hit) else (terms, "")
            label = label_fit(unit.text, label_words, neutral, label_terms, wholes, asked_in)
            label *= 1.0 if hit.doc_id == top else OTHER_DOCUMENT_LABEL
            label *= figure or (label >= LABEL_WEIGHT and bool(noun) and label_holds(unit.text, noun, label_terms, asked_in))
            if kind in (AMOUNT, DATE) and coverage > 0 and not other_unit(unit.text, question):
                fit = max(fit, 0.8)
        if means_words and fit == 1.0 and labelled(unit.text, question):  # "• Fax: …" for "the fax number for…"
            label = max(label, LABEL_WEIGHT)
        if unit.kind == ROW:  # "2 to 5 years | Days of holiday: 25" for "How many days of holiday after 3 years?"
            label += BAND_WEIGHT * band_fit(row_label(unit.text)[0], question)
        prior = 1.0 - rank / max(1, len(hits)) + (TOP_DOCUMENT_BONUS if hit.doc_id == top else 0.0)
        penalty = (ANNOUNCES_PENALTY if unit.text.endswith(":") else 0.0) + (
            QUESTION_PENALTY if unit.text.endswith("?") else 0.0) + (
            ECHO_PENALTY if unit.kind != ROW and (unit.text.strip(" .:") in headings
                                                  or _echoes(unit, found, wanted, kind, terms, thing)) else 0.0) + (
            BOILERPLATE_PENALTY if unit.text in boilerplate else 0.0) + (
            EARLIER_YEARS_PENALTY if asked_years and unit.kind != ROW and _only_earlier(unit.text, asked_years) else 0.0)
        score = -penalty + label + (WEIGHTS["keywords"] * coverage + WEIGHTS["phrase"] * phrase + WEIGHTS["kind"] * fit
                 + WEIGHTS["rank"] * prior)
        pre.append((score, held, index))
        family = same_family(set(plain) - present, set(found))
        heading = held_words(set(plain), set(stems(hit, last_heading(hit.section))), across(hit), terms.language)
        if share(present | subject | family | asked_before | heading, plain) > ALL_KEYWORDS and len(plain) >= HELD_KEYWORDS:
            holding_all.add(index)
        if subject and set(plain) - subject and not (present | family | asked_before | heading) & set(plain) - subject:
            subject_only.add(id(unit))
    pre.sort(reverse=True)
    scored = [Candidate(candidates[i][0], candidates[i][1], score, coverage, holds_all=i in holding_all) for score, coverage, i in pre]
    if similarity is not None and kind not in FIGURES:
        scored = _by_meaning(scored, similarity)
    # The short answer of a sentence after the first was seldom right (XQuAD token F1 0.09 Spanish, 0.20 English, against
    # 0.54 and 0.51 for the first): only the best unit, and the rows after a row (each its own figure), carry one.
    table = _table(scored) if _BREAKDOWN.search(fold(question)) else []
    compares = bool(_COMPARES.search(question))
    if table:
        picked = table
    elif scored[0].unit.kind == ITEM and scored[0].unit.context and (
            _PROCEDURE.search(fold(question)) or _names_list(scored[0].unit.context, wanted, terms)):
        picked = _steps(scored)
    else:
        picked = _choose(scored, kind, limit, compares)
    # Under a sentence, a row's figure would read as a second answer; under a row, so would the figure of a row holding
    # less of the question ("Limpieza de conductos | Cada 2 años" under "Limpieza de filtros | Cada mes"), but for a
    # table asked for whole or a figure set against another.
    under_row = picked[0].unit.kind == ROW
    chosen = [replace(c, answer=answer_phrase(question, kind, c.unit.text, c.unit.context, c.unit.kind == ROW))
              if n == 0 or (under_row and c.unit.kind == ROW and not other_unit(c.unit.text, question)
                            and (bool(table) or compares or c.coverage >= picked[0].coverage)) else c
              for n, c in enumerate(picked)]
    # A share under an amount ("Percentage of total net sales … 16 %" under "Total net sales … $81,797") answers
    # another question, unless the question sets figures against each other.
    if chosen[0].answer and "%" not in chosen[0].answer and not compares:
        chosen = [chosen[0]] + [replace(c, answer="") if "%" in c.answer else c for c in chosen[1:]]
    # Weak when no unit shown holds a fair share of the question's keywords (the first may be there for its meaning:
    # judging by it alone flagged 30 of 76 sec10q answers 'may not answer' instead of 24), and the first does not hold
    # them all, its document's title helping ("Peso | Valor: 96 kg" of the HP-12 manual for "¿Cuánto pesa la bomba de
    # calor HP-12?"). Also when every unit holds only the words of its document's subject: "What is the warranty period
    # of the HP-12?" over its manual, which says nothing of a warranty (XQuAD across languages: 12 more answers so
    # marked, 8 of them not holding the answer; none in one language). When none gives the measure asked in its unit
    # (a price in no currency), their figures answer something else.
    weak = (max(c.coverage for c in chosen) < WEAK_COVERAGE and not chosen[0].holds_all
            or all(id(c.unit) in subject_only for c in chosen))
    if kind == AMOUNT and misses_unit([c.unit.text for c in chosen], question):
        chosen = [replace(c, answer="") for c in chosen]
    return Selection(tuple(chosen), weak, kind)


def _by_meaning(scored: list[Candidate], similarity: Callable[[list[str]], Sequence[float]]) -> list[Candidate]:
    """``scored`` with its best units re-scored by their cosine to the question, best first."""
    best = scored[:MEANING_CANDIDATES]
    cosines = similarity([c.unit.text[:MEANING_CHARS] for c in best])
    best = [replace(c, score=c.score + MEANING_WEIGHT * float(cosine)) for c, cosine in zip(best, cosines)]
    return sorted(best, key=lambda c: -c.score) + scored[MEANING_CANDIDATES:]


def _table(scored: list[Candidate]) -> list[Candidate]:
    """The rows, in table order, of the passage holding the best-scoring row among the best candidates that holds
    some of the question's words (none when no such row: "How do I report a breakdown of the air conditioning?" asks
    no table). The passage whose rows summed best was a long table of middling rows ("Net product sales") over the
    segment table asked for ("AWS Net sales"): 1 of 3 sec10q breakdown questions against 2 of 3."""
    best = next((c for c in scored[:TABLE_CANDIDATES] if c.unit.kind == ROW and c.coverage > 0), None)
    if best is None:
        return []
    rows = [c for c in scored if c.hit.chunk_id == best.hit.chunk_id and c.unit.kind == ROW]
    return sorted(rows, key=lambda c: c.unit.start)[:TABLE_ROWS]


def _steps(scored: list[Candidate]) -> list[Candidate]:
    """The items of the list holding the best one (same passage, same title above them), in their order: "How do I
    replace the air filter?" is answered by the steps under "Replacing the air filter", not by the best of them."""
    best = scored[0]
    items = [c for c in scored if c.hit.chunk_id == best.hit.chunk_id and c.unit.kind == ITEM and c.unit.context == best.unit.context]
    return sorted(items, key=lambda c: c.unit.start)[:TABLE_ROWS]


def _names_list(title: str, wanted: list[str], terms: Terms) -> bool:
    """Whether the question names a list by its title, and little else ("¿Qué hay que comprobar antes de empezar?" and
    the items under "2. Antes de empezar"): it asks for all of them; "What gloves should I wear when diluting a
    concentrate?" asks for one."""
    words = {w for w in terms(title) if not w[:1].isdigit()}
    return bool(words) and words <= set(wanted) and 2 * len(words) >= len(set(wanted))


def _only_earlier(text: str, asked_years: list[int]) -> bool:
    years = [int(y) for y in _YEAR.findall(text)]
    return bool(years) and max(years) < min(asked_years)


def _echoes(unit: Unit, found: list[str], wanted: list[str], kind: str, terms: Terms, thing: set[str]) -> bool:
    """Whether a unit's words (with its title's) are all the question's; or a field's own words, but for its figures,
    when no figure is asked and they are not the ``thing`` asked about ("Isopropyl alcohol 99%", a safety data sheet's
    title, for "At what temperature should isopropyl alcohol be stored?"; not "Flash point 12 °C" for "What is the
    flash point of isopropyl alcohol?"). A whole sentence of a yes/no question's words says yes or no ("It does not
    apply to shift workers." for "Does the policy apply to shift workers?")."""
    if set(found) <= set(wanted):
        return not (kind == YES_NO and unit.kind == SENTENCE and unit.text.endswith("."))
    if unit.kind != ITEM or kind in FIGURES:
        return False
    words = {w for w in (terms(unit.text) if unit.context else found) if not w[:1].isdigit()}
    return words <= set(wanted) and not words & thing


def _choose(scored: list[Candidate], kind: str, limit: int, compares: bool = False) -> list[Candidate]:
    """The best unit, then up to ``limit - 1`` more that score nearly as well (a specific question wants fewer, one
    that compares two things more)."""
    best = scored[0]
    specific = kind in (AMOUNT, DATE, FREQUENCY, NAME)
    room = max(1, limit - 1) if specific and not compares else limit
    keep = COMPARE_KEEP_RATIO if compares else SPECIFIC_KEEP_RATIO if specific else KEEP_RATIO
    chosen, repeated = [best], 0
    for candidate in scored[1:]:
        if len(chosen) + repeated >= room or candidate.score < keep * best.score:
            break
        # Another document's unit comes along only when it holds as much of the question: a manual's interval
        # beside a filing's "each quarter" misleads (neutral on sec10q and XQuAD).
        other_document = candidate.hit.doc_id != best.hit.doc_id and candidate.coverage < best.coverage
        if any(repeats(candidate.unit, c.unit) for c in chosen):  # its place is not given to a weaker unit
            repeated += 1
        elif not other_document:
            chosen.append(candidate)
    return chosen
