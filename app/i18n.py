"""The interface language: Faro's Spanish translation (app/i18n/*.ts, compiled to .qm) and Qt's own for its dialogs."""
from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from rag import interface_language, localize

log = logging.getLogger(__name__)

SOURCES_DIR = Path(__file__).resolve().parent / "i18n"
CATALOGUE = "faro"
_LOCALES = {"en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
            "es": QLocale(QLocale.Language.Spanish, QLocale.Country.Spain)}
_current = "en"
_installed: list[QTranslator] = []


def current_language() -> str:
    """The language the interface was started in (``en`` or ``es``); a change in Settings applies on restart."""
    return _current


def system_language() -> str:
    """``es`` when the system's locale is Spanish (any country), else ``en``."""
    return "es" if QLocale.system().language() == QLocale.Language.Spanish else "en"


def lrelease() -> Path | None:
    """Qt's translation compiler, shipped inside PySide6 (``pyside6-lrelease`` calls the same program)."""
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease", "Qt/bin/lrelease"):
        if (folder / name).is_file():
            return folder / name
    found = shutil.which("pyside6-lrelease")
    return Path(found) if found else None


def compile_translations(target_dir: Path = SOURCES_DIR) -> list[Path]:
    """Compile every ``.ts`` beside this module whose ``.qm`` in ``target_dir`` is missing or older; returns the .qm files."""
    compiler = lrelease()
    compiled = []
    for source in sorted(SOURCES_DIR.glob("*.ts")):
        target = target_dir / source.with_suffix(".qm").name
        if not target.is_file() or target.stat().st_mtime < source.stat().st_mtime:
            if compiler is None:
                log.warning("Cannot compile %s: PySide6's lrelease is missing", source.name)
                continue
            target_dir.mkdir(parents=True, exist_ok=True)
            result = subprocess.run([str(compiler), "-silent", str(source), "-qm", str(target)], capture_output=True, text=True)
            if result.returncode != 0:
                log.warning("lrelease failed on %s: %s", source.name, result.stderr.strip())
                continue
        compiled.append(target)
    return compiled


def _compiled(language: str) -> Path | None:
    """The ``.qm`` for ``language``, compiled now if the install did not (a fresh checkout), else in the user cache."""
    name = f"{CATALOGUE}_{language}.qm"
    for folder in (SOURCES_DIR, _cache_dir()):
        try:
            if any(p.name == name for p in compile_translations(folder)):
                return folder / name
        except OSError as exc:
            log.info("Cannot write translations to %s: %s", folder, exc)
    return None


def _cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("faro", appauthor=False)) / "i18n"


def install_translators(app: QCoreApplication, setting: str = "auto") -> str:
    """Translate the interface into the language ``setting`` asks for (``auto``: the system's); returns it."""
    global _current
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = interface_language(setting, system_language())
    QLocale.setDefault(_LOCALES[language] if setting != "auto" else QLocale.system())
    _current = language
    if language == "en":
        return language
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    files = [(_compiled(language), ""), (Path(qt_dir) / f"qtbase_{language}.qm", "Qt")]
    for path, owner in files:
        translator = QTranslator(app)
        if path is not None and translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("No %s translation for '%s' (%s)", owner or "Faro", language, path)
    return language


def engine_text(text: str) -> str:
    """An engine message (file error, progress stage, abstention) in the interface language."""
    return localize(text, _current)


def language_label(languages: str) -> str:
    """A document's ``es,en``-style language field as the interface says it ("Spanish, English")."""
    names = {
        "en": QCoreApplication.translate("Language", "English"),
        "es": QCoreApplication.translate("Language", "Spanish"),
    }
    return ", ".join(names.get(code, code) for code in languages.split(",") if code)


def number(value: int) -> str:
    """An integer with the locale's digit grouping (1,234 in English, 1.234 in Spanish)."""
    return QLocale().toString(value)
