"""Mask credentials in URLs, and in text that quotes URLs, before anything is shown or logged."""

from __future__ import annotations

import re
from urllib.parse import quote, quote_plus

from sqlalchemy import make_url

MASK = "***"
_WEB_SCHEMES = ("http", "https")
# A query parameter whose name says it holds a secret: ?password=…, &sslpassword=…, ?token=…
_SECRET_PARAM = re.compile(r"([?&;][\w.-]*(?:password|passwd|pwd|secret|token|api_?key)=)[^&;#\s]*", re.IGNORECASE)
# A URL inside free text (an error message): the scheme, then everything up to whitespace or a quote.
_URL_IN_TEXT = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s\"'<>]+")


def _mask_params(url: str) -> str:
    return _SECRET_PARAM.sub(rf"\1{MASK}", url)


def _mask_up_to_last_at(head: str, rest: str) -> str:
    """``head://***@…``: everything between ``://`` and the last ``@`` is treated as credentials."""
    return _mask_params(f"{head}://{MASK}{rest[rest.rfind('@') :]}")


def mask_url(url: str) -> str:
    """``url`` with its password (or a lone user name, which may be a token) replaced by ``***``.

    Database URLs are parsed with SQLAlchemy, whose grammar lets a password hold ``#``, ``?``, ``/``,
    ``:`` and ``%``; when the parse is ambiguous (an unescaped ``@`` in the password, a bad port, no
    password) everything between ``://`` and the last ``@`` is masked instead. Web URLs keep their
    path (a feed such as ``…/feed/@someone`` is not credentials) and lose the user info of their host.
    Secret-looking query parameters (``password=``, ``token=``, …) are masked everywhere.
    """
    head, sep, rest = url.partition("://")
    if not sep:
        return _mask_params(MASK + url[url.rfind("@") :] if "@" in url else url)
    if "@" not in rest:
        return _mask_params(url)
    if head.lower() in _WEB_SCHEMES:
        host_end = min((i for i in (rest.find(c) for c in "/?#") if i >= 0), default=len(rest))
        netloc = rest[:host_end]
        if "@" not in netloc:
            return _mask_params(url)
        return _mask_params(f"{head}://{MASK}{netloc[netloc.rfind('@') :]}{rest[host_end:]}")
    try:
        parsed = make_url(url)
        ambiguous = parsed.password is None or "@" in (parsed.host or "") or "@" in (parsed.database or "")
        ambiguous = ambiguous or any("@" in str(v) for v in parsed.query.values())
        shown = parsed.render_as_string(hide_password=True)
    except Exception:  # a masker must never raise: anything it cannot parse is masked wholesale
        return _mask_up_to_last_at(head, rest)
    return _mask_up_to_last_at(head, rest) if ambiguous else _mask_params(shown)


def hide_secrets(text: str, secrets: tuple[str | None, ...]) -> str:
    """``text`` with each of ``secrets``, as written and URL-encoded, replaced by ``***``."""
    for secret in secrets:
        if secret and len(secret) > 2:  # a one- or two-character "secret" would mangle ordinary words
            for form in sorted({secret, quote(secret, safe=""), quote_plus(secret), quote(secret)}, key=len)[::-1]:
                text = text.replace(form, MASK)
    return text


def mask_text(text: str, secrets: tuple[str | None, ...] = ()) -> str:
    """``text`` (an error message) with every URL in it masked and each of ``secrets`` hidden."""
    return _URL_IN_TEXT.sub(lambda m: mask_url(m.group(0)), hide_secrets(text, secrets))
