"""Counted phrases in plain words ("1 document", "3 documents"), each form translatable on its own."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale


def counted(context: str, count: int, one: str, many: str) -> str:
    """``one`` when ``count`` is 1, else ``many`` with ``{n}`` replaced by the count; both go through translation."""
    text = QCoreApplication.translate(context, one) if count == 1 else QCoreApplication.translate(context, many)
    return text.replace("{n}", f"{count:,}")


def moment(timestamp: float | None) -> str:
    """A date and time in the user's locale ("3 Dec 2026 14:05"); empty when unknown."""
    if not timestamp:
        return ""
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(timestamp)), "d MMM yyyy HH:mm")
