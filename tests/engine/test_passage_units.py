"""How a passage is cut into quotes: sentences, list items, one-figure fields and table rows, with their offsets."""
from __future__ import annotations

from rag.answer.page_offsets import page_span
from rag.answer.passage_units import ROW, SENTENCE, split_units


def test_units_are_sentences_items_and_rows_with_offsets_into_the_passage():
    text = "Steps\n- Close the inlet valve before you start.\n- Drain the pump\ncompletely.\nTotal 1,200 1,300 1,400\nAll done here. Next step follows."
    units = split_units(text)
    assert [u.kind for u in units] == ["item", "item", "row", "sentence", "sentence"]
    assert units[1].text == "- Drain the pump completely."
    for unit in units:
        assert " ".join(text[unit.start : unit.end].split()) == unit.text


def test_page_span_maps_passage_offsets_to_each_page_text():
    first = "Header\n\n  Replace the seal every 1,800 hours. End of page one."
    second = "  Page two starts here. Check the level daily.\nFooter"
    passage = first[8:].strip() + "\n" + second[:46].strip()
    start = passage.index("Check the level")
    position, page_start, page_end = page_span([(0, first), (1, second)], 8, 46, start, start + 22)
    assert position == 1 and second[page_start:page_end] == "Check the level daily."
    start = passage.index("Replace")
    position, page_start, page_end = page_span([(0, first), (1, second)], 8, 46, start, start + 35)
    assert position == 0 and first[page_start:page_end] == "Replace the seal every 1,800 hours."


def test_trademark_marks_between_sentences_do_not_glue_them():
    passage = ("The Company also announced iOS 17, expected to be available in the fall of 2023. ® ® ® "
               "The Company repurchased $18.0 billion of its common stock during the third quarter of 2023.")
    texts = [u.text for u in split_units(passage)]
    assert "The Company repurchased $18.0 billion of its common stock during the third quarter of 2023." in texts


def test_a_title_with_a_date_is_a_sentence_not_a_row_with_the_day_as_its_figure():
    units = split_units("For the Quarter Ended September 30, 2023\nNet income 22,291 17,556\nEl saldo al 30 de septiembre de 2023 1.234 5.678")
    assert [u.kind for u in units] == ["sentence", ROW, ROW]


def test_a_wrapped_pdf_line_with_figures_is_prose_and_an_open_parenthesis_goes_on():
    """PDF lines end where the page did: "minute at 3.2 bar. Maximum operating pressure: 16 bar. Motor: 5.5 kW, 400 V…"
    was taken for a table row, and "65) and no longer than 5 metres." for a list item, so the quotes began mid-sentence."""
    text = ("The KX-440 is a coolant pump. Rated flow: 440 litres per\n"
            "minute at 3.2 bar. Maximum operating pressure: 16 bar. Motor: 5.5 kW, 400 V three-phase, 50 Hz. Operating\n"
            "temperature range: -10 to 60 degrees Celsius.\n"
            "The suction pipe must be as wide as the pump inlet (DN\n"
            "65) and no longer than 5 metres. Never run the pump dry.")
    units = [u.text for u in split_units(text)]
    assert "Maximum operating pressure: 16 bar." in units
    assert "Rated flow: 440 litres per minute at 3.2 bar." in units
    assert "The suction pipe must be as wide as the pump inlet (DN 65) and no longer than 5 metres." in units
    assert all(u.kind != ROW for u in split_units(text))
    assert [u.kind for u in split_units("Net sales 81,797 82,959\nU.S. Treasury securities 1,234 2,345")] == [ROW, ROW]


def test_a_title_with_a_month_and_year_is_not_a_table_row():
    units = split_units("Operating manual, revision C - March 2024\nNotes due March 2024 1,000 2,000")
    assert [(u.kind, u.text[:5]) for u in units] == [(ROW, "Notes")], "the title heads the row; it is neither quote nor row"


def test_a_title_standing_alone_before_its_paragraph_is_no_quote():
    """"Fresno, California", a blank line, then the article: the title was quoted as the answer to "Who designed the
    Fresno water tower?" (close in meaning, and holding "Fresno")."""
    units = split_units('Fresno, California\n\nThe "West Side" of Fresno is one of the oldest neighborhoods in the city.')
    assert [u.text for u in units] == ['The "West Side" of Fresno is one of the oldest neighborhoods in the city.']


def test_a_wrapped_line_ending_in_a_figure_still_runs_into_its_sentence():
    units = [u.text for u in split_units("The seal must be replaced every\n1,800 operating hours. The filter\nMaximum 16 bar")]
    assert units[0] == "The seal must be replaced every 1,800 operating hours."
    assert "Maximum 16 bar" not in units


def test_a_long_title_in_title_case_is_not_glued_to_the_first_sentence():
    """The lab procedure's quote began "Standard Operating Procedure - Chemical Laboratory Safety Personal protective
    equipment Lab coats…": a title of seven words was taken for the start of a sentence, and the heading after it too."""
    text = ("Standard Operating Procedure - Chemical Laboratory Safety\nPersonal protective equipment\n"
            "Lab coats, safety glasses and nitrile gloves must be worn at all times in the laboratory.")
    assert [u.text for u in split_units(text)] == ["Lab coats, safety glasses and nitrile gloves must be worn at all times in the laboratory."]


def test_a_numbered_step_is_one_item_with_its_number():
    """"Step 2. Unscrew the filter cover" was cut at "Step 2." and quoted without its step number."""
    steps = "Step 1. Switch off the compressor.\nStep 2. Unscrew the filter cover (two 10 mm bolts).\nPaso 3: Cambie el filtro."
    assert [u.text for u in split_units(steps)] == ["Step 1. Switch off the compressor.",
                                                    "Step 2. Unscrew the filter cover (two 10 mm bolts).", "Paso 3: Cambie el filtro."]


def test_a_wrapped_sentence_going_on_with_a_figure_stays_one_sentence():
    """The PDF line "600 123 456. El botiquín se encuentra…" was taken for a table row: the accident sentence was quoted
    without its phone number, and "¿Dónde está el botiquín?" with "600 123 456." in front."""
    text = ("En caso de accidente llame al 112 y avise al coordinador de seguridad, el señor Martín Ruiz, en el teléfono\n"
            "600 123 456. El botiquín se encuentra en la caseta de control.")
    assert [u.text for u in split_units(text)] == [
        "En caso de accidente llame al 112 y avise al coordinador de seguridad, el señor Martín Ruiz, en el teléfono 600 123 456.",
        "El botiquín se encuentra en la caseta de control."]


def test_a_title_with_a_year_and_a_dash_is_not_a_table_row():
    assert [u.kind for u in split_units("Canteen menu prices - 2025\nCoffee | 0.80 EUR | 1.50 EUR")] == [ROW]


def test_a_model_name_s_number_does_not_make_a_title_a_field():
    """"AC-75 Air Compressor" was kept as a one-figure field and quoted for "What oil should I use in the compressor?"."""
    manual = "AC-75 Air Compressor\nService Manual, Rev. B\n\n1 Daily checks\n- Check the oil level; top up with ISO VG 46 compressor oil."
    texts = [u.text for u in split_units(manual)]
    assert "AC-75 Air Compressor" not in texts and "- Check the oil level; top up with ISO VG 46 compressor oil." in texts


def test_a_numbered_section_title_and_a_list_of_specifications_are_not_one_sentence():
    """A washer manual's spec list ran into one 250-character "sentence" from its title to the next paragraph: "1 Datos
    técnicos" went on the line before as a wrapped sentence, and lines with two figures or a longer unit were no fields."""
    manual = ("Manual de uso y mantenimiento\n1 Datos técnicos\nCapacidad de carga 25 kg de ropa seca\n"
              "Presión de agua de entrada de 2 a 6 bar\nPotencia de calentamiento 18 kW\n2 Mantenimiento\n"
              "El filtro de pelusa debe limpiarse al final de cada turno.")
    units = {u.text: u for u in split_units(manual)}
    assert units["Capacidad de carga 25 kg de ropa seca"].context == "1 Datos técnicos"
    assert units["Presión de agua de entrada de 2 a 6 bar"].kind == "item"
    assert units["El filtro de pelusa debe limpiarse al final de cada turno."].kind == SENTENCE


def test_a_faq_question_over_steps_is_their_title():
    faq = ("How do I reset my password?\nStep 1. Go to the password page.\nStep 2. Enter your employee number.\n"
           "What is the guest Wi-Fi?\nVisitors can use the network Visitantes-Net.")
    steps = [u for u in split_units(faq) if u.text.startswith("Step")]
    assert [u.context for u in steps] == ["How do I reset my password?"] * 2


def test_a_pdf_table_row_with_a_person_s_initial_is_a_row_not_prose():
    """A maintenance log ran into one "sentence": "J. Romero" looked like a sentence ending before a capital."""
    log = ("Fecha | Equipo | Intervención | Técnico\n12/01/2026 AC-75 n.º1 Cambio de filtro de aire | J. Romero\n"
           "03/02/2026 AC-75 n.º2 Cambio de aceite | L. Vidal")
    units = split_units(log)
    assert [u.kind for u in units] == [ROW, ROW]
    assert units[1].text == "03/02/2026 AC-75 n.º2 Cambio de aceite | L. Vidal"


def test_a_narrow_column_s_wrapped_lines_go_on_with_their_sentence_or_item_whatever_figures_they_hold():
    """A Federal Register column: lines of five or six words, some with figures, some in lower case."""
    column = ("ADDRESSES: You may send comments by\nany of the following methods:\n• Fax: 202–493–2251.\n"
              "• Mail: U.S. Department of\nTransportation, Docket Operations.\n• Hand Delivery: Deliver to Mail\n"
              "address above between 9 a.m. and 5\np.m., Monday through Friday, except\nFederal holidays.\n")
    units = [(u.kind, u.text) for u in split_units(column)]
    assert ("item", "• Fax: 202–493–2251.") in units
    assert ("item", "• Mail: U.S. Department of Transportation, Docket Operations.") in units
    assert ("item", "• Hand Delivery: Deliver to Mail address above between 9 a.m. and 5 p.m., Monday through Friday, "
                    "except Federal holidays.") in units


def test_a_paragraph_after_a_short_list_item_is_not_part_of_it():
    """A Word list item ends without a full stop; the paragraph after it is its own sentence."""
    text = ("Contacte con el Servicio de Asistencia Técnica:\n• Web: www.termonorte.es/soporte\n"
            "Para tramitar la garantía necesitará el número de serie, que figura en la placa de características.")
    assert [(u.kind, u.text) for u in split_units(text)][1:] == [
        ("item", "• Web: www.termonorte.es/soporte"),
        ("sentence", "Para tramitar la garantía necesitará el número de serie, que figura en la placa de características.")]


def test_a_dated_line_and_a_line_of_names_and_places_are_read_not_taken_for_titles():
    """A Supreme Court transcript's cover: "Tuesday, January 13, 2009" was taken for a column header and "STEVEN E.
    MERCER, ESQ., Deputy Attorney General, Los" for a title, so no quote could give the date of the argument nor
    who argued for the petitioner."""
    text = ("Washington, D.C.\nTuesday, January 13, 2009\nThe above-entitled matter came on for oral\n"
            "argument before the Supreme Court of the United States\nat 1:01 p.m.\nAPPEARANCES:\n"
            "STEVEN E. MERCER, ESQ., Deputy Attorney General, Los\nAngeles, Cal.; on behalf of the Petitioner.\n")
    assert [u.text for u in split_units(text)][1:] == [
        "Tuesday, January 13, 2009 The above-entitled matter came on for oral argument before the Supreme Court of the "
        "United States at 1:01 p.m.",
        "APPEARANCES: STEVEN E. MERCER, ESQ., Deputy Attorney General, Los Angeles, Cal.; on behalf of the Petitioner."]
    letter = [u.text for u in split_units("Madrid, 3 de marzo de 2024\nLe escribimos para informarle del cambio de tarifa.")]
    assert letter == ["Madrid, 3 de marzo de 2024 Le escribimos para informarle del cambio de tarifa."]
    columns = split_units("September 30, 2023 December 31, 2022\nTotal net sales 81,797 70,000")
    assert [(u.kind, u.context) for u in columns] == [(ROW, "September 30, 2023 December 31, 2022")], "dates head columns"
