"""The short answer inside a piece of evidence: the date, amount or name asked for (a table row's: ``row_figure``)."""
from __future__ import annotations

import re

from rag.analysis import stopwords
from rag.glossary import translations
from rag.answer.language import guess_language
from rag.answer.place import place_phrase
from rag.answer.contact import contact_phrase, phone_spans
from rag.answer.question_kind import (AMOUNT, CONTACT, DATE, FREQUENCY, MONTHS, NAME, OTHER, VERB_MONTHS, WEEKDAYS, asked_units,
                                      fold, offers)
from rag.answer.respectively import figures_out_of_place
from rag.answer.row_figure import row_figure, same_word

_SEASON = "spring|summer|autumn|fall|winter|primavera|verano|otono|otoño|invierno"
# "el viernes 22 de enero", "Friday, January 22": the weekday and its date are one answer.
_DATE_AFTER_WEEKDAY = (rf"(?:,?\s+\d{{1,2}}(?:st|nd|rd|th)?\s+(?:de\s+)?(?:{MONTHS})(?:,?\s+(?:de\s+|del\s+)?\d{{4}})?"
                       rf"|,?\s+(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,\s*\d{{4}})?)?")
_DAYS_APART = r"(?:\s+(?:to|and|until|through|al|a|y|hasta(?:\s+el)?)\s+|\s*[-–]\s*)"
_DATE = re.compile(
    rf"\b(?:(?:\d{{1,2}}(?:st|nd|rd|th)?{_DAYS_APART})?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:de\s+)?(?:{MONTHS})"
    rf"(?:,?\s+(?:de\s+|del\s+)?\d{{4}})?"
    rf"|(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,\s*\d{{4}})?"
    rf"|(?:(?:early|late|mid|principios|finales|mediados)\s+(?:de\s+|del\s+)?)?(?:{MONTHS}|{_SEASON})(?:\s+(?:de\s+|del\s+|of\s+)?\d{{4}})?"
    r"|(?:from|between|de|entre)\s+(?:las\s+)?\d{1,2}[:.]\d\d\s+(?:to|and|until|a|y|hasta)\s+(?:las\s+)?\d{1,2}[:.]\d\d"
    rf"(?:,?\s+(?:(?:from|de)\s+)?(?:{WEEKDAYS}|miércoles|sábado)\s+(?:to|a)\s+(?:{WEEKDAYS}|miércoles|sábado))?"
    r"|(?:at|by|a\s+las?|hasta\s+las?)\s+\d{1,2}:\d\d(?:\s*(?:a\.m\.|p\.m\.|am|pm|h)(?!\w))?"
    r"|\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)(?!\w)"
    rf"|(?:(?:every|each|on|cada|los|el)\s+)?(?:{WEEKDAYS}|miércoles|sábado)s?{_DATE_AFTER_WEEKDAY}(?!(?-i:\s+[A-Z]))"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}"
    r"|(?:siglo|century)\s+[XVI]+|[XVI]+\s+(?:siglo|century)|\d{1,2}(?:st|nd|rd|th)\s+century"
    r"|(?:(?:the|los|las|la|el|de|in|en)\s+)?(?:1[0-9]|20)\d\d(?:s|\s*[-–]\s*\d{2,4})?|(?:(?:año|year)\s+)?\d{3,4}(?=\s*(?:a\.?\s?c|d\.?\s?c|bc|ad|ce)\b))\b",
    re.I,
)
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    "eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen|"
    "uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|dieciseis|diecisiete|"
    "dieciocho|diecinueve|veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|cien|ciento|docena"
)
_SCALE = r"(?:\s+(?:thousand|million|billion|trillion|mil millones|millones|millón|millon|mil|billones)\b)?"
_UNIT = (
    r"(?:\s*%|\s?[€£](?!\w)|\s?°\s?[CF]\b|\s?dB\(A\)|-(?:years?|months?|weeks?|days?|hours?)\b|\s+(?:percent|por ciento|per cent)"
    r"|\s+(?:(?:operating|running|engine|working|business|calendar|consecutive)\s+)?(?:hours?|horas?|days?|días?|dias?|weeks?|semanas?|months?|meses|mes|years?|años?|minutes?"
    r"|minutos?|seconds?|segundos?|km/h|mph|m/s|km|kilómetros|kilometres|kilometers|miles|millas|metros|meters|metres|kg|toneladas"
    r"|tons|dollars|dólares|euros|pounds|libras|yardas|yards|points|puntos|characters|caracteres|digits|dígitos|bar|kw"
    r"|degrees(?: celsius| fahrenheit)?|grados(?: celsius)?|litres|liters|litros"
    r"|cm|mm|m|g|mg|ml|l|kva|v|w|hz|db|rpm|psi|kpa|mpa|nm|lbs?|hp|cv|kb|mb|gb|tb)\b)?"
)
# A figure, not part of a name ("Form 10-Q", "KX-440"), a time of day ("02:00") nor a period ("three months ended"); a
# length of time may be joined to its unit ("a two-year warranty", "a 12-month contract").
_AMOUNT = re.compile(
    rf"(?:(?:[$€£]\s?)?(?<![\w.,:-])(?:\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?:,\d+)?(?![\d])|\d[\d,.]*(?:\d)?)(?!\d|[-/](?!(?:year|month|week|day|hour)s?\b)\w|:\d)|\b(?:{_NUMBER_WORDS})\b)"
    r"(?!\s+(?:months?|weeks?|years?|meses|semanas|años)\s+(?:ended|ending|terminad))" + _SCALE + _UNIT, re.I
)
# A range of figures is one answer: "between 1.2 and 2 bar", "entre 1,2 y 2 bar", "from 5 to 40 °C".
_RANGE = re.compile(r"\b(?:between|from|entre|de)\s+(?:\d[\d.,]*)\s+(?:and|to|y|a)\s+\d[\d.,]*(?:\s?(?:°\s?[CF]|%|[^\W\d_]+))?", re.I)
_CONNECTOR = r"(?:\s+(?:de|del|la|las|los|y|of|the|and|von|van|da|di|le|du)\s+|\s+|-)"
_CAPITAL = r"(?:[A-ZÁÉÍÓÚÑÜ][\w'’.-]*|[A-Z]{2,}|\d+[A-Z]?)"
_NAME = re.compile(rf"(?<![\w]){_CAPITAL}(?:{_CONNECTOR}{_CAPITAL})*")
_LEADING = re.compile(r"^(?:the|a|an|el|la|los|las|un|una|in|en|on|de|del|some|several|many|"
                      r"algunos|algunas|varios|varias|muchos|muchas)\s+", re.I)
_SENTENCE_START = frozenset(
    "the a an this that these those it its in on at for by as after before during while when although however but "
    "el la los las un una este esta estos estas ese esa en con por para como tras durante aunque sin sobre pero "
    "cuando si desde hasta entre segun según".split()
)
_WORD = re.compile(r"[^\W_]+")
# A short word cut with a full stop is an abbreviation (a title after a name, a state), not the name asked for.
_ABBREVIATION = re.compile(r"[^\W\d_]{1,4}\.")
# A name after "of", "in", "de la"... is seldom the one asked for by "who" (the Pro Bowl of "tackle of the Pro Bowl").
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|in|at|from|to|into|de|del|al|en|a|desde|hacia)\s+(?:(?:the|la|el|los|las)\s+)?$", re.I)
AFTER_PREPOSITION_CHARS = 80
# A name before a state's or country's abbreviation is a place ("San Diego, Cal.; on behalf of the Respondent",
# "Washington, D.C."), not the person "who" asks for.
_STATE_AFTER = re.compile(r",\s+(?:[A-Z][a-z]{1,4}\.|(?:[A-Z]\.){2,})")
# "Who" asks for a person: a prize, an event, a body, an office or a figure named near the question's words is seldom the
# answer ("Lady Gaga, the ... Academy Award nominee, sang the anthem"; "the German Federal Minister of the Interior";
# "STEVEN E. MERCER, ESQ., Deputy Attorney General").
_NOT_A_PERSON = re.compile(
    r"\b(?:awards?|prizes?|grammys?|oscars?|[oó]scar|emmys?|nobel|bowls?|games?|league|conference|republic|"
    r"university|church|championship|cup|language|council|army|empire|kingdom|premios?|copa|liga|universidad|"
    r"rep[uú]blica|iglesia|imperio|reino|campeonato|consejo|ej[eé]rcito|lengua|"
    r"ministers?|ministros?|ministry|ministerio|bureau|mesa|association|asociaci[oó]n|federal|committee|comit[eé]|"
    r"party|partido|government|gobierno|agency|agencia|department|departamento|parliament|parlamento|"
    r"figures?|figuras?|tables?|tablas?|chapters?|cap[ií]tulos?|attorneys?|deputy|secretary|chairman|"
    r"secretari[oa]|fiscal|diputad[oa])\b", re.I)
# The answer sits in the clause that holds most of the question's words ("Lady Gaga ... sang the anthem; while
# Marlee Matlin ... translated it").
_CLAUSE = re.compile(r"[^;]+")
OTHER_CLAUSE_CHARS = 100
# A name that shares a word with the question names what is asked about rather than the answer.
PARTLY_ASKED_CHARS = 80


def answer_phrase(question: str, kind: str, text: str, context: str = "", row: bool = False) -> str:
    """The part of ``text`` that answers ``question``: for a table ``row`` the figure in the column of the period asked
    (``context`` is the table's column header), otherwise the nearest date, amount or name the question does not
    already hold, for "where" the place (``place_phrase``), for a phone, e-mail or web address that (``contact_phrase``);
    "" when the kind asked for has no span or ``text`` holds none."""
    if kind == CONTACT:
        return contact_phrase(question, text)
    code = _CODE.search(text) if _ASKS_CODE.search(fold(question)) else None
    if code:
        return code.group()
    if row:  # who is asked: a name, never a figure
        figure = row_figure(question, text, context, figures=kind != NAME, asked=kind in (AMOUNT, DATE, FREQUENCY))
        return figure if kind != FREQUENCY or offers(FREQUENCY, figure) else _frequency_cell(text) or figure
    asked = fold(question)
    pattern = {DATE: _DATE, AMOUNT: _AMOUNT, FREQUENCY: _AMOUNT, NAME: _NAME}.get(kind)
    if pattern is None:
        return place_phrase(question, text) if kind == OTHER else ""
    anchors = _anchors(asked, fold(text))
    if kind == FREQUENCY and not _EVERY_FIGURE.search(text):
        spoken = [(min((abs(m.start() - a) for a in anchors), default=0), m.group()) for m in _SPOKEN_FREQUENCY.finditer(text)]
        if spoken:
            return min(spoken)[1]
    # Spanish "once" is eleven, English "once" a time.
    not_a_number = _ARTICLES | ({"once"} if guess_language(question) == "en" else set())
    person = bool(re.search(r"\b(?:who|quien|quienes)\b", asked))
    wants = next((measure for cue, measure in _MEASURES if re.search(cue, asked)), None)
    units = None if wants else asked_units(question)  # "What does the AC-75 weigh?": "180 kg", not "1.200 €"
    clauses = [(m.start(), m.end(), sum(m.start() <= a < m.end() for a in anchors)) for m in _CLAUSE.finditer(text)]
    most = max((count for _, _, count in clauses), default=0)
    dates = [m.span() for m in _DATE.finditer(text)] + phone_spans(text) if pattern is _AMOUNT else []
    elsewhere = figures_out_of_place(question, text, [m.span() for m in pattern.finditer(text)]) if pattern is _AMOUNT else set()
    best, best_distance = "", float("inf")
    every = kind == FREQUENCY and bool(_EVERY_FIGURE.search(text))
    item_number = _ITEM_NUMBER.match(text)
    item_number_end = item_number.end() if item_number else 0
    for match in pattern.finditer(text):
        span = _clean(match.group(), kind)
        if kind == NAME:
            span = _after_asked(span, asked)
        if not span or _asked(span, asked) or (kind == NAME and not _is_name(text, match.start(), span)):
            continue
        if kind == NAME and _DATE.fullmatch(span):  # "October 8" is no name
            continue
        if kind == NAME and _ABBREVIATION.fullmatch(match.group().strip()):  # "ESQ.", "Cal.", "Jr." name no one
            continue
        if kind == DATE and VERB_MONTHS.fullmatch(match.group().strip()):
            continue
        if any(start <= match.start() < end for start, end in dates) or (pattern is _AMOUNT and span.lower() in not_a_number):
            continue
        if pattern is _AMOUNT and match.start() < item_number_end:
            continue  # "4. Los incidentes … en un plazo de 24 horas": the item's number is no amount
        if pattern is _AMOUNT and _in_a_name(text, match.start(), match.start() + len(match.group().rstrip(",."))):
            continue  # "Office 365 Commercial" names a product
        if match.span() in elsewhere or (_REPORTING_PERIOD.search(text[: match.start()]) and _MONTHS.search(span)):
            continue  # "8.3 million and 15.9 million … for the quarter and first nine months, respectively"
        if pattern is _AMOUNT:  # from either end of the figure ("24 to 10 with 3 min 8 s left")
            distance = min((min(abs(match.start() - a), abs(match.end() - a)) for a in anchors), default=0)
        else:
            distance = min((abs(match.start() - a) for a in anchors), default=0)
        if kind == FREQUENCY and every and not _EVERY_BEFORE.search(text[: match.start()]):
            distance += OTHER_MEASURE_CHARS  # "after the first 50 hours and then every 300 hours": the interval is 300
        if kind == AMOUNT and wants and not wants.search(text[match.start(): match.end() + CURRENCY_AFTER]):
            distance += OTHER_MEASURE_CHARS
        elif kind == AMOUNT and units and not _in_units(units, text, match.start(), match.end()):
            distance += OTHER_MEASURE_CHARS
        elif kind == AMOUNT and not wants and _COUNTED.search(asked) and _PERCENT.search(span):
            distance += OTHER_MEASURE_CHARS
        elif kind == AMOUNT and wants is _MONEY and not _CURRENCY.search(text[match.start(): match.end() + CURRENCY_AFTER]):
            distance += NO_CURRENCY_CHARS
        if kind == NAME and _PREPOSITION_BEFORE.search(text[: match.start()]):
            distance += AFTER_PREPOSITION_CHARS
        if kind == NAME and person and (_NOT_A_PERSON.search(span) or _STATE_AFTER.match(text, match.end())):
            distance += AFTER_PREPOSITION_CHARS
        if kind == NAME and _partly_asked(span, asked):
            distance += PARTLY_ASKED_CHARS
        if any(start <= match.start() < end and count < most for start, end, count in clauses):
            distance += OTHER_CLAUSE_CHARS
        if distance < best_distance:
            best, best_distance = span, distance
            if pattern is _AMOUNT:  # the whole range the figure opens ("entre 1,2 y 2 bar")
                best = next((r.group().strip() for r in _RANGE.finditer(text) if r.start() <= match.start() < r.end()), best)
    return best


# "What is the serial number…?", "¿Cuál es el número de pieza?" ask for an identifier: figures joined by hyphens or
# slashes, with or without letters ("44-19-07731", "PS-7731-B"), given whole, not its first figure.
_ASKS_CODE = re.compile(r"\b(?:serial|part|model|order|reference|catalog(?:ue)?|item)\s+(?:number|no\b|#)|"
                        r"\bnumero de (?:serie|pieza|referencia|pedido|modelo|catalogo|articulo)\b")
_CODE = re.compile(r"(?<![\w-])(?=[\w-]*\d)[A-Z0-9]+(?:[-/][A-Z0-9]+)+(?![\w-])")


# A bare number after a capitalised word inside a sentence, before a capitalised word or a stop, is part of a name:
# "Office 365 Commercial", "Dynamics 365, and…" (the "365" a question on Microsoft's cloud revenue was answered by),
# "Apollo 1." Not a sentence's first word ("About 300 were…"), a month ("July 1"), a score ("Carolina 24–10") nor a
# count that goes on in lower case ("the Pro Bowl 12 times").
_NAME_BEFORE = re.compile(r"(?:^|(?P<lead>[^\s])\s*)(?P<word>[A-ZÁÉÍÓÚÑ][^\W\d_]*)\s$")
_NAME_GOES_ON = re.compile(r"\s*(?:$|[,;.)\]]|\s[A-ZÁÉÍÓÚÑ])")
_SENTENCE_BREAK = ".!?:;|¿¡•"


def _in_units(units: re.Pattern, text: str, start: int, end: int) -> bool:
    """Whether the figure at ``start:end`` of ``text`` is given in ``units`` (its unit may follow it)."""
    found = units.search(text, start, end + CURRENCY_AFTER)
    return bool(found) and found.start() < end


def _in_a_name(text: str, start: int, end: int) -> bool:
    """Whether the figure at ``text[start:end]`` is a number in a product's or a thing's name."""
    if not re.fullmatch(r"\d{1,4}", text[start:end]) or not _NAME_GOES_ON.match(text, end):
        return False
    before = _NAME_BEFORE.search(text[max(0, start - 80): start])
    if not before or not before.group("lead") or before.group("lead") in _SENTENCE_BREAK:
        return False
    return not re.fullmatch(MONTHS, fold(before.group("word")))


def _frequency_cell(row: str) -> str:
    """The first cell of a table row that gives a frequency, with its header: "Mensual (Revisión)" of "Casco |
    Revisión: Mensual | Vida útil: 4 años" for "How often must a helmet be inspected?", not the row's only figure."""
    for cell in row.split(" | ")[1:]:
        header, _, value = cell.rpartition(": ")
        if offers(FREQUENCY, value):
            return f"{value.strip()} ({header.strip()})" if header else value.strip()
    return ""


# A frequency in words ("every night", "cada turno", "daily", "dos simulacros de evacuación al año") answers "how often"
# when no interval has a figure ("every 1,800 operating hours"): "backed up every night at 02:00 and the last 14 backups
# are kept" gave "14".
_PERIODS = "night|day|week|month|year|shift|morning|evening|turno|d[ií]a|noche|semana|mes|a[ñn]o|ma[ñn]ana|jornada"
_SPOKEN_FREQUENCY = re.compile(
    rf"\b(?:every|each|cada)\s+(?:[^\W\d_]+\s+){{0,2}}?(?:{_PERIODS})s?\b|\b(?:daily|weekly|monthly|yearly|annually|"
    rf"nightly|a diario|diariamente|semanalmente|mensualmente|anualmente)\b|"
    rf"\b(?:once|twice|\d+|{_NUMBER_WORDS})\s+(?:[^\W\d_]+\s+){{0,3}}?(?:a|per|al|a la|por)\s+(?:{_PERIODS})\b", re.I)
_EVERY_FIGURE = re.compile(r"\b(?:every|each|cada|per|por)\s+\d", re.I)
_ITEM_NUMBER = re.compile(r"\s*\(?\d{1,2}[.)]\s")
_EVERY_BEFORE = re.compile(r"\b(?:every|each|cada|per|por)\s+$", re.I)
# "Un", "una", "one" are articles far more often than the amount asked ("una ventaja de 24 a 10"). With spaced thousands
# ("158 349 hogares") and the measures below, XQuAD token F1 of the short answer: Spanish amounts 0.44 → 0.50, English
# 0.47 → 0.53 (all questions 0.324 → 0.333 and 0.318 → 0.326).
_ARTICLES = frozenset({"un", "una", "uno", "one"})
# A question that asks for money or a share wants a figure with a currency or a percent sign: "5 millones de dólares",
# not "cinco años"; "90 %", not "los ochenta".
_CURRENCY = re.compile(r"[$€£]|dollars?|d[oó]lares|euros?|pounds|libras", re.I)
_MONEY = re.compile(_CURRENCY.pattern + r"|million|billion|millones|mil\b", re.I)
_MEASURES = (
    (r"\b(?:percent\w*|porcentaje|por ciento|share of|proportion|proporcion)\b", re.compile(r"%|percent|por ciento", re.I)),
    (r"\b(?:money|dinero|cost\w*|cuest\w*|price|precio|pag\w+|paid|pay|dolares|dollars|euros|spen[dt]|gast\w+)\b", _MONEY),
)
OTHER_MEASURE_CHARS = 120
# "How many" counts: a percentage is another measure ("12,843 (8.1%)").
_COUNTED = re.compile(r"\bhow many\b|\bcuant[oa]s\b")
_PERCENT = re.compile(r"%|percent|por ciento", re.I)
# "The first nine months" is a reporting period, not an amount.
_REPORTING_PERIOD = re.compile(r"\b(?:first|primeros)\s+$", re.I)
_MONTHS = re.compile(r"(?:months?|meses)$", re.I)
# Money asked for: a sum with its currency before a count in millions ("$3.72 billion", not "8.3 million shares").
NO_CURRENCY_CHARS = 100
# The currency may follow the figure's scale: "5 millones de dólares".
CURRENCY_AFTER = 14


def _anchors(asked: str, folded: str) -> list[int]:
    """Where the question's longer words (first five letters), or their glossary translations, occur in the text; not
    how it is asked ("there", "were", "many": "There were 12,843 (8.1%) unmarried opposite-sex partnerships, and 1,388
    (0.9%) same-sex married couples"). "¿Cuántas hojas caben en la bandeja?" is anchored on "sheets" and "tray"."""
    asking = stopwords("")
    words = [w for w in _WORD.findall(asked) if len(w) > 3 and w not in asking]
    stems = {w[:5] for w in words} | {t[:5] for w in words for t in translations(w) if len(t) > 3 and " " not in t}
    return [m.start() for m in _WORD.finditer(folded) if m.group()[:5] in stems]


def _clean(span: str, kind: str) -> str:
    span = span.strip(" ,.;:")
    if kind == NAME:
        while True:
            stripped = _LEADING.sub("", span)
            if stripped == span:
                break
            span = stripped
    if kind == DATE:
        span = re.sub(r"^(?:a\s+las?|hasta\s+las?|at|by|the|los|las|la|el|de|in|en)\s+", "", span, flags=re.I)
    return span


def _asked(span: str, asked: str) -> bool:
    """Whether the question already holds the span (a figure, or every word of a name, give or take an ending:
    "Super Bowls" for "Super Bowl", "Amazonia" for "Amazon")."""
    words = _WORD.findall(fold(span))
    question = set(_WORD.findall(asked))
    return bool(words) and all(w in question or any(same_word(w, q) for q in question) for w in words)


def _after_asked(name: str, asked: str) -> str:
    """A name less the question's words it opens with, and an article after them: "Tim Cook" of "Apple CEO Tim Cook"
    for "Who is Apple's CEO?"; "IT" of "Call the IT…" for "Who do I call…?", which then opens a sentence alone. A name
    that goes on with "of" or "de" is one name ("Señor del Tiempo" for "¿Qué tipo de Señor…?")."""
    question = set(_WORD.findall(asked))
    words = name.split()
    while len(words) > 1 and words[0][:1].isalpha() and (
            fold(words[0]) in question or any(same_word(fold(words[0]), q) for q in question)):
        if fold(words[1]) in _OF:
            break
        words = words[1:]
        while len(words) > 1 and fold(words[0]) in _ARTICLE_WORDS:
            words = words[1:]
    return " ".join(words)


_OF = frozenset("de del of von van da di du".split())
_ARTICLE_WORDS = frozenset("the la las el los le and y".split())


def _partly_asked(span: str, asked: str) -> bool:
    """Whether some word of a name is the question's: the question's own thing ("IPCC Bureau" for "Who was the first
    chair of the IPCC?", "The Mask of Anarchy" for "Who wrote the poem The Mask of Anarchy?"), seldom its answer."""
    question = set(_WORD.findall(asked))
    return any(w in question or any(same_word(w, q) for q in question) for w in _WORD.findall(fold(span)) if len(w) > 3)


def _is_name(text: str, start: int, span: str) -> bool:
    """A capitalised span that is not just the capital of a sentence's first word."""
    before = text[:start].rstrip()
    first = fold(span.split()[0])
    at_start = not before or before[-1] in ".!?:;\"“(¿¡"
    if at_start and (len(span.split()) == 1 or first in _SENTENCE_START):
        return False
    return not span[:1].isdigit() and sum(c.isalpha() for c in span) >= 2  # "1,000 EUR" is no name
