"""Issue 5, done when: an admin goes from a fresh install to a channel receiving a daily digest at 08:00
in their timezone using only chat commands (here: signed Slack slash commands to the running bot)."""

from __future__ import annotations

import asyncio
import json
import tomllib
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.bot.slack.conftest import SlackUser
from tests.bot.slack.fake_slack import Call, FakeSlack
from tests.e2e.conftest import (
    ADMIN,
    FEED_PATHS,
    MEMBER,
    OUTLETS,
    SLACK_SECRET,
    RunningBot,
    assert_no_secrets,
    newsbrief_run,
    until,
    write_config,
)
from tests.feeds.loopback import FeedServer, static

CHANNEL = "C777"
JOB = f"digest:slack:{CHANNEL}"
LATE_TITLE = "Lighthouse keepers return to Gull Point after forty years"
LATE_FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Late Post</title><link>http://late.test/</link><description>d</description>
<item><title>{LATE_TITLE}</title><link>LATE_BASE/late/gull-point</link><guid>late-1</guid>
<pubDate>Mon, 02 Nov 2026 16:00:00 GMT</pubDate>
<description><![CDATA[<p>The maritime authority said on Monday that two keepers will again live at the Gull Point
lighthouse from next spring, forty years after the light was automated and the keepers left the island.</p>
<p>The authority wants people on the rock to watch the seabird colonies and to help boats in trouble during
winter storms. The keepers will be paid by the regional government and will stay for shifts of six weeks.</p>
<p>Fishermen in the harbour welcomed the plan, saying the light has failed twice in recent winters with no one
there to notice. A local historian said the old keepers' cottage would be restored as part of the work.</p>]]>
</description></item></channel></rss>"""


async def command(bot: RunningBot, slack: FakeSlack, text: str, *, user: str) -> Call:
    """Send `/newsbrief-config TEXT` signed as Slack would, and return the reply posted to its response_url."""
    assert bot.slack_url is not None
    before = len(slack.posts())
    sender = SlackUser(bot.slack_url, slack, secret=SLACK_SECRET)
    result = await asyncio.to_thread(sender.command, "/newsbrief-config", text, user_id=user, channel_id=CHANNEL)
    assert result.status == 200 and result.seconds < 3  # acknowledged within Slack's 3-second window
    await until(lambda: len(slack.posts()) > before, what="the reply to " + text)
    reply = slack.posts()[before]
    assert reply.path.startswith("/response/") and reply.body.get("response_type") == "ephemeral"
    return reply


def next_eight_stockholm() -> datetime:
    tz = ZoneInfo("Europe/Stockholm")
    now = datetime.now(tz)
    today = datetime.combine(now.date(), time(8, 0), tzinfo=tz)
    return today if today > now else datetime.combine(now.date() + timedelta(days=1), time(8, 0), tzinfo=tz)


async def test_admin_sets_up_a_daily_0800_digest_from_chat_alone(
    tmp_path: Path, feeds: FeedServer, slack: FakeSlack, env: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    feeds.routes["/late/feed.rss"] = static(LATE_FEED.replace("LATE_BASE", feeds.base).encode())
    # A fresh install: no sources, no channels; the operator listed their own Slack id as a bot admin.
    config = write_config(tmp_path / "newsbrief.toml", admins={"slack_users": [ADMIN]})
    pristine = config.read_bytes()

    async with newsbrief_run(config, caplog) as bot:
        assert bot.story_titles() == []
        assert bot.running.scheduler.get_job(JOB) is None

        # A member who is not a workspace admin is refused, and nothing changes anywhere.
        refused = await command(bot, slack, "schedule 0 8 * * * Europe/Stockholm", user=MEMBER)
        assert "Not allowed" in refused.visible_text and "Nothing was changed." in refused.visible_text
        refused = await command(bot, slack, f"add-source name=harbor outlet=Harbor feed={feeds.url('/x')}", user=MEMBER)
        assert "Not allowed" in refused.visible_text
        # Not even a bot admin may change process settings (paths, database) from chat.
        refused = await command(bot, slack, "set bot.audit_log /tmp/anywhere.jsonl", user=ADMIN)
        assert "Not allowed" in refused.visible_text and "cannot be changed from chat" in refused.visible_text
        assert config.read_bytes() == pristine
        assert bot.running.scheduler.get_job(JOB) is None

        # The admin schedules this channel's digest for 08:00 Stockholm time ...
        reply = await command(bot, slack, "schedule 0 8 * * * Europe/Stockholm", user=ADMIN)
        assert "Configuration saved" in reply.visible_text
        assert "channels.slack:C777.schedule" in reply.visible_text and "Europe/Stockholm" in reply.visible_text
        saved = tomllib.loads(config.read_text("utf-8"))
        assert [(c["platform"], c["channel_id"], c["schedule"], c["timezone"]) for c in saved["channels"]] == [
            ("slack", CHANNEL, "0 8 * * *", "Europe/Stockholm")
        ]
        # ... and the running scheduler has the job, due at the next 08:00 in Stockholm, without a restart.
        job = bot.running.scheduler.get_job(JOB)
        assert job is not None and job.next_run_time == next_eight_stockholm()
        assert str(job.trigger.timezone) == "Europe/Stockholm"

        # ... then adds the outlets to follow, still from chat.
        for name, path in FEED_PATHS.items():
            text = f'add-source name={name} outlet="{OUTLETS[name]}" feed={feeds.url(path)}'
            assert "Configuration saved" in (await command(bot, slack, text, user=ADMIN)).visible_text
        text = f'add-source name=late outlet="Late Post" feed={feeds.url("/late/feed.rss")}'
        assert "Configuration saved" in (await command(bot, slack, text, user=ADMIN)).visible_text
        assert [s["name"] for s in tomllib.loads(config.read_text("utf-8"))["sources"]] == [*FEED_PATHS, "late"]

        # The next ingest (made due now) fetches the added sources: the new outlet's story is there.
        report = await bot.fire("ingest", jobstore="local")
        assert (report.feeds_ok, report.feeds_failed) == (4, 0)
        assert feeds.hits["/late/feed.rss"] == 1
        assert LATE_TITLE in bot.story_titles()

        # 08:00 comes (fast clock): the channel receives its digest, as the bot, in this channel.
        outcome = await bot.fire(JOB)
        assert outcome.status == "posted"
        digest = [c for c in slack.posts() if c.path == "/api/chat.postMessage"]
        assert digest and {c.body["channel"] for c in digest} == {CHANNEL}
        text = "\n".join(c.visible_text for c in digest)
        assert LATE_TITLE in text and f"<{feeds.base}/late/gull-point|Late Post>" in text
        assert all(title in text for title in bot.story_titles()[: outcome.stories])

        # Every change is in the audit log with who made it; the refusals left no trace.
        audit = [json.loads(line) for line in (tmp_path / "audit.log.jsonl").read_text("utf-8").splitlines()]
        assert len(audit) == 5 and {"slack:UADMIN" in json.dumps(entry) for entry in audit} == {True}
        assert not any("UMEMBER" in json.dumps(entry) for entry in audit)

    # The change made from chat survives a restart: the job is back with the same schedule.
    async with newsbrief_run(config, caplog) as bot:
        job = bot.running.scheduler.get_job(JOB)
        assert job is not None and job.next_run_time == next_eight_stockholm()
        assert job.next_run_time.astimezone(UTC) > datetime.now(UTC)

    assert_no_secrets(bot.err.getvalue(), caplog.text)
