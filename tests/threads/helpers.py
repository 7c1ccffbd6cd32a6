"""Storing articles the way an ingest does, and a story that grew after it was posted as a thread."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from bot.config.model import NewsbriefConfig, effective_settings
from bot.digest import run_digest
from bot.feeds.ingest import rebuild_stories
from bot.service import CommandService
from bot.storage import Database
from bot.storage.articles import insert_articles
from bot.storage.database import utcnow
from bot.storage.story_source import StoredStories
from bot.threads.follow import follow_stories
from bot.threads.timeline import Timelines
from summarizer.brief import BriefSettings
from summarizer.models import Article
from tests.threads.file_publisher import FileThreadPublisher
from tests.threads.stories import coast_joins, first_reports


def ingest(db: Database, articles: list[Article], now: datetime | None = None) -> bool:
    """Store ``articles`` and rebuild the stories, as one ingest pass does; True when they were rebuilt."""
    with db.transaction() as conn:
        insert_articles(conn, "files", articles, now or utcnow())
    return rebuild_stories(db, BriefSettings()) is not None


async def grown_story(db: Database, config: NewsbriefConfig, out: Path, channel: tuple[str, str]) -> CommandService:
    """Two outlets report a runoff, the digest posts it as a thread, a third outlet joins with another figure
    and the update goes out; returns the bot's command service over that database."""
    platform, channel_id = channel
    assert ingest(db, first_reports())
    settings = effective_settings(config, platform, channel_id)
    slot = utcnow().replace(minute=0, second=0, microsecond=0)
    assert (await run_digest(db, FileThreadPublisher(out), platform, channel_id, settings, slot)).status == "posted"
    assert ingest(db, coast_joins())
    assert (await follow_stories(db, config, {platform: FileThreadPublisher(out)})).posted == 1
    return CommandService(StoredStories(db), timelines=Timelines(db, lambda: config))
