"""Scheduled-digest publishers for Discord and Slack (the console one lives in bot.digest)."""

from __future__ import annotations

import asyncio
from typing import Any

import discord
from slack_bolt import App

from bot.discord.posting import post_digest
from bot.slack.blocks import render_messages
from bot.slack.delivery import RetryPolicy, SlackDelivery


class DiscordPublisher:
    """Posts a digest document as embeds to a Discord channel id."""

    def __init__(self, client: discord.Client) -> None:
        self.client = client

    async def post(self, target: str, doc: dict[str, Any]) -> None:
        await post_digest(self.client, target, doc)


class SlackPublisher:
    """Posts a digest document as Block Kit messages with ``chat.postMessage``."""

    def __init__(self, app: App, policy: RetryPolicy | None = None) -> None:
        self.app = app
        self.delivery = SlackDelivery(policy or RetryPolicy())

    async def post(self, target: str, doc: dict[str, Any]) -> None:
        await asyncio.to_thread(self.delivery.post_to_channel, self.app.client, target, render_messages(doc))
