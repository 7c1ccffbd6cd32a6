"""Posting documents to Discord channels (scheduled digests), retrying network errors with backoff."""

from __future__ import annotations

import asyncio
import io
import logging
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Any, TypeVar

import aiohttp
import discord
from discord.http import HTTPClient, handle_message_parameters

from bot.discord.embeds import document_embeds, pack_messages
from bot.render.coverage_picture import Picture, short
from bot.service import DeliveryUnknown
from summarizer.documents import BriefDocument, DigestDocument, Document, as_document
from summarizer.errors import NewsbriefError

log = logging.getLogger("newsbrief.discord")

T = TypeVar("T")
# Failures Discord cannot have acted on (the connection was never made), so another try cannot post twice.
# 429s are retried by discord.py itself (it honours retry_after), as are 500/502/504 (its own choice).
NOT_SENT: tuple[type[Exception], ...] = (
    aiohttp.ClientConnectorError,
    getattr(aiohttp, "ConnectionTimeoutError", aiohttp.ClientConnectorError),
)
# Failures after the request may have reached Discord: never retried, the post's outcome is unknown.
UNCONFIRMED = (aiohttp.ClientError, OSError, asyncio.TimeoutError, discord.DiscordServerError)


@dataclass(frozen=True)
class Backoff:
    """How often and how patiently to retry a failed post: delays of ``first``, ``first*factor``, …;
    ``timeout`` bounds each attempt (a slow Discord then leaves the post's outcome unknown)."""

    attempts: int = 4
    first: float = 1.0
    factor: float = 2.0
    timeout: float = 60.0

    def delays(self) -> list[float]:
        return [self.first * self.factor**i for i in range(self.attempts - 1)]


DEFAULT_BACKOFF = Backoff()


class DiscordPostError(NewsbriefError):
    """A post could not be delivered after retries; the details are logged under ``error_id``."""

    def __init__(self, error_id: str) -> None:
        super().__init__(f"Could not post to Discord; will try again at the next run (error id {error_id}).")
        self.error_id = error_id


class DiscordPostUnknown(DeliveryUnknown):
    """Discord may have taken a post without confirming it; it is never retried (at most once)."""

    def __init__(self, error_id: str) -> None:
        super().__init__(
            "Discord did not confirm the digest, so it may or may not have been posted in this channel. "
            f"Its stories count as posted and will not be repeated (error id {error_id})."
        )
        self.error_id = error_id


def _never_sent(exc: BaseException) -> bool:
    """True when Discord cannot have acted on the request: no connection, or 503 Service Unavailable."""
    if isinstance(exc, discord.DiscordServerError):
        return exc.status == 503
    return isinstance(exc, NOT_SENT)


def unconfirmed_post(what: str, exc: BaseException) -> DiscordPostUnknown:
    """The error for a post Discord may have taken without confirming it, logged with its error id."""
    error_id = uuid.uuid4().hex[:8]
    log.error("%s: no confirmation (%s), it may have been posted (error id %s)", what, type(exc).__name__, error_id)
    return DiscordPostUnknown(error_id)


async def with_retries(action: Callable[[], Awaitable[T]], what: str, backoff: Backoff = DEFAULT_BACKOFF) -> T:
    """Run ``action`` at most once as far as Discord can tell: retry with backoff only failures where the
    request never reached Discord (raising :class:`DiscordPostError` when they persist); a timeout or a
    connection lost after sending raises :class:`DiscordPostUnknown` at once. Discord's refusals propagate."""
    for delay in [*backoff.delays(), None]:
        try:
            return await asyncio.wait_for(action(), backoff.timeout)
        except UNCONFIRMED as exc:
            if not _never_sent(exc):
                raise unconfirmed_post(what, exc) from exc
            if delay is None:
                error_id = uuid.uuid4().hex[:8]
                log.error("%s failed after %d attempts (error id %s)", what, backoff.attempts, error_id, exc_info=exc)
                raise DiscordPostError(error_id) from exc
            log.warning("%s failed (%s); retrying in %.2fs", what, type(exc).__name__, delay)
            await asyncio.sleep(delay)
    raise AssertionError("unreachable")


def _sender(
    client_or_http: discord.Client | HTTPClient, channel_id: int
) -> Callable[[list[discord.Embed], list[Picture]], Awaitable[int]]:
    """A function posting one message of embeds (and their pictures, as attachments) and returning its id."""
    if isinstance(client_or_http, discord.Client):
        channel = client_or_http.get_partial_messageable(channel_id)

        async def via_client(embeds: list[discord.Embed], pictures: list[Picture]) -> int:
            files = [picture_file(p) for p in pictures]
            return (await channel.send(embeds=embeds, files=files, allowed_mentions=discord.AllowedMentions.none())).id

        return via_client
    http = client_or_http

    async def via_http(embeds: list[discord.Embed], pictures: list[Picture]) -> int:
        files = [picture_file(p) for p in pictures]
        none = discord.AllowedMentions.none()
        with handle_message_parameters(embeds=embeds, files=files, allowed_mentions=none) as params:
            data = await http.send_message(channel_id, params=params)
        return int(data["id"])

    return via_http


def picture_file(picture: Picture) -> discord.File:
    """A picture as an attachment (a fresh one per attempt: a sent ``File`` is spent), with its alt text."""
    return discord.File(io.BytesIO(picture.png), filename=picture.filename, description=short(picture.alt_text, 1024))


def show_pictures(
    doc: Document | Mapping[str, Any], pictures: Sequence[Picture | None] | None
) -> tuple[list[discord.Embed], dict[int, Picture]]:
    """The document's embeds with each story's picture shown in its first embed (``attachment://``), and the
    pictures by the ``id`` of the embed that shows them. Without pictures, simply the document's embeds."""
    doc = as_document(doc)
    if not pictures or not any(pictures) or not isinstance(doc, BriefDocument | DigestDocument):
        return document_embeds(doc), {}
    embeds: list[discord.Embed] = []
    shown: dict[int, Picture] = {}
    for i, (story, picture) in enumerate(zip(doc.stories, pictures, strict=True), 1):
        story_embeds = document_embeds(doc.model_copy(update={"stories": [story]}))
        if picture is not None and story_embeds:
            picture = replace(picture, filename=f"coverage-{i}.png")
            story_embeds[0].set_image(url=f"attachment://{picture.filename}")
            shown[id(story_embeds[0])] = picture
        embeds += story_embeds
    return embeds, shown


async def send_embeds(
    client_or_http: discord.Client | HTTPClient,
    channel_id: int,
    embeds: Sequence[discord.Embed],
    *,
    backoff: Backoff = DEFAULT_BACKOFF,
    pictures: dict[int, Picture] | None = None,
) -> list[int]:
    """Post ``embeds`` to a channel, as many messages as Discord's limits need; returns the message ids.

    Once a message has gone out, any failure of a later one raises :class:`DiscordPostUnknown`: part of
    the document was posted, so the whole of it counts as posted.
    """
    send = _sender(client_or_http, channel_id)
    what = f"posting to Discord channel {channel_id}"
    ids: list[int] = []
    for message in pack_messages(embeds):
        attached = [pictures[id(e)] for e in message if id(e) in (pictures or {})]
        try:
            ids.append(await with_retries(partial(send, message, attached), what, backoff))
        except DiscordPostUnknown:
            raise
        except Exception as exc:
            if not ids:
                raise
            raise unconfirmed_post(f"{what} (after {len(ids)} of its messages)", exc) from exc
    return ids


async def post_digest(
    client_or_http: discord.Client | HTTPClient,
    channel_id: int | str,
    doc: Document | Mapping[str, Any],
    *,
    backoff: Backoff = DEFAULT_BACKOFF,
    pictures: Sequence[Picture | None] | None = None,
) -> list[int]:
    """Post a digest (or any) document to a channel as embeds; for scheduled posts and ``/digest``.

    ``pictures`` (one per story, or ``None``) are attached to the message that holds their story's first embed.
    """
    embeds, shown = show_pictures(doc, pictures)
    return await send_embeds(client_or_http, int(channel_id), embeds, backoff=backoff, pictures=shown)
