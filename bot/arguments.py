"""The `newsbrief` argument parser: every command's options, importing nothing heavy so `--help` is instant.

The modules that run a command (storage, adapters, the summariser) are imported only when that
command runs (see :mod:`bot.cli`); this module needs the standard library alone.
"""

from __future__ import annotations

import argparse
import os
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

ENV_VAR = "NEWSBRIEF_CONFIG"
DEFAULT_PATH = Path("config/newsbrief.toml")
DEFAULT_INPUT = ["seeds"]
FORMATS = ["text", "markdown", "json"]
# The names of summarizer.ranking.SUMMARIZERS (a test keeps them equal), here so that --help need not import sumy.
ALGORITHMS = ["edmundson", "kl", "lexrank", "lsa", "luhn", "random", "reduction", "sumbasic", "textrank"]
SUMMARY_COMMANDS = ("brief", "framing", "who-won")
INPUTS_HELP = (
    "files or folders of articles, and topic words: an argument that names an existing file or folder "
    "(or looks like a path: contains '/' or ends in .txt, .md, .html, .json, .xml …) is an input; any other "
    "words pick the story (default input: seeds/)"
)


def package_version() -> str:
    """The installed newsbrief version (from the package metadata)."""
    try:
        return version("newsbrief")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown (not installed)"


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


def add_summary_parsers(subparsers: Any) -> None:
    """``brief``, ``framing`` and ``who-won``: the same inputs (``[PATH|TOPIC ...]``, ``--topic``, ``--from``)."""
    for name, text in (
        ("brief", "neutral brief of each story in the articles"),
        ("framing", "how each outlet framed the story"),
        ("who-won", "who won the election the articles report"),
    ):
        sub = subparsers.add_parser(name, help=text, description=f"{text[0].upper()}{text[1:]}.")
        sub.add_argument("inputs", nargs="*", metavar="PATH|TOPIC", help=INPUTS_HELP)
        sub.add_argument("--topic", help="only the stories matching these words")
        sub.add_argument(
            "--from", dest="from_paths", nargs="+", action="extend", metavar="PATH", help="input files or folders"
        )
        sub.add_argument("--format", choices=FORMATS, default="text", help="output format")
        sub.add_argument("--sentences", type=int, default=3, help="sentences in each brief (default 3)")
        sub.add_argument("--words", type=int, default=90, help="about how many words in each brief (default 90)")
        sub.add_argument(
            "--algorithm", choices=ALGORITHMS, default="lexrank", help="sumy algorithm that ranks sentences"
        )
        if name == "framing":
            sub.add_argument(
                "--picture",
                metavar="PNG",
                help="also draw the first matching story's coverage picture (800×450) to this file; "
                "outlets in the config's sources that did not cover it are named",
            )


def add_config_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register the ``config`` command on an ``add_subparsers()`` object; returns its parser."""
    parser: argparse.ArgumentParser = subparsers.add_parser("config", help="check or change the configuration")
    add_config_option(parser, suppress_default=True)
    actions = parser.add_subparsers(dest="config_action", metavar="ACTION", required=True)
    actions.add_parser("validate", help="check the file; exit 1 and name each bad key if invalid")
    show = actions.add_parser("show", help="print the configuration as TOML (secrets masked)")
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


def add_run_parser(subparsers: Any) -> None:
    run = subparsers.add_parser("run", help="start the bot: every adapter with credentials, the scheduler and ingest")
    add_config_option(run, suppress_default=True)
    run.add_argument("--from", dest="paths", nargs="+", metavar="PATH", help="also import these article files first")
    run.add_argument("--slack-http", action="store_true", help="Slack over HTTP (signed requests), not Socket Mode")
    run.add_argument("--host", default="0.0.0.0", help="address for Slack HTTP mode (default 0.0.0.0)")
    run.add_argument("--port", type=int, default=3000, help="port for Slack HTTP mode (default 3000)")
    run.add_argument("--sync-global", action="store_true", help="sync Discord commands globally (production)")
    run.add_argument(
        "--once",
        action="store_true",
        help="a check: start the adapters, run one ingest, report and stop; posts no digest, not even a missed one",
    )


def add_feed_parsers(subparsers: Any) -> None:
    """Register ``ingest``, ``digest``, ``sources`` and ``deliveries`` on an ``add_subparsers()`` object."""
    ingest = subparsers.add_parser("ingest", help="fetch every configured feed once and rebuild the stories")
    add_config_option(ingest, suppress_default=True)
    ingest.add_argument("--quiet", action="store_true", help="no progress bar, only the summary")
    digest = subparsers.add_parser("digest", help="the digest a channel would get now")
    add_config_option(digest, suppress_default=True)
    digest.add_argument("--channel", required=True, metavar="PLATFORM:ID", help="e.g. discord:123 or slack:C024BE91L")
    digest.add_argument(
        "--dry-run", action="store_true", help="print it; post nothing, record nothing (required for now)"
    )
    digest.add_argument("--format", choices=FORMATS, default="text")
    sources = subparsers.add_parser("sources", help="each source with its last error and when it last worked")
    add_config_option(sources, suppress_default=True)
    deliveries = subparsers.add_parser(
        "deliveries", help="recent digest runs: posted, empty, failed or unknown, and why (from the database)"
    )
    add_config_option(deliveries, suppress_default=True)
    deliveries.add_argument("--channel", metavar="PLATFORM:ID", help="only this channel, e.g. slack:C024BE91L")
    deliveries.add_argument("--limit", type=int, default=20, help="how many runs, newest first (default 20)")


def add_timeline_parser(subparsers: Any) -> None:
    timeline = subparsers.add_parser(
        "timeline", help="a story's life in a few lines: first report, outlets joining, figures revised"
    )
    add_config_option(timeline, suppress_default=True)
    timeline.add_argument("topic", nargs="?", help="words that pick the story (default: the top story)")
    timeline.add_argument("--tz", help="IANA timezone for the times, e.g. Europe/Stockholm (default: local time)")
    timeline.add_argument("--format", choices=["text", "json"], default="text")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsbrief",
        description="Neutral news briefs, and how each outlet framed the story.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    add_config_option(parser)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_summary_parsers(commands)
    add_config_parser(commands)
    add_run_parser(commands)
    add_feed_parsers(commands)
    add_timeline_parser(commands)
    commands.add_parser("schema", help="print the JSON Schema of the newsbrief/1 documents that --format json writes")
    chat = commands.add_parser("chat", help="talk to the bot on this terminal: type /brief, /who-won … (no tokens)")
    chat.add_argument("--from", dest="paths", nargs="+", metavar="PATH", help="files or folders (default: seeds/)")
    return parser
