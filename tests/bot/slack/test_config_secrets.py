"""/newsbrief-config show never reveals a database password, whatever characters it holds."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from bot.config.store import ConfigStore
from tests.conftest import ROOT

PASSWORD = "Hunter#Tango?Zulu/Xray:Yank%Kilo@Lima"
MEMBER = {"id": "U1", "name": "ana", "is_admin": False, "is_owner": False, "profile": {"display_name": "Ana"}}


@pytest.mark.parametrize("key", ["bot", "bot.database_url", ""])
def test_show_never_reveals_a_database_password(make_user, seed_service, fake, tmp_path, key):
    path = tmp_path / "newsbrief.toml"
    default = (ROOT / "config" / "newsbrief.toml").read_text("utf-8")
    path.write_text(default.replace("sqlite:///newsbrief.db", f"postgresql://nb:{PASSWORD}@db.internal/nb"), "utf-8")
    fake.users.update({"U1": MEMBER})
    make_user(seed_service, config_store=ConfigStore(path)).command("/newsbrief-config", f"show {key}", user_id="U1")
    [post] = fake.wait_for_posts(1)
    received = json.dumps(post.body, ensure_ascii=False)
    assert "db.internal" in received or not key
    for secret in (PASSWORD, quote(PASSWORD, safe=""), "Hunter", "Tango", "Zulu", "Xray", "Yank", "Kilo", "Lima"):
        assert secret not in received
