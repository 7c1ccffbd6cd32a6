"""Story threads on Discord: each story its own message with a thread on it (in a forum channel, a forum
post); the story's full framing note is the thread's first reply, updates follow in the thread."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from functools import partial
from typing import Any, Literal

import discord
from discord.http import HTTPClient, handle_message_parameters

from bot.discord.embeds import document_embeds, pack_messages
from bot.discord.posting import (
    DEFAULT_BACKOFF,
    Backoff,
    DiscordPostUnknown,
    picture_file,
    post_digest,
    show_pictures,
    unconfirmed_post,
    with_retries,
)
from bot.render.coverage_picture import Picture
from bot.render.markup import discord_text
from bot.service import Reply
from bot.storage.threads import ThreadRoot
from bot.threads.publish import PostedStories, full_note_doc, posted_stories, story_doc
from summarizer.documents import DigestDocument
from summarizer.models import Story

log = logging.getLogger("newsbrief.threads")
THREAD_NAME_CHARS = 100  # Discord's limit on a thread's name
ARCHIVE_MINUTES: Literal[4320] = 4320  # three days without activity
FORUM_TYPES = frozenset({15, 16})  # GUILD_FORUM, GUILD_MEDIA: every message is a post (a thread)
NO_MENTIONS = discord.AllowedMentions.none()


def _http(client_or_http: discord.Client | HTTPClient) -> HTTPClient:
    return client_or_http.http if isinstance(client_or_http, discord.Client) else client_or_http


def _files(pictures: Sequence[Picture]) -> dict[str, Any]:
    return {"files": [picture_file(p) for p in pictures]} if pictures else {}


async def _send(
    http: HTTPClient,
    channel_id: int | str,
    *,
    embeds: list[discord.Embed] | None = None,
    content: str | None = None,
    pictures: Sequence[Picture] = (),
) -> int:
    with handle_message_parameters(
        content=content, embeds=embeds or [], allowed_mentions=NO_MENTIONS, **_files(pictures)
    ) as params:
        data = await http.send_message(channel_id, params=params)
    return int(data["id"])


async def _forum_post(
    http: HTTPClient, channel_id: int | str, name: str, embeds: list[discord.Embed], pictures: Sequence[Picture]
) -> ThreadRoot:
    """A forum post: a thread whose starter message is the story (``POST /channels/{id}/threads``)."""
    channel = {"name": name, "auto_archive_duration": ARCHIVE_MINUTES}
    with handle_message_parameters(
        embeds=embeds, allowed_mentions=NO_MENTIONS, channel_payload=channel, **_files(pictures)
    ) as params:
        data: Any = await http.start_thread_in_forum(channel_id, params=params)
    thread = str(data["id"])
    return ThreadRoot(str((data.get("message") or {}).get("id") or thread), thread)


async def is_forum(http: HTTPClient, channel_id: int | str) -> bool:
    """Whether the channel is a forum (or media) channel, where a story must be a post; False if unknown."""
    try:
        data = await http.get_channel(channel_id)
    except Exception as exc:  # noqa: BLE001 - no permission to read it: post as in a text channel
        log.info("could not read channel %s (%s); posting as in a text channel", channel_id, type(exc).__name__)
        return False
    return int(data.get("type", 0)) in FORUM_TYPES


def thread_name(title: str) -> str:
    """The story's title, cut between words to Discord's 100 characters."""
    title = " ".join(title.split()) or "Story"
    if len(title) <= THREAD_NAME_CHARS:
        return title
    cut = title.rfind(" ", 0, THREAD_NAME_CHARS - 1)
    return title[: cut if cut > 0 else THREAD_NAME_CHARS - 1] + "…"


async def post_roots(
    client_or_http: discord.Client | HTTPClient,
    channel_id: int | str,
    doc: PostedStories,
    *,
    pictures: Sequence[Picture | None] | None = None,
    backoff: Backoff = DEFAULT_BACKOFF,
) -> list[ThreadRoot]:
    """One message per story, a thread started on each (in a forum channel: one post per story); a long
    story continues inside its thread, followed by its full framing note. A story's picture (one per story
    in ``pictures``) is attached to its root and shown in its first embed.

    A failure after the first story went out raises :class:`DiscordPostUnknown` (the digest counts as posted).
    A thread Discord will not create (missing permission) leaves the story without updates, and is logged.
    """
    http = _http(client_or_http)
    forum = await is_forum(http, channel_id)
    what = f"posting a story to Discord channel {channel_id}"
    roots: list[ThreadRoot] = []
    for i, story in enumerate(doc.stories):
        embeds, shown = show_pictures(story_doc(doc, story), [pictures[i]] if pictures else None)
        first, *rest = pack_messages(embeds)
        attached = [shown[id(e)] for e in first if id(e) in shown]
        name = thread_name(story.title)
        try:
            if forum:
                root = await with_retries(partial(_forum_post, http, channel_id, name, first, attached), what, backoff)
            else:
                message = await with_retries(
                    partial(_send, http, channel_id, embeds=first, pictures=attached), what, backoff
                )
                root = ThreadRoot(str(message), "")
        except DiscordPostUnknown:
            raise
        except Exception as exc:
            if not roots:
                raise
            raise unconfirmed_post(f"{what} (after {len(roots)} stories)", exc) from exc
        try:
            if not forum:
                created = await http.start_thread_with_message(
                    channel_id, root.root_id, name=name, auto_archive_duration=ARCHIVE_MINUTES
                )
                root = ThreadRoot(root.root_id, str(created["id"]))
            for message in rest:
                await with_retries(partial(_send, http, root.thread_id, embeds=message), what, backoff)
            note = full_note_doc(story)
            for message in pack_messages(document_embeds(note)) if note else []:
                await with_retries(partial(_send, http, root.thread_id, embeds=message), what, backoff)
        except Exception:  # noqa: BLE001 - the story went out; without a thread it is simply not followed
            log.warning("story %s in %s: no thread (or its rest) posted", root.root_id, channel_id, exc_info=True)
        roots.append(root)
    return roots


async def post_update(
    client_or_http: discord.Client | HTTPClient,
    channel_id: int | str,
    root: ThreadRoot,
    lines: list[str],
    story: Story,
    *,
    picture: Picture | None = None,
    backoff: Backoff = DEFAULT_BACKOFF,
) -> None:
    """The update as a message in the story's thread, then the root's embeds re-rendered (PATCH; a forum
    post's starter message lives in the post itself). A ``picture`` (the story's coverage as it is now)
    replaces the root's attachment, so the picture never contradicts the outlet list beside it."""
    http = _http(client_or_http)
    content = "\n".join(discord_text(line) for line in lines)[:2000]
    await with_retries(partial(_send, http, root.thread_id, content=content), "posting a story update", backoff)
    embeds, shown = show_pictures(DigestDocument(stories=[story]), [picture] if picture else None)
    first = pack_messages(embeds)[0]
    attached = [shown[id(e)] for e in first if id(e) in shown]
    try:
        where = root.thread_id if await is_forum(http, channel_id) else channel_id
        with handle_message_parameters(embeds=first, allowed_mentions=NO_MENTIONS, **_files(attached)) as params:
            await http.edit_message(where, root.root_id, params=params)
    except Exception:  # the update went out; a stale outlet count is not worth a failure
        log.warning("could not edit the root message %s in %s", root.root_id, channel_id, exc_info=True)


async def post_digest_to(
    client_or_http: discord.Client | HTTPClient,
    channel_id: int | str,
    doc: PostedStories,
    *,
    pictures: Sequence[Picture | None] | None = None,
) -> None:
    """A digest in a channel without threads: the usual messages, but in a forum channel (where only posts
    can go) one post per story, not followed for updates."""
    if doc.stories and await is_forum(_http(client_or_http), channel_id):
        await post_roots(client_or_http, channel_id, doc, pictures=pictures)
    else:
        await post_digest(client_or_http, channel_id, doc, pictures=pictures)


async def post_claimed(
    client_or_http: discord.Client | HTTPClient,
    channel_id: int | str,
    reply: Reply,
    pictures: Sequence[Picture | None] | None = None,
) -> list[ThreadRoot]:
    """Post a claimed ``/brief`` or ``/digest`` (``reply.record_roots`` set) as thread roots, then record them.

    The outcome is settled as for digests; the roots are recorded after it, so a database hiccup there
    leaves the stories posted (not followed) instead of releasing stories that went out.
    """
    async with reply.delivery():
        roots = await post_roots(client_or_http, channel_id, posted_stories(reply.document), pictures=pictures)
    if reply.record_roots is not None:
        try:
            await asyncio.to_thread(reply.record_roots, roots)
        except Exception:  # noqa: BLE001 - posted and settled; only the updates are lost
            log.exception("the threads of %d stories in %s were not recorded", len(roots), channel_id)
    return roots
