"""Scheduled posts: post_digest delivers embeds to a channel, survives 429s and retries network errors."""

from __future__ import annotations

import logging
import socket

import aiohttp
import discord
import pytest

from bot.discord.compat import set_api_url
from bot.discord.posting import Backoff, DiscordPostError, DiscordPostUnknown, post_digest
from bot.service import digest_document
from tests.bot.discord.fake_discord import TOKEN, Failure

CHANNEL = 123456789012345678
FAST = Backoff(attempts=3, first=0.01, factor=2.0)


@pytest.fixture
def digest(service):
    return digest_document(service.source.stories())


async def test_post_digest_with_a_client(bot, fake, digest):
    ids = await post_digest(bot, CHANNEL, digest)
    (posted,) = fake.posted(f"/channels/{CHANNEL}/messages")
    assert len(ids) == 1
    assert "José Antonio Kast wins Chile’s presidential runoff" in posted.text()
    assert "58.30%" in posted.text()
    assert posted.body["allowed_mentions"] == {"parse": []}  # article text can never ping anyone
    assert posted.authorization == f"Bot {TOKEN}"


async def test_post_digest_with_a_bare_http_client(fake, digest):
    http = discord.http.HTTPClient(aiohttp.TCPConnector(limit=0))
    try:
        await http.static_login(TOKEN)
        ids = await post_digest(http, str(CHANNEL), digest)
    finally:
        await http.close()
    assert len(ids) == 1
    assert "58.30%" in fake.posted(f"/channels/{CHANNEL}/messages")[0].text()


async def test_rate_limited_post_is_retried_after_retry_after(bot, fake, digest):
    fake.rate_limit_next(f"/channels/{CHANNEL}/messages", retry_after=0.05)
    await post_digest(bot, CHANNEL, digest)
    attempts = [r.status for r in fake.requests if r.path == f"/channels/{CHANNEL}/messages"]
    assert attempts == [429, 200]


async def test_a_connection_lost_after_sending_is_never_retried(bot, fake, digest, caplog):
    fake.drop_next(f"/channels/{CHANNEL}/messages", times=2)  # Discord had the whole request each time
    with caplog.at_level(logging.WARNING, logger="newsbrief.discord"), pytest.raises(DiscordPostUnknown) as unknown:
        await post_digest(bot, CHANNEL, digest, backoff=FAST)
    attempts = [r.status for r in fake.requests if r.path == f"/channels/{CHANNEL}/messages"]
    assert attempts == [0]  # one try: a second could post the digest twice
    assert "may or may not have been posted" in unknown.value.user_message
    assert not any("retrying" in r.getMessage() for r in caplog.records)


async def test_a_slow_discord_leaves_the_post_unknown_after_one_try(bot, fake, digest):
    fake.slow_next(f"/channels/{CHANNEL}/messages", 1.0)
    with pytest.raises(DiscordPostUnknown):
        await post_digest(bot, CHANNEL, digest, backoff=Backoff(attempts=3, first=0.01, timeout=0.2))
    assert len([r for r in fake.requests if r.path == f"/channels/{CHANNEL}/messages"]) == 1


async def test_service_unavailable_is_retried_with_backoff(bot, fake, digest, caplog):
    unavailable = Failure(503, {"message": "Service Unavailable", "code": 0})
    fake.failures.setdefault(f"/channels/{CHANNEL}/messages", []).extend([unavailable, unavailable])
    with caplog.at_level(logging.WARNING, logger="newsbrief.discord"):
        await post_digest(bot, CHANNEL, digest, backoff=FAST)
    attempts = [r.status for r in fake.requests if r.path == f"/channels/{CHANNEL}/messages"]
    assert attempts == [503, 503, 200]
    assert sum("retrying" in r.getMessage() for r in caplog.records) == 2


async def test_unreachable_discord_gives_up_with_an_error_id(bot, fake, digest, caplog):
    with socket.socket() as s:  # a port nobody listens on: connection refused
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    set_api_url(f"http://127.0.0.1:{port}/api/v10")
    with caplog.at_level(logging.ERROR, logger="newsbrief.discord"), pytest.raises(DiscordPostError) as failed:
        await post_digest(bot, CHANNEL, digest, backoff=FAST)
    error_id = failed.value.error_id
    assert f"error id {error_id}" in failed.value.user_message
    (logged,) = [r for r in caplog.records if error_id in r.getMessage()]
    assert "after 3 attempts" in logged.getMessage() and logged.exc_info is not None
    assert TOKEN not in logged.getMessage()
