"""Counted phrases in plain words ("1 document", "3 documents"), each form translatable on its own."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def counted(context: str, count: int, one: str, many: str) -> str:
    """``one`` when ``count`` is 1, else ``many`` with ``{n}`` replaced by the count; both go through translation."""
    text = QCoreApplication.translate(context, one) if count == 1 else QCoreApplication.translate(context, many)
    return text.replace("{n}", f"{count:,}")
