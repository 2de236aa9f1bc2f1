"""API keys of answer servers, kept in the operating system's password store (keyring), never in faro.toml."""
from __future__ import annotations

import logging

from rag.errors import ConfigError

log = logging.getLogger(__name__)

SERVICE = "Faro answer server"
NO_STORE = (
    "This computer has no password store Faro can use (keyring), so the API key cannot be saved. "
    "Install and unlock one (GNOME Keyring, KWallet, macOS Keychain or Windows Credential Manager), or use a server without a key."
)


def _account(server_url: str) -> str:
    return server_url.strip().rstrip("/")


def load_api_key(server_url: str) -> str | None:
    """The saved key for ``server_url``; None when there is none or no password store answers."""
    try:
        import keyring
        from keyring.errors import KeyringError

        return keyring.get_password(SERVICE, _account(server_url)) or None
    except ImportError:
        return None
    except (KeyringError, RuntimeError) as exc:
        log.warning("No API key read from the password store: %s", exc)
        return None


def save_api_key(server_url: str, key: str | None) -> None:
    """Store ``key`` for ``server_url`` (an empty key removes it); raises ``ConfigError`` without a password store."""
    try:
        import keyring
        from keyring.errors import KeyringError, PasswordDeleteError
    except ImportError as exc:
        raise ConfigError(NO_STORE) from exc
    if not key:
        try:
            keyring.delete_password(SERVICE, _account(server_url))
        except (PasswordDeleteError, KeyringError, RuntimeError):
            pass
        return
    try:
        keyring.set_password(SERVICE, _account(server_url), key)
    except (KeyringError, RuntimeError) as exc:
        raise ConfigError(NO_STORE) from exc
