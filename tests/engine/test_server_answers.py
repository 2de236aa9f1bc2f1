"""Answers from a real OpenAI-compatible server (llama-cpp-python's own, bundled model): end to end, killed mid-answer, keys."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from rag.config import Config
from rag.engine import Engine
from rag.errors import ServerError
from rag.models.api_keys import load_api_key, save_api_key
from rag.models.server_generator import ServerGenerator
from tests.documents import REPO, make_pdf
from tests.fakes import FakeEmbedder, FakeGenerator
from tests.llama_server import MODEL_ALIAS, LlamaServer, MemoryKeyring, server_available

pytestmark = [pytest.mark.real_models, pytest.mark.skipif(server_available() is not None, reason=str(server_available()))]
QUESTION = "How often should the pump seal be replaced?"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with LlamaServer(tmp_path_factory.mktemp("server")) as running:
        yield running


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(previous)


def pump_manual(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    safety = " ".join(f"Safety rule {n}: wear gloves, goggles and boots near the machine." for n in range(25))
    make_pdf(folder / "pump-manual.pdf", [safety, "Maintenance: replace the pump seal every 500 operating hours."])
    return folder


def server_engine(tmp_path: Path, url: str, **settings) -> Engine:
    settings = {"max_tokens": 24, "min_relevance": 0.0, **settings}
    config = Config(data_dir=tmp_path / "data", answer_backend="server", server_url=url, server_model=MODEL_ALIAS, **settings)
    return Engine(config, embedder=FakeEmbedder())


def test_the_server_lists_its_models_and_streams_an_answer(server):
    generator = ServerGenerator(server.url, MODEL_ALIAS)
    assert generator.list_models() == [MODEL_ALIAS]
    pieces = list(generator.stream([{"role": "user", "content": "Say hello."}], 12, 0.0))
    assert len(pieces) >= 2 and "".join(pieces).strip()


class Recording:
    """Passes through to ``inner``, keeping the messages of each answer."""

    def __init__(self, inner) -> None:
        self.inner, self.context_size, self.messages = inner, inner.context_size, []

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def stream(self, messages, max_tokens, temperature, cancel=None):
        self.messages.append(messages)
        return self.inner.stream(messages, max_tokens, temperature, cancel)


def test_engine_answers_through_the_server_with_the_same_evidence_and_citations(server, tmp_path):
    engine = server_engine(tmp_path, server.url)
    try:
        engine.ingest([pump_manual(tmp_path / "docs")])
        assert isinstance(engine.generator, ServerGenerator)
        through_server = engine._generator = Recording(engine.generator)
        streamed: list[str] = []
        answer = engine.ask(QUESTION, on_token=streamed.append)
        in_process = engine._generator = Recording(FakeGenerator("Every 500 operating hours [1]."))
        local = engine.ask(QUESTION)
    finally:
        engine.close()
    assert not answer.abstained and answer.evidence and len(streamed) >= 2, "the server's reply arrived"
    # What the model writes depends on the machine ("Evidence:\n[1] (" on one, a sentence on another): whatever it is,
    # no sentence is shown as sourced without its source holding it.
    assert all(s.supported or "(not found in your documents)" in answer.text for s in answer.sentences)
    assert "500 operating hours" in answer.closest[0].text
    assert [h.chunk_id for h in answer.closest] == [h.chunk_id for h in local.closest]
    assert through_server.messages[0][1:] == in_process.messages[0][1:], "the same sources reach either model"
    assert local.citations[0].source.endswith("pump-manual.pdf")


def test_a_server_killed_mid_answer_gives_a_plain_message_and_the_question_can_be_asked_again(tmp_path):
    first = LlamaServer(tmp_path)
    engine = server_engine(tmp_path, first.url, max_tokens=384)
    try:
        engine.ingest([pump_manual(tmp_path / "docs")])
        pieces: list[str] = []

        def kill_after_first_piece(piece: str) -> None:
            pieces.append(piece)
            if len(pieces) == 1:
                first.kill()

        lost = engine.ask("Write a long story about the pump and its seal.", on_token=kill_after_first_piece)
        assert "lost in the middle of the answer" in lost.note and lost.evidence, "the evidence stays the answer"
        assert len(pieces) < 40
        assert "Nothing answers at 127.0.0.1" in engine.ask(QUESTION).note
        with LlamaServer(tmp_path, port=first.port):
            engine.apply_config(engine.config.replace(max_tokens=16))
            again = engine.ask(QUESTION)
        assert not again.abstained and again.sentences, "the restarted server's reply arrived and was checked"
    finally:
        first.kill()
        engine.close()


def test_a_wrong_or_missing_key_is_refused_plainly_and_the_saved_key_is_used(tmp_path, memory_keyring):
    with LlamaServer(tmp_path, api_key="s3cret-key") as locked:
        engine = server_engine(tmp_path, locked.url)
        try:
            engine.ingest([pump_manual(tmp_path / "docs")])
            assert "refused Faro's API key" in engine.ask(QUESTION).note
            save_api_key(locked.url, "wrong")
            assert "the key is wrong or missing" in engine.ask(QUESTION).note
            save_api_key(locked.url + "/", "s3cret-key")
            assert not engine.ask(QUESTION).abstained
        finally:
            engine.close()
    assert memory_keyring.passwords == {("Faro answer server", locked.url): "s3cret-key"}
    assert "s3cret" not in (tmp_path / "data" / "faro.toml").read_text() if (tmp_path / "data" / "faro.toml").exists() else True
    assert load_api_key(locked.url) == "s3cret-key"


def test_an_address_without_the_api_path_is_explained(server):
    generator = ServerGenerator(server.url.removesuffix("/v1"), MODEL_ALIAS)
    with pytest.raises(ServerError, match="usually ends in /v1"):
        list(generator.stream([{"role": "user", "content": "Hi"}], 8, 0.0))


def _network_calls(trace: Path) -> tuple[set[str], list[str]]:
    """(addresses connected to other than DNS, DNS queries) in an strace log."""
    addresses, dns_sockets, queries = set(), set(), []
    for line in trace.read_text().splitlines():
        pid, _, call = line.partition(" ")
        call = call.strip()
        connected = re.match(r"connect\((\d+), \{sa_family=AF_INET6?, (sin6?_port=htons\((\d+)\), [^}]*)\}", call)
        if connected and connected.group(3) == "53":
            dns_sockets.add((pid, connected.group(1)))
        elif connected:
            addresses.add(connected.group(2))
        sent = re.match(r"sendto\((\d+), (.*)", call)
        if sent and (pid, sent.group(1)) in dns_sockets:
            queries.append(sent.group(2))
    return addresses, queries


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")
def test_with_a_server_faro_connects_to_that_host_and_port_only_and_otherwise_to_nothing(server, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO), "FARO_LOG_DIR": str(tmp_path / "logs")}
    data = ["--data-dir", str(tmp_path / "data")]

    def faro(trace: Path, *args: str) -> dict:
        command = ["strace", "-f", "-qq", "-s", "80", "-e", "trace=connect,sendto", "-o", str(trace),
                   sys.executable, "-m", "rag.cli", *args, *data, "--json"]
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-3000:]
        return json.loads(done.stdout)

    assert faro(tmp_path / "ingest.trace", "ingest", str(pump_manual(tmp_path / "docs")))["summary"]["indexed"] == 1
    answer = faro(tmp_path / "ask.trace", "ask", QUESTION, "--server", server.url, "--server-model", MODEL_ALIAS, "--max-tokens", "16")
    assert not answer["abstained"] and (answer["answer"].strip() or answer.get("evidence"))
    assert _network_calls(tmp_path / "ask.trace") == ({f'sin_port=htons({server.port}), sin_addr=inet_addr("127.0.0.1")'}, [])
    assert not faro(tmp_path / "local.trace", "ask", QUESTION, "--max-tokens", "16")["abstained"]
    for run in ("ingest", "local"):
        assert _network_calls(tmp_path / f"{run}.trace") == (set(), []), f"default settings, {run}: no connection"
