"""Answers from a service manual and a procedure: table cells of words, steps under their title, a contact's name."""
from __future__ import annotations

from rag.answer.answer_phrase import answer_phrase, row_figure
from rag.answer.evidence import Terms, evidence_stopwords, select_evidence
from rag.answer.passage_units import ITEM, ROW, is_table_row, split_units
from rag.answer.question_kind import AMOUNT, NAME
from rag.store.keyword_index import KeywordIndex
from rag.types import Hit

GENERATOR = (
    "3. Maintenance schedule\n\n"
    "Change engine oil | Interval: Every 100 operating hours\n"
    "Replace air filter | Interval: Every 200 operating hours\n\n"
    "The first oil change is due after the first 20 operating hours (running-in period).\n"
    "4. Fault codes\n\n"
    "F02 | Meaning: High coolant temperature | Action: Let the engine cool and clean the radiator fins\n"
    "F03 | Meaning: Overload | Action: Disconnect loads until the output is below 7.5 kVA\n"
)
LOCKOUT = (
    "Procedimiento de bloqueo y etiquetado (LOTO)\n\n"
    "Este procedimiento se aplica antes de cualquier trabajo de mantenimiento.\n\n"
    "Pasos del bloqueo\n\n"
    "1. Avise a los operarios de la zona de que la máquina se va a detener.\n\n"
    "2. Pare la máquina con el mando normal de parada.\n\n"
    "3. Abra el seccionador principal y colóquelo en posición OFF."
)


POLICY = ("Equipment and allowances\n\nItem | Provided by | Allowance\n\nLaptop | Provided by: IT department | Allowance: None\n\n"
          "Internet connection | Provided by: Employee | Allowance: 30 EUR per month")


def _hit(text: str, doc: str = "d1") -> Hit:
    return Hit("c1", doc, f"/docs/{doc}.pdf", text, 1.0, 0.5, 1.0, 2, 2, 0, len(text), "")


def test_a_cell_of_words_that_mentions_a_figure_gives_no_figure_and_a_figure_keeps_its_unit():
    assert row_figure("¿Qué significa el código F03?",
                      "F03 | Meaning: Overload | Action: Disconnect loads until the output is below 7.5 kVA") == ""
    assert row_figure("How often is the air filter replaced?",
                      "Replace air filter | Interval: Every 200 operating hours") == "200 operating hours (Interval)"
    assert row_figure("What is the flash point of isopropyl alcohol?", "Flash point | 12 °C") == "12 °C"


def test_a_row_quoted_under_a_sentence_carries_no_short_answer_of_its_own():
    selection = select_evidence("How many hours does the running-in period last before the first oil change?",
                                [_hit(GENERATOR)], Terms("en", evidence_stopwords()))
    first, *others = selection.chosen
    assert first.unit.text.startswith("The first oil change is due after the first 20 operating hours")
    assert others and all(not c.answer for c in others), [(c.unit.text, c.answer) for c in others]


def test_a_title_over_numbered_steps_is_their_context_and_the_steps_answer_how():
    items = [u for u in split_units(LOCKOUT) if u.kind == ITEM]
    assert len(items) == 3 and all(u.context == "Pasos del bloqueo" for u in items)
    selection = select_evidence("¿Cuáles son los pasos del bloqueo?", [_hit(LOCKOUT)], Terms("es", evidence_stopwords()))
    assert [c.unit.text[:2] for c in selection.chosen] == ["1.", "2.", "3."]


def test_a_name_does_not_open_with_the_question_s_own_words():
    stolen = "Call the IT service desk at extension 4357 immediately, then file a police report within 24 hours."
    assert answer_phrase("Who do I call if my laptop is stolen?", NAME, stolen) == ""
    assert answer_phrase("Who is Apple's CEO?", NAME, "Apple CEO Tim Cook said the results were strong.") == "Tim Cook"


def test_an_english_question_is_answered_by_a_spanish_quote_holding_all_its_words_translated(tmp_path):
    """"Are traffic fines reimbursed?" over a Spanish travel policy: the English-only embedder reads nothing in it, and
    every word of the question is in one sentence, translated."""
    from rag.answer.choice import choose_evidence

    index = KeywordIndex(tmp_path / "kw")
    text = ("Los gastos se presentan en un plazo de 30 días. No se reembolsan las multas de tráfico, los minibares ni las "
            "bebidas alcohólicas.")
    index.rebuild([("c1", text, "es")], 1)
    hits = [_hit(text)]
    def ask(question: str):
        return choose_evidence(question, "en", hits, 0.05, index, 0.6, lambda: [],
                               lambda asked: (lambda texts: [0.0] * len(texts)))
    answered = ask("Are traffic fines reimbursed?").selection
    assert answered is not None and answered.chosen[0].unit.text.startswith("No se reembolsan las multas de tráfico")
    assert ask("Are parking fines reimbursed?").selection is None


def test_a_row_of_words_is_a_row_and_its_header_row_names_the_columns():
    units = split_units(POLICY)
    assert [u.text for u in units if u.kind == ROW][0] == "Laptop | Provided by: IT department | Allowance: None"
    assert not any(u.text.startswith("Item |") for u in units), "the header row is the rows' context, no quote"
    selection = select_evidence("Who provides the laptop?", [_hit(POLICY)], Terms("en", evidence_stopwords()))
    assert selection.chosen[0].unit.text.startswith("Laptop | Provided by: IT department")


def test_a_range_is_one_amount():
    text = "La presión del circuito de agua debe estar entre 1,2 y 2 bar con la instalación en frío."
    assert answer_phrase("¿Qué presión debe tener el circuito de agua?", AMOUNT, text) == "entre 1,2 y 2 bar"


def test_a_sentence_that_gives_several_figures_is_no_table_row():
    """Read as a row, its short answer was "18:00" for "¿Cuál es el teléfono del servicio técnico?"."""
    assert not is_table_row("Servicio técnico oficial: Climatec Servicios, teléfono 900 555 010, de lunes a viernes de 8:00 a 18:00.")
    assert is_table_row("Inlet pressure 16 bar 20 bar") and is_table_row("3.0 m to 4.5 m 1,600 kg")


def test_a_document_s_title_is_no_part_of_the_sentence_under_it():
    """"Bomba de calor HP-12 - Manual de instalación y mantenimiento" ran into the sentence below it, and the unit,
    holding every name of the heat pump, was quoted first for whatever was asked about it."""
    text = ("Bomba de calor HP-12 - Manual de instalación y mantenimiento\n"
            "La bomba de calor HP-12 produce calefacción y agua caliente sanitaria.")
    assert [u.text for u in split_units(text)] == ["La bomba de calor HP-12 produce calefacción y agua caliente sanitaria."]


def test_a_measure_asked_wants_its_unit_and_a_model_s_number_is_no_amount():
    """"How loud is the heat pump?" quoted "Potencia calorífica | 12 kW" (a row's figure always looked like the amount
    asked); "¿Qué potencia tiene la bomba de calor HP-12?" quoted the sentence that names the HP-12 (its "12" an amount)."""
    from rag.answer.question_kind import offers

    spec = "Heat output | Value: 12 kW\nNoise level at 5 m | Value: 42 dB(A)\nRefrigerant | Value: R32"
    selection = select_evidence("How loud is the heat pump?", [_hit(spec)], Terms("en", evidence_stopwords()))
    assert selection.chosen[0].unit.text.startswith("Noise level") and selection.chosen[0].answer == "42 dB(A) (Value)"
    assert all(not c.answer for c in selection.chosen[1:]), "a figure in another unit is not a second answer"
    assert offers(AMOUNT, "La bomba de calor HP-12 produce calefacción.", "¿Qué potencia tiene la bomba de calor HP-12?") == 0


FORKLIFT = (
    ("2 Technical data", "Rated capacity | Value: 2,500 kg\nBattery | Value: 48 V, 620 Ah\nService weight | Value: 4,150 kg"),
    ("6 Battery charging", "Charge the battery only in the ventilated charging area. A full charge takes 8 hours; an "
                           "opportunity charge during breaks must last at least 30 minutes."),
    ("7 Warranty", "Orion warrants the FL-25 against defects in materials and workmanship for 24 months or 3,000 "
                   "operating hours, whichever comes first. The battery is covered for 12 months. Report warranty "
                   "claims to service@orion-mh.example or call +44 20 7946 0321."),
)


def test_how_long_wants_a_time_and_a_sentence_s_heading_says_what_it_is_about():
    """"How long is the warranty on the battery?" quoted the warranty claims' phone number (→ 44) over "The battery is
    covered for 12 months.", whose "warranty" is only its heading's."""
    hits = [Hit(f"c{n}", "d1", "/docs/forklift.pdf", text, 1.0, 0.5, 1.0, 1, 1, 0, len(text), section)
            for n, (section, text) in enumerate(reversed(FORKLIFT))]  # as found: the warranty's passage first
    selection = select_evidence("How long is the warranty on the battery?", hits, Terms("en", evidence_stopwords()))
    assert selection.chosen[0].unit.text == "The battery is covered for 12 months." and selection.chosen[0].answer == "12 months"
