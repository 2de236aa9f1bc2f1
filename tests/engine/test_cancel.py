"""Cancel while a file is read or embedded: heard within a second, the file left out cleanly, progress moving."""
from __future__ import annotations

import threading
import time

import numpy as np

from rag.config import Config
from rag.engine import Engine
from rag.errors import Cancelled
from rag.ingest.embed_steps import embed_in_steps
from rag.ingest.parse_worker import IsolatedParser
from rag.progress import CancelToken
from tests.engine import hostile_loaders
from tests.documents import make_pdf
from tests.fakes import FakeEmbedder, FakeGenerator, PerTextSlowEmbedder

SENTENCE = "The booster pump at station {n} runs at sixteen bar and its seal is replaced every eight thousand hours. "


def long_pdf(path, pages: int = 12):
    return make_pdf(path, [" ".join(SENTENCE.format(n=p * 10 + i) for i in range(10)) for p in range(pages)])


def engine_with(tmp_path, embedder) -> Engine:
    return Engine(Config(data_dir=tmp_path / "data", chunk_tokens=32, chunk_overlap=4), embedder=embedder, generator=FakeGenerator())


def test_cancel_while_embedding_leaves_the_document_out_within_a_second(tmp_path):
    path = long_pdf(tmp_path / "filing.pdf")
    embedder = PerTextSlowEmbedder(0.05)
    engine = engine_with(tmp_path, embedder)
    cancel = CancelToken()
    pressed: list[float] = []

    def progress(p):
        if p.stage.startswith("embedding") and p.part > 0 and not pressed:
            pressed.append(time.monotonic())
            cancel.cancel()

    report = engine.ingest([path], progress=progress, cancel=cancel)
    returned = time.monotonic()
    assert report.cancelled and report.outcomes == []
    assert returned - pressed[0] < 1.0, "cancel is heard between embedding steps"
    assert engine.documents() == [] and engine.search("booster pump", k=3) == []
    again = engine.ingest([path])
    assert [o.status for o in again.outcomes] == ["indexed"], "nothing half-done blocks adding the file again"
    engine.close()


def test_cancelling_a_changed_file_keeps_its_previous_version(tmp_path):
    path = make_pdf(tmp_path / "manual.pdf", ["The relief valve opens at twelve bar."])
    embedder = PerTextSlowEmbedder(0.0)
    engine = engine_with(tmp_path, embedder)
    engine.ingest([path])
    long_pdf(path)
    embedder.seconds = 0.05
    cancel = CancelToken()
    report = engine.ingest([path], progress=lambda p: p.stage.startswith("embedding") and p.part > 0 and cancel.cancel(), cancel=cancel)
    assert report.cancelled
    [record] = engine.documents()
    assert record.status == "ready" and record.chunks == 1
    assert "twelve bar" in engine.search("relief valve", k=1)[0].text
    engine.close()


def test_cancel_while_a_file_is_read_stops_the_reader(tmp_path):
    (tmp_path / "hang-slow.txt").write_text("x", encoding="utf-8")
    parser = IsolatedParser(60.0, 768, loader=hostile_loaders.by_name)
    parser.submit(tmp_path / "hang-slow.txt")
    pid = parser.worker_pid
    cancel = CancelToken()
    threading.Timer(0.3, cancel.cancel).start()
    started = time.monotonic()
    try:
        parser.result(cancel=cancel)
    except Cancelled:
        pass
    else:
        raise AssertionError("the parse was not cancelled")
    assert time.monotonic() - started < 1.5
    assert parser.worker_pid is None and pid is not None
    parser.close()


def test_progress_moves_at_least_once_a_second_while_embedding(tmp_path):
    path = long_pdf(tmp_path / "filing.pdf", pages=10)
    engine = engine_with(tmp_path, PerTextSlowEmbedder(0.04))
    reports: list[tuple[float, str]] = []
    report = engine.ingest([path], progress=lambda p: reports.append((time.monotonic(), p.stage)))
    assert [o.status for o in report.outcomes] == ["indexed"] and report.outcomes[0].chunks > 64
    gaps = [b - a for (a, stage), (b, _) in zip(reports, reports[1:]) if stage.startswith("embedding")]
    assert len(gaps) > 3 and max(gaps) < 1.0, f"longest wait between reports while embedding: {max(gaps):.1f} s"
    engine.close()


def test_embedding_steps_give_the_same_vectors_as_one_call():
    texts = [f"passage {n} about valves" for n in range(40)]
    vectors = embed_in_steps(PerTextSlowEmbedder(0.0), texts, CancelToken(), lambda done, total: None)
    assert np.allclose(vectors, FakeEmbedder().embed(texts))
