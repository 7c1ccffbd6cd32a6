"""The scheduler on the database's job store: jobs follow the config, digests fire on time and once."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.config.model import NewsbriefConfig
from bot.feeds.ingest import IngestReport
from bot.scheduler import build_scheduler, start_scheduler, stop_scheduler, sync_jobs
from bot.scheduler.jobs import JobRuntime
from bot.scheduler.setup import RuntimeScheduler
from bot.scheduler.slots import due_slot
from bot.storage import Database
from bot.storage.database import utcnow
from tests.feeds.loopback import FeedServer
from tests.publishers import RecordingPublisher

JOB = "digest:discord:100"


def config_for(server: FeedServer | None, **channel: Any) -> NewsbriefConfig:
    sources = []
    if server is not None:
        sources = [
            {"name": "harbor", "outlet": "Harbor Gazette", "feed": server.url("/harbor/feed.rss")},
            {"name": "valley", "outlet": "Valley Ledger", "feed": server.url("/valley/feed.atom")},
        ]
    entry = {"platform": "discord", "channel_id": "100", "schedule": "* * * * *", **channel}
    return NewsbriefConfig.model_validate(
        {"bot": {"allow_private_sources": True}, "sources": sources, "channels": [entry]}
    )


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        srv.serve_fixtures()
        yield srv


async def until(predicate: Any, timeout: float = 10) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        assert asyncio.get_running_loop().time() < deadline, "timed out waiting"
        await asyncio.sleep(0.02)


async def start(
    config: NewsbriefConfig, db: Database, pub: RecordingPublisher, ingests: list[IngestReport]
) -> RuntimeScheduler:
    return await start_scheduler(config, db, {"discord": pub}, on_ingest=ingests.append)


async def test_sync_jobs_follows_the_config(db: Database) -> None:
    scheduler = build_scheduler(JobRuntime(db, NewsbriefConfig))
    scheduler.start(paused=True)
    try:
        first = sync_jobs(scheduler, config_for(None, schedule="0 8 * * *", timezone="Europe/Stockholm"))
        assert first == {"added": [JOB, "ingest"], "rescheduled": [], "removed": []}
        job = scheduler.get_job(JOB)
        assert str(job.trigger.timezone) == "Europe/Stockholm" and job.next_run_time.hour == 8
        assert sync_jobs(scheduler, config_for(None, schedule="0 8 * * *", timezone="Europe/Stockholm")) == {
            "added": [],
            "rescheduled": [],
            "removed": [],
        }
        changed = sync_jobs(scheduler, config_for(None, schedule="30 7 * * mon-fri", timezone="Europe/Stockholm"))
        assert changed["rescheduled"] == [JOB]
        assert scheduler.get_job(JOB).next_run_time.strftime("%H:%M %a") in {
            f"07:30 {d}" for d in ("Mon", "Tue", "Wed", "Thu", "Fri")
        }
        emptied = sync_jobs(scheduler, NewsbriefConfig())
        assert emptied["removed"] == [JOB] and scheduler.get_job(JOB) is None
    finally:
        await stop_scheduler(scheduler)


async def test_a_digest_fires_on_time_once_and_not_again_after_a_restart(db: Database, server: FeedServer) -> None:
    config, pub, ingests = config_for(server), RecordingPublisher(), []
    scheduler = await start(config, db, pub, ingests)
    try:
        await until(lambda: ingests)  # ingest runs as soon as the scheduler starts
        scheduler.modify_job(JOB, next_run_time=utcnow())  # the fast clock: the next minute is now
        await until(lambda: pub.posts)
    finally:
        await stop_scheduler(scheduler)
    assert ingests[0].new_articles == 6 and len(pub.posts) == 1
    first_titles = pub.story_titles()

    scheduler = await start(config, db, pub, ingests)  # same job store, same database
    try:
        assert scheduler.get_job(JOB) is not None
        scheduler.modify_job(JOB, next_run_time=utcnow())
        await until(lambda: len(ingests) == 2)
        await asyncio.sleep(0.3)
    finally:
        await stop_scheduler(scheduler)
    assert len(pub.posts) == 1 and pub.story_titles() == first_titles


async def test_a_bot_that_was_down_posts_one_catch_up_digest(db: Database, server: FeedServer) -> None:
    config, pub, ingests = config_for(server, schedule="0 * * * *"), RecordingPublisher(), []
    scheduler = await start(config, db, pub, ingests)
    await until(lambda: ingests)
    scheduler.modify_job(JOB, next_run_time=utcnow() - timedelta(hours=3))  # three hourly runs were missed
    await stop_scheduler(scheduler)

    scheduler = await start(config, db, pub, ingests)
    try:
        await until(lambda: pub.posts and len(ingests) == 2)
        await asyncio.sleep(0.3)
        next_run = scheduler.get_job(JOB).next_run_time
    finally:
        await stop_scheduler(scheduler)
    assert len(pub.posts) == 1
    assert next_run > utcnow() and next_run.minute == 0


def test_due_slot_is_the_latest_scheduled_time() -> None:
    now = datetime(2026, 11, 24, 8, 40, tzinfo=UTC)  # 09:40 in Stockholm
    assert due_slot("0 8 * * *", "Europe/Stockholm", now) == datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
    assert due_slot("*/15 * * * *", "UTC", now) == datetime(2026, 11, 24, 8, 30, tzinfo=UTC)
    assert due_slot("0 8 * * mon", "UTC", now) == datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # Nov 24 2026 is a Tuesday
    assert due_slot("0 8 1 1 *", "UTC", now) == datetime(2026, 1, 1, 8, 0, tzinfo=UTC)


async def test_a_check_run_posts_no_digest_and_keeps_the_missed_one_due(db: Database, server: FeedServer) -> None:
    config, pub, ingests = config_for(server, schedule="0 * * * *"), RecordingPublisher(), []
    scheduler = await start(config, db, pub, ingests)
    await until(lambda: ingests)
    scheduler.modify_job(JOB, next_run_time=utcnow() - timedelta(hours=3))  # a digest was missed
    await stop_scheduler(scheduler)

    check = await start_scheduler(config, db, {"discord": pub}, on_ingest=ingests.append, digests=False)  # run --once
    try:
        await until(lambda: len(ingests) == 2)
        await asyncio.sleep(0.3)
        assert check.get_job(JOB) is None
    finally:
        await stop_scheduler(check)
    assert pub.posts == []

    scheduler = await start(config, db, pub, ingests)  # the next real run still posts the one catch-up
    try:
        await until(lambda: pub.posts)
    finally:
        await stop_scheduler(scheduler)
    assert len(pub.posts) == 1
