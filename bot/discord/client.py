"""The newsbrief Discord client: minimal intents, the slash commands, command sync and the invite link."""

from __future__ import annotations

import logging
from typing import Any

import discord

from bot.config.store import ConfigStore
from bot.discord.commands import build_commands
from bot.discord.tree import NewsbriefCommandTree
from bot.service import CommandService

log = logging.getLogger("newsbrief.discord")

SCOPES = ("bot", "applications.commands")
# What the bot needs in a channel: see it, read its history, post embeds there (in a forum channel, posts),
# attach coverage pictures (pictures = true). Threads (channels with threads = true): start a thread on the
# bot's own story message and post in it.
PERMISSIONS = discord.Permissions(
    view_channel=True,
    send_messages=True,
    embed_links=True,
    attach_files=True,
    read_message_history=True,
    create_public_threads=True,
    send_messages_in_threads=True,
)


def intents() -> discord.Intents:
    """Only the guilds intent: slash commands arrive as interactions; no privileged intents."""
    wanted = discord.Intents.none()
    wanted.guilds = True
    return wanted


def invite_url(application_id: int) -> str:
    """The OAuth2 link that adds the bot to a server with its scopes and the permissions it needs."""
    return discord.utils.oauth_url(application_id, permissions=PERMISSIONS, scopes=SCOPES)


class NewsbriefDiscordBot(discord.Client):
    """A Discord client whose command tree runs newsbrief's commands.

    ``guild_id`` syncs the commands to one server at login (instant, for development);
    ``sync_global`` syncs them everywhere (production; Discord may take a while to show them);
    with neither, the commands registered earlier are used as they are.
    """

    def __init__(
        self,
        service: CommandService,
        *,
        config_store: ConfigStore | None = None,
        guild_id: int | None = None,
        sync_global: bool = False,
        **options: Any,
    ) -> None:
        super().__init__(intents=intents(), allowed_mentions=discord.AllowedMentions.none(), **options)
        self.service = service
        self.guild_id = guild_id
        self.sync_global = sync_global
        self.tree = NewsbriefCommandTree(self)
        for command in build_commands(service, config_store):
            self.tree.add_command(command)
        self.synced: list[str] = []

    async def setup_hook(self) -> None:
        """Runs at login, before the gateway connects: sync the commands as asked."""
        if self.guild_id is not None:
            guild = discord.Object(id=self.guild_id)
            self.tree.copy_global_to(guild=guild)
            self.synced = [c.name for c in await self.tree.sync(guild=guild)]
            log.info("synced %d commands to guild %s", len(self.synced), self.guild_id)
        elif self.sync_global:
            self.synced = [c.name for c in await self.tree.sync()]
            log.info("synced %d commands globally (they may take a while to appear)", len(self.synced))
        else:
            log.info("commands not synced (pass a guild id for development or sync globally once)")

    @property
    def invite_link(self) -> str | None:
        """The invite link, once logged in (the application id comes from Discord)."""
        return invite_url(self.application_id) if self.application_id else None
