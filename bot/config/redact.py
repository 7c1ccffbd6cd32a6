"""Masking of secrets before configuration is shown or audited."""

from __future__ import annotations

import re
from typing import Any

from bot.config.model import NewsbriefConfig
from bot.config.rendering import config_to_toml
from bot.masking import MASK, mask_url

_SECRET_KEY = re.compile(r"token|secret|password|passwd|api_?key|credential|signing", re.IGNORECASE)
_URL_KEY = re.compile(r"(^|_)(url|dsn)$", re.IGNORECASE)


def is_secret_key(key: str) -> bool:
    """True when a key's name says it holds a secret (token, secret, password, …)."""
    return bool(_SECRET_KEY.search(key.rsplit(".", 1)[-1]))


def redact_value(key: str, value: Any) -> Any:
    """``value`` with secrets masked, judged by the (possibly dotted) ``key`` it is stored under."""
    leaf = key.rsplit(".", 1)[-1]
    if isinstance(value, dict):
        return {k: redact_value(k, v) for k, v in value.items()}
    if isinstance(value, list):
        return [redact_value(leaf, v) for v in value]
    if is_secret_key(leaf) and value not in (None, ""):
        return MASK
    if isinstance(value, str) and (_URL_KEY.search(leaf) or "://" in value):
        return mask_url(value)  # database URLs, and feed or page URLs that carry a user and password
    return value


def redacted(config: NewsbriefConfig) -> dict[str, Any]:
    """The configuration as plain data, secrets masked and unset options left out."""
    data = config.model_dump(mode="json", exclude_none=True)
    masked: dict[str, Any] = redact_value("", data)
    return masked


def config_as_toml(config: NewsbriefConfig) -> str:
    """The configuration as TOML text, secrets masked: what ``show`` prints."""
    return config_to_toml(redacted(config), header=False)
