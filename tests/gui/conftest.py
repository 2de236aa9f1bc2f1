"""Fixtures for the desktop app's tests: offscreen Qt, generated documents, and windows on fake or real engines."""
from __future__ import annotations

import os
import re

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import time
from pathlib import Path
from typing import Callable, Iterator

import pytest

from rag.config import Config
from rag.engine import Engine
from tests.fakes import FakeEmbedder, FakeGenerator

from tests.documents import SHARED, make_pdf


class SlowEmbedder(FakeEmbedder):
    """The fake embedder, but each call takes ``delay`` seconds (so indexing can be watched and cancelled)."""

    def __init__(self, delay: float = 0.3) -> None:
        super().__init__()
        self.delay = delay

    def embed(self, texts):
        time.sleep(self.delay)
        return super().embed(texts)


class SlowGenerator(FakeGenerator):
    """Streams ``count`` words of the first evidence quote, from its middle (where it says more than the question)
    and over and over without a sentence end, one every ``delay`` seconds (so Stop can be pressed mid-answer)."""

    def __init__(self, count: int = 200, delay: float = 0.02) -> None:
        super().__init__()
        self.count = count
        self.delay = delay

    def stream(self, messages, max_tokens: int, temperature: float, cancel=None):
        self.messages.append(messages)
        words = re.findall(r"[^\W_]+", self.first_quote(messages)[1]) or ["word"]
        words = words[len(words) // 2:] + words[: len(words) // 2]
        for i in range(self.count):
            time.sleep(self.delay)
            yield words[i % len(words)] + " "


def wait_for(qtbot, condition: Callable[[], bool], timeout_s: float = 20.0) -> None:
    qtbot.waitUntil(lambda: bool(condition()), timeout=int(timeout_s * 1000))


@pytest.fixture
def documents(tmp_path) -> Path:
    """A folder with a three-page maintenance manual (one fact per page) and a Markdown note."""
    folder = tmp_path / "docs"
    folder.mkdir()
    make_pdf(folder / "manual.pdf", [
        "Chapter one. The station logbook records every visit by the field engineer with the date and the hour meter.",
        "Chapter two. The maximum operating pressure of the booster pump is sixteen bar during normal service.",
        "Chapter three. Replace the mechanical seal of the booster pump every eight thousand operating hours.",
    ])
    (folder / "notes.md").write_text(
        "# Visit notes\n\nThe inlet strainer at station fourteen was cleaned because of cavitation noise.\n", encoding="utf-8"
    )
    return folder


@pytest.fixture
def make_window(qtbot, tmp_path) -> Iterator[Callable[..., object]]:
    """Builds started main windows on ``tmp_path/data`` with a fake engine (created on the worker thread)."""
    from app.main import build_window

    windows = []

    def factory(embedder=None, generator=None, data_dir: Path | None = None, real: bool = False, **settings):
        settings = {"chunk_tokens": 48, "chunk_overlap": 8, **settings}
        config = Config.load(data_dir or tmp_path / "data", **settings)

        def engine():
            if real:
                return Engine(config)
            return Engine(config, embedder=embedder or FakeEmbedder(), generator=generator or FakeGenerator())

        window = build_window(config, engine)
        qtbot.addWidget(window)
        window.show()
        window.start()
        windows.append(window)
        wait_for(qtbot, lambda: window.engine_info is not None and window.library.loaded, 120 if real else 20)
        return window

    yield factory
    for window in windows:
        window.close()


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present on this machine")
    return SHARED
