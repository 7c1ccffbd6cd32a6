"""Story updates: an ingest after which 100 followed stories each get an update in their Slack thread.

Run: ``python -m bench updates``. Two outlets' feeds make the stories; 100 of them are posted as thread
roots in a Slack channel (the loopback fake); then a third outlet covers every event, and the timed
pass is that ingest (fetch, store, rebuild the stories) followed by the updates (claim, post the reply
and edit the root over HTTP, record). Target: the updates add less than 20% to the ingest's time.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

from bot.config.model import NewsbriefConfig
from bot.feeds.ingest import ingest_once
from bot.publishers import SlackPublisher
from bot.service import CommandService, InMemoryStories
from bot.slack.app import build_slack_app
from bot.storage import Database, open_database
from bot.storage.database import utcnow
from bot.storage.posts import add_pending, claim_run, finish_run
from bot.storage.stories import current_stories
from bot.storage.threads import ThreadRoot
from bot.threads.follow import follow_stories, record_roots
from tests.bot.slack.fake_slack import FakeSlack
from tests.feeds.loopback import FeedServer, static
from tests.feeds.synthetic import feed_xml

FIRST, LATE, EVENTS, FOLLOWED = 2, 1, 140, 100
CHANNEL = "CBENCH"
EMPTY_FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>quiet</title></channel></rss>'


def post_as_threads(db: Database, count: int) -> int:
    """Record the top ``count`` stories as posted thread roots in the channel (what a digest would do)."""
    with db.read() as conn:
        chosen = current_stories(conn)[:count]
    now = utcnow()
    with db.transaction() as conn:
        run_id = claim_run(conn, "slack", CHANNEL, now, now)
        assert run_id is not None
        add_pending(conn, run_id, "slack", CHANNEL, [(s.key, s.article_ids) for s in chosen], now)
        finish_run(conn, run_id, "sent", now)
    roots = [ThreadRoot(f"1700000000.{i:06d}", f"1700000000.{i:06d}") for i in range(len(chosen))]
    record_roots(db, "slack", CHANNEL, chosen, roots)
    return len(chosen)


def main() -> int:
    slack = FakeSlack().start()
    with FeedServer() as server, tempfile.TemporaryDirectory() as tmp:
        outlets = range(FIRST + LATE)
        for n in outlets:
            server.routes[f"/outlet{n}/feed"] = static(
                feed_xml(n, EVENTS, EVENTS, server.base) if n < FIRST else EMPTY_FEED
            )
        config = NewsbriefConfig.model_validate(
            {
                "bot": {"allow_private_sources": True},
                "sources": [
                    {"name": f"outlet{n}", "outlet": f"Outlet {n}", "feed": server.url(f"/outlet{n}/feed")}
                    for n in outlets
                ],
                "channels": [{"platform": "slack", "channel_id": CHANNEL, "schedule": "0 8 * * *", "threads": True}],
            }
        )
        db = open_database(f"sqlite:///{Path(tmp) / 'bench.db'}")
        try:
            asyncio.run(ingest_once(config, db))
            followed = post_as_threads(db, FOLLOWED)
            for n in range(FIRST, FIRST + LATE):  # one more outlet now covers every event
                server.routes[f"/outlet{n}/feed"] = static(feed_xml(n, EVENTS, EVENTS, server.base))
            app = build_slack_app(
                CommandService(InMemoryStories()), token="xoxb-bench", signing_secret="s", api_url=slack.api_url
            )
            publishers = {"slack": SlackPublisher(app)}

            start = time.perf_counter()
            report = asyncio.run(ingest_once(config, db))
            ingest_s = time.perf_counter() - start
            start = time.perf_counter()
            followed_report = asyncio.run(follow_stories(db, config, publishers))
            follow_s = time.perf_counter() - start
            start = time.perf_counter()
            again = asyncio.run(follow_stories(db, config, publishers))
            idle_s = time.perf_counter() - start
        finally:
            db.dispose()
            slack.stop()
    share = follow_s / ingest_s
    replies = [c for c in slack.posts() if c.body.get("thread_ts")]
    print(
        f"ingest:  {ingest_s:6.2f} s  {report.new_articles} new articles, {report.stories} stories rebuilt; "
        f"{followed} stories followed in threads"
    )
    print(
        f"updates: {follow_s:6.2f} s  {followed_report.posted} posted ({len(replies)} thread replies, "
        f"{len(slack.updates())} root edits over loopback HTTP), {followed_report.failed} refused, "
        f"{followed_report.unknown} unconfirmed; {follow_s / max(1, followed_report.posted) * 1000:.1f} ms per update"
    )
    print(f"again:   {idle_s:6.2f} s  {again.posted} posted (the same build: nothing to tell)")
    print(f"target: updates add < 20% to the ingest: {share:.1%} {'ok' if share < 0.2 else 'MISSED'}")
    return 0 if share < 0.2 and followed_report.posted >= FOLLOWED else 1


if __name__ == "__main__":
    sys.exit(main())
