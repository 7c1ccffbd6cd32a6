"""Open the database (SQLite file by default, PostgreSQL via ``DATABASE_URL``) and migrate it to head."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
DEFAULT_URL = "sqlite:///newsbrief.db"
_MIGRATION_LOCK = 0x6E62_6D69  # "nbmi": serialises start-up migrations of several processes on PostgreSQL


def resolve_database_url(configured: str | None = None) -> str:
    """``DATABASE_URL`` from the environment wins, then ``[bot] database_url``, then the SQLite default.

    ``postgres://`` and ``postgresql://`` URLs are switched to the psycopg 3 driver.
    """
    url = os.environ.get("DATABASE_URL") or configured or DEFAULT_URL
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's implicit BEGIN is deferred).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        # WAL: readers never block the writer; a killed process leaves a consistent file behind.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # IMMEDIATE takes the write lock up front, so two processes that check-then-insert serialise
        # instead of failing with "database is locked" when upgrading a read lock.
        conn.exec_driver_sql("BEGIN IMMEDIATE")


class Database:
    """The engine plus the few dialect differences the rest of the code must know about."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        self.engine = self.new_engine(echo=echo)

    def new_engine(self, *, echo: bool = False) -> Engine:
        """Another engine on the same database with the same settings (the job store owns and disposes its own)."""
        engine = create_engine(self.url, echo=echo, pool_pre_ping=not self.url.startswith("sqlite"))
        if engine.dialect.name == "sqlite":
            _sqlite_pragmas(engine)
        return engine

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def is_postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One atomic unit of work: committed on success, rolled back on any exception."""
        with self.engine.begin() as conn:
            yield conn

    def try_lock(self, conn: Connection, name: str) -> bool:
        """A transaction-scoped lock named ``name`` (PostgreSQL advisory lock; SQLite's write lock already holds)."""
        if not self.is_postgres:
            return True
        key = int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big", signed=True)
        return bool(conn.execute(text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": key}).scalar())

    def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision (safe to call from several processes at once)."""
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as conn:
            if self.is_postgres:
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str | None = None) -> Database:
    """Open (creating if needed) and migrate the database at ``url`` (see :func:`resolve_database_url`)."""
    db = Database(resolve_database_url(url))
    db.migrate()
    return db
