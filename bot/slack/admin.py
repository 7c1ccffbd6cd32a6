"""``/newsbrief-config`` on Slack: who the user is (from ``users.info``) and the reply as messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient

from bot.config.admin import AdminActor, AdminReply, run_config_command
from bot.config.store import ConfigStore
from bot.slack.blocks import text_message
from bot.slack.limits import SlackMessage

UNAVAILABLE = "Configuration editing is not enabled for this bot (it was started without a config file)."


def slack_actor(client: WebClient, user_id: str) -> AdminActor:
    """The user as an :class:`AdminActor`; workspace admins and owners count as admins."""
    user: dict[str, Any] = client.users_info(user=user_id)["user"]
    profile = user.get("profile", {})
    name = profile.get("display_name") or profile.get("real_name") or user.get("name") or user_id
    is_admin = bool(user.get("is_admin") or user.get("is_owner") or user.get("is_primary_owner"))
    return AdminActor(platform="slack", user_id=user_id, display_name=name, is_workspace_admin=is_admin)


def config_reply(
    store: ConfigStore | None,
    client: WebClient,
    command: dict[str, Any],
    history: Callable[[str], list[str]] | None = None,
) -> list[SlackMessage]:
    """Run the config command from a slash-command payload; refusals come back as a reply."""
    if store is None:
        return text_message("/newsbrief-config", [UNAVAILABLE])
    actor = slack_actor(client, command["user_id"])
    reply: AdminReply = run_config_command(
        store,
        actor,
        command.get("text") or "",
        platform="slack",
        channel_id=command["channel_id"],
        workspace=command.get("team_id"),
        history=history,
    )
    return text_message(reply.title, reply.lines)
