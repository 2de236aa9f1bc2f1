"""What a question asks for (a frequency, an amount, a date, a name, a contact, yes/no, a reason); does a text offer it."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rag.answer.contact import contact_asked, offers_contact, phone_spans

FREQUENCY, AMOUNT, DATE, NAME, YES_NO, REASON, OTHER = "frequency", "amount", "date", "name", "yes/no", "reason", "other"
CONTACT = "contact"


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Lower case without accents: ``"¿Cuántas?"`` → ``"¿cuantas?"``."""
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.lower()))


_FREQUENCY_CUES = (r"\bhow often\b|\bhow frequently\b|\bhow regularly\b|\bcada cuanto\b|\bcon que frecuencia\b|"
                   r"\bfrequency\b|\bfrecuencia\b|\binterval\b|\bintervalo\b|\bperiodicidad\b")
# The words that ask: the earliest one decides ("¿Cuántos años tenía cuando...?" asks an amount, not a date).
_ASKING = (
    (DATE, r"\bwhen\b|\bwhat date\b|\bwhich date\b|\bwhat year\b|\bwhich year\b|\bin what (?:year|month|century)\b|"
           r"\bcuando\b|\bque fecha\b|\ben que (?:ano|fecha|mes|dia|siglo|epoca)\b|\bque ano\b|\bdeadline\b|\bplazo\b|"
           r"\b(?:at |by )?what time\b|\b(?:a|hasta) que hora\b"),
    (AMOUNT, r"\bhow (?:much|many|long|far|big|large|high|old|heavy|loud|fast|wide|deep|tall)\b|\bwhat (?:does|do|did) (?:[\w.-]+ ){1,4}(?:weigh|cost)\b|\bcuant[oa]s?\b|\bque (?:edad|cantidad|porcentaje)\b|"
             r"\bwhat (?:was|were|is|are) (?:the |[\w.&-]+['’]s )(?:total|amount|number|percentage|rate|value|cost|price|revenue|margin|"
             r"income|sales)|\bwhat (?:percentage|proportion|share|amount|number)\b|"
             r"\bwhat (?:was|were|is|are|should|must|will|would|can) (?:the |[\w.&-]+['’]s )(?:[^\W\d_]+ ){0,2}?"
             r"(?:temperature|speed|height|length|distance|population|area|size|"
             r"weight|depth|elevation|altitude|wavelength|capacity|budget|salary|pressure|torque|voltage|power|output|"
             r"wattage)\b|"
             r"\bcual(?:es)? (?:fue|fueron|es|son|era|eran) (?:el|la|los|las) (?:total|importe|cantidad|numero|porcentaje|"
             r"tasa|valor|coste|costo|precio|ingresos|margen|beneficios?|ventas|temperatura|velocidad|altura|longitud|"
             r"distancia|poblacion|superficie|area|tamano|peso|profundidad|altitud|capacidad|presupuesto|salario|"
             r"presion|tension|potencia)\b|"
             r"^\W*(?:at |to )?(?:what|which) (?:[^\W\d_]+ )?(?:pressure|voltage|torque|capacity|weight|speed|wattage|height|distance|"
             r"depth|length|width)\b|"
             r"^\W*(?:a |en )?que (?:potencia|presion|tension|voltaje|velocidad|capacidad|peso|caudal|consumo|altura|"
             r"distancia|profundidad|longitud|anchura)\b"),
    (NAME, r"\bwho\b|\bwhom\b|\bwhose\b|\bquien(?:es)?\b|\b(?:what|which) (?:company|person|name|team|city|country|"
           r"player|poet|writer|author|scientist|king|queen|president|organization|organisation)\b|"
           r"\b(?:what|which) (?:(?!(?:did|does|do|is|was|are|were|has|have|had)\b)[a-z]+ )?(?:leader|governor|mayor|"
           r"minister|pope|emperor|general|artist|painter|composer|architect|engineer|inventor|explorer|actor|actress|"
           r"singer|musician|coach|quarterback|poet|writer|author|scientist|network)\b|"
           r"\bque (?:empresa|persona|nombre|equipo|ciudad|pais|jugador|poeta|escritor|autor|cientifico|quimico|"
           r"fisico|rey|reina|presidente|organizacion|compania|lider|gobernador|alcalde|ministro|papa|emperador|"
           r"general|artista|pintor|compositor|arquitecto|ingeniero|inventor|explorador|actor|actriz|cantante|musico|"
           r"entrenador|mariscal|red|cadena)\b|\bcomo se llama(?:ba)?\b|\bnamed?\b"),
)
# "Who can drive a company vehicle?", "¿Quién debe firmar el parte?" ask which people a rule names ("los empleados con
# permiso de conducir…", "the line manager"), seldom a name: the brand in the sentence after ("Reposte con la tarjeta
# Solred") was quoted first.
_WHO_MAY = (r"\b(?:who|quien(?:es)?)\s+(?:can|may|must|should|is allowed|are allowed|has to|have to|needs? to|is entitled|"
            r"are entitled|puede|pueden|debe|deben|tiene que|tienen que|tiene derecho|tienen derecho)\b")
# A question that opens with "what" or "how" asks that: a later "when" joins a clause ("What happens to the norm when a
# number is multiplied by p?", "¿Qué sucede cuando...?").
_OPENING = r"(?:what|which|how|where|who|why|que|cual|cuales|como|donde|quien|quienes|por que)\b"
# Words that ask for a reason, not a figure ("what was the chief factor affecting operating income?").
_EXPLAINING = (r"\bwhy\b|\bdr[io]ve|\bdrivers?\b|\bfactors?\b|\breasons?\b|\bcontribut|\binfluenc|\bhow did .* (?:affect|impact)|"
               r"\bwhat (?:effects?|impacts?)\b|\bpor que\b|\bmotivos?\b|\bcausas?\b|\bcomo afect")
# Words that ask how two things relate, not for a figure ("the relationship between R&D spending and new products").
_ANALYSING = r"\b(?:relationship|correlation|connection|link) between\b|\brelacion entre\b"
# Words that give a reason: "primarily due to", "driven by", "as a result of", "debido a".
_REASON_TEXT = re.compile(r"\bdue (?:primarily |mainly |largely )?to\b|\bdriven\b|\bas a result of\b|\bbecause\b|"
                          r"\battributable to\b|\breflect(?:s|ed|ing)?\b|\bprimarily\b|\boffset by\b|\bresult(?:ed|ing)? (?:from|in)\b|"
                          r"\bimpact(?:ed)?\b|\bdebido a\b|\bgracias a\b|\ba causa de\b|\bpor (?:eso|ello|lo que)\b|\bya que\b")
# Words that say what a question is about, when no asking word decides.
_TOPICAL = (AMOUNT, r"\bpercent|\bporcentaje\b|\bamount\b|\bmonto\b|\bimporte\b|\brevenue\b|\bmargin\b|\bcash\b|"
                    r"\bsales\b|\bventas\b|\bingresos\b|\bmargen\b|\befectivo\b|\bexpenses?\b|\bexpenditures?\b|\bspen(?:d|t|ding)\b|\bgastos?\b|\bincome\b|\bloss(?:es)?\b|\bprofits?\b|"
                    r"\bearnings\b|\bperdidas?\b|\bbeneficios?\b|\bganancias?\b|\brate\b|\btasa\b|\bcost\b|\bcoste\b|\bcosto\b|\bprice\b|"
                    r"\bprecio\b")
_YES_NO = r"^(?:did|does|do|is|are|was|were|has|have|had|can|could|will|should|must)\b|^(?:hay|existe|tiene|es|puede)\b"

_FREQUENCY_TEXT = re.compile(
    r"\bevery\b|\beach\b|\bper (?:hour|day|week|month|year|shift)\b|\bdaily\b|\bweekly\b|\bmonthly\b|\bquarterly\b|"
    r"\bannual(?:ly)?\b|\byearly\b|\bonce\b|\btwice\b|\btimes a\b|\bcada\b|\bdiari[oa]s?\b|\bsemanal(?:es|mente)?\b|"
    r"\bmensual(?:es|mente)?\b|\b(?:anual|trimestral|semestral|quincenal)(?:es|mente)?\b|\bveces\b|\bal (?:dia|mes|ano)\b|"
    r"\bhours\b|\bhoras\b|\bfortnightly\b"
)
# An interval in words is as full an answer as one with a figure ("every week", "cada mes", "once a year"); an adverb
# ("daily") less so: "Check the coolant level daily." would stand beside the seal's "every 1,800 operating hours".
_EVERY_PERIOD = re.compile(r"\b(?:every|each|cada|once an?|twice an?|una vez al?|dos veces al?)\s+(?:day|week|month|year|"
                           r"shift|dia|semana|mes|ano|turno)\b")
_FIGURE = re.compile(r"\d[\d,.]*")
_MONEY_OR_PERCENT = re.compile(r"[$€£]\s?\d|\d\s?%|\b\d[\d,.]*\s*(?:million|billion|millones|mil|thousand|euros?|dollars?|usd|eur)\b", re.I)
# A measured amount: a figure with its unit ("12 kW", "1,5 bar", "60 °C", "48 V").
_MEASURED = re.compile(r"\b\d[\d,.]*\s?(?:kw|kva|w|v|a|bar|psi|kpa|mpa|°\s?[cf]|kg|t|mm|cm|m|km|l|ml|m3|nm|db|hz|rpm|l/h|m/s|km/h|hp|cv|lb)"
                       r"(?![\w/])", re.I)
_MONEY_UNITS = r"€|eur|euros?|usd|dollars?|dólares|dolares|£"
# A number in words before a unit ("sixteen bar", "dieciséis bar", folded).
_NUMBER_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty|hundred|thousand|uno|"
                r"una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|dieci\w+|veinti\w+|"
                r"\w+enta|cien|mil)")
# A measure a question names, and the units that give it: a figure in another unit answers something else ("How loud
# is the heat pump?" is not "12 kW").
_LENGTH_UNITS = r"mm|cm|m|km|metros?|meters?|metres?|ft|feet|inch(?:es)?|pulgadas"
# "How long is the warranty?" wants a time, or a length ("How long is the hose?", "How long must passwords be?": 12
# characters), or years ("How long did the plague last?": "until the second quarter of the 19th century"); not a
# battery's "48 V, 620 Ah".
_TIME_UNITS = (r"seconds?|segundos?|minutes?|minutos?|min|hours?|horas?|h|days?|d[ií]as?|weeks?|semanas?|months?|"
               r"meses|mes|years?|a[ñn]os?")
_DURATION_UNITS = (rf"{_TIME_UNITS}|characters|caracteres|digits|d[ií]gitos|letters|letras|words|palabras|"
                   rf"pages|p[aá]ginas|{_LENGTH_UNITS}")
_YEARS = r"|\b(?:1[0-9]|20)\d\d\b|centur|siglo"
_ASKED_UNITS = (
    # How long a thing lasts or takes is a time ("¿Cuánto dura la garantía?" is not the press's "350 mm" stroke, "¿Cuánto
    # tarda una carga?" no load in kg), whatever else it names.
    (r"\bcuanto (?:tiempo|dura\w*|tarda\w*)\b|\bhow long (?:[\w-]+ ){0,5}?(?:lasts?|takes?|valid)\b", _TIME_UNITS),
    (r"\b(?:loud\w*|noise|sound|ruido\w*|sonor\w*)\b", r"db"),
    (r"\btemperatur\w*\b", r"°\s?[cf]|grados|degrees"),
    (r"\b(?:pressure|presion)\b", r"bar|psi|kpa|mpa"),
    (r"\b(?:voltage|tension|voltaje)\b", r"v|kv"),
    (r"\b(?:speed|velocidad)\b|\bhow fast\b", r"km/h|m/s|mph|rpm|nudos|knots"),
    (r"\b(?:power|potencia|output)\b", r"kw|w|kva|hp|cv"),
    (r"\b(?:weigh\w*|heavy|peso|pesa)\b|\bhow much (?:[\w-]+ ){0,3}?(?:lift|carry|hold|load|bear)\b|"
     r"\bcuanto (?:[\w-]+ ){0,3}?(?:levanta|carga|soporta|aguanta)\w*", r"kg|t|g|lb|toneladas"),
    (r"\b(?:price|prices|precio|precios|cuesta|cuestan)\b|\bcosts?\b(?!\s+(?:of|de)\b)", _MONEY_UNITS),
    (r"\b(?:height|altura|distance|distancia|space|espacio|width|anchura|ancho|depth|profundidad|length|longitud)\b|\bhow far\b",
     _LENGTH_UNITS),
    (r"(?<!square )\b(?:kilometr\w*|kilometer\w*|miles|millas)\b(?!\s*(?:cuadrad\w*|square|2|²))", r"km|kil[oó]metros?|kilometres?|kilometers?|miles|millas|mi"),
    # "¿Cuánto aceite lleva…?" wants litres, not the oil change's "Every 2,000 hours".
    (r"\b(?:how much|cuanto|cuanta)\s+(?:[\w-]+ )?(?:oil|water|coolant|fuel|fluid|liquid|diesel|petrol|gasoline|aceite|agua|"
     r"combustible|fluido|liquido|gasoil|gasoleo|gasolina)\b|\blitres?\b|\bliters?\b|\blitros?\b",
     r"l|ml|litres?|liters?|litros?|gal|gallons?|galones|m3"),
    (r"\bhow long\b", _DURATION_UNITS),
)
# How well a text whose figures are all in another unit fits the amount asked: not at all.
OTHER_UNIT_FIT = 0.0
# A figure inside a model's or a form's name is no amount ("HP-12", "KX-440", "Form 10-Q").
# A list item's own number ("2. No comparta su contraseña…") is no amount.
_ITEM_NUMBER = re.compile(r"^\s*\(?\d{1,2}[.)]\s")
# Not a measure written with a hyphen ("a 24-month warranty", "a 3-day course").
_IN_NAME = re.compile(r"\b[^\W\d_]+-\d[\w-]*|\b\d+-(?!(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|metres?|meters?|"
                      r"litres?|liters?|pages?|segundos?|minutos?|horas?|d[ií]as?|semanas?|mes|meses|a[ñn]os?)\b)[^\W\d_]+\b")
# Month names in English and Spanish, for the patterns that find dates.
MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
)
# English "may" and "march" in lower case are verbs ("Employees may work remotely"), not months.
VERB_MONTHS = re.compile(r"\b(?:may|march)\b")
# Days of the week, folded: "collected every Thursday" answers "when".
WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo"
# A weekday before a capitalised word is part of a name ("Sunday Times"), not a day.
WEEKDAY_IN_NAME = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Lunes|Martes|Miércoles|"
                             r"Jueves|Viernes|Sábado|Domingo)\s+[A-Z]\w*")
# A time of day answers "when" too: "The last bus back leaves the plant at 23:10."
_DATE_TEXT = re.compile(rf"\b(?:{MONTHS})\b|\b(?:{WEEKDAYS})s?\b|\b\d{{1,2}}[/-]\d{{1,2}}[/-]\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b1[5-9]\d\d\b|\b20\d\d\b"
                        r"|\b(?:at|a las?)\s+(?:[01]?\d|2[0-3]):[0-5]\d\b|\b\d{1,2}(?::[0-5]\d)?\s?(?:a\.m\.|p\.m\.)")
# "When should the battery be charged?" is answered by a condition ("cuando el indicador baje del 20 %"), less surely
# than by a date.
_TIME_CONDITION = re.compile(r"\b(?:when|whenever|once|as soon as|before|after|cuando|antes de|despues de|en cuanto|"
                             r"tan pronto como)\b")
CONDITION_FIT = 0.5
# Numbers written as words ("two universities", "cinco años"; not "one", "uno", "una", which are mostly articles), and
# the questions for which a small number is the answer ("How many universities?", "How long is the warranty?"): XQuAD
# evidence holding the answer, Spanish 256 → 257 of 306, English 256 → 258, sec10q unchanged.
_SPELLED_NUMBER = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                             r"hundreds?|thousands?|dozens?|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|"
                             r"veinte|treinta|cuarenta|cincuenta|cien|cientos?|miles)\b")
_COUNTING = re.compile(r"\bhow (?:many|long|old)\b|\bcuant[oa]s\b|\bcuanto (?:tiempo|dura\w*|tarda\w*)\b|\bque edad\b")
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+")


def content_words(question: str) -> str:
    """The question without the words that ask for a frequency ("how often", "¿cada cuánto?"), folded: what it is
    about. (Removing every asking word, "what year" or "how long" too, made more answerable XQuAD questions abstain.)"""
    return re.sub(_FREQUENCY_CUES, " ", fold(question))


def question_kind(question: str) -> str:
    """Frequency if asked; a contact (phone, e-mail, web address) if asked; else the kind of the earliest asking word
    ("how much", "when", "who"); else an amount if the question is about money or rates; else yes/no by its first
    word."""
    folded = fold(question).strip(" ¿¡")
    if re.search(_FREQUENCY_CUES, folded):
        return FREQUENCY
    if contact_asked(question) is not None:
        return CONTACT
    found = [(m.start(), kind) for kind, pattern in _ASKING for m in [re.search(pattern, folded)] if m
             and not (kind == DATE and m.start() > 0 and re.match(_OPENING, folded) and m.group() in ("when", "cuando"))]
    if found and min(found)[1] == NAME and re.search(_WHO_MAY, folded):
        return OTHER
    if found:
        return min(found)[1]
    explaining = re.search(_EXPLAINING, folded)
    if re.search(_TOPICAL[1], folded) and not explaining and not re.search(_ANALYSING, folded):
        return AMOUNT
    return YES_NO if re.search(_YES_NO, folded) else REASON if explaining else OTHER


def gives_figure(text: str) -> bool:
    """Whether ``text`` holds a figure outside a model's or a form's name ("AC-75", "Form 10-Q" give none)."""
    return bool(_FIGURE.search(_IN_NAME.sub(" ", text)))


def other_unit(text: str, question: str) -> bool:
    """Whether ``text`` gives figures but none in the unit of the measure ``question`` names (``_ASKED_UNITS``)."""
    units = asked_units(question)
    return units is not None and gives_figure(text) and not units.search(fold(text))


@lru_cache(maxsize=256)
def measure_named(question: str) -> str:
    """The word of ``question`` that names the measure it asks (``_ASKED_UNITS``): "distancia" of "¿A qué distancia
    del suelo…?", "lift" of "How much can the FL-25 lift?"; "" when it names none."""
    folded = fold(question)
    return next((m.group().split()[-1] for cue, _ in _ASKED_UNITS for m in [re.search(cue, folded)] if m), "")


def measure_given(question: str, text: str) -> str:
    """``measure_named`` when ``text`` gives a figure in that measure's unit ("a un mínimo de 30 cm del suelo" for
    "distancia", "Rated capacity | 2,500 kg" for "lift"); "" otherwise."""
    named = measure_named(question)
    units = asked_units(question) if named else None
    return named if units is not None and units.search(fold(text)) else ""


def misses_unit(texts: list[str], question: str) -> bool:
    """Whether ``question`` names a measure and none of ``texts`` gives a figure in its unit ("What is the price of
    the AC-200?" over "It delivers 200 litres of air per minute")."""
    units = asked_units(question)
    return units is not None and not any(units.search(fold(text)) for text in texts)


@lru_cache(maxsize=256)
def asked_units(question: str) -> re.Pattern | None:
    """A figure in the unit of the measure ``question`` names, once per question (every unit of the pool asks)."""
    units = next((u for cue, u in _ASKED_UNITS if re.search(cue, fold(question))), None)
    if not units:
        return None
    also = r"|[$€£]\s?\d" if units is _MONEY_UNITS else _YEARS if units in (_DURATION_UNITS, _TIME_UNITS) else ""  # "$450"
    return re.compile(rf"(?:\d|\b{_NUMBER_WORD}[\s-])[\s-]?(?:{units})(?![\w/]){also}", re.I)  # "a 24-month warranty"


def _without_phones(text: str) -> str:
    """``text`` with its phone numbers blanked: "call +44 20 7946 0321" gives no amount."""
    for start, end in reversed(phone_spans(text)):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def offers(kind: str, text: str, question: str = "") -> float:
    """How well ``text`` has the kind of answer asked for, 0 to 1 (0.5 when the kind says nothing)."""
    folded = fold(text)
    if kind == FREQUENCY:
        if _FREQUENCY_TEXT.search(folded) and (_FIGURE.search(text) or _EVERY_PERIOD.search(folded)):
            return 1.0
        return 0.6 if _FREQUENCY_TEXT.search(folded) else 0.0
    if kind == AMOUNT:
        text = _IN_NAME.sub(" ", _ITEM_NUMBER.sub(" ", _without_phones(text)))
        if other_unit(text, question):
            return OTHER_UNIT_FIT
        figures = [f for f in _FIGURE.findall(text) if not re.fullmatch(r"(?:19|20)\d\d", f.strip(".,"))]
        if _MONEY_OR_PERCENT.search(text) or _MEASURED.search(text) or any(len(f) >= 3 for f in figures):
            return 1.0
        small = bool(figures) or bool(_SPELLED_NUMBER.search(folded))
        return (1.0 if _COUNTING.search(fold(question)) else 0.3) if small else 0.0
    if kind == DATE:
        if _DATE_TEXT.search(fold(WEEKDAY_IN_NAME.sub(" ", VERB_MONTHS.sub(" ", text)))):
            return 1.0
        # "Drain the condensate every day at the end of the shift." says when, as a condition does.
        timed = _TIME_CONDITION.search(folded) or _FREQUENCY_TEXT.search(folded) and (
            _FIGURE.search(text) or _EVERY_PERIOD.search(folded))
        return CONDITION_FIT if timed else 0.0
    if kind == REASON:
        return 1.0 if _REASON_TEXT.search(folded) else 0.3
    if kind == CONTACT:
        return offers_contact(text, question)
    if kind == NAME:
        asked = set(fold(question).split())
        names = [w for w in _CAPITALISED.findall(text) if fold(w) not in asked]
        return 1.0 if names else 0.2
    return 0.5
