"""Coverage pictures on Discord: a multipart attachment shown in the embed, for /framing and pictures=true digests."""

from __future__ import annotations

from bot.discord.client import NewsbriefDiscordBot
from bot.publishers import DiscordPublisher
from bot.service import CommandService, InMemoryStories, digest_document
from summarizer.pipeline import build_stories
from summarizer.readers import load_articles
from tests.bot.discord.fake_discord import TOKEN, FakeDiscord, Recorded
from tests.bot.discord.test_commands import run
from tests.bot.render.test_coverage_picture import png_size
from tests.conftest import FIXTURES
from tests.pictures_config import pictures

CHANNEL = "123456789012345678"


async def framing_messages(fake: FakeDiscord, stories, topic: str) -> list[Recorded]:
    service = CommandService(InMemoryStories(list(stories)), pictures=pictures())
    client = NewsbriefDiscordBot(service, guild_id=None)
    await client.login(TOKEN)
    try:
        return await run(client, fake, "framing", topic=topic)
    finally:
        await client.close()


def assert_picture_shown(message: Recorded, filename: str) -> str:
    [upload] = message.files
    assert upload.filename == filename  # discord.py sends octet-stream; Discord goes by the name and bytes
    assert png_size(upload.data) == (800, 450)
    assert message.embeds[0]["image"]["url"] == f"attachment://{filename}"
    [attachment] = [a for a in message.attachments if a["filename"] == filename]
    return attachment["description"]  # the alt text


async def test_framing_answer_carries_the_coverage_picture_in_its_embed(fake, seed_stories):
    first, *rest = await framing_messages(fake, seed_stories, "chile")
    alt = assert_picture_shown(first, "coverage.png")
    assert "Samnytt: politics 56%" in alt and alt.endswith("Did not cover it: Harbor Gazette.")
    assert all(not m.files for m in rest)
    assert "How each outlet framed it" in first.text() and len(first.text().splitlines()) <= 16


async def test_no_picture_for_a_single_outlet_story(fake):
    stories = build_stories(load_articles([FIXTURES / "articles" / "single"]).articles)
    messages = await framing_messages(fake, stories, "")
    assert messages and all(not m.files and not m.attachments for m in messages)
    assert all("image" not in e for m in messages for e in m.embeds)


async def test_a_pictures_channel_digest_attaches_each_storys_picture(bot, fake, seed_stories):
    doc = digest_document(seed_stories)
    await DiscordPublisher(bot, pictures([("discord", CHANNEL)])).post(CHANNEL, doc)
    [message] = fake.posted(f"/channels/{CHANNEL}/messages")
    assert "Did not cover it: Harbor Gazette" in assert_picture_shown(message, "coverage-1.png")
    assert "58.30%" in message.text()


async def test_a_channel_without_pictures_gets_the_digest_alone(bot, fake, seed_stories):
    doc = digest_document(seed_stories)
    await DiscordPublisher(bot, pictures([("discord", CHANNEL)], pictures_on=False)).post(CHANNEL, doc)
    [message] = fake.posted(f"/channels/{CHANNEL}/messages")
    assert not message.files and "58.30%" in message.text()
