"""Sources may not point at the bot's own machine or network unless [bot] allow_private_sources is set."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config.admin import AdminActor, run_config_command
from bot.config.audit import read_audit
from bot.config.errors import ConfigError
from bot.config.store import ConfigStore
from bot.config.validate import validate_config

EDITOR = AdminActor("discord", "d-ed", "Editor", is_workspace_admin=False, role_ids=["R-EDITORS"])
FIX = "set allow_private_sources = true under [bot] in the file (not possible from chat)"


def one_source(url: str, *, kind: str = "feed", allow: bool | None = None) -> dict[str, object]:
    data: dict[str, object] = {"sources": [{"name": "x", "outlet": "X", kind: url}]}
    if allow is not None:
        data["bot"] = {"allow_private_sources": allow}
    return data


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1:8080/feed", "loopback address 127.0.0.1"),
        ("http://127.1/feed", "loopback address 127.1"),  # short form the resolver accepts
        ("http://2130706433/feed", "loopback address 2130706433"),  # 127.0.0.1 as one number
        ("http://0x7f.0.0.1/feed", "loopback address 0x7f.0.0.1"),
        ("http://[::1]/feed", "loopback address ::1"),
        ("http://[::ffff:127.0.0.1]/feed", "private address ::ffff:127.0.0.1"),
        ("http://169.254.169.254/latest/meta-data/", "link-local address 169.254.169.254"),
        ("http://[fe80::1]/", "link-local address fe80::1"),
        ("http://10.1.2.3/", "private address 10.1.2.3"),
        ("http://192.168.0.10:8000/rss", "private address 192.168.0.10"),
        ("https://172.16.5.5/", "private address 172.16.5.5"),
        ("http://100.64.0.1/", "non-public address 100.64.0.1"),  # carrier-grade NAT
        ("http://0.0.0.0:9000/", "unspecified address 0.0.0.0"),
        ("http://224.0.0.1/", "multicast address 224.0.0.1"),
        ("http://localhost:8000/feed", "local host name 'localhost'"),
        ("http://LOCALHOST./feed", "local host name 'localhost'"),
        ("http://admin.localhost/feed", "local host name 'admin.localhost'"),
    ],
)
@pytest.mark.parametrize("kind", ["feed", "page"])
def test_private_addresses_are_rejected_naming_the_key_and_the_fix(url: str, reason: str, kind: str) -> None:
    with pytest.raises(ConfigError) as caught:
        validate_config(one_source(url, kind=kind))
    [issue] = caught.value.issues
    assert (issue.key, issue.value) == (f"sources.x.{kind}", url)
    assert issue.message == f"points at a {reason}, which the bot will not fetch by default"
    assert FIX in issue.fix


@pytest.mark.parametrize(
    "url",
    [
        "https://samnytt.news/feed/",
        "http://93.184.215.14/feed",  # a public address literal
        "http://[2606:4700::6810:85e5]/feed",
        "https://1password.example/feed",  # starts with a digit but is a name: never resolved
        "https://localhost.example.com/feed",
    ],
)
def test_public_addresses_and_names_are_accepted(url: str) -> None:
    assert validate_config(one_source(url)).sources[0].feed == url


def test_allow_private_sources_lets_an_operator_use_local_feeds() -> None:
    config = validate_config(one_source("http://127.0.0.1:8080/feed", allow=True))
    assert config.bot.allow_private_sources is True
    assert validate_config({}).bot.allow_private_sources is False


def test_allow_private_sources_must_be_a_boolean() -> None:
    with pytest.raises(ConfigError) as caught:
        validate_config({"bot": {"allow_private_sources": "yes"}})
    assert caught.value.issues[0].key == "bot.allow_private_sources"
    assert "true or false" in caught.value.issues[0].fix


@pytest.mark.parametrize(
    "text",
    [
        "add-source name=meta outlet=Meta feed=http://169.254.169.254/latest/meta-data/",
        "add-source name=local outlet=Local page=http://localhost:6379/",
        "set sources.samnytt.feed http://10.0.0.5/admin",
    ],
)
def test_a_bot_admin_cannot_add_an_internal_source_from_chat(store: ConfigStore, config_path: Path, text: str) -> None:
    before = config_path.read_bytes()
    reply = run_config_command(store, EDITOR, text, platform="discord", channel_id="100", workspace="G1")
    assert not reply.ok and reply.title == "Not changed"
    assert reply.lines[0].startswith("sources.") and FIX in reply.lines[0]
    assert config_path.read_bytes() == before
    assert read_audit(store.audit_path) == []


def test_after_the_operator_allows_it_in_the_file_a_local_source_can_be_added(store: ConfigStore) -> None:
    store.set("bot.allow_private_sources", "true", actor="cli:ops")  # the CLI / file, not chat
    text = "add-source name=intranet outlet=Intranet feed=http://10.0.0.5/rss"
    reply = run_config_command(store, EDITOR, text, platform="discord", channel_id="100", workspace="G1")
    assert reply.ok, reply
    assert ConfigStore(store.path).load().source("intranet") is not None
