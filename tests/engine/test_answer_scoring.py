"""The answer benchmark's scoring: figures within 1% at any scale, SQuAD spans, content words."""
from __future__ import annotations

from bench.answer_scoring import key_numbers, sec10q_contains, span_contained, token_f1


def test_reference_figures_skip_years_and_numbers_the_question_holds():
    reference = "The gross margin for the three months ended July 1, 2023, was $36,413 million.\n\nSOURCE(S): 2023 Q3 AAPL.pdf"
    assert key_numbers(reference, "What was the gross margin in Q3 2023?") == [36_413_000_000.0]
    assert key_numbers("Net cash was $23.198 billion.", "?") == [23_198_000_000.0]


def test_sec10q_contains_matches_figures_within_one_percent_at_any_scale():
    reference = "Net sales were $81,797 million, while services were $21,213 million."
    assert sec10q_contains("Total net sales 81,797 82,959\nServices 21,213", reference, "?")[0]
    assert sec10q_contains("Net sales were $81.8 billion and services $21.2 billion.", reference, "?")[0]
    assert not sec10q_contains("Net sales were $85.0 billion.", reference, "?")[0]
    assert sec10q_contains("There were no significant acquisitions or divestitures.",
                           "No, there were no significant acquisitions or divestitures reported.", "Any acquisitions?")[0]


def test_xquad_spans_are_matched_after_squad_normalisation():
    assert span_contained("Los Panthers cedieron solo 308 puntos.", ("308",))
    assert not span_contained("Cedieron 3080 puntos.", ("308",))
    assert span_contained("It was the Denver Broncos.", ("Denver Broncos",))
    assert token_f1("Denver Broncos", ("the Denver Broncos",)) == 1.0
    assert 0 < token_f1("The Denver Broncos won the game", ("Denver Broncos",)) < 1


def test_a_percentage_never_matches_an_amount():
    reference = "The gross margin for the three months ended July 1, 2023, was $36,413 million."
    assert not sec10q_contains("Gross margin percentage 36.4 % 36.7 %", reference, "What was the gross margin?")[0]
    assert sec10q_contains("Total gross margin $36,413 $35,885", reference, "What was the gross margin?")[0]
    assert sec10q_contains("The effective tax rate was 12.5 %.", "Its effective tax rate was 12.5%.", "Tax rate?")[0]
