"""The feed reader: RSS/Atom bytes into entries, entries (with their pages' text) into articles.

The same rules hold for a feed read from a file and one fetched over HTTP: feedparser, one XML
check, full content before the summary, and a page's text replacing a short summary.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from typing import Any

from summarizer.errors import InputError
from summarizer.models import Article, Problem
from summarizer.readers.articles import make_article
from summarizer.readers.html_text import html_to_text

# An entry without full content whose text is shorter than this is a teaser: its article page
# (fetched, or read from a file beside the feed) gives the full text.
FULL_TEXT_WORDS = 150


@dataclass(frozen=True)
class Entry:
    """One feed item before it becomes an article: ``text`` may be only a summary."""

    title: str | None
    url: str | None
    published: str | None
    text: str
    summary_only: bool


@dataclass(frozen=True)
class ParsedFeed:
    """The newest ``limit`` items of a feed, how many items it had in all, and its title."""

    entries: list[Entry]
    total: int
    title: str | None = None

    @property
    def skipped(self) -> int:
        return self.total - len(self.entries)


def parse_feed(body: bytes, where: str, limit: int | None = None) -> ParsedFeed:
    """The feed's newest ``limit`` items (all without a limit); raises InputError when it is not RSS/Atom."""
    import feedparser

    # A wrong declared encoding or content type is tolerated: feedparser still reads the XML correctly.
    tolerated = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    parsed = feedparser.parse(body)
    problem = parsed.get("bozo_exception")
    if problem is not None and not isinstance(problem, tolerated):
        line = getattr(problem, "getLineNumber", lambda: None)()
        raise InputError(where, "not valid RSS/Atom XML" + (f" (line {line})" if line else ""))
    if not parsed.entries:
        raise InputError(where, "the feed has no items")
    items = parsed.entries
    if limit is not None and len(items) > limit:
        # Newest first by date; undated items after the dated ones, in feed order (usually newest first).
        items = sorted(items, key=_newest_first)[:limit]
    title = parsed.feed.get("title") or None
    return ParsedFeed([_entry(e) for e in items], len(parsed.entries), str(title) if title else None)


def _newest_first(e: Any) -> tuple[bool, float]:
    when = e.get("published_parsed") or e.get("updated_parsed")
    return (when is None, -calendar.timegm(when) if when else 0.0)


def _entry(e: Any) -> Entry:
    content = e.get("content") or []
    full = " ".join(c.get("value", "") for c in content)
    text = html_to_text(full or e.get("summary", "") or "")
    words = len(re.findall(r"\w+", text))
    return Entry(
        title=e.get("title"),
        url=e.get("link"),
        published=e.get("published") or e.get("updated"),
        text=text,
        summary_only=not full and words < FULL_TEXT_WORDS,
    )


def with_page_text(entry: Entry, page_text: str | None) -> Entry:
    """The entry with its article page's text, when the page says more than the feed did."""
    if not page_text or len(page_text) <= len(entry.text):
        return entry
    return replace(entry, text=page_text, summary_only=False)


def feed_articles(
    entries: list[Entry], *, outlet: str | None, bias: str | None, where: str, problems: list[Problem]
) -> list[Article]:
    """An article per entry (``where item N``); an entry too short to be one becomes a problem."""
    articles: list[Article] = []
    for i, entry in enumerate(entries, 1):
        try:
            articles.append(
                make_article(
                    outlet=outlet,
                    text=entry.text,
                    source=f"{where} item {i}",
                    title=entry.title,
                    url=entry.url,
                    published=entry.published,
                    bias=bias,
                )
            )
        except InputError as exc:
            problems.append(Problem(exc.source, exc.problem))
    return articles
