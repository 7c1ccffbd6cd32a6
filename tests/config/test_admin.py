"""/newsbrief-config from chat: who may change what, and what they are told."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config.admin import AdminActor, AdminReply, run_config_command
from bot.config.audit import read_audit
from bot.config.store import ConfigStore


def actor(
    platform: str = "discord", *, admin: bool = False, roles: list[str] | None = None, user: str = "u1"
) -> AdminActor:
    """A chat user; ``admin`` stands for Manage Server (Discord) or is_admin/is_owner (Slack)."""
    return AdminActor(platform, user, f"User {user}", is_workspace_admin=admin, role_ids=roles or [])


def run(
    store: ConfigStore,
    who: AdminActor,
    text: str,
    *,
    platform: str = "discord",
    channel: str = "100",
    workspace: str | None = "G1",
) -> AdminReply:
    return run_config_command(store, who, text, platform=platform, channel_id=channel, workspace=workspace)


def test_admin_set_is_saved_and_audited_with_who(store: ConfigStore) -> None:
    reply = run(store, actor("slack", user="UADMIN"), "set defaults.max_stories 2", platform="slack", channel="C1")
    assert reply == AdminReply(True, "Configuration saved", ["defaults.max_stories: 5 → 2"])
    assert ConfigStore(store.path).load().defaults.max_stories == 2
    assert read_audit(store.audit_path)[0]["actor"] == "slack:UADMIN (User UADMIN)"


@pytest.mark.parametrize(
    ("text", "key", "fragment"),
    [
        ("set defaults.max_stories -1", "defaults.max_stories", "greater than or equal to 1"),
        ("set defaults.timezone Narnia/Cair", "defaults.timezone", "unknown timezone"),
        ("set defaults.colour blue", "defaults.colour", "unknown key"),
        ("schedule 0 8 * *", None, "5 cron fields"),
        ("schedule 0 99 * * *", "channels.discord:100.schedule", "maximum value (23)"),
        ("add-source name=foo outlet=Foo feed=foo.example", "sources.foo.feed", "not an http(s) URL"),
    ],
)
def test_admin_invalid_values_get_a_reply_naming_the_key(
    store: ConfigStore, config_path: Path, text: str, key: str | None, fragment: str
) -> None:
    before = config_path.read_bytes()
    reply = run(store, actor(roles=["R-EDITORS"]), text)
    assert not reply.ok and reply.title == "Not changed"
    assert fragment in reply.lines[0]
    if key:
        assert reply.lines[0].startswith(key)
    assert config_path.read_bytes() == before


def test_add_source_with_quoted_outlet_and_remove_it(store: ConfigStore) -> None:
    editor = actor(roles=["R-EDITORS"])
    text = 'add-source name=foo outlet="Foo News" feed=https://foo.example/feed bias=left bias_source="Rater X"'
    assert run(store, editor, text).ok
    source = store.config.source("foo")
    assert source is not None and (source.outlet, source.bias_source) == ("Foo News", "Rater X")
    assert run(store, editor, "remove-source foo").ok
    assert store.config.source("foo") is None
    missing = run(store, editor, "remove-source fooo")
    assert not missing.ok and "no source 'fooo'" in missing.lines[0]


def test_schedule_creates_this_channels_entry(store: ConfigStore) -> None:
    text = "schedule 0 8 * * mon-fri Europe/Stockholm"
    reply = run(store, actor("slack", admin=True), text, platform="slack", channel="C9", workspace="T1")
    assert reply.ok, reply
    channel = store.config.channel("slack", "C9")
    assert channel is not None
    assert (channel.schedule, channel.timezone, channel.workspace) == ("0 8 * * mon-fri", "Europe/Stockholm", "T1")


def test_anyone_may_show_and_secrets_never_appear(store: ConfigStore) -> None:
    plain = actor("discord", user="nobody")
    here = run(store, plain, "show")
    assert here.ok and "max_stories: 3" in here.lines and "brief_sentences: 4" in here.lines
    assert any(line.startswith("sources: samnytt (Samnytt)") for line in here.lines)
    for text in ("show bot", "show bot.database_url"):
        reply = run(store, plain, text)
        joined = "\n".join(reply.lines)
        assert reply.ok and "hunter2" not in joined and "***@db.internal" in joined
    assert run(store, plain, "show channels.discord:100.max_stories").lines == [
        "channels.discord:100.max_stories = (not set: inherited or default)"
    ]


def test_help_and_unknown_commands(store: ConfigStore) -> None:
    assert run(store, actor(), "").ok
    bad_key = run(store, actor(), "show defaults.colour")
    assert not bad_key.ok and bad_key.title == "Cannot show that" and "unknown key" in bad_key.lines[0]
    unknown = run(store, actor(admin=True), "delete everything")
    assert not unknown.ok and unknown.title == "Unknown command 'delete'"
    malformed = run(store, actor(roles=["R-EDITORS"]), 'add-source name=foo outlet="Foo')
    assert not malformed.ok and "could not read the fields" in malformed.lines[0]
