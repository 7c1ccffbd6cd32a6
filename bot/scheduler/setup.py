"""Build the scheduler on the database's job store and keep its jobs in step with the configuration."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta

from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.config.model import NewsbriefConfig, effective_settings
from bot.digest import Publisher
from bot.feeds.ingest import IngestReport
from bot.scheduler import jobs
from bot.scheduler.executor import RuntimeExecutor
from bot.scheduler.jobs import JobRuntime
from bot.scheduler.slots import cron_trigger
from bot.storage.database import Database, utcnow
from bot.storage.posts import recover_interrupted

log = logging.getLogger("newsbrief.scheduler")

DIGEST_PREFIX = "digest:"
INGEST_JOB = "ingest"
# A digest missed while the bot was down is still posted if the bot is back within this many seconds;
# coalesce=True makes several missed runs one. Older than that, the channel waits for its next slot.
MISFIRE_GRACE = 12 * 3600


def digest_job_id(platform: str, channel_id: str) -> str:
    return f"{DIGEST_PREFIX}{platform}:{channel_id}"


class RuntimeScheduler(AsyncIOScheduler):  # type: ignore[misc]
    """An asyncio scheduler that owns the runtime its jobs run against (see :mod:`bot.scheduler.executor`)."""

    def __init__(self, runtime: JobRuntime, **options: object) -> None:
        self.runtime = runtime
        self.executor = RuntimeExecutor(runtime)
        super().__init__(executors={"default": self.executor}, **options)


def build_scheduler(runtime: JobRuntime, *, digests: bool = True) -> RuntimeScheduler:
    """A scheduler whose digest jobs persist in the runtime's database (table ``apscheduler_jobs``).

    With ``digests=False`` the stored jobs are not loaded at all (so none fires, and none loses its catch-up run).
    """
    default = SQLAlchemyJobStore(engine=runtime.db.new_engine()) if digests else MemoryJobStore()
    return RuntimeScheduler(
        runtime,
        jobstores={"default": default, "local": MemoryJobStore()},
        job_defaults={"coalesce": True, "misfire_grace_time": MISFIRE_GRACE, "max_instances": 1},
        timezone="UTC",
    )


def _same(trigger: BaseTrigger, other: BaseTrigger) -> bool:
    return (
        type(trigger) is type(other)
        and str(trigger) == str(other)
        and str(getattr(trigger, "timezone", "")) == str(getattr(other, "timezone", ""))
    )


def sync_jobs(scheduler: AsyncIOScheduler, config: NewsbriefConfig, *, digests: bool = True) -> dict[str, list[str]]:
    """Add, reschedule and remove jobs to match ``config``; unchanged jobs keep their next run time
    (so a digest missed while the bot was down still gets its one catch-up run). ``digests=False``: ingest only."""
    changes: dict[str, list[str]] = {"added": [], "rescheduled": [], "removed": []}
    wanted: set[str] = set()
    for channel in config.channels if digests else []:
        job_id = digest_job_id(channel.platform, channel.channel_id)
        wanted.add(job_id)
        tz = effective_settings(config, channel.platform, channel.channel_id).timezone
        _ensure(
            scheduler,
            job_id,
            cron_trigger(channel.schedule, tz),
            jobs.digest_job,
            [channel.platform, channel.channel_id],
            "default",
            changes,
        )
    for job in scheduler.get_jobs(jobstore="default") if digests else []:
        if job.id.startswith(DIGEST_PREFIX) and job.id not in wanted:
            scheduler.remove_job(job.id, jobstore="default")
            changes["removed"].append(job.id)
    interval = IntervalTrigger(minutes=config.bot.ingest_interval_minutes, timezone="UTC")
    _ensure(scheduler, INGEST_JOB, interval, jobs.ingest_job, [], "local", changes, first_run=utcnow())
    return changes


def _ensure(
    scheduler: AsyncIOScheduler,
    job_id: str,
    trigger: BaseTrigger,
    func: Callable[..., object],
    args: list[str],
    store: str,
    changes: dict[str, list[str]],
    first_run: datetime | None = None,
) -> None:
    existing = scheduler.get_job(job_id, jobstore=store)
    if existing is not None and _same(existing.trigger, trigger):
        return
    if existing is not None:
        scheduler.reschedule_job(job_id, jobstore=store, trigger=trigger)
        changes["rescheduled"].append(job_id)
        return
    extra = {"next_run_time": first_run} if first_run is not None else {}
    scheduler.add_job(func, trigger, id=job_id, name=job_id, args=args, jobstore=store, replace_existing=True, **extra)
    changes["added"].append(job_id)


async def start_scheduler(
    config: NewsbriefConfig | Callable[[], NewsbriefConfig],
    db: Database,
    publishers: Mapping[str, Publisher],
    *,
    on_ingest: Callable[[IngestReport | None], None] | None = None,
    digests: bool = True,
) -> RuntimeScheduler:
    """Start digests and ingest in the running event loop (``digests=False``: ingest only, for checks).

    ``config`` is the configuration or a function returning the current one (e.g. ``lambda: store.config``);
    after a config change call ``sync_jobs(scheduler, new_config)``. ``publishers`` is read when a job
    runs, so an adapter that logs in later adds its publisher to the same mapping.
    """
    provider = config if callable(config) else (lambda: config)
    runtime = JobRuntime(db=db, config=provider, publishers=publishers, on_ingest=on_ingest)
    stale = await asyncio.to_thread(_recover, db)
    if stale:
        log.warning("%d digest run(s) were interrupted by a crash; their stories count as posted", stale)
    scheduler = build_scheduler(runtime, digests=digests)
    scheduler.start()
    sync_jobs(scheduler, provider(), digests=digests)
    return scheduler


async def stop_scheduler(scheduler: RuntimeScheduler, timeout: float = 60) -> None:
    """Stop starting jobs, let the running ones finish (up to ``timeout`` seconds), then shut down."""
    if scheduler.running:
        scheduler.pause()
    # Running jobs finish, so a shutdown never abandons a transaction in a worker thread.
    running = [t for t in scheduler.executor.running if not t.done()]
    if running:
        await asyncio.wait(running, timeout=timeout)
    if scheduler.running:
        scheduler.shutdown(wait=False)
        # AsyncIOScheduler.shutdown runs on the next loop turn: let it, so the job store disposes its
        # engine now and not never (a loop closed first leaves its pooled connections to the GC).
        await asyncio.sleep(0)


def _recover(db: Database) -> int:
    with db.transaction() as conn:
        return recover_interrupted(conn, utcnow(), older_than=timedelta(minutes=10))
