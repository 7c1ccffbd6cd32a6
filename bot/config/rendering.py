"""Writing configuration data back as readable TOML: fixed section order, ``[[sources]]`` tables."""

from __future__ import annotations

from typing import Any

import tomli_w

SECTION_ORDER = ("bot", "defaults", "workspaces", "sources", "channels", "admins")
HEADER = "# Saved by newsbrief. newsbrief.example.toml explains every key.\n"


def config_to_toml(data: dict[str, Any], *, header: bool = True) -> str:
    """TOML text for validated config ``data``; lists of tables stay ``[[name]]`` blocks for hand editing."""
    names = [n for n in SECTION_ORDER if n in data] + [n for n in data if n not in SECTION_ORDER]
    chunks = [HEADER] if header else []
    for name in names:
        value = data[name]
        if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            chunks.extend(f"[[{name}]]\n{tomli_w.dumps(item)}" for item in value)
        else:
            chunks.append(tomli_w.dumps({name: value}))
    return "\n".join(chunks)


def toml_value(value: Any) -> str:
    """``value`` written as a TOML value on one line: ``"text"``, ``3``, ``["a", "b"]``, ``{ name = "x" }``."""
    if isinstance(value, dict):
        items = ", ".join(f"{_toml_key(k)} = {toml_value(v)}" for k, v in value.items())
        return f"{{ {items} }}" if items else "{}"
    if isinstance(value, list):
        return f"[{', '.join(toml_value(v) for v in value)}]"
    return tomli_w.dumps({"v": value}).partition("=")[2].strip()


def shown_value(value: Any) -> str:
    """A value in a one-line change or setting report: text as it is, anything else as TOML."""
    return value if isinstance(value, str) else toml_value(value)


def _toml_key(key: Any) -> str:
    key = str(key)
    return key if key and all(c.isalnum() or c in "-_" for c in key) and key.isascii() else toml_value(key)
