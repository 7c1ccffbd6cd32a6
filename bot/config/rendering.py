"""Writing configuration data back as readable TOML: fixed section order, ``[[sources]]`` tables."""

from __future__ import annotations

from typing import Any

import tomli_w

SECTION_ORDER = ("bot", "defaults", "workspaces", "sources", "channels", "admins")
HEADER = "# Saved by newsbrief. Comments are not kept; newsbrief.example.toml explains every key.\n"


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
