"""What a question names or asks about that the passages found never mention ("Chicago", "habitantes", "acetone")."""
from __future__ import annotations

import re
from typing import Callable, Iterable

from rag.answer.question_kind import fold
from rag.glossary import cognate_spelling, same_meaning, shared_across_languages, translations

Stems = Callable[[str], list[str]]

# A run of capitalised words ("Universidad de Chicago", "Partido Verde", "PIB") after the question's first word, and
# the number that may be part of it ("Super Bowl 40", "Apollo 1"; not a year, nor after a possessive: "ABC's 2001").
_CAPITALISED = r"[A-ZÁÉÍÓÚÑ][\w’'-]*"
_NAME_RUN = re.compile(
    rf"(?<![\w’'-])(?<!^)(?<![¿¡])({_CAPITALISED}(?:\s+(?:(?:de|del|of|the)\s+)?{_CAPITALISED})*)(?<!['’]s)(?<!['’])"
    r"(?:\s+(?!1\d\d\d\b|20\d\d\b)(\d+)\b)?")
# A name's last word needs three letters or more to be told apart ("UK", "SP" are written many ways).
NAME_MIN_LETTERS = 3

_W = r"[^\W\d_]+"
# The thing a question asks about, by how it is asked: "How many X", "¿Cuántos X?", "¿Cuánta X?" (counted), "the name
# of X", "el nombre del X", "What is the X of…", "¿Cuál es la X de…?". Spanish "cuánto" is left out: a verb follows it
# as often as a noun ("¿Cuánto costó…?"), and "cuántos"/"cuántas" count plural nouns, which end in -s ("¿Cuántos
# murieron?" counts no noun).
_ASKED_THING = tuple(re.compile(pattern) for pattern in (
    rf"\bhow (?:many|much)\s+(?P<thing>{_W})",
    rf"\bcuanta\s+(?P<thing>{_W})|\bcuant(?:os|as)\s+(?P<plural>{_W}s)\b",
    rf"\bname of (?:the |a |an )?(?:{_W}['’]s )?(?P<thing>{_W}(?:[ -]{_W}){{0,3}}?)"
    r"(?=\s+(?:of|in|on|at|for|from|to|by|that|which|who|whose|where|is|was|are|were|did|does|do|[^\W\d_]+ed)\b|"
    r"\s*[?.,]|\s*$)",
    rf"\bnombre (?:de la |de los |de las |del |de )(?P<thing>{_W})",
    rf"^\s*(?:what|which) (?:is|was|are|were) the (?P<thing>{_W}) of\b",
    rf"^\s*¿?cual (?:es|era|fue|son|eran) (?:el|la|los|las) (?P<thing>{_W}) (?:de|del)\b",
))
# "What is the flash point of…": a two-word thing, named by its last word. Too loose to say the passages never mention
# it ("the pressure limit" is "the maximum operating pressure"), enough to tell the field that answers it.
_COMPOUND_THING = re.compile(rf"^\s*(?:what|which) (?:is|was|are|were) the {_W} (?P<thing>{_W}) of\b")
# Words in those places that name no thing (names, aims, results, shares: an answer gives them without the word), and
# measures, which a figure's unit answers in any words ("How many years…?" by "from 1754 to 1763", "How much money…?"
# by "$5 million").
_NOT_A_THING = frozenset(
    "did does do is are was were has have had will would can could should must of the a an more less fewer "
    "larger bigger higher longer greater smaller lower further farther later earlier metric square cubic "
    "name surname nickname title nombre apellido apodo titulo "
    "goal purpose aim objective meaning role function reason cause effect result outcome ratio proportion percentage "
    "share rate size number amount total value objetivo proposito finalidad funcion papel significado razon causa "
    "efecto resultado proporcion porcentaje tasa tamano numero cantidad valor "
    "time times year years month months week weeks day days hour hours minute minutes second seconds people money "
    "km kilometers kilometres miles meters metres feet kilograms kg tons pounds dollars euros percent points "
    "de del la las los el veces anos meses semanas dias horas minutos segundos personas kilometros millas metros "
    "pies kilos kilogramos toneladas libras dolares puntos price prices cost costs fee fees charge precio precios "
    "coste costes costo costos tarifa tarifas importe".split()
)

# A thing defined by the clause after it ("the name of the process which confirms…") is answered by what it is ("the
# AKS test"), seldom by its word.
_DEFINED = re.compile(r"\s+(?:who|whom|which|that|whose|where|que|quien|quienes|cuyo|cuya|cuyos|cuyas|donde)\b")


def unmentioned_name(question: str, stems: Stems, texts: Iterable[str], across: bool = False) -> str:
    """A name ``question`` gives (capitalised words, not its first word, with the number that may follow: "Super Bowl
    40") whose last word none of ``texts`` holds, as the question writes it; "" when every name is there. ``stems``
    are the question language's word stems.

    ``across`` languages, a name is looked for only where the other language's spelling is known: a word the glossary
    translates ("Francia", "France"), also as a cognate ("Lutero", "Luther"), and a number after any capitalised word
    ("Super Bowl 40" is not there where only "Super Bowl 50" is; "State Route 180" is, as "Ruta 180"). Other words may be
    written otherwise ("Asamblea" and "Assembly", "Sudáfrica" and "South Africa"), and are taken as there."""
    texts = list(texts)
    folded = [fold(text) for text in texts]
    if not folded:
        return ""
    spellings: set[str] = set()  # the texts' words as both languages spell them, once a name needs them
    for run, number in _NAME_RUN.findall(question):
        words = [w for w in run.split() if stems(w)]
        if not words or len(fold(words[-1])) < NAME_MIN_LETTERS:
            continue
        word = re.sub(r"['’]s?$", "", fold(words[-1])).split("-")[0]
        translated = translations(word) | translations(fold(run)) if across else frozenset()
        if across and not (translated or number):
            continue
        held = [re.compile(_as_word(form) + (rf"\s+{number}\b" if number else "")) for form in {word, *translated}]
        if any(p.search(text) for p in held for text in folded):
            continue
        if across and number and re.search(rf"\b[A-Z][\w.]*\s+{number}\b", " ".join(texts)):
            continue
        if across and not number:
            spellings = spellings or {cognate_spelling(w) for text in folded for w in re.findall(r"[^\W\d_]{5,}", text)}
            if _cognate_of(cognate_spelling(word), spellings):
                continue
        return f"{words[-1]} {number}" if number else words[-1]
    return ""


# Across languages a name's first letters, as both languages spell them, tell it: "lutero" and "luther" (as "luter"),
# "apolo" and "apollo"; six when both have them ("francia" is not "franchise"), else all five of the shorter.
NAME_COGNATE_LETTERS = 6


def _cognate_of(spelled: str, spellings: set[str]) -> bool:
    """Whether a word spelled ``spelled`` shares its first letters with one of ``spellings``."""
    return any(other[:NAME_COGNATE_LETTERS] == spelled[:NAME_COGNATE_LETTERS] if min(len(other), len(spelled)) > 5
               else other[:5] == spelled[:5] for other in spellings if len(spelled) >= 5)


def _as_word(word: str, plural: bool = False) -> str:
    """A pattern for ``word`` (folded) as a whole word, or its English plural ("Huguenots" for "Huguenot"); not after a
    vowel, as a name ("Marte" is not "martes", Tuesdays), but for a common noun (``plural``): "gasto" is in "los gastos"
    (a travel policy's "Los gastos se presentan…" was said never to mention the «gasto» asked about)."""
    return rf"\b{re.escape(word)}{'(?:e?s)?' if plural or word[-1] not in 'aeiou' else ''}\b"


# What "the X of Y" asks about: its Y ("acetone" in "What is the boiling point of acetone?").
_SUBJECT = (
    re.compile(rf"^\s*(?:what|which) (?:is|was|are|were) the (?:{_W} )?(?P<x>{_W}) of (?:the |a |an )?"
               rf"(?P<subject>{_W})"),
    re.compile(rf"^\s*¿?cual (?:es|era|fue|son|eran) (?:el|la|los|las) (?P<x>{_W}) (?:de|del) (?:la |los |las |el )?"
               rf"(?P<subject>{_W})"),
)


def unmentioned_subject(question: str, texts: Iterable[str]) -> str:
    """The Y of a question "What is the X of Y?" when none of ``texts`` holds it as a word, as the question writes it;
    "" when they do or the question is not so asked."""
    folded = fold(question)
    match = next((m for m in (p.search(folded) for p in _SUBJECT) if m), None)
    if not match or match.group("x") in _NOT_A_THING or len(match.group("subject")) < NAME_MIN_LETTERS:
        return ""  # "the name of the process which…" names no subject
    written = question[match.start("subject"): match.end("subject")]
    held = re.compile(_as_word(match.group("subject"), plural=written.islower()))
    if any(held.search(fold(text)) for text in texts):
        return ""
    return written


def asked_thing(question: str, compound: bool = False) -> str:
    """The word for the thing ``question`` asks about ("habitantes" in "¿Cuántos habitantes tiene Fresno?", "airport"
    in "What is the name of Fresno's airport?"; with ``compound``, "point" in "What is the flash point of…?"), as the
    question writes it; "" when it names none, or a measure."""
    folded = fold(question)
    for pattern in (*_ASKED_THING, _COMPOUND_THING) if compound else _ASKED_THING:
        match = pattern.search(folded)
        word = match and (match.group("thing") or match.groupdict().get("plural"))
        word = word and re.split(r"[ -]", word)[-1]  # English names the thing last: "the guest Wi-Fi network"
        if word and word not in _NOT_A_THING and not _DEFINED.match(folded, match.end()):
            return question[match.end(match.lastgroup) - len(word): match.end(match.lastgroup)]
    return ""


def holds_thing(thing: str, text: str, stems: Stems, language: str, near: tuple[int, int] | None = None,
                across: bool = False) -> bool:
    """Whether ``text`` names ``thing`` (a question's word in ``language``): its stem, or a synonym from the glossary
    ("habitantes" and "población"), or, ``across`` languages, a translation or cognate; with ``near`` (a span of
    ``text``, the figure or name given as the answer), within ``NEAR_CHARS`` of it: "la carretera estatal 99 …
    centros de población" gives no population."""
    wanted = set(stems(thing))
    if not wanted:
        return True
    found = set(stems(text[max(0, near[0] - NEAR_CHARS): near[1] + NEAR_CHARS] if near else text))
    if across:
        return bool(shared_across_languages(wanted, found, language))
    return bool(wanted & found) or bool(same_meaning(wanted, found, language))


# How far from the short answer its thing must be named: "population was estimated at 853,382", "853 382 habitantes".
NEAR_CHARS = 50
