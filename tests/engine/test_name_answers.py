"""Short answers that are names and places: who (a person, not a prize, an office, a city or the question's own name)
and where (the phrase of place)."""
from __future__ import annotations

import pytest

from rag.answer.answer_phrase import answer_phrase
from rag.answer.question_kind import NAME, OTHER, question_kind


def test_a_name_answer_is_not_the_question_s_own_name_nor_one_after_a_preposition():
    text = "Kawann Short, tacle defensivo de la Pro Bowl, lideró al equipo con 11 capturas."
    assert answer_phrase("¿Quién lideró a los Panthers en capturas?", NAME, text) == "Kawann Short"
    assert answer_phrase("Who designed the KX-440 pump?", NAME,
                         "The KX-440 pump was designed by Hartmann Engineering in Bremen.") == "Hartmann Engineering"
    assert answer_phrase("What is the castle called?", OTHER, "The castle was called Afranji.") == ""
    # A figure's digits and its currency are no name ("1,000 EUR" gave "000 EUR").
    assert answer_phrase("¿Quién tiene que aprobar un gasto de más de 1.000 euros?", NAME,
                         "Expenses above 1,000 EUR need the approval of the department director.") == ""


def test_a_name_is_taken_from_the_clause_that_holds_the_question_s_words():
    text = "Lady Gaga sang the national anthem; Marlee Matlin translated it into American Sign Language."
    assert answer_phrase("Who sang the national anthem at the game?", NAME, text) == "Lady Gaga"
    assert answer_phrase("Who translated the anthem into sign language?", NAME, text) == "Marlee Matlin"


def test_a_name_the_question_holds_in_another_form_is_not_the_answer():
    text = "Peyton Manning became the first quarterback ever to lead two different teams to multiple Super Bowls."
    assert answer_phrase("Who was the first quarterback to take two teams to more than one Super Bowl?", NAME,
                         text) == "Peyton Manning"
    assert answer_phrase("Who did the Normans team up with in Anatolia?", NAME,
                         "Some Normans joined Turkish forces in Anatolia.") == "Turkish"


def test_who_asks_for_a_person_not_the_prize_named_beside_them():
    text = "Lady Gaga, the six-time Grammy winner and Academy Award nominee, sang the national anthem."
    assert answer_phrase("Who sang the national anthem?", NAME, text) == "Lady Gaga"


@pytest.mark.parametrize("question, text, expected", [
    ("¿Quién fue el último Primer Ministro de Alemania del Este?",
     "El último Primer Ministro de la República Democrática Alemana (Oriental), Lothar de Maizière, es también "
     "descendiente de una familia hugonote, al igual que el Ministro Federal del Interior alemán, Thomas de Maizière.",
     "Maizière"),
    ("Who was the final Prime Minister of East Germany?",
     "The last Prime Minister of the (East) German Democratic Republic, Lothar de Maizière, is also a descendant of a "
     "Huguenot family, as is the German Federal Minister of the Interior, Thomas de Maizière.", "Maizière"),
    ("Who was the first chair of the IPCC?",
     "Korean economist Hoesung Lee is the chair of the IPCC since October 8, 2015, following the election of the new "
     "IPCC Bureau.", "Hoesung Lee"),
])
def test_who_is_answered_by_a_person_not_the_question_s_own_name_an_office_or_a_date(question, text, expected):
    assert expected in answer_phrase(question, NAME, text)


@pytest.mark.parametrize("question, text, expected", [
    ("Where is the main power switch?",
     "The main power switch is on the right side of the control cabinet, below the pressure gauge.",
     "on the right side of the control cabinet"),
    ("Where was an elected assembly to be set up under the Scotland Act 1978?",
     "Under the terms of the Scotland Act 1978, an elected assembly would be set up in Edinburgh provided that the "
     "majority of the Scottish electorate voted for it.", "in Edinburgh"),
    ("¿Dónde se encuentra la llave de paso del gas?",
     "La llave de paso del gas se encuentra debajo de la caldera, a la izquierda del sifón.", "debajo de la caldera"),
    ("Where is the ABC jingle still in use?", "The old four-note theme tune is still used by ABC on Demand in 2015.", ""),
    ("Where do visitors sign in?",
     "All visitors must sign in at the reception desk in the main lobby and wear a visitor badge at all times.",
     "at the reception desk in the main lobby"),
    ("Where did France rebuild its empire?",
     "France began in earnest to rebuild its empire after 1850, concentrating chiefly in North and West Africa.",
     "in North and West Africa"),
])
def test_where_is_answered_by_the_phrase_of_place(question, text, expected):
    assert question_kind(question) == OTHER
    assert answer_phrase(question, OTHER, text) == expected


def test_an_abbreviation_after_a_name_is_not_the_name_asked_for():
    """A transcript's list of counsel: "ESQ." stood nearest to the question's words and was shown as the answer."""
    counsel = "APPEARANCES: STEVEN E. MERCER, ESQ., Deputy Attorney General, Los Angeles, Cal.; on behalf of the Petitioner."
    assert answer_phrase("Who is the Deputy Attorney General from Los Angeles?", NAME, counsel) == "STEVEN E. MERCER"
    assert answer_phrase("Who led the survey?", NAME, "The survey was led by Dr. Smith.") == "Dr. Smith"


def test_who_is_answered_by_the_person_not_the_city_or_the_office_beside_the_name():
    """"Who argued on behalf of the respondent?" showed → San Diego, "Who represented the petitioner?" → Angeles."""
    respondent = "CHARLES M. SEVILLA, ESQ., San Diego, Cal.; on behalf of the Respondent."
    petitioner = "APPEARANCES: STEVEN E. MERCER, ESQ., Deputy Attorney General, Los Angeles, Cal.; on behalf of the Petitioner."
    assert answer_phrase("Who argued on behalf of the respondent?", NAME, respondent) == "CHARLES M. SEVILLA"
    assert answer_phrase("Who represented the petitioner?", NAME, petitioner) == "STEVEN E. MERCER"
    assert answer_phrase("Where is the firm?", NAME, "The firm is in San Diego, Cal. since 1990.") == "San Diego", \
        "a place is still the answer where no person is asked"
