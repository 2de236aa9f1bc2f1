"""Answers from handbooks and procedures: a table of contacts, a condition for "when", a question in the other language."""
from __future__ import annotations

from rag.answer.evidence import Terms, evidence_stopwords, select_evidence
from rag.answer.passage_units import ROW, split_units
from rag.types import Hit

HANDBOOK = (
    "Who to contact\n\n"
    "Topic | Contact | Email\n\n"
    "Payroll | Ana Ruiz | payroll@norte.example\n\n"
    "IT access | Service desk | it@norte.example\n\n"
    "Training | Luis Gómez | training@norte.example\n\n"
    "Salaries are paid on the last working day of each month by bank transfer."
)
CARRETILLA = (
    "Tensión de la batería | Valor: 48 V\n"
    "Cargue la batería cuando el indicador baje del 20 %. No cargue la batería cerca de llamas ni chispas.\n"
    "1. Compruebe el nivel de carga de la batería en el indicador del salpicadero."
)
SEGURIDAD = (
    "Política de seguridad de la información\n"
    "Esta política se aplica a todos los empleados.\n"
    "3. Bloquee la pantalla siempre que se aleje del ordenador.\n"
    "El incumplimiento de esta política puede dar lugar a sanciones disciplinarias."
)


def _hit(text: str) -> Hit:
    return Hit("c1", "d1", "/docs/d1.docx", text, 1.0, 0.5, 1.0, None, None, 0, len(text), "")


def _select(question: str, text: str, language: str, across: bool = False):
    return select_evidence(question, [_hit(text)], Terms(language, evidence_stopwords()), across_languages=across)


def test_every_row_of_a_table_of_words_is_a_row_under_its_header():
    """Rows of words after a header row had each been taken for the header of the next, leaving the last row alone."""
    rows = [u for u in split_units(HANDBOOK) if u.kind == ROW]
    assert [u.text.split(" | ")[0] for u in rows] == ["Payroll", "IT access", "Training"]
    assert all(u.context == "Topic | Contact | Email" for u in rows)


def test_a_name_in_a_table_of_contacts_is_found_by_its_row_and_column():
    selection = _select("Who do I contact about payroll?", HANDBOOK, "en")
    assert selection.chosen[0].unit.text.startswith("Payroll |")
    assert selection.chosen[0].answer == "Ana Ruiz (Contact)"


def test_a_row_without_a_date_does_not_answer_when():
    """"¿Cuándo se paga el sueldo?" quoted the payroll contact first: a row's figure fit any date asked."""
    text = ("Sueldos y pagas | Contacto: Ana Ruiz | Correo: nominas@norte.example\n"
            "El sueldo se paga por transferencia el último día laborable de cada mes.")
    selection = _select("¿Cuándo se paga el sueldo?", text, "es")
    assert selection.chosen[0].unit.text.startswith("El sueldo se paga por transferencia")


def test_when_is_answered_by_a_condition_and_should_by_an_imperative_in_the_other_language():
    selection = _select("When should the battery be charged?", CARRETILLA, "en", across=True)
    first = selection.chosen[0]
    assert first.unit.text == "Cargue la batería cuando el indicador baje del 20 %." and first.holds_all


def test_words_that_only_ask_do_not_need_to_be_quoted():
    """"my", "happens": the quote holds every word that says what is asked, so the library answers."""
    leaving = _select("What should I do when I leave my computer?", SEGURIDAD, "en", across=True).chosen[0]
    assert leaving.unit.text.startswith("3. Bloquee la pantalla") and leaving.holds_all
    complying = _select("What happens if I do not comply with the security policy?", SEGURIDAD, "en", across=True).chosen[0]
    assert complying.unit.text.startswith("El incumplimiento de esta política") and complying.holds_all


def test_a_question_naming_a_list_by_its_title_gets_every_item_in_order():
    text = ("2. Antes de empezar\n1. Compruebe el nivel de carga de la batería.\n"
            "2. Revise los neumáticos y las horquillas.\n3. Pruebe el freno y el claxon.")
    selection = _select("¿Qué hay que comprobar antes de empezar?", text, "es")
    assert [c.unit.text[:2] for c in selection.chosen] == ["1.", "2.", "3."]


PLAN = ("Tarea | Frecuencia | Responsable\n\n"
        "Limpieza de filtros | Frecuencia: Cada mes | Responsable: Mantenimiento interno\n\n"
        "Limpieza de conductos | Frecuencia: Cada 2 años | Responsable: Empresa especializada\n\n"
        "Las averías se comunican por correo a mantenimiento@norte.example o en la extensión 2200.")


def test_how_often_is_answered_by_the_frequency_column_and_a_weaker_row_gives_no_second_answer():
    """"limpian" and "limpieza" are one word (Snowball stems them "limpi" and "limpiez"); the filters' row says "Cada
    mes" in words, and the ducts' row under it holds less of the question: its "2 años" would read as an answer."""
    first, *others = _select("¿Cada cuánto se limpian los filtros?", PLAN, "es").chosen
    assert first.unit.text.startswith("Limpieza de filtros") and first.holds_all
    assert first.answer == "Cada mes (Frecuencia)"
    assert all(not c.answer for c in others), [(c.unit.text, c.answer) for c in others]


def test_a_breakdown_that_is_a_failure_asks_no_table():
    """"Breakdown" asks a table's rows in a filing ("revenue breakdown"); no row here holds any word of the question."""
    first = _select("How do I report a breakdown of the air conditioning?", PLAN, "en", across=True).chosen[0]
    assert first.unit.text.startswith("Las averías se comunican")


def test_a_figure_is_found_near_the_question_s_words_translated():
    from rag.answer.answer_phrase import answer_phrase
    from rag.answer.question_kind import AMOUNT

    text = "It prints up to 38 pages per minute and holds 250 sheets in the main tray."
    assert answer_phrase("¿Cuántas hojas caben en la bandeja principal?", AMOUNT, text) == "250"


FAQ = ("Preguntas frecuentes de informática\n\n¿Cómo solicito un ordenador nuevo?\n\n"
       "Abra una petición en el portal de soporte. La sustitución se aprueba si el equipo tiene más de cuatro años.\n\n"
       "¿Qué hago si recibo un correo sospechoso?\n\nNo abra los adjuntos y reenvíe el correo a seguridad@norte.example.")


def test_an_answer_in_a_faq_of_the_other_language_is_read_with_its_question():
    """The English question's words are in the Spanish FAQ's question, translated: its answer, not the question, is
    quoted, and holds the whole question."""
    first = _select("What should I do with a suspicious email?", FAQ, "en", across=True).chosen[0]
    assert first.unit.text.startswith("No abra los adjuntos") and first.holds_all
    assert _select("How do I request a new computer?", FAQ, "en", across=True).chosen[0].unit.text.startswith(
        "Abra una petición")


def test_how_long_is_answered_without_the_word_long():
    first = _select("How long is the boiler warranty?", "La garantía de la caldera es de cinco años si se revisa cada año.",
                    "en", across=True).chosen[0]
    assert first.holds_all and first.answer == "cinco años"


def test_a_translation_matches_a_word_not_a_word_that_starts_alike():
    """"password" is "contraseña", whose first five letters "contrapeso" (counterweight) shares."""
    from rag.glossary import shared_across_languages

    assert shared_across_languages({"password"}, {"contrasen"}, "en") == {"password"}
    assert shared_across_languages({"password"}, {"contrapes"}, "en") == set()
    assert shared_across_languages({"clean"}, {"limpi"}, "en") == {"clean"}, "limpieza's stem and limpian's agree"


def test_a_list_item_s_number_does_not_make_it_an_amount_and_every_week_is_a_full_interval():
    from rag.answer.question_kind import AMOUNT, FREQUENCY, offers

    question = "How long must passwords be?"
    assert offers(AMOUNT, "2. No comparta su contraseña con nadie.", question) < 1.0
    assert offers(AMOUNT, "1. Las contraseñas tienen al menos 12 caracteres.", question) == 1.0
    assert offers(FREQUENCY, "Check the oil level every week.") == offers(FREQUENCY, "Change the oil every 300 hours.")
