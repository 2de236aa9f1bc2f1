"""Streams chat answers from an OpenAI-compatible server (llama.cpp server, Ollama, LM Studio, vLLM) over HTTP."""
from __future__ import annotations

import http.client
import json
import socket
import time
from typing import Callable, Iterator
from urllib.parse import urlsplit

from rag.errors import ServerError
from rag.progress import CancelToken

KeySource = Callable[[], "str | None"]


class ServerGenerator:
    """The answer model behind an OpenAI-compatible ``/chat/completions`` endpoint; a new connection per answer."""

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: KeySource | str | None = None,
        context_size: int = 4096,
        first_token_wait_s: float = 120.0,
        connect_timeout_s: float = 10.0,
        idle_timeout_s: float = 60.0,
    ) -> None:
        address = urlsplit(base_url.strip().rstrip("/"))
        if address.scheme not in ("http", "https") or not address.hostname:
            raise ServerError(f"The server address {base_url!r} must start with http:// or https://.")
        self.base_url = base_url.strip().rstrip("/")
        self.host = address.hostname
        self.port = address.port or (443 if address.scheme == "https" else 80)
        self.https = address.scheme == "https"
        self.prefix = address.path.rstrip("/")
        self.model = model
        self._api_key = api_key if callable(api_key) else (lambda: api_key)
        self.context_size = context_size
        self.first_token_wait_s = first_token_wait_s
        self.connect_timeout_s = connect_timeout_s
        self.idle_timeout_s = idle_timeout_s

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"

    def count_tokens(self, text: str) -> int:
        """An upper estimate (one token per 3 bytes): OpenAI's API has no tokenizer endpoint, and overshooting is safe."""
        return len(text.encode("utf-8")) // 3 + 1

    def list_models(self) -> list[str]:
        """The model names the server offers (``GET /models``)."""
        connection, response, _ = self._open("GET", "/models", None, self.connect_timeout_s + 20)
        try:
            data = self._json(response.read())
        except (OSError, http.client.HTTPException) as exc:
            raise self._lost(exc) from exc
        finally:
            connection.close()
        models = data.get("data") if isinstance(data, dict) else None
        if not isinstance(models, list):
            raise self._not_openai()
        return [str(m.get("id")) for m in models if isinstance(m, dict) and m.get("id")]

    def stream(
        self, messages: list[dict[str, str]], max_tokens: int, temperature: float, cancel: CancelToken | None = None
    ) -> Iterator[str]:
        body = {"model": self.model, "messages": messages, "max_tokens": max_tokens, "temperature": temperature, "stream": True}
        deadline = time.monotonic() + self.first_token_wait_s
        connection, response, sock = self._open("POST", "/chat/completions", json.dumps(body).encode("utf-8"), self.first_token_wait_s)
        try:
            content_type = response.getheader("Content-Type", "")
            if "text/event-stream" not in content_type:
                yield self._whole_reply(response, content_type)
                return
            for piece in self._events(sock, response, deadline):
                if cancel is not None and cancel.cancelled:
                    return
                yield piece
        finally:
            response.close()
            connection.close()

    def _events(self, sock: socket.socket, response, deadline: float) -> Iterator[str]:
        started = finished = False
        while True:
            if not started:
                sock.settimeout(max(0.05, deadline - time.monotonic()))
            try:
                line = response.readline()
            except TimeoutError as exc:
                raise (self._stalled() if started else self._slow()) from exc
            except (OSError, http.client.HTTPException) as exc:
                raise self._lost(exc) from exc
            if not line:
                if finished:
                    return
                raise self._lost(None)
            line = line.strip()
            if not line.startswith(b"data:"):
                if not started and time.monotonic() > deadline:
                    raise self._slow()
                continue
            payload = line[5:].strip()
            if payload == b"[DONE]":
                return
            choice = self._choice(self._json(payload))
            if choice is None:
                continue
            piece = (choice.get("delta") or {}).get("content")
            if piece:
                if not started:
                    started = True
                    sock.settimeout(self.idle_timeout_s)
                yield piece
            finished = finished or bool(choice.get("finish_reason"))

    def _choice(self, chunk: object) -> dict | None:
        if isinstance(chunk, dict) and chunk.get("error"):
            raise ServerError(f"The answer server at {self.where} reported an error: {_error_text(chunk)}")
        choices = chunk.get("choices") if isinstance(chunk, dict) else None
        if not isinstance(choices, list):
            raise self._not_openai()
        return choices[0] if choices and isinstance(choices[0], dict) else None

    def _whole_reply(self, response, content_type: str) -> str:
        """A server that ignored ``stream`` and sent one JSON completion."""
        if "json" not in content_type:
            raise self._not_openai()
        data = self._json(response.read())
        try:
            return str(data["choices"][0]["message"]["content"] or "")
        except (KeyError, IndexError, TypeError) as exc:
            raise self._not_openai() from exc

    def _open(self, method: str, path: str, body: bytes | None, wait_s: float):
        connection_class = http.client.HTTPSConnection if self.https else http.client.HTTPConnection
        connection = connection_class(self.host, self.port, timeout=self.connect_timeout_s)
        try:
            connection.connect()
        except socket.gaierror as exc:
            raise ServerError(f"Faro cannot find the answer server '{self.host}'. Check the address in Settings.") from exc
        except ConnectionRefusedError as exc:
            raise ServerError(
                f"Nothing answers at {self.where}: the answer server is not running there, or the address is wrong."
            ) from exc
        except TimeoutError as exc:
            raise ServerError(f"The answer server at {self.where} did not respond within {self.connect_timeout_s:.0f} s.") from exc
        except OSError as exc:
            raise ServerError(f"Faro cannot connect to the answer server at {self.where}: {exc.strerror or exc}.") from exc
        headers = {"Content-Type": "application/json", "Accept": "text/event-stream, application/json"}
        key = self._api_key()
        if key:
            headers["Authorization"] = f"Bearer {key}"
        sock = connection.sock
        try:
            sock.settimeout(wait_s)
            connection.request(method, self.prefix + path, body=body, headers=headers)
            response = connection.getresponse()
        except TimeoutError as exc:
            connection.close()
            raise self._slow() from exc
        except (OSError, http.client.HTTPException) as exc:
            connection.close()
            raise self._lost(exc) from exc
        if response.status >= 400:
            try:
                raise self._refused(response.status, response.reason, _read_quietly(response))
            finally:
                connection.close()
        return connection, response, sock

    def _refused(self, status: int, reason: str, body: bytes) -> ServerError:
        detail = _error_text(_loads_or_none(body)) or body[:200].decode("utf-8", "replace").strip()
        if status in (401, 403):
            return ServerError(
                f"The answer server at {self.where} refused Faro's API key ({status}): the key is wrong or missing. "
                "Enter the right key in Settings → Model."
            )
        if status == 404 and "model" in detail.lower():
            return ServerError(f"The answer server at {self.where} has no model named '{self.model}'. "
                               "Press Test connection in Settings to see the models it offers.")
        if status == 404:
            return ServerError(
                f"{self.base_url} has no OpenAI-compatible API (404 Not Found). The address usually ends in /v1, "
                "e.g. http://localhost:8080/v1 (llama.cpp), http://localhost:11434/v1 (Ollama), http://localhost:1234/v1 (LM Studio)."
            )
        if status in (405, 501):
            return self._not_openai()
        return ServerError(f"The answer server at {self.where} answered with an error ({status} {reason}): {detail or 'no details'}")

    def _json(self, data: bytes) -> object:
        value = _loads_or_none(data)
        if value is None:
            raise self._not_openai()
        return value

    def _not_openai(self) -> ServerError:
        return ServerError(
            f"What answers at {self.base_url} is not an OpenAI-compatible model server. "
            "Check the address (it usually ends in /v1)."
        )

    def _slow(self) -> ServerError:
        return ServerError(
            f"The answer server at {self.where} did not start answering within {self.first_token_wait_s:.0f} s "
            "(it may be busy or still loading the model). Ask again in a moment."
        )

    def _stalled(self) -> ServerError:
        return ServerError(f"The answer server at {self.where} stopped sending the answer for {self.idle_timeout_s:.0f} s. Ask again.")

    def _lost(self, exc: BaseException | None) -> ServerError:
        why = f" ({exc.__class__.__name__})" if exc is not None else ""
        return ServerError(
            f"The connection to the answer server at {self.where} was lost in the middle of the answer{why}. "
            "Check that the server is still running, then ask again."
        )

    def close(self) -> None:
        """Nothing stays open between answers."""


def _loads_or_none(data: bytes) -> object:
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return None


def _read_quietly(response) -> bytes:
    try:
        return response.read(4096)
    except (OSError, http.client.HTTPException):
        return b""


def _error_text(data: object) -> str:
    """The message of an OpenAI-style ``{"error": {"message": ...}}`` (or FastAPI's ``{"detail": ...}``) body."""
    if not isinstance(data, dict):
        return ""
    error = data.get("error", data.get("detail"))
    if isinstance(error, dict):
        return str(error.get("message") or error.get("type") or "")
    return str(error or "")
