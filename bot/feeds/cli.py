"""``newsbrief ingest``, ``newsbrief digest --channel PLATFORM:ID --dry-run`` and ``newsbrief sources``."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import datetime
from typing import TextIO

from sqlalchemy.exc import DBAPIError

from bot.arguments import add_feed_parsers
from bot.cli_database import open_config_and_database
from bot.config.model import NewsbriefConfig, effective_settings
from bot.digest import preview_digest
from bot.feeds.ingest import IngestReport, ingest_once
from bot.render.text import render
from bot.storage.database import Database
from bot.storage.errors import in_use_failure
from bot.storage.feed_state import load_feed_states
from summarizer.documents import SourceEntry, SourcesDocument

COMMANDS = ("ingest", "digest", "sources")


add_parsers = add_feed_parsers


def run(args: argparse.Namespace, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run a parsed ``ingest``/``digest``/``sources`` command; exit 0 ok, 1 failure, 2 bad usage."""
    out, err = out or sys.stdout, err or sys.stderr
    opened = open_config_and_database(args, err)
    if opened is None:
        return 1
    config, db = opened
    try:
        if args.command == "ingest":
            return _ingest(config, db, out, err, quiet=args.quiet)
        if args.command == "digest":
            return _digest(config, db, args, out, err)
        return _sources(config, db, out)
    except DBAPIError as exc:  # opened fine, then failed: a damaged file, a lost server
        print(f"newsbrief: {in_use_failure(db.url, exc)}", file=err)
        return 1
    finally:
        db.dispose()


class _ProgressBar:
    """``[#####-----] 12/50 harbor`` redrawn in place on a terminal."""

    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self.stream, self.width = stream, width

    def __call__(self, done: int, total: int, name: str) -> None:
        filled = self.width * done // max(1, total)
        self.stream.write(f"\r[{'#' * filled}{'-' * (self.width - filled)}] {done}/{total} {name[:30]:<30}")
        if done == total:
            self.stream.write("\r" + " " * (self.width + 45) + "\r")
        self.stream.flush()


def summary_lines(report: IngestReport) -> list[str]:
    lines = [
        f"Feeds: {report.feeds_ok} ok ({report.not_modified} unchanged), {report.feeds_failed} failed",
        f"New articles: {report.new_articles}",
        f"New stories: {report.new_stories} ({report.stories} in the last 48 hours)",
    ]
    lines += [f"! {name}: {error}" for name, error in sorted(report.errors.items())]
    lines += [f"~ {name}: {note}" for name, note in sorted(report.notes.items())]
    return lines


def _ingest(config: NewsbriefConfig, db: Database, out: TextIO, err: TextIO, *, quiet: bool) -> int:
    if not config.sources:
        print("No sources configured: add [[sources]] to the configuration.", file=err)
        return 1
    progress = _ProgressBar(err) if err.isatty() and not quiet else None
    report = asyncio.run(ingest_once(config, db, progress=progress))
    print("\n".join(summary_lines(report)), file=out)
    return 0 if report.feeds_ok else 1


def _digest(config: NewsbriefConfig, db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    platform, sep, channel_id = args.channel.partition(":")
    if not sep or not channel_id:
        print("newsbrief: --channel takes PLATFORM:ID, e.g. discord:123456", file=err)
        return 2
    if not args.dry_run:
        print("newsbrief: only --dry-run is supported here; `newsbrief run` posts digests on schedule", file=err)
        return 2
    if config.channel(platform, channel_id) is None:
        print(f"note: {platform}:{channel_id} is not a configured channel; using the default settings", file=err)
    doc = preview_digest(db, platform, channel_id, effective_settings(config, platform, channel_id))
    if args.format == "json":
        print(json.dumps(doc.to_json(), ensure_ascii=False, indent=2), file=out)
    else:
        print(render(doc, markdown=args.format == "markdown"), file=out, end="")
    return 0


def source_rows(config: NewsbriefConfig, db: Database) -> list[SourceEntry]:
    """Configured sources with their fetch state (the ``sources`` document's entries)."""
    with db.read() as conn:
        states = load_feed_states(conn)

    def when(value: datetime | None) -> str | None:
        return value.strftime("%Y-%m-%d %H:%M UTC") if value else None

    rows = []
    for s in config.sources:
        state = states.get(s.name)
        error = f"{state.last_error} ({when(state.last_error_at)})" if state and state.last_error else None
        rows.append(
            SourceEntry(
                outlet=s.outlet,
                name=s.name,
                feed=s.feed,
                page=s.page,
                articles=state.articles if state else 0,
                last_ok=when(state.last_ok_at) if state else None,
                last_error=error,
                never_fetched=state is None,
            )
        )
    return rows


def _sources(config: NewsbriefConfig, db: Database, out: TextIO) -> int:
    doc = SourcesDocument(sources=source_rows(config, db))
    print(render(doc), file=out, end="")
    return 0
