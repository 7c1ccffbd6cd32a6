"""Issue 3: `newsbrief run` says which adapters started and why the others did not, and never prints a token."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.bot.discord.fake_discord import Failure, FakeDiscord
from tests.bot.slack.fake_slack import FakeSlack
from tests.conftest import ROOT
from tests.e2e.conftest import (
    SLACK_SECRET,
    SLACK_TOKEN,
    assert_no_secrets,
    newsbrief_run,
    sources_for,
    with_discord,
    write_config,
)
from tests.feeds.loopback import FeedServer


async def test_both_adapters_start_and_say_why(
    tmp_path: Path,
    feeds: FeedServer,
    slack: FakeSlack,
    discord_api: FakeDiscord,
    env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with_discord(monkeypatch, discord_api)
    config = write_config(tmp_path / "newsbrief.toml", sources=sources_for(feeds))
    async with newsbrief_run(config, caplog) as bot:
        assert bot.slack_url is not None
    printed = bot.err.getvalue()
    assert (
        "discord: starting (gateway) — DISCORD_TOKEN is set (commands synced to server 700000000000000001)" in printed
    )
    assert "slack: starting (http) — SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are set (HTTP mode)" in printed
    assert "newsbrief is running with 0 stories" in printed
    stderr = capsys.readouterr().err
    assert "Invite newsbrief to a server: https://discord.com/oauth2/authorize?client_id=" in stderr
    # The tokens went where they belong (the platforms' APIs) and nowhere a person reads.
    assert any(c.headers.get("Authorization") == f"Bearer {SLACK_TOKEN}" for c in slack.calls)
    assert_no_secrets(printed, stderr, caplog.text)


async def test_slack_refusing_the_token_is_reported_and_the_bot_runs_on(
    tmp_path: Path, feeds: FeedServer, slack: FakeSlack, env: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    def refuse(path: str, body: dict[str, Any]) -> dict[str, Any]:
        return {"ok": False, "error": "invalid_auth"}

    slack.answer = refuse  # type: ignore[method-assign]  # this fake Slack rejects every token
    config = write_config(tmp_path / "newsbrief.toml", sources=sources_for(feeds))
    async with newsbrief_run(config, caplog) as bot:
        assert bot.slack_url is None and "slack" not in bot.running.publishers
        assert len(bot.story_titles()) == 4  # ingest and stories work without Slack
    printed = bot.err.getvalue()
    assert "slack: not started — Slack refused the start-up check" in printed
    assert "newsbrief is running with" in printed  # the scheduler and ingest ran without Slack
    assert_no_secrets(printed, caplog.text)


def run_once(config: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`python -m bot run --once` as a user would start it: one ingest, then a clean stop."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
    return subprocess.run(
        [sys.executable, "-m", "bot", "run", "--once", "--config", str(config), "--slack-http"]
        + ["--host", "127.0.0.1", "--port", "0"],
        cwd=ROOT,
        env={**base, "NEWSBRIEF_LOG_LEVEL": "DEBUG", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_cli_reports_why_adapters_did_not_start_without_printing_tokens(tmp_path: Path, feeds: FeedServer) -> None:
    config = write_config(tmp_path / "newsbrief.toml", sources=sources_for(feeds))
    db = f"sqlite:///{tmp_path / 'newsbrief.db'}"
    # A bot token but nothing to connect Slack with; no Discord token at all.
    done = run_once(config, {"SLACK_BOT_TOKEN": SLACK_TOKEN, "DATABASE_URL": db})
    assert done.returncode == 0, done.stderr
    assert "discord: not started — DISCORD_TOKEN is not set" in done.stderr
    assert "slack: not started — --slack-http needs SLACK_SIGNING_SECRET" in done.stderr
    assert "console: digests for console channels are printed here" in done.stderr
    assert "ingest: 3 feeds ok, 0 failed, 9 new articles" in done.stderr
    assert_no_secrets(done.stdout, done.stderr)


def test_cli_with_slack_over_http_logs_no_token_even_at_debug(
    tmp_path: Path, feeds: FeedServer, slack: FakeSlack
) -> None:
    config = write_config(tmp_path / "newsbrief.toml", sources=sources_for(feeds))
    env = {
        "SLACK_BOT_TOKEN": SLACK_TOKEN,
        "SLACK_SIGNING_SECRET": SLACK_SECRET,
        "SLACK_API_URL": slack.api_url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'newsbrief.db'}",
    }
    done = run_once(config, env)
    assert done.returncode == 0, done.stderr
    assert "slack: starting (http) — SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are set (HTTP mode)" in done.stderr
    assert "discord: not started — DISCORD_TOKEN is not set" in done.stderr
    assert "Slack: HTTP mode on 127.0.0.1:" in done.stderr
    assert any(c.path == "/api/auth.test" for c in slack.calls)  # it really talked to (fake) Slack
    assert "DEBUG slack_sdk.web.base_client: Sending a request" in done.stderr  # request logging was on
    assert_no_secrets(done.stdout, done.stderr)


async def test_discord_refusing_the_token_is_logged_at_once_and_slack_runs_on(
    tmp_path: Path,
    feeds: FeedServer,
    slack: FakeSlack,
    discord_api: FakeDiscord,
    env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with_discord(monkeypatch, discord_api)
    discord_api.failures["/users/@me"] = [Failure(401, {"message": "401: Unauthorized", "code": 0})]
    config = write_config(tmp_path / "newsbrief.toml", sources=sources_for(feeds))
    async with newsbrief_run(config, caplog) as bot:
        assert bot.slack_url is not None and "discord" not in bot.running.publishers
        assert "discord adapter stopped with an error" in caplog.text and "LoginFailure" in caplog.text
    assert_no_secrets(bot.err.getvalue(), caplog.text)
