"""Look and feel: Fusion style with the system's light or dark palette, and a style sheet built on palette roles."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

STYLE_SHEET = """
QLabel#sectionTitle { font-weight: 600; padding: 2px 0 4px 0; }
QLabel#viewerTitle { font-weight: 600; font-size: 12pt; }
QLabel#muted { color: palette(placeholder-text); }
QLabel#error { color: #c0392b; }
QLabel#quote { color: palette(placeholder-text); font-style: italic; }
QLabel#emptyState { color: palette(placeholder-text); font-size: 11pt; padding: 24px; }
QLabel#dropZone {
    color: palette(placeholder-text); font-size: 11pt; padding: 32px;
    border: 2px dashed palette(mid); border-radius: 12px; margin: 8px;
}
QLabel#dropOverlay {
    color: palette(highlighted-text); background: rgba(40, 110, 200, 190);
    font-size: 18pt; font-weight: 600; border-radius: 16px;
}
QFrame#questionBubble { background: palette(highlight); border-radius: 10px; }
QFrame#questionBubble QLabel { color: palette(highlighted-text); }
QFrame#answerCard { background: palette(base); border: 1px solid palette(mid); border-radius: 10px; }
QLabel#answerText { font-size: 10.5pt; }
QLabel#notice { border-radius: 6px; padding: 8px; background: rgba(230, 160, 20, 60); }
QLabel#notice[kind="error"] { background: rgba(200, 40, 40, 60); }
QFrame#evidence { border-left: 3px solid palette(highlight); background: palette(alternate-base); border-radius: 4px; }
QLabel#evidenceQuote { font-size: 10.5pt; }
QToolButton#chip {
    border: 1px solid palette(mid); border-radius: 11px; padding: 2px 10px;
    background: palette(alternate-base);
}
QToolButton#chip:hover { border-color: palette(highlight); }
QPushButton#primary { font-weight: 600; min-width: 64px; }
QPushButton#danger { font-weight: 600; min-width: 64px; color: #c0392b; }
QPushButton#flat { border: none; color: palette(link); padding: 2px 6px; }
QPushButton#flat:hover { text-decoration: underline; }
QFrame#progressStrip { border-top: 1px solid palette(mid); }
QScrollBar:vertical { background: palette(base); width: 12px; margin: 0; }
QScrollBar:horizontal { background: palette(base); height: 12px; margin: 0; }
QScrollBar::handle { background: palette(mid); border-radius: 4px; margin: 2px; }
QScrollBar::handle:hover, QScrollBar::handle:pressed { background: palette(dark); }
QScrollBar::handle:vertical { min-height: 32px; }
QScrollBar::handle:horizontal { min-width: 32px; }
QScrollBar::add-line, QScrollBar::sub-line { width: 0; height: 0; border: none; }
QScrollBar::add-page, QScrollBar::sub-page { background: none; }
QLabel#problemsTitle { font-weight: 600; }
"""


def dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: QColor(37, 37, 40),
        QPalette.ColorRole.WindowText: QColor(225, 225, 228),
        QPalette.ColorRole.Base: QColor(28, 28, 30),
        QPalette.ColorRole.AlternateBase: QColor(48, 48, 52),
        QPalette.ColorRole.ToolTipBase: QColor(48, 48, 52),
        QPalette.ColorRole.ToolTipText: QColor(225, 225, 228),
        QPalette.ColorRole.PlaceholderText: QColor(150, 150, 156),
        QPalette.ColorRole.Text: QColor(225, 225, 228),
        QPalette.ColorRole.Button: QColor(52, 52, 56),
        QPalette.ColorRole.ButtonText: QColor(225, 225, 228),
        QPalette.ColorRole.BrightText: QColor(255, 90, 90),
        QPalette.ColorRole.Highlight: QColor(45, 110, 190),
        QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
        QPalette.ColorRole.Link: QColor(110, 170, 250),
        QPalette.ColorRole.Mid: QColor(75, 75, 80),
    }
    for role, colour in colours.items():
        palette.setColor(role, colour)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(120, 120, 125))
    return palette


def is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication) -> None:
    """Use Fusion with the system's colour scheme, and follow the system when it switches light/dark."""
    app.setStyle("Fusion")

    def follow(*_args) -> None:
        app.setPalette(dark_palette() if is_dark() else app.style().standardPalette())
        app.setStyleSheet(STYLE_SHEET)

    follow()
    QGuiApplication.styleHints().colorSchemeChanged.connect(follow)
