"""Which chat adapters can start, from the environment, and why the others cannot (never the tokens)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class AdapterPlan:
    """Whether one adapter starts, in which mode, and a sentence saying why."""

    name: str
    start: bool
    mode: str | None
    reason: str


@dataclass(frozen=True)
class Credentials:
    """The chat settings from the environment; the secrets are left out of ``repr`` so a log line cannot show them."""

    discord_token: str | None = field(repr=False)
    discord_guild_id: int | None
    discord_api_url: str | None
    slack_bot_token: str | None = field(repr=False)
    slack_app_token: str | None = field(repr=False)
    slack_signing_secret: str | None = field(repr=False)
    slack_api_url: str | None

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Credentials:
        def get(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        guild = get("DISCORD_GUILD_ID")
        if guild and not guild.isdigit():
            raise ValueError(f"DISCORD_GUILD_ID must be a server id (digits only), not {guild!r}")
        return cls(
            discord_token=get("DISCORD_TOKEN"),
            discord_guild_id=int(guild) if guild else None,
            discord_api_url=get("DISCORD_API_URL"),
            slack_bot_token=get("SLACK_BOT_TOKEN"),
            slack_app_token=get("SLACK_APP_TOKEN"),
            slack_signing_secret=get("SLACK_SIGNING_SECRET"),
            slack_api_url=get("SLACK_API_URL"),
        )


def plan_adapters(creds: Credentials, *, slack_http: bool = False, sync_global: bool = False) -> list[AdapterPlan]:
    """One plan per platform; the reasons name environment variables, never their values."""
    if creds.discord_token:
        if creds.discord_guild_id:
            scope = f"commands synced to server {creds.discord_guild_id}"
        elif sync_global:
            scope = "commands synced globally"
        else:
            scope = "commands not synced: set DISCORD_GUILD_ID or pass --sync-global after changing them"
        discord = AdapterPlan("discord", True, "gateway", f"DISCORD_TOKEN is set ({scope})")
    else:
        discord = AdapterPlan("discord", False, None, "DISCORD_TOKEN is not set")

    if not creds.slack_bot_token:
        slack = AdapterPlan("slack", False, None, "SLACK_BOT_TOKEN is not set")
    elif not creds.slack_bot_token.startswith("xoxb-"):
        slack = AdapterPlan(
            "slack", False, None, "SLACK_BOT_TOKEN is not a bot token (xoxb-…): copy it from “OAuth & Permissions”"
        )
    elif creds.slack_app_token and not creds.slack_app_token.startswith("xapp-") and not slack_http:
        slack = AdapterPlan(
            "slack",
            False,
            None,
            "SLACK_APP_TOKEN is not an app-level token (xapp-…): generate one under “Basic Information → App-Level Tokens”",
        )
    elif creds.slack_app_token and not slack_http:
        slack = AdapterPlan("slack", True, "socket", "SLACK_BOT_TOKEN and SLACK_APP_TOKEN are set (Socket Mode)")
    elif creds.slack_signing_secret:
        slack = AdapterPlan("slack", True, "http", "SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are set (HTTP mode)")
    elif slack_http:
        slack = AdapterPlan("slack", False, None, "--slack-http needs SLACK_SIGNING_SECRET")
    else:
        slack = AdapterPlan(
            "slack", False, None, "SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN nor SLACK_SIGNING_SECRET is"
        )
    return [discord, slack]
