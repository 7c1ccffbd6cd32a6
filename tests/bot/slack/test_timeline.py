"""/timeline in Slack: the story's life in the channel's timezone, visible to the channel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bot.config.model import NewsbriefConfig
from bot.storage import Database
from tests.bot.slack.conftest import SlackUser
from tests.bot.slack.fake_slack import FakeSlack
from tests.storage.databases import db, db_url  # noqa: F401 (fixtures)
from tests.threads.helpers import grown_story

CONFIG = {
    "defaults": {"threads": True},
    "channels": [{"platform": "slack", "channel_id": "C1", "schedule": "0 8 * * *", "timezone": "Europe/Stockholm"}],
}


async def test_timeline_in_the_channels_timezone(
    db: Database,  # noqa: F811
    make_user: Callable[..., SlackUser],
    fake: FakeSlack,
    tmp_path: Path,
) -> None:
    service = await grown_story(db, NewsbriefConfig.model_validate(CONFIG), tmp_path / "out.tsv", ("slack", "C1"))
    user = make_user(service)
    assert user.command("/timeline", "lindqvist", channel_id="C1").status == 200
    [post] = fake.wait_for_posts(1)
    assert post.path == "/response/timeline" and post.body["response_type"] == "in_channel"
    text = post.visible_text
    assert "Timeline: Mara Lindqvist wins Easterby’s mayoral runoff" in text
    assert "Sun 22 Nov 21:00 — First report: Harbor Gazette" in text
    assert "Mon 23 Nov 08:30 — Coastline Wire reports it (3 outlets)" in text
    assert "Coastline Wire gives 58.2% for Mara Lindqvist's vote share; the others 58.3%" in text
    assert "Times in Europe/Stockholm" in text
