"""One composition of the configuration, the database and the command service, for `run`, `chat` and tests."""

from __future__ import annotations

from bot.config.store import ConfigStore
from bot.deliveries import channel_lines
from bot.digest import ChannelDigests
from bot.feeds.cli import source_rows
from bot.pictures import Pictures
from bot.service import CommandService
from bot.storage.database import Database
from bot.storage.story_source import StoredStories
from bot.threads.manual import ChannelThreads
from bot.threads.timeline import Timelines


def compose_service(store: ConfigStore, db: Database) -> tuple[StoredStories, CommandService]:
    """The stories stored in ``db`` and the service every adapter answers commands with.

    Each part reads the store's current configuration, so an admin edit applies without a restart.
    """
    stories = StoredStories(db, sources=lambda: source_rows(store.config, db))
    # /digest in a channel is claimed and recorded like a scheduled digest, with the current config.
    # /timeline answers in the channel's timezone, from the stored articles and thread updates.
    service = CommandService(
        stories,
        claim_digest=ChannelDigests(db, lambda: store.config),
        history=lambda channel: channel_lines(db, channel),
        timelines=Timelines(db, lambda: store.config),
        pictures=Pictures(lambda: store.config),
        threads=ChannelThreads(db, lambda: store.config),  # /brief where threads = true: a thread root
    )
    return stories, service
