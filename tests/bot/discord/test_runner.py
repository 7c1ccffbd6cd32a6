"""run_discord: log in, sync, print the invite link, connect to the gateway and answer an interaction."""

from __future__ import annotations

import asyncio
from urllib.parse import parse_qs, urlparse

import discord
import yarl

from bot.discord.client import intents, invite_url
from bot.discord.runner import run_discord
from tests.bot.discord.conftest import GUILD_ID, interaction_payload
from tests.bot.discord.fake_discord import APP_ID, TOKEN, FakeDiscord


def test_invite_link_has_the_scopes_and_only_the_needed_permissions():
    query = parse_qs(urlparse(invite_url(APP_ID)).query)
    assert query["client_id"] == [str(APP_ID)]
    assert query["scope"] == ["bot applications.commands"]
    perms = discord.Permissions(int(query["permissions"][0]))
    assert perms == discord.Permissions(
        view_channel=True,
        send_messages=True,
        embed_links=True,
        attach_files=True,
        read_message_history=True,
        create_public_threads=True,
        send_messages_in_threads=True,
    )


def test_only_the_guilds_intent_and_nothing_privileged():
    wanted = intents()
    assert wanted.value == discord.Intents(guilds=True).value
    assert not (wanted.members or wanted.presences or wanted.message_content)


async def test_run_discord_serves_an_interaction_from_the_gateway(api_base, service, capsys, monkeypatch):
    async with FakeDiscord() as fake:
        monkeypatch.setenv("DISCORD_API_URL", fake.api_url)  # the override under test
        # discord.Client connects to a fixed gateway address (it never asks /gateway/bot); point it here.
        monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(fake.gateway_url))
        payload = interaction_payload("who-won", {"topic": "chile"})
        fake.gateway_events.append(payload)
        started: list[discord.Client] = []

        async def on_start(bot) -> None:
            started.append(bot)

        task = asyncio.create_task(run_discord(TOKEN, service, guild_id=GUILD_ID, on_start=on_start))
        try:
            (answer,) = await fake.wait_for(1, f"/webhooks/{APP_ID}/{payload['token']}", timeout=10)
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        assert "José Antonio Kast" in answer.text() and "58.30%" in answer.text()
        assert fake.identified[0]["intents"] == discord.Intents(guilds=True).value
        assert started and started[0].is_closed()
    err = capsys.readouterr().err
    assert f"client_id={APP_ID}" in err and "scope=bot+applications.commands" in err
    assert TOKEN not in err
