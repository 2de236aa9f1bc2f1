"""Checks the model's sentences: every number, date and quoted name must occur in the sources they are checked against."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from rag.answer.prompt import split_sentences
from rag.answer.question_kind import fold
from rag.types import SentenceCheck

_MONTHS = {name: number for number, names in enumerate((
    ("january", "jan", "enero", "ene"), ("february", "feb", "febrero"), ("march", "mar", "marzo"), ("april", "apr", "abril", "abr"),
    ("may", "mayo"), ("june", "jun", "junio"), ("july", "jul", "julio"), ("august", "aug", "agosto", "ago"),
    ("september", "sep", "sept", "septiembre", "setiembre"), ("october", "oct", "octubre"), ("november", "nov", "noviembre"),
    ("december", "dec", "diciembre", "dic"),
), start=1) for name in names}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATES = (
    (re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I), "mdy"),
    (re.compile(rf"\b(\d{{1,2}})\s+(?:de\s+)?({_MONTH})\.?,?\s+(?:de\s+|del\s+)?(\d{{4}})\b", re.I), "dmy"),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), "iso"),
    (re.compile(rf"\b({_MONTH})\.?\s+(?:de\s+|del\s+)?(\d{{4}})\b", re.I), "my"),
)
_NUMBER = re.compile(
    r"(?<![\w.,])(?P<num>\d{1,3}(?:(?P<sep>[,.\u00a0\u202f ])\d{3})(?:(?P=sep)\d{3})*(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?![\d])(?P<after>\s*%|\s*(?:percent|por ciento))?"
)
_SCALES = {"thousand": 1e3, "mil": 1e3, "k": 1e3, "million": 1e6, "millones": 1e6, "millón": 1e6, "millon": 1e6, "m": 1e6,
           "billion": 1e9, "bn": 1e9, "b": 1e9, "mil millones": 1e9}
_SCALE_AFTER = re.compile(r"\s*(mil millones|thousand|million|billion|millones|millón|millon|mil|bn|k|m|b)\b", re.I)
_UNITS = {
    "hour": "h", "hours": "h", "hrs": "h", "h": "h", "hora": "h", "horas": "h",
    "day": "d", "days": "d", "dia": "d", "dias": "d", "week": "w", "weeks": "w", "semana": "w", "semanas": "w",
    "month": "mo", "months": "mo", "mes": "mo", "meses": "mo", "year": "y", "years": "y", "ano": "y", "anos": "y",
    "minute": "min", "minutes": "min", "min": "min", "minuto": "min", "minutos": "min", "second": "s", "seconds": "s",
    "segundo": "s", "segundos": "s", "km": "km", "kilometers": "km", "kilometros": "km", "miles": "mi", "millas": "mi",
    "kg": "kg", "kilograms": "kg", "kilogramos": "kg", "liters": "l", "litres": "l", "litros": "l", "cycles": "cyc",
    "ciclos": "cyc", "shares": "sh", "acciones": "sh", "employees": "emp", "empleados": "emp", "bar": "bar", "psi": "psi",
    "mm": "mm", "cm": "cm", "°c": "c", "ºc": "c", "°f": "f", "v": "v", "volts": "v", "voltios": "v", "rpm": "rpm",
    "eur": "eur", "euro": "eur", "euros": "eur", "usd": "usd", "dollars": "usd", "dolares": "usd", "gbp": "gbp",
    "pounds": "gbp", "libras": "gbp",
}
# A currency sign before or after a figure is its unit too: "210 euros" is not the "£210" of the sources.
_CURRENCY_BEFORE = {"$": "usd", "€": "eur", "£": "gbp"}
# Quoted names and quoted sentences: a model that puts a sentence in quotes claims it is the documents' own words.
_QUOTED = re.compile(r"[“\"«]([^”\"»\n]{2,400})[”\"»]")
# What is left of a quotation that a sentence opens and another closes ('[1] "We made cash payments … during Q2 2023
# and Q2 2023.' then '…with cash on hand." [1]'): the bundled model misquoted the year inside such a one, shown as
# sourced because each sentence alone held no whole quotation.
# A closing mark follows the quoted words at once: 'The evidence is: "If you are ill…' opens one.
_RUNNING_QUOTE = re.compile(r"[“\"«]\s*(?P<opened>[^”\"»\n]{12,}?)[\s.,;:]*$|^[\s.,;:]*(?P<closed>[^“\"«\n]{12,}?)[.,;:]*[”\"»](?!\w)")
_FOOTER = re.compile(r"(?:\bpage|\bpágina|\bpagina|\bpág\.?)\s*\d+(?:\s*(?:of|de)\s*\d+)?|\|\s*\d{1,4}\s*$|^\s*\d{1,4}\s*\|", re.I)
_MARKER = re.compile(r"\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\]")
FURNITURE = "page header or footer"


@dataclass(frozen=True)
class Figure:
    """A number as written: the values it can mean, its decimals, scale word and unit."""

    written: str
    values: frozenset[float]
    decimals: int
    scale: float
    unit: str
    percent: bool


def readings(number: str) -> tuple[frozenset[float], int]:
    """The values a written number can mean (``1,800`` = 1800; Spanish ``1.800,50`` = 1800.5; ``1.800`` = 1800 or 1.8)
    and the decimals written."""
    digits = number.replace("\u00a0", " ").replace("\u202f", " ")
    if " " in digits:
        digits = digits.replace(" ", "")
    values: set[float] = set()
    decimals = 0
    if "," in digits and "." in digits:
        decimal = "," if digits.rfind(",") > digits.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        whole, fraction = digits.replace(thousands, "").split(decimal)
        values.add(float(f"{whole}.{fraction}"))
        decimals = len(fraction)
    elif "," in digits or "." in digits:
        separator = "," if "," in digits else "."
        parts = digits.split(separator)
        if len(parts) > 2 or (len(parts[-1]) == 3 and len(parts[0]) <= 3):
            values.add(float(digits.replace(separator, "")))
        if len(parts) == 2:
            values.add(float(f"{parts[0]}.{parts[1]}"))
            decimals = len(parts[1]) if len(values) == 1 else 0
    else:
        values.add(float(digits))
    return frozenset(values), decimals


def figures(text: str) -> list[Figure]:
    """Every number in ``text`` outside dates and citation markers, with its scale word, unit and percent sign."""
    text = _MARKER.sub(" ", text)
    for pattern, _ in _DATES:
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    found = []
    for match in _NUMBER.finditer(text):
        values, decimals = readings(match.group("num"))
        rest = text[match.end():]
        scale_match = _SCALE_AFTER.match(rest)
        scale = _SCALES[scale_match.group(1).lower()] if scale_match else 1.0
        after = rest[scale_match.end():] if scale_match else rest
        sign = text[max(0, match.start() - 2):match.start()].strip()[-1:]
        unit = _unit_after(after) or _CURRENCY_BEFORE.get(sign, "") or _CURRENCY_BEFORE.get(after.lstrip()[:1], "")
        found.append(Figure(match.group("num"), values, decimals, scale, unit, bool(match.group("after"))))
    return found


def _unit_after(text: str) -> str:
    """The unit named within the next three words (``1,800 operating hours`` → hours)."""
    for word in re.findall(r"[^\W\d_]+|°[cf]|º[cf]", fold(text[:40]))[:3]:
        if word in _UNITS:
            return _UNITS[word]
    return ""


def dates(text: str) -> set[tuple[int, int, int]]:
    """Dates written in ``text`` as (year, month, day); day 0 when only a month and year are given."""
    found = set()
    for pattern, order in _DATES:
        for m in pattern.finditer(text):
            if order == "mdy":
                found.add((int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2))))
            elif order == "dmy":
                found.add((int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1))))
            elif order == "iso":
                found.add((int(m.group(1)), int(m.group(2)), int(m.group(3))))
            else:
                found.add((int(m.group(2)), _MONTHS[m.group(1).lower()], 0))
    return found


def figure_found(claim: Figure, sources: Sequence[Figure]) -> bool:
    """Whether a source states ``claim``: the same number as written, or the same amount at another scale rounded to
    the claim's decimals (``$7.7 billion`` against a table's ``7,712`` in millions), with no conflicting unit."""
    for source in sources:
        if claim.unit and source.unit and claim.unit != source.unit:
            continue
        if claim.values & source.values:
            return True
        for value in claim.values:
            full = value * claim.scale
            for stated in source.values:
                for table_scale in (1.0, 1e3, 1e6, 1e9):
                    candidate = stated * source.scale * table_scale / claim.scale
                    if claim.scale > 1 and candidate and round(candidate, claim.decimals) == round(value, claim.decimals):
                        return True
                    if full and stated * source.scale * table_scale == full:
                        return True
    return False


def _words_only(text: str) -> str:
    """Folded words and numbers, one space apart: a quote matches whatever its punctuation and apostrophes."""
    return " " + " ".join(re.findall(r"[^\W_]+", fold(text))) + " "


def unsupported_claims(sentence: str, sources: Sequence[str]) -> list[str]:
    """The numbers, dates and quoted names of ``sentence`` that none of ``sources`` contains."""
    joined = "\n".join(sources)
    source_figures = figures(joined)
    source_dates = dates(joined)
    flat_sources = _words_only(joined)
    quoted = _QUOTED.findall(sentence)
    unquoted = _QUOTED.sub(" ", sentence)
    running = _RUNNING_QUOTE.search(_MARKER.sub(" ", unquoted))
    if running:  # a quotation opened or closed in another sentence: this part of it claims the documents' words too
        quoted.append(running.group("opened") or running.group("closed"))
        unquoted = unquoted.replace(quoted[-1], " ")
    missing = [f.written + ("%" if f.percent else "") for f in figures(unquoted) if not figure_found(f, source_figures)]
    for date in dates(sentence):
        if date not in source_dates and not (date[2] == 0 and any(d[:2] == date[:2] for d in source_dates)):
            missing.append("-".join(str(part) for part in date if part))
    missing += [text for text in quoted if _words_only(text) not in flat_sources]
    return missing


def furniture(sources: Sequence[str]) -> frozenset[str]:
    """Lines repeated across pages that differ only in a page number at their start or end (page headers and
    footers), without that number; not lines that differ only in their punctuation ("• Fax: 202–493–2251." and "•
    Fax: (202) 493–2251." on two pages of notices)."""
    numbers: dict[str, set[str]] = {}
    for source in sources:
        for line in source.splitlines():
            base = _without_page_number(line)
            if len(base) >= 6:
                numbers.setdefault(base, set()).add(_page_number(line))
    return frozenset(base for base, found in numbers.items() if len(found) >= 2)


def copies_furniture(sentence: str, repeated: frozenset[str]) -> bool:
    """Whether ``sentence`` is a page header or footer (``Apple Inc. | Q3 2023 Form 10-Q | 5``), not an answer;
    ``repeated`` comes from ``furniture``."""
    plain = _MARKER.sub("", sentence).strip()
    if _FOOTER.search(plain) and len(re.findall(r"[^\W\d_]{3,}", plain)) <= 8:
        return True
    return _without_page_number(plain) in repeated


_PAGE_NUMBER = re.compile(r"^\d{1,3}\b|\b\d{1,3}$")


def _words(line: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", fold(line)).split())


def _without_page_number(line: str) -> str:
    return _PAGE_NUMBER.sub("", _words(line)).strip()


def _page_number(line: str) -> str:
    return " ".join(_PAGE_NUMBER.findall(_words(line)))


def check_sentences(text: str, sources: dict[int, str], evidence: Sequence[str]) -> list[SentenceCheck]:
    """Each sentence of ``text`` checked against the sources its [n] markers cite (all of ``sources`` when it cites
    none) and the evidence; page headers and footers copied into the answer do not count as supported."""
    checks = []
    for index, sentence in enumerate(split_sentences(text)):
        if index % 2 or not sentence.strip():
            continue
        cited = [n for n in map(int, re.findall(r"\[(\d+)\]", sentence)) if n in sources] or sorted(sources)
        against = [sources[n] for n in cited] + list(evidence)
        if copies_furniture(sentence, furniture(against)):
            checks.append(SentenceCheck(sentence.strip(), False, tuple(cited), (FURNITURE,)))
            continue
        missing = unsupported_claims(sentence, against)
        checks.append(SentenceCheck(sentence.strip(), not missing, tuple(cited), tuple(missing)))
    return checks
