"""Which scheduled time a digest run belongs to, so every process names the same slot."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

_LOOKBACKS = (timedelta(minutes=2), timedelta(days=1), timedelta(days=8), timedelta(days=32), timedelta(days=367))


def cron_trigger(expr: str, timezone: str) -> CronTrigger:
    return CronTrigger.from_crontab(expr, timezone=ZoneInfo(timezone))


def due_slot(expr: str, timezone: str, now: datetime) -> datetime:
    """The latest time at or before ``now`` that the cron ``expr`` fires (``now`` itself if none in a year)."""
    trigger = cron_trigger(expr, timezone)
    for back in _LOOKBACKS:
        fire = trigger.get_next_fire_time(None, now - back)
        if fire is None or fire > now:
            continue
        latest = fire
        while True:
            following = trigger.get_next_fire_time(latest, latest + timedelta(seconds=1))
            if following is None or following > now:
                result: datetime = latest
                return result
            latest = following
    return now.replace(second=0, microsecond=0)
