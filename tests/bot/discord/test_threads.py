"""/brief and /digest in a Discord channel with threads: the story becomes a thread (in a forum, a post) whose
first reply is the full framing note, its picture on the root, and a later update lands in that thread."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.config.model import NewsbriefConfig
from bot.digest import ChannelDigests
from bot.pictures import Pictures
from bot.publishers import DiscordPublisher
from bot.service import CommandService
from bot.storage import Database
from bot.storage.schema import posts
from bot.storage.story_source import StoredStories
from bot.threads.follow import follow_stories
from bot.threads.manual import ChannelThreads
from summarizer.documents import DigestDocument
from tests.bot.discord.conftest import CHANNEL_ID, dispatch, interaction_payload
from tests.bot.discord.fake_discord import APP_ID, FakeDiscord
from tests.bot.discord.test_pictures import assert_picture_shown
from tests.storage.databases import db, db_url  # noqa: F401 (fixtures)
from tests.threads.helpers import ingest
from tests.threads.stories import coast_joins, first_reports

CHANNEL = str(CHANNEL_ID)
UPDATE = "Coastline Wire now reports it; it gives 58.2%, the others 58.3%"
FULL_NOTE = "How each outlet framed it: Mara Lindqvist wins"


def make_config(*, pictures: bool = False) -> NewsbriefConfig:
    channel = {"platform": "discord", "channel_id": CHANNEL, "schedule": "0 8 * * *", "threads": True}
    return NewsbriefConfig.model_validate({"channels": [{**channel, "pictures": pictures}]})


@pytest.fixture
def configs() -> list[NewsbriefConfig]:
    """The live configuration (``configs[0]``), as the bot reads it on each command."""
    return [make_config()]


@pytest.fixture
def config(configs: list[NewsbriefConfig]) -> NewsbriefConfig:
    return configs[0]


@pytest.fixture
def service(db: Database, configs: list[NewsbriefConfig]) -> CommandService:  # noqa: F811
    assert ingest(db, first_reports())
    return CommandService(
        StoredStories(db),
        claim_digest=ChannelDigests(db, lambda: configs[0]),
        threads=ChannelThreads(db, lambda: configs[0]),
        pictures=Pictures(lambda: configs[0]),
    )


def stored_roots(db: Database) -> list[tuple[str, str, str]]:  # noqa: F811
    with db.read() as conn:
        return [(r.status, r.root_id, r.thread_id) for r in conn.execute(select(posts))]


async def command(bot, fake: FakeDiscord, name: str, **options: str) -> list[str]:  # noqa: ANN001
    """Run a slash command; the texts only its user sees."""
    payload = interaction_payload(name, options)
    await dispatch(bot, payload)
    return [m.text() for m in fake.posted(f"/webhooks/{APP_ID}/{payload['token']}")]


async def test_brief_in_a_thread_channel_starts_the_storys_thread_and_its_update_lands_there(
    bot,  # noqa: ANN001
    fake: FakeDiscord,
    db: Database,  # noqa: F811
    config: NewsbriefConfig,
) -> None:
    told = await command(bot, fake, "brief", topic="lindqvist")
    assert told == ["Posted here; updates as the story grows will follow in its thread."]
    [root] = fake.posted(f"/channels/{CHANNEL}/messages")
    assert "Mara Lindqvist" in root.text() and root.body["allowed_mentions"] == {"parse": []}
    [started] = [r for r in fake.requests if r.path.endswith("/threads")]
    root_id = started.path.split("/")[4]
    assert started.path == f"/channels/{CHANNEL}/messages/{root_id}/threads"
    assert stored_roots(db) == [("sent", root_id, root_id)]  # the fake gives a thread its message's id
    [note] = fake.posted(f"/channels/{root_id}/messages")
    assert FULL_NOTE in note.text()  # the thread's first reply

    # A third outlet reports it with another figure: exactly one update, in that thread; the root edited.
    assert ingest(db, coast_joins())
    report = await follow_stories(db, config, {"discord": DiscordPublisher(bot)})
    again = await follow_stories(db, config, {"discord": DiscordPublisher(bot)})
    assert (report.posted, again.posted) == (1, 0)
    [_note, update] = fake.posted(f"/channels/{root_id}/messages")
    assert UPDATE in update.content
    [edit] = fake.edited(f"/channels/{CHANNEL}/messages/{root_id}")
    assert "Coastline Wire" in edit.text()
    assert not edit.files  # no pictures in this channel

    # The channel has the story: /brief again answers its user alone, /digest finds nothing new.
    again_told = await command(bot, fake, "brief", topic="lindqvist")
    assert "Mara Lindqvist" in again_told[0]
    [nothing_new] = await command(bot, fake, "digest")
    assert "No new stories since the last digest in this channel." in nothing_new
    assert len(fake.posted(f"/channels/{CHANNEL}/messages")) == 1 and len(stored_roots(db)) == 1


async def test_digest_in_a_forum_channel_posts_each_story_as_a_forum_post_with_its_picture(
    bot,  # noqa: ANN001
    fake: FakeDiscord,
    db: Database,  # noqa: F811
    configs: list[NewsbriefConfig],
) -> None:
    fake.channel_types[CHANNEL] = 15  # a forum: every message must be a post
    configs[0] = config = make_config(pictures=True)
    told = await command(bot, fake, "digest")
    assert told == ["Posted the digest here (1 story)."]
    [post] = fake.forum_posts(CHANNEL)
    assert post.body["name"] == "Mara Lindqvist wins Easterby’s mayoral runoff"
    assert "Mara Lindqvist" in post.text() and "Harbor Gazette, Valley Ledger" in post.text()
    assert_picture_shown(post, "coverage-1.png")  # the picture on the starter message, in its first embed
    assert fake.posted(f"/channels/{CHANNEL}/messages") == []  # nothing outside the post
    [(status, root_id, thread_id)] = stored_roots(db)
    assert status == "sent" and root_id == thread_id
    [note] = fake.posted(f"/channels/{thread_id}/messages")
    assert FULL_NOTE in note.text()

    assert ingest(db, coast_joins())
    publisher = DiscordPublisher(bot, Pictures(lambda: config))
    assert (await follow_stories(db, config, {"discord": publisher})).posted == 1
    [_note, update] = fake.posted(f"/channels/{thread_id}/messages")
    assert UPDATE in update.content
    [edit] = fake.edited()
    assert edit.path == f"/channels/{thread_id}/messages/{root_id}"  # the starter message lives in the post
    assert "Coastline Wire" in edit.text()
    # The picture is redrawn and replaces the old one: it must not still count Coastline Wire as absent.
    alt = assert_picture_shown(edit, "coverage-1.png")
    assert [a["filename"] for a in edit.attachments] == ["coverage-1.png"] and "Coastline Wire" in alt


async def test_a_digest_to_a_forum_channel_without_threads_is_still_one_post_per_story(
    bot,  # noqa: ANN001
    fake: FakeDiscord,
    service: CommandService,
) -> None:
    forum = "700000000000000099"  # not configured: threads off
    fake.channel_types[forum] = 15
    doc = DigestDocument(stories=service.source.stories())
    await DiscordPublisher(bot).post(forum, doc)
    [post] = fake.forum_posts(forum)
    assert "Mara Lindqvist" in post.text()
    assert fake.posted(f"/channels/{forum}/messages") == []  # a forum takes no plain messages
