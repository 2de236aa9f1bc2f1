"""Finding a cited passage in the PDF viewer's own page text despite ligatures, hyphenation and repeats."""
from __future__ import annotations

from app.passage_match import best_part, comparable, locate, passage_parts, quoted_spans, search_phrases, viewer_phrase, word_windows


def test_comparable_folds_ligatures_accents_case_and_drops_punctuation():
    text, index = comparable("Ofﬁce — Año, “Café”!")
    assert text == "officeanocafe"
    assert index[2] == index[3] == 2  # both letters of the ligature "ﬁ" point at the ligature


def test_locate_finds_passage_whose_words_the_viewer_spells_differently():
    viewer_page = "Intro line.\r\nThe ﬁnancial statements were pre\ufffepared by the\r\noﬃce of the treasurer.\r\nEnd."
    passage = "The financial statements were prepared by the office of the treasurer."
    [(start, end)] = locate(passage, viewer_page)
    assert viewer_page[start:end].startswith("The ﬁnancial")
    assert viewer_page[start:end].endswith("treasurer")


def test_search_phrase_is_the_viewers_own_text_on_one_line():
    viewer_page = "Heading\r\nThe pump is pre\ufffeferred for high\r\npressure service."
    [phrase, *_] = search_phrases("The pump is preferred for high pressure service.", viewer_page)
    assert phrase.text == "The pump is pre\ufffeferred for high pressure service"
    assert phrase.occurrence == 0


def test_repeated_passage_is_told_apart_by_its_position_on_the_page():
    sentence = "Check the seal for leaks every month."
    viewer_page = f"{sentence}\r\nOther text in between here.\r\n{sentence}"
    first = locate(sentence, viewer_page, hint=0.0)[0]
    second = locate(sentence, viewer_page, hint=0.9)[0]
    assert first[0] == 0 and second[0] > first[0]
    phrases = search_phrases(sentence, viewer_page, hint=0.9)
    assert phrases[0].occurrence == 1


def test_partly_matching_passage_gives_the_matching_stretch():
    viewer_page = "Revenue 2022 2023\r\nProducts 120 140\r\nServices 80 95\r\nTotal net sales were higher this year."
    passage = "Revenue Products Services 2022 120 80 2023 140 95 Total net sales were higher this year."
    spans = locate(passage, viewer_page)
    assert spans, "some stretch must be found"
    assert any("Total net sales were higher this year" in viewer_page[s:e] for s, e in spans)


def test_nothing_found_for_unrelated_text():
    assert locate("completely different words here", "The pump manual.\r\nChapter one.") == []


def test_word_windows_skip_hyphenated_words_and_stay_within_a_line():
    windows = word_windows("one two three well-known five six seven eight nine ten\nalpha beta gamma")
    assert all("well-known" not in w for w in windows)
    assert "alpha beta gamma" in windows
    assert all("\n" not in w for w in windows)


def test_viewer_phrase_joins_lines_with_single_spaces():
    assert viewer_phrase(" a  b\r\nc\n d ") == "a b c d"


def test_passage_parts_split_a_passage_over_pages_at_the_engine_offsets():
    pages = ["page one text here", "page two text here", "page three"]
    parts = passage_parts(pages, 0, 1, char_start=9, char_end=8)
    assert [(p, t) for p, t, _ in parts] == [(0, "text here"), (1, "page two")]
    assert parts[0][2] == 9 / len(pages[0])


def test_best_part_prefers_the_page_sharing_the_answers_words():
    parts = ["Safety first: isolate the pump.", "The maximum pressure is 16 bar."]
    assert best_part(parts, "The pump's maximum pressure is 16 bar [1].") == 1
    assert best_part(parts, "") == 0


def test_a_quote_saved_before_the_file_was_read_again_is_found_where_it_is_now():
    before = "Net sales by category:\nProducts 60,584 63,355\nServices 21,213 19,604\nTotal net sales 81,797 82,959\n"
    now = ("Net sales by category:\nProducts | Three Months Ended July 1, 2023: 60,584\n"
           "Services | Three Months Ended July 1, 2023: 21,213\nTotal net sales | Three Months Ended July 1, 2023: 81,797\n")
    quote = "Total net sales | Three Months Ended July 1, 2023: 81,797"
    start = before.index("Total")
    assert quoted_spans([now], 0, 0, now.index("Total"), now.index("Total") + len(quote), quote) == [
        (0, now.index("Total"), now.index("Total") + len(quote))]
    [(_, found_start, found_end)] = quoted_spans([now], 0, 0, start, start + len(quote), quote)
    assert now[found_start:found_end] == quote
    assert quoted_spans([now], 0, 0, start, start + 20, "A sentence that is on no page of this document at all") == []
