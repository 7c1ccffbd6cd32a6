"""Article text is hostile: whatever a feed or file puts in a title, outlet, link or sentence, what Slack
and Discord receive can never ping anyone or hold a link other than an http(s) one we wrote ourselves."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.config.model import NewsbriefConfig, effective_settings
from bot.console import ConsoleBot
from bot.digest import run_digest
from bot.discord.client import NewsbriefDiscordBot
from bot.discord.embeds import document_embeds
from bot.feeds.fetch import FetchPolicy
from bot.feeds.ingest import ingest_once
from bot.publishers import DiscordPublisher, SlackPublisher
from bot.render.text import render
from bot.service import CommandService, InMemoryStories
from bot.slack.app import build_slack_app, listener_pool
from bot.slack.blocks import render_messages
from bot.storage import Database
from bot.storage.database import utcnow
from tests.bot.discord.conftest import CHANNEL_ID, GUILD_ID, api_base, dispatch, fake, interaction_payload  # noqa: F401
from tests.bot.discord.fake_discord import TOKEN, FakeDiscord, Recorded
from tests.bot.slack.conftest import FAST_RETRY, SECRET, ServedApp, SlackUser
from tests.bot.slack.conftest import TOKEN as SLACK_TOKEN
from tests.bot.slack.fake_slack import FakeSlack
from tests.feeds.loopback import FeedServer, static
from tests.storage.databases import db, db_url  # noqa: F401 (fixtures)

EVIL = "https://evil.example"
# Two outlets report the same ferry story; every field carries something that pings or links.
RECORDS = [
    {
        "outlet": "Harbour <!here> Post",
        "title": f"Ferry <!here> back in service @everyone [click here]({EVIL})",
        "url": "!here",
        "text": (
            "The harbour ferry between Northpoint and Sandvik returned to service on Monday after three weeks "
            "of engine repairs, the port authority said. Passengers <!channel> waited on the quay before the "
            "first crossing at seven, and @here the operator said fares would stay the same. A spokesperson "
            f"said [click here]({EVIL}) for the timetable, which lists twelve crossings a day on weekdays. "
            "The repairs cost about 2.4 million crowns <@123> and were paid by the regional council <@&456> "
            "in <#789>, officials said."
        ),
    },
    {
        "outlet": "Sandvik @everyone Daily",
        "title": "Northpoint ferry <!channel> resumes crossings <@123>",
        "url": "javascript:alert(1)",
        "text": (
            "Crossings between Northpoint and Sandvik resumed on Monday when the harbour ferry came back from "
            "three weeks of engine repairs, the port authority said. The operator said @everyone fares were "
            f"unchanged and [click here]({EVIL}) twelve crossings a day would run on weekdays. The regional "
            "council <!here> paid the repair bill of about 2.4 million crowns <!channel>, officials said."
        ),
    },
]
THIRD = (
    "The Northpoint to Sandvik ferry was back on Monday after its engines were repaired over three weeks, the "
    "port authority said. Twelve crossings a day are planned on weekdays and fares have not changed, the "
    "operator said, and the regional council covered the repair cost of about 2.4 million crowns."
)
PINGS = re.compile(r"<[!@#]|<!?(here|channel|everyone)")  # Slack's mention syntax, unescaped
DISCORD_PINGS = re.compile(r"(?<!\\)<[@#]|@(everyone|here)")  # Discord's mention syntax, unescaped
MASKED_EVIL = re.compile(r"(?<!\\)\]\(\s*https?://evil")  # a live [label](https://evil…) link


@pytest.fixture
def hostile_service(tmp_path: Path) -> CommandService:
    (tmp_path / "ferry.json").write_text(json.dumps(RECORDS), encoding="utf-8")
    service = CommandService(InMemoryStories.from_paths([tmp_path]))
    assert service.source.stories(), "the hostile articles must make a story"
    return service


# --- Slack --------------------------------------------------------------------------------------


def slack_texts(body: dict[str, Any]) -> list[dict[str, Any]]:
    """Every text object of a message (blocks and context elements), plus the fallback as mrkdwn."""
    blocks = body.get("blocks") or []
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
    objects = [{"type": "mrkdwn", "text": str(body.get("text", "")), "verbatim": True}]
    for block in blocks:
        objects += [block["text"]] if "text" in block else list(block.get("elements", []))
    return objects


def assert_inert_for_slack(body: dict[str, Any]) -> None:
    for obj in slack_texts(body):
        text = obj["text"]
        if obj["type"] == "plain_text":
            continue  # headers: Slack shows plain_text as typed, never as markup
        assert not PINGS.search(text), text
        assert obj.get("verbatim") is True, obj  # no auto-linking of bare URLs or @words
        for target in re.findall(r"<([^>|]*)[|>]", text):
            assert target.startswith(("http://", "https://")), text  # the only links are ours, to http(s)
        assert "<https://evil" not in text


@pytest.fixture
def slack_fake() -> Iterator[FakeSlack]:
    server = FakeSlack().start()
    yield server
    server.stop()


def test_slack_answers_carry_no_ping_and_no_foreign_link(hostile_service: CommandService, slack_fake: FakeSlack):
    pool = listener_pool()
    app = build_slack_app(
        hostile_service,
        token=SLACK_TOKEN,
        signing_secret=SECRET,
        api_url=slack_fake.api_url,
        retry=FAST_RETRY,
        listener_executor=pool,
    )
    served = ServedApp(app, pool)
    try:
        user = SlackUser(served.url, slack_fake)
        for command, topic in (("/brief", "ferry"), ("/framing", "ferry"), ("/sources", ""), ("/digest", "")):
            assert user.command(command, topic).status == 200
        posts = slack_fake.wait_for_posts(4)
    finally:
        served.stop()
    assert len(posts) == 4
    assert any("Ferry &lt;!here&gt; back in service" in p.visible_text for p in posts)  # shown, escaped
    for post in posts:
        assert_inert_for_slack(post.body)
    digest = next(p for p in posts if "Read:" in p.visible_text or "Framing" in p.visible_text)
    assert "Read:" not in digest.visible_text  # both links were not http(s): dropped, not rendered


# --- Discord ------------------------------------------------------------------------------------


def assert_inert_for_discord(message: Recorded) -> None:
    text = message.text()
    assert not DISCORD_PINGS.search(text), text
    assert not MASKED_EVIL.search(text), text
    assert "javascript:" not in " ".join(re.findall(r"\]\(([^)]*)\)", text))
    assert message.body["allowed_mentions"]["parse"] == [], message.body


@pytest.fixture
async def hostile_bot(fake: FakeDiscord, hostile_service: CommandService) -> AsyncIterator[NewsbriefDiscordBot]:  # noqa: F811
    client = NewsbriefDiscordBot(hostile_service, guild_id=GUILD_ID)
    await client.login(TOKEN)
    try:
        yield client
    finally:
        await client.close()


async def test_discord_answers_are_escaped_and_mention_no_one(hostile_bot: NewsbriefDiscordBot, fake: FakeDiscord):  # noqa: F811
    for command, options in (("brief", {"topic": "ferry"}), ("framing", {"topic": "ferry"}), ("digest", {})):
        await dispatch(hostile_bot, interaction_payload(command, options))
    sent = [r for r in fake.requests if r.method == "POST" and (r.embeds or r.content)]
    assert len(sent) >= 4  # two answers, the digest in the channel and its private notice
    assert any("Ferry \\<!here\\> back in service" in r.text() for r in sent)
    for message in sent:
        assert_inert_for_discord(message)
    (digest,) = fake.posted(f"/channels/{CHANNEL_ID}/messages")
    assert "Read the articles" not in digest.text()  # neither link was http(s)


# --- a hostile feed, ingested and posted as a scheduled digest ---------------------------------


def rss(items: list[dict[str, str]]) -> bytes:
    def esc(s: str) -> str:
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    body = "".join(
        f"<item><title>{esc(i['title'])}</title><link>{esc(i['url'])}</link><guid>{esc(i['url'])}-{n}</guid>"
        f"<content:encoded>{esc(i['text'])}</content:encoded></item>"
        for n, i in enumerate(items)
    )
    namespace = 'xmlns:content="http://purl.org/rss/1.0/modules/content/"'
    return (
        f'<?xml version="1.0"?><rss version="2.0" {namespace}><channel><title>t</title>{body}</channel></rss>'.encode()
    )


@pytest.fixture
def hostile_feeds() -> Iterator[FeedServer]:
    with FeedServer() as server:
        server.routes["/post/feed.rss"] = static(rss([RECORDS[0]]))
        server.routes["/daily/feed.rss"] = static(rss([{**RECORDS[1], "url": "<!channel>"}]))
        third = {"title": "Ferry crossings resume", "url": "https://sandvik.example/ferry?a=1&b=2", "text": THIRD}
        server.routes["/third/feed.rss"] = static(rss([third]))
        yield server


def feed_config(server: FeedServer) -> NewsbriefConfig:
    names = {"post": RECORDS[0]["outlet"], "daily": RECORDS[1]["outlet"], "third": "Ferry Watch"}
    return NewsbriefConfig.model_validate(
        {
            "bot": {"allow_private_sources": True},
            "sources": [{"name": n, "outlet": o, "feed": server.url(f"/{n}/feed.rss")} for n, o in names.items()],
            "channels": [{"platform": "slack", "channel_id": "C1", "schedule": "0 8 * * *"}],
        }
    )


async def ingested(server: FeedServer, database: Database) -> NewsbriefConfig:
    config = feed_config(server)
    policy = FetchPolicy(connect_timeout=1, read_timeout=1, deadline=3, attempts=1, backoff=0.01)
    await ingest_once(config, database, policy=policy)
    return config


async def test_a_feed_link_of_bang_here_never_reaches_slack_as_a_mention(
    hostile_feeds: FeedServer,
    db: Database,  # noqa: F811
    slack_fake: FakeSlack,
) -> None:
    config = await ingested(hostile_feeds, db)
    app = build_slack_app(
        CommandService(InMemoryStories()), token=SLACK_TOKEN, signing_secret=SECRET, api_url=slack_fake.api_url
    )
    publisher = SlackPublisher(app, FAST_RETRY)
    outcome = await run_digest(db, publisher, "slack", "C1", effective_settings(config, "slack", "C1"), utcnow())
    assert outcome.status == "posted"
    posts = slack_fake.posts()
    assert posts and all(p.path == "/api/chat.postMessage" for p in posts)
    for post in posts:
        assert_inert_for_slack(post.body)
    read = " ".join(p.visible_text for p in posts)
    assert "<https://sandvik.example/ferry?a=1&amp;b=2|Ferry Watch>" in read  # the one http(s) link survives
    assert "<!here" not in read and "<!channel" not in read


async def test_a_hostile_feed_posted_to_discord_links_only_http(
    hostile_feeds: FeedServer,
    db: Database,  # noqa: F811
    fake: FakeDiscord,  # noqa: F811
) -> None:
    config = await ingested(hostile_feeds, db)
    client = NewsbriefDiscordBot(CommandService(InMemoryStories()), guild_id=None)
    await client.login(TOKEN)
    try:
        settings = effective_settings(config, "discord", str(CHANNEL_ID))
        outcome = await run_digest(db, DiscordPublisher(client), "discord", str(CHANNEL_ID), settings, utcnow())
    finally:
        await client.close()
    assert outcome.status == "posted"
    posted = fake.posted(f"/channels/{CHANNEL_ID}/messages")
    for message in posted:
        assert_inert_for_discord(message)
    links = re.findall(r"(?<!\\)\]\(([^)]*)\)", " ".join(m.text() for m in posted))
    assert links == ["https://sandvik.example/ferry?a=1&b=2"]


# --- every renderer, on links stored before ingest checked them ---------------------------------

BAD_LINKS = [
    "!here",
    "<!channel>",
    "javascript:alert(1)",
    "mailto:desk@harbour.example",
    "/ferry/relative",
    "https://harbour.example@evil.example/ferry",
    "https://harbour.example/fer\x00ry",
    "https://harbour.example/ferry>|<!here>",
]


@pytest.mark.parametrize("bad", BAD_LINKS)
def test_renderers_drop_a_stored_link_that_is_not_http(hostile_service: CommandService, bad: str) -> None:
    doc = hostile_service.run("digest").doc
    for article in doc["stories"][0]["articles"]:
        article["url"] = bad
    for message in render_messages(doc):
        assert_inert_for_slack(message.payload())
        assert "Read:" not in message.text
    embeds = [e.to_dict() for e in document_embeds(doc)]
    discord_text = "\n".join(
        [e.get("title", "") + "\n" + e.get("description", "") for e in embeds]
        + [f["name"] + "\n" + f["value"] for e in embeds for f in e.get("fields", [])]
    )
    assert "Read the articles" not in discord_text and not DISCORD_PINGS.search(discord_text)
    plain, markdown = render(doc), render(doc, markdown=True)
    assert [line for line in plain.splitlines() if line.startswith("• ") and line.endswith(bad)] == []
    assert re.findall(r"(?<!\\)\]\(([^)]*)\)", markdown) == []
    assert "evil.example/ferry" not in plain + markdown and "\x00" not in plain + markdown


def test_the_console_shows_article_text_without_terminal_escapes(tmp_path: Path) -> None:
    osc_link = "\x1b]8;;https://evil.example\x07"  # a terminal hyperlink, then a bidi override
    records = [{**RECORDS[0], "title": f"Ferry {osc_link}back\u202e in service"}, RECORDS[1]]
    (tmp_path / "ferry.json").write_text(json.dumps(records), encoding="utf-8")
    console = ConsoleBot(CommandService(InMemoryStories.from_paths([tmp_path])))
    out = "\n".join(console.exec(f"/{command} ferry") for command in ("brief", "framing", "digest"))
    assert "Ferry" in out and not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", out)
