"""The window's size, position, splitter widths and viewer width, kept in the data folder between runs."""
from __future__ import annotations

import base64
import json
import logging
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QSplitter, QWidget

log = logging.getLogger(__name__)

FILE_NAME = "window.json"
VIEWER_SHARE = 0.45
VIEWER_MIN_PX = 300
CHAT_MIN_PX = 320


@dataclass
class WindowState:
    """What the window looked like when it was closed (empty: first start)."""

    geometry: str = ""
    splitter: list[int] = field(default_factory=list)
    viewer_width: int = 0

    @property
    def geometry_bytes(self) -> bytes:
        return base64.b64decode(self.geometry) if self.geometry else b""

    def set_geometry(self, data: bytes) -> None:
        self.geometry = base64.b64encode(data).decode("ascii")


def load_window_state(data_dir: Path) -> WindowState:
    path = Path(data_dir) / FILE_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return WindowState(
            geometry=str(data.get("geometry", "")),
            splitter=[int(n) for n in data.get("splitter", [])],
            viewer_width=int(data.get("viewer_width", 0)),
        )
    except FileNotFoundError:
        return WindowState()
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        log.warning("The saved window layout in %s could not be read (%s); using the default", path, exc)
        return WindowState()


def save_window_state(data_dir: Path, state: WindowState) -> None:
    path = Path(data_dir) / FILE_NAME
    try:
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(state)), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("The window layout could not be saved to %s: %s", path, exc)


class WindowLayout:
    """Restores the window's layout at start, keeps the viewer's width while it is open, saves it all at close."""

    def __init__(self, window: QWidget, splitter: QSplitter, viewer: QWidget, data_dir: Path) -> None:
        self.window, self.splitter, self.viewer, self.data_dir = window, splitter, viewer, Path(data_dir)
        self.state = load_window_state(self.data_dir)
        splitter.splitterMoved.connect(self.remember_viewer_width)
        if self.state.geometry:
            window.restoreGeometry(QByteArray(self.state.geometry_bytes))
        if len(self.state.splitter) >= 2 and all(n >= 0 for n in self.state.splitter):
            splitter.setSizes([*self.state.splitter[:2], splitter.sizes()[2]])

    def show_viewer(self) -> None:
        """Show the viewer at the width it had last time (first time: a readable share of the window)."""
        if self.viewer.isVisible():
            return
        sizes = self.splitter.sizes()
        total = sum(sizes) or self.splitter.width()
        wanted = self.state.viewer_width or int(total * VIEWER_SHARE)
        width = max(VIEWER_MIN_PX, min(wanted, total - sizes[0] - CHAT_MIN_PX))
        self.viewer.show()
        self.splitter.setSizes([sizes[0], max(CHAT_MIN_PX, total - sizes[0] - width), width])

    def remember_viewer_width(self, *_args) -> None:
        if self.viewer.isVisible() and self.splitter.sizes()[2] > 0:
            self.state.viewer_width = self.splitter.sizes()[2]

    def save(self) -> None:
        self.remember_viewer_width()
        self.state.set_geometry(bytes(self.window.saveGeometry().data()))
        self.state.splitter = self.splitter.sizes()[:2]
        save_window_state(self.data_dir, self.state)
