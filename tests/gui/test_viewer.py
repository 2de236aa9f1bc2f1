"""Citation click → the source opens inside the app at the cited page, with the passage highlighted."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from app.sources import SourceRef
from app.viewer_pane import ViewerPane
from rag.ingest.loaders.pdf import load_pdf
from rag.types import ExtractedDocument, PageText
from tests.documents import make_pdf
from tests.gui.conftest import wait_for

FILLER = "The station team checks the valves, the gauges and the logbook on every visit to the site. "


def ref_for(path: Path, document: ExtractedDocument, passage: str, page: int, occurrence: int = 0) -> SourceRef:
    """A source pointing at the ``occurrence``-th copy of ``passage`` in page ``page`` (1-based) of the extracted text."""
    text = document.pages[page - 1].text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(passage, start + 1)
    return SourceRef(1, str(path), page, page, start, start + len(passage), passage[:80])


@pytest.fixture
def pane(qtbot):
    viewer = ViewerPane()
    qtbot.addWidget(viewer)
    viewer.resize(700, 900)
    viewer.show()
    return viewer


def highlighted_page(pane, qtbot) -> int:
    wait_for(qtbot, lambda: pane.pdf.highlighted() is not None, 10)
    return pane.pdf.highlighted().page()


def test_citation_click_opens_the_pdf_at_the_cited_page(make_window, tmp_path, qtbot):
    manual = make_pdf(tmp_path / "manual.pdf", [
        FILLER * 4,
        "The maximum operating pressure of the booster pump is sixteen bar. " + FILLER * 3,
        FILLER * 4,
    ])
    window = make_window()
    with qtbot.waitSignal(window.indexing.finished, timeout=30000):
        window.add_paths([str(manual)])
    wait_for(qtbot, lambda: window.library.ready_count() == 1)
    with qtbot.waitSignal(window.chat.answered, timeout=10000):
        window.ask("What is the maximum operating pressure of the booster pump?")
    card = window.chat_panel.answer_cards()[-1]
    source = card.exchange.sources[0]
    assert (source.page_start, source.page_end) == (2, 2)
    card.chip_buttons()[0].click()
    viewer = window.viewer
    assert viewer.isVisible() and viewer.mode == "pdf"
    assert viewer.pdf.current_page == 1
    assert highlighted_page(viewer, qtbot) == 1
    assert "sixteen bar" in viewer.pdf.phrase.text
    assert viewer.where.text().startswith("Page 2 of 3")
    window.close_viewer_action.trigger()
    assert not viewer.isVisible()


def test_passage_over_two_pages_opens_on_the_part_the_answer_uses(pane, tmp_path, qtbot):
    path = make_pdf(tmp_path / "split.pdf", [
        FILLER * 3 + "Isolate the pump electrically before you open the housing.",
        "The maximum pressure of the pump is sixteen bar. " + FILLER,
    ])
    document = load_pdf(path)
    first, second = document.pages[0].text, document.pages[1].text
    start = first.index("Isolate")
    end = second.index("sixteen bar.") + len("sixteen bar.")
    ref = SourceRef(1, str(path), 1, 2, start, end, "Isolate the pump…")
    pane.open_source(ref, document, context="The maximum pressure is sixteen bar [1].")
    assert pane.current_part == 1 and pane.pdf.current_page == 1
    assert highlighted_page(pane, qtbot) == 1
    bar = pane.pdf.view.verticalScrollBar()
    wait_for(qtbot, lambda: bar.value() > 0, 5)
    on_second_page = bar.value()
    assert pane.previous_part.isVisible() and pane.previous_part.isEnabled() and not pane.next_part.isEnabled()
    assert "runs over pages 1–2" in pane.where.text()
    pane.previous_part.click()
    assert pane.current_part == 0 and pane.pdf.current_page == 0
    assert "Isolate the pump" in pane.pdf.phrase.text
    wait_for(qtbot, lambda: bar.value() < on_second_page, 5)
    wait_for(qtbot, lambda: pane.pdf.highlighted() is not None and pane.pdf.highlighted().page() == 0, 10)


def test_repeated_phrase_highlights_the_cited_copy(pane, tmp_path, qtbot):
    sentence = "Check the mechanical seal for leaks every month."
    path = make_pdf(tmp_path / "repeat.pdf", [[sentence, "Clean the inlet strainer after every storm.", "More lines here.", sentence]])
    document = load_pdf(path)
    pane.open_source(ref_for(path, document, sentence, 1, occurrence=1), document)
    wait_for(qtbot, lambda: pane.pdf.highlighted() is not None, 10)
    results = pane.pdf.search.resultsOnPage(0)
    assert len(results) == 2
    lower = max(results, key=lambda r: r.location().y())
    assert pane.pdf.highlighted().location() == lower.location()


def test_line_end_hyphenation_is_found(pane, tmp_path, qtbot):
    lines = ["The financial statements were pre-", "pared by the office of the treasurer and describe the", "total revenue for the quarter."]
    path = make_pdf(tmp_path / "hyphen.pdf", [lines])
    document = load_pdf(path)
    passage = document.pages[0].text
    assert "prepared" in passage, "Faro's extracted text re-joins the hyphenated word"
    pane.open_source(SourceRef(1, str(path), 1, 1, 0, len(passage), passage), document)
    assert highlighted_page(pane, qtbot) == 0
    assert len(pane.pdf.phrase.text) > 0.8 * len(" ".join(passage.split())), "the whole passage is marked, not a fragment"


def _font_with_ligatures() -> Path | None:
    candidates = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")]
    spec = importlib.util.find_spec("matplotlib")
    if spec and spec.origin:
        candidates.append(Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf")
    return next((c for c in candidates if c.is_file()), None)


def test_ligatures_are_found(pane, tmp_path, qtbot):
    font = _font_with_ligatures()
    if font is None:
        pytest.skip("no TrueType font with ligature glyphs on this machine")
    path = make_pdf(tmp_path / "ligature.pdf", [["The ﬁnancial oﬃce ﬁled the ﬁnal report.", "Other text."]], font=font)
    document = load_pdf(path)
    passage = "The financial office filed the final report."
    assert passage in document.pages[0].text
    pane.open_source(ref_for(path, document, passage, 1), document)
    assert highlighted_page(pane, qtbot) == 0
    assert len(pane.pdf.phrase.text) >= len(passage) - 6


def test_text_documents_show_the_passage_highlighted(pane, tmp_path):
    text = "# Notes\n\n" + "Intro paragraph. " * 80 + "\n\nThe strainer was cleaned at station fourteen.\n\n" + "Outro. " * 200
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    document = ExtractedDocument(kind="markdown", pages=(PageText(None, text),))
    passage = "The strainer was cleaned at station fourteen."
    start = text.index(passage)
    pane.open_source(SourceRef(1, str(path), None, None, start, start + len(passage), passage, "Notes"), document)
    assert pane.mode == "text"
    assert pane.text.highlighted_text() == passage
    cursor_top = pane.text.cursorRect().top()
    assert 0 <= cursor_top < pane.text.viewport().height(), "the passage is scrolled into view"


def test_open_in_system_viewer_uses_the_desktop(pane, tmp_path, monkeypatch):
    path = make_pdf(tmp_path / "any.pdf", ["Some text for the system viewer test."])
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    pane.open_source(SourceRef(1, str(path), 1, 1, 0, 10, "Some text"), load_pdf(path))
    pane.open_external.click()
    assert opened == [QUrl.fromLocalFile(str(path))]


def test_missing_file_is_explained(pane, tmp_path):
    pane.open_source(SourceRef(1, str(tmp_path / "moved.pdf"), 3, 3, 0, 10, "gone"), None)
    assert pane.mode == "message" and "no longer where it was indexed" in pane.message.text()
    assert not pane.open_external.isEnabled()


def test_protected_pdf_asks_for_the_password_once(pane, tmp_path, qtbot):
    path = make_pdf(tmp_path / "locked.pdf", ["Payment is due within thirty days of the invoice."], password="annex")
    asked = []
    pane.ask_password = lambda name, rejected: asked.append(name) or "annex"
    document = ExtractedDocument(kind="pdf", pages=(PageText(1, "Payment is due within thirty days of the invoice."),))
    ref = SourceRef(1, str(path), 1, 1, 0, 20, "Payment is due")
    pane.open_source(ref, document)
    assert asked == ["locked.pdf"] and pane.mode == "pdf"
    assert highlighted_page(pane, qtbot) == 0
    pane.pdf.load(str(tmp_path / "other"))
    pane.open_source(ref, document)
    assert asked == ["locked.pdf"], "the password is remembered for the session"


def test_a_wrong_password_is_said_in_the_dialog_and_can_be_tried_again(pane, tmp_path, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    path = make_pdf(tmp_path / "locked.pdf", ["Payment is due within thirty days of the invoice."], password="annex")
    answers, labels = ["wrong", "annex"], []
    monkeypatch.setattr(QInputDialog, "getText", lambda parent, title, label, *a, **k: (labels.append(label), (answers.pop(0), True))[1])
    document = ExtractedDocument(kind="pdf", pages=(PageText(1, "Payment is due within thirty days of the invoice."),))
    pane.open_source(SourceRef(1, str(path), 1, 1, 0, 20, "Payment is due"), document)
    assert pane.mode == "pdf" and len(labels) == 2
    assert "not correct" in labels[1] and "not correct" not in labels[0]


def checklist(lines: int) -> list[str]:
    return [f"Checklist item {n}: read the gauges and note them in the logbook." for n in range(lines)]


def _mark_in_viewport(pdf):
    bounds = pdf.view.mark_bounds()
    return bounds.translated(-pdf.view.horizontalScrollBar().value(), -pdf.view.verticalScrollBar().value())


def test_the_mark_keeps_the_text_readable_and_is_shown_with_context(pane, tmp_path, qtbot):
    passage = "The maximum operating pressure of the booster pump is sixteen bar."
    path = make_pdf(tmp_path / "manual.pdf", [FILLER * 6, checklist(14) + [passage] + checklist(10), FILLER * 6])
    document = load_pdf(path)
    pane.open_source(ref_for(path, document, passage, 2), document)
    assert highlighted_page(pane, qtbot) == 1
    view = pane.pdf.view
    bar = view.verticalScrollBar()
    assert abs(view.document_height() - (bar.maximum() + view.viewport().height())) <= 3, "the mark is drawn where the page is"
    qtbot.wait(300)
    shown = _mark_in_viewport(pane.pdf)
    height = view.viewport().height()
    assert 0.1 * height <= shown.top() <= 0.5 * height, "the passage is in view with lines of context above it"
    image = view.viewport().grab().toImage()
    wait_for(qtbot, lambda: min(view.viewport().grab().toImage().pixelColor(x, int(shown.center().y())).lightness()
                                for x in range(int(shown.left()), int(shown.right()), 2)) < 60, 5)
    image = view.viewport().grab().toImage()
    inside = [image.pixelColor(x, y) for x in range(int(shown.left()) + 2, int(shown.right()) - 2, 3)
              for y in range(int(shown.top()) + 2, int(shown.bottom()) - 2, 2)]
    cyan = [c for c in inside if c.red() < 80 and c.green() > 200 and c.blue() > 200]
    assert not cyan, "no opaque boxes drawn over the words"
    assert min(c.lightness() for c in inside) < 60, "the words under the mark stay dark"


def test_the_bar_beside_a_quote_starting_mid_line_stays_in_the_margin(pane, tmp_path, qtbot):
    """The bar was drawn just left of the mark: over the "s" of "first" in "…whichever comes first. The battery is
    covered for 12 months."."""
    line = "Orion warrants the truck for 24 months, whichever comes first. The battery is covered for 12 months."
    path = make_pdf(tmp_path / "warranty.pdf", [checklist(10) + [line] + checklist(4)])
    document = load_pdf(path)
    pane.open_source(ref_for(path, document, "The battery is covered for 12 months.", 1), document)
    highlighted_page(pane, qtbot)
    view = pane.pdf.view
    text_left = view.page_rect(0).x() + 10 * 72 / 25.4 * view.page_scale(0)  # the page's 10 mm margin
    assert view.mark_bounds().left() > text_left + 100, "the quote starts mid-line"
    assert view.mark_bar().right() < text_left, "the bar is in the margin, not over the words before the quote"


def test_zoom_buttons_and_ctrl_wheel_zoom_the_page_and_keep_the_passage_in_view(pane, tmp_path, qtbot):
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication, QToolButton

    passage = "Replace the mechanical seal every eight thousand hours."
    path = make_pdf(tmp_path / "manual.pdf", [checklist(16) + [passage] + checklist(8)])
    document = load_pdf(path)
    pane.resize(420, 700)
    pane.open_source(ref_for(path, document, passage, 1), document)
    highlighted_page(pane, qtbot)
    pdf = pane.pdf
    buttons = {b.text(): b for b in pdf.findChildren(QToolButton)}
    assert {"Fit width", "Fit page", "−", "+"} <= set(buttons)
    width_zoom = pdf.zoom_percent
    buttons["+"].click()
    assert pdf.zoom_percent == round(width_zoom * 1.25) or abs(pdf.zoom_percent - width_zoom * 1.25) <= 1
    assert pdf.zoom_label.text() == f"{pdf.zoom_percent}%"
    qtbot.wait(100)
    shown = _mark_in_viewport(pdf)
    assert 0 <= shown.top() < pdf.view.viewport().height(), "zooming keeps the passage in view"
    before = pdf.zoom_percent
    wheel = QWheelEvent(QPointF(50, 50), QPointF(50, 50), QPoint(0, 0), QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(pdf.view.viewport(), wheel)
    assert pdf.zoom_percent > before
    buttons["Fit page"].click()
    assert pdf.view.zoomMode() == pdf.view.ZoomMode.FitInView and pdf.zoom_percent < width_zoom
    buttons["Fit width"].click()
    assert pdf.view.zoomMode() == pdf.view.ZoomMode.FitToWidth and abs(pdf.zoom_percent - width_zoom) <= 3
