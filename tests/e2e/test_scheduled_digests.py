"""Issue 4, done when: `newsbrief run` with a config naming feeds and channel schedules ingests, stores
and posts on time to Slack and Discord, and a restart on the same database posts nothing twice."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.bot.discord.fake_discord import FakeDiscord
from tests.bot.slack.fake_slack import FakeSlack
from tests.e2e.conftest import (
    DISCORD_TOKEN,
    OUTLETS,
    assert_no_secrets,
    newsbrief_run,
    sources_for,
    with_discord,
    write_config,
)
from tests.feeds.loopback import FeedServer

SLACK_CHANNEL = "C100"
DISCORD_CHANNEL = "700000000000000002"
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def next_local(hour: int, minute: int, tz: ZoneInfo, *, weekdays_only: bool = False) -> datetime:
    """The next wall-clock ``hour:minute`` in ``tz`` strictly after now."""
    now = datetime.now(tz)
    day = now.date()
    while True:
        candidate = datetime.combine(day, time(hour, minute), tzinfo=tz)
        if candidate > now and (not weekdays_only or candidate.weekday() < 5):
            return candidate
        day += timedelta(days=1)


async def test_run_ingests_stores_and_posts_each_channel_on_time_once_across_restarts(
    tmp_path: Path,
    feeds: FeedServer,
    slack: FakeSlack,
    discord_api: FakeDiscord,
    env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with_discord(monkeypatch, discord_api)
    config = write_config(
        tmp_path / "newsbrief.toml",
        sources=sources_for(feeds),
        channels=[
            {
                "platform": "slack",
                "channel_id": SLACK_CHANNEL,
                "schedule": "0 8 * * *",
                "timezone": "Europe/Stockholm",
                "max_stories": 10,
            },
            {"platform": "discord", "channel_id": DISCORD_CHANNEL, "schedule": "30 6 * * mon-fri", "max_stories": 10},
        ],
    )

    async with newsbrief_run(config, caplog) as bot:
        # The start-up ingest fetched all three feeds (and the Coastline Wire article pages) and stored stories.
        assert all(
            feeds.hits.get(path, 0) >= 1 for path in ("/harbor/feed.rss", "/valley/feed.atom", "/coast/feed.rss")
        )
        assert any(path.startswith("/coast/stories/") for path in feeds.hits)
        titles = bot.story_titles()
        assert len(titles) == 4 and any("Sable River bridge" in t for t in titles)

        # Each channel has its job, due at its next slot in its own timezone.
        scheduler = bot.running.scheduler
        slack_job = scheduler.get_job(f"digest:slack:{SLACK_CHANNEL}")
        discord_job = scheduler.get_job(f"digest:discord:{DISCORD_CHANNEL}")
        assert slack_job.next_run_time == next_local(8, 0, STOCKHOLM)
        assert discord_job.next_run_time == next_local(6, 30, ZoneInfo("UTC"), weekdays_only=True)
        assert not slack.posts() and not discord_api.posted("/channels/")  # nothing goes out before its time

        slack_outcome = await bot.fire(f"digest:slack:{SLACK_CHANNEL}")
        discord_outcome = await bot.fire(f"digest:discord:{DISCORD_CHANNEL}")
        assert (slack_outcome.status, discord_outcome.status) == ("posted", "posted")
        assert slack_outcome.stories == discord_outcome.stories == len(titles)
        # After firing, each job is due again at its next regular slot.
        assert scheduler.get_job(f"digest:slack:{SLACK_CHANNEL}").next_run_time == next_local(8, 0, STOCKHOLM)

        # Slack: chat.postMessage to the configured channel, each story with a link to each outlet's article.
        messages = [c for c in slack.posts() if c.path == "/api/chat.postMessage"]
        assert messages and {c.body["channel"] for c in messages} == {SLACK_CHANNEL}
        slack_text = "\n".join(c.visible_text for c in messages)
        for title in titles:
            assert title in slack_text
        for prefix, outlet in (
            ("/harbor/news/", "Harbor Gazette"),
            ("/valley/", "Valley Ledger"),
            ("/coast/", "Coastline Wire"),
        ):
            assert f"<{feeds.base}{prefix}" in slack_text and f"|{outlet}>" in slack_text

        # Discord: the bot posted embeds to the configured channel, with the same stories and links.
        posts = discord_api.posted(f"/channels/{DISCORD_CHANNEL}/messages")
        assert posts and all(p.embeds for p in posts)
        assert all(p.authorization == f"Bot {DISCORD_TOKEN}" for p in posts)
        discord_text = "\n".join(p.text() for p in posts)
        for title in titles:
            assert title in discord_text
        for outlet in OUTLETS.values():
            assert f"[{outlet}: " in discord_text
        assert f"]({feeds.base}/harbor/news/rivertown-bridge-approved)" in discord_text
        first_run = (len(slack.posts()), len(discord_api.posted("/channels/")))

    # Restart on the same database: the jobs came back from the job store with their next run times.
    async with newsbrief_run(config, caplog) as bot:
        scheduler = bot.running.scheduler
        assert scheduler.get_job(f"digest:slack:{SLACK_CHANNEL}").next_run_time == next_local(8, 0, STOCKHOLM)
        # The same slot fired again (a second process, a restart mid-slot): claimed already, nothing posted.
        assert (await bot.fire(f"digest:slack:{SLACK_CHANNEL}")).status == "skipped"
        assert (await bot.fire(f"digest:discord:{DISCORD_CHANNEL}")).status == "skipped"
        # A different slot (the admin moved the schedule): the stories were all posted already.
        bot.rt.store.set_schedule("slack", SLACK_CHANNEL, "15 9 * * *", actor="test")
        assert (await bot.fire(f"digest:slack:{SLACK_CHANNEL}")).status == "empty"
        assert (len(slack.posts()), len(discord_api.posted("/channels/"))) == first_run

    assert_no_secrets(bot.err.getvalue(), caplog.text)
