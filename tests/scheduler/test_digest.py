"""Channel digests: ranked, never repeated, quiet when nothing is new, safe against a failing publisher."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import timedelta

import pytest

from bot.config.model import NewsbriefConfig, effective_settings
from bot.digest import run_digest
from bot.feeds.ingest import ingest_once, rebuild_stories
from bot.render.text import render
from bot.storage import Database
from bot.storage.articles import insert_articles
from bot.storage.database import utcnow
from summarizer.brief import BriefSettings
from summarizer.readers import make_article
from tests.feeds.loopback import FeedServer
from tests.publishers import RecordingPublisher

SLOT = utcnow().replace(minute=0, second=0, microsecond=0)
NEW_STORY = (
    "Firefighters contained a grass fire on the northern ridge on Wednesday after a night of work. "
    "No homes were damaged, the fire service said, and the road to the reservoir reopened at noon. "
    "Investigators believe a discarded barbecue started the blaze during the dry, windy afternoon."
)

BRIDGE_FOLLOW_UP = (
    "Rivertown's council approved the Sable River road bridge by seven votes to two on Sunday, and on Tuesday "
    "Mayor Elena Brandt said the 48 million dollar crossing would go to tender next month. Half of the cost is "
    "covered by the regional government and construction should begin in the spring."
)


@pytest.fixture
def config() -> Iterator[NewsbriefConfig]:
    with FeedServer() as srv:
        srv.serve_fixtures()
        yield NewsbriefConfig.model_validate(
            {
                "bot": {"allow_private_sources": True},
                "sources": [
                    {"name": "harbor", "outlet": "Harbor Gazette", "feed": srv.url("/harbor/feed.rss")},
                    {"name": "valley", "outlet": "Valley Ledger", "feed": srv.url("/valley/feed.atom")},
                    {"name": "coast", "outlet": "Coastline Wire", "feed": srv.url("/coast/feed.rss")},
                ],
                "defaults": {"max_stories": 2},
                "channels": [
                    {"platform": "discord", "channel_id": "100", "schedule": "0 8 * * *"},
                    {"platform": "slack", "channel_id": "C9", "schedule": "0 8 * * *", "post_when_quiet": True},
                ],
            }
        )


@pytest.fixture
async def stored(config: NewsbriefConfig, db: Database) -> Database:
    await ingest_once(config, db)
    return db


async def digest(db: Database, config: NewsbriefConfig, pub: RecordingPublisher, platform: str, cid: str, slot=SLOT):
    return await run_digest(db, pub, platform, cid, effective_settings(config, platform, cid), slot)


async def test_the_digest_ranks_by_outlets_and_links_each_article(stored: Database, config: NewsbriefConfig) -> None:
    pub = RecordingPublisher()
    outcome = await digest(stored, config, pub, "discord", "100")
    assert (outcome.status, outcome.stories) == ("posted", 2)
    [(target, doc)] = pub.posts
    assert target == "100" and doc["command"] == "digest" and doc["schema"] == "newsbrief/1"
    assert [len(s["outlets"]) for s in doc["stories"]] == [3, 3]
    text = render(doc)
    assert text.count("Framing: ") == 2 and text.count("• Coastline Wire: http://127.0.0.1:") == 2


async def test_a_story_is_never_posted_twice_and_a_quiet_period_posts_nothing(
    stored: Database, config: NewsbriefConfig
) -> None:
    pub = RecordingPublisher()
    await digest(stored, config, pub, "discord", "100")
    again = await digest(stored, config, pub, "discord", "100", SLOT + timedelta(days=1))
    assert again.status == "empty" and len(pub.posts) == 1

    # new coverage arrives: only the new story goes out, then a new article about an old story changes nothing
    with stored.transaction() as conn:
        fire = make_article(
            outlet="Valley Ledger",
            text=NEW_STORY,
            source="t",
            title="Ridge fire contained",
            url="http://valley.test/fire",
        )
        insert_articles(conn, "valley", [fire], utcnow())
    rebuild_stories(stored, BriefSettings())
    third = await digest(stored, config, pub, "discord", "100", SLOT + timedelta(days=2))
    assert third.status == "posted" and pub.story_titles()[-1:] == ["Ridge fire contained"]

    with stored.transaction() as conn:
        follow_up = make_article(
            outlet="Valley Ledger", text=BRIDGE_FOLLOW_UP, source="t", url="http://valley.test/bridge-2"
        )
        insert_articles(conn, "valley", [follow_up], utcnow())
    rebuild_stories(stored, BriefSettings())
    fourth = await digest(stored, config, pub, "discord", "100", SLOT + timedelta(days=3))
    assert fourth.status == "empty"
    titles = pub.story_titles()
    assert len(titles) == len(set(titles)) == 3


async def test_post_when_quiet_sends_one_line(stored: Database, config: NewsbriefConfig) -> None:
    pub = RecordingPublisher()
    await digest(stored, config, pub, "slack", "C9")
    quiet = await digest(stored, config, pub, "slack", "C9", SLOT + timedelta(days=1))
    assert quiet.status == "quiet"
    assert render(pub.posts[-1][1]) == "No new stories.\n"


async def test_channels_are_independent(stored: Database, config: NewsbriefConfig) -> None:
    pub = RecordingPublisher()
    await digest(stored, config, pub, "discord", "100")
    await digest(stored, config, pub, "slack", "C9")
    assert pub.story_titles("100") == pub.story_titles("C9")


async def test_a_failing_publisher_loses_nothing(stored: Database, config: NewsbriefConfig) -> None:
    pub = RecordingPublisher(fail=True)
    failed = await digest(stored, config, pub, "discord", "100")
    assert failed.status == "failed" and failed.error_id
    pub.fail = False
    retried = await digest(stored, config, pub, "discord", "100", SLOT + timedelta(hours=1))
    assert retried.status == "posted" and retried.stories == 2


async def test_the_same_slot_fires_once_even_when_two_runs_race(stored: Database, config: NewsbriefConfig) -> None:
    pub = RecordingPublisher()
    outcomes = await asyncio.gather(*(digest(stored, config, pub, "discord", "100") for _ in range(3)))
    assert sorted(o.status for o in outcomes) == ["posted", "skipped", "skipped"]
    assert len(pub.posts) == 1


async def test_a_channel_with_its_own_brief_length_gets_briefs_of_that_length(
    stored: Database, config: NewsbriefConfig
) -> None:
    pub = RecordingPublisher()
    short = config.model_copy(
        update={"channels": [config.channels[0].model_copy(update={"brief_sentences": 1, "algorithm": "luhn"})]}
    )
    settings = effective_settings(short, "discord", "100")
    outcome = await run_digest(stored, pub, "discord", "100", settings, SLOT, BriefSettings())
    assert outcome.status == "posted"
    [(_, doc)] = pub.posts
    for story in doc["stories"]:
        assert len(story["brief"]["sentences"]) == 1
        assert story["brief"]["algorithm"] == "luhn"
        assert story["brief"]["sentences"][0]["sources"]
