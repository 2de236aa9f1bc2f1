"""What a question asks for (a frequency, an amount, a date, a name, yes/no) and whether a piece of text offers it."""
from __future__ import annotations

import re
import unicodedata

FREQUENCY, AMOUNT, DATE, NAME, YES_NO, OTHER = "frequency", "amount", "date", "name", "yes/no", "other"


def fold(text: str) -> str:
    """Lower case without accents: ``"¿Cuántas?"`` → ``"¿cuantas?"``."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_KIND_PATTERNS = (
    (FREQUENCY, r"\bhow often\b|\bhow frequently\b|\bhow regularly\b|\bcada cuanto\b|\bcon que frecuencia\b|"
                r"\bfrequency\b|\bfrecuencia\b|\binterval\b|\bintervalo\b|\bperiodicidad\b"),
    (DATE, r"\bwhen\b|\bwhat date\b|\bwhich date\b|\bwhat year\b|\bwhich year\b|\bcuando\b|\bque fecha\b|"
           r"\ben que (?:ano|fecha|mes|dia|siglo|epoca)\b|\bdeadline\b|\bplazo\b"),
    (AMOUNT, r"\bhow (?:much|many|long|far|big|large|high|old)\b|\bcuant[oa]s?\b|\bwhat (?:was|were|is|are) the "
             r"(?:total|amount|number|percentage|rate|value|cost|price|revenue|margin|income|sales)|\bpercent|"
             r"\bporcentaje\b|\bamount\b|\bmonto\b|\bimporte\b|\bcuanto\b|\brevenue\b|\bmargin\b|\bcash\b|\bsales\b|"
             r"\bexpenses?\b|\bincome\b|\brate\b|\btasa\b|\bcost\b|\bcoste\b|\bcosto\b|\bprice\b|\bprecio\b"),
    (NAME, r"\bwho\b|\bwhom\b|\bwhose\b|\bquien(?:es)?\b|\bwhat (?:company|person|name|team|city|country)\b|"
           r"\bque (?:empresa|persona|nombre|equipo|ciudad|pais)\b|\bcomo se llama\b|\bnamed?\b"),
    (YES_NO, r"^(?:did|does|do|is|are|was|were|has|have|had|can|could|will|should|must)\b|^(?:hay|existe|tiene|es|puede)\b"),
)

_FREQUENCY_TEXT = re.compile(
    r"\bevery\b|\beach\b|\bper (?:hour|day|week|month|year|shift)\b|\bdaily\b|\bweekly\b|\bmonthly\b|\bquarterly\b|"
    r"\bannual(?:ly)?\b|\byearly\b|\bonce\b|\btwice\b|\btimes a\b|\bcada\b|\bdiari[oa]s?\b|\bsemanal(?:es|mente)?\b|"
    r"\bmensual(?:es|mente)?\b|\banual(?:es|mente)?\b|\bveces\b|\bal (?:dia|mes|ano)\b|\bhours\b|\bhoras\b"
)
_FIGURE = re.compile(r"\d[\d,.]*")
_MONEY_OR_PERCENT = re.compile(r"[$€£]\s?\d|\d\s?%|\b\d[\d,.]*\s*(?:million|billion|millones|mil|thousand|euros?|dollars?|usd|eur)\b", re.I)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
)
_DATE_TEXT = re.compile(rf"\b(?:{_MONTHS})\b|\b\d{{1,2}}[/-]\d{{1,2}}[/-]\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b1[5-9]\d\d\b|\b20\d\d\b")
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+")


def question_kind(question: str) -> str:
    """The first kind whose cue words the question holds (frequency before amount: "how many hours between...")."""
    folded = fold(question).strip(" ¿¡")
    for kind, pattern in _KIND_PATTERNS:
        if re.search(pattern, folded):
            return kind
    return OTHER


def offers(kind: str, text: str, question: str = "") -> float:
    """How well ``text`` has the kind of answer asked for, 0 to 1 (0.5 when the kind says nothing)."""
    folded = fold(text)
    if kind == FREQUENCY:
        return 1.0 if _FREQUENCY_TEXT.search(folded) and _FIGURE.search(text) else 0.6 if _FREQUENCY_TEXT.search(folded) else 0.0
    if kind == AMOUNT:
        figures = [f for f in _FIGURE.findall(text) if not re.fullmatch(r"(?:19|20)\d\d", f.strip(".,"))]
        return 1.0 if _MONEY_OR_PERCENT.search(text) or len(figures) >= 1 and any(len(f) >= 3 for f in figures) else 0.3 if figures else 0.0
    if kind == DATE:
        return 1.0 if _DATE_TEXT.search(folded) else 0.0
    if kind == NAME:
        asked = set(fold(question).split())
        names = [w for w in _CAPITALISED.findall(text) if fold(w) not in asked]
        return 1.0 if names else 0.2
    return 0.5
