"""Who may change what from chat: bot admins (listed in ``[admins]``) and workspace admins (own workspace only).

- ``bot.*`` is never changed from chat: only in the file or with ``newsbrief config set``.
- Workspace admins (Discord Manage Server, Slack admin/owner) may change ``workspaces.<their id>.*``
  and the channels recorded under their workspace, including one they create with ``schedule``.
- Everything else (``defaults``, ``sources``, ``admins``, other workspaces and their channels, a
  channel's identity) needs a bot admin: a listed Slack user, a member with a listed Discord role,
  or the operator on the console.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.config.errors import ChangeRefused
from bot.config.model import NewsbriefConfig

CHANNEL_IDENTITY = ("platform", "channel_id", "workspace")
"""Channel keys only bot admins may change: changing them could point the bot at another tenant."""


@dataclass(frozen=True)
class AdminActor:
    """Who runs the command; adapters set ``is_workspace_admin`` from Manage Server / is_admin / is_owner."""

    platform: str
    user_id: str
    display_name: str
    is_workspace_admin: bool
    role_ids: list[str] = field(default_factory=list)

    @property
    def audit_name(self) -> str:
        """How the actor is recorded in the audit log."""
        return f"{self.platform}:{self.user_id} ({self.display_name})"


@dataclass(frozen=True)
class Target:
    """What a change touches; ``workspace`` names the workspace whose admins may make it (else bot admins only)."""

    what: str
    workspace: str | None = None
    platform: str | None = None
    file_only: bool = False


SOURCES = Target("sources")


def is_bot_admin(actor: AdminActor, config: NewsbriefConfig) -> bool:
    """Listed Slack users, members with a listed Discord role, and the console operator."""
    if actor.platform == "console":  # the person at the terminal running `newsbrief chat`
        return True
    if actor.platform == "slack":
        return actor.user_id in config.admins.slack_users
    if actor.platform == "discord":
        return any(role in config.admins.discord_roles for role in actor.role_ids)
    return False


def key_target(key: str, config: NewsbriefConfig) -> Target:
    """What ``set``/``unset`` of dotted ``key`` touches."""
    parts = key.split(".")
    section = parts[0]
    if section == "bot":
        return Target(key, file_only=True)
    if section == "workspaces" and len(parts) == 3:
        return Target(f"the settings of workspace {parts[1]}", workspace=parts[1])
    if section == "channels" and len(parts) == 3:
        ref, name = parts[1], parts[2]
        if name in CHANNEL_IDENTITY:
            return Target(f"channels.{ref}.{name}")
        platform, _, channel_id = ref.partition(":")
        return _channel_target(config, platform, channel_id)
    if section in ("defaults", "admins", "sources"):
        return Target(section)
    return Target(key)


def schedule_target(config: NewsbriefConfig, platform: str, channel_id: str, workspace: str | None) -> Target:
    """What ``schedule`` touches: this channel's entry, or a new one recorded under ``workspace``."""
    if config.channel(platform, channel_id) is None:
        return Target(f"channel {platform}:{channel_id}", workspace=workspace, platform=platform)
    return _channel_target(config, platform, channel_id)


def _channel_target(config: NewsbriefConfig, platform: str, channel_id: str) -> Target:
    channel = config.channel(platform, channel_id)
    ref = f"{platform}:{channel_id}"
    if channel is None:
        return Target(f"channel {ref}")  # the store reports that it does not exist
    if channel.workspace is None:
        return Target(f"channel {ref} (no workspace is recorded for it)")
    return Target(f"channel {ref} of workspace {channel.workspace}", workspace=channel.workspace, platform=platform)


def check_access(actor: AdminActor, target: Target, config: NewsbriefConfig, workspace: str | None) -> None:
    """Return if ``actor`` (typing in ``workspace``) may change ``target``; else raise :class:`ChangeRefused`."""
    if target.file_only:
        raise ChangeRefused(
            [
                f"{target.what} cannot be changed from chat: bot.* settings are changed only in the "
                f"configuration file or with `newsbrief config set {target.what} VALUE` on the server."
            ]
        )
    if is_bot_admin(actor, config):
        return
    ws_admin = actor.is_workspace_admin and workspace is not None
    own = target.workspace is not None and target.workspace == workspace and target.platform in (None, actor.platform)
    if ws_admin and own:
        return
    if own:
        raise ChangeRefused(
            [
                "Only admins can change the configuration.",
                f"To change {target.what} you need to be an admin of this workspace (Manage Server on "
                "Discord, workspace admin/owner on Slack) or a bot admin listed in [admins].",
            ]
        )
    lines = [f"Only bot admins listed in [admins] may change {target.what}; {_ask(actor)}"]
    if ws_admin:
        lines.append(
            f"As a workspace admin you may change workspaces.{workspace}.* and this workspace's channels "
            "(e.g. with `schedule` here)."
        )
    else:
        lines.insert(0, "Only admins can change the configuration.")
    raise ChangeRefused(lines)


def _ask(actor: AdminActor) -> str:
    if actor.platform == "slack":
        return f"ask a bot admin to make the change, or to add your user id {actor.user_id} to [admins] slack_users."
    if actor.platform == "discord":
        return "ask a bot admin to make the change, or to give you a role listed in [admins] discord_roles."
    return "ask a bot admin to make the change."
