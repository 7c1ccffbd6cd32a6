"""Digest runs and posts: claim a slot once, record what goes out, recover from a crash mid-post.

Delivery is at-most-once: the posts are committed as ``pending`` *before* the publisher is called and
count as posted from then on. A crash during the call leaves them ``pending`` (shown as ``unknown``
after recovery) and they are never re-sent; so does a call the platform never confirmed (a timeout, a
connection lost after the request was sent: ``unknown`` at once). Only a refusal (the platform answered
that it did not take the message) releases them for the next digest.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, func, select

from bot.storage.database import as_utc
from bot.storage.schema import digest_runs, posts

POSTED = ("pending", "sent", "unknown")
DIGESTED = ("sent", "quiet", "empty", "unknown")
# A story a digest offered but left out for better ones: not posted, and not new again until it grows.
PASSED = "passed"
# Passed-over records older than this are pruned: their stories have left the 48-hour story window.
PASSED_KEPT = timedelta(days=7)


@dataclass(frozen=True)
class PostedState:
    """What a channel has already been shown: story keys and the articles in those stories."""

    keys: frozenset[str]
    article_ids: frozenset[str]

    def covers(self, key: str, article_ids: Sequence[str]) -> bool:
        """Already posted: same key, or most of its articles were in posted stories (re-clustered)."""
        if key in self.keys:
            return True
        seen = sum(1 for a in article_ids if a in self.article_ids)
        return bool(article_ids) and seen * 2 > len(article_ids)


@dataclass(frozen=True)
class PassedOver:
    """Stories a channel's digests left out for better ones: story key → its articles at the time."""

    articles: dict[str, frozenset[str]]

    def unchanged(self, key: str, article_ids: Sequence[str]) -> bool:
        """Passed over before and no article added since: not new."""
        seen = self.articles.get(key)
        return seen is not None and set(article_ids) <= seen


def passed_over(conn: Connection, platform: str, channel_id: str) -> PassedOver:
    """Stories passed over by the channel's digests that went out (one still posting has not yet)."""
    rows = conn.execute(
        select(posts.c.story_key, posts.c.article_ids)
        .join(digest_runs, digest_runs.c.id == posts.c.run_id)
        .where(
            (posts.c.platform == platform)
            & (posts.c.channel_id == channel_id)
            & (posts.c.status == PASSED)
            & digest_runs.c.status.in_(DIGESTED)
        )
    ).all()
    return PassedOver({k: frozenset(json.loads(ids)) for k, ids in rows})


def first_digest_at(conn: Connection, platform: str, channel_id: str) -> datetime | None:
    """When the channel's first digest that went out (or had nothing to say) started."""
    value = conn.execute(
        select(func.min(digest_runs.c.started_at)).where(
            (digest_runs.c.platform == platform)
            & (digest_runs.c.channel_id == channel_id)
            & digest_runs.c.status.in_(DIGESTED)
        )
    ).scalar()
    return as_utc(value)


def claim_run(conn: Connection, platform: str, channel_id: str, slot: datetime, now: datetime) -> int | None:
    """Claim the digest ``slot`` for a channel; ``None`` when another run (or process) already has it."""
    where = (
        (digest_runs.c.platform == platform) & (digest_runs.c.channel_id == channel_id) & (digest_runs.c.slot == slot)
    )
    if conn.execute(select(digest_runs.c.id).where(where)).first():
        return None
    result = conn.execute(
        digest_runs.insert().values(
            platform=platform, channel_id=channel_id, slot=slot, status="running", stories=0, started_at=now
        )
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def posted_state(conn: Connection, platform: str, channel_id: str) -> PostedState:
    rows = conn.execute(
        select(posts.c.story_key, posts.c.article_ids).where(
            (posts.c.platform == platform) & (posts.c.channel_id == channel_id) & posts.c.status.in_(POSTED)
        )
    ).all()
    return PostedState(frozenset(k for k, _ in rows), frozenset(a for _, ids in rows for a in json.loads(ids)))


def last_digest_at(conn: Connection, platform: str, channel_id: str) -> datetime | None:
    """When the channel's last digest that went out (or had nothing to say) started."""
    value = conn.execute(
        select(func.max(digest_runs.c.started_at)).where(
            (digest_runs.c.platform == platform)
            & (digest_runs.c.channel_id == channel_id)
            & digest_runs.c.status.in_(DIGESTED)
        )
    ).scalar()
    return as_utc(value)


def add_pending(
    conn: Connection,
    run_id: int,
    platform: str,
    channel_id: str,
    chosen: Sequence[tuple[str, list[str]]],
    now: datetime,
    passed: Sequence[tuple[str, list[str]]] = (),
) -> None:
    """Record the intent to post ``chosen`` (story key, article ids) in this run, and the stories it
    ``passed`` over for them (released with the run if it fails, like the chosen ones)."""
    channel = (posts.c.platform == platform) & (posts.c.channel_id == channel_id)
    keys = [key for key, _ in [*chosen, *passed]]
    if keys:  # a story passed over before and offered again (it grew): its old record gives way
        conn.execute(posts.delete().where(channel & (posts.c.status == PASSED) & posts.c.story_key.in_(keys)))
    conn.execute(posts.delete().where(channel & (posts.c.status == PASSED) & (posts.c.posted_at < now - PASSED_KEPT)))
    rows = [(key, ids, "pending") for key, ids in chosen] + [(key, ids, PASSED) for key, ids in passed]
    if rows:
        conn.execute(
            posts.insert(),
            [
                {
                    "platform": platform,
                    "channel_id": channel_id,
                    "story_key": key,
                    "run_id": run_id,
                    "article_ids": json.dumps(ids),
                    "status": status,
                    "posted_at": now,
                }
                for key, ids, status in rows
            ],
        )
    conn.execute(digest_runs.update().where(digest_runs.c.id == run_id).values(stories=len(chosen)))


def finish_run(conn: Connection, run_id: int, status: str, now: datetime) -> None:
    """The publisher returned (the run's posts are sent) or never confirmed (``unknown``: still counted)."""
    post_status = "unknown" if status == "unknown" else "sent"
    conn.execute(
        posts.update()
        .where((posts.c.run_id == run_id) & (posts.c.status == "pending"))
        .values(status=post_status, posted_at=now)
    )
    conn.execute(digest_runs.update().where(digest_runs.c.id == run_id).values(status=status, finished_at=now))


def fail_run(conn: Connection, run_id: int, now: datetime) -> None:
    """The publisher raised: nothing went out, so release the stories for the next digest."""
    conn.execute(posts.delete().where(posts.c.run_id == run_id))
    conn.execute(digest_runs.update().where(digest_runs.c.id == run_id).values(status="failed", finished_at=now))


def recover_interrupted(conn: Connection, now: datetime, older_than: timedelta = timedelta(minutes=10)) -> int:
    """Runs a killed process left ``running``: mark them and their posts ``unknown`` (never re-sent)."""
    stale = [
        rid
        for (rid,) in conn.execute(
            select(digest_runs.c.id).where(
                (digest_runs.c.status == "running") & (digest_runs.c.started_at < now - older_than)
            )
        )
    ]
    if stale:
        conn.execute(
            posts.update().where(posts.c.run_id.in_(stale) & (posts.c.status == "pending")).values(status="unknown")
        )
        conn.execute(digest_runs.update().where(digest_runs.c.id.in_(stale)).values(status="unknown", finished_at=now))
    return len(stale)


def posted_story_keys(conn: Connection, platform: str, channel_id: str) -> list[str]:
    """Story keys posted to a channel, oldest first (for tests and reports)."""
    rows = conn.execute(
        select(posts.c.story_key)
        .where((posts.c.platform == platform) & (posts.c.channel_id == channel_id) & posts.c.status.in_(POSTED))
        .order_by(posts.c.id)
    )
    return [k for (k,) in rows]


@dataclass(frozen=True)
class DigestRun:
    """One recorded digest run, as ``newsbrief deliveries`` lists it."""

    platform: str
    channel_id: str
    slot: datetime
    status: str
    stories: int
    started_at: datetime
    finished_at: datetime | None


def recent_runs(
    conn: Connection, platform: str | None = None, channel_id: str | None = None, limit: int = 20
) -> list[DigestRun]:
    """The newest ``limit`` digest runs (of one channel when ``platform`` and ``channel_id`` are given)."""
    query = select(digest_runs).order_by(digest_runs.c.started_at.desc(), digest_runs.c.id.desc()).limit(limit)
    if platform is not None and channel_id is not None:
        query = query.where((digest_runs.c.platform == platform) & (digest_runs.c.channel_id == channel_id))
    return [
        DigestRun(
            r.platform,
            r.channel_id,
            as_utc(r.slot) or r.slot,
            r.status,
            r.stories,
            as_utc(r.started_at) or r.started_at,
            as_utc(r.finished_at),
        )
        for r in conn.execute(query)
    ]
