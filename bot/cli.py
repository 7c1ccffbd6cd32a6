"""The `newsbrief` command line: brief, framing and who-won on files, plus the bot's commands."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bot.app import add_run_parser, run_bot
from bot.config.cli import add_config_option, add_config_parser, resolve_config_path, run_config_cli
from bot.feeds.cli import COMMANDS as FEED_COMMANDS
from bot.feeds.cli import add_parsers as add_feed_parsers
from bot.feeds.cli import run as run_feed_command
from bot.render.text import problem_lines, render
from summarizer.brief import BriefSettings
from summarizer.errors import NewsbriefError
from summarizer.loading import load_articles
from summarizer.models import Problem
from summarizer.pipeline import build_stories
from summarizer.ranking import SUMMARIZERS
from summarizer.report import error_document, stories_document, who_won_document

DEFAULT_INPUT = ["seeds"]


def _add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=["text", "markdown", "json"], default="text", help="output format")
    parser.add_argument("--sentences", type=int, default=3, help="sentences in each brief (default 3)")
    parser.add_argument("--words", type=int, default=90, help="about how many words in each brief (default 90)")
    parser.add_argument(
        "--algorithm", choices=sorted(SUMMARIZERS), default="lexrank", help="sumy algorithm that ranks sentences"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsbrief",
        description="Neutral news briefs, and how each outlet framed the story.",
    )
    add_config_option(parser)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    brief = commands.add_parser("brief", help="neutral brief of each story in the articles")
    brief.add_argument("paths", nargs="*", metavar="PATH", help="files or folders of articles (default: seeds/)")
    brief.add_argument("--topic", help="only the stories matching this topic")
    _add_output_options(brief)

    for name, text in (
        ("framing", "how each outlet framed the story"),
        ("who-won", "who won the election the articles report"),
    ):
        sub = commands.add_parser(name, help=text)
        sub.add_argument("topic", nargs="?", help="words that pick the story (default: all stories)")
        sub.add_argument("--from", dest="paths", nargs="+", metavar="PATH", help="files or folders (default: seeds/)")
        _add_output_options(sub)
    add_config_parser(commands)
    add_run_parser(commands)
    add_feed_parsers(commands)
    chat = commands.add_parser("chat", help="talk to the bot on this terminal: type /brief, /who-won … (no tokens)")
    chat.add_argument("--from", dest="paths", nargs="+", metavar="PATH", help="files or folders (default: seeds/)")
    return parser


def run_chat(args: argparse.Namespace) -> int:
    """`newsbrief chat`: the console adapter over stories prepared from files."""
    from bot.console import ConsoleBot
    from bot.service import CommandService, InMemoryStories

    source = InMemoryStories.from_paths(args.paths or DEFAULT_INPUT)
    _report_problems(source.problems)
    return ConsoleBot(CommandService(source), admin=console_admin(resolve_config_path(args.config))).loop()


def console_admin(path: Path) -> Callable[[str], str]:
    """/newsbrief-config on the console: the local operator is an admin."""
    from bot.config.admin import AdminActor, run_config_command
    from bot.config.store import ConfigStore

    actor = AdminActor("console", getpass.getuser(), getpass.getuser(), True, [])

    def handle(text: str) -> str:
        try:
            store = ConfigStore(path)
        except NewsbriefError as exc:
            return exc.user_message
        reply = run_config_command(store, actor, text, platform="console", channel_id="main", workspace=None)
        return "\n".join([reply.title, *reply.lines])

    return handle


def _emit(doc: dict[str, Any], fmt: str) -> None:
    if fmt == "json":
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        print(render(doc, markdown=fmt == "markdown"), end="")


def _report_problems(problems: list[Problem]) -> None:
    for line in problem_lines({"problems": [{"source": p.source, "problem": p.problem} for p in problems]}):
        print(line, file=sys.stderr)


def run_summary_command(args: argparse.Namespace) -> int:
    """brief / framing / who-won over files: exit 1 only when no article could be read."""
    if args.sentences < 1 or args.words < 10:
        print("newsbrief: --sentences must be at least 1 and --words at least 10", file=sys.stderr)
        return 2
    loaded = load_articles(args.paths or DEFAULT_INPUT)
    _report_problems(loaded.problems)
    if not loaded.articles:
        print("newsbrief: no article could be read from the inputs above.", file=sys.stderr)
        if args.format == "json":
            error = NewsbriefError("No article could be read from the inputs.")
            _emit(error_document(args.command, getattr(args, "topic", None), error, loaded.problems), "json")
        return 1
    settings = BriefSettings(sentences=args.sentences, words=args.words, algorithm=args.algorithm)
    stories = build_stories(loaded.articles, settings)
    topic = getattr(args, "topic", None)
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
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command in ("brief", "framing", "who-won"):
        return run_summary_command(args)
    if args.command == "chat":
        return run_chat(args)
    if args.command == "config":
        return run_config_cli(args)
    if args.command == "run":
        return run_bot(args)
    if args.command in FEED_COMMANDS:
        return run_feed_command(args)
    return 2


def entry_point() -> None:
    sys.exit(main())
