"""Timing proxies around the engine's parts, so one ingest can be broken down into parse, chunk, embed and store."""
from __future__ import annotations

import contextlib
import os
import time
from collections import defaultdict
from pathlib import Path
from typing import Callable, Iterator, Sequence

import numpy as np

PARSE_LOG_VARIABLE = "FARO_BENCH_PARSE_LOG"


class Stopwatch:
    """Seconds spent per named stage, summed over calls."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)

    @contextlib.contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - started
            self.calls[name] += 1

    def timed(self, name: str, function: Callable) -> Callable:
        def wrapper(*args, **kwargs):
            with self.stage(name):
                return function(*args, **kwargs)

        return wrapper


class TimedEmbedder:
    """An embedder whose ``embed`` calls are timed as the ``embed`` stage."""

    def __init__(self, inner, watch: Stopwatch) -> None:
        self.inner = inner
        self.watch = watch
        self.model_id = inner.model_id
        self.max_tokens = inner.max_tokens
        self.texts = 0

    def token_spans(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        return self.inner.token_spans(texts)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.texts += len(texts)
        with self.watch.stage("embed"):
            return self.inner.embed(texts)


class TimedStore:
    """A vector store whose every call is timed as the ``vector_store`` stage."""

    def __init__(self, inner, watch: Stopwatch) -> None:
        self._inner = inner
        self._watch = watch

    def __getattr__(self, name: str):
        return self._watch.timed("vector_store", getattr(self._inner, name))


class TimedParser:
    """The isolated parser; time spent waiting for its result is the part of parsing not hidden behind embedding."""

    def __init__(self, inner, watch: Stopwatch) -> None:
        self._inner = inner
        self._watch = watch

    def submit(self, path, password=None) -> None:
        self._inner.submit(path, password)

    def result(self, on_page=None, cancel=None):
        with self._watch.stage("parse_wait"):
            return self._inner.result(on_page, cancel)

    def abandon(self) -> None:
        self._inner.abandon()

    def close(self) -> None:
        self._inner.close()


def timed_load_document(path: Path, password: str | None = None):
    """``load_document`` run in the parse worker, appending its CPU seconds to the file named by the environment."""
    from rag.ingest.loaders import load_document

    started = time.process_time()
    try:
        return load_document(path, password)
    finally:
        log_path = os.environ.get(PARSE_LOG_VARIABLE)
        if log_path:
            with open(log_path, "a", encoding="utf-8") as handle:
                handle.write(f"{time.process_time() - started:.6f}\n")


def read_parse_log(path: Path) -> float:
    try:
        return sum(float(line) for line in path.read_text(encoding="utf-8").split())
    except OSError:
        return 0.0


class StepTimer:
    """An engine step hook that times the steps named ``<step>.begin`` … ``<step>.end`` as stages of a stopwatch."""

    def __init__(self, watch: Stopwatch, stages: dict[str, str]) -> None:
        self.watch = watch
        self.stages = stages  # engine step → stage name
        self._started: dict[str, float] = {}

    def __call__(self, step: str) -> None:
        name, _, edge = step.rpartition(".")
        stage = self.stages.get(name)
        if stage is None:
            return
        if edge == "begin":
            self._started[name] = time.perf_counter()
        elif edge == "end" and name in self._started:
            self.watch.seconds[stage] += time.perf_counter() - self._started.pop(name)
            self.watch.calls[stage] += 1
