"""Ingest bounds over loopback: failed pages come back later, a slow site holds back only itself, big feeds are cut."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any
from xml.sax.saxutils import escape

import pytest

from bot.config.model import NewsbriefConfig
from bot.feeds.cli import summary_lines
from bot.feeds.fetch import FetchPolicy
from bot.feeds.ingest import ingest_once
from bot.storage import Database
from bot.storage.articles import recent_articles
from bot.storage.feed_state import load_feed_states
from tests.feeds.loopback import FIXTURES, FeedServer, first_then, static, status, trickle
from tests.feeds.synthetic import article_text, event

FAST = FetchPolicy(connect_timeout=1, read_timeout=1, deadline=3, attempts=2, backoff=0.01)
COAST_PAGES = ["bridge-yes", "grid-alert", "port-deal"]
LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        srv.serve_fixtures()
        yield srv


def config_for(server: FeedServer, sources: dict[str, str], **bot: Any) -> NewsbriefConfig:
    return NewsbriefConfig.model_validate(
        {
            "bot": {"allow_private_sources": True, **bot},
            "sources": [
                {"name": name, "outlet": name.title(), "feed": server.url(path)} for name, path in sources.items()
            ],
        }
    )


def stored(db: Database, source: str) -> dict[str, str]:
    """Title → text of the source's articles in the database."""
    with db.read() as conn:
        return {a.title: a.text for a in recent_articles(conn, LONG_AGO) if a.source == source}


def etag(db: Database, source: str) -> str | None:
    with db.read() as conn:
        return load_feed_states(conn)[source].etag


async def test_items_whose_pages_fail_are_stored_on_a_later_pass(server: FeedServer, db: Database) -> None:
    # The Coastline Wire items are one-line teasers: without their pages they are too short to keep.
    for stem in COAST_PAGES:
        route = f"/coast/stories/{stem}"
        server.routes[route] = first_then(status(503), server.routes[route], times=FAST.attempts)
    config = config_for(server, {"coast": "/coast/feed.rss"})

    first = await ingest_once(config, db, policy=FAST)
    assert stored(db, "coast") == {} and first.new_articles == 0
    assert etag(db, "coast") is None  # no validators: the next pass reads the whole feed again
    assert first.notes == {"coast": "3 items wait for an article page; the feed is read in full again next pass"}
    assert "~ coast: 3 items wait for an article page" in "\n".join(summary_lines(first))
    retry = {p.source: p.problem for p in first.problems}
    assert retry[server.url("/coast/stories/port-deal")] == (
        "article page not fetched (HTTP 503 Service Unavailable (after 2 attempts)); tried again next pass (1/3)"
    )

    second = await ingest_once(config, db, policy=FAST)
    coast = stored(db, "coast")
    assert second.new_articles == 3 and len(coast) == 3
    assert "Tomas Okafor called it a model for other ports." in coast["Port strike over as dock workers back deal"]
    assert second.notes == {} and etag(db, "coast") is not None

    third = await ingest_once(config, db, policy=FAST)
    assert third.not_modified == 1 and third.new_articles == 0


async def test_a_page_that_never_comes_back_is_tried_three_passes_then_let_go(server: FeedServer, db: Database) -> None:
    server.routes["/coast/stories/port-deal"] = status(503)
    config = config_for(server, {"coast": "/coast/feed.rss"})
    reports = [await ingest_once(config, db, policy=FAST) for _ in range(3)]
    assert [r.new_articles for r in reports] == [2, 0, 0]
    assert [r.notes.get("coast", "")[:16] for r in reports] == ["1 item waits for", "1 item waits for", ""]
    last = {p.source: p.problem for p in reports[2].problems}
    page = server.url("/coast/stories/port-deal")
    assert last[page].startswith("article page not fetched (HTTP 503") and last[page].endswith(
        "in 3 passes; using the summary"
    )
    assert "too little article text" in last["coast item 1"]  # the one-line summary is not an article
    assert etag(db, "coast") is not None  # given up on: the feed is conditional again
    assert (await ingest_once(config, db, policy=FAST)).not_modified == 1
    assert server.hits["/coast/stories/port-deal"] == 3 * FAST.attempts


async def test_a_trickling_site_holds_back_only_itself_and_the_pass_ends_within_budget(
    server: FeedServer, db: Database
) -> None:
    slow_feed = (FIXTURES / "coastline-wire.rss").read_text("utf-8").replace("/stories/", "/slow/")
    server.routes["/slow/feed.rss"] = static(server.localize(slow_feed))
    for stem in COAST_PAGES:
        server.routes[f"/coast/slow/{stem}"] = trickle(b"<html>" + b" " * 10_000 + b"</html>", 0.05)
    config = config_for(
        server, {"slow": "/slow/feed.rss", "harbor": "/harbor/feed.rss"}, source_time_budget_seconds=1.0
    )
    seen_when_done: dict[str, tuple[int, bool]] = {}
    done_after: dict[str, float] = {}

    def progress(_done: int, _total: int, name: str) -> None:
        seen_when_done[name] = (len(stored(db, "harbor")), "slow" in seen_when_done)
        done_after[name] = time.monotonic() - start

    start = time.monotonic()
    report = await ingest_once(config, db, policy=FAST, progress=progress)

    assert seen_when_done["harbor"] == (3, False)  # stored while the slow site was still trickling
    assert 1.0 <= done_after["slow"] < 1.0 + 0.8  # the budget, plus storing what it had
    assert report.errors == {} and stored(db, "slow") == {}
    assert {p.problem for p in report.problems if "/slow/" in p.source} == {
        "article page not read within this source's 1 s budget; tried again next pass (1/3)"
    }
    assert etag(db, "slow") is None and etag(db, "harbor") is not None


async def test_a_feed_that_never_finishes_is_stopped_at_the_budget(server: FeedServer, db: Database) -> None:
    server.routes["/endless/feed"] = trickle(b"<rss>" + b" " * 10_000, 0.05)
    config = config_for(
        server, {"endless": "/endless/feed", "harbor": "/harbor/feed.rss"}, source_time_budget_seconds=0.5
    )
    done_after: dict[str, float] = {}
    start = time.monotonic()
    report = await ingest_once(
        config, db, policy=FAST, progress=lambda _d, _t, name: done_after.setdefault(name, time.monotonic() - start)
    )
    assert 0.5 <= done_after["endless"] < 0.5 + 0.8
    assert report.errors == {"endless": "not read within this source's 0.5 s budget"}
    assert len(stored(db, "harbor")) == 3


def big_feed(items: int, base: str, now: datetime) -> bytes:
    """A feed of ``items`` full-text items, item ``i`` published ``i`` minutes ago, listed in random order."""
    order = list(range(items))
    random.Random(7).shuffle(order)
    parts = ["<rss version='2.0'><channel><title>Big</title>"]
    for i in order:
        parts.append(
            f"<item><title>Event {i}</title><link>{base}/big/{i}</link><guid>big-{i}</guid>"
            f"<pubDate>{format_datetime(now - timedelta(minutes=i))}</pubDate>"
            f"<description>{escape(article_text(event(i), 0))}</description></item>"
        )
    return "".join(parts + ["</channel></rss>"]).encode()


async def test_only_the_newest_items_of_a_huge_feed_are_taken_and_the_rest_is_said(
    server: FeedServer, db: Database
) -> None:
    server.routes["/big/feed"] = static(big_feed(300, server.base, datetime.now(UTC)))
    config = config_for(server, {"big": "/big/feed"}, max_items_per_feed=10)
    report = await ingest_once(config, db, policy=FAST)
    assert sorted(stored(db, "big"), key=lambda t: int(t.split()[1])) == [f"Event {i}" for i in range(10)]
    assert report.new_articles == 10
    assert "~ big: took the newest 10 of 300 items; 290 older items skipped (max_items_per_feed = 10)" in (
        summary_lines(report)
    )
    assert not any("/big/" in path for path in server.hits if path != "/big/feed")  # no page fetched for the rest


def test_the_default_bounds_hold_without_configuration() -> None:
    bot = NewsbriefConfig.model_validate({}).bot
    assert (bot.source_time_budget_seconds, bot.max_items_per_feed) == (120.0, 200)


async def test_nothing_is_left_running_after_a_pass(server: FeedServer, db: Database) -> None:
    server.routes["/endless/feed"] = trickle(b"<rss>" + b" " * 10_000, 0.05)
    config = config_for(server, {"endless": "/endless/feed"}, source_time_budget_seconds=0.3)
    await ingest_once(config, db, policy=FAST)
    assert [t for t in asyncio.all_tasks() if t is not asyncio.current_task()] == []


async def test_a_page_that_is_gone_for_good_leaves_the_summary_at_once(server: FeedServer, db: Database) -> None:
    long_summary = " ".join(["The harbour board met again on Monday to talk about the ferry timetable."] * 4)
    feed = (FIXTURES / "coastline-wire.rss").read_text("utf-8")
    feed = feed.replace("Dock workers accept an 11 percent raise over three years.", long_summary)
    server.routes["/gone/feed.rss"] = static(server.localize(feed))
    server.routes["/coast/stories/port-deal"] = status(404)
    report = await ingest_once(config_for(server, {"gone": "/gone/feed.rss"}), db, policy=FAST)
    assert stored(db, "gone")["Port strike over as dock workers back deal"].startswith("The harbour board met")
    assert report.notes == {} and etag(db, "gone") is not None
    assert server.hits["/coast/stories/port-deal"] == 1
