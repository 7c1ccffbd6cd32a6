"""Fixtures: a small valid config file in a temp folder and a store on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config.store import ConfigStore

BASE_TOML = """\
[bot]
database_url = "postgresql://news:hunter2@db.internal/newsbrief"

[defaults]
max_stories = 5
timezone = "UTC"

[workspaces."G1"]
max_stories = 3
algorithm = "textrank"

[[sources]]
name = "samnytt"
outlet = "Samnytt"
feed = "https://samnytt.news/feed/"

[[channels]]
platform = "discord"
channel_id = "100"
workspace = "G1"
schedule = "0 8 * * *"
timezone = "Europe/Stockholm"
brief_sentences = 4

[admins]
slack_users = ["UADMIN"]
discord_roles = ["R-EDITORS"]
"""


@pytest.fixture
def config_path(tmp_path: Path) -> Path:
    path = tmp_path / "newsbrief.toml"
    path.write_text(BASE_TOML, encoding="utf-8")
    return path


@pytest.fixture
def store(config_path: Path) -> ConfigStore:
    store = ConfigStore(config_path)
    store.load()
    return store
