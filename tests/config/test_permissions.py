"""Who may change what from chat: bot admins, workspace admins (own workspace only), nobody for bot.*."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config.admin import AdminActor, AdminReply, run_config_command
from bot.config.audit import read_audit
from bot.config.store import ConfigStore

# Another tenant (guild G2) with a channel, a channel with no workspace recorded, and a Slack channel.
MORE_TOML = """
[workspaces."G2"]
max_stories = 4

[[channels]]
platform = "discord"
channel_id = "200"
workspace = "G2"
schedule = "0 9 * * *"

[[channels]]
platform = "discord"
channel_id = "300"
schedule = "0 10 * * *"
"""

GUILD_ADMIN = AdminActor("discord", "d-owner", "Guild Owner", is_workspace_admin=True)  # Manage Server in G1
EDITOR = AdminActor("discord", "d-ed", "Editor", is_workspace_admin=False, role_ids=["R-EDITORS"])
SLACK_BOT_ADMIN = AdminActor("slack", "UADMIN", "Listed", is_workspace_admin=False)
SLACK_WS_ADMIN = AdminActor("slack", "UOWNER", "Owner", is_workspace_admin=True)
MEMBER = AdminActor("discord", "d-member", "Member", is_workspace_admin=False, role_ids=["R-OTHER"])
CONSOLE = AdminActor("console", "ops", "ops", True, [])

WORKSPACE_OF = {"discord": "G1", "slack": "T1", "console": None}


@pytest.fixture
def tenants(config_path: Path) -> Path:
    with config_path.open("a", encoding="utf-8") as file:
        file.write(MORE_TOML)
    return config_path


@pytest.fixture
def tstore(tenants: Path) -> ConfigStore:
    return ConfigStore(tenants)


def run(store: ConfigStore, who: AdminActor, text: str, *, channel: str = "100", workspace: str = "") -> AdminReply:
    ws = workspace or WORKSPACE_OF[who.platform]
    return run_config_command(store, who, text, platform=who.platform, channel_id=channel, workspace=ws)


def assert_refused_untouched(store: ConfigStore, before: bytes, reply: AdminReply) -> None:
    assert not reply.ok and reply.title == "Not allowed", reply
    assert reply.lines[-1] == "Nothing was changed."
    assert store.path.read_bytes() == before
    assert read_audit(store.audit_path) == []


# -- workspace admins: their own workspace and its channels --------------------------------------------


@pytest.mark.parametrize(
    ("text", "channel", "saved"),
    [
        ("set workspaces.G1.max_stories 2", "100", "workspaces.G1.max_stories: 3 → 2"),
        ("unset workspaces.G1.algorithm", "100", "workspaces.G1.algorithm: textrank → (removed)"),
        ("set workspaces.G1.timezone Europe/Oslo", "100", "workspaces.G1.timezone: (none) → Europe/Oslo"),
        ("set channels.discord:100.max_stories 2", "100", "channels.discord:100.max_stories: (none) → 2"),
        (
            "set channels.discord:100.include_topics chile",
            "100",
            'channels.discord:100.include_topics: (none) → ["chile"]',
        ),
        ("schedule 30 7 * * *", "100", "channels.discord:100.schedule"),
        ("schedule 0 6 * * * UTC", "150", "channels.discord:150.schedule"),  # a new channel in G1
    ],
)
def test_workspace_admin_changes_own_workspace_and_its_channels(
    tstore: ConfigStore, text: str, channel: str, saved: str
) -> None:
    reply = run(tstore, GUILD_ADMIN, text, channel=channel)
    assert reply.ok and reply.title == "Configuration saved", reply
    assert reply.lines[0].startswith(saved)
    [record] = read_audit(tstore.audit_path)
    assert record["actor"] == "discord:d-owner (Guild Owner)"


def test_a_channel_created_by_a_workspace_admin_is_recorded_under_their_workspace(tstore: ConfigStore) -> None:
    assert run(tstore, GUILD_ADMIN, "schedule 0 6 * * *", channel="150").ok
    created = ConfigStore(tstore.path).load().channel("discord", "150")
    assert created is not None and created.workspace == "G1"
    # ... so they can keep managing it afterwards.
    assert run(tstore, GUILD_ADMIN, "set channels.discord:150.max_stories 7", channel="150").ok


ASK_ROLE = "ask a bot admin to make the change, or to give you a role listed in [admins] discord_roles."
WS_HINT = (
    "As a workspace admin you may change workspaces.G1.* and this workspace's channels (e.g. with `schedule` here)."
)


@pytest.mark.parametrize(
    ("text", "channel", "what"),
    [
        ("set defaults.max_stories 2", "100", "defaults"),
        ("unset defaults.timezone", "100", "defaults"),
        ("set admins.discord_roles R-MINE", "100", "admins"),
        ("set admins.slack_users UME", "100", "admins"),
        ("add-source name=foo outlet=Foo feed=https://foo.example/feed", "100", "sources"),
        ("remove-source samnytt", "100", "sources"),
        ("set sources.samnytt.feed https://evil.example/feed", "100", "sources"),
        ("set workspaces.G2.max_stories 1", "100", "the settings of workspace G2"),
        ("unset workspaces.G2.max_stories", "100", "the settings of workspace G2"),
        ("set channels.discord:200.max_stories 1", "100", "channel discord:200 of workspace G2"),
        ("schedule 0 8 * * *", "200", "channel discord:200 of workspace G2"),
        ("set channels.discord:300.max_stories 1", "100", "channel discord:300 (no workspace is recorded for it)"),
        ("schedule 0 8 * * *", "300", "channel discord:300 (no workspace is recorded for it)"),
        ("set channels.discord:100.workspace G2", "100", "channels.discord:100.workspace"),
        ("set channels.discord:100.channel_id 200", "100", "channels.discord:100.channel_id"),
        ("set channels.discord:100.platform slack", "100", "channels.discord:100.platform"),
    ],
)
def test_workspace_admin_is_refused_outside_their_workspace(
    tstore: ConfigStore, text: str, channel: str, what: str
) -> None:
    before = tstore.path.read_bytes()
    reply = run(tstore, GUILD_ADMIN, text, channel=channel)
    assert reply.lines == [
        f"Only bot admins listed in [admins] may change {what}; {ASK_ROLE}",
        WS_HINT,
        "Nothing was changed.",
    ]
    assert_refused_untouched(tstore, before, reply)


def test_workspace_admin_of_another_platform_cannot_reach_a_channel_by_workspace_id(tstore: ConfigStore) -> None:
    before = tstore.path.read_bytes()
    # A Slack admin whose team id happened to equal G1 still cannot touch the Discord channel of G1.
    reply = run(tstore, SLACK_WS_ADMIN, "set channels.discord:100.max_stories 2", workspace="G1")
    assert reply.lines[0].startswith("Only bot admins listed in [admins] may change channel discord:100")
    assert "add your user id UOWNER to [admins] slack_users" in reply.lines[0]
    assert_refused_untouched(tstore, before, reply)


def test_slack_workspace_admin_may_change_own_team_only(tstore: ConfigStore) -> None:
    assert run(tstore, SLACK_WS_ADMIN, "set workspaces.T1.max_stories 2", channel="C1").ok
    before = tstore.path.read_bytes()
    refused = run(tstore, SLACK_WS_ADMIN, "set workspaces.T2.max_stories 2", channel="C1")
    assert refused.lines[0].startswith("Only bot admins listed in [admins] may change the settings of workspace T2;")
    assert tstore.path.read_bytes() == before and len(read_audit(tstore.audit_path)) == 1


def test_permission_is_checked_against_the_file_as_it_is_now(tstore: ConfigStore) -> None:
    tstore.load()  # the store's cached copy says channel 100 belongs to G1 ...
    moved = tstore.path.read_text("utf-8").replace('workspace = "G1"', 'workspace = "G2"')
    tstore.path.write_text(moved, "utf-8")  # ... but the operator just moved it to G2 by hand.
    before = tstore.path.read_bytes()
    reply = run(tstore, GUILD_ADMIN, "set channels.discord:100.max_stories 2")
    assert "channel discord:100 of workspace G2" in reply.lines[0]
    assert_refused_untouched(tstore, before, reply)


# -- members: nothing -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "second_line"),
    [
        (
            "set workspaces.G1.max_stories 2",
            "To change the settings of workspace G1 you need to be an admin of this workspace (Manage Server on "
            "Discord, workspace admin/owner on Slack) or a bot admin listed in [admins].",
        ),
        ("set defaults.max_stories 2", f"Only bot admins listed in [admins] may change defaults; {ASK_ROLE}"),
        (
            "add-source name=foo outlet=Foo feed=https://foo.example/feed",
            "Only bot admins listed in [admins] may change sources;",
        ),
        ("remove-source samnytt", "Only bot admins listed in [admins] may change sources;"),
        (
            "schedule 0 9 * * * UTC",
            "To change channel discord:100 of workspace G1 you need to be an admin of this workspace",
        ),
    ],
)
def test_members_are_refused_and_told_who_may(tstore: ConfigStore, text: str, second_line: str) -> None:
    before = tstore.path.read_bytes()
    reply = run(tstore, MEMBER, text)
    assert reply.lines[0] == "Only admins can change the configuration."
    assert reply.lines[1].startswith(second_line)
    assert_refused_untouched(tstore, before, reply)


# -- bot admins: everything but bot.* ---------------------------------------------------------------------


@pytest.mark.parametrize("who", [EDITOR, SLACK_BOT_ADMIN, CONSOLE], ids=["discord-role", "slack-user", "console"])
@pytest.mark.parametrize(
    "text",
    [
        "set defaults.max_stories 2",
        "set workspaces.G2.max_stories 1",
        "set workspaces.T9.algorithm lsa",
        "set channels.discord:200.max_stories 1",
        "set channels.discord:300.workspace G1",
        "set admins.discord_roles R-EDITORS, R-NEW",
        "add-source name=foo outlet=Foo feed=https://foo.example/feed",
        "remove-source samnytt",
    ],
)
def test_bot_admins_may_change_everything_else(tstore: ConfigStore, who: AdminActor, text: str) -> None:
    reply = run(tstore, who, text)
    assert reply.ok and reply.title == "Configuration saved", reply
    assert len(read_audit(tstore.audit_path)) == 1


@pytest.mark.parametrize("who", [EDITOR, SLACK_BOT_ADMIN, CONSOLE, GUILD_ADMIN, MEMBER])
@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("set bot.audit_log /etc/cron.d/pwn", "bot.audit_log"),
        ("set bot.database_url postgresql://evil.example/db", "bot.database_url"),
        ("set bot.allow_private_sources true", "bot.allow_private_sources"),
        ("unset bot.ingest_interval_minutes", "bot.ingest_interval_minutes"),
    ],
)
def test_nobody_changes_bot_settings_from_chat(tstore: ConfigStore, who: AdminActor, text: str, key: str) -> None:
    before = tstore.path.read_bytes()
    reply = run(tstore, who, text)
    assert reply.lines == [
        f"{key} cannot be changed from chat: bot.* settings are changed only in the configuration file or "
        f"with `newsbrief config set {key} VALUE` on the server.",
        "Nothing was changed.",
    ]
    assert_refused_untouched(tstore, before, reply)
    assert not Path("/etc/cron.d/pwn").exists()


def test_the_cli_may_still_change_bot_settings(tstore: ConfigStore) -> None:
    change = tstore.set("bot.ingest_interval_minutes", "15", actor="cli:ops")
    assert (change.old, change.new) == (None, 15)
    assert ConfigStore(tstore.path).load().bot.ingest_interval_minutes == 15


def test_anyone_may_still_show(tstore: ConfigStore) -> None:
    reply = run(tstore, MEMBER, "show workspaces.G1.max_stories")
    assert reply.ok and reply.lines == ["workspaces.G1.max_stories = 3"]
