"""Open the database (SQLite file by default, PostgreSQL via ``DATABASE_URL``) and migrate it to head."""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.exc import DBAPIError, NoSuchModuleError

from bot.storage.errors import CONFIG_SETTING, ENV_SETTING, check_url, explain, missing_driver

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
DEFAULT_URL = "sqlite:///newsbrief.db"
_MIGRATION_LOCK = 0x6E62_6D69  # "nbmi": serialises start-up migrations of several processes on PostgreSQL
# Seconds to wait for a PostgreSQL server to answer: a wrong host fails in seconds, not after the OS's minutes.
CONNECT_TIMEOUT = 5
_READ_ONLY = "newsbrief_read_only"  # execution option that marks a connection opened by Database.read()


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
        read_only = bool(conn.get_execution_options().get(_READ_ONLY))
        # A writer: IMMEDIATE takes the write lock up front, so two processes that check-then-insert
        # serialise instead of failing with "database is locked" when upgrading a read lock.
        # A reader: a deferred BEGIN takes no lock, so under WAL it reads the last commit at once even
        # while an ingest holds the write lock; query_only makes a stray write fail instead of waiting.
        # (query_only first: a connection left read-only by the last read could not BEGIN IMMEDIATE)
        conn.exec_driver_sql(f"PRAGMA query_only = {int(read_only)}")
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


class Database:
    """The engine plus the few dialect differences the rest of the code must know about."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        self.engine = self.new_engine(echo=echo)

    def new_engine(self, *, echo: bool = False) -> Engine:
        """Another engine on the same database with the same settings (the job store owns and disposes its own)."""
        connect_args: dict[str, Any] = {}
        url = make_url(self.url)
        if url.get_backend_name() == "postgresql" and "connect_timeout" not in url.query:
            connect_args["connect_timeout"] = CONNECT_TIMEOUT
        engine = create_engine(
            url, echo=echo, pool_pre_ping=url.get_backend_name() != "sqlite", connect_args=connect_args
        )
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
        """One atomic unit of work that may write: committed on success, rolled back on any exception.

        On SQLite it takes the write lock at once, so it waits (up to the 30 s busy timeout) for another
        writer such as an ingest. Use :meth:`read` for work that only reads.
        """
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only transaction: one consistent snapshot of the last commit, never waiting for a writer.

        Writing inside it raises (``sqlalchemy.exc.DBAPIError``) on both SQLite and PostgreSQL.
        """
        with self.engine.connect() as conn:
            conn.execution_options(**{_READ_ONLY: True})
            with conn.begin():
                if self.is_postgres:
                    conn.exec_driver_sql("SET TRANSACTION READ ONLY")
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
    """Open (creating if needed) and migrate the database at ``url`` (see :func:`resolve_database_url`).

    Raises :class:`~bot.storage.errors.DatabaseError` (a ``NewsbriefError``) when the URL is not usable:
    not a URL, not SQLite or PostgreSQL, missing driver, missing folder, server unreachable, unknown schema.
    """
    resolved = resolve_database_url(url)
    setting = ENV_SETTING if os.environ.get(ENV_SETTING) or not url else CONFIG_SETTING
    check_url(resolved, setting)
    try:
        db = Database(resolved)
    except (ImportError, NoSuchModuleError) as exc:
        raise missing_driver(resolved, setting) from exc
    try:
        db.migrate()
    except (DBAPIError, CommandError) as exc:
        db.dispose()
        log.debug("opening the database failed", exc_info=True)
        raise explain(resolved, setting, exc) from exc
    return db
