"""One ingest pass: fetch every source, keep new articles once, rebuild the stories, record feed state."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from bot.config.model import NewsbriefConfig, Source
from bot.feeds.fetch import Fetched, Fetcher, FetchError, FetchPolicy
from bot.feeds.parse import Entry, page_text, page_title, parse_feed, to_article
from bot.storage.articles import insert_articles, known_urls, newest_seq, recent_articles
from bot.storage.database import Database, utcnow
from bot.storage.feed_state import FeedState, load_feed_states, record_error, record_ok
from bot.storage.stories import BUILT_THROUGH, count_stories, get_meta, replace_stories
from summarizer.brief import BriefSettings
from summarizer.cleaning import drop_duplicates
from summarizer.errors import InputError
from summarizer.models import Article, Problem, Story
from summarizer.pipeline import build_stories

log = logging.getLogger("newsbrief.ingest")

STORY_WINDOW = timedelta(hours=48)
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
Progress = Callable[[int, int, str], None]


@dataclass
class SourceOutcome:
    """What one source gave in this pass."""

    source: Source
    fetched: Fetched | None = None
    articles: list[Article] = field(default_factory=list)
    error: str | None = None
    problems: list[Problem] = field(default_factory=list)


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


async def _fetch_pages(fetcher: Fetcher, entries: list[Entry], out: SourceOutcome) -> list[Entry]:
    async def one(entry: Entry) -> Entry:
        if not entry.summary_only or not entry.url:
            return entry
        try:
            fetched = await fetcher.get(entry.url, accept=PAGE_ACCEPT)
        except FetchError as exc:
            out.problems.append(Problem(entry.url, f"article page not fetched ({exc.user_message}); using the summary"))
            return entry
        text = await asyncio.to_thread(page_text, fetched.body or b"", fetched.url)
        if not text or len(text) <= len(entry.text):
            return entry
        return Entry(entry.title, entry.url, entry.published, text, summary_only=False)

    return list(await asyncio.gather(*(one(e) for e in entries)))


async def fetch_source(fetcher: Fetcher, db: Database, source: Source, state: FeedState | None) -> SourceOutcome:
    """Fetch one source into articles not stored yet; every failure becomes ``outcome.error``."""
    out = SourceOutcome(source)
    url = source.feed or source.page or ""
    same_url = state is not None and state.url == url
    try:
        out.fetched = await fetcher.get(
            url,
            etag=state.etag if same_url and state else None,
            last_modified=state.last_modified if same_url and state else None,
            accept=FEED_ACCEPT if source.feed else PAGE_ACCEPT,
        )
        if out.fetched.not_modified:
            return out
        body = out.fetched.body or b""
        if source.page:
            text = await asyncio.to_thread(page_text, body, out.fetched.url)
            if not text:
                raise InputError(url, "no article text found on the page")
            entries = [Entry(await asyncio.to_thread(page_title, body), out.fetched.url, None, text, False)]
        else:
            entries = await asyncio.to_thread(parse_feed, body, url)
        seen = await asyncio.to_thread(_known, db, [e.url for e in entries if e.url])
        entries = await _fetch_pages(fetcher, [e for e in entries if not e.url or e.url not in seen], out)
        for i, entry in enumerate(entries, 1):
            article = to_article(source, entry, f"{source.name} item {i}", out.problems)
            if article is not None:
                out.articles.append(article)
    except (FetchError, InputError) as exc:
        out.error = exc.problem if isinstance(exc, InputError) else exc.user_message
    except Exception:
        error_id = uuid.uuid4().hex[:8]
        log.exception("ingest of source %s failed (error id %s)", source.name, error_id)
        out.error = f"unexpected error (error id {error_id})"
    return out


def _known(db: Database, urls: list[str]) -> set[str]:
    with db.read() as conn:
        return known_urls(conn, urls)


def _keep_new(db: Database, outcomes: Sequence[SourceOutcome], since: datetime) -> list[Problem]:
    """Drop new articles that repeat a stored one (or each other) nearly word for word."""
    new = [a for o in outcomes for a in o.articles]
    if not new:
        return []
    with db.read() as conn:
        existing = recent_articles(conn, since)
    kept, notes = drop_duplicates(existing + new)
    kept_ids = {id(a) for a in kept}
    for o in outcomes:
        o.articles = [a for a in o.articles if id(a) in kept_ids]
    return notes


def _store(db: Database, outcome: SourceOutcome, previous: FeedState | None, now: datetime) -> int:
    """The source's new articles and its validators in one transaction, so a crash loses neither alone."""
    url = outcome.source.feed or outcome.source.page or ""
    with db.transaction() as conn:
        if outcome.error is not None:
            record_error(conn, outcome.source.name, url, now=now, error=outcome.error, previous=previous)
            return 0
        added = insert_articles(conn, outcome.source.name, outcome.articles, now)
        fetched = outcome.fetched
        record_ok(
            conn,
            outcome.source.name,
            url,
            now=now,
            etag=fetched.etag if fetched else None,
            last_modified=fetched.last_modified if fetched else None,
            added=added,
            previous=previous,
        )
        return added


def rebuild_stories(
    db: Database, settings: BriefSettings, window: timedelta = STORY_WINDOW
) -> tuple[list[Story], int] | None:
    """Rebuild stories from the recent articles when articles arrived since the last build."""
    now = utcnow()
    with db.read() as conn:
        through = newest_seq(conn)
        built_through = int(get_meta(conn, BUILT_THROUGH) or 0)
        if through <= built_through:
            return None
        recent = recent_articles(conn, now - window)
    stories = build_stories(recent, settings)
    with db.transaction() as conn:
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
    """Fetch all configured sources once; a broken source is recorded, never fatal to the others."""
    states = await asyncio.to_thread(_states, db)
    total = len(config.sources)
    done = 0

    async def tracked(fetcher: Fetcher, source: Source) -> SourceOutcome:
        nonlocal done
        outcome = await fetch_source(fetcher, db, source, states.get(source.name))
        done += 1
        if progress:
            progress(done, total, source.name)
        return outcome

    policy = replace(policy or FetchPolicy(), allow_private=config.bot.allow_private_sources)
    async with Fetcher(policy) as fetcher:
        outcomes = await asyncio.gather(*(tracked(fetcher, s) for s in config.sources))
    now = utcnow()
    notes = await asyncio.to_thread(_keep_new, db, outcomes, now - window)
    added = 0
    for outcome in outcomes:
        added += await asyncio.to_thread(_store, db, outcome, states.get(outcome.source.name), now)
    d = config.defaults
    settings = BriefSettings(sentences=d.brief_sentences, words=d.brief_words, algorithm=d.algorithm)
    rebuilt = await asyncio.to_thread(rebuild_stories, db, settings, window)
    return IngestReport(
        feeds_ok=sum(1 for o in outcomes if o.error is None),
        feeds_failed=sum(1 for o in outcomes if o.error is not None),
        not_modified=sum(1 for o in outcomes if o.fetched is not None and o.fetched.not_modified),
        new_articles=added,
        new_stories=rebuilt[1] if rebuilt else 0,
        stories=len(rebuilt[0]) if rebuilt else await asyncio.to_thread(_story_count, db),
        errors={o.source.name: o.error for o in outcomes if o.error is not None},
        problems=[p for o in outcomes for p in o.problems] + notes,
        built=rebuilt[0] if rebuilt else None,
    )


def _states(db: Database) -> dict[str, FeedState]:
    with db.read() as conn:
        return load_feed_states(conn)


def _story_count(db: Database) -> int:
    with db.read() as conn:
        return count_stories(conn)
