"""After an ingest: post one short update in the thread of each followed story that changed for readers.

Same rules as digests: the update is claimed (committed) before the platform is called and counts as
posted from then on; only a refusal releases it. A story gets at most one update per story build, and
the same change is never announced twice (unique per build and per change fingerprint).
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError

from bot.config.model import NewsbriefConfig, effective_settings
from bot.service import FAILED, delivery_outcome
from bot.storage.database import Database, utcnow
from bot.storage.stories import BUILT_THROUGH, StoredStory, current_stories, get_meta
from bot.storage.threads import (
    FollowedPost,
    ThreadRoot,
    claim_update,
    finish_update,
    followed_posts,
    recover_updates,
    release_update,
    set_roots,
)
from bot.threads.changes import Snapshot, changes_between, changes_to_json, fingerprint, update_lines
from bot.threads.publish import ThreadPublisher
from summarizer.models import Story

log = logging.getLogger("newsbrief.threads")


def record_roots(
    db: Database, platform: str, channel_id: str, chosen: Sequence[StoredStory], roots: Sequence[ThreadRoot]
) -> None:
    """Store each posted story's root and thread, with the snapshot of the story as built at ingest."""
    with db.transaction() as conn:
        built = {s.key: s for s in current_stories(conn)}
        rows = [
            (s.key, root, Snapshot.of(built.get(s.key, s).story).to_json())
            for s, root in zip(chosen, roots, strict=False)
        ]
        set_roots(conn, platform, channel_id, rows)


@dataclass(frozen=True)
class PlannedUpdate:
    """A claimed update, ready to post."""

    update_id: int
    post: FollowedPost
    lines: list[str]
    story: Story


@dataclass
class FollowReport:
    """What one pass did: stories followed, updates posted, unconfirmed (count as posted) or refused."""

    followed: int = 0
    posted: int = 0
    unknown: int = 0
    failed: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


def _longest_follow(config: NewsbriefConfig) -> int:
    hours = [config.defaults.follow_hours]
    hours += [effective_settings(config, c.platform, c.channel_id).follow_hours for c in config.channels]
    hours += [w.follow_hours for w in config.workspaces.values() if w.follow_hours]
    return max(hours)


def _match(
    post: FollowedPost, by_key: dict[str, StoredStory], by_article: dict[str, StoredStory]
) -> StoredStory | None:
    """The story the post became: same key, or the story holding most of its articles (re-clustered)."""
    if post.story_key in by_key:
        return by_key[post.story_key]
    counts: dict[str, int] = {}
    for aid in post.article_ids:
        story = by_article.get(aid)
        if story is not None:
            counts[story.key] = counts.get(story.key, 0) + 1
    best = max(counts.items(), key=lambda kv: kv[1], default=None)
    return by_key[best[0]] if best and best[1] * 2 > len(post.article_ids) else None


def _claim_all(db: Database, config: NewsbriefConfig, platforms: set[str], now: datetime) -> list[PlannedUpdate]:
    since = now - timedelta(hours=_longest_follow(config))
    with db.transaction() as conn:
        recover_updates(conn, now)
        followed = [p for p in followed_posts(conn, since) if p.platform in platforms]
        if not followed:
            return []
        stories = current_stories(conn)
        built_through = int(get_meta(conn, BUILT_THROUGH) or 0)
        by_key = {s.key: s for s in stories}
        by_article = {aid: s for s in stories for aid in s.article_ids}
        planned: list[PlannedUpdate] = []
        for post in followed:
            settings = effective_settings(config, post.platform, post.channel_id)
            if not settings.threads or post.posted_at < now - timedelta(hours=settings.follow_hours):
                continue
            story = _match(post, by_key, by_article)
            if story is None or post.snapshot is None:
                continue
            new = Snapshot.of(story.story)
            changes = changes_between(Snapshot.from_json(post.snapshot), new)
            if not changes:
                continue  # noise (a re-crawled page, a re-ranked brief): nothing to tell
            if not db.try_lock(conn, f"update:{post.platform}:{post.channel_id}:{post.story_key}"):
                continue
            update_id = claim_update(
                conn,
                post,
                built_through=built_through,
                fingerprint=fingerprint(changes),
                changes=changes_to_json(changes),
                snapshot=new.to_json(),
                article_ids=story.article_ids,
                now=now,
            )
            if update_id is not None:
                planned.append(PlannedUpdate(update_id, post, update_lines(changes), story.story))
    return planned


def claim_updates(db: Database, config: NewsbriefConfig, platforms: set[str], now: datetime) -> list[PlannedUpdate]:
    """Claim (commit) the updates to post now; another process claiming the same ones at once loses cleanly."""
    try:
        return _claim_all(db, config, platforms, now)
    except IntegrityError:  # another process committed the same claims first: what is left is theirs
        return _claim_all(db, config, platforms, now)


def _settle(db: Database, planned: PlannedUpdate, outcome: str) -> None:
    with db.transaction() as conn:
        if outcome == FAILED:
            release_update(conn, planned.update_id, planned.post.post_id)
        else:
            finish_update(conn, planned.update_id, outcome, utcnow())


async def _post_channel(
    db: Database, publisher: ThreadPublisher, updates: list[PlannedUpdate], report: FollowReport
) -> None:
    for planned in updates:  # one channel's updates in order, so a busy channel is not flooded at once
        error: BaseException | None = None
        try:
            await publisher.post_update(planned.post.channel_id, planned.post.root, planned.lines, planned.story)
        except Exception as exc:
            error = exc
            error_id = uuid.uuid4().hex[:8]
            log.error(
                "update of story %s in %s:%s did not go through (error id %s)",
                planned.post.story_key,
                planned.post.platform,
                planned.post.channel_id,
                error_id,
                exc_info=exc,
            )
        outcome = delivery_outcome(error)
        if outcome is None:
            continue
        await asyncio.to_thread(_settle, db, planned, outcome)
        report.posted += outcome == "sent"
        report.unknown += outcome == "unknown"
        report.failed += outcome == FAILED


async def follow_stories(
    db: Database, config: NewsbriefConfig, publishers: Mapping[str, object], now: datetime | None = None
) -> FollowReport:
    """Post the updates due after the stories were rebuilt; channels are served concurrently."""
    report = FollowReport()
    usable = {name: p for name, p in publishers.items() if isinstance(p, ThreadPublisher)}
    if not usable:
        return report
    planned = await asyncio.to_thread(claim_updates, db, config, set(usable), now or utcnow())
    report.followed = len(planned)
    by_channel: dict[tuple[str, str], list[PlannedUpdate]] = {}
    for p in planned:
        by_channel.setdefault((p.post.platform, p.post.channel_id), []).append(p)
    await asyncio.gather(
        *(_post_channel(db, usable[platform], ups, report) for (platform, _), ups in by_channel.items())
    )
    return report
