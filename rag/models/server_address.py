"""Where a configured answer server is: this computer, a private network, or outside (no network code here)."""
from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

PRIVATE_SUFFIXES = (".local", ".lan", ".internal", ".home.arpa", ".localdomain")


def leaves_private_network(server_url: str) -> bool:
    """Whether ``server_url`` names a host outside this computer and the private networks (so passages travel outside)."""
    host = (urlsplit(server_url).hostname or "").lower().rstrip(".")
    if not host or host == "localhost" or host.endswith(".localhost"):
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return "." in host and not host.endswith(PRIVATE_SUFFIXES)
    return not (address.is_private or address.is_loopback or address.is_link_local)


def server_models(server_url: str, api_key: str | None = None, connect_timeout_s: float = 5.0) -> list[str]:
    """The models an OpenAI-compatible server offers (the HTTP code is loaded only now, when a user asks)."""
    from rag.models.api_keys import load_api_key
    from rag.models.server_generator import ServerGenerator

    return ServerGenerator(server_url, "", api_key or load_api_key(server_url), connect_timeout_s=connect_timeout_s).list_models()
