"""Links from articles: only absolute http(s) URLs survive; ``!here``, ``javascript:``, ``mailto:``,
relative paths, control characters and ``user@host`` disguises are dropped."""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

MAX_URL_CHARS = 2048
SCHEMES = ("http", "https")
# Characters RFC 3986 never allows unescaped in a URL; in chat markup they end or split a link.
_NEVER_IN_URL = frozenset(' <>"{}|\\^`')
# Characters a chat link's own syntax uses, percent-encoded wherever a URL is put into markup.
_MARKUP = {"(": "%28", ")": "%29", "[": "%5B", "]": "%5D"}


def _invisible_or_control(char: str) -> bool:
    # Cc control, Cf format (bidi overrides, zero-width), Co/Cn private/unassigned, Z* separators
    return unicodedata.category(char)[0] in "CZ"


def safe_url(url: object) -> str | None:
    """``url`` when it is an absolute http(s) URL with a host and no user info, else ``None``."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or len(url) > MAX_URL_CHARS:
        return None
    if any(c in _NEVER_IN_URL or _invisible_or_control(c) for c in url):
        return None
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises on a port that is not a number
    except ValueError:
        return None
    if parts.scheme.lower() not in SCHEMES or not parts.hostname:
        return None
    if "@" in parts.netloc:  # https://bank.example@evil.example shows one host and opens another
        return None
    return url


def link_target(url: object) -> str | None:
    """:func:`safe_url`, with the characters chat markup gives a meaning to percent-encoded."""
    safe = safe_url(url)
    if safe is None:
        return None
    scheme, rest = safe.split("://", 1)
    cut = min((i for i in (rest.find(c) for c in "/?#") if i >= 0), default=len(rest))
    return f"{scheme}://{rest[:cut]}" + "".join(_MARKUP.get(c, c) for c in rest[cut:])
