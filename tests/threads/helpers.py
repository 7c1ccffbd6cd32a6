"""Storing articles the way an ingest does, and the two platforms' publishers over the loopback fakes."""

from __future__ import annotations

from datetime import datetime

from bot.feeds.ingest import rebuild_stories
from bot.storage import Database
from bot.storage.articles import insert_articles
from bot.storage.database import utcnow
from summarizer.brief import BriefSettings
from summarizer.models import Article


def ingest(db: Database, articles: list[Article], now: datetime | None = None) -> bool:
    """Store ``articles`` and rebuild the stories, as one ingest pass does; True when they were rebuilt."""
    with db.transaction() as conn:
        insert_articles(conn, "files", articles, now or utcnow())
    return rebuild_stories(db, BriefSettings()) is not None
