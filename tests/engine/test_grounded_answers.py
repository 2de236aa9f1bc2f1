"""Engine.ask with evidence first: status before the model, no-model and crashed-model answers, checked claims."""
from __future__ import annotations

from rag.errors import ModelError
from tests.documents import make_docx, make_pdf
from tests.fakes import FakeGenerator

QUESTION = "How often must the impeller seal of the KX-440 pump be replaced?"
PAGES = [
    "KX-440 coolant pump manual. Safety: wear gloves when the pump is open.",
    "Maintenance schedule\nReplace the impeller seal every 1,800 operating hours. Check the coolant level daily.",
]


class CrashingGenerator(FakeGenerator):
    """Streams a few words, then fails the way a crashed model process does."""

    def stream(self, messages, max_tokens, temperature, cancel=None):
        self.messages.append(messages)
        yield "Replace the "
        raise ModelError("the language model stopped unexpectedly")


class MissingModel:
    context_size = 4096

    def count_tokens(self, text):
        raise ModelError("the model file is missing")

    def stream(self, messages, max_tokens, temperature, cancel=None):
        raise ModelError("the model file is missing")


def _engine(fake_engine, tmp_path, generator):
    (tmp_path / "docs").mkdir(exist_ok=True)
    make_pdf(tmp_path / "docs" / "kx440.pdf", PAGES)
    engine = fake_engine(generator=generator)
    engine.ingest([tmp_path / "docs"])
    return engine


def test_evidence_and_status_come_before_the_model_and_the_prompt_leads_with_the_evidence(fake_engine, tmp_path):
    generator = FakeGenerator("The seal is replaced every 1,800 operating hours [1].")
    engine = _engine(fake_engine, tmp_path, generator)
    events: list[str] = []
    answer = engine.ask(QUESTION, on_evidence=lambda ev: events.append("evidence"), on_status=events.append,
                        on_token=lambda piece: events.append("token"))
    assert events[:2] == ["evidence", "Reading the passage…"] and events[2] == "token"
    evidence = answer.evidence[0]
    assert evidence.text == "Replace the impeller seal every 1,800 operating hours." and evidence.page == 2
    page = engine.document_text(evidence.doc_id).pages[1].text
    assert page[evidence.char_start : evidence.char_end] == evidence.text
    prompt = generator.messages[0][1]["content"]
    assert prompt.startswith('Evidence:\n[1] "Replace the impeller seal every 1,800 operating hours."')
    assert [s.supported for s in answer.sentences] == [True] and answer.text.startswith("The seal is replaced")
    json = answer.to_json()
    assert json["sentences"][0] == {"text": answer.sentences[0].text, "supported": True, "checked_against": [1], "missing": []}


def test_a_fabricated_number_is_marked_and_an_answer_with_nothing_true_leaves_the_evidence(fake_engine, tmp_path):
    engine = _engine(fake_engine, tmp_path, FakeGenerator("Replace it every 1,800 hours [1]. It costs 99 dollars [1]."))
    answer = engine.ask(QUESTION)
    assert [s.supported for s in answer.sentences] == [True, False]
    assert answer.text.endswith("It costs 99 dollars [1]. (not found in your documents)")
    engine._generator = FakeGenerator("Replace it every 30 days through the expense portal [1].")
    answer = engine.ask(QUESTION)
    assert answer.text == "" and answer.evidence and "did not match your documents" in answer.note
    assert answer.sentences and not answer.sentences[0].supported


def test_a_model_answer_that_gives_another_figure_than_the_evidence_is_not_shown_as_the_answer(fake_engine, tmp_path):
    """Every word and number below is in the manual, but the interval it gives is not the evidence's 1,800 hours."""
    engine = _engine(fake_engine, tmp_path, FakeGenerator("Check the coolant level of the KX-440 pump daily [1]."))
    answer = engine.ask(QUESTION)
    assert answer.evidence[0].answer == "1,800 operating hours"
    assert answer.text == "" and "did not match your documents" in answer.note


def test_without_a_model_or_when_it_crashes_the_evidence_is_the_answer(fake_engine, tmp_path):
    engine = _engine(fake_engine, tmp_path, MissingModel())
    answer = engine.ask(QUESTION)
    assert not answer.abstained and answer.text == ""
    assert answer.evidence[0].text.startswith("Replace the impeller seal every 1,800")
    assert "The language model is not available (the model file is missing)" in answer.note
    engine._generator = CrashingGenerator()
    answer = engine.ask(QUESTION)
    assert answer.text == "" and answer.evidence and "(the language model stopped unexpectedly)" in answer.note


def test_off_topic_questions_still_abstain(fake_engine, tmp_path):
    engine = _engine(fake_engine, tmp_path, FakeGenerator())
    answer = engine.ask("Who won the chess world championship in 1972?")
    assert answer.abstained and not answer.evidence


def test_the_model_reads_only_the_sentences_around_the_evidence_within_the_prompt_budget():
    from rag.answer.prompt import PROMPT_TOKENS, build_evidence_messages, passage_window
    from rag.types import Hit

    filler = [f"Paragraph {n} describes the cooling circuit in general terms without any figure." for n in range(30)]
    text = " ".join(filler[:12] + ["Replace the impeller seal every 1,800 operating hours."] + filler[12:])
    window = passage_window(text, ["Replace the impeller seal every 1,800 operating hours."])
    assert window == f"… {filler[11]} Replace the impeller seal every 1,800 operating hours. {filler[12]} …"
    assert passage_window(text, ["A quote from another passage."]) == " ".join(filler[:2])

    def words(text):
        return len(text.split())

    hits = [Hit(f"c{n}", f"d{n}", f"manual-{n}.pdf", text, 1.0, 0.8, 0.5, n, n, 0, len(text), "") for n in range(1, 6)]
    messages, used = build_evidence_messages(QUESTION, [(1, "Replace the impeller seal every 1,800 operating hours.")],
                                             hits, "en", 4000, words)
    prompt = " ".join(m["content"] for m in messages)
    assert len(used) == len(hits) and words(prompt) <= PROMPT_TOKENS and words(prompt) < words(text)
    assert "Replace the impeller seal every 1,800 operating hours." in prompt.split("Sources:")[1]
    _, used = build_evidence_messages(QUESTION, [(1, "Replace the impeller seal every 1,800 operating hours.")],
                                      hits, "en", 200, words)
    assert len(used) == 2
    quotes = [(1, "Replace the impeller seal every 1,800 operating hours."), (2, " ".join(filler[:20]))]
    messages, used = build_evidence_messages(QUESTION, quotes, hits, "en", 100, words)
    prompt = messages[1]["content"]
    assert len(used) == 1 and filler[19] not in prompt, "over budget: the best quote and the first source's name only"
    assert prompt.split("Sources:")[1].split("Question:")[0].strip() == "[1] (manual-1.pdf, p. 1)"


def test_a_spanish_question_gets_the_model_problem_in_spanish(fake_engine, tmp_path):
    class OutOfMemory(MissingModel):
        def count_tokens(self, text):
            raise ModelError("The language model (big.gguf) ran out of memory and was stopped. Faro restarted it; "
                             "choose a smaller model or a shorter context in Settings if this happens again.")

    (tmp_path / "docs").mkdir()
    make_pdf(tmp_path / "docs" / "bomba.pdf", ["Manual de la bomba KX-440.", "Sustituya el sello del impulsor cada 1.800 horas de funcionamiento."])
    engine = fake_engine(generator=OutOfMemory())
    engine.ingest([tmp_path / "docs"])
    answer = engine.ask("¿Cada cuánto se sustituye el sello del impulsor de la bomba KX-440?")
    assert answer.evidence and "1.800 horas" in answer.evidence[0].text
    assert "El modelo de lenguaje no está disponible (El modelo de lenguaje (big.gguf) se quedó sin memoria" in answer.note


def test_a_short_manual_answering_exactly_is_not_flagged_as_weak(fake_engine, tmp_path):
    engine = _engine(fake_engine, tmp_path, FakeGenerator("Every 1,800 operating hours [1]."))
    answer = engine.ask(QUESTION)
    assert answer.evidence[0].text == "Replace the impeller seal every 1,800 operating hours."
    assert not answer.weak and "may not answer" not in answer.note


def test_the_words_that_only_ask_do_not_count_as_what_a_question_is_about():
    from rag.answer.question_kind import content_words

    assert content_words("What grease is used for the bearings and how often?").split() == \
        ["what", "grease", "is", "used", "for", "the", "bearings", "and", "?"]
    assert "cuanto" not in content_words("¿Cada cuánto se cambia el sello?") and "sello" in content_words("¿Cada cuánto se cambia el sello?")
    assert "year" in content_words("In what year was the seal replaced?")


def test_a_short_spanish_question_is_read_in_spanish_and_answered(fake_engine, tmp_path):
    """Too short to detect its language from its words alone, the question was stemmed as English ("canto", not
    "cant") and shared no word with the passage that answers it, so Faro said the documents did not answer."""
    (tmp_path / "docs").mkdir()
    make_pdf(tmp_path / "docs" / "final.pdf", ["Lady Gaga cantó el himno nacional antes del partido de la final.",
                                                "El partido se jugó en Santa Clara, California."])
    engine = fake_engine(generator=MissingModel())
    engine.ingest([tmp_path / "docs"])
    answer = engine.ask("¿Qué cantó Lady Gaga?")
    assert not answer.abstained and "himno nacional" in answer.evidence[0].text


def test_a_quote_is_cited_under_its_own_heading_not_its_passage_s(fake_engine, tmp_path):
    """A passage is filed under the section most of it is in; the quote's heading is the one it sits under."""
    (tmp_path / "docs").mkdir()
    make_docx(tmp_path / "docs" / "viajes.docx", [
        ("h1", "Política de viajes"),
        ("h2", "Aprobación de los viajes"),
        ("p", "Todo viaje debe ser aprobado previamente por el responsable directo del empleado."),
        ("h2", "Transporte"),
        ("p", "Los vuelos se reservan en clase turista. Se permite la clase business solo en vuelos de más de seis horas "
              "de duración. El uso del vehículo propio se compensa a 0,26 € por kilómetro. Los taxis se reembolsan cuando "
              "no exista transporte público razonable."),
    ])
    engine = fake_engine(generator=MissingModel(), min_relevance=0.0)
    engine.ingest([tmp_path / "docs"])
    answer = engine.ask("¿Quién aprueba previamente cada viaje del empleado?")
    quote = answer.evidence[0]
    assert quote.text.startswith("Todo viaje debe ser aprobado")
    assert quote.section == "Política de viajes > Aprobación de los viajes"
    assert engine.search("viaje aprobado responsable")[0].section.endswith("Transporte")


def test_the_closest_quote_decides_by_meaning_unless_a_figure_is_asked():
    from rag.answer.abstention import HEDGE_CLOSENESS, QUOTE_CLOSENESS, may_not_answer, quote_closeness
    from rag.answer.evidence import Candidate, Selection
    from rag.answer.passage_units import SENTENCE, Unit
    from rag.types import Hit

    hit = Hit("c1", "d1", "/docs/policy.pdf", "x", 1.0, 0.3, 1.0, 1, 1, 0, 1, "")

    def selection(coverage, kind="yes/no", weak=False):
        return Selection((Candidate(hit, Unit(SENTENCE, 0, 1, "USB devices must not be connected."), 1.0, coverage),), weak, kind)

    assert quote_closeness(selection(0.3), lambda texts: [0.61]) == 0.61
    assert quote_closeness(selection(0.0), lambda texts: [0.9]) == 0.0, "a quote holding none of the question's words"
    assert may_not_answer(selection(0.1, weak=True), None), "without the embedder's measure, keywords decide"
    assert not may_not_answer(selection(0.1, weak=True), HEDGE_CLOSENESS + 0.01)
    assert may_not_answer(selection(0.9), HEDGE_CLOSENESS - 0.01), "most of the words, far in meaning"
    assert not may_not_answer(selection(1.0), HEDGE_CLOSENESS - 0.06), "every word of the question in the quote"
    assert not may_not_answer(selection(0.9, "amount"), 0.1), "a table row's figure: keywords decide"
    assert may_not_answer(selection(0.1, "amount", weak=True), QUOTE_CLOSENESS - 0.01)


def test_a_quote_at_the_top_of_a_page_is_marked_there_when_header_and_footer_were_left_out(fake_engine, tmp_path):
    """A passage running over two pages leaves out page 1's footer and page 2's header; the first sentence of page 2
    was marked on page 1, over its footer."""
    header, checks = "Orion FL-25 Operator Manual - Rev. C", "Check the tyres, the horn and the lights before each shift."
    page_one = [header, "Daily checks", checks, "Test the parking brake on a slope.", "Orion Ltd. | Page 1"]
    page_two = [header, "If the forks do not lift, top up the hydraulic oil with ISO VG 32 oil.",
                "If the truck does not start, charge the battery for eight hours.", "Orion Ltd. | Page 2"]
    (tmp_path / "docs").mkdir()
    make_pdf(tmp_path / "docs" / "manual.pdf", [page_one, page_two])
    engine = fake_engine(generator=MissingModel(), min_relevance=0.0)
    engine.ingest([tmp_path / "docs"])
    assert any(h.page_start == 1 and h.page_end == 2 for h in engine.search("forks lift tyres", k=5)), "one passage"
    quote = engine.ask("What should I do if the forks do not lift?").evidence[0]
    saved = engine.document_text(quote.doc_id).pages[quote.page - 1].text
    assert quote.page == 2 and saved[quote.char_start:quote.char_end] == quote.text
