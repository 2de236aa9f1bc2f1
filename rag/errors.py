"""Every error Faro raises on purpose, each with a message a user understands."""
from __future__ import annotations


class FaroError(Exception):
    """Base of all Faro errors; ``str(error)`` is fit to show to a user.

    ``retryable`` says whether trying the same file again can help (a password, a busy machine, a permission that
    can be fixed), as opposed to a file that will fail the same way every time (damaged, empty, unsupported).
    """

    kind = "error"
    retryable = True


class FileProblem(FaroError):
    """A single file could not be indexed; the batch goes on."""

    kind = "unreadable"


class EmptyFile(FileProblem):
    kind = "empty"
    retryable = False


class UnsupportedFile(FileProblem):
    kind = "unsupported"
    retryable = False


class PasswordRequired(FileProblem):
    kind = "password"


class WrongPassword(FileProblem):
    kind = "password"


class NoTextLayer(FileProblem):
    kind = "no-text"
    retryable = False


class DamagedFile(FileProblem):
    kind = "damaged"
    retryable = False


class FileTooLarge(FileProblem):
    kind = "too-large"
    retryable = False


class ParseTimeout(FileProblem):
    kind = "timeout"


class ModelError(FaroError):
    """The language or embedding model cannot be used."""

    kind = "model"


class ModelCrashed(ModelError):
    """The language model's process stopped in the middle of an answer; Faro has started a fresh one."""


class ServerError(ModelError):
    """The answer server could not be reached or did not answer properly; the question can be asked again."""

    kind = "server"


class EmbeddingMismatch(FaroError):
    """The collection was built with another embedding model and must be re-indexed."""

    kind = "reindex"


class LibraryLocked(FaroError):
    """Another Faro process has the data folder open."""

    kind = "locked"


class DataFolderError(FaroError):
    """The data folder cannot be created or written."""

    kind = "data-folder"


class NotEnoughSpace(FaroError):
    """The disk is too full for a file Faro must write (a prepared model); freeing space and trying again helps."""

    kind = "disk-space"


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


OTHER_RETRYABLE_KINDS = {"permission": True, "not-found": True, "duplicate": False}


def retryable_kind(kind: str) -> bool:
    """Whether a file that failed with this error ``kind`` may succeed when tried again (unknown kinds: yes)."""
    known = dict(OTHER_RETRYABLE_KINDS)
    pending = [FaroError]
    while pending:
        error_class = pending.pop()
        known.setdefault(error_class.kind, error_class.retryable)
        pending.extend(error_class.__subclasses__())
    return known.get(kind, True)
