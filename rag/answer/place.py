"""The place a "where" question asks for, inside a sentence: the phrase after a preposition of place ("in Edinburgh")."""
from __future__ import annotations

import re

from rag.analysis import stopwords
from rag.answer.question_kind import fold

_WHERE = re.compile(r"^\W*(?:where|from where|(?:en |a |de |hacia )?donde)\b")
_PREPOSITION = (r"in|at|on|near|along|inside|within|between|across|throughout|behind|under|underneath|beneath|below|"
                r"above|beside|next to|outside|en|entre|cerca de|a lo largo de|dentro de|junto a|debajo de|detr[aá]s de|"
                r"delante de|encima de|al lado de|fuera de|a la (?:izquierda|derecha) de|bajo")
# A preposition of place, not a verb's particle before another ("sign in at the desk"), then up to seven words to the
# next comma, clause or verb-like word.
_PLACE = re.compile(
    rf"\b(?:{_PREPOSITION})\s+(?!(?:{_PREPOSITION})\b)"
    r"((?:(?:the|a|an|el|la|los|las|un|una)\s+)?[^\W\d_][\w'’-]*(?:\s+(?:of|de|del|and|y|the|la|el)?\s*[^\W_][\w'’-]*){0,6})",
    re.I)
# Where the phrase stops: a word that starts a new clause or an example ("in Edinburgh provided that…", "entre P y
# PSPACE como RP"), or "and" before a lower-case word ("in the main lobby and wear a badge"; "North and West Africa" goes on).
_CLAUSE_WORD = re.compile(r"\s+(?:(?i:provided|but|while|which|who|that|where|when|because|if|such as|like|including|"
                          r"pero|que|donde|cuando|porque|si|mientras|siempre|como|incluido|incluidos)|(?:and|y)(?=\s+[a-záéíóúñ]))\b.*$")
# A time or a manner is not a place ("in 1830", "in the summer of 1521", "in earnest", "en activo").
_NOT_PLACE = re.compile(
    r"\b(?:1\d\d\d|20\d\d|january|february|march|april|may|june|july|august|september|october|november|december|enero|"
    r"febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|spring|summer|autumn|fall|"
    r"winter|primavera|verano|otono|invierno|century|siglo|year|ano|time|tiempo|order|orden|addition|adicion|fact|general|"
    r"particular|terms|virtud|earnest|activo|sola|solo|total|part|parte|favor|favour|response|respuesta|practice|"
    r"principle|contrast|short|summary|detail|advance|those|these|estos|estas|esos|esas|case|caso|event)\b", re.I)
# An e-mail or web address after a preposition is where to send or find something ("ordered by e-mail at
# parts@g7power.example").
_ADDRESS = re.compile(r"\b(?:at|to|on|via|en|a)\s+(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)[^\s,;]+)", re.I)
# A lower-case word between two capitalised ones belongs to a name ("ABC on Demand").
_IN_NAME = re.compile(r"[A-ZÁÉÍÓÚÑ][\w'’-]*\s+$")
# "Where is the assembly point?" over "The assembly point is the north car park.": what the question asks about, then
# "is", then the place.
_ASKED_ABOUT = re.compile(r"^\W*(?:where|donde)\s+(?:is|are|was|were|esta|estan|se encuentra|se encuentran|queda|quedan)\s+"
                          r"(?:the|a|an|el|la|los|las|un|una|my|our|mi|nuestro|nuestra)?\s*(.+?)[?\s]*$")
_IS = r"\s+(?:is|are|was|were|esta|estan|es|son|se encuentra|se encuentran|queda|quedan)\s+"
_PLACE_WORDS = r"((?:(?:the|a|an|el|la|los|las|un|una|in|at|on|en)\s+)*[^\W\d_][\w'’-]*(?:\s+[^\W_][\w'’-]*){0,6})"
_WORD = re.compile(r"[^\W_]+")


def place_phrase(question: str, text: str) -> str:
    """The phrase of ``text`` that says where, for a "where" ``question``: a preposition of place and what follows it
    (its last word not a stopword), nearest the question's words and not made of them; "" when none."""
    asked = fold(question)
    if not _WHERE.search(asked):
        return ""
    asking = stopwords("")
    question_words = {w for w in _WORD.findall(asked) if w not in asking}
    anchors = [m.start() for m in _WORD.finditer(fold(text)) if m.group() in question_words]
    named = _named_place(question, text)
    if named:
        return named
    best, best_distance = "", float("inf")
    for match in _PLACE.finditer(text):
        phrase = _CLAUSE_WORD.sub("", match.group(0)).rstrip(" ,.;:")
        words = _WORD.findall(fold(phrase))
        content = [w for w in words[1:] if w not in asking]
        if not content or all(w in question_words for w in content) or _NOT_PLACE.search(fold(phrase)):
            continue
        if _IN_NAME.search(text[: match.start()]) and match.group(1)[:1].isupper() and match.group(0)[:1].islower():
            continue
        while words and words[-1] in asking:  # "in nursing homes, but" ends at "homes"
            phrase = phrase[: fold(phrase).rfind(words.pop())].rstrip(" ,")
        distance = min((abs(match.start() - a) for a in anchors), default=0)
        if distance < best_distance:
            best, best_distance = phrase, distance
    for match in _ADDRESS.finditer(text):
        distance = min((abs(match.start() - a) for a in anchors), default=0)
        if distance <= best_distance:
            best, best_distance = match.group(0).rstrip(".,;:)"), distance
    return best


def _named_place(question: str, text: str) -> str:
    """What follows "<the thing asked about> is" in ``text``, up to the next clause: "the north car park"."""
    about = _ASKED_ABOUT.search(fold(question).strip())
    if not about:
        return ""
    subject = re.escape(about.group(1).strip()).replace(r"\ ", r"\s+")
    match = re.search(rf"\b{subject}{_IS}{_PLACE_WORDS}", fold(text), re.I)  # folding keeps each letter's place
    if not match:
        return ""
    phrase = _CLAUSE_WORD.sub("", text[match.start(1):match.end(1)]).rstrip(" ,.;:")
    return "" if _NOT_PLACE.search(fold(phrase)) else phrase
