"""A field engineer's mixed library: Spanish verbs as conjugated, how long a thing lasts, a measure written with a
hyphen, a frequency in words in a table row, and the words of a question that only say how it is asked."""
from __future__ import annotations

import pytest

from rag.answer.abstention import question_keywords, quoted_in_full
from rag.answer.answer_phrase import answer_phrase
from rag.answer.evidence import Terms, evidence_stopwords, select_evidence
from rag.answer.question_kind import AMOUNT, FREQUENCY, measure_given, offers, question_kind
from rag.glossary import shared_across_languages, verb_forms
from tests.documents import make_docx


def test_a_spanish_verb_is_known_in_the_forms_a_question_uses():
    assert {"usa", "usan", "use"} <= set(verb_forms("usar"))
    assert {"mueve", "coloque", "cierra", "pide"} <= set(verb_forms("mover") + verb_forms("colocar") + verb_forms("cerrar")
                                                          + verb_forms("pedir"))
    assert verb_forms("mes") == () and verb_forms("política") == ()
    # "¿Qué aceite usa la HP-200?" over "Use only ISO VG 46 hydraulic oil."; "se mueve" over "the ram moves"
    assert shared_across_languages({"usa", "muev"}, {"use", "onli", "oil", "ram", "move"}, "es") == {"usa", "muev"}
    assert shared_across_languages({"usa"}, {"user", "manual"}, "es") == set()


@pytest.mark.parametrize("question", ["¿Cuánto dura la garantía de la prensa?", "How long does the warranty last?"])
def test_how_long_a_thing_lasts_is_a_time_not_a_length(question):
    assert question_kind(question) == AMOUNT
    assert offers(AMOUNT, "The HP-200 is covered by a 24-month warranty from the date of delivery.", question) == 1.0
    assert offers(AMOUNT, "Working stroke | Value: 350 mm", question) == 0.0
    assert offers(AMOUNT, "The hose is 15 m long.", "How long is the hose?") == 1.0
    charge = "¿Cuánto tarda una carga completa de la batería?"  # a time, though "carga" is a load
    assert offers(AMOUNT, "A full charge takes 8 hours.", charge) == 1.0
    assert offers(AMOUNT, "Rated capacity | Value: 2,500 kg", charge) == 0.0


def test_a_measure_written_with_a_hyphen_is_no_model_name():
    assert offers(AMOUNT, "The press has a 24-month warranty.", "How long is the warranty?") == 1.0
    assert offers(AMOUNT, "New operators attend a 3-day course.", "How long is the training?") == 1.0
    assert offers(AMOUNT, "See the Form 10-Q.", "How long is the warranty?") == 0.0


def test_a_speed_is_given_in_its_unit():
    question = "At what wind speed must work at height stop?"
    assert question_kind(question) == AMOUNT
    assert measure_given(question, "Se suspenden los trabajos con viento superior a 50 km/h.") == "speed"
    assert measure_given(question, "Trabaje a más de 2 metros de altura.") == ""


def test_how_often_is_answered_by_the_cell_that_gives_a_frequency_not_the_row_s_only_figure():
    row = "Casco | Revisión: Mensual | Vida útil: 4 años"
    assert question_kind("How often must a safety helmet be inspected?") == FREQUENCY
    assert answer_phrase("How often must a safety helmet be inspected?", FREQUENCY, row, row=True) == "Mensual (Revisión)"
    assert answer_phrase("How often should the filter be replaced?", FREQUENCY,
                         "Replace the return filter | Interval: Every 500 operating hours", row=True) == (
        "500 operating hours (Interval)")


def test_the_words_that_say_how_a_question_is_asked_do_not_decide_whether_it_is_answered(tmp_path, fake_engine):
    engine = fake_engine()
    engine.ingest([make_docx(tmp_path / "it.docx", [("h1", "IT Security Policy"), (
        "p", "If you clicked a link or entered your password, call the security hotline at once.")])])
    keyword = engine.keyword_index()
    assert question_keywords("¿Qué hago si he hecho clic en un enlace de phishing?", "es", keyword) == {
        "clic", "enlac", "phishing"}


def _english_over_spanish(tmp_path, fake_engine, blocks, question):
    engine = fake_engine(chunk_tokens=96, chunk_overlap=0)
    engine.ingest([make_docx(tmp_path / "procedimiento.docx", blocks)])
    hits, _ = engine._search(engine.collection, question, 3, "fused")
    selection = select_evidence(question, hits, Terms("en", evidence_stopwords()), across_languages=True)
    spanish = {h.doc_id: "es" for h in hits}
    return selection, quoted_in_full(question, "en", selection, spanish, engine.keyword_index())


def test_an_english_question_that_says_must_is_answered_by_the_spanish_rule(tmp_path, fake_engine):
    """"Must" is said by the Spanish rule's verb, "speed" by its "50 km/h", "stop" by "se suspenden"."""
    blocks = [("h1", "Trabajo en altura"), ("p", "Se suspenden los trabajos en altura al aire libre con viento superior "
                                                 "a 50 km/h o con hielo en la superficie de trabajo.")]
    selection, answers = _english_over_spanish(tmp_path, fake_engine, blocks, "At what wind speed must work at height stop?")
    assert answers
    assert selection.chosen[0].answer == "50 km/h"


def test_an_english_question_on_paid_leave_is_answered_by_the_spanish_table_row(tmp_path, fake_engine):
    blocks = [("h1", "Política de vacaciones y permisos"), ("h2", "Permisos retribuidos"),
              ("table", [["Motivo", "Duración"], ["Matrimonio", "15 días naturales"], ["Mudanza", "1 día"]])]
    selection, _ = _english_over_spanish(tmp_path, fake_engine, blocks, "How long is paid leave for marriage?")
    assert selection.chosen[0].holds_all, "paid leave is the heading's 'Permisos retribuidos', how long its '15 días'"
    assert selection.chosen[0].unit.text == "Matrimonio | Duración: 15 días naturales"
    assert selection.chosen[0].answer == "15 días naturales (Duración)"


def test_a_column_named_by_a_two_letter_abbreviation_is_the_one_asked():
    row = "Seat | Price (EU): 310 € | Price (US): $350"
    assert answer_phrase("What does the seat cost in the US?", AMOUNT, row, row=True) == "$350 (Price (US))"
    assert answer_phrase("Can you tell us what the seat costs?", AMOUNT, row, row=True) == "310 € (Price (EU))"


def test_an_english_question_finds_the_spanish_faq_answer_under_its_translated_question(tmp_path, fake_engine):
    blocks = [("h1", "Preguntas frecuentes sobre la nómina"), ("h2", "¿Cómo cambio mi cuenta bancaria?"),
              ("p", "Envíe el formulario F-12 a Administración de Personal antes del día 15 para que el cambio se aplique "
                    "ese mes.")]
    selection, _ = _english_over_spanish(tmp_path, fake_engine, blocks, "How do I change my bank account?")
    assert selection.chosen[0].unit.text.startswith("Envíe el formulario F-12")
    assert selection.chosen[0].holds_all, "'bank account' is the heading's 'cuenta bancaria'"
