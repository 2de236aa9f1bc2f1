"""A company's mixed library: banded table rows, the document that names what is asked, who a rule allows, measures
named by their unit, a schedule that says when, phone numbers before a comma, and words one language says in a phrase."""
from __future__ import annotations

import pytest

from rag.answer.answer_phrase import answer_phrase
from rag.answer.contact import offers_contact
from rag.answer.evidence import Terms, evidence_stopwords, select_evidence
from rag.answer.question_kind import AMOUNT, CONTACT, DATE, NAME, OTHER, offers, other_unit, question_kind
from rag.answer.row_ranges import band_fit
from rag.glossary import phrases_translated, shared_across_languages
from tests.documents import make_docx

HOLIDAYS = [("h1", "Employee Handbook"), ("h2", "Holiday entitlement"),
            ("table", [["Years of service", "Days of holiday"], ["Less than 2 years", "23"], ["2 to 5 years", "25"],
                       ["More than 5 years", "27"]])]


@pytest.mark.parametrize("label, question, fit", [
    ("2 to 5 years", "How many days of holiday do I get after 3 years?", 1),
    ("More than 5 years", "How many days of holiday do I get after 3 years?", -1),
    ("Less than 2 years", "How many days of holiday do I get after 3 years?", -1),
    ("More than 5 years", "¿Cuántos días de vacaciones tengo si llevo más de 5 años?", 1),
    ("2 to 5 years", "¿Cuántos días de vacaciones tengo si llevo más de 5 años?", -1),
    ("De 0 a 100 kg", "¿Cuánto cuesta enviar un paquete de 40 kg?", 1),
    ("Net sales", "How many days after 3 years?", 0),
    ("1-3 years", "What are the obligations due in 2024 under the 10-Q?", 0),
])
def test_a_banded_row_holds_the_figure_a_question_gives(label, question, fit):
    assert band_fit(label, question) == fit


def _selection(tmp_path, fake_engine, blocks, question, language, across):
    engine = fake_engine(chunk_tokens=96, chunk_overlap=0)
    engine.ingest([make_docx(tmp_path / "document.docx", blocks)])
    hits, _ = engine._search(engine.collection, question, 3, "fused")
    return select_evidence(question, hits, Terms(language, evidence_stopwords()), across_languages=across)


@pytest.mark.parametrize("question, language, row", [
    ("How many days of holiday do I get after 3 years?", "en", "2 to 5 years | Days of holiday: 25"),
    ("¿Cuántos días de vacaciones tengo si llevo más de 5 años?", "es", "More than 5 years | Days of holiday: 27"),
])
def test_the_row_whose_band_holds_the_question_s_figure_is_the_answer(tmp_path, fake_engine, question, language, row):
    selection = _selection(tmp_path, fake_engine, HOLIDAYS, question, language, across=language == "es")
    assert [c.unit.text for c in selection.chosen] == [row]


def test_the_document_that_names_what_is_asked_is_favoured_over_the_best_ranked_one(tmp_path, fake_engine):
    """An English compressor card ranked first has intervals but never names a boiler; the Spanish boiler manual does."""
    engine = fake_engine(chunk_tokens=96, chunk_overlap=0)
    engine.ingest([
        make_docx(tmp_path / "compressor.docx", [("h1", "AC-75 Compressor Service Card"), (
            "table", [["Task", "Interval"], ["Check the belt tension", "Every 1,000 hours"],
                      ["Change the oil", "Every 2,000 hours"]])]),
        make_docx(tmp_path / "caldera.docx", [("h1", "Manual de la caldera BX-24"), (
            "p", "Un técnico autorizado debe revisar la caldera una vez al año. Limpie el filtro de agua cada tres meses.")]),
    ])
    question = "How often does the boiler need a service?"
    hits, _ = engine._search(engine.collection, question, 6, "fused")
    english_first = sorted(hits, key=lambda h: "compressor" not in h.source)
    spanish = {h.doc_id for h in hits if "caldera" in h.source}
    selection = select_evidence(question, english_first, Terms("en", evidence_stopwords()), across_languages=spanish)
    assert selection.chosen[0].unit.text == "Un técnico autorizado debe revisar la caldera una vez al año."


def test_a_heading_is_not_quoted_as_the_answer(tmp_path, fake_engine):
    blocks = [("h1", "Política de uso de vehículos de empresa"), ("h2", "Combustible"),
              ("p", "Reposte con la tarjeta de la empresa. El uso privado del vehículo no está permitido los fines de "
                    "semana.")]
    selection = _selection(tmp_path, fake_engine, blocks, "Can I use the company car at the weekend?", "en", across=True)
    assert selection.chosen[0].unit.text == "El uso privado del vehículo no está permitido los fines de semana."


def test_a_word_said_by_a_phrase_in_the_other_language_is_found():
    assert phrases_translated("Can I use the company car at the weekend?", "no está permitido los fines de semana") == (
        "weekend")
    assert phrases_translated("What is the speed limit on the construction site?",
                              "La velocidad máxima en el recinto de la obra es de 20 km/h.") == "speed limit construction site"
    assert phrases_translated("Can I use the company car at the weekend?", "cada semana") == ""


def test_who_a_rule_allows_is_asked_for_by_its_people_not_a_name():
    assert question_kind("Who can drive a company vehicle?") == OTHER
    assert question_kind("¿Quién debe firmar el parte de accidente?") == OTHER
    assert question_kind("Who won the Super Bowl?") == NAME


@pytest.mark.parametrize("question, given, other", [
    ("¿Cuánto aceite lleva el compresor AC-75?", "The oil capacity is 2.5 litres.", "Change the oil | Interval: Every 2,000 hours"),
    ("¿Cada cuántos kilómetros se revisa el coche?", "Los vehículos pasan la revisión cada 15.000 km.", "Check | Every 1,000 hours"),
    ("How far from the wall must the unit be installed?", "Leave at least 30 cm to the wall.", "It weighs 38 kg."),
])
def test_a_measure_asked_by_its_unit_or_its_substance_is_answered_in_that_unit(question, given, other):
    assert question_kind(question) == AMOUNT
    assert not other_unit(given, question) and offers(AMOUNT, given, question) == 1.0
    assert other_unit(other, question) and offers(AMOUNT, other, question) == 0.0


def test_a_model_name_s_figure_is_no_figure_of_a_row():
    from rag.answer.question_kind import gives_figure

    assert not gives_figure("Atlas Air | AC-75 | Service card") and gives_figure("Seat | Price (EU): 310 €")
    question = "¿Cuánto aceite lleva el compresor AC-75?"
    selection = select_evidence(question, [_hit("Atlas Air | AC-75 | Service card\n\nOil\nThe oil capacity is 2.5 litres.")],
                                Terms("es", evidence_stopwords()), across_languages=True)
    assert [c.unit.text for c in selection.chosen] == ["The oil capacity is 2.5 litres."]
    assert selection.chosen[0].answer == "2.5 litres"


@pytest.mark.parametrize("question, answer", [
    ("What does the AC-75 weigh?", "180 kg"), ("¿Cuánto pesa?", "180 kg"), ("¿Cuánto cuesta el compresor AC-75?", "1.200 €"),
    ("What does the seat cost?", "1.200 €"), ("How many litres does the tank hold?", "25 litres"),
    ("¿Cuánto aceite lleva?", "25 litres"),
])
def test_a_short_answer_is_the_figure_in_the_measure_asked(question, answer):
    text = "The AC-75 weighs 180 kg and costs 1.200 €. The tank holds 25 litres."
    assert question_kind(question) == AMOUNT
    assert answer_phrase(question, AMOUNT, text) == answer


def test_a_schedule_says_when_as_a_condition_does():
    question = "When should the condensate be drained?"
    assert question_kind(question) == DATE
    assert offers(DATE, "Drain the condensate from the air receiver every day at the end of the shift.", question) == 0.5
    assert offers(DATE, "Always isolate the power supply before opening any cover.", question) == 0.5
    assert offers(DATE, "Use only ISO VG 46 compressor oil.", question) == 0.0


def test_a_phone_number_followed_by_a_comma_is_a_phone_number():
    question = "What is the phone number of the boiler technical service?"
    assert question_kind(question) == CONTACT
    text = "Servicio técnico Calorex: 902 555 310, de lunes a sábado de 8:00 a 20:00."
    assert offers_contact(text, question) > 0
    assert answer_phrase(question, CONTACT, text, "") == "902 555 310"
    assert offers_contact("Net sales were 1,234,567, up 3%.", question) == 0.0


def test_technical_and_tecnico_are_one_word():
    assert shared_across_languages({"technic", "servic"}, {"servici", "tecnic"}, "en") == {"technic", "servic"}
    assert shared_across_languages({"chronic"}, {"cronic"}, "en") == {"chronic"}


def _hit(text: str):
    from rag.types import Hit

    return Hit(chunk_id="c1", doc_id="d1", source="/docs/card.pdf", text=text, score=1.0, dense_score=1.0,
               keyword_score=1.0, page_start=1, page_end=1, char_start=0, char_end=len(text), section="")


def test_a_quotation_opened_after_a_colon_is_checked_by_its_own_words():
    from rag.answer.claims import check_sentences

    source = ("Sickness absence If you are ill, call your line manager before 9:00 on the first day of absence. A "
              "doctor's note is required for absences longer than seven calendar days.")
    quoting = ('The evidence is: [1] "If you are ill, call your line manager before {} on the first day of absence. A '
               'doctor\'s note is required for absences longer than seven calendar days." [1]')
    assert all(check.supported for check in check_sentences(quoting.format("9:00"), {1: source}, []))
    first = check_sentences(quoting.format("7:00"), {1: source}, [])[0]
    assert not first.supported and "7:00" in first.missing[0]


@pytest.mark.parametrize("question, answer", [
    ("How much does it cost to ship 1 kg to the Balearic Islands?", "8,50 € (Baleares)"),
    ("What does a parcel to the Canary Islands cost?", "12,00 € (Canarias)"),
    ("¿Cuánto cuesta enviar 1 kg a Baleares?", "8,50 € (Baleares)"),
])
def test_a_column_named_in_the_other_language_is_the_one_asked(question, answer):
    row = "Hasta 2 kg | Península: 5,90 € | Baleares: 8,50 € | Canarias: 12,00 €"
    assert answer_phrase(question, AMOUNT, row, row=True) == answer


def test_spark_plug_is_bujia():
    assert phrases_translated("¿Cada cuánto se cambia la bujía?", "Replace the spark plug every 300 hours.") == "bujia"
