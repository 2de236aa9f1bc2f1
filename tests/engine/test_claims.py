"""The claim checker: numbers in both locales, units, dates, quoted names, copied footers, fabricated numbers."""
from __future__ import annotations

from rag.answer.claims import FURNITURE, check_sentences, copies_furniture, furniture, readings, unsupported_claims

MANUAL = "Replace the impeller seal every 1,800 operating hours. The seal kit costs $45.50. Warranty from March 3, 2021."
FOOTERS = ["Apple Inc. | Q3 2023 Form 10-Q | 5\nTotal net sales 81,797 82,959", "Apple Inc. | Q3 2023 Form 10-Q | 6\nServices 21,213"]


def test_numbers_are_read_in_english_and_spanish_notation():
    assert readings("1,800")[0] >= {1800.0}
    assert readings("1800")[0] == {1800.0}
    assert readings("1.800,50")[0] == {1800.5}
    assert readings("1,800.50")[0] == {1800.5}
    assert 1800.0 in readings("1.800")[0]
    assert readings("12,5")[0] == {12.5}


def test_the_same_number_in_any_notation_is_supported():
    assert unsupported_claims("Replace it every 1800 hours.", [MANUAL]) == []
    assert unsupported_claims("Cámbielo cada 1.800 horas.", [MANUAL]) == []
    assert unsupported_claims("El kit cuesta 45,50 dólares.", [MANUAL]) == []
    assert unsupported_claims("Sales were $81.8 billion.", ["Total net sales 81,797 (in millions)"]) == []


def test_a_fabricated_number_is_reported():
    assert unsupported_claims("Replace it every 2,400 hours.", [MANUAL]) == ["2,400"]
    assert unsupported_claims("Sales were $82.7 billion.", ["Total net sales 81,797"]) == ["82.7"]
    assert unsupported_claims("The margin was 45%.", ["Gross margin 44.5%"]) == ["45%"]


def test_units_must_agree():
    assert unsupported_claims("Replace it every 1,800 days.", [MANUAL]) == ["1,800"]
    assert unsupported_claims("Cámbielo cada 1.800 horas de uso.", [MANUAL]) == []


def test_dates_and_quoted_names_must_occur():
    assert unsupported_claims("The warranty began on 3 March 2021.", [MANUAL]) == []
    assert unsupported_claims("La garantía empezó el 3 de marzo de 2021.", [MANUAL]) == []
    assert unsupported_claims("It was replaced on 2019-07-31.", [MANUAL]) == ["2019-7-31"]
    assert unsupported_claims("Order the “KX-77 seal kit”.", [MANUAL]) == ["KX-77 seal kit"]
    assert unsupported_claims("Order the “impeller seal”.", [MANUAL]) == []


def test_a_quoted_sentence_must_be_the_documents_own_words():
    source = ("The Company’s effective tax rate for the second quarter of 2023 was lower compared to the second quarter "
              "of 2022 due primarily to the impact of U.S. foreign tax credit regulations issued by the U.S.")
    exact = ('[1] "The Company\'s effective tax rate for the second quarter of 2023 was lower compared to the second '
             'quarter of 2022 due primarily to the impact of U.S. foreign tax credit regulations issued by the U.S."')
    altered = exact.replace("foreign tax credit", "foreign currency")
    assert unsupported_claims(exact, [source]) == []
    assert len(unsupported_claims(altered, [source])) == 1


def test_a_quotation_that_runs_over_two_sentences_must_be_the_documents_own_words_too():
    """The bundled model opened a quotation in one sentence and closed it in the next, with 'Q2 2022' changed to
    'Q2 2023' inside: neither sentence held a whole quotation, and both were shown as sourced."""
    filing = ("We made cash payments related to acquisition activity of $259 million and $316 million during Q2 2022 "
              "and Q2 2023. We funded the acquisitions of MGM Holdings Inc. in 2022 and One Medical in 2023 with cash.")
    reply = ('[1] "We made cash payments related to acquisition activity of $259 million and $316 million during Q2 2023 '
             'and Q2 2023. We funded the acquisitions of MGM Holdings Inc. in 2022 and One Medical in 2023 with cash." [1]')
    checks = check_sentences(reply, {1: filing}, [])
    assert [c.supported for c in checks] == [False, True]
    assert checks[0].missing[0].endswith("during Q2 2023 and Q2 2023")
    right = reply.replace("Q2 2023 and Q2 2023", "Q2 2022 and Q2 2023")
    assert [c.supported for c in check_sentences(right, {1: filing}, [])] == [True, True]


def test_a_sentence_copying_a_page_footer_is_not_supported():
    [check] = check_sentences("Apple Inc. | Q3 2023 Form 10-Q | 5", {1: FOOTERS[0], 2: FOOTERS[1]}, [])
    assert not check.supported and check.missing == (FURNITURE,)
    [check] = check_sentences("Total net sales were 81,797 [1].", {1: FOOTERS[0], 2: FOOTERS[1]}, [])
    assert check.supported and check.checked_against == (1,)
    repeated = furniture(FOOTERS + ["Services 21,213"])
    assert copies_furniture("Apple Inc. Q3 2023 Form 10-Q 7", repeated)
    assert not copies_furniture("Services 21,213", repeated), "a line quoted twice from one page is not a footer"
    notices = furniture(["ADDRESSES:\n• Fax: 202–493–2251.\n• Mail: Docket Operations", "• Fax: (202) 493–2251.\nMore"])
    assert not copies_furniture("• Fax: 202–493–2251.", notices), "lines that differ in punctuation, not page number"


def test_each_sentence_is_checked_against_the_sources_it_cites_or_the_evidence():
    sources = {1: MANUAL, 2: "Check the coolant level daily."}
    checks = check_sentences("Replace the seal every 1,800 hours [1]. It costs $45.50 [2]. Sales were 81,797.", sources, ["Total 81,797"])
    assert [c.supported for c in checks] == [True, False, True]
    assert checks[1].checked_against == (2,) and checks[1].missing == ("45.50",)
    assert checks[2].checked_against == (1, 2)


def test_a_figure_in_another_currency_than_the_sources_is_not_supported():
    """"The maximum hotel rate in London is 210 euros per night" was shown as sourced; the price list says 210 GBP."""
    prices = ["London | Maximum rate per night: 210 GBP | Thames Inn", "Dieta | Internacional: 70 €"]
    assert unsupported_claims("The maximum hotel rate in London is 210 euros per night. [1]", prices) == ["210"]
    assert unsupported_claims("The rate in London is £210 a night, and the diet 70 euros.", prices) == []
    assert unsupported_claims("The diet is 70 dollars.", prices) == ["70"]
    assert unsupported_claims("Net sales were $81,797 million.", ["Total net sales 81,797 82,959"]) == []
