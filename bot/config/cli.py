"""``newsbrief config validate|show|set|unset|add-source|remove-source`` for the terminal."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TextIO

import tomli_w

from bot.arguments import DEFAULT_PATH, ENV_VAR, add_config_option, add_config_parser, resolve_config_path
from bot.config.errors import MISSING, ConfigError
from bot.config.keys import locate
from bot.config.redact import config_as_toml, redact_value, redacted
from bot.config.rendering import shown_value, toml_value
from bot.config.store import ConfigStore
from bot.config.validate import load_config

__all__ = [
    "DEFAULT_PATH",
    "ENV_VAR",
    "add_config_option",
    "add_config_parser",
    "build_parser",
    "resolve_config_path",
    "run_config_cli",
]


def run_config_cli(args: argparse.Namespace, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run a parsed ``config`` command; returns the exit status (0 ok, 1 invalid or refused)."""
    out, err = out or sys.stdout, err or sys.stderr
    path = resolve_config_path(getattr(args, "config", None))
    action: str = args.config_action
    try:
        if action == "validate":
            config = load_config(path)
            print(f"{path}: valid ({len(config.sources)} sources, {len(config.channels)} channels)", file=out)
            return 0
        if action == "show":
            print(_show(path, args.key), file=out, end="")
            return 0
        store = ConfigStore(path)
        actor = _cli_actor()
        if action == "set":
            change = store.set(args.key, " ".join(args.value), actor=actor)
        elif action == "unset":
            change = store.unset(args.key, actor=actor)
        elif action == "add-source":
            fields = {k: getattr(args, k) for k in ("name", "outlet", "feed", "page", "bias", "bias_source")}
            change = store.add_source(fields, actor=actor)
        else:
            change = store.remove_source(args.name, actor=actor)
    except ConfigError as exc:
        print(f"{path}: {exc.user_message}", file=err)
        return 1
    old = "(none)" if change.old is None else shown_value(redact_value(change.key, change.old))
    new = "(removed)" if change.new is None else shown_value(redact_value(change.key, change.new))
    print(f"{path}: {change.key}: {old} → {new}", file=out)
    return 0


def _show(path: Path, key: str | None) -> str:
    config = load_config(path)
    if not key:
        return config_as_toml(config)
    data = redacted(config)
    if key in data:
        return tomli_w.dumps({key: data[key]})
    value = locate(data, key).current
    return f"{key} = (not set: inherited or default)\n" if value is MISSING else f"{key} = {toml_value(value)}\n"


def _cli_actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no user name in some containers
        return "cli:unknown"


def build_parser() -> argparse.ArgumentParser:
    """A stand-alone ``newsbrief``-style parser holding only the ``config`` command."""
    parser = argparse.ArgumentParser(prog="newsbrief")
    add_config_option(parser)
    add_config_parser(parser.add_subparsers(dest="command", required=True))
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point for ``python -m bot.config``."""
    return run_config_cli(build_parser().parse_args(argv))
