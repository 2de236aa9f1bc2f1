"""README screenshots: Faro under Xvfb on sample documents, a question, its cited page, and the settings."""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DISPLAY = ":87"
SCREEN = (1440, 900)
QUESTION = "What is the maximum operating pressure of the P-200 pump?"
QUESTION_ES = "¿Cuál es la presión máxima de funcionamiento de la bomba P-200?"
SECOND_QUESTION = "How often must the mechanical seal be replaced?"
SECOND_QUESTION_ES = "¿Cada cuánto hay que cambiar el sello mecánico?"
NOTES_ES = (
    "# Visita a la estación de bombeo\n\nLa bomba P-200 hacía ruido de grava en la entrada: cavitación. Se limpió el "
    "filtro de entrada y se abrió del todo la válvula. La presión de entrada volvió a 0,8 bar.\n\nPróxima revisión: "
    "cambiar el sello mecánico a las 8.000 horas de funcionamiento.\n"
)
VIEWER_WIDTH = 800

MANUAL = [
    ("P-200 Booster Pump - Field Service Manual", [
        "This manual covers installation, operation and maintenance of the P-200 booster pump used in district "
        "water stations. Read the safety chapter before opening the pump housing.",
        "Chapter 1 - Safety. Always isolate the pump electrically and close both gate valves before maintenance. "
        "Release the residual pressure through the drain cock and wait until the gauge reads zero.",
    ]),
    ("Chapter 2 - Operating limits", [
        "The maximum operating pressure of the P-200 pump is 16 bar. Operating above 16 bar voids the warranty "
        "and can damage the mechanical seal. The minimum inlet pressure is 0.5 bar to avoid cavitation.",
        "The pump is rated for water temperatures between 2 and 60 degrees Celsius. Do not run the pump dry for "
        "more than 30 seconds; the seal faces overheat without water.",
    ]),
    ("Chapter 3 - Maintenance schedule", [
        "Every 2,000 operating hours: check the mechanical seal for leaks and inspect the coupling. Every 8,000 "
        "operating hours: replace the bearings and the mechanical seal, and re-align the motor.",
        "Record every intervention in the station logbook, with the hour meter reading and the parts replaced.",
    ]),
    ("Chapter 4 - Troubleshooting", [
        "Low flow with normal pressure usually means a clogged inlet strainer: clean it. Noise like gravel inside "
        "the pump is cavitation: check the inlet pressure and open the inlet valve fully.",
        "If the motor trips on overload, measure the current on all three phases and compare it with the nameplate.",
    ]),
]


def make_manual(path: Path, password: str | None = None) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    if password:
        pdf.set_encryption(owner_password="owner", user_password=password)
    for title, paragraphs in MANUAL:
        pdf.add_page()
        pdf.set_font("helvetica", "B", 16)
        pdf.multi_cell(0, 10, title)
        pdf.ln(4)
        pdf.set_font("helvetica", size=12)
        for paragraph in paragraphs:
            pdf.multi_cell(0, 7, paragraph)
            pdf.ln(3)
    pdf.output(str(path))
    return path


def make_logbook(path: Path, pages: int = 60) -> Path:
    """A long station logbook, so that indexing takes long enough to show the progress bar."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for day in range(pages):
        pdf.add_page()
        pdf.multi_cell(0, 6, f"Station logbook - day {day + 1}", new_x="LMARGIN", new_y="NEXT")
        for visit in range(6):
            pdf.multi_cell(0, 6, (
                f"Visit {visit + 1}: station {(day * 7 + visit) % 40 + 1} inspected by the field team. Inlet pressure "
                f"{0.5 + (visit % 4) * 0.3:.1f} bar, outlet pressure {9 + (day + visit) % 7} bar, hour meter "
                f"{12000 + day * 24 + visit * 3} h. Seal dry, coupling aligned, strainer cleaned, no cavitation noise."
            ), new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def make_notes(path: Path) -> Path:
    path.write_text(
        "# Station visit notes\n\nStation 14 (Riverside): the P-200 pump showed cavitation noise at low inlet pressure. "
        "The inlet strainer was cleaned and the noise stopped.\n",
        encoding="utf-8",
    )
    return path


def wait_until(app, condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"Timed out waiting for {what}")
        app.processEvents()
        time.sleep(0.02)


def settle(app, seconds: float = 0.6) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def set_display(display: str) -> None:
    global DISPLAY
    DISPLAY = display


def capture(window_id: int, path: Path) -> None:
    subprocess.run(["import", "-display", os.environ["DISPLAY"], "-window", hex(window_id), str(path)], check=True)
    print("saved", path)


def capture_screen(path: Path, width: int, height: int) -> None:
    """The whole screen (for open pop-up lists, which are windows of their own)."""
    subprocess.run(["import", "-display", os.environ["DISPLAY"], "-window", "root", "-crop", f"{width}x{height}+0+0", str(path)], check=True)
    print("saved", path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, epilog=(
        "Needs Xvfb and ImageMagick's `import` (Debian: apt-get install xvfb imagemagick libxcb-cursor0 "
        "libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1). Uses the real bundled models; takes about two minutes."
    ))
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--dark", action="store_true", help="use the dark palette (file names get a -dark suffix)")
    parser.add_argument("--language", choices=("en", "es"), default="en",
                        help="interface language; es writes the Spanish set into OUT/es with a Spanish question")
    parser.add_argument("--answer-timeout", type=float, default=240, help="seconds to wait for each answer (slow machines)")
    parser.add_argument("--display", default=DISPLAY, help=f"X display for the private Xvfb (default {DISPLAY})")
    parser.add_argument("--models-only", action="store_true", help="only the model list in Settings (no documents or models)")
    arguments = parser.parse_args()
    set_display(arguments.display)
    out = Path(arguments.out) / ("es" if arguments.language == "es" else "")
    out.mkdir(parents=True, exist_ok=True)
    for tool in ("Xvfb", "import"):
        if shutil.which(tool) is None:
            print(f"{tool} is not installed (apt-get install xvfb imagemagick)", file=sys.stderr)
            return 1
    xvfb = subprocess.Popen(["Xvfb", arguments.display, "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"])
    try:
        time.sleep(1.0)
        os.environ["DISPLAY"] = arguments.display
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        if arguments.models_only:
            return shoot_models(out, "-dark" if arguments.dark else "")
        return shoot(out, "-dark" if arguments.dark else "", arguments.language, arguments.answer_timeout)
    finally:
        xvfb.terminate()
        xvfb.wait()


def shoot(out: Path, suffix: str, language: str = "en", answer_timeout: float = 240) -> int:
    sys.path.insert(0, str(ROOT))
    from app.i18n import install_translators
    from app.main import application, build_window
    from app.theme import dark_palette
    from rag.config import Config

    work = Path(tempfile.mkdtemp(prefix="faro-shots-"))
    samples = work / "Field documents"
    samples.mkdir()
    make_manual(samples / "P-200 pump manual.pdf")
    make_notes(samples / "Station visit notes.md")
    make_logbook(samples / "Station logbook 2024.pdf")
    make_manual(samples / "Contract annex (protected).pdf", password="annex")
    (samples / "Old scan (damaged).pdf").write_bytes(b"%PDF-1.4\n% truncated while copying from the scanner")
    if language == "es":
        (samples / "Notas de la visita.md").write_text(NOTES_ES, encoding="utf-8")
    question = QUESTION_ES if language == "es" else QUESTION
    second_question = SECOND_QUESTION_ES if language == "es" else SECOND_QUESTION
    app = application()
    install_translators(app, language)
    if suffix:
        app.setPalette(dark_palette())
    window = build_window(Config(data_dir=work / "data", language=language))
    window.setGeometry(0, 0, *SCREEN)
    window.show()
    window.start()
    settle(app)
    capture(int(window.winId()), out / f"first-run{suffix}.png")

    window.add_paths([str(samples)])
    wait_until(app, lambda: (window.indexing.current is not None and "logbook" in window.indexing.current.path
                             and window.progress.eta.text() != ""), 240, "the logbook being indexed")
    settle(app, 1.0)
    capture(int(window.winId()), out / f"indexing{suffix}.png")
    wait_until(app, lambda: window.models_ready and not window.indexing.active, 240, "indexing")
    wait_until(app, lambda: len(window.library_panel.problems.rows()) == 2, 30, "the problems list")
    window.library_panel.problems.list.setCurrentRow(0)
    settle(app, 1.0)
    capture(int(window.winId()), out / f"library{suffix}.png")

    window.chat_panel.question.setPlainText(question)
    window.ask(question)
    wait_until(app, lambda: not window.chat.busy, answer_timeout, "the answer")
    settle(app)
    capture(int(window.winId()), out / f"main-window{suffix}.png")

    window.window_layout.state.viewer_width = VIEWER_WIDTH  # as if dragged wider once: the viewer keeps its width
    card = window.chat_panel.answer_cards()[-1]
    chips = card.chip_buttons()
    if chips:
        chips[0].click()
    else:
        window.open_source(card.exchange.closest[0])
    settle(app, 1.5)
    capture(int(window.winId()), out / f"viewer{suffix}.png")

    window.viewer_closed()
    window.new_chat()
    window.ask(second_question)
    wait_until(app, lambda: not window.chat.busy, answer_timeout, "the second answer")
    settle(app)
    window.chat_panel.history.showPopup()
    settle(app, 1.0)
    capture_screen(out / f"chat-list{suffix}.png", *SCREEN)
    window.chat_panel.history.hidePopup()
    dialog = window.settings.open()
    dialog.resize(620, dialog.sizeHint().height())
    settle(app, 1.0)
    capture(int(dialog.winId()), out / f"settings{suffix}.png")
    dialog.reject()
    window.close()
    shutil.rmtree(work, ignore_errors=True)
    return 0


def shoot_models(out: Path, suffix: str) -> int:
    """Settings → Model on a home folder where LM Studio, GPT4All, Jan, Ollama, Hugging Face and llama.cpp left models."""
    sys.path.insert(0, str(ROOT))
    from app.main import application
    from app.settings_dialog import SettingsDialog
    from app.theme import dark_palette
    from bench.gguf_samples import sample_model_home
    from rag.config import Config

    work = Path(tempfile.mkdtemp(prefix="faro-shots-"))
    os.environ["HOME"] = str(sample_model_home(work / "home"))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "HF_HOME", "HF_HUB_CACHE", "LLAMA_CACHE", "OLLAMA_MODELS"):
        os.environ.pop(name, None)
    app = application()
    if suffix:
        app.setPalette(dark_palette())
    dialog = SettingsDialog(Config(data_dir=work / "data"), gpu_supported=False)
    dialog.show()
    wait_until(app, lambda: dialog.picker.models, 60, "the model scan")
    table = dialog.picker.table
    for index in range(table.topLevelItemCount()):
        item = table.topLevelItem(index)
        item.setExpanded(True)
        if item.text(0).startswith("Qwen2.5-7B"):
            table.setCurrentItem(item)
            dialog.picker._clicked(item)
    dialog.resize(780, dialog.sizeHint().height())
    settle(app, 1.0)
    capture(int(dialog.winId()), out / f"models{suffix}.png")
    dialog.reject()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
