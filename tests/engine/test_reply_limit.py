"""The model's reply ends at a short answer: a few sentences, no repeats, no copied source headers."""
from __future__ import annotations

from rag.answer.prompt import split_sentences
from rag.answer.reply_limit import ReplyLimit


def _fed(text: str, max_sentences: int = 3) -> ReplyLimit:
    limit = ReplyLimit(max_sentences)
    for start in range(0, len(text), 4):
        if limit.done:
            break
        limit.add(text[start : start + 4])
    return limit


def test_a_copied_source_header_ends_the_reply_before_it():
    limit = _fed("Replace the seal every 1,800 operating hours [1].\n[2] (kx440-manual.pdf, pp. 3–5)\nThe KX-400 pump")
    assert limit.done and limit.text == "Replace the seal every 1,800 operating hours [1]."


def test_a_repeated_sentence_ends_the_reply_and_numbers_with_points_do_not_split_sentences():
    text = "The seal lasts 1.5 years [1]. Check it daily. The seal lasts 1.5 years [1]. More text follows here."
    limit = _fed(text)
    assert limit.done and limit.text == "The seal lasts 1.5 years [1]. Check it daily."


def test_a_sentence_written_again_with_a_word_changed_is_a_repeat_but_other_figures_are_not():
    text = ("La historia de la expansión fue necesaria para el estado [1]. El historia de la expansión fue necesaria para "
            "el estado [1]. Más texto.")
    assert _fed(text).text == "La historia de la expansión fue necesaria para el estado [1]."
    figures = "Revenue was 81,797 in Q3 2023 [1]. Revenue was 82,959 in Q3 2022 [1]."
    assert _fed(figures).text == figures


def test_the_reply_stops_after_the_most_sentences_allowed_and_a_short_one_is_kept_whole():
    limit = _fed("Net sales were 81,797. Two is here. Three is here. Four is here. ", max_sentences=2)
    assert limit.done and limit.text == "Net sales were 81,797. Two is here."
    short = _fed("Cada 1.800 horas de funcionamiento [1]")
    assert not short.done and short.text == "Cada 1.800 horas de funcionamiento [1]"


def test_a_header_word_at_the_very_start_does_not_empty_the_reply():
    limit = _fed("Evidence: the seal is replaced every 1,800 hours [1]")
    assert not limit.done and limit.text.endswith("1,800 hours [1]")


def test_a_copied_source_label_at_the_start_is_dropped():
    limit = _fed("[1] (2023 Q3 NVDA.pdf, p. 51) There has been no adoption of new accounting pronouncements [1].")
    assert limit.text == "There has been no adoption of new accounting pronouncements [1]."
    assert _fed("(see the manual) Replace it [1].").text == "(see the manual) Replace it [1]."


def test_a_reply_going_round_in_circles_ends_before_the_looping_sentence():
    """"El siguiente documento de la ciudad de la ciudad de la ciudad…" filled the rest of the reply."""
    limit = ReplyLimit()
    for piece in "El horario es de 7:00 a 15:00 [1]. El siguiente documento de la ciudad de la ciudad de la ciudad de la".split(" "):
        limit.add(piece + " ")
        if limit.done:
            break
    assert limit.done and limit.text == "El horario es de 7:00 a 15:00 [1]."


def test_a_sentence_ends_inside_its_closing_quote_but_not_at_an_abbreviation_in_quotes():
    """The bundled model wrote 'El documento … es: [1] "… which was in German." La historia …': one sentence was
    checked as two before, and the second rode on the quote's words."""
    reply = ('Es: [1] "The statement was in German." La historia es: [2]. Smith of "Acme Inc." Said so (see p. 4.) '
             "Then. Citadas por Jones et al. 1998 y Briffa 2000.")
    assert split_sentences(reply)[::2] == ['Es: [1] "The statement was in German."', "La historia es: [2].",
                                           'Smith of "Acme Inc." Said so (see p. 4.)', "Then.",
                                           "Citadas por Jones et al. 1998 y Briffa 2000."]
