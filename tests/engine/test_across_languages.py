"""Questions in one language over documents in the other: the rows and names they share, and the figures asked for."""
from __future__ import annotations

import pytest

from rag.analysis import spell_out
from rag.answer.answer_phrase import answer_phrase
from rag.answer.evidence import Terms, evidence_stopwords, select_evidence
from rag.answer.question_kind import AMOUNT, REASON, question_kind
from rag.glossary import english_gloss, same_meaning, shared_across_languages
from rag.retrieval.search import _best_of
from rag.store.keyword_index import KeywordIndex
from rag.types import Hit

SALES = (
    "Services net sales increased during the third quarter of 2023 compared to the third quarter of 2022 due primarily "
    "to higher net sales from advertising, cloud services and AppleCare.\n"
    "Mac net sales decreased during the third quarter of 2023 compared to the third quarter of 2022 due primarily to "
    "lower net sales of laptops.\n"
    "Total net sales | Three Months Ended July 1, 2023: $81,797 | Three Months Ended June 25, 2022: $82,959 | "
    "Nine Months Ended July 1, 2023: $293,787\n"
    "Total gross margin | Three Months Ended July 1, 2023: $36,413 | Three Months Ended June 25, 2022: $35,885\n"
    "Cash | Adjusted Cost: $25,337 | July 1, 2023 Fair Value: $25,337\n"
    "Effective tax rate | Three Months Ended July 1, 2023: 12.5 % | Three Months Ended June 25, 2022: 15.7 %"
)
BUYBACKS = (
    "During the third quarter and first nine months of fiscal year 2024, we repurchased 8.3 million and 15.9 million "
    "shares of our common stock for $3.72 billion and $7.01 billion, respectively."
)


def _hits(text: str) -> list[Hit]:
    return [Hit("c1", "d1", "/docs/10q.pdf", text, 1.0, 0.5, 1.0, 2, 2, 0, len(text), "")]


@pytest.mark.parametrize("question, label, figure", [
    ("¿Cuáles fueron las ventas netas de Apple en el tercer trimestre de 2023?", "Total net sales", "$81,797"),
    ("¿Cuál fue el margen bruto de Apple en el tercer trimestre de 2023?", "Total gross margin", "$36,413"),
    ("¿Cuál fue el tipo impositivo efectivo de Apple en el tercer trimestre de 2023?", "Effective tax rate", "12.5"),
])
def test_a_spanish_question_finds_the_english_row_it_names_and_its_quarter(question, label, figure):
    selection = select_evidence(question, _hits(SALES), Terms("es", evidence_stopwords()), across_languages=True)
    assert selection.kind == AMOUNT
    assert selection.chosen[0].unit.text.startswith(label)
    assert selection.chosen[0].answer.startswith(figure)


def test_spanish_questions_for_sales_margins_and_cash_ask_for_an_amount_but_not_their_causes():
    assert question_kind("¿Cuáles fueron los ingresos de Microsoft en 2023?") == AMOUNT
    assert question_kind("¿Cuánto efectivo tenía Amazon a final de septiembre?") == AMOUNT
    assert question_kind("¿Por qué bajaron las ventas de Mac?") == REASON


def test_a_phrasal_verb_is_searched_as_the_word_documents_use():
    assert spell_out("How many shares did Apple buy back?") == "How many shares did Apple repurchase?"
    rows = ("Mortgage- and asset-backed securities | July 1, 2023: 20,088\n"
            "During the third quarter of 2023 the Company repurchased 102.7 million shares of its common stock.")
    selection = select_evidence("How many shares did Apple buy back in Q3 2023?", _hits(rows), Terms("en", evidence_stopwords()))
    assert "repurchased" in selection.chosen[0].unit.text


@pytest.mark.parametrize("question", [
    "How much did NVIDIA spend on share buybacks in the third quarter of fiscal 2024?",
    "¿Cuánto dinero gastó NVIDIA en recompras de acciones en el tercer trimestre del año fiscal 2024?",
])
def test_money_asked_for_is_the_sum_with_its_currency_not_a_count_in_millions(question):
    assert answer_phrase(question, AMOUNT, BUYBACKS) == "$3.72 billion"


def test_a_name_is_found_in_a_passage_of_the_other_language_however_each_language_stems_it():
    season = ("Thomas Davis se hizo con 5 capturas y media, 4 balones sueltos forzados y 4 intercepciones.\n"
              "Luke Kuechly lideró al equipo en derribos, con 118 en toda la temporada.")
    selection = select_evidence("How many forced fumbles did Thomas Davis have?", _hits(season), Terms("en", evidence_stopwords()),
                                across_languages=True)
    assert selection.chosen[0].unit.text.startswith("Thomas Davis")


@pytest.mark.parametrize("english, spanish", [
    ("pharmacists", "farmacéuticos"), ("oxygen", "oxígeno"), ("Luther", "Lutero"), ("national", "nacional"),
    ("disobedience", "desobediencia"), ("special", "especial"),
])
def test_a_word_both_languages_take_from_latin_or_greek_is_shared_however_each_spells_it(english, spanish):
    asked = set(Terms("en", evidence_stopwords())(english))
    found = set(Terms("es", evidence_stopwords())(spanish))
    assert shared_across_languages(asked, found, "en") == asked
    assert not shared_across_languages(asked, set(Terms("es", evidence_stopwords())("la seguridad del edificio")), "en")


def test_keyword_search_finds_a_passage_by_the_other_language_s_spelling_of_a_word(tmp_path):
    index = KeywordIndex(tmp_path / "kw")
    index.rebuild([("1", "Los farmacéuticos dispensan los medicamentos en la farmacia del hospital.", "es"),
                   ("2", "Los médicos recetan los tratamientos en la consulta.", "es")], 1)
    assert [cid for cid, _ in index.search("What do pharmacists do?", 5)] == ["1"]


def test_the_glossary_holds_the_forms_of_measuring_that_spanish_stems_apart():
    asked = set(Terms("es", evidence_stopwords())("¿Cómo se mide una muestra?"))
    assert same_meaning(asked, set(Terms("es", evidence_stopwords())("Medición de la muestra: coloque la cubeta.")), "es")


@pytest.mark.parametrize("question, manual, expected", [
    ("¿Qué par de apriete llevan los tornillos de la brida?", "Flange bolts 80 Nm\nHousing bolts 45 Nm", "Flange bolts"),
    ("¿Cuántos días de vacaciones tengo al año?", "Full-time employees are entitled to 25 working days of paid annual "
     "leave.\nExpense reports are submitted within 30 days.", "Full-time employees"),
])
def test_a_field_engineer_s_and_an_employee_s_spanish_words_find_the_english_manual_and_policy(question, manual, expected):
    selection = select_evidence(question, _hits(manual), Terms("es", evidence_stopwords()), across_languages=True)
    assert selection.chosen[0].unit.text.startswith(expected)


def test_a_spanish_question_is_read_in_english_where_the_glossary_knows_its_words():
    assert english_gloss("¿Qué temperatura máxima puede alcanzar el aceite?") == "temperature maxima puede reach reached reaches oil"
    assert english_gloss("¿Cuántos balones sueltos forzados logró Thomas Davis?").endswith("thomas davis")


def test_each_passage_keeps_its_best_score_of_the_question_and_its_gloss():
    question = [("es1", 0.60), ("en1", 0.20)]
    gloss = [("en1", 0.55), ("en2", 0.40), ("es1", 0.10)]
    assert _best_of([question, gloss]) == [("es1", 0.60), ("en1", 0.55), ("en2", 0.40)]


def test_an_installer_s_english_words_find_the_spanish_manual_s_sentence(tmp_path):
    """"How far from the ground must the outdoor unit be installed?" abstained: "far", "ground" and "outdoor" had no
    Spanish words ("lejos", "suelo", "exterior")."""
    from rag.answer.choice import choose_evidence

    manual = ("Instale la unidad exterior sobre una base firme, al menos a 30 cm del suelo y lejos de ventanas de "
              "dormitorios. Deje 50 cm libres alrededor para el mantenimiento.")
    index = KeywordIndex(tmp_path / "kw")
    index.rebuild([("c1", manual, "es")], 1)
    choice = choose_evidence("How far from the ground must the outdoor unit be installed?", "en", _hits(manual), 0.05,
                             index, 0.6, lambda: [], lambda asked: (lambda texts: [0.0] * len(texts)))
    assert choice.selection is not None and choice.selection.chosen[0].unit.text.startswith("Instale la unidad exterior")


def test_a_field_engineer_asks_in_spanish_what_happens_when_the_pump_runs_dry():
    """"funciona en seco" is "run dry": the manual's warning answers, not "Only trained staff may operate…"."""
    manual = ("KX-440 Coolant Pump - Operator Manual\nThe KX-440 coolant pump circulates cutting fluid through machining "
              "centres. Only trained staff may operate or service the KX-440.\nMaintenance\nCheck the coolant level daily. "
              "Clean the suction strainer every week. Never run the pump dry: the seal is destroyed within a minute.")
    hit = Hit("c1", "d1", "/docs/kx.pdf", manual, 1.0, 0.5, 1.0, 1, 1, 0, len(manual), "")
    selection = select_evidence("¿Qué pasa si la bomba KX-440 funciona en seco?", [hit], Terms("es", evidence_stopwords()),
                                across_languages=True)
    assert selection.chosen[0].unit.text.startswith("Never run the pump dry")


@pytest.mark.parametrize("question, right, other", [
    ("¿Cuándo se revisa el tejado?", "The roof is inspected every autumn.", "The boiler is serviced every spring."),
    ("¿Qué se hace con un portátil robado?", "A stolen laptop must be reported to IT Security within 24 hours.",
     "Laptops are returned to IT on the last working day."),
    ("¿Dónde están las llaves del armario?", "The cupboard keys are kept by the site manager.",
     "The office keys are kept at reception."),
])
def test_everyday_words_that_look_nothing_alike_are_matched_across_languages(question, right, other):
    """"tejado" is "roof", "robado" "stolen", "armario" "cupboard": words no shared spelling links, which the general
    vocabulary of the glossary translates."""
    selection = select_evidence(question, _hits(f"{right}\n{other}"), Terms("es", evidence_stopwords()), across_languages=True)
    assert selection.chosen[0].unit.text == right
