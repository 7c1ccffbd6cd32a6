"""The job functions the job store refers to by name; they take plain arguments only.

The composition root fills :data:`PUBLISHERS` (platform → publisher) and calls :func:`configure`
before the scheduler starts; a job that runs before that, or for a channel no longer in the
configuration, logs and does nothing.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

from bot.config.model import NewsbriefConfig, effective_settings
from bot.digest import DigestOutcome, Publisher, run_digest
from bot.feeds.ingest import IngestReport, ingest_once
from bot.scheduler.slots import due_slot
from bot.storage.database import Database, utcnow
from bot.threads.follow import follow_stories
from summarizer.brief import BriefSettings

log = logging.getLogger("newsbrief.scheduler")

PUBLISHERS: dict[str, Publisher] = {}
RUNNING: set[asyncio.Task[object]] = set()

P = ParamSpec("P")
R = TypeVar("R")


def _tracked(func: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
    # stop_scheduler waits for these, so a shutdown never abandons a transaction in a worker thread.
    @functools.wraps(func)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        task = asyncio.current_task()
        if task is not None:
            RUNNING.add(task)
        try:
            return await func(*args, **kwargs)
        finally:
            if task is not None:
                RUNNING.discard(task)

    return wrapper


@dataclass
class Runtime:
    """What the jobs need that cannot be pickled into the job store."""

    db: Database
    config: Callable[[], NewsbriefConfig]
    on_ingest: Callable[[IngestReport | None], None] | None = None  # None: the pass failed


_runtime: Runtime | None = None


def configure(runtime: Runtime | None) -> None:
    """Set (or with ``None`` clear) what the jobs run against."""
    global _runtime
    _runtime = runtime


@_tracked
async def digest_job(platform: str, channel_id: str) -> DigestOutcome | None:
    """Post one channel's digest for the slot that is due now."""
    if _runtime is None:
        log.warning("digest %s:%s fired before the scheduler was configured", platform, channel_id)
        return None
    config = _runtime.config()
    channel = config.channel(platform, channel_id)
    publisher = PUBLISHERS.get(platform)
    if channel is None or publisher is None:
        why = "is not in the configuration" if channel is None else "has no publisher"
        log.warning("digest %s:%s skipped: the channel %s", platform, channel_id, why)
        return None
    settings = effective_settings(config, platform, channel_id)
    slot = due_slot(channel.schedule, settings.timezone, utcnow())
    d = config.defaults
    built_with = BriefSettings(sentences=d.brief_sentences, words=d.brief_words, algorithm=d.algorithm)
    outcome = await run_digest(_runtime.db, publisher, platform, channel_id, settings, slot, built_with)
    log.info(
        "digest %s:%s at %s: %s (%d stories)", platform, channel_id, slot.isoformat(), outcome.status, outcome.stories
    )
    return outcome


async def _follow(db: Database, config: NewsbriefConfig) -> None:
    try:
        followed = await follow_stories(db, config, PUBLISHERS)
    except Exception:
        error_id = uuid.uuid4().hex[:8]
        log.exception("story updates failed (error id %s); the next ingest will try again", error_id)
        return
    if followed.followed:
        log.info(
            "story updates: %d posted, %d unconfirmed, %d refused", followed.posted, followed.unknown, followed.failed
        )


@_tracked
async def ingest_job() -> IngestReport | None:
    """One ingest pass; ``on_ingest`` lets the composition root refresh the stories commands answer from."""
    if _runtime is None:
        return None
    try:
        report = await ingest_once(_runtime.config(), _runtime.db)
    except Exception:
        error_id = uuid.uuid4().hex[:8]
        log.exception("ingest failed (error id %s); the next pass will try again", error_id)
        if _runtime.on_ingest is not None:
            await asyncio.to_thread(_runtime.on_ingest, None)
        return None
    if _runtime.on_ingest is not None:
        await asyncio.to_thread(_runtime.on_ingest, report)  # e.g. reload stories: off the event loop
    if report.built is not None:  # the stories were rebuilt: tell the followed ones' threads what changed
        await _follow(_runtime.db, _runtime.config())
    log.info(
        "ingest: %d feeds ok, %d failed, %d new articles, %d new stories",
        report.feeds_ok,
        report.feeds_failed,
        report.new_articles,
        report.new_stories,
    )
    return report
