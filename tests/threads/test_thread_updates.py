"""A story posted as a thread on Slack and Discord grows: one update lands in its thread, the root is edited."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import aiohttp
import discord
import pytest
from sqlalchemy import select

from bot.config.model import NewsbriefConfig, effective_settings
from bot.digest import run_digest
from bot.discord.compat import api_url, set_api_url
from bot.publishers import DiscordPublisher, SlackPublisher
from bot.service import CommandService, InMemoryStories
from bot.slack.app import build_slack_app
from bot.storage import Database
from bot.storage.database import utcnow
from bot.storage.schema import posts, story_updates
from bot.threads.follow import follow_stories
from tests.bot.discord.fake_discord import TOKEN as DISCORD_TOKEN
from tests.bot.discord.fake_discord import FakeDiscord
from tests.bot.slack.fake_slack import FakeSlack
from tests.threads.helpers import ingest
from tests.threads.stories import coast_joins, first_reports, harbor_recrawled

SLOT = utcnow().replace(minute=0, second=0, microsecond=0)
SLACK_CHANNEL = "C0THREADS"
DISCORD_CHANNEL = "700000000000000042"
UPDATE = "Coastline Wire now reports it; it gives 58.2%, the others 58.3%"
FULL_NOTE = "How each outlet framed it: Mara Lindqvist wins"


@pytest.fixture
def config() -> NewsbriefConfig:
    return NewsbriefConfig.model_validate(
        {
            "defaults": {"threads": True},
            "channels": [
                {"platform": "slack", "channel_id": SLACK_CHANNEL, "schedule": "0 8 * * *"},
                {"platform": "discord", "channel_id": DISCORD_CHANNEL, "schedule": "0 8 * * *", "follow_hours": 72},
            ],
        }
    )


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    server = FakeSlack().start()
    yield server
    server.stop()


@pytest.fixture
async def discord_fake() -> AsyncIterator[FakeDiscord]:
    saved = api_url()
    async with FakeDiscord() as fake:
        set_api_url(fake.api_url)
        yield fake
    set_api_url(saved)


@pytest.fixture
async def publishers(slack: FakeSlack, discord_fake: FakeDiscord) -> AsyncIterator[dict[str, object]]:
    app = build_slack_app(
        CommandService(InMemoryStories()), token="xoxb-fake", signing_secret="s", api_url=slack.api_url
    )
    http = discord.http.HTTPClient(aiohttp.TCPConnector(limit=0))
    await http.static_login(DISCORD_TOKEN)
    yield {"slack": SlackPublisher(app), "discord": DiscordPublisher(http)}
    await http.close()


async def post_digests(db: Database, config: NewsbriefConfig, publishers: dict[str, object]) -> None:
    for platform, channel in (("slack", SLACK_CHANNEL), ("discord", DISCORD_CHANNEL)):
        settings = effective_settings(config, platform, channel)
        outcome = await run_digest(db, publishers[platform], platform, channel, settings, SLOT)  # type: ignore[arg-type]
        assert (outcome.status, outcome.stories) == ("posted", 1)


async def test_a_growing_story_gets_one_update_in_its_thread_on_each_platform(
    db: Database, config: NewsbriefConfig, publishers: dict[str, object], slack: FakeSlack, discord_fake: FakeDiscord
) -> None:
    assert ingest(db, first_reports())
    await post_digests(db, config, publishers)

    # Slack: the story is its own message, the thread root; Discord: a message with a thread started on it.
    # Each thread's first reply is the story's full framing note (the root keeps the short one).
    root, note = slack.posts()
    assert root.body["channel"] == SLACK_CHANNEL and not root.body.get("thread_ts")
    assert "Harbor Gazette, Valley Ledger" in root.visible_text
    assert note.body["channel"] == SLACK_CHANNEL and FULL_NOTE in note.visible_text
    [d_root] = discord_fake.posted(f"/channels/{DISCORD_CHANNEL}/messages")
    [d_thread] = [r for r in discord_fake.requests if r.path.endswith("/threads")]
    root_id = d_thread.path.split("/")[4]
    assert d_thread.body["name"] == "Mara Lindqvist wins Easterby’s mayoral runoff"
    with db.read() as conn:
        stored = {r.platform: (r.root_id, r.thread_id) for r in conn.execute(select(posts))}
    root_ts = stored["slack"][0]
    assert stored["discord"] == (root_id, root_id) and d_root.path.endswith("/messages")
    assert stored["slack"] == (root_ts, root_ts) and root_ts
    assert note.body["thread_ts"] == root_ts

    # A third outlet reports the story, with a figure that differs by a tenth.
    assert ingest(db, coast_joins())
    report = await follow_stories(db, config, publishers)
    assert (report.posted, report.unknown, report.failed) == (2, 0, 0)

    [reply] = [c for c in slack.posts() if c.body.get("thread_ts")][1:]
    assert reply.body["channel"] == SLACK_CHANNEL and reply.body["thread_ts"] == root_ts
    assert UPDATE in reply.visible_text
    [edit] = slack.updates()
    assert edit.body["ts"] == root_ts and "Outlets: Harbor Gazette, Valley Ledger, Coastline Wire" in edit.visible_text

    d_note, d_reply = discord_fake.posted(f"/channels/{root_id}/messages")  # in the thread (its id is the root's)
    assert FULL_NOTE in d_note.text()
    assert UPDATE in d_reply.content and d_reply.body["allowed_mentions"] == {"parse": []}
    [d_edit] = discord_fake.edited(f"/channels/{DISCORD_CHANNEL}/messages/{root_id}")
    assert "Coastline Wire" in d_edit.text()

    # The same build again, then a re-crawled page of an outlet already counted: nothing more is posted.
    again = await follow_stories(db, config, publishers)
    assert ingest(db, harbor_recrawled())
    recrawl = await follow_stories(db, config, publishers)
    assert again.posted == recrawl.posted == 0
    assert len(slack.posts()) == 3 and len(slack.updates()) == 1
    assert len(discord_fake.posted()) == 3 and len(discord_fake.edited()) == 1
    with db.read() as conn:
        statuses = [r.status for r in conn.execute(select(story_updates))]
    assert statuses == ["sent", "sent"]


async def test_a_refused_update_is_released_and_posted_at_the_next_ingest(
    db: Database, config: NewsbriefConfig, publishers: dict[str, object], slack: FakeSlack, discord_fake: FakeDiscord
) -> None:
    assert ingest(db, first_reports())
    await post_digests(db, config, publishers)
    assert ingest(db, coast_joins())
    slack.fail_next("/api/chat.postMessage", "429", retry_after=0, times=6)  # refused, every retry too
    first = await follow_stories(db, config, {"slack": publishers["slack"]})
    assert (first.posted, first.failed) == (0, 1)
    second = await follow_stories(db, config, {"slack": publishers["slack"]})
    assert second.posted == 1
    assert UPDATE in [c for c in slack.posts() if c.body.get("thread_ts")][-1].visible_text
    with db.read() as conn:
        assert [r.status for r in conn.execute(select(story_updates))] == ["sent"]  # the refusal left no trace
