"""`serve` is a loop over adapters: each starts before the scheduler, its publisher gets the scheduled
digests of its platform, and each stops (in reverse order) when the bot stops."""

from __future__ import annotations

import asyncio
import io
import logging
from pathlib import Path

import pytest

from bot.adapters import ConsoleAdapter
from bot.app import Running, assemble, serve
from bot.cli import build_parser
from bot.digest import Publisher
from tests.e2e.conftest import RunningBot, sources_for, until, write_config
from tests.feeds.loopback import FeedServer
from tests.publishers import RecordingPublisher

CHANNEL = "700000000000000009"


class RecordingAdapter:
    """A platform whose publisher exists only once started, as with a chat login."""

    def __init__(self, name: str, events: list[str]) -> None:
        self.name, self.events = name, events
        self.recorder = RecordingPublisher()
        self.publisher: Publisher | None = None

    async def start(self) -> None:
        self.events.append(f"start {self.name}")
        self.publisher = self.recorder

    async def stop(self) -> None:
        self.events.append(f"stop {self.name}")


class RefusedAdapter(RecordingAdapter):
    async def start(self) -> None:
        raise PermissionError("token refused")


async def test_serve_runs_the_scheduler_over_the_adapters_it_is_given(
    tmp_path: Path, feeds: FeedServer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="newsbrief")
    for name in ("DISCORD_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "NEWSBRIEF_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'newsbrief.db'}")
    channel = {"platform": "discord", "channel_id": CHANNEL, "schedule": "0 8 * * *"}
    config = write_config(tmp_path / "newsbrief.toml", sources=sources_for(feeds), channels=[channel])
    args = build_parser().parse_args(["run", "--config", str(config)])
    err = io.StringIO()
    rt = assemble(args, {}, err)
    events: list[str] = []
    platform = RecordingAdapter("discord", events)
    adapters = [ConsoleAdapter(), RefusedAdapter("slack", events), platform]
    ready: asyncio.Future[Running] = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(serve(rt, args, err, on_ready=ready.set_result, adapters=adapters))
    try:
        running = await asyncio.wait_for(ready, 30)
        assert events == ["start discord"] and sorted(running.publishers) == ["console", "discord"]
        await until(lambda: rt.stories.stories(), what="the start-up ingest")
        bot = RunningBot(rt, running, err, None)
        outcome = await bot.fire(f"digest:discord:{CHANNEL}")
        assert outcome.status == "posted"
        assert [target for target, _doc in platform.recorder.posts] == [CHANNEL]
        assert platform.recorder.story_titles()
    finally:
        if ready.done():
            ready.result().stop()
        assert await asyncio.wait_for(task, 30) == 0
        rt.db.dispose()
    assert events == ["start discord", "stop discord"]
    assert "slack: not started — Slack refused the start-up check (PermissionError)" in err.getvalue()
