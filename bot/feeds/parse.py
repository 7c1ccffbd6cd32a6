"""Turn a fetched feed or article page into articles (feedparser for feeds, trafilatura for pages)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Any

import feedparser
import trafilatura

from bot.config.model import Source
from summarizer.errors import InputError
from summarizer.loading import html_to_text, make_article
from summarizer.models import Article, Problem

# Wrong declared encoding or content type: feedparser still reads the XML correctly.
_TOLERATED = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)

# An entry without full content whose text is shorter than this is a teaser: the article page is fetched for the full text.
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
    """The newest ``limit`` items of a feed, and how many items it had in all."""

    entries: list[Entry]
    total: int

    @property
    def skipped(self) -> int:
        return self.total - len(self.entries)


def parse_feed(body: bytes, where: str, limit: int | None = None) -> ParsedFeed:
    """The feed's newest ``limit`` items (all without a limit); raises InputError when it is not RSS/Atom."""
    parsed = feedparser.parse(body)
    problem = parsed.get("bozo_exception")
    if problem is not None and not isinstance(problem, _TOLERATED):
        line = getattr(problem, "getLineNumber", lambda: None)()
        raise InputError(where, "not valid RSS/Atom XML" + (f" (line {line})" if line else ""))
    if not parsed.entries:
        raise InputError(where, "the feed has no items")
    items = parsed.entries
    if limit is not None and len(items) > limit:
        # Newest first by date; undated items after the dated ones, in feed order (usually newest first).
        items = sorted(items, key=_newest_first)[:limit]
    return ParsedFeed([_entry(e) for e in items], len(parsed.entries))


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


def page_text(html: bytes | str, url: str | None = None) -> str | None:
    """The main text of an article page, or ``None`` when trafilatura finds none."""
    return trafilatura.extract(html, url=url, include_comments=False, include_tables=False, favor_precision=True)


def page_title(html: bytes | str) -> str | None:
    meta = trafilatura.extract_metadata(html)
    return meta.title if meta is not None else None


def to_article(source: Source, entry: Entry, where: str, problems: list[Problem]) -> Article | None:
    """An article in the source's outlet name, or ``None`` (with a problem noted) when too short."""
    try:
        return make_article(
            outlet=source.outlet,
            text=entry.text,
            source=where,
            title=entry.title,
            url=entry.url,
            published=entry.published,
            bias=source.bias,
        )
    except InputError as exc:
        problems.append(Problem(exc.source, exc.problem))
        return None
