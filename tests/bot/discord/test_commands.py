"""Slash commands end to end: real discord.py objects, real HTTP to a fake Discord on loopback."""

from __future__ import annotations

import logging

import pytest

from bot.discord.embeds import (
    DESCRIPTION_LIMIT,
    EMBED_TOTAL_LIMIT,
    EMBEDS_PER_MESSAGE,
    FIELD_COUNT_LIMIT,
    FIELD_NAME_LIMIT,
    FIELD_VALUE_LIMIT,
    TITLE_LIMIT,
)
from tests.bot.discord.conftest import CHANNEL_ID, GUILD_ID, dispatch, interaction_payload
from tests.bot.discord.fake_discord import APP_ID, TOKEN, FakeDiscord, Recorded
from tests.conftest import SEED_LOADED_TERMS

COMMANDS = {"brief", "framing", "who-won", "timeline", "sources", "digest", "newsbrief-config"}
LOADED = SEED_LOADED_TERMS


def assert_within_limits(messages: list[Recorded]) -> None:
    for message in messages:
        embeds = message.embeds
        assert len(embeds) <= EMBEDS_PER_MESSAGE
        message_total = 0
        for e in embeds:
            assert len(e.get("title") or "") <= TITLE_LIMIT
            assert len(e.get("description") or "") <= DESCRIPTION_LIMIT
            assert len(e.get("fields", [])) <= FIELD_COUNT_LIMIT
            for f in e.get("fields", []):
                assert 0 < len(f["name"]) <= FIELD_NAME_LIMIT
                assert 0 < len(f["value"]) <= FIELD_VALUE_LIMIT
            total = sum(len(e.get(k) or "") for k in ("title", "description"))
            total += sum(len(f["name"]) + len(f["value"]) for f in e.get("fields", []))
            total += len((e.get("footer") or {}).get("text", ""))
            assert total <= EMBED_TOTAL_LIMIT
            message_total += total
        assert message_total <= EMBED_TOTAL_LIMIT


async def run(bot, fake: FakeDiscord, command: str, **options: str) -> list[Recorded]:
    """Run a slash command; return the followup messages the user sees."""
    payload = interaction_payload(command, options)
    await dispatch(bot, payload)
    callback = [r for r in fake.requests if r.path == f"/interactions/{payload['id']}/{payload['token']}/callback"]
    assert [c.body["type"] for c in callback] == [5], "acknowledged once, with a deferral"
    return fake.posted(f"/webhooks/{APP_ID}/{payload['token']}")


async def test_login_syncs_every_command_to_the_dev_guild(bot, fake):
    puts = [r for r in fake.requests if r.method == "PUT"]
    assert [r.path for r in puts] == [f"/applications/{APP_ID}/guilds/{GUILD_ID}/commands"]
    assert {c["name"] for c in puts[0].body} == COMMANDS
    assert set(bot.synced) == COMMANDS
    assert all(r.authorization == f"Bot {TOKEN}" for r in fake.requests)


async def test_global_sync(fake, service):
    from bot.discord.client import NewsbriefDiscordBot

    client = NewsbriefDiscordBot(service, sync_global=True)
    try:
        await client.login(TOKEN)
    finally:
        await client.close()
    puts = [r for r in fake.requests if r.method == "PUT"]
    assert [r.path for r in puts] == [f"/applications/{APP_ID}/commands"]
    assert {c["name"] for c in puts[0].body} == COMMANDS


async def test_who_won_names_the_winner_with_each_outlets_figures(bot, fake):
    messages = await run(bot, fake, "who-won", topic="chile")
    text = "\n".join(m.text() for m in messages)
    assert "José Antonio Kast" in text and "58.30%" in text
    assert "Jeannette Jara" in text and "41.70%" in text
    assert "almost 60 percent" in text and "Samnytt" in text  # the other outlet's figure, attributed
    assert_within_limits(messages)


async def test_brief_is_free_of_loaded_terms(bot, fake):
    messages = await run(bot, fake, "brief")
    text = "\n".join(m.text() for m in messages)
    assert "Kast" in text and "58.30%" in text
    assert [term for term in LOADED if term in text.lower()] == []
    assert_within_limits(messages)


async def test_full_framing_is_split_within_limits_and_shows_quotes(bot, fake):
    messages = await run(bot, fake, "framing", topic="chile full")
    embeds = [e for m in messages for e in m.embeds]
    assert_within_limits(messages)
    fields = [f for e in embeds for f in e.get("fields", [])]
    names = [f["name"] for f in fields]
    assert "Samnytt" in names and "EIR News" in names
    assert any(n.endswith("(continued)") for n in names)  # an outlet's note was longer than one field
    values = "\n".join(f["value"] for f in fields)
    assert "> Pinochet Devotee Kast Wins Chilean Elections, Marco Rubio Overjoyed" in values.splitlines()
    # no piece was cut mid-word: every field ends on a whole word or punctuation
    assert all(not f["value"][-1].isalpha() or f["value"].split()[-1].isalpha() for f in fields)


async def test_unknown_topic_lists_close_titles(bot, fake):
    messages = await run(bot, fake, "brief", topic="volcano")
    text = "\n".join(m.text() for m in messages)
    assert "No story matches “volcano”" in text
    assert "José Antonio Kast wins Chile’s presidential runoff" in text


async def test_sources(bot, fake):
    text = "\n".join(m.text() for m in await run(bot, fake, "sources"))
    assert "Samnytt" in text and "EIR News" in text


async def test_no_stories_loaded(fake, api_base):
    from bot.discord.client import NewsbriefDiscordBot
    from bot.service import CommandService, InMemoryStories

    client = NewsbriefDiscordBot(CommandService(InMemoryStories()), guild_id=GUILD_ID)
    await client.login(TOKEN)
    try:
        text = "\n".join(m.text() for m in await run(client, fake, "framing", topic="chile"))
    finally:
        await client.close()
    assert "No stories are loaded yet" in text


async def test_autocomplete_offers_story_titles(bot, fake):
    payload = interaction_payload("framing", {"topic": "kast"}, kind=4, focused="topic")
    await dispatch(bot, payload)
    (callback,) = [r for r in fake.requests if r.path.endswith(f"{payload['id']}/{payload['token']}/callback")]
    assert callback.body["type"] == 8  # autocomplete result
    choices = callback.body["data"]["choices"]
    assert choices == [
        {
            "name": "José Antonio Kast wins Chile’s presidential runoff",
            "value": "José Antonio Kast wins Chile’s presidential runoff",
        }
    ]
    payload = interaction_payload("brief", {"topic": "volcano"}, kind=4, focused="topic")
    await dispatch(bot, payload)
    assert fake.requests[-1].body["data"]["choices"] == []


async def test_unexpected_error_gives_an_error_id_not_a_traceback(bot, fake, caplog, monkeypatch):
    def explode(command: str, topic: str | None):
        raise RuntimeError("secret internals: /srv/db password=hunter2")

    monkeypatch.setattr(bot.service, "run", explode)
    with caplog.at_level(logging.ERROR, logger="newsbrief.discord"):
        messages = await run(bot, fake, "brief")
    (message,) = messages
    assert message.content.startswith("Something went wrong on our side (error id ")
    assert "hunter2" not in message.text() and "Traceback" not in message.text()
    assert message.flags & 64  # ephemeral
    error_id = message.content.split("error id ")[1].rstrip(").")
    logged = [r for r in caplog.records if error_id in r.getMessage()]
    assert logged and logged[0].exc_info is not None  # the traceback is in the log, under the id


async def test_rate_limit_is_honoured_and_the_message_still_delivered(bot, fake):
    fake.rate_limit_next(f"/webhooks/{APP_ID}/")
    messages = await run(bot, fake, "who-won")
    assert len(messages) == 1 and "58.30%" in messages[0].text()
    webhook_posts = [r for r in fake.requests if r.path.startswith(f"/webhooks/{APP_ID}/")]
    assert len(webhook_posts) == 2  # the 429, then the retry that got through


async def test_token_never_logged(fake, service, caplog):
    from bot.discord.client import NewsbriefDiscordBot

    with caplog.at_level(logging.DEBUG):
        client = NewsbriefDiscordBot(service, guild_id=GUILD_ID)
        await client.login(TOKEN)
        try:
            await run(client, fake, "who-won")
        finally:
            await client.close()
    assert caplog.records
    assert not [r for r in caplog.records if TOKEN in r.getMessage()]


@pytest.mark.parametrize("channel", [CHANNEL_ID])
async def test_digest_command_posts_to_the_channel(bot, fake, channel):
    payload = interaction_payload("digest")
    await dispatch(bot, payload)
    (posted,) = fake.posted(f"/channels/{channel}/messages")
    assert "José Antonio Kast wins Chile’s presidential runoff" in posted.text()
    assert_within_limits([posted])
    (ack,) = fake.posted(f"/webhooks/{APP_ID}/{payload['token']}")
    assert ack.content == "Posted the digest here (1 story)."
