"""One ingest pass: read every source within its budget, store each one's new articles as soon as it is read."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from bot.config.model import NewsbriefConfig, Source
from bot.feeds.fetch import Fetcher, FetchPolicy
from bot.feeds.read import SourceLimits, SourceOutcome, read_source
from bot.storage.analyses import store_analyses, stored_analyses
from bot.storage.articles import insert_articles, newest_seq, recent_articles
from bot.storage.database import Database, utcnow
from bot.storage.feed_state import FeedState, load_feed_states, record_error, record_ok, replace_retries
from bot.storage.stories import BUILT_THROUGH, count_stories, get_meta, replace_stories
from summarizer.analysis.analyse import analyse_articles
from summarizer.brief import BriefSettings
from summarizer.cleaning import DuplicateFilter
from summarizer.models import Problem, Story
from summarizer.pipeline import build_stories

log = logging.getLogger("newsbrief.ingest")

STORY_WINDOW = timedelta(hours=48)
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class IngestReport:
    """The summary ``newsbrief ingest`` prints."""

    feeds_ok: int
    feeds_failed: int
    not_modified: int
    new_articles: int
    new_stories: int
    stories: int
    errors: dict[str, str]
    problems: list[Problem]
    built: list[Story] | None = None  # the stories, when they were rebuilt in this pass
    notes: dict[str, str] = field(default_factory=dict)  # per source: items skipped or left for a retry


def _recent(db: Database, since: datetime) -> DuplicateFilter:
    """A duplicate filter that already knows the stored recent articles."""
    with db.read() as conn:
        existing = recent_articles(conn, since)
    unique = DuplicateFilter()
    for article in existing:
        unique.add(article)
    return unique


def _store(db: Database, unique: DuplicateFilter, outcome: SourceOutcome, previous: FeedState | None) -> int:
    """The source's new articles, items to retry and validators in one transaction, so a crash loses none alone.

    Validators are saved only when every item was read: a conditional GET would otherwise hide the
    items left for a retry behind a 304.
    """
    url = outcome.source.feed or outcome.source.page or ""
    now = utcnow()
    with db.transaction() as conn:
        if outcome.error is not None:
            record_error(conn, outcome.source.name, url, now=now, error=outcome.error, previous=previous)
            return 0
        kept = []
        for article in outcome.articles:  # near-duplicates of stored articles, or of each other
            note = unique.add(article)
            if note is None:
                kept.append(article)
            else:
                outcome.problems.append(note)
        outcome.articles = kept
        added = insert_articles(conn, outcome.source.name, kept, now)
        fetched = outcome.fetched
        if fetched is not None and not fetched.not_modified:
            replace_retries(conn, outcome.source.name, outcome.pending, now=now)
        validators = fetched is not None and outcome.complete
        record_ok(
            conn,
            outcome.source.name,
            url,
            now=now,
            etag=fetched.etag if validators and fetched else None,
            last_modified=fetched.last_modified if validators and fetched else None,
            added=added,
            previous=previous,
        )
        return added


def rebuild_stories(
    db: Database, settings: BriefSettings, window: timedelta = STORY_WINDOW
) -> tuple[list[Story], int] | None:
    """Rebuild stories from the recent articles when articles arrived since the last build.

    Each article is analysed once: new analyses are stored with the stories, stored ones are reused.
    """
    now = utcnow()
    with db.read() as conn:
        through = newest_seq(conn)
        built_through = int(get_meta(conn, BUILT_THROUGH) or 0)
        if through <= built_through:
            return None
        recent = recent_articles(conn, now - window)
        stored = stored_analyses(conn, [a.id for a in recent])
    analyses = analyse_articles(recent, known=stored)  # parses only articles without a current analysis
    stories = build_stories(recent, settings, analyses)
    with db.transaction() as conn:
        store_analyses(conn, {i: a for i, a in analyses.items() if stored.get(i) is not a}, now)
        new_keys = replace_stories(conn, stories, now=now, through_seq=through)
    return stories, len(new_keys)


async def ingest_once(
    config: NewsbriefConfig,
    db: Database,
    *,
    policy: FetchPolicy | None = None,
    progress: Progress | None = None,
    window: timedelta = STORY_WINDOW,
) -> IngestReport:
    """Read all configured sources once; a broken or slow source is recorded, never fatal to the others.

    Sources are read concurrently, each within ``[bot] source_time_budget_seconds``, and each one's
    articles are stored as soon as it is read, so a slow site holds back only its own.
    """
    states = await asyncio.to_thread(_states, db)
    limits = SourceLimits(config.bot.source_time_budget_seconds, config.bot.max_items_per_feed)
    total = len(config.sources)
    done = 0
    unique = asyncio.create_task(asyncio.to_thread(_recent, db, utcnow() - window))
    storing = asyncio.Lock()  # one source at a time, so the duplicate filter sees every earlier one

    async def one(fetcher: Fetcher, source: Source) -> SourceOutcome:
        nonlocal done
        previous = states.get(source.name)
        outcome = await read_source(fetcher, db, source, previous, limits)
        async with storing:
            outcome.added = await asyncio.to_thread(_store, db, await unique, outcome, previous)
        if outcome.notes:
            log.warning("ingest of source %s: %s", source.name, "; ".join(outcome.notes))
        done += 1
        if progress:
            progress(done, total, source.name)
        return outcome

    policy = replace(policy or FetchPolicy(), allow_private=config.bot.allow_private_sources)
    async with Fetcher(policy) as fetcher:
        tasks = [asyncio.create_task(one(fetcher, s)) for s in config.sources]
        try:
            outcomes = await asyncio.gather(*tasks)
        except BaseException:
            for task in [*tasks, unique]:  # e.g. the database failed: stop the other sources too
                task.cancel()
            await asyncio.gather(*tasks, unique, return_exceptions=True)
            raise
        await unique
    d = config.defaults
    settings = BriefSettings(sentences=d.brief_sentences, words=d.brief_words, algorithm=d.algorithm)
    rebuilt = await asyncio.to_thread(rebuild_stories, db, settings, window)
    return IngestReport(
        feeds_ok=sum(1 for o in outcomes if o.error is None),
        feeds_failed=sum(1 for o in outcomes if o.error is not None),
        not_modified=sum(1 for o in outcomes if o.fetched is not None and o.fetched.not_modified),
        new_articles=sum(o.added for o in outcomes),
        new_stories=rebuilt[1] if rebuilt else 0,
        stories=len(rebuilt[0]) if rebuilt else await asyncio.to_thread(_story_count, db),
        errors={o.source.name: o.error for o in outcomes if o.error is not None},
        problems=[p for o in outcomes for p in o.problems],
        built=rebuilt[0] if rebuilt else None,
        notes={o.source.name: "; ".join(o.notes) for o in outcomes if o.notes},
    )


def _states(db: Database) -> dict[str, FeedState]:
    with db.read() as conn:
        return load_feed_states(conn)


def _story_count(db: Database) -> int:
    with db.read() as conn:
        return count_stories(conn)
