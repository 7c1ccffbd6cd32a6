"""The whole bot (`newsbrief run`'s assemble + serve) against loopback feeds and fake Slack and Discord.

Every server binds 127.0.0.1 on port 0. The "fast clock" is :class:`bot.app.Running`: a test sets a
job's next run time to now and the real scheduler runs it, so nothing here waits for 08:00.
"""

from __future__ import annotations

import asyncio
import io
import logging
import re
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import discord
import pytest
import tomli_w
import yarl
from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, EVENT_JOB_MISSED, JobEvent

from bot.app import Running, Runtime, assemble, report_plans, serve
from bot.cli import build_parser
from bot.discord.compat import api_url, set_api_url
from tests.bot.discord.fake_discord import FakeDiscord
from tests.bot.slack.fake_slack import FakeSlack
from tests.feeds.loopback import FeedServer

# Sentinel secrets: none of them may ever show up in what the bot prints or logs.
SLACK_TOKEN = "xoxb-E2E-SENTINEL-slack-bot-token"
SLACK_SECRET = "E2E-SENTINEL-slack-signing-secret"
DISCORD_TOKEN = "E2E-SENTINEL.discord-bot-token.xyz"
SECRETS = (SLACK_TOKEN, SLACK_SECRET, DISCORD_TOKEN, "E2E-SENTINEL")

ADMIN = "UADMIN"
MEMBER = "UMEMBER"
SLACK_USERS = {
    ADMIN: {"id": ADMIN, "name": "ana", "is_admin": True, "profile": {"display_name": "Ana Admin"}},
    MEMBER: {"id": MEMBER, "name": "max", "is_admin": False, "profile": {"display_name": "Max Member"}},
}
OUTLETS = {"harbor": "Harbor Gazette", "valley": "Valley Ledger", "coast": "Coastline Wire"}
FEED_PATHS = {"harbor": "/harbor/feed.rss", "valley": "/valley/feed.atom", "coast": "/coast/feed.rss"}


def sources_for(feeds: FeedServer) -> list[dict[str, str]]:
    """The three fixture outlets as ``[[sources]]`` entries pointing at the loopback feed server."""
    return [{"name": n, "outlet": OUTLETS[n], "feed": feeds.url(p)} for n, p in FEED_PATHS.items()]


def write_config(path: Path, **sections: Any) -> Path:
    # The fixture feeds are served on 127.0.0.1, which only allow_private_sources lets the bot fetch.
    bot = {"ingest_interval_minutes": 60, "allow_private_sources": True}
    path.write_text(tomli_w.dumps({"bot": bot, **sections}), encoding="utf-8")
    return path


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    with FeedServer() as server:
        server.serve_fixtures()
        yield server


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    server = FakeSlack(users=dict(SLACK_USERS)).start()
    yield server
    server.stop()


@pytest.fixture
async def discord_api(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    saved = api_url()  # process-wide; run_discord points it at DISCORD_API_URL
    async with FakeDiscord() as fake:
        # discord.py dials a fixed gateway address (it never asks /gateway/bot): point it at the fake.
        monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(fake.gateway_url))
        yield fake
    set_api_url(saved)


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, slack: FakeSlack) -> dict[str, str]:
    """The process environment `newsbrief run` sees: Slack over HTTP at the fake, a tmp SQLite file."""
    for name in ("DISCORD_TOKEN", "DISCORD_GUILD_ID", "DISCORD_API_URL", "SLACK_APP_TOKEN", "NEWSBRIEF_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    values = {
        "SLACK_BOT_TOKEN": SLACK_TOKEN,
        "SLACK_SIGNING_SECRET": SLACK_SECRET,
        "SLACK_API_URL": slack.api_url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'newsbrief.db'}",
    }
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return values


def with_discord(monkeypatch: pytest.MonkeyPatch, fake: FakeDiscord) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", DISCORD_TOKEN)
    monkeypatch.setenv("DISCORD_API_URL", fake.api_url)
    monkeypatch.setenv("DISCORD_GUILD_ID", "700000000000000001")


@dataclass
class RunningBot:
    """One `newsbrief run` in this event loop: its runtime, the scheduler handle and what it printed."""

    rt: Runtime
    running: Running
    err: io.StringIO
    slack_url: str | None

    async def fire(self, job_id: str, *, jobstore: str = "default", timeout: float = 15) -> Any:
        """The fast clock: make the job due now, let the real scheduler run it, return what it returned."""
        scheduler = self.running.scheduler
        loop = asyncio.get_running_loop()
        done: asyncio.Future[JobEvent] = loop.create_future()

        def finished(event: JobEvent) -> None:
            if event.job_id == job_id:
                loop.call_soon_threadsafe(lambda: done.done() or done.set_result(event))

        scheduler.add_listener(finished, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR | EVENT_JOB_MISSED)
        try:
            scheduler.modify_job(job_id, jobstore=jobstore, next_run_time=datetime.now(UTC))
            event = await asyncio.wait_for(done, timeout)
        finally:
            scheduler.remove_listener(finished)
        assert event.code == EVENT_JOB_EXECUTED, f"{job_id} did not run cleanly: {event}"
        return event.retval  # type: ignore[attr-defined]

    def story_titles(self) -> list[str]:
        return [s.title for s in self.rt.stories.stories()]


async def until(predicate: Callable[[], object], timeout: float = 15, what: str = "condition") -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        assert asyncio.get_running_loop().time() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.02)


SLACK_LISTENING = re.compile(r"Slack: HTTP mode on 127\.0\.0\.1:(\d+)(/\S+)")


@asynccontextmanager
async def newsbrief_run(config: Path, caplog: pytest.LogCaptureFixture) -> AsyncIterator[RunningBot]:
    """`newsbrief run --config CONFIG --slack-http --host 127.0.0.1 --port 0`, served until the block ends.

    Waits for the start-up ingest, so the bot has its stories when the block starts.
    """
    caplog.set_level(logging.INFO)
    # Bolt's App(name="newsbrief") copies the root level onto the "newsbrief" logger when built, so
    # Slack tests that ran earlier can leave it at WARNING: set it for this test (caplog restores it).
    caplog.set_level(logging.INFO, logger="newsbrief")
    argv = ["run", "--config", str(config), "--slack-http", "--host", "127.0.0.1", "--port", "0"]
    args = build_parser().parse_args(argv)
    err = io.StringIO()
    from os import environ

    rt = assemble(args, environ, err)
    report_plans(rt.plans, err)
    loop = asyncio.get_running_loop()
    ready: asyncio.Future[Running] = loop.create_future()
    ingested_before = _ingest_logs(caplog)
    task = asyncio.create_task(serve(rt, args, err, on_ready=ready.set_result))
    try:
        await asyncio.wait({ready, task}, timeout=30, return_when=asyncio.FIRST_COMPLETED)
        if task.done():
            task.result()  # serve failed before it was ready: show why
        assert ready.done(), "newsbrief run did not get ready within 30 s"
        slack_url = None
        if "slack" in ready.result().publishers:  # Slack started (it was planned and accepted the token)
            await until(lambda: SLACK_LISTENING.search(caplog.text), what="the Slack HTTP endpoint")
            port, path = SLACK_LISTENING.search(caplog.text).groups()  # type: ignore[union-attr]
            slack_url = f"http://127.0.0.1:{port}{path}"
        await until(lambda: _ingest_logs(caplog) > ingested_before, what="the start-up ingest")
        yield RunningBot(rt, ready.result(), err, slack_url)
    finally:
        if ready.done():
            ready.result().stop()
        else:
            task.cancel()
        exit_code = await asyncio.wait_for(asyncio.gather(task, return_exceptions=True), 30)
        rt.db.dispose()
    assert exit_code == [0], f"newsbrief run ended with {exit_code}"


def _ingest_logs(caplog: pytest.LogCaptureFixture) -> int:
    return sum(1 for r in caplog.records if r.name == "newsbrief.scheduler" and r.getMessage().startswith("ingest:"))


def assert_no_secrets(*texts: str) -> None:
    for text in texts:
        for secret in SECRETS:
            assert secret not in text, f"a secret ({secret[:12]}…) was printed or logged"
