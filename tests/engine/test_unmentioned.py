"""A question about a name or thing the passages found never mention gets "may not answer", not a figure from them."""
from __future__ import annotations

import pytest

from rag.answer.evidence import Terms, evidence_stopwords
from rag.answer.unmentioned import asked_thing, holds_thing, unmentioned_name, unmentioned_subject
from tests.documents import make_docx
from tests.fakes import FakeGenerator

SPANISH = Terms("es", evidence_stopwords())
ENGLISH = Terms("en", evidence_stopwords())


@pytest.mark.parametrize("question, thing", [
    ("¿Cuántos habitantes tiene Fresno?", "habitantes"),
    ("¿Cuánta lluvia cae en el Amazonas cada año?", "lluvia"),
    ("How many pharmacists work in the UK?", "pharmacists"),
    ("What is the name of Fresno's airport?", "airport"),
    ("What is the name of the guest Wi-Fi network?", "network"),
    ("What is the name of the French colony established in 1564?", "colony"),
    ("¿Cuál es el nombre del aeropuerto de Fresno?", "aeropuerto"),
    ("What is the population of Newcastle's twin city?", "population"),
    ("¿Cuál es el PIB de Fresno?", "PIB"),
    # Measures, prices and shares are given by a figure's unit, whatever the words.
    ("How many years did the war last?", ""),
    ("How much money did the film make?", ""),
    ("What is the price of the salad bar per kg?", ""),
    ("What was the ratio of British settlers to French?", ""),
    # "Cuántos" before a verb counts no noun; a thing defined by a clause is answered by what it is.
    ("¿Cuántos murieron en la epidemia?", ""),
    ("What is the name of the process which confirms the primality of a number?", ""),
    ("¿Cuál es el nombre de los asuntos que están fuera de su competencia?", ""),
])
def test_the_thing_a_question_asks_about_is_found_by_how_it_is_asked(question, thing):
    assert asked_thing(question) == thing


def test_a_two_word_thing_is_too_loose_to_call_unmentioned():
    """"What is the pressure limit of pump 1?" over "The maximum operating pressure of the booster pump is sixteen
    bar" was hedged "do not mention “limit”", and the model's right answer marked as not found."""
    assert asked_thing("What is the pressure limit of the booster pump?") == ""
    assert asked_thing("What is the flash point of isopropyl alcohol?", compound=True) == "point"


def test_a_name_no_passage_holds_is_reported_as_the_question_writes_it():
    passages = ["La Universidad de Northumbria se estableció en 1969.", "Ganó el premio de Sunday Times en el año 2000."]
    assert unmentioned_name("¿En qué año se fundó la Universidad de Chicago?", SPANISH, passages) == "Chicago"
    assert unmentioned_name("¿En qué año se fundó la Universidad de Northumbria?", SPANISH, passages) == ""
    # The stem and the word both count ("Germany" is stemmed "germani"); a question's first word is no name.
    assert unmentioned_name("What are private schools in Germany called?", ENGLISH, ["Schools in Germany are..."]) == ""
    assert unmentioned_name("Which Doctor Who actor was born here?", ENGLISH, ["The Doctor travels."]) == ""
    # Two-letter names are written too many ways ("UK", "U.K.", "United Kingdom") to tell.
    assert unmentioned_name("How many pharmacists work in the UK?", ENGLISH, ["Pharmacists in Britain."]) == ""


def test_a_name_is_matched_as_a_word_with_its_number_and_english_plural():
    bowls = ["Denver won Super Bowl 50.", "John Elway won Super Bowl XXXIII."]
    assert unmentioned_name("Who was Denver's head coach in Super Bowl 40?", ENGLISH, bowls) == "Bowl 40"
    assert unmentioned_name("Who was Denver's coach in Super Bowl 50?", ENGLISH, bowls) == ""
    # A year or a number after a possessive is not part of the name.
    assert unmentioned_name("What did Denver's 2015 defense allow?", ENGLISH, bowls) == ""
    assert unmentioned_name("How many games did the Panthers' defense win?", ENGLISH, ["The Panthers won."]) == ""
    assert unmentioned_name("When did the first Huguenot arrive?", ENGLISH, ["Huguenots fled France."]) == ""
    # "Marte" is not "martes" (Tuesdays), although both stem to "mart".
    sessions = ["Las comisiones se reúnen los martes y los jueves."]
    assert unmentioned_name("¿Cuánto oxígeno tiene la atmósfera de Marte?", SPANISH, sessions) == "Marte"


def test_the_subject_of_what_is_the_x_of_y_must_be_in_the_passages():
    sds = ["Isopropyl alcohol 99%", "Boiling point 82 °C"]
    assert unmentioned_subject("What is the boiling point of acetone?", sds) == "acetone"
    assert unmentioned_subject("What is the boiling point of isopropyl alcohol?", sds) == ""
    assert unmentioned_subject("¿Cuál es la densidad del etanol?", ["Densidad 0,785 g/cm3"]) == "etanol"
    # A common noun is there in its plural; a name is not ("Marte" is not "martes", above).
    policy = ["Dieta diaria | Nacional: 45 €", "Los gastos se presentan en el portal de gastos."]
    assert unmentioned_subject("¿Cuál es el límite de gasto en comidas?", policy) == ""
    assert unmentioned_subject("¿Cuál es el límite de alojamiento?", policy) == "alojamiento"
    # "The name of the process which…" asks for a name, not about the process.
    assert unmentioned_subject("What is the name of the process which confirms primality?", sds) == ""


def test_a_thing_counts_only_when_named_near_the_figure_given_as_the_answer():
    road = ("A Fresno se puede acceder por la carretera estatal 99, la principal autopista norte/sur que conecta los "
            "principales centros de población del Valle Central.")
    at = road.index("99")
    assert holds_thing("habitantes", road, SPANISH, "es")  # "población" is a synonym, somewhere in the sentence
    assert not holds_thing("habitantes", road, SPANISH, "es", (at, at + 2))
    census = "Según el censo de 2010, la ciudad tenía una población de 494 665 personas."
    at = census.index("494")
    assert holds_thing("habitantes", census, SPANISH, "es", (at, at + 7))


def _library(fake_engine, folder, title: str, text: str, **settings):
    """An engine (Spanish messages unless ``settings`` say) over one Word document: ``title`` and a paragraph of
    ``text``."""
    engine = fake_engine(**{"chunk_tokens": 64, "chunk_overlap": 0, "language": "es", **settings})
    make_docx(folder / "documento.docx", [("h1", title), ("p", text)])
    engine.ingest([folder])
    return engine


def test_a_count_of_something_the_passages_never_mention_is_hedged_without_a_figure(tmp_path, fake_engine):
    engine = _library(fake_engine, tmp_path, "Villaverde", "Villaverde se encuentra al oeste de la autopista 41 y al sur "
                      "de la avenida Nielsen. El barrio de Villaverde es uno de los más antiguos de la ciudad.")
    answer = engine.ask("¿Cuántos habitantes tiene el barrio de Villaverde?")
    assert not answer.abstained and answer.weak
    assert not any(e.answer for e in answer.evidence)  # not "→ 41"
    assert "no mencionan «habitantes»" in answer.note


def test_a_figure_far_from_the_thing_counted_is_not_its_count(tmp_path, fake_engine):
    """"¿Cuántos habitantes tiene Fresno?" showed "→ 99" from a road's number in a sentence about "centros de población"."""
    engine = _library(fake_engine, tmp_path, "Villaverde", "Al barrio de Villaverde se puede acceder por la carretera "
                      "estatal 99, la principal autopista norte/sur que conecta los principales centros de población del valle.")
    answer = engine.ask("¿Cuántos habitantes tiene el barrio de Villaverde junto a la carretera estatal?")
    assert not answer.abstained and answer.weak and not any(e.answer for e in answer.evidence)
    assert "no mencionan" not in answer.note  # "población" is there, only not as the count


def test_a_count_the_passages_state_is_answered_with_its_figure(tmp_path, fake_engine):
    engine = _library(fake_engine, tmp_path, "Villaverde", "Villaverde se encuentra al oeste de la autopista 41. "
                      "Villaverde tiene 12 500 habitantes según el censo.")
    answer = engine.ask("¿Cuántos habitantes tiene Villaverde?")
    assert not answer.weak
    assert answer.evidence[0].answer.startswith("12 500")


def test_a_question_about_a_name_the_library_never_mentions_is_hedged(tmp_path, fake_engine):
    engine = _library(fake_engine, tmp_path, "Universidades de Newcastle", "La Universidad de Northumbria se fundó en "
                      "1969 como politécnico. Ganó el premio a la Universidad del Año en el año 2000.")
    answer = engine.ask("¿En qué año se fundó la Universidad de Chicago?")
    assert not answer.abstained and answer.weak and not any(e.answer for e in answer.evidence)  # not "→ 2000"
    assert "no mencionan «Chicago»" in answer.note
    named = engine.ask("¿En qué año se fundó la Universidad de Northumbria?")
    assert not named.weak and named.evidence[0].answer == "1969"


def test_the_model_s_sentence_about_what_the_passages_never_mention_is_not_shown_as_sourced(tmp_path, fake_engine):
    """"The boiling point of acetone is 82 °C [1]" over a data sheet about isopropyl alcohol: its figure is in the
    source, so it was shown as checked."""
    engine = _library(fake_engine, tmp_path, "Isopropyl alcohol data sheet", "The boiling point of isopropyl alcohol "
                      "is 82 °C. Store it below 25 °C.", language="en",
                      generator=FakeGenerator("The boiling point of acetone is 82 °C [1]."))
    answer = engine.ask("What is the boiling point of acetone?")
    assert answer.weak and "do not mention “acetone”" in answer.note
    assert [(s.supported, s.missing) for s in answer.sentences] == [(False, ("acetone",))]


def test_the_model_s_figure_for_a_thing_the_passages_never_mention_is_not_shown_as_sourced(tmp_path, fake_engine):
    """"Villaverde tiene 41 habitantes [1]": the 41 is in the source (a motorway), the inhabitants are not."""
    engine = _library(fake_engine, tmp_path, "Villaverde", "Villaverde se encuentra al oeste de la autopista 41 y al sur "
                      "de la avenida Nielsen. El barrio de Villaverde es uno de los más antiguos de la ciudad.",
                      generator=FakeGenerator("El barrio de Villaverde tiene 41 habitantes [1]."))
    answer = engine.ask("¿Cuántos habitantes tiene el barrio de Villaverde?")
    assert [(s.supported, s.missing) for s in answer.sentences] == [(False, ("habitantes",))]


def test_a_name_is_looked_for_across_languages_as_translated_or_as_a_cognate():
    terms = Terms("es", evidence_stopwords())
    filing = ["Common stock and additional paid-in capital: Ending balances 70,667. The franchise business grew."]
    assert unmentioned_name("¿Cuál es la capital de Francia?", terms, filing, across=True) == "Francia"
    assert unmentioned_name("¿Qué ciudad de Francia?", terms, ["Paris is in France."], across=True) == ""
    assert unmentioned_name("¿Qué propugnó Lutero?", terms, ["Luther advocated confession."], across=True) == ""
    apollo = ["The surviving data from Apollo 11 was compiled by Nafzger."]
    assert unmentioned_name("¿Quién recopiló los datos del Apolo 11?", terms, apollo, across=True) == ""
    assert unmentioned_name("¿Quién recopiló los datos del Apolo 12?", terms, apollo, across=True) == "Apolo 12"
    anthem = ["Lady Gaga sang the national anthem of the United States."]
    assert unmentioned_name("¿Quién cantó el himno de Estados Unidos?", terms, anthem, across=True) == ""


def test_a_spanish_question_about_a_name_an_english_library_never_mentions_is_hedged(tmp_path, fake_engine):
    """"¿Cuál es la capital de Francia?" over filings in English showed "→ 70,667" (a paid-in capital) and the bundled
    model's "La capital de Francia es 70,667 [1]" as checked: the figure is in the source, and the name was looked for
    only in passages in the question's language."""
    engine = _library(fake_engine, tmp_path, "Capital report", "Common stock and additional paid-in capital: the ending "
                      "balance was 70,667 million dollars. The capital of the company grew in the quarter.",
                      generator=FakeGenerator("La capital de Francia es 70,667 [1]."))
    answer = engine.ask("¿Cuál es la capital de Francia?")
    assert not answer.abstained and answer.weak and "no mencionan «Francia»" in answer.note
    assert [(s.supported, s.missing) for s in answer.sentences] == [(False, ("Francia",))]
