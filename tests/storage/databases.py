"""The ``db`` fixture: a fresh migrated database on SQLite, and on PostgreSQL when
``NEWSBRIEF_TEST_POSTGRES_URL`` is set (e.g. postgresql+psycopg://postgres:postgres@127.0.0.1:5433/newsbrief_test)."""

from __future__ import annotations

import atexit
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from bot.storage import Database, open_database
from bot.storage.database import resolve_database_url

PG_ENV = "NEWSBRIEF_TEST_POSTGRES_URL"
BACKENDS = ["sqlite", "postgresql"]
_CREATED: set[str] = set()


def _own_database(url: str) -> str:
    """A database of this test process's own, beside the configured one, created on first use.

    Several test runs may share one PostgreSQL server (CI, or developers' parallel checkouts); each
    process works in ``<configured name>_<pid>`` so that emptying it never touches another run's tables.
    """
    configured = make_url(url)
    own = f"{configured.database}_{os.getpid()}"
    if own not in _CREATED:
        admin = create_engine(configured, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": own}).first()
            if exists is None:
                conn.execute(text(f'CREATE DATABASE "{own}"'))
        admin.dispose()
        _CREATED.add(own)
        atexit.register(_drop_database, configured.render_as_string(hide_password=False), own)
    return configured.set(database=own).render_as_string(hide_password=False)


def _drop_database(admin_url: str, name: str) -> None:
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


def fresh_postgres_url() -> str:
    """This process's own test PostgreSQL database after emptying its ``public`` schema; skips when
    not configured."""
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"{PG_ENV} is not set (PostgreSQL tests run in CI)")
    url = _own_database(resolve_database_url(url))
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


def database_url(backend: str, tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'newsbrief.db'}" if backend == "sqlite" else fresh_postgres_url()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    return database_url(request.param, tmp_path)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    yield database
    database.dispose()
