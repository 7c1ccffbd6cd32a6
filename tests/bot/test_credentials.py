"""Which adapters `newsbrief run` starts, and the reasons it gives (never the tokens)."""

from __future__ import annotations

import pytest

from bot.credentials import Credentials, plan_adapters


def plans(env: dict[str, str], **options: bool) -> dict[str, tuple[bool, str | None, str]]:
    return {p.name: (p.start, p.mode, p.reason) for p in plan_adapters(Credentials.from_env(env), **options)}


def test_nothing_set_starts_nothing_and_names_the_variables():
    got = plans({})
    assert got["discord"] == (False, None, "DISCORD_TOKEN is not set")
    assert got["slack"] == (False, None, "SLACK_BOT_TOKEN is not set")


def test_slack_prefers_socket_mode_and_http_on_request():
    env = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1", "SLACK_SIGNING_SECRET": "s"}
    assert plans(env)["slack"][:2] == (True, "socket")
    assert plans(env, slack_http=True)["slack"][:2] == (True, "http")
    assert plans({"SLACK_BOT_TOKEN": "xoxb-1"}, slack_http=True)["slack"] == (
        False,
        None,
        "--slack-http needs SLACK_SIGNING_SECRET",
    )


@pytest.mark.parametrize(
    ("env", "hint"),
    [
        ({"SLACK_BOT_TOKEN": "xoxp-user"}, "not a bot token (xoxb-…)"),
        ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xoxb-2"}, "not an app-level token (xapp-…)"),
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "neither SLACK_APP_TOKEN nor SLACK_SIGNING_SECRET"),
    ],
)
def test_wrong_slack_tokens_say_how_to_fix_them(env, hint):
    start, _, reason = plans(env)["slack"]
    assert not start and hint in reason
    assert all(value not in reason for value in env.values())


def test_discord_says_how_its_commands_are_synced():
    assert "synced to server 42" in plans({"DISCORD_TOKEN": "t", "DISCORD_GUILD_ID": "42"})["discord"][2]
    assert "synced globally" in plans({"DISCORD_TOKEN": "t"}, sync_global=True)["discord"][2]
    assert "not synced" in plans({"DISCORD_TOKEN": "t"})["discord"][2]


def test_a_malformed_guild_id_is_an_error_not_ignored():
    with pytest.raises(ValueError, match="DISCORD_GUILD_ID must be a server id"):
        Credentials.from_env({"DISCORD_GUILD_ID": "my-server"})


def test_the_credentials_never_show_their_secrets_when_printed_or_logged():
    env = {"DISCORD_TOKEN": "disc-Secret-1", "SLACK_BOT_TOKEN": "xoxb-Secret-2", "SLACK_APP_TOKEN": "xapp-Secret-3"}
    shown = repr(Credentials.from_env({**env, "SLACK_SIGNING_SECRET": "sign-Secret-4", "DISCORD_GUILD_ID": "42"}))
    assert "Secret" not in shown and "discord_guild_id=42" in shown
