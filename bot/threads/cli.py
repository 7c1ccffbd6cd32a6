"""``newsbrief timeline [TOPIC] [--tz ZONE]``: a story's life from the database, in local time or ``--tz``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from bot.arguments import resolve_config_path
from bot.config.errors import ConfigError
from bot.config.model import check_timezone
from bot.config.validate import load_config
from bot.render.text import render
from bot.storage import DatabaseError
from bot.storage.database import open_database
from bot.storage.story_source import StoredStories
from bot.threads.timeline import Timelines
from summarizer.errors import NewsbriefError
from summarizer.queries import match_stories


def local_timezone() -> str:
    """This machine's IANA timezone name when it can be found, else UTC."""
    link = Path("/etc/localtime")
    if link.is_symlink() and "zoneinfo/" in str(link.resolve()):
        return str(link.resolve()).split("zoneinfo/", 1)[1]
    return "UTC"


def run(args: argparse.Namespace, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Exit 0 with the timeline, 1 when the config or database cannot be used, 2 for a bad --tz, 3 no story."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        zone = check_timezone(args.tz) if args.tz else local_timezone()
    except ValueError as exc:
        print(f"newsbrief: --tz: {exc}", file=err)
        return 2
    path = resolve_config_path(getattr(args, "config", None))
    try:
        config = load_config(path)
        db = open_database(config.bot.database_url)
    except (ConfigError, DatabaseError) as exc:
        print(f"newsbrief: {exc.user_message}", file=err)
        return 1
    try:
        stories = StoredStories(db, sources=lambda: []).stories()
        try:
            chosen = match_stories(stories, args.topic)[:1]
        except NewsbriefError as exc:
            print(exc.user_message, file=err)
            return 3
        doc = Timelines(db, timezone=zone).document(chosen, args.topic).to_json()
    finally:
        db.dispose()
    print(json.dumps(doc, ensure_ascii=False, indent=2) if args.format == "json" else render(doc), file=out, end="")
    return 0
