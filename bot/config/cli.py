"""``newsbrief config validate|show|set|unset|add-source|remove-source`` for the terminal."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any, TextIO

import tomli_w

from bot.config.errors import MISSING, ConfigError
from bot.config.keys import locate
from bot.config.redact import config_as_toml, redact_value, redacted
from bot.config.store import ConfigStore
from bot.config.validate import load_config

ENV_VAR = "NEWSBRIEF_CONFIG"
DEFAULT_PATH = Path("config/newsbrief.toml")


def resolve_config_path(cli_value: str | None) -> Path:
    """``--config PATH`` if given, else ``$NEWSBRIEF_CONFIG``, else ``config/newsbrief.toml``."""
    if cli_value:
        return Path(cli_value)
    env = os.environ.get(ENV_VAR)
    return Path(env) if env else DEFAULT_PATH


def add_config_option(parser: argparse.ArgumentParser, *, suppress_default: bool = False) -> None:
    """Add ``--config PATH``; sub-parsers suppress the default so they do not clobber the parent's."""
    parser.add_argument(
        "--config",
        metavar="PATH",
        default=argparse.SUPPRESS if suppress_default else None,
        help=f"configuration file (default: ${ENV_VAR} or {DEFAULT_PATH})",
    )


def add_config_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register the ``config`` command on an ``add_subparsers()`` object; returns its parser."""
    parser: argparse.ArgumentParser = subparsers.add_parser("config", help="check or change the configuration")
    add_config_option(parser, suppress_default=True)
    actions = parser.add_subparsers(dest="config_action", metavar="ACTION", required=True)
    actions.add_parser("validate", help="check the file; exit 1 and name each bad key if invalid")
    show = actions.add_parser("show", help="print the configuration (secrets masked)")
    show.add_argument("key", nargs="?", help="a section or dotted key, e.g. defaults.max_stories")
    set_ = actions.add_parser("set", help="set a dotted key, e.g. set defaults.max_stories 3")
    set_.add_argument("key")
    set_.add_argument("value", nargs="+", help="the new value (several words are joined by spaces)")
    unset = actions.add_parser("unset", help="remove a key so it falls back to the wider scope")
    unset.add_argument("key")
    add = actions.add_parser("add-source", help="add a [[sources]] entry")
    add.add_argument("name")
    add.add_argument("--outlet", required=True, help="display name")
    where = add.add_mutually_exclusive_group(required=True)
    where.add_argument("--feed", help="RSS/Atom feed URL")
    where.add_argument("--page", help="web page URL")
    add.add_argument("--bias", help="bias label")
    add.add_argument("--bias-source", dest="bias_source", help="who assigned the bias label")
    remove = actions.add_parser("remove-source", help="remove a [[sources]] entry")
    remove.add_argument("name")
    for sub in actions.choices.values():
        add_config_option(sub, suppress_default=True)
    return parser


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
    old = "(none)" if change.old is None else redact_value(change.key, change.old)
    new = "(removed)" if change.new is None else redact_value(change.key, change.new)
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
    return f"{key} = (not set: inherited or default)\n" if value is MISSING else f"{key} = {value}\n"


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
