"""Run the Discord bot until stopped; the composition root calls :func:`run_discord`."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Awaitable, Callable

from bot.config.store import ConfigStore
from bot.discord.client import NewsbriefDiscordBot
from bot.discord.compat import set_api_url
from bot.service import CommandService

log = logging.getLogger("newsbrief.discord")

OnStart = Callable[[NewsbriefDiscordBot], Awaitable[None]]


async def run_discord(
    token: str,
    service: CommandService,
    *,
    guild_id: int | None = None,
    sync_global: bool = False,
    api_url: str | None = None,
    config_store: ConfigStore | None = None,
    on_start: OnStart | None = None,
) -> None:
    """Log in, sync the commands (to ``guild_id``, or globally with ``sync_global``), print the invite
    link, then serve until the task is cancelled or the bot is closed.

    ``api_url`` (default ``$DISCORD_API_URL``) overrides Discord's REST base URL. ``on_start(bot)``
    runs inside the event loop after login and before the gateway connects: the place to start a
    scheduler and keep the bot for :func:`bot.discord.posting.post_digest`.
    """
    set_api_url(api_url or os.environ.get("DISCORD_API_URL"))
    bot = NewsbriefDiscordBot(service, config_store=config_store, guild_id=guild_id, sync_global=sync_global)
    async with bot:
        await bot.login(token)
        print(f"Invite newsbrief to a server: {bot.invite_link}", file=sys.stderr, flush=True)
        if on_start is not None:
            await on_start(bot)
        await bot.connect(reconnect=True)
