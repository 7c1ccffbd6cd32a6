"""Scheduled-digest publishers for Discord and Slack (the console one lives in bot.digest)."""

from __future__ import annotations

import asyncio

import discord
from discord.http import HTTPClient
from slack_bolt import App

from bot.pictures import Pictures
from bot.slack.app import digest_pictures
from bot.slack.blocks import render_messages
from bot.slack.delivery import RetryPolicy, SlackDelivery
from bot.storage.threads import ThreadRoot
from bot.threads import discord as discord_threads
from bot.threads.publish import PostedStories
from bot.threads.slack import SlackThreads
from summarizer.documents import DigestDocument
from summarizer.models import Story


class DiscordPublisher:
    """Posts a digest document as embeds to a Discord channel id."""

    def __init__(self, client: discord.Client | HTTPClient, pictures: Pictures | None = None) -> None:
        self.client = client
        self.pictures = pictures or Pictures()

    async def post(self, target: str, doc: DigestDocument) -> None:
        drawn = await asyncio.to_thread(self.pictures.digest, doc, "discord", target)
        await discord_threads.post_digest_to(self.client, target, doc, pictures=drawn)

    async def post_roots(self, target: str, doc: PostedStories) -> list[ThreadRoot]:
        drawn = await asyncio.to_thread(self.pictures.digest, doc, "discord", target)
        return await discord_threads.post_roots(self.client, target, doc, pictures=drawn)

    async def post_update(self, target: str, root: ThreadRoot, lines: list[str], story: Story) -> None:
        [drawn] = await asyncio.to_thread(self.pictures.digest, DigestDocument(stories=[story]), "discord", target)
        await discord_threads.post_update(self.client, target, root, lines, story, picture=drawn)


class SlackPublisher:
    """Posts a digest document as Block Kit messages with ``chat.postMessage``."""

    def __init__(self, app: App, policy: RetryPolicy | None = None, pictures: Pictures | None = None) -> None:
        self.app = app
        self.delivery = SlackDelivery(policy or RetryPolicy())
        self.pictures = pictures or Pictures()

    async def post(self, target: str, doc: DigestDocument) -> None:
        await asyncio.to_thread(self.delivery.post_to_channel, self.app.client, target, render_messages(doc))
        await asyncio.to_thread(digest_pictures, self.pictures, self.app.client, self.delivery.policy, target, doc)

    async def post_roots(self, target: str, doc: PostedStories) -> list[ThreadRoot]:
        threads = SlackThreads(self.app.client, self.delivery.policy)
        drawn = await asyncio.to_thread(self.pictures.digest, doc, "slack", target)
        return await asyncio.to_thread(threads.post_roots, target, doc, drawn)

    async def post_update(self, target: str, root: ThreadRoot, lines: list[str], story: Story) -> None:
        threads = SlackThreads(self.app.client, self.delivery.policy)
        [drawn] = await asyncio.to_thread(self.pictures.digest, DigestDocument(stories=[story]), "slack", target)
        await asyncio.to_thread(threads.post_update, target, root, lines, story, drawn)
