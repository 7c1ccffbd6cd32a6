"""Manual ``/digest``: claimed and recorded like a scheduled digest, with the channel's current settings."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.compose import compose_service
from bot.config.model import effective_settings
from bot.config.store import ConfigStore
from bot.digest import NOTHING_NEW, manual_slot, run_digest
from bot.discord.client import NewsbriefDiscordBot
from bot.feeds.ingest import rebuild_stories
from bot.service import CommandService, InMemoryStories, Reply
from bot.slack.app import build_slack_app, listener_pool
from bot.storage import Database
from bot.storage.articles import insert_articles
from bot.storage.database import utcnow
from bot.storage.posts import posted_story_keys
from summarizer.brief import BriefSettings
from summarizer.readers import load_articles, make_article
from tests.bot.discord.conftest import CHANNEL_ID, GUILD_ID, api_base, dispatch, fake, interaction_payload  # noqa: F401
from tests.bot.discord.fake_discord import APP_ID, TOKEN, FakeDiscord
from tests.bot.slack.conftest import FAST_RETRY, SECRET, ServedApp, SlackUser
from tests.bot.slack.conftest import TOKEN as SLACK_TOKEN
from tests.bot.slack.fake_slack import FakeSlack
from tests.conftest import FIXTURES, SEEDS
from tests.publishers import RecordingPublisher
from tests.storage.databases import db, db_url  # noqa: F401 (fixtures)

SLOT = utcnow().replace(minute=0, second=0, microsecond=0)
ARTICLES = [SEEDS, *(FIXTURES / "articles" / d for d in ("election", "flood", "single", "formats"))]
CONFIG = f"""\
[defaults]
max_stories = 2

[workspaces."{GUILD_ID}"]
max_stories = 1

[[channels]]
platform = "slack"
channel_id = "C9"
schedule = "0 8 * * *"
max_stories = 3
"""
FIRE = (
    "Firefighters contained a grass fire on the northern ridge on Wednesday after a night of work. "
    "No homes were damaged, the fire service said, and the road to the reservoir reopened at noon. "
    "Investigators believe a discarded barbecue started the blaze during the dry, windy afternoon."
)
TRAMS_AGAIN = (
    "Trams started running in Easterby on Saturday on the new line between the station and the hospital, "
    "the city council said. The Easterby tram line carried thousands of passengers on its first day. "
    "The council said trams will run every ten minutes and the trams are free for the first week."
)


@pytest.fixture
def store(tmp_path: Path) -> ConfigStore:
    path = tmp_path / "newsbrief.toml"
    path.write_text(CONFIG, encoding="utf-8")
    return ConfigStore(path)


@pytest.fixture
def stored(db: Database) -> Database:  # noqa: F811
    """Seven stories (4, 3, 3, 2, 2, 2 and 1 outlets), as `newsbrief run --from` would store them."""
    with db.transaction() as conn:
        insert_articles(conn, "files", load_articles(ARTICLES).articles, utcnow())
    rebuild_stories(db, BriefSettings())
    return db


@pytest.fixture
def service(stored: Database, store: ConfigStore) -> CommandService:
    """The service `newsbrief run` and `newsbrief chat` answer with: the one composition."""
    _, composed = compose_service(store, stored)
    return composed


def manual(service: CommandService, channel: str, platform: str = "slack") -> Reply:
    return service.run("digest", platform=platform, channel_id=channel)


def post(reply: Reply, posted: list[dict[str, Any]]) -> list[str]:
    """What an adapter does: post inside ``delivery()``; returns the story titles posted."""
    assert not reply.is_error, reply.doc
    with reply.delivery():
        posted.append(reply.doc)
    return [s["title"] for s in reply.doc["stories"]]


def add_article(database: Database, text: str, title: str | None = None) -> None:
    with database.transaction() as conn:
        article = make_article(outlet="Valley Ledger", text=text, source="t", title=title, url=f"http://v.test/{title}")
        insert_articles(conn, "valley", [article], utcnow())
    rebuild_stories(database, BriefSettings())


async def test_a_scheduled_digest_after_a_manual_one_does_not_repeat_its_stories(
    stored: Database, store: ConfigStore, service: CommandService
) -> None:
    manual_titles = post(manual(service, "C9"), [])
    assert len(manual_titles) == 3 and manual_titles[0] == "Easterby trams start running"

    add_article(stored, FIRE, "Ridge fire contained")  # a new story
    add_article(stored, TRAMS_AGAIN)  # more news about a story the manual digest already posted
    pub = RecordingPublisher()
    settings = effective_settings(store.config, "slack", "C9")
    outcome = await run_digest(stored, pub, "slack", "C9", settings, SLOT)
    assert (outcome.status, pub.story_titles("C9")) == ("posted", ["Ridge fire contained"])
    with stored.transaction() as conn:
        keys = posted_story_keys(conn, "slack", "C9")
    assert len(keys) == len(set(keys)) == 4


def test_the_channel_max_stories_is_honoured_and_a_channel_not_in_the_config_gets_the_defaults(
    service: CommandService,
) -> None:
    assert len(post(manual(service, "C9"), [])) == 3  # [[channels]] max_stories = 3
    assert len(post(manual(service, "C1"), [])) == 2  # [defaults] max_stories = 2
    assert len(post(manual(service, "C2", platform="discord"), [])) == 2


def test_a_config_change_of_max_stories_is_seen_without_a_restart(service: CommandService, store: ConfigStore) -> None:
    store.set("defaults.max_stories", "1", actor="test")
    assert len(post(manual(service, "C1"), [])) == 1
    store.set("defaults.max_stories", "4", actor="test")
    assert len(post(manual(service, "C2"), [])) == 4


def test_nothing_new_since_the_last_digest_says_so_and_posts_nothing(service: CommandService) -> None:
    post(manual(service, "C9"), [])
    again = manual(service, "C9")
    assert again.is_error and again.doc["error"]["message"] == NOTHING_NEW
    assert again.settle is None


async def test_a_failing_post_releases_the_stories_for_the_next_digest(service: CommandService) -> None:
    first = await asyncio.to_thread(manual, service, "C1")
    with pytest.raises(ConnectionError):
        async with first.delivery():  # as the Discord adapter posts: on the event loop
            raise ConnectionError("Discord is down")
    retried = await asyncio.to_thread(manual, service, "C1")
    assert [s["title"] for s in retried.doc["stories"]] == [s["title"] for s in first.doc["stories"]]


async def test_a_cancelled_post_may_have_gone_out_so_its_stories_are_never_sent_again(
    service: CommandService,
) -> None:
    first = await asyncio.to_thread(manual, service, "C1")
    with pytest.raises(asyncio.CancelledError):
        async with first.delivery():
            raise asyncio.CancelledError
    second = post(await asyncio.to_thread(manual, service, "C1"), [])
    assert len(second) == 2 and not set(second) & {s["title"] for s in first.doc["stories"]}


def test_a_manual_slot_never_takes_a_scheduled_slot() -> None:
    assert manual_slot(SLOT) != SLOT and manual_slot(SLOT) - SLOT < timedelta(milliseconds=1)
    later = SLOT + timedelta(seconds=7, microseconds=5)
    assert manual_slot(later) == later


def test_without_storage_digest_is_the_top_stories_as_before() -> None:
    service = CommandService(InMemoryStories.from_paths(ARTICLES), digest_size=2)
    reply = service.run("digest", platform="slack", channel_id="C1")
    assert len(reply.doc["stories"]) == 2 and reply.doc["stories"][0]["title"] == "Easterby trams start running"
    assert reply.settle is None


# --- through the adapters, over loopback --------------------------------------------------------


@pytest.fixture
def slack_fake() -> Iterator[FakeSlack]:
    server = FakeSlack().start()
    yield server
    server.stop()


@pytest.fixture
def slack_user(slack_fake: FakeSlack, service: CommandService) -> Iterator[SlackUser]:
    pool = listener_pool()
    app = build_slack_app(
        service,
        token=SLACK_TOKEN,
        signing_secret=SECRET,
        api_url=slack_fake.api_url,
        retry=FAST_RETRY,
        listener_executor=pool,
    )
    served = ServedApp(app, pool)
    yield SlackUser(served.url, slack_fake)
    served.stop()


def test_slack_digest_posts_once_then_says_nothing_is_new(slack_user: SlackUser, slack_fake: FakeSlack) -> None:
    user = slack_user
    user.command("/digest", channel_id="C9")
    [digest] = slack_fake.wait_for_posts(1)
    assert digest.path == "/api/chat.postMessage" and digest.body["channel"] == "C9"
    assert "Easterby trams start running" in digest.visible_text

    user.command("/digest", channel_id="C9")
    _, notice = slack_fake.wait_for_posts(2)
    assert notice.path == "/response/digest" and notice.body["response_type"] == "ephemeral"
    assert notice.body["text"] == NOTHING_NEW


async def test_slack_digest_the_bot_cannot_post_releases_the_stories(
    slack_user: SlackUser, slack_fake: FakeSlack, stored: Database, store: ConfigStore
) -> None:
    user = slack_user
    await asyncio.to_thread(user.command, "/digest", channel_id="CNOTIN1")
    posts = await asyncio.to_thread(slack_fake.wait_for_posts, 2)
    assert "invite me with `/invite @newsbrief`" in posts[-1].body["text"]

    pub = RecordingPublisher()  # the channel's next (scheduled) digest still has the stories
    settings = effective_settings(store.config, "slack", "CNOTIN1")
    outcome = await run_digest(stored, pub, "slack", "CNOTIN1", settings, SLOT)
    assert (outcome.status, outcome.stories) == ("posted", 2)


@pytest.fixture
async def discord_bot(fake: FakeDiscord, service: CommandService) -> AsyncIterator[NewsbriefDiscordBot]:  # noqa: F811
    client = NewsbriefDiscordBot(service, guild_id=GUILD_ID)
    await client.login(TOKEN)
    try:
        yield client
    finally:
        await client.close()


async def test_discord_digest_follows_the_guild_settings_and_is_not_repeated(
    discord_bot: NewsbriefDiscordBot,
    fake: FakeDiscord,  # noqa: F811
) -> None:
    first = interaction_payload("digest")
    await dispatch(discord_bot, first)
    (posted,) = fake.posted(f"/channels/{CHANNEL_ID}/messages")
    assert "Easterby trams start running" in posted.text()
    (ack,) = fake.posted(f"/webhooks/{APP_ID}/{first['token']}")
    assert ack.content == "Posted the digest here (1 story)."  # [workspaces."<guild>"] max_stories = 1

    second = interaction_payload("digest")
    await dispatch(discord_bot, second)
    assert len(fake.posted(f"/channels/{CHANNEL_ID}/messages")) == 1
    (notice,) = fake.posted(f"/webhooks/{APP_ID}/{second['token']}")
    assert NOTHING_NEW in notice.text() and notice.flags & 64  # ephemeral
