"""Every text a person can read in a window: labels, buttons, titles, tabs, menus, placeholders, tooltips, headers."""
from __future__ import annotations

import re
from typing import Iterator

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QComboBox, QGroupBox, QLabel, QLineEdit, QMainWindow, QMenu, QPlainTextEdit,
    QTabWidget, QTextEdit, QWidget,
)

_TAG = re.compile(r"<[^>]+>")
_ENTITY = re.compile(r"&[a-z]+;|&#\d+;")


def plain(text: str) -> str:
    """Rich text without its tags and entities, and without the '&' of keyboard accelerators."""
    return " ".join(_ENTITY.sub(" ", _TAG.sub(" ", text)).replace("&&", "&").replace("&", "").split())


def _menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    yield f"{where} menu", menu.title()
    for action in menu.actions():
        if action.menu():
            yield from _menu_texts(action.menu(), f"{where}/{plain(menu.title())}")
        elif not action.isSeparator():
            yield f"{where}/{plain(menu.title())} item", action.text()
            yield f"{where}/{plain(menu.title())} tooltip", action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""


def _header_texts(view: QAbstractItemView, where: str) -> Iterator[tuple[str, str]]:
    model = view.model()
    if model is None:
        return
    root = QModelIndex()
    try:
        columns = model.columnCount(root)
    except TypeError:  # list models keep columnCount private: one column
        columns = 1
    for section in range(columns):
        value = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if isinstance(value, str):
            yield f"{where} header", value
    for row in range(min(model.rowCount(root), 50)):
        for column in range(columns):
            index = model.index(row, column)
            for role, kind in ((Qt.ItemDataRole.DisplayRole, "cell"), (Qt.ItemDataRole.ToolTipRole, "cell tooltip")):
                value = index.data(role)
                if isinstance(value, str):
                    yield f"{where} {kind} {row},{column}", value


def visible_texts(top: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for ``top`` and each of its children a person can see now (menus of a main window included)."""
    yield f"{type(top).__name__} title", top.windowTitle()
    if isinstance(top, QMainWindow):
        yield "status bar message", top.statusBar().currentMessage()
        for action in top.menuBar().actions():
            if action.menu():
                yield from _menu_texts(action.menu(), "menu bar")
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisibleTo(top) and widget is not top:
            continue
        where = f"{type(widget).__name__} {widget.objectName()}".strip()
        if widget.toolTip():
            yield f"{where} tooltip", widget.toolTip()
        if isinstance(widget, QLabel):
            yield where, widget.text()
        elif isinstance(widget, QAbstractButton):
            yield where, widget.text()
        elif isinstance(widget, QGroupBox):
            yield where, widget.title()
        elif isinstance(widget, QLineEdit):
            yield f"{where} placeholder", widget.placeholderText()
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            yield f"{where} placeholder", widget.placeholderText()
        elif isinstance(widget, QComboBox):
            for item in range(widget.count()):
                yield f"{where} item", widget.itemText(item)
        elif isinstance(widget, QTabWidget):
            for tab in range(widget.count()):
                yield f"{where} tab", widget.tabText(tab)
        if isinstance(widget, QAbstractItemView):
            yield from _header_texts(widget, where)
