"""``newsbrief config …`` from a terminal, and how the file is chosen."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.config.cli import build_parser, resolve_config_path, run_config_cli
from bot.config.validate import load_config


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_config_cli(build_parser().parse_args(list(argv)), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_resolve_config_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSBRIEF_CONFIG", raising=False)
    assert resolve_config_path(None) == Path("config/newsbrief.toml")
    monkeypatch.setenv("NEWSBRIEF_CONFIG", "/etc/nb.toml")
    assert resolve_config_path(None) == Path("/etc/nb.toml")
    assert resolve_config_path("mine.toml") == Path("mine.toml")


def test_validate_ok_and_config_option_in_either_place(config_path: Path) -> None:
    assert cli("--config", str(config_path), "config", "validate")[0] == 0
    code, out, _ = cli("config", "validate", "--config", str(config_path))
    assert code == 0 and "valid (1 sources, 1 channels)" in out


def test_validate_uses_env(config_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSBRIEF_CONFIG", str(config_path))
    assert cli("config", "validate")[0] == 0


def test_validate_fails_naming_each_bad_key(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[defaults]\nmax_stories = -1\ntimezone = "Nowhere/Land"\nfoo = 1\n', encoding="utf-8")
    code, out, err = cli("--config", str(bad), "config", "validate")
    assert code == 1 and out == ""
    for key in ("defaults.max_stories = -1", 'defaults.timezone = "Nowhere/Land"', "defaults.foo = 1"):
        assert key in err


def test_validate_reports_syntax_error_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[defaults]\nmax_stories = \n", encoding="utf-8")
    code, _, err = cli("--config", str(bad), "config", "validate")
    assert code == 1 and "line 2" in err


def test_show_masks_secrets(config_path: Path) -> None:
    code, out, _ = cli("--config", str(config_path), "config", "show")
    assert code == 0 and "hunter2" not in out and 'database_url = "postgresql://news:***@db.internal/newsbrief"' in out
    assert (
        cli("--config", str(config_path), "config", "show", "defaults.max_stories")[1] == "defaults.max_stories = 5\n"
    )


def test_set_add_remove(config_path: Path) -> None:
    base = ("--config", str(config_path), "config")
    code, out, _ = cli(*base, "set", "channels.discord:100.schedule", "0", "7", "*", "*", "*")
    assert code == 0 and "0 8 * * * → 0 7 * * *" in out
    assert cli(*base, "add-source", "eir", "--outlet", "EIR News", "--page", "https://eir.news/")[0] == 0
    assert cli(*base, "remove-source", "samnytt")[0] == 0
    config = load_config(config_path)
    assert [s.name for s in config.sources] == ["eir"]
    assert config.channels[0].schedule == "0 7 * * *"


def test_rejected_set_exits_1_and_changes_nothing(config_path: Path) -> None:
    before = config_path.read_bytes()
    code, _, err = cli("--config", str(config_path), "config", "set", "defaults.max_stories", "lots")
    assert code == 1 and "defaults.max_stories" in err and config_path.read_bytes() == before


def test_missing_file(tmp_path: Path) -> None:
    code, _, err = cli("--config", str(tmp_path / "none.toml"), "config", "validate")
    assert code == 1 and "file not found" in err
