"""What kind of answer a question asks for (a frequency, an amount, a date, a name, yes/no, a reason), in English and Spanish."""
from __future__ import annotations

from rag.answer.question_kind import AMOUNT, DATE, FREQUENCY, NAME, REASON, YES_NO, question_kind


def test_question_kinds_in_both_languages():
    assert question_kind("How often must the impeller seal be replaced?") == FREQUENCY
    assert question_kind("¿Cada cuánto hay que cambiar el sello?") == FREQUENCY
    assert question_kind("What was Apple's total net sales in Q3 2023?") == AMOUNT
    assert question_kind("¿Cuántos puntos cedió la defensa?") == AMOUNT
    assert question_kind("When did the warranty start?") == DATE
    assert question_kind("Who designed the pump?") == NAME
    assert question_kind("Did Apple repurchase shares in Q3 2023?") == YES_NO
    assert question_kind("How did foreign exchange rates affect Apple's results?") == REASON
    assert question_kind("¿Por qué se disculpó el IPCC?") == REASON


def test_a_question_for_a_kind_of_person_or_a_network_asks_for_a_name():
    assert question_kind("What German poet was descended from Huguenots?") == NAME
    assert question_kind("¿Qué líder de la reforma suiza fue estudiante de Lefevre?") == NAME
    assert question_kind("Goldenson proposed a merger between UPT and what network?") == NAME
    assert question_kind("What did the general manager approve?") != NAME


def test_a_question_opening_with_a_measure_asks_an_amount():
    assert question_kind("¿Qué potencia tiene la bomba de calor HP-12?") == AMOUNT
    assert question_kind("What voltage does the charger need?") == AMOUNT
    assert question_kind("¿Qué refrigerante usa la bomba de calor?") != AMOUNT
    assert question_kind("How loud is the heat pump?") == AMOUNT
