"""A platform that takes a digest but never confirms it (too slow, connection lost): the digest's outcome
is unknown, its stories count as posted, and the next digest never posts them again (at most once)."""

from __future__ import annotations

import asyncio
import re
import socket
from collections.abc import AsyncIterator, Iterator
from typing import Any

import aiohttp
import discord
import pytest
from sqlalchemy import select

from bot.config.model import effective_settings
from bot.config.store import ConfigStore
from bot.digest import NOTHING_NEW, run_digest
from bot.discord.client import NewsbriefDiscordBot
from bot.discord.posting import Backoff, post_digest
from bot.service import CommandService
from bot.slack.app import build_slack_app, listener_pool
from bot.slack.delivery import UNCONFIRMED, RetryPolicy
from bot.storage import Database
from bot.storage.schema import digest_runs, posts
from tests.bot.discord.conftest import CHANNEL_ID, api_base, dispatch, fake, interaction_payload  # noqa: F401
from tests.bot.discord.fake_discord import APP_ID, FakeDiscord
from tests.bot.discord.fake_discord import TOKEN as DISCORD_TOKEN
from tests.bot.slack.conftest import SECRET, ServedApp, SlackUser
from tests.bot.slack.conftest import TOKEN as SLACK_TOKEN
from tests.bot.slack.fake_slack import FakeSlack
from tests.bot.test_manual_digest import SLOT, discord_bot, service, store, stored  # noqa: F401 (fixtures)
from tests.publishers import RecordingPublisher
from tests.storage.databases import db, db_url  # noqa: F401 (fixtures)

CHAT_POST = "/api/chat.postMessage"
# The client gives up after 0.3 s; the fake platform takes the post at once and confirms it after 1 s.
IMPATIENT = RetryPolicy(network_retries=3, backoff_seconds=0.05, timeout_seconds=0.3)


def runs_and_posts(database: Database, platform: str, channel: str) -> tuple[list[str], list[str]]:
    """The statuses of the channel's digest runs and of its recorded posts, as the database holds them."""
    with database.read() as conn:
        runs = conn.execute(
            select(digest_runs.c.status)
            .where((digest_runs.c.platform == platform) & (digest_runs.c.channel_id == channel))
            .order_by(digest_runs.c.id)
        )
        recorded = conn.execute(  # the stories posted (or not), leaving out those the digests passed over
            select(posts.c.status).where(
                (posts.c.platform == platform) & (posts.c.channel_id == channel) & (posts.c.status != "passed")
            )
        )
        return [r for (r,) in runs], [p for (p,) in recorded]


@pytest.fixture
def slack_fake() -> Iterator[FakeSlack]:
    server = FakeSlack().start()
    yield server
    server.stop()


@pytest.fixture
def slack_app(slack_fake: FakeSlack, service: CommandService) -> Iterator[ServedApp]:  # noqa: F811
    pool = listener_pool()
    app = build_slack_app(
        service,
        token=SLACK_TOKEN,
        signing_secret=SECRET,
        api_url=slack_fake.api_url,
        retry=IMPATIENT,
        listener_executor=pool,
    )
    served = ServedApp(app, pool)
    yield served
    served.stop()


def test_slack_digest_confirmed_too_late_is_unknown_and_its_stories_are_not_posted_again(
    slack_app: ServedApp,
    slack_fake: FakeSlack,
    stored: Database,  # noqa: F811
) -> None:
    user = SlackUser(slack_app.url, slack_fake)
    slack_fake.slow_next(CHAT_POST, 1.0)
    user.command("/digest", channel_id="C9")
    digest, notice = slack_fake.wait_for_posts(2)
    assert digest.path == CHAT_POST and "Easterby trams start running" in digest.visible_text
    assert notice.path == "/response/digest" and notice.body["response_type"] == "ephemeral"
    assert re.fullmatch(re.escape(UNCONFIRMED) + r" \(error id [0-9a-f]{8}\)", notice.body["text"])
    assert "did not accept" not in notice.body["text"]
    assert runs_and_posts(stored, "slack", "C9") == (["unknown"], ["unknown"] * 3)

    user.command("/digest", channel_id="C9")
    *_, again = slack_fake.wait_for_posts(3)
    assert again.body["text"] == NOTHING_NEW
    assert [c for c in slack_fake.posts() if c.path == CHAT_POST] == [digest]  # one chat.postMessage, ever


def test_slack_connection_lost_after_sending_is_not_retried_and_counts_as_posted(
    slack_app: ServedApp,
    slack_fake: FakeSlack,
    stored: Database,  # noqa: F811
) -> None:
    user = SlackUser(slack_app.url, slack_fake)
    slack_fake.fail_next(CHAT_POST, "drop", times=10)
    user.command("/digest", channel_id="C9")
    posts_seen = slack_fake.wait_for_posts(2, settle=0.3)
    assert [p.path for p in posts_seen] == [CHAT_POST, "/response/digest"]  # never re-sent
    assert posts_seen[-1].body["text"].startswith(UNCONFIRMED)
    assert runs_and_posts(stored, "slack", "C9") == (["unknown"], ["unknown"] * 3)


async def test_slack_post_that_never_left_is_retried_then_released_for_the_next_digest(
    slack_app: ServedApp,
    slack_fake: FakeSlack,
    stored: Database,  # noqa: F811
    store: ConfigStore,  # noqa: F811
) -> None:
    with socket.socket() as s:  # a port nobody listens on: the request never reaches Slack
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}/api/"
    slack_app.app.client.base_url = closed
    user = SlackUser(slack_app.url, slack_fake)
    await asyncio.to_thread(user.command, "/digest", channel_id="C9")
    [notice] = await asyncio.to_thread(slack_fake.wait_for_posts, 1)
    assert notice.body["text"].startswith("Slack did not accept the answer; please try again in a minute.")
    assert runs_and_posts(stored, "slack", "C9") == (["failed"], [])

    pub = RecordingPublisher()  # nothing went out, so the next digest has the same stories
    outcome = await run_digest(stored, pub, "slack", "C9", effective_settings(store.config, "slack", "C9"), SLOT)
    assert (outcome.status, outcome.stories) == ("posted", 3)


class ImpatientDiscord:
    """The Discord publisher with a short per-request timeout (the default is 60 s)."""

    def __init__(self, http: discord.http.HTTPClient) -> None:
        self.http = http

    async def post(self, target: str, doc: dict[str, Any]) -> None:
        await post_digest(self.http, target, doc, backoff=Backoff(attempts=3, first=0.01, timeout=0.3))


@pytest.fixture
async def discord_http(fake: FakeDiscord) -> AsyncIterator[discord.http.HTTPClient]:  # noqa: F811
    http = discord.http.HTTPClient(aiohttp.TCPConnector(limit=0))
    await http.static_login(DISCORD_TOKEN)
    yield http
    await http.close()


async def test_discord_scheduled_digest_confirmed_too_late_is_unknown_and_not_repeated(
    discord_http: discord.http.HTTPClient,
    fake: FakeDiscord,  # noqa: F811
    stored: Database,  # noqa: F811
    store: ConfigStore,  # noqa: F811
) -> None:
    channel = "700000000000000009"
    messages = f"/channels/{channel}/messages"
    settings = effective_settings(store.config, "discord", channel)
    fake.slow_next(messages, 1.0)
    first = await run_digest(stored, ImpatientDiscord(discord_http), "discord", channel, settings, SLOT)
    assert (first.status, first.stories) == ("unknown", 2) and first.error_id
    assert runs_and_posts(stored, "discord", channel) == (["unknown"], ["unknown"] * 2)

    later = SLOT.replace(hour=(SLOT.hour + 1) % 24)
    second = await run_digest(stored, ImpatientDiscord(discord_http), "discord", channel, settings, later)
    assert (second.status, second.stories) == ("empty", 0)  # nothing new: the unknown digest's stories count
    [taken] = [r for r in fake.requests if r.path == messages]  # one message, ever
    assert "Easterby trams start running" in taken.text()


async def test_discord_digest_whose_connection_drops_after_sending_tells_the_user_and_is_not_repeated(
    discord_bot: NewsbriefDiscordBot,  # noqa: F811
    fake: FakeDiscord,  # noqa: F811
    stored: Database,  # noqa: F811
) -> None:
    messages = f"/channels/{CHANNEL_ID}/messages"
    fake.drop_next(messages)  # Discord had the whole request, then the connection went
    first = interaction_payload("digest")
    await dispatch(discord_bot, first)
    (notice,) = fake.posted(f"/webhooks/{APP_ID}/{first['token']}")
    assert "may or may not have been posted" in notice.text() and notice.flags & 64  # told only to the user
    assert runs_and_posts(stored, "discord", str(CHANNEL_ID)) == (["unknown"], ["unknown"])

    second = interaction_payload("digest")
    await dispatch(discord_bot, second)
    (again,) = fake.posted(f"/webhooks/{APP_ID}/{second['token']}")
    assert NOTHING_NEW in again.text()
    assert len([r for r in fake.requests if r.path == messages]) == 1  # one try, never re-sent
