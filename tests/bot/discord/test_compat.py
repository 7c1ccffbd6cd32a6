"""Pins the discord.py behaviour bot/discord/compat.py works around; a discord.py release that changes it fails here."""

from __future__ import annotations

from importlib.metadata import version

import discord

from bot.discord.compat import DEFAULT_API_URL, api_url, member_role_ids, set_api_url
from tests.bot.discord.conftest import ADMIN_ROLE_ID, interaction_payload


def test_discord_py_version_is_one_compat_was_checked_against():
    major, minor = (int(part) for part in version("discord.py").split(".")[:2])
    assert major == 2 and minor >= 4


async def test_role_ids_of_an_interaction_member_whose_roles_are_not_cached(bot):
    payload = interaction_payload("brief", roles=(ADMIN_ROLE_ID, 42))
    interaction = discord.Interaction(data=payload, state=bot._connection)
    assert isinstance(interaction.user, discord.Member)
    assert interaction.user.roles == []  # the public API drops roles missing from the guild cache
    assert sorted(member_role_ids(interaction.user)) == sorted([str(ADMIN_ROLE_ID), "42"])


async def test_a_user_outside_a_server_has_no_role_ids(bot):
    payload = interaction_payload("brief")
    payload["user"] = payload.pop("member")["user"]
    del payload["guild_id"]
    interaction = discord.Interaction(data=payload, state=bot._connection)
    assert not isinstance(interaction.user, discord.Member)
    assert member_role_ids(interaction.user) == []


def test_every_rest_route_is_built_on_the_base_set(api_base):
    assert set_api_url("http://127.0.0.1:9/api/v10/") == "http://127.0.0.1:9/api/v10" == api_url()
    assert discord.http.Route("GET", "/users/@me").url == "http://127.0.0.1:9/api/v10/users/@me"
    assert set_api_url(None) == DEFAULT_API_URL
    assert discord.http.Route("GET", "/users/@me").url == f"{DEFAULT_API_URL}/users/@me"
