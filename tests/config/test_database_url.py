"""`bot.database_url` must be an SQLite or PostgreSQL URL: `config set` refuses others, `validate` names them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main

ACCEPTED = "use sqlite:///path/to/newsbrief.db (a file) or postgresql+psycopg://user:pass@host/db"


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("notaurl", "not a database URL"),
        ("mysql://nb:s3cret-Pw@db.example/nb", "mysql databases are not supported"),
    ],
)
def test_set_refuses_what_is_not_an_sqlite_or_postgresql_url(
    url: str, problem: str, config_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = config_path.read_text(encoding="utf-8")
    assert main(["config", "--config", str(config_path), "set", "bot.database_url", url]) == 1
    out, err = capsys.readouterr()
    assert out == "" and f'bot.database_url = "{url.replace("s3cret-Pw", "***")}": {problem}' in err
    assert f"Fix: {ACCEPTED}" in err and "s3cret-Pw" not in err
    assert config_path.read_text(encoding="utf-8") == before


def test_validate_reports_a_database_url_it_cannot_use(config_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = config_path.read_text(encoding="utf-8").replace("postgresql://news:hunter2@", "mysql://nb:s3cret-Pw@")
    config_path.write_text(text.replace("db.internal/newsbrief", "db.example/nb"), encoding="utf-8")
    assert main(["config", "--config", str(config_path), "validate"]) == 1
    err = capsys.readouterr().err
    assert 'bot.database_url = "mysql://nb:***@db.example/nb": mysql databases are not supported' in err
    assert ACCEPTED in err and "s3cret-Pw" not in err


@pytest.mark.parametrize("url", ["sqlite:///var/lib/newsbrief.db", "postgresql+psycopg://nb:pw@db.internal/nb"])
def test_sqlite_and_postgresql_urls_are_accepted(url: str, config_path: Path) -> None:
    assert main(["config", "--config", str(config_path), "set", "bot.database_url", url]) == 0


def test_changes_and_shown_keys_are_toml_not_python(config_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["config", "--config", str(config_path)]
    assert main([*argv, "add-source", "gazette", "--outlet", "Harbor Gazette", "--feed", "https://g.example/rss"]) == 0
    added = capsys.readouterr().out
    assert 'sources.gazette: (none) → { name = "gazette", outlet = "Harbor Gazette"' in added and "{'" not in added
    assert main([*argv, "show", "admins.slack_users"]) == 0
    assert capsys.readouterr().out == 'admins.slack_users = ["UADMIN"]\n'
    assert main([*argv, "show", "defaults.timezone"]) == 0
    assert capsys.readouterr().out == 'defaults.timezone = "UTC"\n'
