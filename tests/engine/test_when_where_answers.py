"""Short answers for times of day, spans of days, places after "is" and identifiers; a measure's unit and a phrase's
translation counted as the question's words when deciding to answer."""
from __future__ import annotations

import pytest

from rag.answer.abstention import quoted_in_full
from rag.answer.answer_phrase import answer_phrase
from rag.answer.evidence import Terms, evidence_stopwords, select_evidence
from rag.answer.passage_units import row_cells
from rag.answer.question_kind import AMOUNT, DATE, OTHER, measure_given, offers, other_unit, question_kind
from rag.glossary import phrases_translated
from tests.documents import make_docx

BULLETIN = "From 1 December the canteen opens at 6:30 and closes at 15:00 on weekdays."


@pytest.mark.parametrize("question, text, expected", [
    ("When does the canteen open?", BULLETIN, "6:30"),
    ("When does the canteen close?", BULLETIN, "15:00"),
    ("¿A qué hora cierra el comedor?", "El comedor abre a las 6:30 y cierra a las 15:00.", "15:00"),
    ("When will line 3 be shut down?", "Line 3 will be shut down from 14 to 18 December for a new filler.",
     "14 to 18 December"),
    ("¿Cuándo se para la línea 3?", "La línea 3 se para del 14 al 18 de diciembre.", "14 al 18 de diciembre"),
    ("When was the treaty signed?", "The treaty was signed on 4 July 1776 and ratified in 1777.", "4 July 1776"),
    ("¿Cuándo es la comida de celebración?", "El equipo recibirá una comida de celebración el viernes 22 de enero.",
     "viernes 22 de enero"),
])
def test_when_is_answered_by_the_time_or_the_days_next_to_the_verb(question, text, expected):
    assert question_kind(question) == DATE
    assert answer_phrase(question, DATE, text) == expected


def test_a_time_of_day_answers_when():
    assert offers(DATE, "The last bus back leaves the plant at 23:10.") == 1.0
    assert offers(DATE, "The pump delivers 12.50 bar at 1,800 rpm.") < 1.0


@pytest.mark.parametrize("question, text, expected", [
    ("Where is the assembly point?", "In case of fire, press the nearest alarm button and leave by the marked exits. "
     "The assembly point is the north car park.", "the north car park"),
    ("¿Dónde está el punto de reunión?", "El punto de reunión está junto a la garita, en el aparcamiento norte.",
     "junto a la garita"),
    ("Where is the first aid room?", "First aiders wear a green armband; the first aid room is next to gate 2.",
     "next to gate 2"),
])
def test_where_is_answered_by_what_the_text_says_the_thing_is(question, text, expected):
    assert answer_phrase(question, OTHER, text) == expected


def test_a_serial_number_is_given_whole_and_gives_no_figure_to_a_row():
    assert answer_phrase("What is the serial number of the coolant pump?", OTHER, "Serial No.: 44-19-07731",
                         row=True) == "44-19-07731"
    assert answer_phrase("¿Cuál es el número de pieza del filtro?", OTHER, "Filtro de agua, pieza PS-7731-B.") == "PS-7731-B"
    assert row_cells("Serial No.: 44-19-07731") == []
    assert row_cells("Total net sales 81,797 82,959") == [("", "81,797"), ("", "82,959")]


def test_a_measure_asked_is_named_by_a_figure_in_its_unit():
    question = "¿A qué distancia del suelo se coloca la unidad exterior?"
    assert measure_given(question, "Coloque la unidad a un mínimo de 30 cm del suelo.") == "distancia"
    assert measure_given(question, "La unidad pesa 118 kg.") == ""
    assert measure_given("How loud is the pump?", "It runs at 52 dB(A).") == "loud"


def test_how_much_a_machine_can_lift_is_a_weight():
    question = "How much can the FL-25 lift?"
    assert measure_given(question, "Rated capacity | Value: 2,500 kg") == "lift"
    assert other_unit("Maximum lift height | Value: 4,700 mm", question)
    assert other_unit("Orion warrants the FL-25 for 24 months or 3,000 operating hours.", question)


@pytest.mark.parametrize("question", ["What should the water pressure be?", "What is the maximum lift height of the FL-25?",
                                      "What is the power of the KX-440 pump?",
                                      "What was the average household size?"])
def test_a_measure_named_after_other_words_is_an_amount(question):
    assert question_kind(question) == AMOUNT


def test_a_phrase_of_the_glossary_is_translated_whole():
    assert phrases_translated("¿Dónde está el punto de reunión en caso de incendio?",
                              "In case of fire, leave by the marked exits. The assembly point is the car park.") == (
        "punto de reunion en caso de")
    assert phrases_translated("¿Dónde está el punto de reunión?", "The meeting room is on the first floor.") == ""


def test_a_quote_answers_a_question_whose_measure_it_gives_in_its_unit(tmp_path, fake_engine):
    engine = fake_engine(chunk_tokens=64, chunk_overlap=0)
    question = "¿A qué distancia del suelo se coloca la unidad exterior?"
    make_docx(tmp_path / "manual.docx", [("h1", "Ubicación de la unidad exterior"), (
        "p", "Coloque la unidad exterior sobre una base firme, a un mínimo de 30 cm del suelo y a 50 cm de la pared.")])
    engine.ingest([tmp_path])
    hits, _ = engine._search(engine.collection, question, 3, "fused")
    selection = select_evidence(question, hits, Terms("es", evidence_stopwords()))
    spanish = {h.doc_id: "es" for h in hits}
    assert quoted_in_full(question, "es", selection, spanish, engine.keyword_index())
    assert not quoted_in_full("¿A qué distancia del suelo se coloca la bomba de calor?", "es", selection, spanish,
                              engine.keyword_index())


def test_a_spanish_question_is_answered_by_an_english_quote_that_holds_its_phrase_translated(tmp_path, fake_engine):
    engine = fake_engine(chunk_tokens=64, chunk_overlap=0)
    question = "¿Dónde está el punto de reunión en caso de incendio?"
    make_docx(tmp_path / "rules.docx", [("h1", "Emergencies"), (
        "p", "In case of fire, press the nearest alarm button and leave by the marked exits; the assembly point is "
             "the north car park.")])
    engine.ingest([tmp_path])
    hits, _ = engine._search(engine.collection, question, 3, "fused")
    selection = select_evidence(question, hits, Terms("es", evidence_stopwords()), across_languages=True)
    english = {h.doc_id: "en" for h in hits}
    assert quoted_in_full(question, "es", selection, english, engine.keyword_index())
    assert not quoted_in_full("¿Dónde está la sala de reuniones en caso de incendio?", "es", selection, english,
                              engine.keyword_index())
