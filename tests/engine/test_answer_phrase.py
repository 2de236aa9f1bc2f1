"""The short answer an evidence card carries: the table figure of the period asked, the date, amount or name asked."""
from __future__ import annotations

import pytest

from rag.answer.answer_phrase import answer_phrase, row_figure
from rag.answer.language import passages_language
from rag.answer.abstention import keyword_coverage, min_relevance
from rag.answer.evidence import Terms, evidence_stopwords, select_evidence
from rag.glossary import shared_across_languages
from rag.answer.passage_units import row_cells, row_label, split_units
from rag.answer.question_kind import AMOUNT, DATE, FREQUENCY, NAME, OTHER, REASON, question_kind
from tests.fakes import passage_hit

GROSS_MARGIN = ("Total gross margin | Three Months Ended July 1, 2023: $36,413 | Three Months Ended June 25, 2022: $35,885 | "
                "Nine Months Ended July 1, 2023: $128,721 | Nine Months Ended June 25, 2022: $132,687")
HEADERS = "Three Months Ended Nine Months Ended · July 1, 2023 June 25, 2022 July 1, 2023 June 25, 2022"
CASH_FLOWS = (
    "Adjustments to reconcile net income to net cash from operations: Changes in operating assets and liabilities: "
    "Accounts receivable | September 30, 2022: 11,729 | June 30, 2022: 10,486\n"
    "Adjustments to reconcile net income to net cash from operations: Changes in operating assets and liabilities: "
    "Income taxes | September 30, 2022: 410 | June 30, 2022: 2,653\n"
    "Adjustments to reconcile net income to net cash from operations: Changes in operating assets and liabilities: "
    "Net cash from operations | September 30, 2022: 23,198 | June 30, 2022: 24,540\n"
    "Cash flow hedges were not material in the quarter."
)



def test_a_row_gives_the_figure_of_the_quarter_unless_another_period_is_asked():
    assert row_figure("What was Apple's gross margin in the latest quarter?", GROSS_MARGIN) == (
        "$36,413 (Three Months Ended July 1, 2023)")
    assert row_figure("What was the gross margin for the nine months ended July 1, 2023?", GROSS_MARGIN) == (
        "$128,721 (Nine Months Ended July 1, 2023)")
    assert row_figure("Gross margin for the nine months of 2022?", GROSS_MARGIN) == (
        "$132,687 (Nine Months Ended June 25, 2022)")


NET_SALES = ("Total net sales | Three Months Ended July 1, 2023: $81,797 | Three Months Ended June 25, 2022: $82,959 | "
             "Three Months Ended Change: (1)% | Nine Months Ended July 1, 2023: $293,787 | "
             "Nine Months Ended June 25, 2022: $304,182 | Nine Months Ended Change: 3 %")


def test_a_question_on_a_change_takes_the_change_column_of_the_period_asked():
    assert row_figure("By what percentage did net sales change in the third quarter of 2023?", NET_SALES) == (
        "(1)% (Three Months Ended Change)")
    assert row_figure("By what percentage did net sales grow in the first nine months of 2023?", NET_SALES) == (
        "3% (Nine Months Ended Change)")
    assert row_figure("¿Cuánto cambiaron las ventas netas en los nueve meses de 2023?", NET_SALES) == (
        "3% (Nine Months Ended Change)")
    assert row_figure("What were net sales in the first nine months of 2023?", NET_SALES) == (
        "$293,787 (Nine Months Ended July 1, 2023)")
    assert row_figure("What percentage of net sales came from iPhone in the third quarter?", NET_SALES) == (
        "$81,797 (Three Months Ended July 1, 2023)"), "a share is not a change"


def test_a_plain_row_takes_its_columns_from_the_table_header():
    row = "Total net sales 81,797 82,959 293,787 304,182"
    assert row_figure("What were total net sales?", row, HEADERS) == "81,797 (Three Months Ended July 1, 2023)"
    assert row_figure("Net sales in the first nine months of fiscal 2023?", row, HEADERS) == (
        "293,787 (Nine Months Ended July 1, 2023)")
    assert row_figure("What were total net sales?", row) == "81,797"


def test_a_row_label_and_cells_are_read_from_both_row_layouts():
    label, leaf = row_label(CASH_FLOWS.splitlines()[2])
    assert leaf == "Net cash from operations" and label.startswith("Adjustments to reconcile")
    assert row_cells("Total gross margin percentage | Three Months Ended July 1, 2023: 44.5 %") == [
        ("Three Months Ended July 1, 2023", "44.5%")]
    assert row_label("Total net sales 81,797 82,959") == ("Total net sales", "Total net sales")


def test_the_row_whose_own_label_the_question_names_wins_over_rows_sharing_its_parent_label():
    selection = select_evidence("What did Microsoft report as its net cash from operating activities?", [passage_hit(CASH_FLOWS)],
                                Terms("en", evidence_stopwords()))
    best = selection.chosen[0]
    assert "Net cash from operations |" in best.unit.text
    assert best.answer == "23,198 (September 30, 2022)"


def test_answer_phrases_in_english_and_spanish():
    assert answer_phrase("When did the warranty start?", DATE,
                         "The warranty started on March 3, 2021 and covers the motor for five years.") == "March 3, 2021"
    assert answer_phrase("¿Cuándo se naturalizaron los colonos?", DATE,
                         "Los colonos se naturalizaron como ingleses el 12 de mayo de 1705.") == "12 de mayo de 1705"
    assert answer_phrase("¿Cuántos puntos cedió la defensa de los Panthers?", AMOUNT,
                         "La defensa de los Panthers cedió solo 308 puntos, la sexta mejor de la liga.") == "308 puntos"
    assert answer_phrase("How much does the maintenance contract cost?", AMOUNT,
                         "The maintenance contract costs $1,250 a year since 2021.") == "$1,250"


def test_the_earliest_asking_word_decides_the_kind():
    assert question_kind("¿Cuántos años tenía Peyton Manning cuando jugó la Super Bowl 50?") == AMOUNT
    assert question_kind("¿Qué jugador tuvo el mayor número de intercepciones?") == NAME
    assert question_kind("For Q2 2023, what was the chief factor affecting Microsoft's operating income?") == REASON
    assert question_kind("What was Apple's cash flow from operating activities?") == AMOUNT
    assert question_kind("What happens to the norm when a number is multiplied by p?") == OTHER, "a later 'when' joins a clause"
    assert question_kind("¿Qué sucede con la norma cuando un número se multiplica por p?") == OTHER
    assert question_kind("When was Sky Digital launched?") == question_kind("¿Cuándo abrió el mercado?") == DATE


def test_questions_in_another_language_than_the_embedder_s_need_more_relevance():
    assert min_relevance(0.6, "en") == 0.6
    assert min_relevance(0.6, "es") > 0.6
    assert min_relevance(0.6, "es", "es") == min_relevance(0.6, "es")


def test_a_question_over_passages_in_the_other_language_needs_less_relevance():
    spanish = ["Los normandos fueron el pueblo que en los siglos X y XI dio su nombre a Normandía, una región de Francia."]
    english = ["The Normans were the people who in the 10th and 11th centuries gave their name to Normandy, in France."]
    assert passages_language(spanish) == "es" and passages_language(english) == "en"
    assert passages_language(["Lothar de Maizière was the last Prime Minister of the GDR and led it into unity."]) == "en"
    assert min_relevance(0.6, "en", passages_language(spanish)) < 0.6
    assert min_relevance(0.6, "es", passages_language(english)) < 0.6
    # a Spanish question is read through its English gloss too, so over English passages it needs more
    assert min_relevance(0.6, "es", "en") > min_relevance(0.6, "en", "es")
    assert min_relevance(0.6, "en", passages_language(english)) == 0.6
    figures = ["Ventas netas | 81.797 | 82.959"]
    assert passages_language(figures) is None and min_relevance(0.6, "es", passages_language(figures)) == min_relevance(0.6, "es")


def test_an_amount_is_not_part_of_a_name_a_date_or_a_period():
    assert answer_phrase("What was the revenue?", AMOUNT, "The cover page of the Form 10-Q for the quarter.") == ""
    assert answer_phrase("What was the tax rate?", AMOUNT,
                         "Our tax rate was lower in the three months ended September 30, 2023.") == ""
    assert answer_phrase("What was the tax rate?", AMOUNT,
                         "Our tax rate was 18% for the three months ended September 30, 2023.") == "18%"


def test_a_number_in_a_product_name_is_no_amount_but_a_count_or_a_score_is():
    metric = ("Microsoft Cloud revenue: Revenue from Azure and other cloud services, Office 365 Commercial, the commercial "
              "portion of LinkedIn, Dynamics 365, and other commercial cloud properties")
    assert answer_phrase("What was the revenue from Microsoft's cloud services in the latest quarter?", AMOUNT, metric) == ""
    assert answer_phrase("How many times was he picked?", AMOUNT, "He went to the Pro Bowl 12 times.") == "12"
    assert answer_phrase("How many points did Denver score?", AMOUNT, "Denver beat Carolina 24–10.") == "24"
    assert answer_phrase("How many people came?", AMOUNT, "About 300 people came.") == "300"
    assert answer_phrase("How much did it cost?", AMOUNT, "The mission was called Apollo 1. It cost 30 million.") == "30 million"


def test_no_amount_is_read_inside_a_phone_number():
    claims = "Report warranty claims to service@orion-mh.example or call +44 20 7946 0321."
    assert answer_phrase("How long is the warranty on the battery?", AMOUNT, claims) == ""
    assert answer_phrase("How many people work there?", AMOUNT, "Call +34 912 345 678: 45 people work there.") == "45"


def test_a_question_asking_why_is_answered_by_a_sentence_not_by_the_row_it_names():
    passage = ("Net sales by category: iPhone | Three Months Ended July 1, 2023: $39,669 | Three Months Ended June 25, "
               "2022: $40,665\n"
               "Total net sales | Three Months Ended July 1, 2023: $81,797 | Three Months Ended June 25, 2022: $82,959\n\n"
               "Total net sales decreased 1% during the third quarter of 2023 due to weakness in foreign currencies.")
    selection = select_evidence("Why did Apple's total net sales change in the third quarter of 2023?", [passage_hit(passage)],
                                Terms("en", evidence_stopwords()))
    assert selection.chosen[0].unit.text.startswith("Total net sales decreased 1%")
    figure = select_evidence("What were Apple's total net sales in the third quarter of 2023?", [passage_hit(passage)],
                             Terms("en", evidence_stopwords()))
    assert figure.chosen[0].answer == "$81,797 (Three Months Ended July 1, 2023)"


def test_the_year_a_question_names_outweighs_the_quarter_it_only_implies():
    row = ("Research and development expenses | April 30, 2023: $1,875 | Three Months Ended May 1, 2022: $1,618 | "
           "Change: 16 %")
    assert row_figure("How much did NVIDIA spend on research and development in Q1 2023?", row) == "$1,875 (April 30, 2023)"
    assert row_figure("What were the research and development expenses in the three months ended May 1, 2022?", row) == (
        "$1,618 (Three Months Ended May 1, 2022)")


def test_a_header_without_its_period_still_holds_the_nearest_year_asked():
    row = "Total net sales | December 31, 2022: $117,154 | Three Months Ended December 25, 2021: $123,945 | Change: (5)%"
    assert answer_phrase("What was Apple's revenue in Q1 2023?", AMOUNT, row, row=True).startswith("$117,154")


def test_spending_asks_for_an_amount_unless_it_is_related_to_something_else():
    assert question_kind("What was Intel's R&D expenditure in Q1 2023?") == AMOUNT
    assert question_kind("What were Intel's total inventories at the end of Q3 2023?") == AMOUNT
    assert question_kind("What was Intel's net loss in Q1 2023?") == AMOUNT
    assert question_kind("What is the relationship between R&D spending and new GPU technologies?") == OTHER


def test_across_languages_cognates_and_translations_count_as_shared_words():
    tokenize = Terms("en", evidence_stopwords())
    question = "Whose English translation of the Bible did the Luther Bible influence?"
    spanish = [
        "Los escritos de Luther se difundieron ampliamente y llegaron a Francia, Inglaterra e Italia ya en 1519.",
        "La Biblia de Lutero influyó en otras traducciones en lengua vernácula, como la Biblia inglesa de William Tyndale.",
    ]
    asked, found = set(tokenize(question)), set(tokenize(spanish[1]))
    assert keyword_coverage(asked, found) == 0.0
    assert keyword_coverage(asked, found, across_languages="en") > 0.3
    plain = select_evidence(question, [passage_hit("\n".join(spanish))], tokenize)
    across = select_evidence(question, [passage_hit("\n".join(spanish))], tokenize, across_languages=True)
    assert "Tyndale" not in plain.chosen[0].unit.text
    assert "Tyndale" in across.chosen[0].unit.text


def test_the_glossary_finds_translations_but_not_words_that_only_start_alike():
    english = set(Terms("en", evidence_stopwords())("How many hotel nights are reimbursed per trip?"))
    spanish = set(Terms("en", evidence_stopwords())("Hoteles: se reembolsan como máximo cinco noches por viaje."))
    assert shared_across_languages(english, spanish, "en") >= {"night", "trip"}
    question = set(Terms("es", evidence_stopwords())("¿Cada cuánto hay que cambiar el sello del impulsor?"))
    nvidia = set(Terms("es", evidence_stopwords())("We are selling products through channel partners."))
    manual = set(Terms("es", evidence_stopwords())("Replace the impeller seal every 1,800 operating hours."))
    assert "cambi" not in shared_across_languages(question, nvidia, "es")
    assert {"cambi", "impulsor"} <= shared_across_languages(question, manual, "es")


def test_the_latest_quarter_is_the_newest_column_whatever_the_column_order():
    row = ("Net Sales: AWS | Three Months Ended September 30, 2022: 20,538 | Three Months Ended September 30, 2023: 23,059 | "
           "Nine Months Ended September 30, 2022: 58,100")
    assert answer_phrase("What was the revenue from AWS in the latest quarter?", AMOUNT, row, row=True).startswith("23,059")


def test_an_amount_keeps_its_spaced_thousands_and_an_article_is_no_amount():
    census = "Había 158 349 hogares, de los cuales 68 511 (el 43,3 %) tenían hijos menores de 18 años."
    assert answer_phrase("¿Cuántos hogares había?", AMOUNT, census) == "158 349"
    lead = "Fowler completó una conversión de 2 puntos, otorgando una ventaja a Denver de 24 a 10 con 3 min 8 s en el marcador."
    assert answer_phrase("¿Cuántos puntos valió la conversión?", AMOUNT, lead) == "2 puntos"
    assert answer_phrase("¿Cuántas millas cuadradas afectó?", AMOUNT, "Afectó a unos 1 160 000 000 millas cuadradas.") == "1 160 000 000 millas"


def test_money_and_shares_are_answered_by_figures_with_their_currency_or_percent_sign():
    merger = "DuMont habría recibido durante cinco años, según el plan de fusión de la red, un pago de 5 millones de dólares."
    assert answer_phrase("¿Cuánto dinero habría recibido DuMont?", AMOUNT, merger) == "5 millones"
    audience = "Los telespectadores de los ochenta veían sobre todo las grandes cadenas, que sumaban el 90 % del total."
    assert answer_phrase("¿Qué porcentaje de telespectadores tenían las cadenas?", AMOUNT, audience) == "90 %"


def test_the_column_the_question_names_gives_the_figure_with_its_currency():
    row = "Dieta diaria (comidas) | Nacional: 45 € | Internacional: 70 €"
    assert row_figure("¿Cuánto es la dieta diaria en un viaje internacional?", row) == "70 € (Internacional)"
    # the header's word with an ending: "internacionales", not the "Nacional" its ending hides
    assert row_figure("¿Cuál es la dieta diaria para viajes internacionales?", row) == "70 € (Internacional)"
    assert row_figure("¿Cuál es la dieta diaria para viajes nacionales?", row) == "45 € (Nacional)"
    assert row_figure("¿Cuánto es la dieta diaria en un viaje nacional?", row) == "45 € (Nacional)"


def test_english_once_is_a_time_and_spanish_once_is_eleven():
    assert answer_phrase("How many pharmacists work in the UK?", AMOUNT,
                         "A pharmacy technician once qualified has to register as a professional.") == ""
    assert answer_phrase("¿Cuántos partidos ganó el equipo?", AMOUNT, "El equipo ganó once partidos en la temporada.") == "once"


def test_a_time_of_day_is_neither_a_duration_nor_cut_in_two():
    """"How long are backups kept?" answered "02" (from "a las 02:00"), and the Friday row's finishing time "08"."""
    backups = "Los servidores se copian cada noche a las 02:00 y las copias se conservan durante 30 días."
    assert answer_phrase("How long are backups kept?", AMOUNT, backups) == "30 días"
    friday = "Friday | Start: 08:00 | End: 14:00"
    assert row_figure("What time does work finish on Friday?", friday) == "14:00 (End)"
    assert row_figure("When does work start on Friday?", friday) == "08:00 (Start)"


def test_an_english_question_finds_its_words_in_a_spanish_policy_through_the_glossary():
    terms = Terms("en", evidence_stopwords())
    asked = set(terms("How often must passwords be changed and how long are backups kept?"))
    found = set(Terms("es", evidence_stopwords())("Las contraseñas deben cambiarse cada 90 días. Las copias se conservan 30 días."))
    assert {"password", "chang", "backup", "kept"} <= shared_across_languages(asked, found, "en")


def test_a_table_figure_keeps_the_words_that_say_what_it_counts():
    """"How long must invoices be kept?" showed "→ 10 (Retention period)" for a cell reading "10 years"."""
    assert row_figure("How long must invoices be kept?", "Invoices | Retention period: 10 years") == "10 years (Retention period)"
    assert row_figure("¿Cada cuántos kilómetros se cambia el aceite?", "Cambio de aceite | Intervalo: 15.000 km") == "15.000 km (Intervalo)"
    assert row_figure("What were total net sales?", "Total net sales | July 1, 2023: $ 81,797 | June 25, 2022: 82,959") == "$81,797 (July 1, 2023)"
    assert answer_phrase("When is waste collected?", DATE, "Waste containers are collected every Thursday by the team.") == "every Thursday"


def test_a_word_table_header_row_is_no_quote_and_names_the_column_of_words_asked_for():
    """The price list's header row "City | Maximum rate per night | Preferred hotel" was quoted as evidence, and
    "Which hotel should I book in New York?" was answered with the rate, the only column holding a figure."""
    table = ("City | Maximum rate per night | Preferred hotel\n"
             "London | Maximum rate per night: 210 GBP | Thames Inn\n"
             "New York | Maximum rate per night: 320 USD | Hudson Suites")
    units = split_units(table)
    assert [u.text.split(" | ")[0] for u in units] == ["London", "New York"]
    new_york = units[1]
    assert row_figure("Which hotel should I book in New York?", new_york.text, new_york.context) == "Hudson Suites (Preferred hotel)"
    assert row_figure("What is the maximum hotel rate in New York?", new_york.text, new_york.context) == "320 USD (Maximum rate per night)"


def test_a_duration_keeps_its_kind_of_days():
    sentence = "Requests for other software go through the service desk and take up to five working days."
    assert answer_phrase("How long does a software request take?", AMOUNT, sentence) == "five working days"


def test_a_header_row_of_words_names_the_columns_of_a_pdf_table_of_figures():
    """"How much is the menu of the day for visitors?" answered 6.50 EUR, the employees' price: the PDF table's rows
    hold figures alone and their header row of words was not used."""
    table = "Item | Employees | Visitors\nMenu of the day | 6.50 EUR | 11.00 EUR\nCoffee | 0.80 EUR | 1.50 EUR"
    menu = split_units(table)[0]
    assert menu.context == "Item | Employees | Visitors"
    assert row_figure("How much is the menu of the day for visitors?", menu.text, menu.context) == "11.00 EUR (Visitors)"
    assert row_figure("How much is the menu of the day for employees?", menu.text, menu.context) == "6.50 EUR (Employees)"


def test_a_time_range_answers_when_ahead_of_a_weekday():
    """"When is the canteen open?" showed "→ Monday" above "…open from 12:30 to 15:30, Monday to Friday"."""
    assert answer_phrase("When is the canteen open?", DATE, "The canteen is open from 12:30 to 15:30, Monday to Friday.") == \
        "from 12:30 to 15:30, Monday to Friday"
    assert answer_phrase("When can I collect my laptop?", DATE, "Collect your laptop from the IT desk between 9:00 and 11:00.") == \
        "between 9:00 and 11:00"


def test_a_weekday_in_a_name_is_no_date():
    """"¿En qué año…?" showed "→ Sunday" for "el premio a la Universidad del Año de Sunday Times en el año 2000"."""
    sentence = "Ganó el codiciado premio a la Universidad del Año de Sunday Times en el año 2000."
    assert answer_phrase("¿En qué año ganó el premio?", DATE, sentence) != "Sunday"
    assert answer_phrase("When is waste collected?", DATE, "Waste is collected on Monday by the team.") == "on Monday"


@pytest.mark.parametrize("question, text, expected", [
    # "→ 14" from "the last 14 backups are kept".
    ("How often is the configuration backed up?",
     "The configuration is backed up automatically every night at 02:00 and the last 14 backups are kept.", "every night"),
    ("How often are evacuation drills held?", "Se realizan dos simulacros de evacuación al año, uno de ellos sin previo aviso.",
     "dos simulacros de evacuación al año"),
    # An interval with a figure still wins, with its unit.
    ("How often must the impeller seal be replaced?",
     "Replace the impeller seal every 1,800 operating hours. Check the coolant level daily.", "1,800 operating hours"),
    ("How often should the oil be changed?", "Maintenance: change the engine oil and the oil filter every 250 running hours.",
     "250 running hours"),
])
def test_a_frequency_in_words_answers_how_often_when_no_interval_has_a_figure(question, text, expected):
    assert answer_phrase(question, FREQUENCY, text) == expected


BUYBACKS = ("During the third quarter and first nine months of fiscal year 2024, we repurchased 8.3 million and 15.9 million "
            "shares of our common stock for $3.72 billion and $7.01 billion, respectively.")
LEASES = ("Operating lease expenses were $49 million and $44 million for the third quarter of fiscal years 2023 and 2022, "
          "respectively, and $139 million and $125 million for the first nine months of fiscal years 2023 and 2022, respectively.")


@pytest.mark.parametrize("question, text, expected", [
    ("How many shares did NVIDIA repurchase in the third quarter of fiscal 2024?", BUYBACKS, "8.3 million"),
    ("How much did NVIDIA spend on buybacks in the first nine months of fiscal 2024?", BUYBACKS, "$7.01 billion"),
    ("What were operating lease expenses in the third quarter of fiscal 2022?", LEASES, "$44 million"),
    ("What were operating lease expenses in the first nine months of fiscal 2023?", LEASES, "$139 million"),
    ("¿Cuántos días dura el periodo de prueba?", "El periodo de prueba son los primeros 30 días del contrato.", "30 días"),
    ("What was revenue in the third quarter of 2026?", "Third quarter 2026 report. Revenue was $48.2 million and $131.5 "
     "million for the third quarter and first nine months of 2026, respectively.", "$48.2 million"),
])
def test_respectively_gives_each_figure_to_its_own_period_or_year(question, text, expected):
    assert answer_phrase(question, AMOUNT, text) == expected


def test_how_a_question_asks_is_no_anchor_for_its_figure():
    text = ("There were 12,843 (8.1%) unmarried opposite-sex partnerships, and 1,388 (0.9%) same-sex married couples or "
            "partnerships.")
    assert answer_phrase("How many same-sex married couples or partnerships were there?", AMOUNT, text) == "1,388"


def test_how_many_counts_rather_than_a_percentage():
    assert answer_phrase("How many couples were there?", AMOUNT,
                         "There were 8.1% unmarried couples, that is 12,843 households.") == "12,843"


@pytest.mark.parametrize("question, text, expected", [
    ("What is the maximum speed inside the warehouse?", "The maximum speed inside the warehouse is 5 km/h.", "5 km/h"),
    ("¿Cuál es la potencia nominal de la caldera?", "Potencia nominal: 24 kW", "24 kW"),
    ("What was the population of Jacksonville in 2010?",
     "As of 2010, the population of the city of Jacksonville was 821,784, and 1,345,596 in the metropolitan area.", "821,784"),
])
def test_a_measure_asked_by_its_name_is_answered_by_its_figure(question, text, expected):
    assert question_kind(question) == AMOUNT
    assert answer_phrase(question, AMOUNT, text) == expected
