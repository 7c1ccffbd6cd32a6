"""Dotted keys (``defaults.max_stories``, ``channels.slack:C1.schedule``) over raw TOML data."""

from __future__ import annotations

import difflib
import tomllib
import types
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from bot.config.errors import MISSING, ConfigError
from bot.config.validate import SECTION_MODELS

KEY_FORMS = (
    "bot.<key>, defaults.<key>, admins.<key>, workspaces.<id>.<key>, "
    "sources.<name>.<key>, channels.<platform>:<channel_id>.<key>"
)


@dataclass(frozen=True)
class KeyTarget:
    """Where a dotted key lives: the raw TOML table holding it, the field, and its model."""

    key: str
    table: dict[str, Any]
    field: str
    model: type[BaseModel]

    @property
    def current(self) -> Any:
        """The value now stored, or ``MISSING``."""
        return self.table.get(self.field, MISSING)


def locate(data: dict[str, Any], key: str, *, create: bool = False) -> KeyTarget:
    """Find ``key`` in raw ``data``; ``create`` adds missing ``bot``/``defaults``/``admins``/workspace tables."""
    parts = key.split(".")
    section = parts[0]
    model = SECTION_MODELS.get(section)
    if model is None or len(parts) != (3 if section in ("workspaces", "sources", "channels") else 2):
        raise ConfigError.single(key, MISSING, "not a settable key", f"use one of: {KEY_FORMS}")
    field = parts[-1]
    if field not in model.model_fields:
        close = difflib.get_close_matches(field, list(model.model_fields), n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        allowed = ", ".join(sorted(model.model_fields))
        raise ConfigError.single(key, MISSING, "unknown key", f"{hint}allowed keys here: {allowed}")
    if len(parts) == 2:
        return KeyTarget(key, _table(data, section, create), field, model)
    if section == "workspaces":
        return KeyTarget(key, _table(_table(data, section, create), parts[1], create), field, model)
    return KeyTarget(key, find_item(data, section, parts[1], key), field, model)


def find_item(data: dict[str, Any], section: str, ref: str, key: str | None = None) -> dict[str, Any]:
    """The ``[[sources]]`` entry named ``ref`` or the ``[[channels]]`` entry ``platform:channel_id``."""
    items = [i for i in data.get(section, []) if isinstance(i, dict)]
    refs = [item_ref(section, i) for i in items]
    if ref in refs:
        return items[refs.index(ref)]
    close = difflib.get_close_matches(ref, refs, n=1)
    what = "source" if section == "sources" else "channel"
    hint = f"did you mean {close[0]!r}? " if close else ""
    fix = f"{hint}known {what}s: {', '.join(refs) or 'none'}"
    if section == "channels":
        fix += "; create a channel with the schedule command"
    raise ConfigError.single(key or f"{section}.{ref}", MISSING, f"no {what} {ref!r}", fix)


def item_ref(section: str, item: dict[str, Any]) -> str:
    """How a list entry is named in keys: its name, or ``platform:channel_id``."""
    if section == "sources":
        return str(item.get("name", ""))
    return f"{item.get('platform', '')}:{item.get('channel_id', '')}"


def _table(data: dict[str, Any], name: str, create: bool) -> dict[str, Any]:
    table = data.get(name)
    if isinstance(table, dict):
        return table
    if table is None and create:
        data[name] = {}
        return data[name]  # type: ignore[no-any-return]
    raise ConfigError.single(name, MISSING, "no such table", f"add [{name}] to the file first")


def parse_value(raw: str, model: type[BaseModel], field: str) -> Any:
    """Turn text typed by a user into the TOML value the field expects.

    Text fields take the text as is (quotes optional); list fields take TOML lists or
    comma-separated text; numbers and booleans are parsed as TOML, falling back to the text so
    validation can name the bad value.
    """
    text = raw.strip()
    kind = _kind(model.model_fields[field].annotation)
    if kind == "list":
        if text.startswith("["):
            return _toml_value(text)
        return [part.strip() for part in text.split(",") if part.strip()]
    if kind == "str":
        return _unquote(text)
    return _toml_value(text)


def _toml_value(text: str) -> Any:
    try:
        return tomllib.loads(f"v = {text}")["v"]
    except tomllib.TOMLDecodeError:
        return text


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


def _kind(annotation: Any) -> str:
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        inner = [a for a in get_args(annotation) if a is not type(None)]
        return _kind(inner[0]) if len(inner) == 1 else "other"
    if origin is Annotated:
        return _kind(get_args(annotation)[0])
    if origin is list:
        return "list"
    if origin is Literal or annotation is str:
        return "str"
    return "other"
