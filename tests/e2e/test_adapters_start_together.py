"""`newsbrief run` starts its adapters at once: Slack answers while Discord is still logging in (up to 60 s)."""

from __future__ import annotations

import asyncio
import io
import logging
from os import environ
from pathlib import Path

import pytest

from bot.app import Running, assemble, chat_adapters, serve
from bot.cli import build_parser
from tests.bot.discord.fake_discord import FakeDiscord
from tests.bot.slack.conftest import SlackUser
from tests.bot.slack.fake_slack import FakeSlack
from tests.conftest import SEEDS
from tests.e2e.conftest import SLACK_LISTENING, SLACK_SECRET, until, with_discord, write_config


async def test_slack_answers_before_discord_has_logged_in(
    tmp_path: Path,
    slack: FakeSlack,
    discord_api: FakeDiscord,
    env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    caplog.set_level(logging.INFO, logger="newsbrief")
    with_discord(monkeypatch, discord_api)
    discord_api.login_gate = asyncio.Event()  # Discord's login hangs until the test lets it finish
    config = write_config(tmp_path / "newsbrief.toml")
    argv = ["run", "--config", str(config), "--from", str(SEEDS), "--slack-http", "--host", "127.0.0.1", "--port", "0"]
    args = build_parser().parse_args(argv)
    err = io.StringIO()
    rt = assemble(args, environ, err)
    ready: asyncio.Future[Running] = asyncio.get_running_loop().create_future()
    adapters = chat_adapters(rt, args)[::-1]  # Discord listed first: the order must not matter
    assert [a.name for a in adapters] == ["discord", "slack", "console"]
    task = asyncio.create_task(serve(rt, args, err, on_ready=ready.set_result, adapters=adapters))
    try:
        await asyncio.wait_for(discord_api.logging_in.wait(), 30)
        await until(lambda: SLACK_LISTENING.search(caplog.text), what="the Slack HTTP endpoint")
        port, path = SLACK_LISTENING.search(caplog.text).groups()  # type: ignore[union-attr]
        user = SlackUser(f"http://127.0.0.1:{port}{path}", slack, secret=SLACK_SECRET)

        result = await asyncio.to_thread(user.command, "/brief", "kast")
        [answer] = await asyncio.to_thread(slack.wait_for_posts, 1)
        assert result.status == 200 and "José Antonio Kast won" in answer.visible_text
        # ... all while Discord's login is still waiting for its answer: nothing of Discord is up yet.
        assert not ready.done() and not discord_api.identified

        discord_api.login_gate.set()
        running = await asyncio.wait_for(ready, 30)
        assert sorted(running.publishers) == ["console", "discord", "slack"]
    finally:
        discord_api.login_gate.set()
        if ready.done():
            ready.result().stop()
        else:
            task.cancel()
        await asyncio.wait_for(asyncio.gather(task, return_exceptions=True), 30)
        rt.db.dispose()
