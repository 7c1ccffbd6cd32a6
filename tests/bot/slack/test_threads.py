"""/brief and /digest in a Slack channel with threads: the story is posted as the bot, the root of its thread;
the full framing note and the coverage picture go into the thread, and a later update lands there too."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from bot.config.model import NewsbriefConfig
from bot.digest import ChannelDigests
from bot.pictures import Pictures
from bot.publishers import SlackPublisher
from bot.service import CommandService, InMemoryStories
from bot.slack.app import build_slack_app, listener_pool
from bot.storage import Database
from bot.storage.schema import posts
from bot.storage.story_source import StoredStories
from bot.threads.follow import follow_stories
from bot.threads.manual import ChannelThreads
from tests.bot.render.test_coverage_picture import png_size
from tests.bot.slack.conftest import FAST_RETRY, SECRET, TOKEN, ServedApp, SlackUser
from tests.bot.slack.fake_slack import FakeSlack
from tests.storage.databases import db, db_url  # noqa: F401 (fixtures)
from tests.threads.helpers import ingest
from tests.threads.stories import coast_joins, first_reports

CHANNEL = "C0THREADS"
REFUSING = "CNOTIN9"  # the fake refuses posts here, as Slack does when the bot is not in the channel
UPDATE = "Coastline Wire now reports it; it gives 58.2%, the others 58.3%"
FULL_NOTE = "How each outlet framed it: Mara Lindqvist wins"


@pytest.fixture
def config() -> NewsbriefConfig:
    channel = {"platform": "slack", "schedule": "0 8 * * *", "threads": True, "pictures": True}
    return NewsbriefConfig.model_validate(
        {"channels": [{**channel, "channel_id": CHANNEL}, {**channel, "channel_id": REFUSING}]}
    )


@pytest.fixture
def served(fake: FakeSlack, db: Database, config: NewsbriefConfig) -> Iterator[ServedApp]:  # noqa: F811
    """The bot's Slack app over the database; ``served.pool.shutdown()`` waits for the commands sent to finish."""
    assert ingest(db, first_reports())
    service = CommandService(
        StoredStories(db),
        claim_digest=ChannelDigests(db, lambda: config),
        threads=ChannelThreads(db, lambda: config),
        pictures=Pictures(lambda: config),
    )
    pool = listener_pool()
    app = build_slack_app(
        service, listener_executor=pool, token=TOKEN, signing_secret=SECRET, api_url=fake.api_url, retry=FAST_RETRY
    )
    server = ServedApp(app, pool)
    yield server
    server.stop()


def send(served: ServedApp, fake: FakeSlack, command: str, text: str = "", **kwargs: str) -> None:
    """Send a signed slash command and wait until the bot has finished with it."""
    assert SlackUser(served.url, fake).command(command, text, **kwargs).status == 200
    served.pool.shutdown(wait=True)


def publishers(fake: FakeSlack, config: NewsbriefConfig) -> dict[str, object]:
    app = build_slack_app(CommandService(InMemoryStories()), token=TOKEN, signing_secret="s", api_url=fake.api_url)
    return {"slack": SlackPublisher(app, FAST_RETRY, Pictures(lambda: config))}


def stored_roots(db: Database) -> list[tuple[str, str, str]]:  # noqa: F811
    with db.read() as conn:
        return [(r.status, r.root_id, r.thread_id) for r in conn.execute(select(posts))]


def test_brief_in_a_thread_channel_is_the_root_of_the_storys_thread_and_its_update_lands_there(
    served: ServedApp,
    fake: FakeSlack,
    db: Database,  # noqa: F811
    config: NewsbriefConfig,
) -> None:
    send(served, fake, "/brief", "lindqvist", channel_id=CHANNEL)
    [(shared, png)] = fake.uploads()
    root, note = fake.posts()
    assert root.path == "/api/chat.postMessage" and root.body["channel"] == CHANNEL and not root.body.get("thread_ts")
    assert "Mara Lindqvist" in root.visible_text
    [(status, root_ts, thread_ts)] = stored_roots(db)
    assert status == "sent" and root_ts == thread_ts
    assert note.body["thread_ts"] == root_ts and FULL_NOTE in note.visible_text  # the thread's first reply
    # The picture goes into the thread (files.completeUploadExternal with thread_ts), not the channel.
    assert shared.body["channel_id"] == CHANNEL and shared.body["thread_ts"] == root_ts
    assert png_size(png) == (800, 450)
    assert fake.calls.index(note) < fake.calls.index(shared)

    assert ingest(db, coast_joins())
    report = asyncio.run(follow_stories(db, config, publishers(fake, config)))
    again = asyncio.run(follow_stories(db, config, publishers(fake, config)))
    assert (report.posted, again.posted) == (1, 0)
    replies = [c for c in fake.posts() if c.body.get("thread_ts")]
    assert [c.body["thread_ts"] for c in replies] == [root_ts, root_ts]
    assert UPDATE in replies[1].visible_text
    [edit] = fake.updates()
    assert edit.body["ts"] == root_ts and "Coastline Wire" in edit.visible_text
    # The picture as the story is now follows the update in the thread (the first one counted two outlets).
    _first, (redrawn, _png) = fake.uploads()
    assert redrawn.body["thread_ts"] == root_ts and fake.calls.index(replies[1]) < fake.calls.index(redrawn)
    assert "Coastline Wire" in fake.upload_requests()[1].body["alt_txt"]
    assert "Coastline Wire" not in fake.upload_requests()[0].body["alt_txt"]


def test_brief_where_slack_refuses_the_post_is_answered_as_usual_and_claims_nothing(
    served: ServedApp,
    fake: FakeSlack,
    db: Database,  # noqa: F811
) -> None:
    send(served, fake, "/brief", "lindqvist", channel_id=REFUSING)
    refused, answer = fake.posts()
    assert refused.body["channel"] == REFUSING and refused.path == "/api/chat.postMessage"
    assert answer.path.startswith("/response/") and answer.body["response_type"] == "in_channel"
    assert "Mara Lindqvist" in answer.visible_text
    assert stored_roots(db) == []  # released: a later digest (once the bot is invited) may post it


def test_digest_in_a_thread_channel_posts_its_stories_as_thread_roots(
    served: ServedApp,
    fake: FakeSlack,
    db: Database,  # noqa: F811
) -> None:
    send(served, fake, "/digest", channel_id=CHANNEL)
    [(shared, _png)] = fake.uploads()
    root, note = fake.posts()
    [(status, root_ts, _thread)] = stored_roots(db)
    assert status == "sent" and not root.body.get("thread_ts") and "Harbor Gazette, Valley Ledger" in root.visible_text
    assert note.body["thread_ts"] == shared.body["thread_ts"] == root_ts
    assert json.loads(shared.body["files"])[0]["title"].startswith("Coverage: Mara Lindqvist")
