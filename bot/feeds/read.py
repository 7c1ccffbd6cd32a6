"""Read one source within its time budget: the feed (or page), its newest items, and their article pages.

Fetching is done here; the bytes go through the same feed and page readers as files do
(:mod:`summarizer.readers`), so a feed fetched over HTTP gives the articles it gives from a file.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from dataclasses import dataclass, field

from bot.config.model import Source
from bot.feeds.fetch import Fetched, Fetcher, FetchError
from bot.storage.articles import known_urls, url_hash
from bot.storage.database import Database
from bot.storage.feed_state import FeedState, PendingItem, retry_attempts
from summarizer.errors import InputError
from summarizer.models import Article, Problem
from summarizer.readers.feed import Entry, feed_articles, parse_feed, with_page_text
from summarizer.readers.page import CUT_OFF_NOTE, page_article, read_page

log = logging.getLogger("newsbrief.ingest")

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
# Passes that try an item's article page before its summary is stored instead (or it is dropped, too short).
PAGE_PASSES = 3


@dataclass(frozen=True)
class SourceLimits:
    """What one source may cost in a pass: wall-clock seconds, and items taken from its feed."""

    budget: float = 120.0
    max_items: int = 200


@dataclass
class SourceOutcome:
    """What one source gave in this pass."""

    source: Source
    fetched: Fetched | None = None
    articles: list[Article] = field(default_factory=list)
    error: str | None = None
    problems: list[Problem] = field(default_factory=list)
    pending: list[PendingItem] = field(default_factory=list)  # items to try again on the next pass
    notes: list[str] = field(default_factory=list)  # what the ingest summary says about this source
    added: int = 0

    @property
    def complete(self) -> bool:
        """Every item of the response was read: its validators may be saved for a conditional GET."""
        return self.error is None and not self.pending


async def read_source(
    fetcher: Fetcher, db: Database, source: Source, state: FeedState | None, limits: SourceLimits
) -> SourceOutcome:
    """Fetch one source into articles not stored yet; every failure becomes ``outcome.error``."""
    out = SourceOutcome(source)
    url = source.feed or source.page or ""
    same_url = state is not None and state.url == url
    deadline = asyncio.get_running_loop().time() + limits.budget
    over_budget = f"not read within this source's {limits.budget:g} s budget"
    try:
        async with asyncio.timeout_at(deadline):
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
            page = await asyncio.to_thread(read_page, body, out.fetched.url)
            article = page_article(page, where=source.name, outlet=source.outlet, url=out.fetched.url, bias=source.bias)
            if page.cut_off:
                out.problems.append(Problem(source.name, CUT_OFF_NOTE))
            out.articles.append(article)
            return out
        parsed = await asyncio.to_thread(parse_feed, body, url, limits.max_items)
        entries = parsed.entries
        if parsed.skipped:
            out.notes.append(
                f"took the newest {len(entries)} of {parsed.total} items; {parsed.skipped} older items skipped "
                f"(max_items_per_feed = {limits.max_items})"
            )
        seen, tried = await asyncio.to_thread(_known_and_tried, db, source.name, [e.url for e in entries if e.url])
        new = [e for e in entries if not e.url or e.url not in seen]
        pages = await _fetch_pages(fetcher, new, deadline, over_budget, out.problems)
        ready: list[Entry] = []
        for entry, failure in pages:
            if failure is not None and entry.url:
                key = url_hash(entry.url) or ""
                attempts = tried.get(key, 0) + 1
                if attempts < PAGE_PASSES:
                    out.pending.append(PendingItem(entry.url, key, attempts, failure))
                    out.problems.append(
                        Problem(entry.url, f"{failure}; tried again next pass ({attempts}/{PAGE_PASSES})")
                    )
                    continue
                out.problems.append(Problem(entry.url, f"{failure} in {attempts} passes; using the summary"))
            ready.append(entry)
        out.articles = feed_articles(
            ready, outlet=source.outlet, bias=source.bias, where=source.name, problems=out.problems
        )
        if out.pending:
            waiting = f"{len(out.pending)} items wait" if len(out.pending) > 1 else "1 item waits"
            out.notes.append(f"{waiting} for an article page; the feed is read in full again next pass")
    except TimeoutError:
        out.error = over_budget
    except (FetchError, InputError) as exc:
        out.error = exc.problem if isinstance(exc, InputError) else exc.user_message
    except Exception:
        error_id = uuid.uuid4().hex[:8]
        log.exception("ingest of source %s failed (error id %s)", source.name, error_id)
        out.error = f"unexpected error (error id {error_id})"
    return out


async def _fetch_pages(
    fetcher: Fetcher, entries: list[Entry], deadline: float, over_budget: str, problems: list[Problem]
) -> list[tuple[Entry, str | None]]:
    """Each entry with its article page's text when it is only a summary, or why the page may come later."""

    async def one(entry: Entry) -> tuple[Entry, str | None]:
        if not entry.summary_only or not entry.url:
            return entry, None
        try:
            async with asyncio.timeout_at(deadline):
                fetched = await fetcher.get(entry.url, accept=PAGE_ACCEPT)
                page = await asyncio.to_thread(read_page, fetched.body or b"", fetched.url)
        except FetchError as exc:
            if not exc.transient:  # a final answer (404, too large): the summary is all there will be
                problems.append(Problem(entry.url, f"article page not fetched ({exc.user_message}); using the summary"))
                return entry, None
            return entry, f"article page not fetched ({exc.user_message})"
        except TimeoutError:
            return entry, f"article page {over_budget}"
        completed = with_page_text(entry, page.text)
        if completed is not entry and page.cut_off:
            problems.append(Problem(entry.url, CUT_OFF_NOTE))
        return completed, None

    return list(await asyncio.gather(*(one(e) for e in entries)))


def _known_and_tried(db: Database, source: str, urls: list[str]) -> tuple[set[str], dict[str, int]]:
    with db.read() as conn:
        return known_urls(conn, urls), retry_attempts(conn, source)
