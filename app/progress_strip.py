"""The indexing strip at the bottom of the window: current file, files done of total, time left, Cancel."""
from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLocale, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from app.indexing import IndexProgress


def describe_time_left(seconds: float | None) -> str:
    """Plain words for a time estimate: ``about 3 min left``; empty while there is no estimate yet."""
    translate = QCoreApplication.translate
    if seconds is None:
        return ""
    if seconds < 10:
        return translate("ProgressStrip", "a few seconds left")
    if seconds < 90:
        return translate("ProgressStrip", "about {n} s left").format(n=int(round(seconds / 5.0) * 5))
    if seconds < 90 * 60:
        return translate("ProgressStrip", "about {n} min left").format(n=int(round(seconds / 60)))
    return translate("ProgressStrip", "about {n} h left").format(n=QLocale().toString(seconds / 3600, "f", 1))


BAR_STEPS = 100
_EMBEDDING = re.compile(r"embedding (\d+)/(\d+) passages")


def stage_text(stage: str) -> str:
    """The engine's stage name in the user's words."""
    translate = QCoreApplication.translate
    embedding = _EMBEDDING.fullmatch(stage)
    if embedding:
        done, total = embedding.groups()
        return translate("ProgressStrip", "preparing passages for search: {done} of {total}").format(done=done, total=total)
    words = {
        "checking": translate("ProgressStrip", "checking"),
        "starting": translate("ProgressStrip", "starting"),
        "reading": translate("ProgressStrip", "reading the text"),
        "saving": translate("ProgressStrip", "saving"),
        "re-indexing": translate("ProgressStrip", "re-indexing"),
    }
    return words.get(stage, stage)


class ProgressStrip(QFrame):
    """Hidden while nothing is being indexed."""

    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressStrip")
        self.label = QLabel()
        self.label.setMinimumWidth(200)
        self.bar = QProgressBar()
        self.bar.setTextVisible(True)
        self.bar.setMaximumWidth(260)
        self.eta = QLabel()
        self.eta.setObjectName("muted")
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setToolTip(self.tr("Stop indexing; documents already added stay in the library"))
        self.cancel.clicked.connect(self.cancelRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.eta)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self.hide()

    def show_progress(self, progress: IndexProgress) -> None:
        if progress.total:
            self.bar.setRange(0, progress.total * BAR_STEPS)
            self.bar.setValue(int((progress.done + min(max(progress.part, 0.0), 1.0)) * BAR_STEPS))
            self.bar.setFormat(self.tr("{done} of {total} files").format(done=progress.done, total=progress.total))
        else:
            self.bar.setRange(0, 0)
        verb = QCoreApplication.translate("IndexProgress", progress.verb)
        doing = f"{verb} {progress.current}" if progress.current else ""
        self.label.setText(" — ".join(part for part in (doing, stage_text(progress.stage)) if part) or f"{verb}…")
        self.label.setToolTip(self.label.text())
        self.eta.setText(describe_time_left(progress.seconds_left))
        self.cancel.setEnabled(True)
        self.show()

    def cancelling(self) -> None:
        self.label.setText(self.tr("Cancelling…"))
        self.cancel.setEnabled(False)
