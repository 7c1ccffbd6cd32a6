"""Articles through the database and back: stored a minute apart, stories rebuilt from them."""

from __future__ import annotations

from datetime import timedelta

from bot.feeds.ingest import rebuild_stories
from bot.storage import Database
from bot.storage.articles import insert_articles, recent_articles
from bot.storage.database import utcnow
from bot.storage.stories import current_stories
from summarizer.brief import BriefSettings
from summarizer.models import Article, Story


def stored_and_rebuilt(db: Database, *stored: tuple[str, Article]) -> tuple[Story, list[Article]]:
    """Store each ``(source, article)`` a minute after the one before and rebuild the stories: the one story
    built from the database, and the articles as the database gives them back."""
    with db.transaction() as conn:
        for minutes_ago, (source, article) in zip(range(len(stored), 0, -1), stored, strict=True):
            insert_articles(conn, source, [article], utcnow() - timedelta(minutes=minutes_ago))
    assert rebuild_stories(db, BriefSettings()) is not None
    with db.read() as conn:
        [story] = current_stories(conn)
        return story.story, recent_articles(conn, utcnow() - timedelta(hours=1))
