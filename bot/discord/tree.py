"""The command tree with newsbrief's one error handler: expected errors become messages, others an error id."""

from __future__ import annotations

import logging
import uuid

import discord
from discord import app_commands

from summarizer.errors import NewsbriefError

log = logging.getLogger("newsbrief.discord")

NO_MENTIONS = discord.AllowedMentions.none()
MISSING_PERMISSIONS = (
    "I can't post in this channel. Give newsbrief the View Channel, Send Messages, Embed Links and "
    "Read Message History permissions here, then try again."
)


def user_message(error: BaseException) -> tuple[str, str | None]:
    """The message a user sees for ``error`` and, for unexpected errors, the id under which it was logged."""
    original = error.original if isinstance(error, app_commands.CommandInvokeError) else error
    if isinstance(original, NewsbriefError):
        return original.user_message, None
    if isinstance(original, discord.Forbidden):
        return MISSING_PERMISSIONS, None
    if isinstance(error, app_commands.CommandNotFound):
        return "That command is out of date; Discord will offer the current ones shortly.", None
    if isinstance(error, app_commands.NoPrivateMessage):
        return "That command only works in a server channel.", None
    error_id = uuid.uuid4().hex[:8]
    log.error("Discord command failed (error id %s)", error_id, exc_info=original)
    return f"Something went wrong on our side (error id {error_id}).", error_id


class NewsbriefCommandTree(app_commands.CommandTree[discord.Client]):
    """Maps every command error to a short ephemeral reply; never a traceback in chat."""

    async def on_error(
        self, interaction: discord.Interaction[discord.Client], error: app_commands.AppCommandError, /
    ) -> None:
        message, _error_id = user_message(error)
        try:
            if interaction.response.is_done():
                await interaction.followup.send(message, ephemeral=True, allowed_mentions=NO_MENTIONS)
            else:
                await interaction.response.send_message(message, ephemeral=True, allowed_mentions=NO_MENTIONS)
        except (discord.HTTPException, OSError) as exc:  # the user can't be told; the log must say so
            log.error("could not deliver an error message for interaction %s: %s", interaction.id, type(exc).__name__)
