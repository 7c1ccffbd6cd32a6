"""/timeline in Discord: the story's life in the channel's timezone."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config.model import NewsbriefConfig
from bot.service import CommandService
from bot.storage import Database
from tests.bot.discord.conftest import CHANNEL_ID, dispatch, interaction_payload
from tests.bot.discord.fake_discord import APP_ID, FakeDiscord
from tests.storage.databases import db, db_url  # noqa: F401 (fixtures)
from tests.threads.helpers import grown_story

CONFIG = {
    "defaults": {"threads": True},
    "channels": [
        {"platform": "discord", "channel_id": str(CHANNEL_ID), "schedule": "0 8 * * *", "timezone": "Asia/Kolkata"}
    ],
}


@pytest.fixture
async def service(db: Database, tmp_path: Path) -> CommandService:  # noqa: F811
    config = NewsbriefConfig.model_validate(CONFIG)
    return await grown_story(db, config, tmp_path / "out.tsv", ("discord", str(CHANNEL_ID)))


async def test_timeline_in_the_channels_timezone(bot, fake: FakeDiscord) -> None:  # noqa: ANN001
    payload = interaction_payload("timeline", {"topic": "lindqvist"})
    await dispatch(bot, payload)
    [answer] = fake.posted(f"/webhooks/{APP_ID}/{payload['token']}")
    text = answer.text()
    assert "Timeline: Mara Lindqvist wins Easterby’s mayoral runoff" in text
    assert "Mon 23 Nov 01:30 — First report: Harbor Gazette" in text  # 20:00 UTC is 01:30 in Kolkata
    assert "Mon 23 Nov 13:00 — Coastline Wire reports it (3 outlets)" in text
    assert "Coastline Wire gives 58.2% for Mara Lindqvist's vote share; the others 58.3%" in text
    assert "Times in Asia/Kolkata" in text
