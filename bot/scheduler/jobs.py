"""The job functions the job store refers to by name; their stored arguments are plain (platform, channel id).

The scheduler's executor (:mod:`bot.scheduler.executor`) passes the :class:`JobRuntime` it owns as the
``runtime`` keyword; a job for a channel no longer in the configuration, or without a publisher, logs and
does nothing.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from bot.config.model import NewsbriefConfig, effective_settings
from bot.digest import DigestOutcome, Publisher, run_digest
from bot.feeds.ingest import IngestReport, ingest_once
from bot.scheduler.slots import due_slot
from bot.storage.database import Database, utcnow
from bot.threads.follow import follow_stories
from summarizer.brief import BriefSettings

log = logging.getLogger("newsbrief.scheduler")


@dataclass
class JobRuntime:
    """What the jobs need that cannot be pickled into the job store; owned by one scheduler.

    ``publishers`` is the caller's mapping, read when a job runs (an adapter that logs in late adds
    its publisher there).
    """

    db: Database
    config: Callable[[], NewsbriefConfig]
    publishers: Mapping[str, Publisher] = field(default_factory=dict)
    on_ingest: Callable[[IngestReport | None], None] | None = None  # None: the pass failed


def _given(runtime: JobRuntime | None) -> JobRuntime:
    # keyword with a default only because APScheduler checks the stored arguments against the signature
    if runtime is None:
        raise RuntimeError(
            "scheduler jobs run through bot.scheduler.executor.RuntimeExecutor, which passes the runtime"
        )
    return runtime


async def digest_job(platform: str, channel_id: str, *, runtime: JobRuntime | None = None) -> DigestOutcome | None:
    """Post one channel's digest for the slot that is due now."""
    runtime = _given(runtime)
    config = runtime.config()
    channel = config.channel(platform, channel_id)
    publisher = runtime.publishers.get(platform)
    if channel is None or publisher is None:
        why = "is not in the configuration" if channel is None else "has no publisher"
        log.warning("digest %s:%s skipped: the channel %s", platform, channel_id, why)
        return None
    settings = effective_settings(config, platform, channel_id)
    slot = due_slot(channel.schedule, settings.timezone, utcnow())
    d = config.defaults
    built_with = BriefSettings(sentences=d.brief_sentences, words=d.brief_words, algorithm=d.algorithm)
    outcome = await run_digest(runtime.db, publisher, platform, channel_id, settings, slot, built_with)
    log.info(
        "digest %s:%s at %s: %s (%d stories)", platform, channel_id, slot.isoformat(), outcome.status, outcome.stories
    )
    return outcome


async def _follow(runtime: JobRuntime) -> None:
    try:
        followed = await follow_stories(runtime.db, runtime.config(), runtime.publishers)
    except Exception:
        error_id = uuid.uuid4().hex[:8]
        log.exception("story updates failed (error id %s); the next ingest will try again", error_id)
        return
    if followed.followed:
        log.info(
            "story updates: %d posted, %d unconfirmed, %d refused", followed.posted, followed.unknown, followed.failed
        )


async def ingest_job(*, runtime: JobRuntime | None = None) -> IngestReport | None:
    """One ingest pass; ``on_ingest`` lets the composition root refresh the stories commands answer from."""
    runtime = _given(runtime)
    try:
        report = await ingest_once(runtime.config(), runtime.db)
    except Exception:
        error_id = uuid.uuid4().hex[:8]
        log.exception("ingest failed (error id %s); the next pass will try again", error_id)
        if runtime.on_ingest is not None:
            await asyncio.to_thread(runtime.on_ingest, None)
        return None
    if runtime.on_ingest is not None:
        await asyncio.to_thread(runtime.on_ingest, report)  # e.g. reload stories: off the event loop
    if report.built is not None:  # the stories were rebuilt: tell the followed ones' threads what changed
        await _follow(runtime)
    log.info(
        "ingest: %d feeds ok, %d failed, %d new articles, %d new stories",
        report.feeds_ok,
        report.feeds_failed,
        report.new_articles,
        report.new_stories,
    )
    return report
