"""Server problems a real server cannot easily be made to show: unknown model, slow first word, a web page, no keyring."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import keyring
import pytest
from keyring.backends import fail

from rag.config import Config
from rag.errors import ConfigError, ServerError
from rag.models.api_keys import NO_STORE, load_api_key, save_api_key
from rag.models.server_address import leaves_private_network
from rag.models.server_generator import ServerGenerator
from tests.llama_server import free_port

MESSAGES = [{"role": "user", "content": "Hi"}]


class Behaviour(BaseHTTPRequestHandler):
    """Answers as ``self.server.mode`` says: unknown-model, slow, html, events, half-event."""

    def log_message(self, *args) -> None:
        pass

    def do_POST(self) -> None:
        mode = self.server.mode
        self.rfile.read(int(self.headers["Content-Length"]))
        if mode == "unknown-model":
            self._send(404, "application/json", json.dumps({"error": {"message": "model 'llama9' not found", "type": "not_found"}}))
        elif mode == "html":
            self._send(200, "text/html", "<html><body>Router login</body></html>")
        elif mode == "slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            self.wfile.write(b": ping\n\n")
            self.wfile.flush()
            time.sleep(3)
        elif mode == "events":
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            for piece in ("Hel", "lo"):
                chunk = {"choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            self.wfile.write(b'data: {"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}\n\ndata: [DONE]\n\n')
        elif mode == "not-json-events":
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            self.wfile.write(b"data: hello there\n\n")

    def _send(self, status: int, content_type: str, body: str) -> None:
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def stub():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Behaviour)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def generator(server, **options) -> ServerGenerator:
    return ServerGenerator(f"http://127.0.0.1:{server.server_address[1]}/v1", "llama9", **options)


def test_an_unknown_model_is_named(stub):
    stub.mode = "unknown-model"
    with pytest.raises(ServerError, match="has no model named 'llama9'.*Test connection"):
        list(generator(stub).stream(MESSAGES, 8, 0.0))


def test_a_web_page_or_garbage_is_not_taken_for_an_answer(stub):
    for mode in ("html", "not-json-events"):
        stub.mode = mode
        with pytest.raises(ServerError, match="is not an OpenAI-compatible model server"):
            list(generator(stub).stream(MESSAGES, 8, 0.0))


def test_a_slow_first_word_is_a_plain_timeout(stub):
    stub.mode = "slow"
    began = time.monotonic()
    with pytest.raises(ServerError, match="did not start answering within 1 s"):
        list(generator(stub, first_token_wait_s=1.0).stream(MESSAGES, 8, 0.0))
    assert time.monotonic() - began < 2.5


def test_events_stream_piece_by_piece(stub):
    stub.mode = "events"
    assert list(generator(stub).stream(MESSAGES, 8, 0.0)) == ["Hel", "lo"]


def test_nothing_listening_and_unknown_host_are_explained():
    with pytest.raises(ServerError, match=r"Nothing answers at 127\.0\.0\.1:\d+"):
        ServerGenerator(f"http://127.0.0.1:{free_port()}/v1", "m").list_models()
    with pytest.raises(ServerError, match="cannot find the answer server 'no-such-host.invalid'"):
        ServerGenerator("http://no-such-host.invalid/v1", "m").list_models()


def test_without_a_password_store_saving_a_key_says_so_and_reading_finds_none():
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(ConfigError) as refused:
            save_api_key("http://gpu-server:8080/v1", "secret")
        assert str(refused.value) == NO_STORE
        assert load_api_key("http://gpu-server:8080/v1") is None
        save_api_key("http://gpu-server:8080/v1", "")
    finally:
        keyring.set_keyring(previous)


@pytest.mark.parametrize("url, leaves", [
    ("http://localhost:11434/v1", False), ("http://127.0.0.1:8080/v1", False), ("http://[::1]:1234/v1", False),
    ("http://192.168.1.20:8080/v1", False), ("http://10.0.0.5/v1", False), ("http://gpu-box:8000/v1", False),
    ("http://gpu.corp.internal/v1", False), ("https://api.example.com/v1", True), ("http://8.8.8.8/v1", True),
])
def test_hosts_outside_this_computer_and_private_networks_are_recognised(url, leaves):
    assert leaves_private_network(url) is leaves


def test_server_settings_are_validated(tmp_path):
    assert Config(data_dir=tmp_path, answer_backend="server", server_url="http://localhost:8080/v1/", server_model="m").server_url == (
        "http://localhost:8080/v1"
    )
    with pytest.raises(ConfigError, match="must start with http"):
        Config(data_dir=tmp_path, answer_backend="server", server_url="localhost:8080", server_model="m")
    with pytest.raises(ConfigError, match="Test connection"):
        Config(data_dir=tmp_path, answer_backend="server", server_url="http://localhost:8080/v1")
    Config(data_dir=tmp_path, server_url="not checked while the local model answers")


def test_model_folders_and_server_settings_survive_a_save(tmp_path):
    config = Config(data_dir=tmp_path, answer_backend="server", server_url="http://localhost:1234/v1", server_model="qwen",
                    model_folders=(str(tmp_path / "my models"),))
    config.save()
    assert Config.load(tmp_path) == config
    assert "key" not in (tmp_path / "faro.toml").read_text().lower()
