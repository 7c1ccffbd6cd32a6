"""Saving a change keeps the user's comments and layout; only the changed values are rewritten."""

from __future__ import annotations

import io
from pathlib import Path

from bot.config.audit import read_audit
from bot.config.cli import build_parser, run_config_cli
from bot.config.store import ConfigStore
from bot.config.validate import load_config

COMMENTED_TOML = """\
# Our newsroom's bot. Ask Ana before changing the schedule.

[defaults]
max_stories = 5   # the morning desk reads five at most
timezone = "UTC"

# Regional outlets first.
[[sources]]
name = "harbour"  # the port town weekly
outlet = "Harbour Times"
feed = "https://harbour.example/feed/"

[[channels]]
platform = "discord"
channel_id = "100"
schedule = "0 8 * * *"  # before the editorial meeting
"""


def test_cli_set_keeps_comments_and_changes_the_value(tmp_path: Path) -> None:
    path = tmp_path / "newsbrief.toml"
    path.write_text(COMMENTED_TOML, encoding="utf-8")
    code = run_config_cli(
        build_parser().parse_args(["--config", str(path), "config", "set", "defaults.max_stories", "3"]),
        out=io.StringIO(),
        err=io.StringIO(),
    )
    assert code == 0
    assert path.read_text(encoding="utf-8") == COMMENTED_TOML.replace("max_stories = 5 ", "max_stories = 3 ")
    assert load_config(path).defaults.max_stories == 3
    [record] = read_audit(tmp_path / "audit.log.jsonl")
    assert (record["key"], record["old"], record["new"]) == ("defaults.max_stories", 5, 3)


def test_store_edits_keep_every_comment(tmp_path: Path) -> None:
    path = tmp_path / "newsbrief.toml"
    path.write_text(COMMENTED_TOML, encoding="utf-8")
    store = ConfigStore(path)
    store.set("channels.discord:100.schedule", "30 7 * * *", actor="t")
    store.set("bot.ingest_interval_minutes", "45", actor="t")  # a table the file did not have
    store.add_source({"name": "valley", "outlet": "Valley Post", "feed": "https://valley.example/rss"}, actor="t")
    store.unset("defaults.timezone", actor="t")
    text = path.read_text(encoding="utf-8")
    comments = [line.partition("#")[2] for line in COMMENTED_TOML.splitlines() if "#" in line]
    assert all(comment in text for comment in comments)
    config = load_config(path)
    assert config.channels[0].schedule == "30 7 * * *"
    assert [s.name for s in config.sources] == ["harbour", "valley"]
    assert config.bot.ingest_interval_minutes == 45
    assert 'timezone = "UTC"' not in text


def test_removing_a_source_takes_only_its_own_comment(tmp_path: Path) -> None:
    path = tmp_path / "newsbrief.toml"
    path.write_text(COMMENTED_TOML, encoding="utf-8")
    store = ConfigStore(path)
    store.add_source({"name": "valley", "outlet": "Valley Post", "feed": "https://valley.example/rss"}, actor="t")
    store.remove_source("harbour", actor="t")
    text = path.read_text(encoding="utf-8")
    assert "port town weekly" not in text
    assert "# Our newsroom's bot." in text and "# before the editorial meeting" in text
    assert [s.name for s in load_config(path).sources] == ["valley"]
