"""The slash commands: each turns an interaction into a plain call of the core's use cases."""

from __future__ import annotations

import asyncio
import logging
from functools import partial
from typing import Any

import discord
from discord import app_commands

from bot.config.admin import AdminActor, run_config_command
from bot.config.store import ConfigStore
from bot.discord.cards import COLOURS, Card
from bot.discord.compat import member_role_ids
from bot.discord.embeds import card_embeds, document_embeds, pack_messages, shorten
from bot.discord.posting import picture_file
from bot.render.coverage_picture import Picture
from bot.service import CommandService, DeliveryUnknown
from bot.threads import discord as discord_threads
from bot.threads.publish import posted_stories
from summarizer.documents import DigestDocument

NO_MENTIONS = discord.AllowedMentions.none()  # also the client's default; said again at every send
CHOICE_LIMIT = 100  # characters in an autocomplete choice's name and value
TOPIC_HELP = "A story title or keywords; leave empty for the top story"
THREAD_POSTED = "Posted here; updates as the story grows will follow in its thread."
log = logging.getLogger("newsbrief.discord")
NO_CONFIG = "Configuration editing is not available on this bot (it was started without a config file)."


async def send_followups(
    interaction: discord.Interaction[Any],
    embeds: list[discord.Embed],
    ephemeral: bool = False,
    picture: Picture | None = None,
) -> None:
    """Answer a deferred interaction with as many messages as Discord's limits need; a ``picture`` is
    attached to the first and shown in its first embed."""
    for i, message in enumerate(pack_messages(embeds)):
        if i == 0 and picture is not None:
            message[0].set_image(url=f"attachment://{picture.filename}")
            await interaction.followup.send(
                embeds=message, file=picture_file(picture), ephemeral=ephemeral, allowed_mentions=NO_MENTIONS
            )
            continue
        await interaction.followup.send(embeds=message, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS)


async def answer(
    interaction: discord.Interaction[Any], service: CommandService, command: str, topic: str | None
) -> None:
    """Acknowledge at once, run the command off the event loop, then post the embeds (``/framing``: with
    the story's coverage picture)."""
    await interaction.response.defer(thinking=True)
    reply = await asyncio.to_thread(service.run, command, topic)
    picture = None
    if command == "framing" and not reply.is_error:
        picture = await asyncio.to_thread(service.pictures.framing, reply.document)
    await send_followups(interaction, document_embeds(reply.document), picture=picture)


async def brief_in_thread(
    interaction: discord.Interaction[Any],
    service: CommandService,
    topic: str | None,
    channel_id: str,
    guild: str | None,
) -> None:
    """/brief in a channel with threads: the story posted by the bot as the root of its thread, the user told
    privately. A story the channel already follows in a thread, an error, or a post Discord refused (the
    claim released) is answered to the user alone."""
    await interaction.response.defer(ephemeral=True, thinking=True)
    run = partial(service.run, "brief", topic, platform="discord", channel_id=channel_id, workspace=guild)
    reply = await asyncio.to_thread(run)
    if reply.record_roots is not None:
        drawn = await asyncio.to_thread(service.pictures.digest, reply.document, "discord", channel_id)
        try:
            await discord_threads.post_claimed(interaction.client, channel_id, reply, drawn)
        except DeliveryUnknown:
            raise  # it may have been posted: never posted twice (the tree's error handler tells the user)
        except Exception as exc:  # noqa: BLE001 - refused: nothing went out, the claim is released
            log.warning("/brief in %s not posted as a thread root (%s)", channel_id, type(exc).__name__)
        else:
            await interaction.followup.send(THREAD_POSTED, ephemeral=True, allowed_mentions=NO_MENTIONS)
            return
    await send_followups(interaction, document_embeds(reply.document), ephemeral=True)


def admin_actor(interaction: discord.Interaction[Any]) -> AdminActor:
    """Who is running ``/newsbrief-config``: Manage Server makes a workspace admin; roles may too."""
    user = interaction.user
    role_ids = member_role_ids(user)
    perms = interaction.permissions
    return AdminActor(
        platform="discord",
        user_id=str(user.id),
        display_name=user.display_name,
        is_workspace_admin=perms.manage_guild or perms.administrator,
        role_ids=role_ids,
    )


def build_commands(
    service: CommandService, config_store: ConfigStore | None = None
) -> list[app_commands.Command[Any, Any, None]]:
    """The newsbrief slash commands bound to ``service`` (and ``config_store`` for admin edits)."""

    async def topics(_interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
        titles = await asyncio.to_thread(service.titles, current)
        return [app_commands.Choice(name=shorten(t, CHOICE_LIMIT), value=shorten(t, CHOICE_LIMIT)) for t in titles[:25]]

    @app_commands.command(name="brief")
    @app_commands.describe(topic=TOPIC_HELP)
    @app_commands.autocomplete(topic=topics)
    async def brief(interaction: discord.Interaction[Any], topic: str | None = None) -> None:
        """A neutral brief of a story, naming the outlets behind every sentence."""
        channel_id = str(interaction.channel_id) if interaction.channel_id is not None else None
        guild_id = str(interaction.guild_id) if interaction.guild_id else None
        if service.threads_on("discord", channel_id, guild_id):
            await brief_in_thread(interaction, service, topic, str(channel_id), guild_id)
        else:
            await answer(interaction, service, "brief", topic)

    @app_commands.command(name="framing")
    @app_commands.describe(topic=TOPIC_HELP + "; end with “full” for the whole note")
    @app_commands.autocomplete(topic=topics)
    async def framing(interaction: discord.Interaction[Any], topic: str | None = None) -> None:
        """How each outlet framed a story: labels, loaded language, emphasis."""
        await answer(interaction, service, "framing", topic)

    @app_commands.command(name="who-won")
    @app_commands.describe(topic=TOPIC_HELP)
    @app_commands.autocomplete(topic=topics)
    async def who_won(interaction: discord.Interaction[Any], topic: str | None = None) -> None:
        """Who won an election, with each outlet's figures."""
        await answer(interaction, service, "who-won", topic)

    @app_commands.command(name="timeline")
    @app_commands.describe(topic=TOPIC_HELP)
    @app_commands.autocomplete(topic=topics)
    async def timeline(interaction: discord.Interaction[Any], topic: str | None = None) -> None:
        """A story's life in a few lines: first report, outlets joining, figures revised."""
        await interaction.response.defer(thinking=True)
        channel_id = str(interaction.channel_id) if interaction.channel_id is not None else None
        guild_id = str(interaction.guild_id) if interaction.guild_id else None
        run = partial(service.run, "timeline", topic, platform="discord", channel_id=channel_id, workspace=guild_id)
        reply = await asyncio.to_thread(run)
        await send_followups(interaction, document_embeds(reply.document))

    @app_commands.command(name="sources")
    async def sources(interaction: discord.Interaction[Any]) -> None:
        """The outlets and feeds newsbrief reads."""
        await answer(interaction, service, "sources", None)

    @app_commands.command(name="digest")
    async def digest(interaction: discord.Interaction[Any]) -> None:
        """Post the top new stories since this channel's last digest, now."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        channel_id = interaction.channel_id
        reply = await asyncio.to_thread(
            partial(
                service.run,
                "digest",
                platform="discord",
                channel_id=str(channel_id) if channel_id is not None else None,
                workspace=str(interaction.guild_id) if interaction.guild_id else None,
            )
        )
        if reply.is_error or channel_id is None:  # including "no new stories": told only to the user
            await send_followups(interaction, document_embeds(reply.document), ephemeral=True)
            return
        drawn = await asyncio.to_thread(service.pictures.digest, reply.document, "discord", str(channel_id))
        if reply.record_roots is not None:  # threads = true: each story the root of its thread
            await discord_threads.post_claimed(interaction.client, channel_id, reply, drawn)
        else:
            async with reply.delivery():  # a failed post releases the stories for the next digest
                await discord_threads.post_digest_to(
                    interaction.client, channel_id, posted_stories(reply.document), pictures=drawn
                )
        count = len(reply.document.stories) if isinstance(reply.document, DigestDocument) else 0
        await interaction.followup.send(
            f"Posted the digest here ({count} stor{'y' if count == 1 else 'ies'}).",
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )

    @app_commands.command(name="newsbrief-config")
    @app_commands.describe(args="e.g. show · set defaults.max_stories 3 · schedule 0 8 * * * Europe/Stockholm")
    @app_commands.guild_only()
    async def newsbrief_config(interaction: discord.Interaction[Any], args: str = "show") -> None:
        """Show or change newsbrief's settings (changes need Manage Server or an admin role)."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        if config_store is None:
            await interaction.followup.send(NO_CONFIG, ephemeral=True, allowed_mentions=NO_MENTIONS)
            return
        reply = await asyncio.to_thread(
            run_config_command,
            config_store,
            admin_actor(interaction),
            args,
            platform="discord",
            channel_id=str(interaction.channel_id),
            workspace=str(interaction.guild_id) if interaction.guild_id else None,
            history=service.history,
        )
        card = Card(reply.title, list(reply.lines), colour=COLOURS["digest"] if reply.ok else COLOURS["error"])
        await send_followups(interaction, card_embeds(card), ephemeral=True)

    return [brief, framing, who_won, timeline, sources, digest, newsbrief_config]
