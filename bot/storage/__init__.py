"""Storage of articles, stories, posts and feed state (SQLAlchemy; SQLite by default, PostgreSQL optional)."""

from bot.storage.database import Database, open_database, resolve_database_url
from bot.storage.errors import DatabaseError

__all__ = ["Database", "DatabaseError", "open_database", "resolve_database_url"]
