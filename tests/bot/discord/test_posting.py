"""Scheduled posts: post_digest delivers embeds to a channel, survives 429s and retries network errors."""

from __future__ import annotations

import logging
import socket

import aiohttp
import discord
import pytest

from bot.discord.client import set_api_url
from bot.discord.posting import Backoff, DiscordPostError, post_digest
from bot.service import digest_document
from tests.bot.discord.fake_discord import TOKEN

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


async def test_dropped_connections_are_retried_with_backoff(bot, fake, digest, caplog):
    fake.drop_next(f"/channels/{CHANNEL}/messages", times=2)
    with caplog.at_level(logging.WARNING, logger="newsbrief.discord"):
        await post_digest(bot, CHANNEL, digest, backoff=FAST)
    attempts = [r.status for r in fake.requests if r.path == f"/channels/{CHANNEL}/messages"]
    assert attempts == [0, 0, 200]
    assert len(fake.posted(f"/channels/{CHANNEL}/messages")) == 1
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
