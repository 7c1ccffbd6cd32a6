"""Per-source fetch state: conditional-GET validators, last success, last error, items to retry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, delete, select
from sqlalchemy.dialects import postgresql, sqlite

from bot.storage.database import as_utc
from bot.storage.schema import feed_retries, feed_state


@dataclass(frozen=True)
class FeedState:
    source: str
    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_attempt_at: datetime | None = None
    last_ok_at: datetime | None = None
    last_error: str | None = None
    last_error_at: datetime | None = None
    failures: int = 0
    articles: int = 0


@dataclass(frozen=True)
class PendingItem:
    """A feed item not stored yet because its article page failed; ``attempts`` counts the passes that tried."""

    url: str
    url_hash: str
    attempts: int
    error: str


def load_feed_states(conn: Connection) -> dict[str, FeedState]:
    """Every source's state by source name."""
    states = {}
    for row in conn.execute(select(feed_state)):
        r = dict(row._mapping)
        for key in ("last_attempt_at", "last_ok_at", "last_error_at"):
            r[key] = as_utc(r[key])
        states[r["source"]] = FeedState(**r)
    return states


def _upsert(conn: Connection, source: str, url: str, values: dict[str, object]) -> None:
    exists = conn.execute(select(feed_state.c.source).where(feed_state.c.source == source)).first()
    if exists:
        conn.execute(feed_state.update().where(feed_state.c.source == source).values(url=url, **values))
    else:
        conn.execute(feed_state.insert().values(source=source, url=url, **{"failures": 0, "articles": 0, **values}))


def record_ok(
    conn: Connection,
    source: str,
    url: str,
    *,
    now: datetime,
    etag: str | None,
    last_modified: str | None,
    added: int,
    previous: FeedState | None,
) -> None:
    """A successful fetch (200 or 304): store the validators in the same transaction as its articles."""
    _upsert(
        conn,
        source,
        url,
        {
            "etag": etag,
            "last_modified": last_modified,
            "last_attempt_at": now,
            "last_ok_at": now,
            "last_error": None,
            "failures": 0,
            "articles": (previous.articles if previous else 0) + added,
        },
    )


def record_error(
    conn: Connection, source: str, url: str, *, now: datetime, error: str, previous: FeedState | None
) -> None:
    """A failed fetch: keep the validators and the last success, note the error."""
    _upsert(
        conn,
        source,
        url,
        {
            "last_attempt_at": now,
            "last_error": error[:500],
            "last_error_at": now,
            "failures": (previous.failures if previous else 0) + 1,
        },
    )


def retry_attempts(conn: Connection, source: str) -> dict[str, int]:
    """``url_hash`` → passes that already tried, for the source's items waiting for a retry."""
    rows = conn.execute(select(feed_retries.c.url_hash, feed_retries.c.attempts).where(feed_retries.c.source == source))
    return {h: n for h, n in rows}


def replace_retries(conn: Connection, source: str, pending: list[PendingItem], *, now: datetime) -> None:
    """The source's items to retry are now exactly ``pending`` (items stored or gone leave the list)."""
    conn.execute(delete(feed_retries).where(feed_retries.c.source == source))
    # ON CONFLICT DO NOTHING: another process reading the same source may have listed the item a moment ago.
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    for p in pending:
        row = {
            "source": source,
            "url_hash": p.url_hash,
            "url": p.url,
            "attempts": p.attempts,
            "last_error": p.error[:500],
            "last_attempt_at": now,
        }
        conn.execute(insert(feed_retries).values(**row).on_conflict_do_nothing())
