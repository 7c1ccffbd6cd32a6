"""The two places newsbrief needs from discord.py what its public API does not offer, kept in one module.

Checked against discord.py 2.4-2.7 (``tests/bot/discord/test_compat.py`` pins the behaviour):

- ``Member.roles`` maps the role ids Discord sent to ``Role`` objects through the guild's role cache
  and drops ids it cannot find; an interaction can arrive before (or without) that cache, so the ids
  themselves are read from ``Member._roles``, the list the library filled from the payload.
- discord.py has no setting for the REST base URL; ``Route.BASE`` is the class attribute every
  request (bot and interaction webhooks alike) is built from, so it is set process-wide.
"""

from __future__ import annotations

import discord

DEFAULT_API_URL = "https://discord.com/api/v10"


def member_role_ids(user: discord.abc.User | discord.Member) -> list[str]:
    """The role ids Discord sent for ``user`` (a guild member), cached or not; none for a plain user."""
    if not isinstance(user, discord.Member):
        return []
    return [str(role_id) for role_id in user._roles]


def set_api_url(url: str | None) -> str:
    """Point discord.py's REST calls at ``url`` (default: Discord's); returns the base in use."""
    discord.http.Route.BASE = (url or DEFAULT_API_URL).rstrip("/")
    return discord.http.Route.BASE


def api_url() -> str:
    """The REST base discord.py uses now."""
    return discord.http.Route.BASE
