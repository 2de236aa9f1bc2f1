"""Model backends for the model process that behave like llama.cpp would, crashes and slow prompts included."""
from __future__ import annotations

import os
import re
import signal
import time
from pathlib import Path
from typing import Iterator


def _segfault() -> None:
    os.kill(os.getpid(), signal.SIGSEGV)
    time.sleep(5)


class EchoBackend:
    """Streams the words of the last message back, one piece per word; counts tokens as words."""

    def __init__(self, settings, delay_s: float = 0.0, first_piece_delay_s: float = 0.0) -> None:
        self.settings = settings
        self.delay_s = delay_s
        self.first_piece_delay_s = first_piece_delay_s

    def describe(self) -> dict:
        return {"system_info": "FAKE = 1", "safe_mode": self.settings.safe_mode, "pid": os.getpid()}

    def self_test(self) -> None:
        pass

    def count_tokens(self, text: str) -> int:
        return len(text.split())

    def stream(self, messages, max_tokens: int, temperature: float) -> Iterator[str]:
        time.sleep(self.first_piece_delay_s)
        for word in messages[-1]["content"].split()[:max_tokens]:
            time.sleep(self.delay_s)
            yield word + " "


class CrashesOnFirstDecodeUnlessSafe(EchoBackend):
    """Like llama.cpp's AMX kernels on some Xeons: the first decode segfaults unless extra buffers are off."""

    def self_test(self) -> None:
        if not self.settings.safe_mode:
            _segfault()


class CrashesMidAnswerOnce(EchoBackend):
    """Streams two pieces, then segfaults; only the first time (a marker file remembers across processes).

    Its answer is the prompt's first evidence quote, cited, as a grounded model writes; a prompt without one is echoed.
    """

    def __init__(self, settings, marker: str) -> None:
        super().__init__(settings)
        self.marker = Path(marker)

    def stream(self, messages, max_tokens: int, temperature: float) -> Iterator[str]:
        quote = re.search(r'\[(\d+)\] "([^"]*)"', messages[-1]["content"])
        if quote:
            messages = [{"role": "assistant", "content": f"{quote.group(2)} [{quote.group(1)}]"}]
        for index, piece in enumerate(super().stream(messages, max_tokens, temperature)):
            if index == 2 and not self.marker.exists():
                self.marker.write_text("crashed")
                _segfault()
            yield piece


class CrashesAlways(EchoBackend):
    """Crashes on load whatever the mode: a model that cannot run here at all."""

    def self_test(self) -> None:
        _segfault()


class FailsToLoad(EchoBackend):
    def self_test(self) -> None:
        raise ValueError("not a valid model file")


class DiskFull(EchoBackend):
    def self_test(self) -> None:
        from rag.errors import NotEnoughSpace

        raise NotEnoughSpace("Preparing the answer model needs about 200 MB of free disk space in /data, and 5 MB are "
                             "free. Free some space and try again.")


def real_llama_crashing_on_first_decode_unless_safe(settings):
    """The real llama.cpp backend on a processor whose fast kernels crash: segfaults unless loaded in safe mode."""
    from rag.models.llama_backend import LlamaBackend

    if not settings.safe_mode:
        _segfault()
    return LlamaBackend(settings)


class LoadsForever(EchoBackend):
    def self_test(self) -> None:
        time.sleep(60)
