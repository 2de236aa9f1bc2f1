"""Questions that ask how to reach someone (a phone or fax number, an e-mail, a web address) and the text that says it."""
from __future__ import annotations

import re
from functools import lru_cache

from rag.analysis import fold

_PHONE = re.compile(r"(?<![\w.,])\+?\(?\d[\d ()./–-]{5,}\d(?!\w|[.,]\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WEB = re.compile(r"\bhttps?://\S+|\bwww\.[\w-]+(?:\.[\w/-]+)+|"
                  r"\b[\w-]+\.(?:com|org|gov|net|edu|es|eu|int)(?:/[\w./-]*)?\b")
# The means a question names, folded, and the text that gives it ("¿A qué teléfono llamo?", "What is the fax number?").
_MEANS = (
    (re.compile(r"\b(?:e-?mail|correo(?: electronico)?|e-?mail address|direccion de correo)\b"), _EMAIL),
    (re.compile(r"\b(?:website|web ?site|web ?page|web address|url|internet address|pagina web|sitio web|portal|"
                r"web)\b"), _WEB),
    (re.compile(r"\b(?:phone|telephone|fax|hotline|helpline|telefono|(?:phone|fax|telephone|contact) number|"
                r"numero de (?:telefono|fax|contacto))\b|\bnumber\b.*\bcall\b|\bnumero\b.*\bllam(?:o|ar|e)\b"), _PHONE),
)
# The words that name a means of contact, in both languages: a quote holding only these names no one to contact.
MEANS_WORDS = ("phone telephone fax email e-mail mail website web page portal address number call hotline helpline "
               "telefono teléfono correo electrónico dirección número llamar web página portal")
# A question asks for a means of contact when it opens with "what", "which", "where" or "cuál", "qué", "dónde" (maybe
# after a preposition); "How do I change my e-mail address?" or "Can I use my phone?" ask something else.
_ASKS = re.compile(r"^(?:(?:a|al|en|de|to|at|on)\s+)?(?:what|which|where|que|cual|cuales|donde)\b")
# A phone number has at least this many digits ("202–493–2251"; not "1.800" or "2023-07") and is no date.
MIN_PHONE_DIGITS = 7
# A number of seven or more digits with no word saying it is a phone's, as a match for a phone asked.
UNNAMED_NUMBER_FIT = 0.5
_PHONE_WORD = re.compile(r"\b(?:tel|tfno|tlf|phone|telephone|fax|telefono|movil|call|llame|llamar|hotline|helpline|"
                         r"whatsapp)\b")
# How far before a number the word that makes it a phone's may be ("call", "Tel.:", "llame al").
PHONE_WORD_CHARS = 20
# A line's label: a few words before a colon, after any bullet ("• Fax:", "- Self-service portal:", "Teléfono:").
_LABEL = re.compile(r"^\W*([^\W\d_][\w -]{0,40}?)\s*:")
_DATE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}")


@lru_cache(maxsize=256)
def contact_asked(question: str) -> re.Pattern | None:
    """The pattern of the means of contact ``question`` asks for, or None when it asks for none (once per question:
    every unit of a pool asks)."""
    folded = fold(question).strip(" ¿¡")
    if not _ASKS.match(folded):
        return None
    return next((pattern for cue, pattern in _MEANS if cue.search(folded)), None)


def contacts(text: str, pattern: re.Pattern) -> list[re.Match]:
    """The phone numbers, e-mails or web addresses (``pattern``) that ``text`` gives."""
    found = list(pattern.finditer(text))
    if pattern is _PHONE:
        found = [m for m in found
                 if sum(c.isdigit() for c in m.group()) >= MIN_PHONE_DIGITS and not _DATE.fullmatch(m.group().strip())]
    return found


def phone_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` gives phone or fax numbers, with a country code or an area code in brackets, or just after a word
    that says so ("call", "Tel."): no amount is read inside them ("+44 20 7946 0321" gave "44"; "1 160 000 000 millas"
    is a distance)."""
    return [m.span() for m in contacts(text, _PHONE) if m.group().startswith(("+", "("))
            or _PHONE_WORD.search(fold(text[max(0, m.start() - PHONE_WORD_CHARS): m.start()]))]


def offers_contact(text: str, question: str) -> float:
    """1 when ``text`` gives the means of contact ``question`` asks for (a number said to be a phone's or fax's:
    "AD 2018–23–51" is a directive's), ``UNNAMED_NUMBER_FIT`` for a number alone, else 0."""
    pattern = contact_asked(question)
    if pattern is None or not contacts(text, pattern):
        return 0.0
    return UNNAMED_NUMBER_FIT if pattern is _PHONE and not _PHONE_WORD.search(fold(text)) else 1.0


def _asked_words(question: str, pattern: re.Pattern) -> set[str]:
    """The words ``question`` names its means of contact by ("fax", "e-mail", "teléfono"), folded."""
    cue = next(cue for cue, means in _MEANS if means is pattern)
    words = {word.replace("-", "") for m in cue.finditer(fold(question)) for word in m.group().split()}
    return words - {"number", "numero", "de"}


def labelled(text: str, question: str) -> bool:
    """Whether ``text`` is a line labelled by the word the question asks by ("• Fax: 202–493–2251." for "What is the
    fax number…?", "- Self-service portal: https://…" for "…the IT self-service portal?")."""
    pattern = contact_asked(question)
    label = _LABEL.match(fold(text))
    return (pattern is not None and label is not None
            and bool(set(label.group(1).replace("-", "").split()) & _asked_words(question, pattern)))


def contact_phrase(question: str, text: str) -> str:
    """The number or address in ``text`` nearest after the word the question names it by ("Phone: 202-366-9317, Fax:
    202-493-2251" gives the fax for "What is the fax number?"); the first one without that word; "" when none."""
    pattern = contact_asked(question)
    found = contacts(text, pattern) if pattern is not None else []
    if not found:
        return ""
    words = _asked_words(question, pattern)
    folded = fold(text)
    named = ([m.end() for m in re.finditer(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", folded)]
             if len(folded) == len(text) else [])
    def distance(match: re.Match) -> float:
        return min((match.start() - end for end in named if end <= match.start()), default=float("inf"))
    return min(found, key=distance).group().strip(" .,;()")
