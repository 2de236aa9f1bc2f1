"""The window's title, and its size, splitter and viewer widths surviving a restart."""
from __future__ import annotations

from app.sources import SourceRef
from tests.documents import make_pdf
from tests.gui.conftest import wait_for


def test_the_title_names_the_collection_and_faro_once(make_window, qtbot):
    """Window managers show "<title> — <display name>"; the display name is Faro, so the title must not repeat it."""
    from app.main import application

    assert application().applicationDisplayName() == "Faro"
    window = make_window()
    assert window.windowTitle() == "default"
    window.library.switch("Operaciones")
    assert window.windowTitle() == "Operaciones"


def test_window_size_splitter_and_viewer_width_are_restored_after_a_restart(make_window, tmp_path, qtbot):
    data = tmp_path / "data"
    manual = make_pdf(tmp_path / "manual.pdf", ["The relief valve opens at twelve bar."])
    window = make_window(data_dir=data)
    window.resize(760, 560)
    window.splitter.setSizes([130, 630, 0])
    window.open_source(SourceRef(1, str(manual), 1, 1, 0, 10, "The relief"))
    assert window.viewer.isVisible()
    window.splitter.setSizes([110, 330, 310])
    window.window_layout.remember_viewer_width()
    viewer_width = window.splitter.sizes()[2]
    window.close()

    again = make_window(data_dir=data)
    assert (again.width(), again.height()) == (760, 560)
    assert again.splitter.sizes()[0] == 110
    again.open_source(SourceRef(1, str(manual), 1, 1, 0, 10, "The relief"))
    assert abs(again.splitter.sizes()[2] - viewer_width) <= 2
