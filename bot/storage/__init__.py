"""Storage of articles, stories, posts and feed state (SQLAlchemy; SQLite by default, PostgreSQL optional)."""

from bot.storage.database import Database, open_database, resolve_database_url

__all__ = ["Database", "open_database", "resolve_database_url"]
