"""Configuration errors: each problem names the key, the bad value and how to fix it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

try:
    from summarizer.errors import NewsbriefError
except ImportError:  # pragma: no cover - the core is developed alongside this package

    class NewsbriefError(Exception):  # type: ignore[no-redef]
        """Fallback base while ``summarizer.errors`` is unavailable."""

        def __init__(self, user_message: str) -> None:
            super().__init__(user_message)
            self.user_message = user_message


MISSING: Any = object()
"""Marks an issue whose key has no value (missing key, unreadable file)."""


@dataclass(frozen=True)
class ConfigIssue:
    """One problem in a configuration: where, what was given, what is wrong, how to fix it."""

    key: str
    value: Any
    message: str
    fix: str

    def __str__(self) -> str:
        shown = "" if self.value is MISSING else f" = {_short(self.value)}"
        return f"{self.key}{shown}: {self.message}. Fix: {self.fix}"


class ConfigError(NewsbriefError):
    """The configuration (or a proposed change to it) is invalid; nothing was changed."""

    def __init__(self, issues: list[ConfigIssue]) -> None:
        if not issues:
            raise ValueError("ConfigError needs at least one issue")
        self.issues = list(issues)
        if len(issues) == 1:  # one line, so a terminal or a log shows it whole
            super().__init__(f"The configuration has 1 problem: {issues[0]}")
            return
        lines = "\n".join(f"- {issue}" for issue in issues)
        super().__init__(f"The configuration has {len(issues)} problems:\n{lines}")

    @classmethod
    def single(cls, key: str, value: Any, message: str, fix: str) -> ConfigError:
        """An error with exactly one issue."""
        return cls([ConfigIssue(key, value, message, fix)])


def _short(value: Any, limit: int = 80) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ChangeRefused(NewsbriefError):
    """The user may not make this change; ``lines`` say who may and how to get access."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = list(lines)
        super().__init__(" ".join(self.lines))
