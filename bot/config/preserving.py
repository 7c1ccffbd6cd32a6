"""Saving a changed config over the user's own file: comments and layout kept (tomlkit), values replaced."""

from __future__ import annotations

import tomllib
from typing import Any

import tomlkit
from tomlkit.container import Container
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import AoT, Table

from bot.config.rendering import config_to_toml


def updated_toml(original: str, data: dict[str, Any]) -> str:
    """``original`` with its values changed to ``data``; comments, order and spacing stay where they were.

    Only changed keys are rewritten; a removed list entry rewrites that list. If the edited text would
    not read back as exactly ``data``, the file is written afresh by :func:`config_to_toml` instead.
    """
    try:
        doc = tomlkit.parse(original)
        _merge(doc, data)
        text = tomlkit.dumps(doc)
        if tomllib.loads(text) == data:
            return text
    except (TOMLKitError, tomllib.TOMLDecodeError, ValueError, TypeError):
        pass
    return config_to_toml(data)


def _merge(table: Container | Table, data: dict[str, Any]) -> None:
    for key in [k for k in table if k not in data]:
        del table[key]
    for key, value in data.items():
        current = table.get(key)
        if isinstance(value, dict) and isinstance(current, Container | Table):
            _merge(current, value)
        elif isinstance(current, AoT) and isinstance(value, list) and all(isinstance(v, dict) for v in value):
            _merge_entries(current, value)
        elif key not in table or _plain(current) != value:
            table[key] = value


def _merge_entries(entries: AoT, data: list[dict[str, Any]]) -> None:
    # A removed [[sources]] or [[channels]] entry goes with its own comments; the others keep theirs.
    for index in reversed(range(len(entries))):
        if len(entries) > len(data) and _plain(entries[index]) not in data:
            del entries[index]
    for entry, new in zip(entries, data, strict=False):
        _merge(entry, new)
    for new in data[len(entries) :]:
        entries.append(new)


def _plain(item: Any) -> Any:
    return item.unwrap() if hasattr(item, "unwrap") else item
