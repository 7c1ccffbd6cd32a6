"""Open the configuration and the database for a command-line command, or say in one line why not."""

from __future__ import annotations

import argparse
from typing import TextIO

from bot.config.cli import resolve_config_path
from bot.config.errors import ConfigError
from bot.config.model import NewsbriefConfig
from bot.config.validate import load_config
from bot.storage.database import Database, open_database
from bot.storage.errors import DatabaseError


def open_config_and_database(args: argparse.Namespace, err: TextIO) -> tuple[NewsbriefConfig, Database] | None:
    """The loaded config and its database; None after printing the problem on ``err``."""
    path = resolve_config_path(getattr(args, "config", None))
    try:
        config = load_config(path)
    except ConfigError as exc:
        print(f"{path}: {exc.user_message}", file=err)
        return None
    try:
        return config, open_database(config.bot.database_url)
    except DatabaseError as exc:
        print(f"newsbrief: {exc.user_message}", file=err)
        return None
