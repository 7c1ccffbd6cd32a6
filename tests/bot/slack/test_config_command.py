"""/newsbrief-config: admins (per Slack's users.info) change the file; others are refused and change nothing."""

from __future__ import annotations

import shutil
import time

import pytest

from bot.config.store import ConfigStore
from tests.conftest import ROOT

MEMBER = {"id": "U1", "name": "ana", "is_admin": False, "is_owner": False, "profile": {"display_name": "Ana"}}
ADMIN = {"id": "UADM", "name": "bo", "is_admin": True, "is_owner": False, "profile": {"display_name": "Bo"}}


@pytest.fixture
def store(tmp_path) -> ConfigStore:
    path = tmp_path / "newsbrief.toml"
    shutil.copy(ROOT / "config" / "newsbrief.toml", path)
    return ConfigStore(path, audit_log=tmp_path / "audit.jsonl")


@pytest.fixture
def config_user(make_user, seed_service, store, fake):
    fake.users.update({"U1": MEMBER, "UADM": ADMIN})
    return make_user(seed_service, config_store=store)


def test_a_member_is_refused_and_the_file_is_unchanged(config_user, store, fake):
    before = store.path.read_bytes()
    config_user.command("/newsbrief-config", "set defaults.max_stories 3", user_id="U1")
    [post] = fake.wait_for_posts(1)
    assert post.body["response_type"] == "ephemeral"
    assert post.block_texts()[0] == "Not allowed"
    assert "Only admins can change the configuration" in post.visible_text
    assert store.path.read_bytes() == before
    assert [c.body["user"] for c in fake.calls if c.path == "/api/users.info"] == ["U1"]


def test_a_workspace_admin_changes_their_workspace_setting(config_user, store, fake):
    config_user.command("/newsbrief-config", "set workspaces.T1.max_stories 3", user_id="UADM")
    [post] = fake.wait_for_posts(1)
    assert post.block_texts() == ["Configuration saved", "workspaces.T1.max_stories: (none) → 3"]
    assert ConfigStore(store.path).load().workspaces["T1"].max_stories == 3
    assert "slack:UADM (Bo)" in (store.path.parent / "audit.jsonl").read_text("utf-8")


def test_an_invalid_value_is_explained_and_not_saved(config_user, store, fake):
    before = store.path.read_bytes()
    config_user.command("/newsbrief-config", "set workspaces.T1.max_stories many", user_id="UADM")
    [post] = fake.wait_for_posts(1)
    assert post.block_texts()[0] == "Not changed" and "workspaces.T1.max_stories" in post.visible_text
    assert store.path.read_bytes() == before


def test_a_workspace_admin_may_not_change_global_defaults(config_user, store, fake):
    before = store.path.read_bytes()
    config_user.command("/newsbrief-config", "set defaults.max_stories 3", user_id="UADM")
    [post] = fake.wait_for_posts(1)
    assert post.block_texts()[0] == "Not allowed"
    assert "Only bot admins listed in [admins] may change defaults" in post.visible_text
    assert store.path.read_bytes() == before


def test_without_a_config_store_the_command_says_it_is_off(make_user, seed_service, fake):
    make_user(seed_service).command("/newsbrief-config", "show")
    [post] = fake.wait_for_posts(1)
    assert "Configuration editing is not enabled" in post.visible_text


def test_a_replayed_config_change_is_applied_once(config_user, store, fake):
    body = config_user.form("/newsbrief-config", "set workspaces.T1.max_stories 3", user_id="UADM")
    ts = int(time.time())
    signature = config_user.signer.generate_signature(timestamp=str(ts), body=body)
    assert [config_user.post(body, timestamp=ts, signature=signature).status for _ in range(3)] == [200, 200, 200]
    [post] = fake.wait_for_posts(1, settle=0.3)
    assert post.block_texts()[0] == "Configuration saved"
    assert len((store.path.parent / "audit.jsonl").read_text("utf-8").splitlines()) == 1
    assert [c.body["user"] for c in fake.calls if c.path == "/api/users.info"] == ["UADM"]
