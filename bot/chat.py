"""`newsbrief chat`: the console adapter over the configuration and database `newsbrief run` uses, or over files."""

from __future__ import annotations

import argparse
from contextlib import ExitStack
from pathlib import Path
from typing import TextIO

from sqlalchemy import make_url

from bot.service import CommandService


def database_exists(url: str) -> bool:
    """False only for an SQLite file that is not there yet (opening it would create an empty one)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return parsed.get_backend_name() != "sqlite"
    return Path(parsed.database).exists()


def chat_service(
    args: argparse.Namespace, config_path: Path, default_input: list[str], err: TextIO, cleanup: ExitStack
) -> CommandService | None:
    """The service `chat` answers with, after saying on ``err`` where its stories come from.

    ``--from PATHS`` reads files. Otherwise, when the configuration and its database exist, the stories are
    the ones `run` and `ingest` keep there; else the default input files. None after printing why it cannot start.
    """
    from bot.service import InMemoryStories

    if not args.paths:
        composed = _stored(config_path, err, cleanup)
        if composed is not False:
            return composed
    paths = args.paths or default_input
    source = InMemoryStories.from_paths(paths)
    for problem in source.problems:
        print(f"! {problem.source}: {problem.problem}", file=err)
    print(f"chat: reading articles from files ({', '.join(map(str, paths))}), not from a database", file=err)
    return CommandService(source)


def _stored(config_path: Path, err: TextIO, cleanup: ExitStack) -> CommandService | None | bool:
    """The database-backed service; False when there is no configuration or database to use."""
    from bot.compose import compose_service
    from bot.config.store import ConfigStore
    from bot.masking import mask_url
    from bot.storage.database import open_database, resolve_database_url
    from summarizer.errors import NewsbriefError

    if not config_path.exists():
        print(f"chat: no configuration at {config_path}", file=err)
        return False
    store = ConfigStore(config_path)
    try:
        url = resolve_database_url(store.load().bot.database_url)
        if not database_exists(url):
            print(f"chat: no database yet at {mask_url(url)} (newsbrief ingest fills it)", file=err)
            return False
        db = open_database(url)
    except NewsbriefError as exc:
        print(f"newsbrief: {exc.user_message}", file=err)
        return None
    cleanup.callback(db.dispose)
    stories, service = compose_service(store, db)
    count = len(stories.stories())
    print(f"chat: {count} stories from the database {mask_url(url)} (configuration {config_path})", file=err)
    return service
