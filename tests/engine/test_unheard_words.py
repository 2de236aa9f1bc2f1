"""A question whose words the library never uses needs its passages to match it more before Faro answers it."""
from __future__ import annotations

import pytest

from rag.answer import abstention
from rag.answer.abstention import keyword_coverage, library_answers, min_relevance, question_keywords, relevance
from rag.store.keyword_index import KeywordIndex
from rag.types import Hit

LIBRARY = [
    "Felipe II de España ordenó a Pedro Menéndez de Avilés que protegiera los intereses de España en Florida.",
    "El explorador Jean Ribault dibujó el río St. Johns en 1562 y lo llamó río de mayo.",
    "Los hugonotes fundaron Fort Caroline en la desembocadura del río en 1564.",
]
BASE = 0.6


def _index(tmp_path, passages) -> KeywordIndex:
    index = KeywordIndex(tmp_path / "kw")
    index.rebuild([(f"c{n}", text, "es") for n, text in enumerate(passages)], 1)
    return index


def _hits(passages) -> list[Hit]:
    return [Hit(f"c{n}", "d1", "historia.pdf", text, 1.0, 0.5, 0.5, 1, 1, 0, len(text), "") for n, text in enumerate(passages)]


def _just_enough(question: str, index: KeywordIndex, best: str) -> float:
    """The cosine that puts the best passage just over what a Spanish question needs without the rule."""
    asked = question_keywords(question, "es", index)
    coverage = keyword_coverage(asked, set(index.tokenize(best, "es")), "", index.rarity(asked))
    return min_relevance(BASE, "es", "es") - relevance(0.0, coverage, True) + abstention.UNHEARD_WORDS_MARGIN / 2


def test_two_words_no_passage_holds_make_a_question_need_more_than_its_passages_give(tmp_path):
    """Over articles that speak of Spain but never of a passport, "¿Cómo se renueva el pasaporte en España?" got
    Felipe II's orders as its answer: its Spanish cosine was as high as an answerable question's."""
    index = _index(tmp_path, LIBRARY)
    question = "¿Cómo se renueva el pasaporte en España?"
    assert index.unheard(question_keywords(question, "es", index)) == {"renuev", "pasaport"}
    dense = _just_enough(question, index, LIBRARY[0])
    assert not library_answers(question, "es", {"d1": "es"}, _hits(LIBRARY), dense, index, BASE)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(abstention, "UNHEARD_WORDS_MARGIN", 0.0)
        assert library_answers(question, "es", {"d1": "es"}, _hits(LIBRARY), dense, index, BASE)


def test_one_unheard_word_or_a_library_that_uses_them_leaves_the_bar_where_it_was(tmp_path):
    """A verb the question conjugates otherwise than the article ("¿Qué dibujó Ribault…?" over "dibujó" is heard, but
    "trazó" would not be) costs nothing on its own; and a library that speaks of passports answers as before."""
    index = _index(tmp_path, LIBRARY)
    question = "¿Qué trazó Jean Ribault en 1562?"
    assert len(index.unheard(question_keywords(question, "es", index))) == 1
    assert library_answers(question, "es", {"d1": "es"}, _hits(LIBRARY), _just_enough(question, index, LIBRARY[1]),
                           index, BASE)
    passports = LIBRARY + ["El pasaporte se renueva en la comisaría con la cita previa."]
    index = _index(tmp_path, passports)
    question = "¿Cómo se renueva el pasaporte en España?"
    assert not index.unheard(question_keywords(question, "es", index))
    assert library_answers(question, "es", {"d1": "es"}, _hits(LIBRARY), _just_enough(question, index, LIBRARY[0]),
                           index, BASE)
