"""Faro's settings: a frozen dataclass validated on construction, read from and written to faro.toml."""
from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rag.errors import ConfigError

CONFIG_FILE_NAME = "faro.toml"
DEFAULT_COLLECTION = "default"
EMBEDDING_BACKENDS = ("torch", "onnx-int8")
ANSWER_BACKENDS = ("local", "server")
LANGUAGE_SETTINGS = ("auto", "en", "es")


def default_data_dir(cli_value: str | os.PathLike | None = None) -> Path:
    """The data folder: ``--data-dir``, then ``FARO_HOME``, then the platform's user data folder."""
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    env_value = os.environ.get("FARO_HOME")
    if env_value:
        return Path(env_value).expanduser().resolve()
    import platformdirs

    return Path(platformdirs.user_data_dir("faro", appauthor=False))


@dataclass(frozen=True)
class Config:
    """Every setting of the engine. ``None`` model paths mean the bundled default models; ``language`` is the
    interface language (``auto`` follows the system), in which the engine's messages are shown."""

    data_dir: Path
    collection: str = DEFAULT_COLLECTION
    llm_path: Path | None = None
    embedding_model: Path | None = None
    embedding_backend: str = "onnx-int8"
    n_gpu_layers: int = 0
    n_threads: int | None = None
    n_ctx: int = 4096
    temperature: float = 0.2
    max_tokens: int = 384
    top_k: int = 4
    chunk_tokens: int = 256
    chunk_overlap: int = 32
    min_relevance: float = 0.6
    parse_timeout_s: float = 120.0
    parse_memory_mb: int = 3072
    answer_backend: str = "local"
    server_url: str = ""
    server_model: str = ""
    server_wait_s: float = 120.0
    model_folders: tuple[str, ...] = ()
    ocr: bool = True
    language: str = "auto"
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "data_dir", Path(self.data_dir).expanduser())
        for name in ("llm_path", "embedding_model"):
            value = getattr(self, name)
            if value is not None and value != "":
                object.__setattr__(self, name, Path(value).expanduser())
            else:
                object.__setattr__(self, name, None)
        object.__setattr__(self, "model_folders", tuple(str(folder) for folder in self.model_folders))
        object.__setattr__(self, "server_url", self.server_url.strip().rstrip("/"))
        object.__setattr__(self, "server_model", self.server_model.strip())
        self._check_server()
        if not self.collection.strip() or len(self.collection) > 100:
            raise ConfigError("A collection name must have 1 to 100 characters.")
        if self.embedding_backend not in EMBEDDING_BACKENDS:
            raise ConfigError(f"Embedding backend must be one of: {', '.join(EMBEDDING_BACKENDS)}.")
        if self.n_gpu_layers < -1:
            raise ConfigError("GPU layers must be 0 or more, or -1 for all layers.")
        if self.n_threads is not None and self.n_threads < 1:
            raise ConfigError("CPU threads must be at least 1.")
        if not 256 <= self.n_ctx <= 131072:
            raise ConfigError("Context size must be between 256 and 131072 tokens.")
        if not 0.0 <= self.temperature <= 2.0:
            raise ConfigError("Temperature must be between 0 and 2.")
        if not 16 <= self.max_tokens <= 8192:
            raise ConfigError("Maximum answer length must be between 16 and 8192 tokens.")
        if not 1 <= self.top_k <= 20:
            raise ConfigError("Number of sources must be between 1 and 20.")
        if not 32 <= self.chunk_tokens <= 512:
            raise ConfigError("Chunk size must be between 32 and 512 tokens (the embedding model reads at most 512).")
        if not 0 <= self.chunk_overlap < self.chunk_tokens // 2:
            raise ConfigError("Chunk overlap must be at least 0 and less than half the chunk size.")
        if not 0.0 <= self.min_relevance <= 1.5:
            raise ConfigError("Minimum relevance must be between 0 and 1.5.")
        if self.parse_timeout_s <= 0 or self.parse_memory_mb < 256:
            raise ConfigError("Parse limits must be positive (memory at least 256 MB).")
        if self.language not in LANGUAGE_SETTINGS:
            raise ConfigError(f"Interface language must be one of: {', '.join(LANGUAGE_SETTINGS)}.")

    def _check_server(self) -> None:
        if self.answer_backend not in ANSWER_BACKENDS:
            raise ConfigError(f"The answer model must be one of: {', '.join(ANSWER_BACKENDS)}.")
        if not 1 <= self.server_wait_s <= 3600:
            raise ConfigError("The wait for the server's first word must be between 1 and 3600 seconds.")
        if self.answer_backend != "server":
            return
        from urllib.parse import urlsplit

        try:
            address = urlsplit(self.server_url)
            address.port
        except ValueError as exc:
            raise ConfigError(f"The server address {self.server_url!r} is not valid: {exc}.") from exc
        if address.scheme not in ("http", "https") or not address.hostname:
            raise ConfigError("The server address must start with http:// or https://, e.g. http://localhost:8080/v1.")
        if not self.server_model:
            raise ConfigError(
                "Choose which of the server's models answers (Test connection lists them; "
                "on the command line: faro models --server URL, then --server-model NAME)."
            )

    @property
    def threads(self) -> int:
        return self.n_threads or max(1, os.cpu_count() or 1)

    @property
    def config_file(self) -> Path:
        return self.data_dir / CONFIG_FILE_NAME

    def replace(self, **changes: Any) -> "Config":
        """A copy with ``changes`` applied (and validated)."""
        return dataclasses.replace(self, **changes)

    @classmethod
    def load(cls, data_dir: Path, **overrides: Any) -> "Config":
        """Settings from ``data_dir/faro.toml`` with ``overrides`` (e.g. CLI flags; ``None`` means unset) on top."""
        values: dict[str, Any] = {}
        path = Path(data_dir) / CONFIG_FILE_NAME
        if path.exists():
            try:
                values = tomllib.loads(path.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise ConfigError(f"The settings file {path} is not valid TOML: {exc}") from exc
        known = {f.name for f in dataclasses.fields(cls)} - {"data_dir", "extra"}
        unknown = set(values) - known
        if unknown:
            raise ConfigError(f"Unknown setting(s) in {path}: {', '.join(sorted(unknown))}")
        values.update({k: v for k, v in overrides.items() if v is not None})
        try:
            return cls(data_dir=Path(data_dir), **values)
        except TypeError as exc:
            raise ConfigError(f"A setting has the wrong type: {exc}") from exc

    def save(self) -> None:
        """Write every setting that differs from the default to ``faro.toml`` (atomically)."""
        defaults = Config(data_dir=self.data_dir)
        lines = []
        for f in dataclasses.fields(self):
            if f.name in ("data_dir", "extra"):
                continue
            value = getattr(self, f.name)
            if value != getattr(defaults, f.name):
                lines.append(f"{f.name} = {_toml_value(value)}")
        self.data_dir.mkdir(parents=True, exist_ok=True)
        tmp = self.config_file.with_suffix(".tmp")
        tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
        os.replace(tmp, self.config_file)


def _toml_value(value: Any) -> str:
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if value is None:
        return '""'
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'
