"""The words evidence is scored by: accent-folded Snowball stems, without stop words or the words of asking."""
from __future__ import annotations

import re
from functools import lru_cache

from rag.analysis import spell_out
from rag.answer.question_kind import fold

# Words that say how a question is asked, not what it is about ("¿Puedo volar en business?" is not about "puede
# teletrabajar"; "How many vacation days do I get per year?" is not about getting). "Must" and "should" stay: what a
# policy requires is often what is asked. "Hacer" is Spanish "do" ("¿Qué debo hacer si estoy enfermo?"); "What happens
# if I do not comply…?" asks what the policy says of not complying.
FILLER = frozenset(
    "what which how when where who whom whose why much many does did do was were is are has have "
    "cual cuales cuanto cuanta cuantos cuantas cuando donde quien quienes como "
    "report reported reports reporting latest recent recently most filing filings disclose disclosed mention mentioned "
    "provide provided specific specifically significant detail details according document documents state stated "
    "indica indicado segun documento documentos informe "
    "can puedo puede puedes podemos pueden poder podria name named called nombre llamado llamada llama "
    "get gets got getting per hacer hago hace hacemos hecho happen happens happened ocurre pasa sucede "
    "my your our mi mis tu tus nuestro nuestra".split()
)
# Words that say a thing is required, which another language says by its imperative ("Cargue la batería cuando…" for
# "When should the battery be charged?"): a passage in the other language holds them.
MODALS = "should must debe deben deberia hay tiene tienen"
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# PDF text sometimes loses the space between two capitalised words ("NorthAmerica" for "North America").
_JOINED_WORDS = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


class Terms:
    """Accent-folded Snowball word stems (PyStemmer) without stop words."""

    def __init__(self, language: str, stopwords: frozenset[str] = frozenset()) -> None:
        import Stemmer

        self.stopwords = stopwords | FILLER
        self.language = language
        self._stem = Stemmer.Stemmer("spanish" if language == "es" else "english").stemWord

    def __call__(self, text: str) -> list[str]:
        text = _JOINED_WORDS.sub(" ", spell_out(text))
        return [self._stem(w) for w in _WORD.findall(fold(text)) if w not in self.stopwords and (len(w) > 1 or w.isdigit())]

    def other(self) -> "Terms":
        """The same analysis for text in the other language (English and Spanish), whose stems translations are
        compared with."""
        return Terms("en" if self.language == "es" else "es", self.stopwords)


@lru_cache(maxsize=None)
def evidence_stopwords() -> frozenset[str]:
    """English and Spanish stopwords (bm25s's lists, accent-folded): the list the evidence weights were tuned with."""
    from bm25s.stopwords import STOPWORDS_EN, STOPWORDS_SPANISH

    return frozenset(fold(w) for w in (*STOPWORDS_EN, *STOPWORDS_SPANISH))
