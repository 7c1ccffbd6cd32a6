"""A database URL that cannot work gives one clear ``DatabaseError`` (URL with the password masked, what is
wrong, how to fix it) instead of a SQLAlchemy traceback."""

from __future__ import annotations

import importlib.util
import os
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import make_url, text

import bot.storage.database
from bot.storage import DatabaseError, open_database
from summarizer.errors import NewsbriefError

SECRET = "s3cret-Pw"


@pytest.fixture(autouse=True)
def no_database_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)


def refused(url: str | None) -> str:
    """The user message ``open_database(url)`` raises, checked for the parts every message has."""
    with pytest.raises(DatabaseError) as caught:
        open_database(url)
    message = caught.value.user_message
    assert isinstance(caught.value, NewsbriefError)
    assert message.startswith("Cannot use the database ")
    assert "\nFix: " in message
    assert SECRET not in message and "Traceback" not in message
    return message


def test_garbage_is_not_a_database_url() -> None:
    message = refused("newsbrief database please")
    assert "Cannot use the database newsbrief database please: this is not a database URL." in message
    assert '[bot] database_url = "sqlite:///newsbrief.db"' in message  # it came from the config


def test_mysql_is_not_supported_and_its_password_is_masked() -> None:
    message = refused(f"mysql://nb:{SECRET}@db.example/nb")
    assert message.startswith("Cannot use the database mysql://nb:***@db.example/nb: mysql databases are not supported")
    assert "SQLite or PostgreSQL" in message


def test_the_environment_variable_is_named_when_it_set_the_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", f"mysql://nb:{SECRET}@db.example/nb")
    message = refused("sqlite:///ignored.db")
    assert "DATABASE_URL=sqlite:///newsbrief.db" in message
    assert "DATABASE_URL=postgresql+psycopg://user:pass@host/db" in message


def test_an_sqlite_file_in_a_missing_folder(tmp_path: Path) -> None:
    folder = tmp_path / "no" / "such"
    message = refused(f"sqlite:///{folder / 'newsbrief.db'}")
    assert f"the folder {folder} does not exist." in message
    assert f"Fix: create it (mkdir -p {folder})" in message
    assert not folder.exists()


def test_a_file_that_is_not_an_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("shopping list: bread, milk\n" * 100)
    message = refused(f"sqlite:///{path}")
    assert "cannot open the SQLite file (file is not a database)." in message
    assert f"check that {path} is an SQLite database" in message


def test_an_unreachable_postgresql_server_fails_fast_with_its_reason() -> None:
    start = time.perf_counter()
    message = refused(f"postgresql+psycopg://nb:{SECRET}@127.0.0.1:1/newsbrief")
    assert time.perf_counter() - start < 5
    assert message.startswith(
        "Cannot use the database postgresql+psycopg://nb:***@127.0.0.1:1/newsbrief: cannot connect (Connection refused)."
    )
    assert "check that PostgreSQL is running on 127.0.0.1:1" in message


def test_postgres_scheme_is_switched_to_psycopg_before_connecting() -> None:
    message = refused(f"postgres://nb:{SECRET}@127.0.0.1:1/newsbrief")
    assert "postgresql+psycopg://nb:***@127.0.0.1:1/newsbrief: cannot connect" in message


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that accepts TCP connections (the kernel's backlog) but never answers, like a firewalled host."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield listener.getsockname()[1]


def test_a_server_that_never_answers_times_out(silent_server: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bot.storage.database, "CONNECT_TIMEOUT", 2)  # 5 s in production; libpq's least is 2
    start = time.perf_counter()
    message = refused(f"postgresql+psycopg://nb:{SECRET}@127.0.0.1:{silent_server}/newsbrief")
    assert time.perf_counter() - start < 4.5
    assert "cannot connect (" in message and "timeout" in message.lower()


@pytest.mark.skipif(importlib.util.find_spec("psycopg2") is not None, reason="psycopg2 is installed here")
def test_a_driver_that_is_not_installed_points_at_psycopg_3() -> None:
    message = refused(f"postgresql+psycopg2://nb:{SECRET}@127.0.0.1:1/newsbrief")
    assert "the database driver 'psycopg2' is not installed." in message
    assert '[bot] database_url = "postgresql+psycopg://nb:***@127.0.0.1:1/newsbrief"' in message


def test_an_at_sign_in_the_password_is_explained() -> None:
    message = refused("postgresql+psycopg://nb:p@ss@127.0.0.1:1/newsbrief")
    assert "the user name or password contains '@'." in message
    assert "%40" in message and "p@ss" not in message


def test_a_schema_from_a_newer_version_is_named(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'newsbrief.db'}"
    open_database(url).dispose()
    db = open_database(url)
    with db.transaction() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffffffffffff'"))
    db.dispose()
    message = refused(url)
    assert "the tables were made by another newsbrief version" in message
    assert "Fix: upgrade newsbrief" in message


def test_a_missing_postgresql_database_is_named() -> None:
    base = os.environ.get("NEWSBRIEF_TEST_POSTGRES_URL")
    if not base:
        pytest.skip("NEWSBRIEF_TEST_POSTGRES_URL is not set (PostgreSQL tests run in CI)")
    url = make_url(base).set(database="newsbrief_no_such_db")  # the real credentials: only the database is wrong
    message = refused(url.render_as_string(hide_password=False))
    assert 'cannot connect (database "newsbrief_no_such_db" does not exist).' in message
    assert f":{url.password}@" not in message and ":***@" in message


def test_a_missing_psycopg_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as on a machine without the [postgres] extra
    message = refused(f"postgresql+psycopg://nb:{SECRET}@127.0.0.1:1/newsbrief")
    assert "the database driver 'psycopg' is not installed." in message
    assert message.endswith(
        "Fix: install newsbrief's PostgreSQL driver (psycopg 3): pip install 'newsbrief[postgres]'."
    )
