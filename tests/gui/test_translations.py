"""The interface in Spanish: every visible string goes through Qt's translation system, the Spanish catalogue is
complete and compiled, Qt's own dialogs are translated, and numbers follow the locale."""
from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from app import i18n
from app.wording import moment
from rag.messages import localize
from tests.documents import make_pdf
from tests.fakes import FakeGenerator
from tests.gui.conftest import wait_for
from tests.gui.widget_texts import plain, visible_texts

MARK = "⟪"
SPANISH_TS = i18n.SOURCES_DIR / "faro_es.ts"
ANSWER = "Replace the seal every 500 hours [1]."
PUMP_TEXT = "Maintenance: replace the pump seal every 500 hours."


class MarkingTranslator(QTranslator):
    """Pseudo-translation: every string that asks for a translation comes back marked, so an unmarked one did not."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D102 (Qt's signature)
        return f"{MARK}{source}⟫"

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False


@pytest.fixture
def marking():
    app = QApplication.instance()
    translator = MarkingTranslator(app)
    app.installTranslator(translator)
    yield translator
    app.removeTranslator(translator)


def _untranslated(texts, data: list[str]) -> list[str]:
    """Texts with words that neither went through the translator nor come from the user's data (file names, the
    question and answer, the model's name) or the engine's messages, which rag.messages translates."""
    found = []
    for where, text in texts:
        rest = plain(text or "")
        for piece in data:
            rest = rest.replace(piece, " ")
        core = rest.strip(" —·:")
        if MARK in rest or localize(core, "es") != core:
            continue
        if re.search(r"[^\W\d_]{2,}", rest) and rest.strip() != "Faro":
            found.append(f"{where}: {text!r}")
    return sorted(set(found))


def _walk_everything(window, qtbot) -> list[tuple[str, str]]:
    """The texts of every tab of the window, then of the settings dialog."""
    texts = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(50)
        texts += list(visible_texts(window))
    dialog = window.settings.open()
    texts += list(visible_texts(dialog))
    dialog.close()
    return texts


def test_every_visible_string_goes_through_the_translation_system(make_window, qtbot, tmp_path, marking):
    docs = tmp_path / "docs"
    docs.mkdir()
    make_pdf(docs / "pump.pdf", [PUMP_TEXT])
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    window = make_window(generator=FakeGenerator(ANSWER))
    with qtbot.waitSignal(window.indexing.finished, timeout=60000):
        window.add_paths([str(docs)])
    wait_for(qtbot, lambda: window.library.ready_count() == 1)
    with qtbot.waitSignal(window.chat.answered, timeout=30000) as answered:
        window.ask("How often is the pump seal replaced?")
    short_answers = [e.answer for e in answered.args[0].evidence if e.answer]  # quoted from the document
    dates = [moment(r.added_at) for r in window.library.model.rows]
    data = ["pump.pdf", "broken.pdf", str(docs), PUMP_TEXT, ANSWER.removesuffix("."), "[1]", "How often is the pump seal replaced?",
            "default", str(tmp_path / "data"), str(tmp_path), "p. 1", "Smollm2 135M 8k Lc100K Mix1 Ep2", "SmolLM2 135M Instruct", "MB", "English", "Español",
            *short_answers, *dates]
    missing = _untranslated(_walk_everything(window, qtbot), data)
    assert not missing, "strings shown without tr():\n" + "\n".join(missing)


def _ts_messages() -> list[ET.Element]:
    return ET.parse(SPANISH_TS).getroot().findall("./context/message")


def test_the_spanish_catalogue_translates_every_string_in_the_app(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in Path(i18n.__file__).parent.glob("*.py"))
    subprocess.run([str(i18n.lrelease().with_name(i18n.lrelease().name.replace("lrelease", "lupdate"))), *sources, "-ts", str(fresh)],
                   check=True, capture_output=True)
    wanted = {(c.findtext("name"), m.findtext("source")) for c in ET.parse(fresh).getroot().findall("context")
              for m in c.findall("message")}
    translated = {}
    for context in ET.parse(SPANISH_TS).getroot().findall("context"):
        for message in context.findall("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in ("unfinished", "vanished", "obsolete")
            if done and (translation.text or translation.findall("numerusform")):
                translated[(context.findtext("name"), message.findtext("source"))] = translation
    missing = sorted(f"{c}: {s!r}" for c, s in wanted - set(translated))
    assert not missing, f"{len(missing)} strings lack a Spanish translation in {SPANISH_TS.name}:\n" + "\n".join(missing)


def test_the_catalogue_compiles_and_a_stale_compiled_file_is_rebuilt(tmp_path):
    compiled = i18n.compile_translations(tmp_path)
    assert [p.name for p in compiled] == ["faro_es.qm"] and compiled[0].stat().st_size > 1000
    stamp = compiled[0].stat().st_mtime
    SPANISH_TS.touch()
    assert i18n.compile_translations(tmp_path)[0].stat().st_mtime >= stamp


@pytest.fixture
def spanish():
    app = QApplication.instance()
    language = i18n.install_translators(app, "es")
    yield language
    i18n.install_translators(app, "en")


def test_the_window_menus_and_qt_dialogs_are_spanish_under_a_spanish_setting(make_window, qtbot, spanish):
    assert spanish == "es"
    window = make_window()
    menus = [plain(a.text()) for a in window.menuBar().actions()]
    assert "Archivo" in menus and "File" not in menus
    box = QMessageBox(QMessageBox.Icon.Question, "t", "t", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert {plain(b.text()) for b in box.buttons()} == {"Sí", "No"}
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    assert {plain(b.text()) for b in buttons.buttons()} == {"Guardar", "Cancelar"}
    dialog = QFileDialog(window)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.show()
    labels = {plain(t) for _, t in visible_texts(dialog)}
    dialog.close()
    assert {"Nombre de fichero:", "Crear nueva carpeta", "Cancelar"} <= labels, labels
    assert QLocale().toString(1234.5, "f", 1) == "1234,5"
    assert QCoreApplication.translate("MainWindow", "&File") == "&Archivo"


@pytest.mark.parametrize("lang, expected", [("es_ES.UTF-8", "es"), ("es_MX.UTF-8", "es"), ("en_GB.UTF-8", "en")])
def test_the_interface_follows_the_system_language(monkeypatch, lang, expected):
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(lang.split(".")[0])))
    assert i18n.system_language() == expected
