"""``DatabaseError``: why the configured database cannot be used, said so an operator can fix it.

Every message names the URL (password masked), says in one line what went wrong and ends with a
``Fix:`` line. :func:`check_url` catches what is wrong before connecting; :func:`explain` turns a
failure while connecting or migrating into the same kind of message.
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError

from bot.masking import hide_secrets, mask_text, mask_url
from summarizer.errors import NewsbriefError

SUPPORTED = ("sqlite", "postgresql")
SQLITE_EXAMPLE = "sqlite:///newsbrief.db"
POSTGRES_EXAMPLE = "postgresql+psycopg://user:pass@host/db"
ENV_SETTING = "DATABASE_URL"
CONFIG_SETTING = "[bot] database_url"
INSTALL_POSTGRES = "pip install 'newsbrief[postgres]'"


def _password(url: str) -> str | None:
    """The password SQLAlchemy reads from ``url`` (``None`` when there is none or the URL cannot be parsed)."""
    try:
        return make_url(url).password
    except Exception:  # what cannot be parsed has no password to hide beyond what mask_url masks
        return None


class DatabaseError(NewsbriefError):
    """The database at ``url`` cannot be opened: ``problem`` says why, ``fix`` what to change."""

    def __init__(self, url: str, problem: str, fix: str) -> None:
        secrets = (_password(url),)
        self.url = mask_url(url)
        self.problem = mask_text(problem, secrets)
        self.fix = hide_secrets(fix, secrets)  # its example URLs are placeholders, not secrets
        super().__init__(f"Cannot use the database {self.url}: {self.problem}.\nFix: {self.fix}.")


def example(setting: str, url: str) -> str:
    """``url`` written as a value of ``setting`` (the environment variable or the config key)."""
    return f"{ENV_SETTING}={url}" if setting == ENV_SETTING else f'{CONFIG_SETTING} = "{url}"'


def _any_url(setting: str) -> str:
    return (
        f"use an SQLite or PostgreSQL URL, e.g. {example(setting, SQLITE_EXAMPLE)} (a file here) "
        f"or {example(setting, POSTGRES_EXAMPLE)}"
    )


def check_url(url: str, setting: str) -> None:
    """Raise :class:`DatabaseError` when ``url`` cannot work whatever the server does; return otherwise."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        raise DatabaseError(url, "this is not a database URL", _any_url(setting)) from None
    if parsed.host and "@" in parsed.host:
        problem = "the user name or password contains '@'"
        raise DatabaseError(url, problem, f"write each '@' in them as %40 in {setting}")
    backend = parsed.get_backend_name()
    if backend not in SUPPORTED:
        problem = f"{backend} databases are not supported (newsbrief stores its data in SQLite or PostgreSQL)"
        raise DatabaseError(url, problem, _any_url(setting))
    folder = sqlite_folder(parsed)
    if folder is not None and not folder.is_dir():
        fix = f"create it (mkdir -p {folder}) or use a file in an existing folder, e.g. "
        raise DatabaseError(url, f"the folder {folder} does not exist", fix + example(setting, SQLITE_EXAMPLE))


def sqlite_folder(url: URL) -> Path | None:
    """The folder an SQLite database file lives in (``None`` for in-memory and ``file:`` URI databases)."""
    name = url.database
    if url.get_backend_name() != "sqlite" or not name or name == ":memory:" or name.startswith("file:"):
        return None
    return Path(name).expanduser().absolute().parent


def missing_driver(url: str, setting: str) -> DatabaseError:
    """``create_engine`` could not load the driver named in ``url`` (e.g. ``postgresql+psycopg2``)."""
    parsed = make_url(url)
    driver = parsed.get_driver_name()
    if parsed.get_backend_name() == "postgresql" and driver == "psycopg":
        fix = f"install newsbrief's PostgreSQL driver (psycopg 3): {INSTALL_POSTGRES}"
    elif parsed.get_backend_name() == "postgresql":
        suggested = mask_url(parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False))
        fix = f"use the psycopg 3 driver ({INSTALL_POSTGRES}) with {example(setting, suggested)}"
    else:
        fix = _any_url(setting)
    return DatabaseError(url, f"the database driver {driver!r} is not installed", fix)


def explain(url: str, setting: str, exc: Exception) -> DatabaseError:
    """A :class:`DatabaseError` for ``exc``, raised while connecting to or migrating the database at ``url``."""
    parsed = make_url(url)
    why = _reason(exc, parsed.password)
    if not isinstance(exc, DBAPIError):  # Alembic: the stored revision is not one of ours
        fix = f"upgrade newsbrief, or point {setting} at a database this version created"
        return DatabaseError(url, f"the tables were made by another newsbrief version ({why})", fix)
    if parsed.get_backend_name() == "sqlite":
        folder = sqlite_folder(parsed)
        where = str(folder / Path(parsed.database or "").name) if folder else "it"
        fix = (
            f"check that {where} is an SQLite database this user may read and write (in a folder it may write), "
            f"or use another file, e.g. {example(setting, SQLITE_EXAMPLE)}"
        )
        return DatabaseError(url, f"cannot open the SQLite file ({why})", fix)
    if isinstance(exc, OperationalError):
        server = f"{parsed.host or 'localhost'}:{parsed.port or 5432}"
        fix = (
            f"check that PostgreSQL is running on {server} and accepts this user, password and database name, "
            f"or use SQLite: {example(setting, SQLITE_EXAMPLE)}"
        )
        return DatabaseError(url, f"cannot connect ({why})", fix)
    fix = f"check that the database user may create tables in this database, or set {setting} to another one"
    return DatabaseError(url, f"cannot create or update the tables ({why})", fix)


def in_use_failure(url: str, exc: Exception) -> str:
    """One line for a database that opened but failed in use: a damaged SQLite file, a lost server."""
    parsed = make_url(url)
    why = _reason(exc, parsed.password)
    folder = sqlite_folder(parsed)
    if folder is not None:
        path = folder / Path(parsed.database or "").name
        return (
            f"the database file {path} cannot be used ({why}); "
            "restore it from a backup, or move it aside and newsbrief will start a new one"
        )
    return f"the database {mask_url(url)} failed ({why}); check the server and try again"


def _reason(exc: Exception, password: str | None) -> str:
    """The driver's own one-line reason: 'Connection refused', 'database "x" does not exist', …"""
    raw = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    lines = [line.strip() for line in str(raw).splitlines() if line.strip()]
    line = lines[0] if lines else type(raw).__name__
    line = line.rsplit("failed: ", 1)[-1]  # psycopg: "connection to server at "h", port 1 failed: <why>"
    line = re.sub(r"^(FATAL|ERROR):\s*", "", line)
    line = mask_text(line, (password,))  # drivers do not echo passwords or URLs; this is a second guard
    return line if len(line) <= 160 else line[:157] + "..."
