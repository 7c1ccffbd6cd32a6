"""Fixtures: the fake Discord API, a logged-in newsbrief bot against it, and interaction payload builders."""

from __future__ import annotations

import asyncio
import itertools
import warnings
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

with warnings.catch_warnings():
    # discord.py 2.7 imports the stdlib's audioop for voice, deprecated since Python 3.11;
    # newsbrief uses no voice. Filtered for this import only; any other warning still fails.
    warnings.filterwarnings("ignore", message="'audioop' is deprecated", category=DeprecationWarning)
    import discord

from bot.discord.client import NewsbriefDiscordBot
from bot.discord.compat import api_url, set_api_url
from bot.service import CommandService, InMemoryStories
from tests.bot.discord.fake_discord import APP_ID, TOKEN, FakeDiscord
from tests.conftest import SEEDS

GUILD_ID = 700000000000000001
CHANNEL_ID = 700000000000000002
ADMIN_ROLE_ID = 700000000000000003
MANAGE_GUILD = discord.Permissions(manage_guild=True, send_messages=True, view_channel=True).value
MEMBER = discord.Permissions(send_messages=True, view_channel=True).value
_ids = itertools.count(800000000000000000)


@pytest.fixture(scope="session")
def service() -> CommandService:
    return CommandService(InMemoryStories.from_paths([SEEDS]))


@pytest.fixture
def api_base() -> Iterator[None]:
    """discord.http.Route.BASE is process-wide: put it back after each test."""
    saved = api_url()
    yield
    set_api_url(saved)


@pytest.fixture
async def fake(api_base: None) -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord() as server:
        set_api_url(server.api_url)
        yield server


@pytest.fixture
def config_store() -> Any:
    return None


@pytest.fixture
async def bot(fake: FakeDiscord, service: CommandService, config_store: Any) -> AsyncIterator[NewsbriefDiscordBot]:
    client = NewsbriefDiscordBot(service, config_store=config_store, guild_id=GUILD_ID)
    await client.login(TOKEN)
    try:
        yield client
    finally:
        await client.close()


def interaction_payload(
    command: str,
    options: dict[str, str] | None = None,
    *,
    kind: int = 2,
    focused: str | None = None,
    permissions: int = MEMBER,
    roles: tuple[int, ...] = (),
) -> dict[str, Any]:
    """An INTERACTION_CREATE payload as Discord sends it for a slash command (2) or autocomplete (4)."""
    user = {
        "id": "500000000000000001",
        "username": "reader",
        "discriminator": "0",
        "global_name": "Reader",
        "avatar": None,
    }
    opts = [
        {"name": k, "type": 3, "value": v, **({"focused": True} if k == focused else {})}
        for k, v in (options or {}).items()
    ]
    return {
        "id": str(next(_ids)),
        "application_id": str(APP_ID),
        "type": kind,
        "token": f"itoken-{next(_ids)}",
        "version": 1,
        "guild_id": str(GUILD_ID),
        "channel_id": str(CHANNEL_ID),
        "channel": {
            "id": str(CHANNEL_ID),
            "type": 0,
            "guild_id": str(GUILD_ID),
            "name": "news",
            "position": 0,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
        },
        "member": {
            "user": user,
            "roles": [str(r) for r in roles],
            "permissions": str(permissions),
            "joined_at": "2025-01-01T00:00:00+00:00",
            "deaf": False,
            "mute": False,
            "flags": 0,
            "nick": None,
        },
        "data": {"id": str(next(_ids)), "name": command, "type": 1, "guild_id": str(GUILD_ID), "options": opts},
        "locale": "en-US",
        "guild_locale": "en-US",
        "app_permissions": str(discord.Permissions.all().value),
        "entitlements": [],
        "authorizing_integration_owners": {"0": str(GUILD_ID)},
        "context": 0,
        "attachment_size_limit": 8388608,
    }


async def dispatch(bot: discord.Client, payload: dict[str, Any]) -> None:
    """Feed INTERACTION_CREATE to the connection state, as the gateway would, and wait for the command to finish."""
    before = asyncio.all_tasks()
    bot._connection.parse_interaction_create(payload)
    started = [t for t in asyncio.all_tasks() - before if t.get_name() == "CommandTree-invoker"]
    assert started, "the command tree did not pick up the interaction"
    await asyncio.wait_for(asyncio.gather(*started), timeout=10)
