"""Scheduled work: a digest job per channel from its cron and timezone, and ingest on an interval."""

from bot.scheduler.setup import build_scheduler, start_scheduler, stop_scheduler, sync_jobs

__all__ = ["build_scheduler", "start_scheduler", "stop_scheduler", "sync_jobs"]
