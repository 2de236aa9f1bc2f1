"""Questions for a phone or fax number, an e-mail or a web address, answered by the line that gives it."""
from __future__ import annotations

from rag.answer.contact import contact_phrase, labelled, offers_contact
from rag.answer.evidence import Terms, evidence_stopwords, select_evidence
from rag.answer.passage_units import ITEM, split_units
from rag.answer.question_kind import CONTACT, question_kind
from tests.engine.test_policy_answers import _hit

# A notice set in a narrow column, as the Federal Register prints it: the list of ways to send comments, then the
# manufacturer's contact for service information with its own telephone and fax.
NOTICE = (
    "DATES: The FAA must receive comments\non this proposed AD by September 21,\n2020.\n"
    "ADDRESSES: You may send comments,\nusing the procedures found in 14 CFR\n11.43 and 11.45, by any of the following\n"
    "methods:\n"
    "• Federal eRulemaking Portal: Go to\nhttps://www.regulations.gov. Follow the\ninstructions for submitting comments.\n"
    "• Fax: 202–493–2251.\n"
    "• Mail: U.S. Department of\nTransportation, Docket Operations, M–\n30, West Building Ground Floor.\n"
    "For service information identified in\nthis proposed AD, contact Pilatus\nAircraft Ltd., Customer Technical\n"
    "Support (MCC), P.O. Box 992, CH–6371\nStans, Switzerland; telephone: +41 (0)41\n619 67 74; fax: +41 (0)41 619 67 73.\n"
    "The FAA sent Emergency AD 2018–23–51 to\nall known U.S. owners and operators.\n"
)


def test_questions_for_a_phone_an_email_or_a_web_address_ask_for_a_contact():
    assert question_kind("What is the fax number for sending comments on the proposed AD?") == CONTACT
    assert question_kind("¿Cuál es el teléfono del servicio técnico?") == CONTACT
    assert question_kind("¿A qué número llamo si la bomba falla?") == CONTACT
    assert question_kind("Which e-mail address do expense reports go to?") == CONTACT
    assert question_kind("What is the website for software updates?") == CONTACT
    assert question_kind("How do I change my e-mail address?") != CONTACT
    assert question_kind("Can I use my phone at work?") != CONTACT
    assert question_kind("What did the settlers call the river?") != CONTACT


def test_the_number_given_after_the_word_asked_is_the_answer_and_a_directive_number_is_no_phone():
    line = "Phone: 202–366–9317, fax: 202–493–2251; see AD 2018–23–51 of 2018-11-07."
    assert contact_phrase("What is the fax number?", line) == "202–493–2251"
    assert contact_phrase("¿Cuál es el teléfono?", "Teléfono: 900 123 456 (de lunes a viernes)") == "900 123 456"
    assert contact_phrase("Which e-mail do I write to?", "Write to gastos@norte.example or ask HR.") == "gastos@norte.example"
    assert offers_contact("The FAA sent Emergency AD 2018–23–51 to all operators.", "What is the fax number?") < 1.0
    assert offers_contact("Revenue was 1.800 in 2023-07-01.", "What is the fax number?") == 0.0
    assert labelled("• Fax: 202–493–2251.", "What is the fax number for sending comments?")
    assert labelled("- Email: servicedesk@northwind.example", "Which e-mail address does the desk have?")
    assert not labelled("• Teléfono: 900 123 456", "What is the telephone number of Pilatus?"), "by the word asked"


def test_a_list_item_is_read_with_the_sentence_that_announces_it():
    items = [u for u in split_units(NOTICE) if u.kind == ITEM]
    fax = next(u for u in items if u.text.startswith("• Fax"))
    assert fax.context.startswith("ADDRESSES: You may send comments"), fax.context


def test_the_fax_for_sending_comments_is_the_one_in_the_list_of_ways_to_send_them():
    """Faro quoted "Send your comments to an address listed under the ADDRESSES section." and then the manufacturer's
    fax: the list's "• Fax: 202–493–2251." held none of the question's words but "fax"."""
    selection = select_evidence("What is the fax number for sending comments on the proposed AD?", [_hit(NOTICE)],
                                Terms("en", evidence_stopwords()))
    assert selection.chosen[0].unit.text == "• Fax: 202–493–2251.", [c.unit.text for c in selection.chosen]
    assert selection.chosen[0].answer == "202–493–2251"


IT_POLICY = (
    "Northwind IT Support Policy\n"
    "This policy explains how employees get help with laptops, accounts and software.\n"
    "1. Getting help\n"
    "The IT Service Desk is open Monday to Friday from 7:00 to 19:00. Contact it by any of these channels:\n"
    "- Phone: +1 (555) 010-4455 (internal extension 4455)\n"
    "- Email: servicedesk@northwind.example\n"
    "- Self-service portal: https://help.northwind.example\n"
    "2. Lost or stolen equipment\n"
    "If your laptop is lost or stolen, report it at once: call Security on +1 (555) 010-9111 and then open a\n"
    "ticket in the portal.\n"
)


def test_dashed_items_are_items_read_with_the_paragraph_that_announces_them():
    """"- Email: servicedesk@northwind.example" was taken for a title and dropped; "- Phone: …" for a table row."""
    items = {u.text: u.context for u in split_units(IT_POLICY) if u.kind == ITEM}
    assert set(items) >= {"- Phone: +1 (555) 010-4455 (internal extension 4455)", "- Email: servicedesk@northwind.example",
                          "- Self-service portal: https://help.northwind.example"}
    assert items["- Email: servicedesk@northwind.example"].startswith("The IT Service Desk is open")


def test_an_open_sentence_goes_on_over_lines_of_figures_in_a_narrow_column():
    """"Stans, Switzerland; telephone: +41 (0)41" and "619 67 74; fax: …" were table rows, apart from their sentence."""
    units = [u.text for u in split_units(NOTICE)]
    contact = next(u for u in units if "619 67 74" in u)
    assert "telephone: +41 (0)41 619 67 74" in contact, units


def test_the_desk_s_phone_email_and_portal_are_answered_from_its_list(tmp_path, fake_engine):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "it-support.txt").write_text(IT_POLICY, encoding="utf-8")
    engine = fake_engine()
    engine.ingest([tmp_path / "docs"])
    expected = {"Which phone number does the IT Service Desk have?": "+1 (555) 010-4455",
                "What is the IT service desk email address?": "servicedesk@northwind.example",
                "What is the website of the IT self-service portal?": "https://help.northwind.example",
                "What number do I call if my laptop is stolen?": "+1 (555) 010-9111"}
    for question, answer in expected.items():
        reply = engine.ask(question)
        assert not reply.weak and reply.evidence[0].answer == answer, (question, [e.text for e in reply.evidence])


def test_where_to_send_something_is_answered_by_the_address_it_goes_to():
    from rag.answer.place import place_phrase

    text = "Spare parts are ordered by e-mail at parts@g7power.example, quoting the serial number printed on the frame."
    assert place_phrase("Where do I order spare parts for the G-7?", text) == "at parts@g7power.example"


def test_a_contact_table_answers_a_question_in_the_other_language():
    table = ("Departamento | Teléfono | Correo\n\nTaller | Teléfono: 91 555 12 34 | Correo: taller@flota.example\n\n"
             "Seguridad | Teléfono: 91 555 99 00 | Correo: seguridad@flota.example")
    selection = select_evidence("What is the phone number of the workshop?", [_hit(table)], Terms("en", evidence_stopwords()),
                                across_languages=True)
    assert selection.chosen[0].unit.text.startswith("Taller") and selection.chosen[0].answer == "91 555 12 34"
    email = select_evidence("What is the security department's email?", [_hit(table)], Terms("en", evidence_stopwords()),
                            across_languages=True)
    assert email.chosen[0].answer == "seguridad@flota.example"
