"""Why a digest did or did not post: recent digest runs with their status, for the CLI and chat admins."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from bot.storage.database import Database
from bot.storage.posts import DigestRun, recent_runs

# Stored status → (shown status, the reason). The runs table records the outcome; these say what it means.
MEANING = {
    "sent": ("posted", "{stories} stor{ies} posted"),
    "quiet": ("posted", "no new stories; the “No new stories.” notice was posted (post_when_quiet)"),
    "empty": ("empty", "no new stories since the last digest; nothing was posted"),
    "failed": (
        "failed",
        "the platform refused the message or could not be reached; the stories wait for the next digest (the log has the error id)",
    ),
    "unknown": (
        "unknown",
        "the platform never confirmed the post (timeout, lost connection, or a crash while posting); its {stories} stor{ies} count as posted and are not repeated",
    ),
    "running": ("running", "being posted now (or the process stopped; it is marked unknown at the next start)"),
}


def run_lines(runs: list[DigestRun], *, with_channel: bool = True) -> list[str]:
    """One line per run: when, where, status and why."""
    lines = []
    for run in runs:
        status, reason = MEANING.get(run.status, (run.status, "recorded with this status"))
        reason = reason.format(stories=run.stories, ies="y" if run.stories == 1 else "ies")
        where = f"{run.platform}:{run.channel_id} " if with_channel else ""
        lines.append(f"{run.started_at:%Y-%m-%d %H:%M} UTC {where}{status} — {reason}")
    return lines or ["No digest runs recorded yet."]


def channel_lines(db: Database, channel: str | None, limit: int = 20) -> list[str]:
    """The recent runs of ``channel`` ("PLATFORM:ID") or of every channel, newest first."""
    platform, channel_id = parse_channel(channel) if channel else (None, None)
    with db.read() as conn:
        runs = recent_runs(conn, platform, channel_id, limit)
    return run_lines(runs, with_channel=channel is None)


def parse_channel(text: str) -> tuple[str, str]:
    platform, sep, channel_id = text.partition(":")
    if not sep or not platform or not channel_id:
        raise ValueError(f"{text!r} is not PLATFORM:ID, e.g. slack:C024BE91L or discord:123")
    return platform, channel_id


def run_deliveries(args: argparse.Namespace, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """`newsbrief deliveries [--channel PLATFORM:ID] [--limit N]`: exit 0, 1 when storage fails, 2 bad usage."""
    from bot.cli_database import open_config_and_database

    out, err = out or sys.stdout, err or sys.stderr
    if args.limit < 1:
        print("newsbrief: --limit must be at least 1", file=err)
        return 2
    if args.channel:
        try:
            parse_channel(args.channel)
        except ValueError as exc:
            print(f"newsbrief: --channel {exc}", file=err)
            return 2
    opened = open_config_and_database(args, err)
    if opened is None:
        return 1
    _, db = opened
    try:
        print("\n".join(channel_lines(db, args.channel, args.limit)), file=out)
    finally:
        db.dispose()
    return 0
