"""Every error Faro raises on purpose, each with a message a user understands."""
from __future__ import annotations


class FaroError(Exception):
    """Base of all Faro errors; ``str(error)`` is fit to show to a user."""

    kind = "error"


class FileProblem(FaroError):
    """A single file could not be indexed; the batch goes on."""

    kind = "unreadable"


class EmptyFile(FileProblem):
    kind = "empty"


class UnsupportedFile(FileProblem):
    kind = "unsupported"


class PasswordRequired(FileProblem):
    kind = "password"


class WrongPassword(FileProblem):
    kind = "password"


class NoTextLayer(FileProblem):
    kind = "no-text"


class DamagedFile(FileProblem):
    kind = "damaged"


class FileTooLarge(FileProblem):
    kind = "too-large"


class ParseTimeout(FileProblem):
    kind = "timeout"


class ModelError(FaroError):
    """The language or embedding model cannot be used."""

    kind = "model"


class ModelCrashed(ModelError):
    """The language model's process stopped in the middle of an answer; Faro has started a fresh one."""


class EmbeddingMismatch(FaroError):
    """The collection was built with another embedding model and must be re-indexed."""

    kind = "reindex"


class LibraryLocked(FaroError):
    """Another Faro process has the data folder open."""

    kind = "locked"


class DataFolderError(FaroError):
    """The data folder cannot be created or written."""

    kind = "data-folder"


class ConfigError(FaroError):
    """A setting has a value Faro cannot use."""

    kind = "config"


class MissingDependency(FaroError):
    """An optional package is not installed."""

    kind = "dependency"

    def __init__(self, package: str, purpose: str) -> None:
        super().__init__(f"{purpose} needs the package '{package}'. Install it with: pip install {package}")


class Cancelled(FaroError):
    """The user cancelled the operation."""

    kind = "cancelled"

    def __init__(self) -> None:
        super().__init__("Cancelled.")
