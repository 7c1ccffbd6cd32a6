"""Append-only JSON-lines record of configuration changes: who, when, old → new."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.config.errors import MISSING
from bot.config.redact import redact_value


@dataclass(frozen=True)
class ConfigChange:
    """One applied change; ``old``/``new`` are ``None`` when the key did not exist."""

    actor: str
    action: str
    key: str
    old: Any
    new: Any
    at: str

    @classmethod
    def now(cls, actor: str, action: str, key: str, old: Any, new: Any) -> ConfigChange:
        """A change stamped with the current UTC time, missing values as ``None``."""
        return cls(
            actor=actor,
            action=action,
            key=key,
            old=None if old is MISSING else old,
            new=None if new is MISSING else new,
            at=datetime.now(UTC).isoformat(timespec="seconds"),
        )


def append_audit(path: Path, change: ConfigChange) -> None:
    """Append ``change`` as one JSON line (secrets masked), synced to disk."""
    record = asdict(change)
    record["old"] = redact_value(change.key, change.old)
    record["new"] = redact_value(change.key, change.new)
    line = json.dumps(record, ensure_ascii=False, default=str) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    # One write on an O_APPEND descriptor: concurrent writers never interleave within a line.
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)


def read_audit(path: Path) -> list[dict[str, Any]]:
    """All audit records (skipping a torn last line), oldest first."""
    if not path.exists():
        return []
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return records
