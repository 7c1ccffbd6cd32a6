"""/timeline on the console and `newsbrief timeline`: first report, outlets joining, the figure that differs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.config.model import NewsbriefConfig
from bot.console import ConsoleBot
from bot.storage import Database
from tests.threads.helpers import grown_story

CONFIG = {
    "defaults": {"threads": True, "timezone": "Europe/Stockholm"},
    "channels": [{"platform": "slack", "channel_id": "C1", "schedule": "0 8 * * *", "timezone": "America/New_York"}],
}
# Harbor Gazette and Valley Ledger published at 20:00 UTC on Sunday 22 November, Coastline Wire at 07:30 on Monday.
STOCKHOLM = [
    "Timeline: Mara Lindqvist wins Easterby’s mayoral runoff",
    "=======================================================",
    "Sun 22 Nov 21:00 — First report: Harbor Gazette",
    "Sun 22 Nov 21:00 — Valley Ledger reports it (2 outlets)",
    "Mon 23 Nov 08:30 — Coastline Wire reports it (3 outlets)",
]
DIFFERS = "Coastline Wire gives 58.2% for Mara Lindqvist's vote share; the others 58.3%"


async def test_console_timeline_in_the_configured_timezone(db: Database, tmp_path: Path) -> None:
    config = NewsbriefConfig.model_validate(CONFIG)
    service = await grown_story(db, config, tmp_path / "posted.tsv", ("slack", "C1"))
    lines = ConsoleBot(service).exec("/timeline lindqvist").splitlines()
    assert lines[:5] == STOCKHOLM
    assert lines[5].endswith(DIFFERS)  # the update's time: when it was posted
    assert lines[-1] == "(times in Europe/Stockholm)" and len(lines) == 7
    # In a channel, the channel's own timezone (the one its schedule uses).
    doc = service.run("timeline", "lindqvist", platform="slack", channel_id="C1").doc
    [entry] = doc["timelines"]
    assert entry["timezone"] == "America/New_York"
    assert [e["when"] for e in entry["events"][:3]] == ["Sun 22 Nov 15:00", "Sun 22 Nov 15:00", "Mon 23 Nov 02:30"]


async def test_command_line_timeline_with_tz(
    db: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = NewsbriefConfig.model_validate(CONFIG)
    await grown_story(db, config, tmp_path / "posted.tsv", ("slack", "C1"))
    path = tmp_path / "newsbrief.toml"
    path.write_text(f'[bot]\ndatabase_url = "{db_url}"\n', encoding="utf-8")

    assert main(["timeline", "runoff", "--tz", "Asia/Tokyo", "--config", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[2:4] == [
        "Mon 23 Nov 05:00 — First report: Harbor Gazette",
        "Mon 23 Nov 05:00 — Valley Ledger reports it (2 outlets)",
    ]
    assert any(line.endswith(DIFFERS) for line in out) and out[-1] == "(times in Asia/Tokyo)"

    assert main(["timeline", "--format", "json", "--tz", "UTC", "--config", str(path)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["command"] == "timeline" and doc["timelines"][0]["events"][0]["at"] == "2026-11-22T20:00:00+00:00"

    assert main(["timeline", "volcano", "--config", str(path)]) == 3
    assert "No story matches" in capsys.readouterr().err
    assert main(["timeline", "--tz", "Mars/Olympus", "--config", str(path)]) == 2
