"""Thread roots of posted stories and the updates posted in their threads (claimed at most once)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, select

from bot.storage.database import as_utc
from bot.storage.posts import POSTED
from bot.storage.schema import posts, story_updates


@dataclass(frozen=True)
class ThreadRoot:
    """Where a story lives in a channel: its own message and the thread under it (ids as text)."""

    root_id: str
    thread_id: str


@dataclass(frozen=True)
class FollowedPost:
    """A story posted as a thread root, with what the channel was last told about it."""

    post_id: int
    platform: str
    channel_id: str
    story_key: str
    article_ids: list[str]
    root: ThreadRoot
    snapshot: str | None
    posted_at: datetime


def set_roots(conn: Connection, platform: str, channel_id: str, roots: Sequence[tuple[str, ThreadRoot, str]]) -> None:
    """Record (story key, root, snapshot JSON) for stories just posted to a channel."""
    for key, root, snapshot in roots:
        conn.execute(
            posts.update()
            .where((posts.c.platform == platform) & (posts.c.channel_id == channel_id) & (posts.c.story_key == key))
            .values(root_id=root.root_id, thread_id=root.thread_id or None, snapshot=snapshot)
        )


def followed_posts(conn: Connection, since: datetime) -> list[FollowedPost]:
    """Posts with a thread, posted since ``since`` (the longest ``follow_hours`` of any channel)."""
    rows = conn.execute(
        select(posts).where(posts.c.thread_id.is_not(None) & posts.c.status.in_(POSTED) & (posts.c.posted_at >= since))
    )
    return [
        FollowedPost(
            r.id,
            r.platform,
            r.channel_id,
            r.story_key,
            json.loads(r.article_ids),
            ThreadRoot(r.root_id, r.thread_id),
            r.snapshot,
            as_utc(r.posted_at),  # type: ignore[arg-type]
        )
        for r in rows
    ]


def claim_update(
    conn: Connection,
    post: FollowedPost,
    *,
    built_through: int,
    fingerprint: str,
    changes: str,
    snapshot: str,
    article_ids: list[str],
    now: datetime,
) -> int | None:
    """Claim posting ``changes`` in the post's thread; ``None`` when this build or this change was claimed
    already (here or by another process). From the claim on, the snapshot counts as told."""
    mine = (
        (story_updates.c.platform == post.platform)
        & (story_updates.c.channel_id == post.channel_id)
        & (story_updates.c.story_key == post.story_key)
    )
    taken = conn.execute(
        select(story_updates.c.id).where(
            mine & ((story_updates.c.built_through == built_through) | (story_updates.c.fingerprint == fingerprint))
        )
    ).first()
    if taken:
        return None
    result = conn.execute(
        story_updates.insert().values(
            platform=post.platform,
            channel_id=post.channel_id,
            story_key=post.story_key,
            built_through=built_through,
            fingerprint=fingerprint,
            status="pending",
            changes=changes,
            previous=post.snapshot,
            created_at=now,
        )
    )
    ids = sorted(set(post.article_ids) | set(article_ids))
    conn.execute(
        posts.update().where(posts.c.id == post.post_id).values(snapshot=snapshot, article_ids=json.dumps(ids))
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def advance_snapshot(conn: Connection, post: FollowedPost, snapshot: str) -> None:
    """The story changed in ways nobody needs telling about: remember it as told (no update row)."""
    conn.execute(posts.update().where(posts.c.id == post.post_id).values(snapshot=snapshot))


def finish_update(conn: Connection, update_id: int, status: str, now: datetime) -> None:
    """``sent`` or ``unknown`` (never confirmed: it still counts as posted, never re-sent)."""
    conn.execute(story_updates.update().where(story_updates.c.id == update_id).values(status=status, finished_at=now))


def release_update(conn: Connection, update_id: int, post_id: int) -> None:
    """The platform refused the update: nothing went out, so forget the claim and restore the snapshot."""
    row = conn.execute(select(story_updates.c.previous).where(story_updates.c.id == update_id)).first()
    if row is not None:
        conn.execute(posts.update().where(posts.c.id == post_id).values(snapshot=row.previous))
    conn.execute(story_updates.delete().where(story_updates.c.id == update_id))


def recover_updates(conn: Connection, now: datetime, older_than: timedelta = timedelta(minutes=10)) -> int:
    """Updates a killed process left ``pending``: mark them ``unknown`` (never re-sent)."""
    result = conn.execute(
        story_updates.update()
        .where((story_updates.c.status == "pending") & (story_updates.c.created_at < now - older_than))
        .values(status="unknown", finished_at=now)
    )
    return int(result.rowcount or 0)


@dataclass(frozen=True)
class UpdateRecord:
    """An update that went out (or may have): when, where, and its changes as JSON."""

    platform: str
    channel_id: str
    story_key: str
    status: str
    changes: str
    created_at: datetime


def updates_for(conn: Connection, story_keys: Sequence[str]) -> list[UpdateRecord]:
    """The updates of these stories, oldest first (for timelines)."""
    if not story_keys:
        return []
    rows = conn.execute(
        select(story_updates)
        .where(story_updates.c.story_key.in_(list(story_keys)) & story_updates.c.status.in_(POSTED))
        .order_by(story_updates.c.created_at, story_updates.c.id)
    )
    return [
        UpdateRecord(r.platform, r.channel_id, r.story_key, r.status, r.changes, as_utc(r.created_at))  # type: ignore[arg-type]
        for r in rows
    ]
