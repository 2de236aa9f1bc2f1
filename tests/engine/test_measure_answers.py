"""Short answers of measures: the unit that goes with a figure, the interval of a schedule, no amount in a phone number."""
from __future__ import annotations

from rag.answer.answer_phrase import answer_phrase, row_figure
from rag.answer.question_kind import AMOUNT, FREQUENCY, other_unit, question_kind


def test_an_amount_keeps_its_unit_of_measure():
    cases = {
        "¿Cuánto espacio hay que dejar por detrás de la unidad?":
            ("Deje al menos 30 cm libres por detrás de la unidad exterior.", "30 cm"),
        "¿A qué altura del suelo se coloca la unidad exterior?":
            ("La unidad exterior se coloca a 20 cm del suelo como mínimo.", "20 cm"),
        "How loud is the heat pump?": ("The heat pump runs at 42 dB(A) at night.", "42 dB(A)"),
        "What is the maximum temperature?": ("The flow may reach 60°C at most.", "60°C"),
        "What voltage does the pump need?": ("It runs on 230 V mains.", "230 V"),
    }
    for question, (text, expected) in cases.items():
        assert question_kind(question) == AMOUNT, question
        assert answer_phrase(question, AMOUNT, text) == expected, question


def test_a_schedule_s_interval_is_the_figure_after_every():
    text = "Change the oil after the first 50 hours and then every 300 hours."
    assert answer_phrase("How often should I change the compressor oil?", FREQUENCY, text) == "300 hours"
    assert answer_phrase("¿Cada cuánto se cambia el aceite?", FREQUENCY,
                         "Cambie el aceite a las primeras 50 horas y después cada 300 horas.") == "300 horas"


def test_a_length_of_time_joined_to_its_unit_is_one_amount():
    assert answer_phrase("How long is the warranty?", AMOUNT, "The AC-200 has a two-year warranty from the date of purchase.") == "two-year"
    assert answer_phrase("How long is the contract?", AMOUNT, "It is a 12-month contract.") == "12-month"
    assert answer_phrase("How many parts has Form 10-Q?", AMOUNT, "Form 10-Q has 12 parts.") == "12"


def test_a_height_asked_is_not_answered_by_a_weight():
    question = "¿A qué altura del suelo se coloca la unidad exterior?"
    assert other_unit("Peso de la unidad exterior | Valor: 98 kg", question)
    assert not other_unit("La unidad exterior se coloca a 20 cm del suelo.", question)


def test_a_telephone_number_holds_no_amount():
    assert row_figure("What is the emergency telephone number?", "Emergency telephone: +34 944 000 111.") == ""
    assert row_figure("What were net sales?", "Net sales $ 60,584 $ 63,355") == "$60,584"


def test_a_price_asked_is_no_figure_in_another_unit():
    from rag.answer.evidence import Terms, evidence_stopwords, select_evidence
    from rag.answer.question_kind import misses_unit
    from rag.types import Hit

    question = "What is the price of the AC-200?"
    text = "The AC-200 delivers 200 litres of air per minute. It has a two-year warranty."
    assert misses_unit([text], question) and not misses_unit(["The AC-200 costs 450 EUR."], question)
    assert not misses_unit(["It costs $450."], question)
    assert not misses_unit(["Cost of sales 40,000"], "What was the cost of sales?"), "a statement's cost is no price"
    hit = Hit("c1", "d1", "/docs/d1.pdf", text, 1.0, 0.5, 1.0, 1, 1, 100, 100 + len(text), "")
    selection = select_evidence(question, [hit], Terms("en", evidence_stopwords()))
    assert selection.chosen and not any(c.answer for c in selection.chosen), [c.answer for c in selection.chosen]


def test_a_list_item_s_number_is_no_amount():
    item = "4. Los incidentes de seguridad se comunican al CISO en un plazo de 24 horas."
    assert answer_phrase("Within how many hours must security incidents be reported?", AMOUNT, item) == "24 horas"
    assert answer_phrase("How much does it cost?", AMOUNT, "3.5 million euros, paid once.") == "3.5 million euros"


def test_a_range_in_a_table_cell_is_one_value():
    from rag.answer.passage_units import row_cells

    assert row_cells("Presión de la instalación | Valor: 1 a 1,5 bar") == [("Valor", "1 a 1,5 bar")]
    assert row_cells("Storage temperature | Value: 5-30 °C") == [("Value", "5-30 °C")]


def test_a_measure_in_words_is_in_its_unit():
    from rag.answer.question_kind import misses_unit

    question = "How high is the maximum operating pressure of the booster pump?"
    assert not misses_unit(["The maximum operating pressure is sixteen bar."], question)
    assert not misses_unit(["La presión máxima es de dieciséis bar."], "¿Qué presión máxima admite?")
    assert misses_unit(["Tighten the bolts to 40 Nm."], question)


def test_a_share_under_an_amount_gives_no_second_short_answer():
    from rag.answer.evidence import Terms, evidence_stopwords, select_evidence
    from rag.types import Hit

    rows = ("Total net sales | Three Months Ended July 1, 2023: $81,797 | Three Months Ended June 25, 2022: $82,959\n"
            "Percentage of total net sales | Three Months Ended July 1, 2023: 16 % | Three Months Ended June 25, 2022: 15 %")
    hit = Hit("c1", "d1", "/docs/aapl.pdf", rows, 1.0, 0.5, 1.0, 18, 18, 100, 100 + len(rows), "")
    selection = select_evidence("What were Apple's total net sales in the third quarter of 2023?", [hit],
                                Terms("en", evidence_stopwords()))
    first, *others = selection.chosen
    assert first.answer.startswith("$81,797") and all("%" not in c.answer for c in others), [c.answer for c in others]
