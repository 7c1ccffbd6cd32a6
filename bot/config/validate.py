"""The one validation entry point, used at start-up and for admin edits alike."""

from __future__ import annotations

import difflib
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from bot.config.errors import MISSING, ConfigError, ConfigIssue
from bot.config.model import (
    ALGORITHMS,
    DATABASE_URL_FIX,
    PLATFORMS,
    Admins,
    BotSection,
    Channel,
    Defaults,
    NewsbriefConfig,
    ScopeOverrides,
    Source,
)
from bot.config.reading import decode_config, read_config_bytes

__all__ = ["ConfigError", "ConfigIssue", "load_config", "parse_config_text", "validate_config"]

SECTION_MODELS: dict[str, type[BaseModel]] = {
    "bot": BotSection,
    "defaults": Defaults,
    "workspaces": ScopeOverrides,
    "sources": Source,
    "channels": Channel,
    "admins": Admins,
}

FIELD_FIXES: dict[str, str] = {
    "name": 'use lowercase letters, digits and dashes, e.g. "my-outlet"',
    "outlet": 'give the display name, e.g. "Samnytt"',
    "schedule": 'use 5 cron fields, e.g. "0 8 * * *" for 08:00 daily',
    "timezone": 'use an IANA name like "Europe/Stockholm" or "UTC"',
    "feed": 'use a full address like "https://example.com/feed/"',
    "page": 'use a full address like "https://example.com/news/"',
    "max_stories": "use a whole number from 1 to 50",
    "brief_sentences": "use a whole number from 1 to 20",
    "brief_words": "use a whole number from 10 to 1000",
    "ingest_interval_minutes": "use a whole number of minutes from 1 to 1440",
    "algorithm": "use one of: " + ", ".join(ALGORITHMS),
    "platform": "use one of: " + ", ".join(PLATFORMS),
    "channel_id": 'give the channel id as text, e.g. "123456789"',
    "post_when_quiet": "use true or false",
    "threads": "use true or false",
    "follow_hours": "use a whole number of hours from 1 to 720, e.g. 48",
    "allow_private_sources": "use true or false",
    "source_time_budget_seconds": "use a number of seconds above 0 and at most 3600, e.g. 120",
    "max_items_per_feed": "use a whole number from 1 to 10000, e.g. 200",
    "database_url": DATABASE_URL_FIX,
    "pictures": "use true or false",
}

TYPE_FIXES: dict[str, str] = {
    "int_type": "use a whole number without quotes, e.g. 3",
    "int_parsing": "use a whole number without quotes, e.g. 3",
    "int_from_float": "use a whole number, e.g. 3",
    "bool_type": "use true or false (without quotes)",
    "bool_parsing": "use true or false (without quotes)",
    "string_type": 'put the value in quotes, e.g. "text"',
    "list_type": 'use a list, e.g. ["a", "b"]',
    "dict_type": "make it a table, e.g. [section]",
    "model_type": "make it a table, e.g. [section]",
    "string_too_short": "give a non-empty value",
}


def validate_config(data: dict[str, Any]) -> NewsbriefConfig:
    """Validate raw TOML data into a :class:`NewsbriefConfig`, or raise :class:`ConfigError`."""
    try:
        return NewsbriefConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigError([_issue(err, data) for err in exc.errors()]) from None


def parse_config_text(text: str, origin: str = "config") -> dict[str, Any]:
    """Parse TOML text, reporting syntax errors with their line and column."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError.single(
            origin, MISSING, f"TOML syntax error: {exc}", "correct the TOML syntax at the line shown"
        ) from None
    except RecursionError:  # arrays or tables nested thousands deep: tomllib parses them recursively
        raise ConfigError.single(origin, MISSING, "values nested too deeply", "correct the TOML syntax") from None


def load_config(path: Path | str) -> NewsbriefConfig:
    """Read, parse and validate the configuration file at ``path``."""
    return validate_config(parse_config_text(read_config_text(path), str(path)))


def read_config_text(path: Path | str) -> str:
    """The file's text (a regular file, bounded in size), or a :class:`ConfigError` saying why it cannot be read."""
    return decode_config(read_config_bytes(path), path)


def _issue(err: ErrorDetails, data: dict[str, Any]) -> ConfigIssue:
    loc = list(err["loc"])
    ctx = err.get("ctx") or {}
    kind = err["type"]
    if kind == "config" and ctx.get("field"):
        loc.append(ctx["field"])
    key = _dotted_key(loc, data)
    field = str(loc[-1]) if loc else ""
    if kind == "config":
        message, fix = ctx["message"], ctx["fix"]
        value = ctx["value"] if "value" in ctx else _value_at(loc, data)
    elif kind == "missing":
        message, fix, value = (
            "required key is missing",
            f"add {field} = …; {FIELD_FIXES.get(field, 'see config/newsbrief.example.toml')}",
            MISSING,
        )
    elif kind == "extra_forbidden":
        message, value = "unknown key", err["input"]
        fix = _unknown_key_fix(loc)
    else:
        message, value = err["msg"], err["input"]
        fix = FIELD_FIXES.get(field) or TYPE_FIXES.get(kind, "see config/newsbrief.example.toml")
    return ConfigIssue(key=key, value=value, message=message, fix=fix)


def _dotted_key(loc: list[Any], data: dict[str, Any]) -> str:
    """Name a location the way ``set KEY`` does: ``sources.<name>``, ``channels.<platform>:<id>``."""
    parts: list[str] = []
    for i, part in enumerate(loc):
        if isinstance(part, int) and i == 1 and loc[0] in ("sources", "channels"):
            parts.append(_item_ref(loc[0], part, data))
        else:
            parts.append(str(part))
    return ".".join(parts) or "config"


def _item_ref(section: str, index: int, data: dict[str, Any]) -> str:
    items = data.get(section)
    item = items[index] if isinstance(items, list) and index < len(items) else None
    if isinstance(item, dict):
        if section == "sources" and isinstance(item.get("name"), str) and item["name"]:
            return str(item["name"])
        if section == "channels" and item.get("platform") and item.get("channel_id") is not None:
            return f"{item['platform']}:{item['channel_id']}"
    return f"[{index}]"


def _value_at(loc: list[Any], data: Any) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return MISSING
    return data


def _unknown_key_fix(loc: list[Any]) -> str:
    model = _model_at(loc[:-1])
    allowed = sorted(model.model_fields)
    close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
    hint = f"did you mean {close[0]!r}? " if close else "remove it or check the spelling; "
    return f"{hint}allowed keys here: {', '.join(allowed)}"


def _model_at(loc: list[Any]) -> type[BaseModel]:
    if not loc:
        return NewsbriefConfig
    return SECTION_MODELS.get(str(loc[0]), NewsbriefConfig)
