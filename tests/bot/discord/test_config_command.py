"""/newsbrief-config on Discord: Manage Server or a listed role may change settings; others are refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.config.store import ConfigStore
from tests.bot.discord.conftest import ADMIN_ROLE_ID, GUILD_ID, MANAGE_GUILD, MEMBER, dispatch, interaction_payload
from tests.bot.discord.fake_discord import APP_ID
from tests.conftest import ROOT


@pytest.fixture
def config_path(tmp_path: Path) -> Path:
    path = tmp_path / "newsbrief.toml"
    shutil.copy(ROOT / "config" / "newsbrief.toml", path)
    text = path.read_text("utf-8").replace("discord_roles = []", f'discord_roles = ["{ADMIN_ROLE_ID}"]')
    path.write_text(text, "utf-8")
    return path


@pytest.fixture
def config_store(config_path: Path) -> ConfigStore:
    return ConfigStore(config_path)


async def config(bot, fake, args: str, **member) -> str:
    payload = interaction_payload("newsbrief-config", {"args": args}, **member)
    await dispatch(bot, payload)
    (callback,) = [r for r in fake.requests if r.path.endswith(f"{payload['id']}/{payload['token']}/callback")]
    assert callback.body["type"] == 5 and callback.body["data"]["flags"] & 64  # deferred, ephemeral
    (reply,) = fake.posted(f"/webhooks/{APP_ID}/{payload['token']}")
    return reply.text()


async def test_member_without_manage_server_is_refused_and_nothing_changes(bot, fake, config_path):
    before = config_path.read_bytes()
    text = await config(bot, fake, "set defaults.max_stories 3", permissions=MEMBER)
    assert "Not allowed" in text and "Only admins can change the configuration" in text
    assert config_path.read_bytes() == before


async def test_manage_server_changes_this_servers_settings(bot, fake, config_path, config_store):
    text = await config(bot, fake, f"set workspaces.{GUILD_ID}.max_stories 3", permissions=MANAGE_GUILD)
    assert "Configuration saved" in text and f"workspaces.{GUILD_ID}.max_stories: (none) → 3" in text
    assert ConfigStore(config_path).load().workspaces[str(GUILD_ID)].max_stories == 3


async def test_manage_server_may_not_change_global_defaults(bot, fake, config_path):
    before = config_path.read_bytes()
    text = await config(bot, fake, "set defaults.max_stories 3", permissions=MANAGE_GUILD)
    assert "Not allowed" in text and "Only bot admins listed in [admins] may change defaults" in text
    assert config_path.read_bytes() == before


async def test_a_listed_admin_role_applies_the_change(bot, fake, config_path):
    text = await config(bot, fake, "set defaults.max_stories 2", permissions=MEMBER, roles=(ADMIN_ROLE_ID,))
    assert "Configuration saved" in text
    assert ConfigStore(config_path).load().defaults.max_stories == 2


async def test_invalid_value_is_explained_and_not_saved(bot, fake, config_path):
    before = config_path.read_bytes()
    text = await config(bot, fake, f"set workspaces.{GUILD_ID}.max_stories many", permissions=MANAGE_GUILD)
    assert "Not changed" in text and "max_stories" in text
    assert config_path.read_bytes() == before


async def test_anyone_may_show_this_channels_settings(bot, fake):
    text = await config(bot, fake, "show", permissions=MEMBER)
    assert "Settings for discord:" in text and "max_stories: 5" in text
