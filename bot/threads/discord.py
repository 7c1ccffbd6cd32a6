"""Story threads on Discord: each story its own message with a thread on it; updates in the thread."""

from __future__ import annotations

import logging
from functools import partial
from typing import Any, Literal

import discord
from discord.http import HTTPClient, handle_message_parameters

from bot.discord.embeds import document_embeds, pack_messages
from bot.discord.posting import DEFAULT_BACKOFF, Backoff, DiscordPostUnknown, unconfirmed_post, with_retries
from bot.render.markup import discord_text
from bot.storage.threads import ThreadRoot
from bot.threads.publish import story_doc

log = logging.getLogger("newsbrief.threads")
Doc = dict[str, Any]
THREAD_NAME_CHARS = 100  # Discord's limit on a thread's name
ARCHIVE_MINUTES: Literal[4320] = 4320  # three days without activity


def _http(client_or_http: discord.Client | HTTPClient) -> HTTPClient:
    return client_or_http.http if isinstance(client_or_http, discord.Client) else client_or_http


async def _send(
    http: HTTPClient, channel_id: int | str, *, embeds: list[discord.Embed] | None = None, content: str | None = None
) -> int:
    with handle_message_parameters(
        content=content, embeds=embeds or [], allowed_mentions=discord.AllowedMentions.none()
    ) as params:
        data = await http.send_message(channel_id, params=params)
    return int(data["id"])


def thread_name(title: str) -> str:
    """The story's title, cut between words to Discord's 100 characters."""
    title = " ".join(title.split()) or "Story"
    if len(title) <= THREAD_NAME_CHARS:
        return title
    cut = title.rfind(" ", 0, THREAD_NAME_CHARS - 1)
    return title[: cut if cut > 0 else THREAD_NAME_CHARS - 1] + "…"


async def post_roots(
    client_or_http: discord.Client | HTTPClient, channel_id: int | str, doc: Doc, *, backoff: Backoff = DEFAULT_BACKOFF
) -> list[ThreadRoot]:
    """One message per story, a thread started on each; a long story continues inside its thread.

    A failure after the first story went out raises :class:`DiscordPostUnknown` (the digest counts as posted).
    A thread Discord will not create (missing permission) leaves the story without updates, and is logged.
    """
    http = _http(client_or_http)
    what = f"posting a story to Discord channel {channel_id}"
    roots: list[ThreadRoot] = []
    for story in doc["stories"]:
        first, *rest = pack_messages(document_embeds(story_doc(doc, story)))
        try:
            root = await with_retries(partial(_send, http, channel_id, embeds=first), what, backoff)
        except DiscordPostUnknown:
            raise
        except Exception as exc:
            if not roots:
                raise
            raise unconfirmed_post(f"{what} (after {len(roots)} stories)", exc) from exc
        thread = ""  # no thread: the story is not followed
        try:
            created = await http.start_thread_with_message(
                channel_id, root, name=thread_name(story.get("title", "")), auto_archive_duration=ARCHIVE_MINUTES
            )
            thread = str(created["id"])
            for message in rest:
                await with_retries(partial(_send, http, thread, embeds=message), what, backoff)
        except Exception:
            log.warning("story %s in %s: no thread (or its rest) posted", root, channel_id, exc_info=True)
        roots.append(ThreadRoot(str(root), thread))
    return roots


async def post_update(
    client_or_http: discord.Client | HTTPClient,
    channel_id: int | str,
    root: ThreadRoot,
    lines: list[str],
    story: Doc,
    *,
    backoff: Backoff = DEFAULT_BACKOFF,
) -> None:
    """The update as a message in the story's thread, then the root's embeds re-rendered (PATCH)."""
    http = _http(client_or_http)
    content = "\n".join(discord_text(line) for line in lines)[:2000]
    await with_retries(partial(_send, http, root.thread_id, content=content), "posting a story update", backoff)
    first = pack_messages(document_embeds({"command": "digest", "stories": [story]}))[0]
    try:
        with handle_message_parameters(embeds=first, allowed_mentions=discord.AllowedMentions.none()) as params:
            await http.edit_message(channel_id, root.root_id, params=params)
    except Exception:  # the update went out; a stale outlet count is not worth a failure
        log.warning("could not edit the root message %s in %s", root.root_id, channel_id, exc_info=True)
