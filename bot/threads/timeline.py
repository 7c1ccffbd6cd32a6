"""A story's life in a few lines: first report, outlets joining, figures revised, in the channel's timezone.

Derived from the stored articles (outlet, first seen, published) and the updates posted in threads;
without a database (``newsbrief chat`` over files) from the articles' published times alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.config.model import NewsbriefConfig, effective_settings
from bot.storage.articles import first_seen
from bot.storage.database import Database
from bot.storage.schema import stories as stories_table
from bot.storage.threads import updates_for
from bot.threads.changes import changes_from_json
from summarizer.documents import TimelineDocument, TimelineEntry, TimelineEvent
from summarizer.models import Story

MAX_EVENTS = 12  # "a few lines": the rest are counted in one closing line


@dataclass(frozen=True)
class Event:
    """One line of a timeline."""

    at: datetime
    text: str
    kind: str  # first, joined, again, revised, disagree, fact


def parse_time(text: str | None) -> datetime | None:
    """An article's ``published`` as an aware datetime (ISO 8601 or RFC 2822), or None."""
    if not text:
        return None
    for parse in (datetime.fromisoformat, parsedate_to_datetime):
        try:
            value = parse(text.strip())
        except (ValueError, TypeError, IndexError):
            continue
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return None


def article_events(story: Story, seen: dict[str, datetime]) -> list[Event]:
    """First report, each outlet joining, and later articles of an outlet already counted."""
    timed = []
    for a in story.articles:
        at = parse_time(a.published) or seen.get(a.id)
        if at is not None:
            timed.append((at, a.outlet))
    timed.sort()
    events: list[Event] = []
    outlets: set[str] = set()
    for at, outlet in timed:
        if not events:
            events.append(Event(at, f"First report: {outlet}", "first"))
        elif outlet not in outlets:
            events.append(Event(at, f"{outlet} reports it ({len(outlets) + 1} outlets)", "joined"))
        else:
            events.append(Event(at, f"{outlet} publishes again", "again"))
        outlets.add(outlet)
    return events


def update_events(changes_json: str, at: datetime) -> list[Event]:
    """The figure changes an update announced (outlets joining come from the articles themselves)."""
    events = []
    for c in changes_from_json(changes_json):
        if c.kind == "revised":
            events.append(Event(at, f"{c.outlet} revises {c.figure}: {c.before} → {c.value}", c.kind))
        elif c.kind == "disagree":
            events.append(Event(at, f"Outlets disagree on {c.figure}: {c.value}", c.kind))
        elif c.kind == "joined" and c.value:
            events.append(Event(at, f"{c.outlet} gives {c.value} for {c.figure}; the others {c.others}", "disagree"))
        elif c.kind == "fact":
            events.append(Event(at, f"Several outlets now report {c.value}", c.kind))
    return events


def _when(at: datetime, zone: ZoneInfo) -> str:
    return at.astimezone(zone).strftime("%a %d %b %H:%M")


def timeline_entry(story: Story, events: list[Event], timezone: str) -> TimelineEntry:
    """One story's timeline as data: times in ``timezone``, oldest first, at most MAX_EVENTS lines."""
    zone = ZoneInfo(timezone)
    ordered = sorted(events, key=lambda e: e.at)
    shown = ordered[:MAX_EVENTS]
    lines = [TimelineEvent(at=e.at.astimezone(zone).isoformat(), when=_when(e.at, zone), text=e.text) for e in shown]
    return TimelineEntry(
        story_id=story.id, title=story.title, timezone=timezone, events=lines, more=len(ordered) - len(shown)
    )


class Timelines:
    """Builds ``timeline`` documents; with a database, from stored articles and thread updates."""

    def __init__(
        self,
        db: Database | None = None,
        config: Callable[[], NewsbriefConfig] | None = None,
        timezone: str | None = None,
    ) -> None:
        self.db = db
        self.config = config
        self.timezone = timezone

    def zone(self, platform: str | None, channel_id: str | None, workspace: str | None) -> str:
        """The channel's timezone (the one its schedule uses), else the given one, else UTC."""
        if self.config is not None and platform and channel_id:
            return effective_settings(self.config(), platform, channel_id, workspace).timezone
        if self.timezone:
            return self.timezone
        return self.config().defaults.timezone if self.config is not None else "UTC"

    def events(self, story: Story) -> list[Event]:
        if self.db is None:
            return article_events(story, {})
        ids = [a.id for a in story.articles]
        with self.db.read() as conn:
            seen = {aid: at for aid, (_seq, at) in first_seen(conn, ids).items()}
            key = conn.execute(select(stories_table.c.story_key).where(stories_table.c.story_id == story.id)).scalar()
            records = updates_for(conn, [key]) if key else []
        events = article_events(story, seen)
        told: set[str] = set()
        for record in records:  # the same change told in several channels is one event
            for event in update_events(record.changes, record.created_at):
                if event.text not in told:
                    told.add(event.text)
                    events.append(event)
        return events

    def document(
        self,
        stories: list[Story],
        topic: str | None,
        platform: str | None = None,
        channel_id: str | None = None,
        workspace: str | None = None,
    ) -> TimelineDocument:
        """The ``timeline`` document of ``stories`` (already matched to the topic)."""
        timezone = self.zone(platform, channel_id, workspace)
        entries = [timeline_entry(s, self.events(s), timezone) for s in stories]
        return TimelineDocument(topic=topic, timelines=entries)


def timeline_lines(entry: TimelineEntry) -> list[str]:
    """Plain lines of one story's timeline (renderers escape them for their platform)."""
    lines = [f"{e.when} — {e.text}" for e in entry.events]
    if entry.more:
        lines.append(f"…and {entry.more} more")
    if not entry.events:
        lines.append("No dated articles for this story.")
    return lines
