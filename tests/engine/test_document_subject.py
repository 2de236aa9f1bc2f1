"""Evidence in a document about one thing: its title names the subject, the question's other words name the answer."""
from __future__ import annotations

from rag.answer.answer_phrase import answer_phrase
from rag.answer.evidence import Terms, evidence_stopwords, select_evidence
from rag.answer.passage_units import document_title, row_cells
from rag.answer.question_kind import AMOUNT, OTHER, question_kind
from rag.answer.row_labels import asked_noun
from rag.types import Hit
from tests.fakes import passage_hit

MANUAL = (
    "Bomba de calor HP-12 - Manual de instalación y mantenimiento\n"
    "La bomba de calor HP-12 produce calefacción y agua caliente sanitaria para viviendas de hasta 150 m². "
    "La unidad exterior se instala sobre una base firme.\n"
    "1. Datos técnicos\n\n"
    "Característica | Valor\n"
    "Potencia calorífica | Valor: 12 kW\n"
    "Refrigerante | Valor: R32 (1,8 kg)\n"
    "Peso de la unidad exterior | Valor: 98 kg\n"
)
POLICY = (
    "Remote work policy\n\n"
    "Remote work requests are approved by the employee's line manager. HR keeps a record of every approved arrangement.\n"
    "The policy applies to all permanent employees in Spain and Portugal. It does not apply to shift workers."
)
STATEMENT = (
    "CONDENSED CONSOLIDATED STATEMENTS OF SHAREHOLDERS' EQUITY\n"
    "Share-based compensation expense $ 2,617 $ 2,243 $ 8,208 $ 6,760\n"
    "Common stock repurchased (18,140) (22,891) (56,547) (67,882)\n"
)


def _hit(text: str, char_start: int = 0, doc: str = "d1") -> Hit:
    """A passage of ``doc``, from its start unless ``char_start`` says otherwise (its title is its first line)."""
    return passage_hit(text, doc=doc, page=1, char_start=char_start)


def _first(question: str, hit: Hit, language: str) -> str:
    """The first unit chosen for ``question`` over ``hit``, whose text is in Spanish."""
    selection = select_evidence(question, [hit], Terms(language, evidence_stopwords()), across_languages=language != "es")
    return selection.chosen[0].unit.text


def test_a_document_opens_with_its_title():
    assert document_title(MANUAL) == "Bomba de calor HP-12 - Manual de instalación y mantenimiento"
    assert document_title("# Super Bowl 50\n\nSuper Bowl 50 was an American football game.") == "Super Bowl 50"
    assert document_title("The seal is replaced every 1,800 operating hours.\nIt takes an hour.") == ""


def test_the_question_s_words_in_the_title_do_not_outweigh_the_thing_asked():
    """Every unit of the manual is about the HP-12: the row naming the refrigerant answers, in either language."""
    assert _first("¿Qué refrigerante usa la bomba de calor HP-12?", _hit(MANUAL), "es").startswith("Refrigerante |")
    assert _first("What refrigerant does the HP-12 heat pump use?", _hit(MANUAL), "en").startswith("Refrigerante |")


def test_the_row_naming_the_thing_asked_outranks_a_sentence_whose_word_stems_alike():
    """"refrigeración" (cooling) in the opening sentence stems as "refrigerante" and "refrigerant" do; the row's label
    is the noun the question asks for."""
    manual = MANUAL.replace("produce calefacción y", "produce calefacción, refrigeración y")
    for question, language in (("¿Qué refrigerante usa la bomba de calor HP-12?", "es"),
                               ("What refrigerant does the HP-12 heat pump use?", "en"),
                               ("Which refrigerant does the HP-12 use?", "en")):
        assert _first(question, _hit(manual), language).startswith("Refrigerante |"), question
    assert [asked_noun(q) for q in ("¿Qué refrigerante usa?", "Which refrigerant does it use?", "What is the weight?",
                                    "What does E4 mean?", "¿Cuál es el caudal?")] == ["refrigerante", "refrigerant", "", "", ""]


def test_a_row_holding_the_rest_of_the_question_in_its_document_s_title_is_no_weak_answer():
    """"Peso" is all the row says; "la bomba de calor HP-12" is what the whole manual is about."""
    selection = select_evidence("¿Cuánto pesa la bomba de calor HP-12?", [_hit(MANUAL)], Terms("es", evidence_stopwords()))
    assert selection.chosen[0].unit.text.startswith("Peso de la unidad exterior |") and not selection.weak


def test_a_spanish_question_finds_an_english_manual_s_flow_rate():
    manual = ("KX-440 Coolant Pump - Operator Manual\nThe KX-440 coolant pump circulates cutting fluid through machining "
              "centres.\nSpecification | Value\nFlow rate | Value: 440 l/min\nMaximum pressure | Value: 16 bar\n")
    selection = select_evidence("¿Cuál es el caudal de la bomba KX-440?", [_hit(manual)], Terms("es", evidence_stopwords()),
                                across_languages=True)
    assert selection.chosen[0].unit.text.startswith("Flow rate |")


def test_in_a_schedule_each_task_s_sentence_gives_its_own_interval():
    """The seal's sentence comes after the coolant's, but answers how often to replace the seal, not to check the coolant."""
    manual = ("KX-440 Coolant Pump - Operator Manual\nMaintenance\nCheck the coolant level daily. Replace the impeller seal "
              "every 1,800 operating hours. Clean the suction strainer every week.")
    def first(question: str) -> str:
        return select_evidence(question, [_hit(manual)], Terms("en", evidence_stopwords())).chosen[0].unit.text

    assert first("How often should the coolant level of the KX-440 be checked?") == "Check the coolant level daily."
    assert first("How often must the impeller seal of the KX-440 be replaced?").startswith("Replace the impeller seal")


def test_without_its_title_in_the_pool_the_subject_still_counts():
    """A passage from the middle of the document: its opening sentence names the pump, nothing says it is the subject."""
    assert _first("¿Qué refrigerante usa la bomba de calor HP-12?", _hit(MANUAL, char_start=500), "es").startswith(
        "La bomba de calor HP-12 produce")


def test_a_sentence_of_a_yes_no_question_s_own_words_answers_it():
    selection = select_evidence("Does the remote work policy apply to shift workers?", [_hit(POLICY)],
                                Terms("en", evidence_stopwords()))
    assert selection.chosen[0].unit.text == "It does not apply to shift workers."


def test_spending_on_a_thing_asks_its_amount_not_an_expense():
    for question, language in (("How much did Apple spend on share repurchases in the third quarter of 2023?", "en"),
                               ("¿Cuánto dinero gastó Apple en recompras de acciones en el tercer trimestre de 2023?", "es")):
        hit = _hit(STATEMENT, doc="aapl")
        selection = select_evidence(question, [hit], Terms(language, evidence_stopwords()),
                                    across_languages=language == "es")
        assert selection.chosen[0].unit.text.startswith("Common stock repurchased"), question


def test_a_row_gives_a_figure_a_cell_opens_with_or_one_asked_for_and_a_bracketed_figure_keeps_its_unit():
    row, header = "Refrigerante | Valor: R32 (1,8 kg)", "Característica | Valor"
    assert row_cells(row, header) == [("Valor", "1,8 kg")]
    assert question_kind("¿Qué refrigerante usa la bomba de calor?") == OTHER
    assert answer_phrase("¿Qué refrigerante usa la bomba de calor?", OTHER, row, header, row=True) == ""
    assert answer_phrase("¿Cuánto refrigerante lleva?", AMOUNT, row, header, row=True) == "1,8 kg (Valor)"
    hotel = "Hotel (por noche) | Importe máximo: 120 EUR"
    assert question_kind("What is the hotel limit per night?") == OTHER
    assert answer_phrase("What is the hotel limit per night?", OTHER, hotel, "Concepto | Importe máximo", row=True) == \
        "120 EUR (Importe máximo)"
    assert row_cells("Net income | 2023: (1,234)") == [("2023", "(1,234)")], "a negative figure keeps its brackets"


def test_flying_and_approving_are_read_across_languages(tmp_path):
    """"Can I fly business class?" over a Spanish travel policy abstained: "fly" had no Spanish word; "¿Quién aprueba
    el teletrabajo?" quoted the core hours: "aprueba" was not "approved"."""
    from rag.answer.choice import choose_evidence
    from rag.store.keyword_index import KeywordIndex

    travel = "Los billetes de avión se reservan en clase turista. La clase business solo se permite en vuelos de más de 8 horas."
    remote = ("Core hours are 10:00 to 15:00, during which remote employees must be reachable by phone and chat. "
              "Remote work requests are approved by the employee's line manager.")
    index = KeywordIndex(tmp_path / "kw")
    index.rebuild([("c1", travel, "es")], 1)
    hits = [_hit(travel, char_start=100)]
    flying = choose_evidence("Can I fly business class?", "en", hits, 0.05, index, 0.6, lambda: [],
                             lambda asked: (lambda texts: [0.0] * len(texts))).selection
    assert flying is not None and flying.chosen[0].unit.text.startswith("La clase business solo se permite")
    approving = select_evidence("¿Quién aprueba el teletrabajo?", [_hit(remote)], Terms("es", evidence_stopwords()),
                                across_languages=True)
    assert approving.chosen[0].unit.text.startswith("Remote work requests are approved")


def test_an_english_question_over_a_spanish_table_may_lack_one_word_of_many(tmp_path):
    """"What is the hotel limit per night for international trips?" over the Spanish travel policy's table abstained:
    no cell says "limit", and "per" had no Spanish word; "trips" is the policy's name ("Política de viajes")."""
    from dataclasses import replace

    from rag.answer.choice import choose_evidence
    from rag.store.keyword_index import KeywordIndex

    table = "Concepto | Nacional | Internacional\nHotel por noche | Nacional: 120 € | Internacional: 180 €\n"
    index = KeywordIndex(tmp_path / "kw")
    index.rebuild([("c1", table, "es")], 1)
    hits = [replace(_hit(table, char_start=100), source="/docs/Política de viajes 2024.docx")]
    def chosen(question: str):
        return choose_evidence(question, "en", hits, 0.05, index, 0.6, lambda: [],
                               lambda asked: (lambda texts: [0.0] * len(texts))).selection

    hotel = chosen("What is the hotel limit per night for international trips?")
    assert hotel is not None and hotel.chosen[0].unit.text.startswith("Hotel por noche |")
    assert chosen("What is the parking limit per night for domestic cruises?") is None, "two words missing"


def test_a_column_named_in_the_other_language_or_translated_gives_the_short_answer():
    row, header = "Hotel por noche | Nacional: 120 € | Internacional: 180 €", "Concepto | Nacional | Internacional"
    assert answer_phrase("What is the hotel limit per night for international trips?", OTHER, row, header, row=True) == \
        "180 € (Internacional)"
    assert answer_phrase("What is the hotel limit per night for domestic trips?", OTHER, row, header, row=True) == \
        "120 € (Nacional)"


def test_a_row_under_a_heading_holding_the_rest_of_the_question_is_no_weak_answer():
    """"error" is in the heading of the table of error codes, not in the row "E4 | Significado: …": under that heading
    the row holds every word of the question; under another it lacks "error" (the glossary's forms of "significar" let
    "Significado" answer "significa", so the row alone is no longer weak there either)."""
    from dataclasses import replace

    codes = "Bomba de calor HP-12 - Manual de instalación\nCódigos de error\nCódigo | Significado | Solución\nE1 | Significado: Fallo del sensor | Solución: Llame al " \
            "servicio técnico\nE4 | Significado: Presión baja de agua | Solución: Rellene el circuito hasta 1,5 bar\n"
    def selection(section: str):
        hit = replace(_hit(codes), section=section)
        return select_evidence("¿Qué significa el error E4 de la bomba de calor?", [hit], Terms("es", evidence_stopwords()))

    under = selection("Bomba de calor HP-12 - Manual de instalación > Códigos de error")
    assert under.chosen[0].unit.text.startswith("E4 |") and not under.weak and under.chosen[0].holds_all
    assert not selection("Bomba de calor HP-12 - Manual de instalación > Mantenimiento").chosen[0].holds_all


def test_quotes_holding_only_the_document_s_subject_may_not_answer():
    """The manual never mentions a warranty: its opening names the HP-12, which says nothing of what is asked."""
    for question, language in (("What is the warranty period of the HP-12?", "en"),
                               ("¿Cuál es el periodo de garantía de la bomba de calor HP-12?", "es")):
        selection = select_evidence(question, [_hit(MANUAL)], Terms(language, evidence_stopwords()),
                                    across_languages=language != "es")
        assert selection.weak, question
    assert not select_evidence("What is the weight of the HP-12 outdoor unit?", [_hit(MANUAL)],
                               Terms("en", evidence_stopwords()), across_languages=True).weak


def test_the_kind_of_document_in_a_title_is_not_its_subject():
    from rag.answer.subject import named_thing

    assert named_thing("Carretilla elevadora FX-25 - Manual del operador") == "Carretilla elevadora FX-25"
    assert named_thing("Safety Data Sheet - CleanPro Degreaser") == "CleanPro Degreaser"
    assert named_thing("Remote work policy") == "Remote work policy"
    manual = ("Carretilla elevadora FX-25 - Manual del operador\n"
              "La carretilla FX-25 es una carretilla eléctrica de contrapeso para cargas de hasta 2.500 kg. "
              "Solo pueden manejarla operadores con el carné de carretillero en vigor.")
    assert _first("Who can operate the FX-25?", _hit(manual), "en").startswith("Solo pueden manejarla operadores")
