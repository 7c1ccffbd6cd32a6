"""The `newsbrief` command line: brief, framing and who-won on files, plus the bot's commands.

Each command's modules are imported when that command runs, so `newsbrief --help` and `--version`
load neither the chat platforms, the database nor the language tools.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot.arguments import DEFAULT_INPUT, SUMMARY_COMMANDS, build_parser, resolve_config_path

if TYPE_CHECKING:
    from summarizer.documents import Document
    from summarizer.models import Problem

__all__ = ["build_parser", "entry_point", "main"]

INTERRUPTED = 130  # what a shell reports for a command ended by Ctrl-C (128 + SIGINT)


def run_chat(args: argparse.Namespace) -> int:
    """`newsbrief chat`: the console adapter over `run`'s configuration and database, or over files."""
    from contextlib import ExitStack

    from bot.chat import chat_service
    from bot.console import ConsoleBot

    path = resolve_config_path(args.config)
    with ExitStack() as cleanup:
        service = chat_service(args, path, DEFAULT_INPUT, sys.stderr, cleanup)
        if service is None:
            return 1
        return ConsoleBot(service, admin=console_admin(path)).loop()


def console_admin(path: Path) -> Callable[[str], str]:
    """/newsbrief-config on the console: the local operator is an admin."""
    from bot.config.admin import AdminActor, run_config_command
    from bot.config.store import ConfigStore
    from summarizer.errors import NewsbriefError

    actor = AdminActor("console", getpass.getuser(), getpass.getuser(), True, [])

    def handle(text: str) -> str:
        try:
            store = ConfigStore(path)
        except NewsbriefError as exc:
            return exc.user_message
        reply = run_config_command(store, actor, text, platform="console", channel_id="main", workspace=None)
        return "\n".join([reply.title, *reply.lines])

    return handle


def _emit(doc: Document, fmt: str) -> None:
    from bot.render.text import render

    if fmt == "json":
        print(json.dumps(doc.to_json(), ensure_ascii=False, indent=2))
    else:
        print(render(doc, markdown=fmt == "markdown"), end="")


def run_schema() -> int:
    """`newsbrief schema`: the JSON Schema of the documents (the same as docs/newsbrief-1.schema.json)."""
    from summarizer.documents import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return 0


def _report_problems(problems: list[Problem]) -> None:
    from bot.render.text import problem_lines

    for line in problem_lines(problems):
        print(line, file=sys.stderr)


def split_inputs(inputs: Sequence[str], from_paths: Sequence[str] | None) -> tuple[list[str], str | None]:
    """(input paths, topic words) from a summary command's positionals and ``--from``.

    A positional that exists, contains a path separator or ends in an article file's extension is an
    input (a missing one is then reported as such, not searched for as a topic); any other is a topic word.
    """
    from summarizer.readers import SUPPORTED

    paths, words = list(from_paths or []), []
    for item in inputs:
        candidate = Path(item)
        if candidate.exists() or "/" in item or candidate.suffix.lower() in SUPPORTED:
            paths.append(item)
        else:
            words.append(item)
    return paths, " ".join(words) or None


def run_summary_command(args: argparse.Namespace) -> int:
    """brief / framing / who-won over files: exit 1 only when no article could be read."""
    from summarizer.brief import BriefSettings
    from summarizer.errors import NewsbriefError
    from summarizer.pipeline import build_stories
    from summarizer.readers import load_articles
    from summarizer.report import error_document, stories_document, who_won_document

    if args.sentences < 1 or args.words < 10:
        print("newsbrief: --sentences must be at least 1 and --words at least 10", file=sys.stderr)
        return 2
    paths, words = split_inputs(args.inputs, args.from_paths)
    topic = " ".join(t for t in (words, args.topic) if t) or None
    loaded = load_articles(paths or DEFAULT_INPUT)
    _report_problems(loaded.problems)
    if not loaded.articles:
        print("newsbrief: no article could be read from the inputs above.", file=sys.stderr)
        if args.format == "json":
            error = NewsbriefError("No article could be read from the inputs.")
            _emit(error_document(args.command, topic, error, loaded.problems), "json")
        return 1
    settings = BriefSettings(sentences=args.sentences, words=args.words, algorithm=args.algorithm)
    stories = build_stories(loaded.articles, settings)
    doc: Document
    try:
        if args.command == "who-won":
            doc = who_won_document(stories, topic, loaded.problems)
        else:
            doc = stories_document(args.command, stories, topic, loaded.problems)
    except NewsbriefError as exc:
        doc = error_document(args.command, topic, exc, loaded.problems)
        _emit(doc, args.format)
        return 3
    _emit(doc, args.format)
    if getattr(args, "picture", None):
        from bot.picture_cli import write_picture

        return write_picture(doc, args.picture, resolve_config_path(args.config))
    return 0


def _run_command(args: argparse.Namespace) -> int:
    if args.command in SUMMARY_COMMANDS:
        return run_summary_command(args)
    if args.command == "chat":
        return run_chat(args)
    if args.command == "schema":
        return run_schema()
    if args.command == "config":
        from bot.config.cli import run_config_cli

        return run_config_cli(args)
    if args.command == "run":
        from bot.app import run_bot

        return run_bot(args)
    if args.command == "deliveries":
        from bot.deliveries import run_deliveries

        return run_deliveries(args)
    if args.command == "timeline":
        from bot.threads.cli import run as run_timeline

        return run_timeline(args)
    from bot.feeds.cli import run as run_feed_command

    return run_feed_command(args)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _run_command(args)
    except KeyboardInterrupt:  # Ctrl-C: stop quietly, as a shell expects, without a traceback
        print(file=sys.stderr)
        return INTERRUPTED


def entry_point() -> None:
    sys.exit(main())
