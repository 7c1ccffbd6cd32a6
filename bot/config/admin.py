"""The ``/newsbrief-config`` chat command as a platform-agnostic use case returning plain data."""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from typing import Any

import tomli_w

from bot.config.audit import ConfigChange
from bot.config.errors import MISSING, ConfigError
from bot.config.keys import locate
from bot.config.model import NewsbriefConfig, effective_settings
from bot.config.redact import redact_value
from bot.config.store import ConfigStore

USAGE = [
    "show [KEY] — this channel's settings, or one key",
    "set KEY VALUE — e.g. set defaults.max_stories 3",
    "unset KEY — fall back to the wider scope",
    'add-source name=NAME outlet="Display Name" feed=URL (or page=URL) [bias=… bias_source=…]',
    "remove-source NAME",
    "schedule MIN HOUR DAY MONTH WEEKDAY [TIMEZONE] — e.g. schedule 0 8 * * * Europe/Stockholm",
]
REFUSAL = (
    "Only admins can change the configuration: on Discord, members with Manage Server or a "
    "listed admin role; on Slack, workspace admins/owners or listed users."
)
SOURCE_FIELDS = ("name", "outlet", "feed", "page", "bias", "bias_source")


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
class AdminReply:
    """What to tell the user, with no chat markup; adapters render it."""

    ok: bool
    title: str
    lines: list[str] = field(default_factory=list)


def is_admin(actor: AdminActor, config: NewsbriefConfig) -> bool:
    """Workspace admins/owners (Manage Server on Discord), listed Slack users or Discord roles."""
    if actor.is_workspace_admin:
        return True
    if actor.platform == "slack":
        return actor.user_id in config.admins.slack_users
    if actor.platform == "discord":
        return any(role in config.admins.discord_roles for role in actor.role_ids)
    return False


def run_config_command(
    store: ConfigStore, actor: AdminActor, text: str, *, platform: str, channel_id: str, workspace: str | None
) -> AdminReply:
    """Run ``/newsbrief-config <text>``; refusals and invalid changes come back as replies."""
    verb, _, rest = text.strip().partition(" ")
    rest = rest.strip()
    try:
        if verb in ("", "help"):
            return AdminReply(True, "/newsbrief-config commands", list(USAGE))
        if verb == "show":
            return _show(store.config, rest, platform, channel_id, workspace)
        if verb not in ("set", "unset", "add-source", "remove-source", "schedule"):
            return AdminReply(False, f"Unknown command {verb!r}", list(USAGE))
        if not is_admin(actor, store.config):
            return AdminReply(False, "Not allowed", [REFUSAL, "Nothing was changed."])
        change = _apply(store, actor, verb, rest, platform, channel_id, workspace)
    except ConfigError as exc:
        title = "Cannot show that" if verb == "show" else "Not changed"
        return AdminReply(False, title, [str(issue) for issue in exc.issues])
    except _UsageError as exc:
        return AdminReply(False, "Not changed", [str(exc), *USAGE])
    return AdminReply(True, "Configuration saved", [_describe(change)])


class _UsageError(Exception):
    """The command text is malformed; the message says how."""


def _apply(
    store: ConfigStore, actor: AdminActor, verb: str, rest: str, platform: str, channel_id: str, workspace: str | None
) -> ConfigChange:
    who = actor.audit_name
    if verb == "set":
        key, _, value = rest.partition(" ")
        if not key or not value.strip():
            raise _UsageError("set needs a key and a value.")
        return store.set(key, value, actor=who)
    if verb == "unset":
        if not rest or " " in rest:
            raise _UsageError("unset needs exactly one key.")
        return store.unset(rest, actor=who)
    if verb == "add-source":
        return store.add_source(_source_fields(rest), actor=who)
    if verb == "remove-source":
        if not rest or " " in rest:
            raise _UsageError("remove-source needs exactly one source name.")
        return store.remove_source(rest, actor=who)
    fields = rest.split()
    if len(fields) not in (5, 6):
        raise _UsageError(f"schedule needs 5 cron fields and an optional timezone, got {len(fields)} words.")
    timezone = fields[5] if len(fields) == 6 else None
    return store.set_schedule(platform, channel_id, " ".join(fields[:5]), timezone, workspace=workspace, actor=who)


def _source_fields(rest: str) -> dict[str, Any]:
    try:
        tokens = shlex.split(rest)
    except ValueError as exc:
        raise _UsageError(f"could not read the fields ({exc}).") from None
    fields: dict[str, Any] = {}
    for token in tokens:
        name, sep, value = token.partition("=")
        if not sep:
            raise _UsageError(f"expected name=value, got {token!r}.")
        fields[name.strip()] = value
    if "name" not in fields:
        raise _UsageError("add-source needs name=… (lowercase letters, digits, dashes).")
    return fields


def _show(config: NewsbriefConfig, key: str, platform: str, channel_id: str, workspace: str | None) -> AdminReply:
    if key:
        data = config.model_dump(mode="json", exclude_none=True)
        if key in data:  # a whole section, e.g. "show sources"
            return AdminReply(True, key, tomli_w.dumps({key: redact_value(key, data[key])}).splitlines())
        value = locate(data, key).current
        shown = "(not set: inherited or default)" if value is MISSING else redact_value(key, value)
        return AdminReply(True, key, [f"{key} = {shown}"])
    settings = effective_settings(config, platform, channel_id, workspace)
    lines = [f"{name}: {value}" for name, value in vars(settings).items() if value not in (None, [])]
    if settings.schedule is None:
        lines.append("schedule: none (use `schedule` to post briefs here)")
    sources = ", ".join(f"{s.name} ({s.outlet})" for s in config.sources) or "none"
    lines.append(f"sources: {sources}")
    return AdminReply(True, f"Settings for {platform}:{channel_id}", lines)


def _describe(change: ConfigChange) -> str:
    old = "(none)" if change.old is None else redact_value(change.key, change.old)
    new = "(removed)" if change.new is None else redact_value(change.key, change.new)
    return f"{change.key}: {old} → {new}"
