"""The ``/newsbrief-config`` chat command as a platform-agnostic use case returning plain data."""

from __future__ import annotations

import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import tomli_w

from bot.config.audit import ConfigChange
from bot.config.errors import MISSING, ChangeRefused, ConfigError
from bot.config.keys import locate
from bot.config.model import NewsbriefConfig, effective_settings
from bot.config.permissions import SOURCES, AdminActor, Target, check_access, is_bot_admin, key_target, schedule_target
from bot.config.redact import redact_value
from bot.config.rendering import shown_value, toml_value
from bot.config.store import ConfigStore

__all__ = ["AdminActor", "AdminReply", "is_bot_admin", "run_config_command"]

USAGE = [
    "show [KEY] — this channel's settings, or one key",
    "set KEY VALUE — e.g. set defaults.max_stories 3",
    "unset KEY — fall back to the wider scope",
    'add-source name=NAME outlet="Display Name" feed=URL (or page=URL) [bias=… bias_source=…]',
    "remove-source NAME",
    "schedule MIN HOUR DAY MONTH WEEKDAY [TIMEZONE] — e.g. schedule 0 8 * * * Europe/Stockholm",
    "deliveries [PLATFORM:ID] — recent digests of this (or that) channel: posted, empty, failed or unknown, and why",
]
History = Callable[[str], list[str]]
"""``deliveries``: the lines for one channel ("PLATFORM:ID"), read from the bot's database."""


@dataclass(frozen=True)
class AdminReply:
    """What to tell the user, with no chat markup; adapters render it."""

    ok: bool
    title: str
    lines: list[str] = field(default_factory=list)


def run_config_command(
    store: ConfigStore,
    actor: AdminActor,
    text: str,
    *,
    platform: str,
    channel_id: str,
    workspace: str | None,
    history: History | None = None,
) -> AdminReply:
    """Run ``/newsbrief-config <text>``; refusals and invalid changes come back as replies."""
    verb, _, rest = text.strip().partition(" ")
    rest = rest.strip()
    try:
        if verb in ("", "help"):
            return AdminReply(True, "/newsbrief-config commands", list(USAGE))
        if verb == "show":
            return _show(store.config, rest, platform, channel_id, workspace)
        if verb == "deliveries":
            here = f"{platform}:{channel_id}"
            return _deliveries(store.config, actor, rest or here, history, here, workspace)
        if verb not in ("set", "unset", "add-source", "remove-source", "schedule"):
            return AdminReply(False, f"Unknown command {verb!r}", list(USAGE))
        change = _apply(store, actor, verb, rest, platform, channel_id, workspace)
    except ChangeRefused as exc:
        return AdminReply(False, "Not allowed", [*exc.lines, "Nothing was changed."])
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

    def allowed(target: Callable[[NewsbriefConfig], Target]) -> Callable[[NewsbriefConfig], None]:
        # Checked by the store under its lock against the file as it is now, not a cached copy.
        return lambda config: check_access(actor, target(config), config, workspace)

    if verb == "set":
        key, _, value = rest.partition(" ")
        if not key or not value.strip():
            raise _UsageError("set needs a key and a value.")
        return store.set(key, value, actor=who, authorize=allowed(partial(key_target, key)))
    if verb == "unset":
        if not rest or " " in rest:
            raise _UsageError("unset needs exactly one key.")
        return store.unset(rest, actor=who, authorize=allowed(partial(key_target, rest)))
    if verb == "add-source":
        return store.add_source(_source_fields(rest), actor=who, authorize=allowed(lambda _: SOURCES))
    if verb == "remove-source":
        if not rest or " " in rest:
            raise _UsageError("remove-source needs exactly one source name.")
        return store.remove_source(rest, actor=who, authorize=allowed(lambda _: SOURCES))
    fields = rest.split()
    if len(fields) not in (5, 6):
        raise _UsageError(f"schedule needs 5 cron fields and an optional timezone, got {len(fields)} words.")
    timezone = fields[5] if len(fields) == 6 else None
    return store.set_schedule(
        platform,
        channel_id,
        " ".join(fields[:5]),
        timezone,
        workspace=workspace,
        actor=who,
        authorize=allowed(lambda config: schedule_target(config, platform, channel_id, workspace)),
    )


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
        shown = "(not set: inherited or default)" if value is MISSING else toml_value(redact_value(key, value))
        return AdminReply(True, key, [f"{key} = {shown}"])
    settings = effective_settings(config, platform, channel_id, workspace)
    lines = [f"{name}: {shown_value(value)}" for name, value in vars(settings).items() if value not in (None, [])]
    if settings.schedule is None:
        lines.append("schedule: none (use `schedule` to post briefs here)")
    sources = ", ".join(f"{s.name} ({s.outlet})" for s in config.sources) or "none"
    lines.append(f"sources: {sources}")
    return AdminReply(True, f"Settings for {platform}:{channel_id}", lines)


def _deliveries(
    config: NewsbriefConfig, actor: AdminActor, channel: str, history: History | None, here: str, ws: str | None
) -> AdminReply:
    """Bot admins see any channel's digest runs; workspace admins those of their workspace's channels."""
    if history is None:
        return AdminReply(False, "Not available", ["Delivery history needs the bot's database (newsbrief run)."])
    target, colon, target_id = channel.partition(":")
    if not (target and colon and target_id):
        return AdminReply(False, "Not understood", ["Give the channel as PLATFORM:ID, e.g. slack:C024BE91L."])
    entry = config.channel(target, target_id)
    in_workspace = channel == here or (entry is not None and ws is not None and entry.workspace == ws)
    if not (is_bot_admin(actor, config) or (actor.is_workspace_admin and in_workspace)):
        lines = ["Deliveries are shown to bot admins, and to workspace admins for their own workspace's channels."]
        return AdminReply(False, "Not allowed", lines)
    return AdminReply(True, f"Recent digests in {channel}", history(channel))


def _describe(change: ConfigChange) -> str:
    old = "(none)" if change.old is None else shown_value(redact_value(change.key, change.old))
    new = "(removed)" if change.new is None else shown_value(redact_value(change.key, change.new))
    return f"{change.key}: {old} → {new}"
