"""A small model's sentences that say nothing (the question again, the instruction, citation marks) never reach the
answer, and a sentence whose words are in none of the sources is not shown as sourced."""
from __future__ import annotations

from rag.answer.echo import copies_a_quote, off_the_sources, repeated_quote, vocabulary, without_echoes
from rag.answer.language import message
from tests.documents import make_pdf
from tests.fakes import FakeGenerator


def test_the_question_restated_and_the_instruction_copied_are_left_out():
    question = "¿Qué son los clades?"
    reply = "¿Qué son los clades? Responden a la pregunta en español. Son ramas genéticas [1] (2) (3)."
    assert without_echoes(reply, question, message("write", "es"), "es") == "Son ramas genéticas [1]."


def test_a_reply_of_echoes_alone_is_empty():
    question = "¿Quién era el hijo de Ayurbarwada?"
    reply = "El hijo de Ayurbarwada. Responderá en español."
    assert without_echoes(reply, question, message("write", "es"), "es") == ""


def test_a_sentence_with_words_from_no_source_is_off_the_sources():
    sources = vocabulary(["El emperador Gegeen Khan, hijo y sucesor de Ayurbarwada, gobernó durante solo dos años."], "es")
    question = "¿Quién era el hijo de Ayurbarwada?"
    assert off_the_sources("En este caso, no es más que ahora.", question, sources, "es")
    assert not off_the_sources("Fue Gegeen Khan [1].", question, sources, "es")
    assert not off_the_sources("El hijo de Ayurbarwada [1].", question, sources, "es"), "nothing of its own to check"


def test_a_sentence_sharing_a_word_or_two_with_the_sources_is_still_off_them():
    sources = vocabulary(["Peyton Manning se convirtió en el primer mariscal de campo en llevar a dos equipos a "
                          "múltiples Super Bowls. Al final del partido no pudo pasar el balón."], "es")
    question = "¿Quién fue el primer mariscal de campo en llevar a dos equipos a más de una Super Bowl?"
    assert off_the_sources("Para esta pregunta, no puede pasar al final el primer mariscal de campo a más de una "
                           "Superbowl [1].", question, sources, "es")
    assert not off_the_sources("Peyton Manning llevó a dos equipos a múltiples Super Bowls [1].", question, sources, "es")


def test_an_answer_of_echoes_shows_the_evidence_alone(tmp_path, fake_engine):
    make_pdf(tmp_path / "clades.pdf", ["El estudio sobre los clades del genoma reveló dos ramas genéticas."])
    engine = fake_engine(generator=FakeGenerator("¿Qué reveló el estudio sobre los clades? Responderá en español."))
    engine.ingest([tmp_path])
    answer = engine.ask("¿Qué reveló el estudio sobre los clades del genoma?")
    assert answer.text == "" and answer.evidence and not answer.abstained
    assert "ramas genéticas" in answer.evidence[0].text
    assert answer.note == "El modelo de lenguaje no añadió nada a los pasajes de arriba.", "the user hears why no text came"


def test_an_unsourced_sentence_is_marked_and_a_sourced_one_kept(tmp_path, fake_engine):
    make_pdf(tmp_path / "pump.pdf", ["Replace the mechanical seal of the booster pump every 8,000 operating hours."])
    reply = "The seal is replaced every 8,000 hours [1]. Customers love the colour."
    engine = fake_engine(generator=FakeGenerator(reply))
    engine.ingest([tmp_path])
    answer = engine.ask("How often is the seal replaced?")
    assert [c.supported for c in answer.sentences] == [True, False]
    assert "Customers love the colour. (not found in your documents)" in answer.text


def test_a_sentence_stitched_from_words_all_over_the_sources_is_off_them():
    filing = ("The Company's fiscal year is the 52- or 53-week period that ends on the last Saturday of September. "
              "There were no significant changes to the Company's accounting policies during the quarter. "
              "Certain items in prior periods were reclassified to conform to the current presentation. "
              "Management's estimates include the elimination of intercompany accounts and transactions.")
    sources = vocabulary([filing], "en")
    question = "What accounting policy changes did Apple disclose?"
    stitched = "Apple has made significant changes to its accounting policies, including the elimination of certain items [1]."
    assert off_the_sources(stitched, question, sources, "en")
    assert not off_the_sources("There were no significant changes to the accounting policies during the quarter [1].",
                               question, sources, "en")
    assert not off_the_sources(stitched, question, vocabulary([filing.replace(". ", ", ")], "en"), "en"), \
        "the same words in one sentence are what it says"


def test_a_sentence_that_adds_a_clause_from_another_sentence_is_off_the_sources():
    sources = vocabulary(["The weakness in foreign currencies had an unfavorable impact on Europe net sales. "
                          "Wearables net sales rose, partially offset by lower net sales of accessories."], "en")
    question = "How did exchange rates affect Apple's net sales?"
    assert off_the_sources("The weakness in foreign currencies had an unfavorable impact on Europe, partially offset "
                           "by accessories [1].", question, sources, "en"), "two thirds of it in one sentence"
    assert not off_the_sources("The weakness in foreign currencies had an unfavorable impact on Europe [1].", question,
                               sources, "en")


def test_a_short_answer_with_one_word_of_its_own_is_not_a_stitch():
    sources = vocabulary(["Torque the flange bolts to 40 Nm."], "en")
    question = "What torque for the flange bolts?"
    assert not off_the_sources("Use 40 Nm [1].", question, sources, "en")
    assert off_the_sources("Use 40 Nm with grease [1].", question, sources, "en")
    assert off_the_sources("Use grease [1].", question, sources, "en"), "one word found is not enough"


VENOM = ("Venom, reckoned by many to be the originators of black metal and extremely influential to the extreme metal "
         "scene as a whole, formed in Newcastle in 1979.")
SKYCLAD = ("Folk metal band Skyclad, often regarded as the first folk metal band, also formed in Newcastle after the "
           "break-up of a thrash metal band.")
ORIGINATORS = "Which band is seen by many as the originators of black metal?"


def test_a_sentence_that_says_a_quote_again_is_a_repeat_but_a_short_answer_from_it_is_not():
    copy = "The band Skyclad, often regarded as the first folk metal band, also formed in Newcastle after the break-up [1]."
    assert repeated_quote(copy, ORIGINATORS, [VENOM, SKYCLAD], "en") == 1
    assert repeated_quote("Venom is seen as the originator of black metal [1].", ORIGINATORS, [VENOM, SKYCLAD], "en") is None
    assert repeated_quote("Use 40 Nm [1].", "What torque for the flange bolts?", ["Torque the flange bolts to 40 Nm."], "en") is None


def test_a_model_that_copies_a_quote_adds_nothing_but_saying_the_best_one_again_is_an_answer(tmp_path, fake_engine):
    """A copy of another quote than the best picks a different answer; a word-for-word copy of the best one says it
    twice (the bundled model answered "When did Newcastle's first indoor market open?" with the quote shown above)."""
    make_pdf(tmp_path / "newcastle.pdf", [f"{VENOM} {SKYCLAD}"])
    engine = fake_engine(generator=FakeGenerator(f"The band {SKYCLAD[:-1]} [1]."))
    engine.ingest([tmp_path])
    answer = engine.ask(ORIGINATORS)
    assert answer.evidence[0].text == VENOM and any(e.text == SKYCLAD for e in answer.evidence)
    assert answer.text == "" and not answer.abstained
    assert answer.note == "The language model added nothing to the passages above."
    copying = fake_engine(data_dir=tmp_path / "copying", generator=FakeGenerator(f'Evidence: [1] "{VENOM}"'))
    copying.ingest([tmp_path])
    copied = copying.ask(ORIGINATORS)
    assert copied.text == "" and copied.note == "The language model added nothing to the passages above."
    assert [c.supported for c in copied.sentences] == [True], "the copy is still reported as checked"
    agreeing = fake_engine(data_dir=tmp_path / "agreeing", generator=FakeGenerator(
        "Venom is reckoned by many to be the originators of black metal [1]."))
    agreeing.ingest([tmp_path])
    assert agreeing.ask(ORIGINATORS).text.startswith("Venom is reckoned by many")


def test_a_quote_copied_in_quotation_marks_is_a_copy_but_the_answer_said_again_is_not():
    seal = ["Replace the impeller seal every 1,800 operating hours."]
    assert copies_a_quote('[1] "Replace the impeller seal every 1,800 operating hours."', seal)
    assert copies_a_quote('Evidence: [1] "Replace the impeller seal every 1,800 operating hours".', seal)
    assert not copies_a_quote("Replace the impeller seal every 1,800 operating hours [1].", seal)
    assert not copies_a_quote('The "impeller seal" is replaced every 1,800 operating hours [1].', seal)
    assert not copies_a_quote("every 1,800 operating hours [1].", seal)


def test_words_around_a_quotation_are_checked_on_their_own():
    """The bundled model framed a quote in nonsense; three quarters of the sentence's words were the quote's."""
    statement = 'The statement was in Latin, apart from "We are beggars," which was in German.'
    sources = vocabulary([statement, "A piece of paper was later found on which Luther had written his last statement."], "es")
    question = "¿Qué parte de la última declaración de Lutero estaba en alemán?"
    assert off_the_sources(f'El documento de la que está enviromente es: [1] "{statement}"', question, sources, "es")
    assert not off_the_sources(f'Según el documento: "{statement}" [1].', question, sources, "es"), "words of quoting"
    seal = vocabulary(["Replace the impeller seal every 1,800 operating hours."], "en")
    asked = "How often must the seal be replaced?"
    assert not off_the_sources('The manual says: "Replace the impeller seal every 1,800 operating hours."', asked, seal, "en")
    assert off_the_sources('The pump must be scrapped: "Replace the impeller seal" [1].', asked, seal, "en")


def test_an_instruction_the_model_writes_itself_is_left_out_and_a_claim_stays_marked(tmp_path, fake_engine):
    """Under the refrigerant's row the bundled model wrote "Extract the evidence from the document and put it in one
    sentence.", shown marked "not found in your documents": noise, not a claim."""
    make_pdf(tmp_path / "pump.pdf", ["Replace the mechanical seal of the booster pump every 8,000 operating hours."])
    reply = ("The seal is replaced every 8,000 hours [1]. Extract the evidence from the document and put it in one "
             "sentence. Customers love the colour.")
    engine = fake_engine(generator=FakeGenerator(reply))
    engine.ingest([tmp_path])
    answer = engine.ask("How often is the seal replaced?")
    assert "Extract" not in answer.text
    assert [c.supported for c in answer.sentences] == [True, False]
    assert "Customers love the colour. (not found in your documents)" in answer.text



def test_an_answer_in_the_question_s_language_can_say_what_a_quote_in_the_other_says():
    """A Spanish answer over an English manual was 'not found in your documents' whatever it said: its words are not
    the quote's. Glossary translations and cognates of the other language's words now count; invented claims do not."""
    manual = ("Clean the suction strainer every week. Never run the pump dry: the seal is destroyed within a minute. "
              "Check the coolant level daily.")
    sources = vocabulary([manual], "es")
    often = "¿Cada cuánto hay que limpiar el filtro de aspiración de la bomba KX-440?"
    assert not off_the_sources("Hay que limpiar el filtro de aspiración cada semana [1].", often, sources, "es")
    assert off_the_sources("Hay que cambiar el aceite cada mes [1].", often, sources, "es")
    dry = "¿Qué pasa si la bomba funciona en seco?"
    assert not off_the_sources("El sello se destruye en menos de un minuto [1].", dry, sources, "es")
    assert off_the_sources("La bomba se para automáticamente y avisa al operario [1].", dry, sources, "es")
    policy = vocabulary(["Los gastos se presentan en el portal de gastos en un plazo de 30 días desde el regreso, con "
                         "las facturas originales."], "en")
    days = "How many days do I have to submit travel expenses?"
    assert not off_the_sources("Within 30 days of your return, with the original invoices [1].", days, policy, "en")
    assert off_the_sources("You have 30 days to send them by post to the finance office [1].", days, policy, "en")
    assert off_the_sources("Hay que limpiar el filtro de aspiración cada semana [1].", often,
                           vocabulary(["Check the coolant level daily."], "es"), "es"), "the week is in no source"
