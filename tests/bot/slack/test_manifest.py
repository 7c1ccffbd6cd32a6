"""The Slack app manifest declares exactly the commands the app answers, with the scopes they need."""

from __future__ import annotations

import re

from bot.slack.app import COMMANDS
from tests.conftest import ROOT

MANIFEST = (ROOT / "config" / "slack-manifest.yaml").read_text("utf-8")


def test_manifest_commands_match_the_app():
    assert re.findall(r"^\s+- command: (\S+)$", MANIFEST, re.M) == list(COMMANDS)


def test_manifest_scopes_and_socket_mode():
    scopes = re.search(r"bot:\n((?:\s+- \S+\n)+)", MANIFEST).group(1)
    assert re.findall(r"- (\S+)", scopes) == ["commands", "chat:write", "files:write", "users:read"]
    assert "socket_mode_enabled: true" in MANIFEST
