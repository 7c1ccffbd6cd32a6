"""The ``db`` fixture: a fresh migrated database on SQLite, and on PostgreSQL when
``NEWSBRIEF_TEST_POSTGRES_URL`` is set (e.g. postgresql+psycopg://postgres:postgres@127.0.0.1:5433/newsbrief_test)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.storage import Database, open_database
from bot.storage.database import resolve_database_url

PG_ENV = "NEWSBRIEF_TEST_POSTGRES_URL"
BACKENDS = ["sqlite", "postgresql"]


def fresh_postgres_url() -> str:
    """The test PostgreSQL URL after emptying its ``public`` schema; skips when not configured."""
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"{PG_ENV} is not set (PostgreSQL tests run in CI)")
    url = resolve_database_url(url)
    engine = create_engine(url)
    with engine.begin() as conn:
        # A connection an earlier test left open (idle in a transaction) would deadlock the DROP or see
        # the next test's tables: end every other session on the test database first.
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )
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
