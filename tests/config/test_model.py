"""The model: shipped files are valid and settings resolve channel → workspace → defaults."""

from __future__ import annotations

from pathlib import Path

from bot.config.model import ALGORITHMS, effective_settings
from bot.config.validate import load_config

REPO = Path(__file__).resolve().parents[2]


def test_shipped_default_is_valid_offline_and_has_no_secrets() -> None:
    config = load_config(REPO / "config" / "newsbrief.toml")
    assert [c.ref for c in config.channels] == ["console:main"]
    assert config.channels[0].schedule == "0 8 * * *"
    assert config.channels[0].timezone == "UTC"
    text = (REPO / "config" / "newsbrief.toml").read_text(encoding="utf-8").lower()
    assert "token" not in text.replace("tokens never", "")
    assert "@" not in config.bot.database_url


def test_example_is_valid() -> None:
    config = load_config(REPO / "config" / "newsbrief.example.toml")
    assert {c.platform for c in config.channels} == {"discord", "slack", "console"}
    assert config.source("example-news") is not None


def test_channel_overrides_workspace_overrides_defaults(config_path: Path) -> None:
    config = load_config(config_path)
    settings = effective_settings(config, "discord", "100", None)
    assert settings.brief_sentences == 4  # channel
    assert settings.max_stories == 3  # workspace G1
    assert settings.algorithm == "textrank"  # workspace G1
    assert settings.brief_words == 90  # built-in default
    assert settings.timezone == "Europe/Stockholm"  # channel
    assert settings.schedule == "0 8 * * *"


def test_unknown_channel_uses_given_workspace_then_defaults(config_path: Path) -> None:
    config = load_config(config_path)
    in_guild = effective_settings(config, "discord", "999", "G1")
    elsewhere = effective_settings(config, "slack", "C9", "T9")
    assert (in_guild.max_stories, in_guild.schedule) == (3, None)
    assert (elsewhere.max_stories, elsewhere.algorithm, elsewhere.timezone) == (5, "lexrank", "UTC")


def test_unquoted_discord_ids_are_read_as_text() -> None:
    from bot.config.validate import validate_config

    config = validate_config(
        {"channels": [{"platform": "discord", "channel_id": 123456789012345678, "schedule": "0 8 * * *"}]}
    )
    assert config.channels[0].channel_id == "123456789012345678"


def test_algorithm_names_match_the_core() -> None:
    from summarizer.ranking import SUMMARIZERS

    assert sorted(ALGORITHMS) == sorted(SUMMARIZERS)
