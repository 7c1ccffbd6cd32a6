"""Logging for `newsbrief run`: our own lines at NEWSBRIEF_LOG_LEVEL, chatty libraries only from WARNING."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TextIO

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
# One INFO line per HTTP request or scheduler job drowns what matters; DEBUG shows them again.
CHATTY = ("httpx", "httpcore", "apscheduler", "aiohttp.access")


def configure_logging(env: Mapping[str, str], err: TextIO) -> str:
    """Set up the root logger from ``NEWSBRIEF_LOG_LEVEL`` (default INFO); returns the level used."""
    level = env.get("NEWSBRIEF_LOG_LEVEL", "INFO").upper()
    if level not in LEVELS:
        print(f"newsbrief: NEWSBRIEF_LOG_LEVEL={level!r} is not a log level; using INFO", file=err)
        level = "INFO"
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for name in CHATTY:
        logging.getLogger(name).setLevel(logging.DEBUG if level == "DEBUG" else max(logging.WARNING, _value(level)))
    return level


def _value(level: str) -> int:
    return logging.getLevelNamesMapping()[level]
