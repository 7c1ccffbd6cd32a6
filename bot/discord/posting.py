"""Posting documents to Discord channels (scheduled digests), retrying network errors with backoff."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

import aiohttp
import discord
from discord.http import HTTPClient, handle_message_parameters

from bot.discord.embeds import document_embeds, pack_messages
from summarizer.errors import NewsbriefError

log = logging.getLogger("newsbrief.discord")

T = TypeVar("T")
# Network trouble worth another try; 429s are retried by discord.py itself (it honours retry_after).
RETRYABLE = (aiohttp.ClientError, OSError, asyncio.TimeoutError, discord.DiscordServerError)


@dataclass(frozen=True)
class Backoff:
    """How often and how patiently to retry a failed post: delays of ``first``, ``first*factor``, …"""

    attempts: int = 4
    first: float = 1.0
    factor: float = 2.0

    def delays(self) -> list[float]:
        return [self.first * self.factor**i for i in range(self.attempts - 1)]


DEFAULT_BACKOFF = Backoff()


class DiscordPostError(NewsbriefError):
    """A post could not be delivered after retries; the details are logged under ``error_id``."""

    def __init__(self, error_id: str) -> None:
        super().__init__(f"Could not post to Discord; will try again at the next run (error id {error_id}).")
        self.error_id = error_id


async def with_retries(action: Callable[[], Awaitable[T]], what: str, backoff: Backoff = DEFAULT_BACKOFF) -> T:
    """Run ``action``, retrying network errors with backoff; raise :class:`DiscordPostError` when they persist."""
    for delay in [*backoff.delays(), None]:
        try:
            return await action()
        except RETRYABLE as exc:
            if delay is None:
                error_id = uuid.uuid4().hex[:8]
                log.error("%s failed after %d attempts (error id %s)", what, backoff.attempts, error_id, exc_info=exc)
                raise DiscordPostError(error_id) from exc
            log.warning("%s failed (%s); retrying in %.2fs", what, type(exc).__name__, delay)
            await asyncio.sleep(delay)
    raise AssertionError("unreachable")


def _sender(
    client_or_http: discord.Client | HTTPClient, channel_id: int
) -> Callable[[list[discord.Embed]], Awaitable[int]]:
    """A function posting one message of embeds to the channel and returning its id."""
    if isinstance(client_or_http, discord.Client):
        channel = client_or_http.get_partial_messageable(channel_id)

        async def via_client(embeds: list[discord.Embed]) -> int:
            return (await channel.send(embeds=embeds)).id

        return via_client
    http = client_or_http

    async def via_http(embeds: list[discord.Embed]) -> int:
        with handle_message_parameters(embeds=embeds, allowed_mentions=discord.AllowedMentions.none()) as params:
            data = await http.send_message(channel_id, params=params)
        return int(data["id"])

    return via_http


async def send_embeds(
    client_or_http: discord.Client | HTTPClient,
    channel_id: int,
    embeds: Sequence[discord.Embed],
    *,
    backoff: Backoff = DEFAULT_BACKOFF,
) -> list[int]:
    """Post ``embeds`` to a channel, as many messages as Discord's limits need; returns the message ids."""
    send = _sender(client_or_http, channel_id)
    what = f"posting to Discord channel {channel_id}"
    return [await with_retries(partial(send, message), what, backoff) for message in pack_messages(embeds)]


async def post_digest(
    client_or_http: discord.Client | HTTPClient,
    channel_id: int | str,
    doc: dict[str, Any],
    *,
    backoff: Backoff = DEFAULT_BACKOFF,
) -> list[int]:
    """Post a digest (or any) document to a channel as embeds; for scheduled posts and ``/digest``."""
    return await send_embeds(client_or_http, int(channel_id), document_embeds(doc), backoff=backoff)
