"""Which source URLs point at the bot's own machine or network (SSRF guard), without resolving DNS."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def private_host_reason(url: str) -> str | None:
    """Why ``url``'s host is not a public address (e.g. ``"loopback address 127.0.0.1"``), else ``None``.

    Only literal addresses and localhost names are recognised: DNS names are never resolved,
    so this works offline and cannot be slowed down by a resolver.
    """
    try:
        host = (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:  # e.g. an unclosed "[" — the URL check reports it
        return None
    if host in _LOCAL_NAMES or host.endswith(".localhost"):
        return f"local host name {host!r}"
    address = _ip_literal(host)
    if address is None:
        return None
    for candidate in (address, *_embedded_ipv4(address)):
        kind = _non_global_kind(candidate)
        if kind is not None:
            return f"{kind} address {host}"
    return None


def _ip_literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    # The system resolver also accepts short and numeric forms (127.1, 2130706433, 0x7f.0.0.1)
    # without any DNS lookup; inet_aton parses exactly those.
    if not host or not all(ch.isalnum() or ch == "." for ch in host) or not host[0].isdigit():
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


def _embedded_ipv4(address: IPAddress) -> list[ipaddress.IPv4Address]:
    if not isinstance(address, ipaddress.IPv6Address):
        return []
    found = [a for a in (address.ipv4_mapped, address.sixtofour) if a is not None]
    if address in _NAT64:
        found.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return found


def _non_global_kind(address: IPAddress) -> str | None:
    checks = (
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("unspecified", address.is_unspecified),
        ("multicast", address.is_multicast),
        ("private", address.is_private),
        ("non-public", not address.is_global),
    )
    return next((kind for kind, hit in checks if hit), None)
