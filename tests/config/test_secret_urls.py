"""Database passwords with URL delimiters in them (# ? / @ : %) never reach any output or log record."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest

from bot.cli import main
from tests.config.conftest import BASE_TOML

PASSWORD = "Hunter#Tango?Zulu/Xray:Yank%Kilo@Lima"
PIECES = ("Hunter", "Tango", "Zulu", "Xray", "Yank", "Kilo", "Lima")  # each piece between two delimiters


def leaks(text: str) -> list[str]:
    """The forms of PASSWORD (whole, URL-encoded, or any piece of it) found in ``text``."""
    forms = (PASSWORD, quote(PASSWORD, safe=""), quote_plus(PASSWORD), quote(PASSWORD), *PIECES)
    return [form for form in forms if form in text]


# How people write such a password into a URL: encoded as they should, or pasted as it is.
URLS = {
    "encoded": f"postgresql+psycopg://news:{quote(PASSWORD, safe='')}@127.0.0.1:1/newsbrief",
    "as-is": f"postgresql+psycopg://news:{PASSWORD}@127.0.0.1:1/newsbrief",
    "as-is, no @": f"postgresql+psycopg://news:{PASSWORD.replace('@', '')}@127.0.0.1:1/newsbrief",
    "mysql": f"mysql://news:{quote(PASSWORD, safe='')}@db.example/nb",
    "query": f"postgresql+psycopg://news@127.0.0.1:1/newsbrief?password={quote(PASSWORD, safe='')}",
}
SHOWABLE = [kind for kind in URLS if kind != "mysql"]  # a mysql URL is refused by validation (test_database_url)


def config_with(tmp_path: Path, url: str) -> Path:
    path = tmp_path / "newsbrief.toml"
    escaped = url.replace("\\", "\\\\").replace('"', '\\"')
    path.write_text(BASE_TOML.replace("postgresql://news:hunter2@db.internal/newsbrief", escaped), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def every_log_record(caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> pytest.LogCaptureFixture:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    caplog.set_level(logging.DEBUG)
    return caplog


def logged(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(f"{r.getMessage()}\n{r.exc_text or ''}" for r in caplog.records)


@pytest.mark.parametrize("kind", SHOWABLE)
def test_config_show_masks_the_password(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    path = config_with(tmp_path, URLS[kind])
    for key in ((), ("bot",), ("bot.database_url",)):
        assert main(["config", "--config", str(path), "show", *key]) == 0
        out, err = capsys.readouterr()
        assert "database_url" in out and ("127.0.0.1" in out or "db.example" in out)
        assert leaks(out + err) == [], (kind, key, out)
    assert leaks(logged(caplog)) == []


@pytest.mark.parametrize("kind", SHOWABLE)
def test_the_database_error_masks_the_password(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    path = config_with(tmp_path, URLS[kind])
    assert main(["sources", "--config", str(path)]) == 1
    out, err = capsys.readouterr()
    assert err.startswith("newsbrief: Cannot use the database ") and "***" in err
    assert leaks(out + err) == [], (kind, err)
    assert leaks(logged(caplog)) == []


def test_the_environment_variable_is_masked_too(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv("DATABASE_URL", URLS["as-is"])
    assert main(["sources", "--config", str(config_with(tmp_path, "sqlite:///unused.db"))]) == 1
    _, err = capsys.readouterr()
    assert "Cannot use the database postgresql+psycopg://***@127.0.0.1:1/newsbrief" in err
    assert leaks(err + logged(caplog)) == []


def test_setting_the_url_shows_and_audits_it_masked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = config_with(tmp_path, "sqlite:///newsbrief.db")
    assert main(["config", "--config", str(path), "set", "bot.database_url", URLS["encoded"]]) == 0
    out, err = capsys.readouterr()
    assert "bot.database_url: sqlite:///newsbrief.db → postgresql+psycopg://news:***@127.0.0.1:1/newsbrief" in out
    audit = "\n".join(p.read_text("utf-8") for p in tmp_path.rglob("*.jsonl"))
    assert audit and leaks(out + err + audit) == []


def test_a_feed_url_with_a_user_and_password_is_masked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = config_with(tmp_path, "sqlite:///newsbrief.db")
    text = path.read_text("utf-8").replace(
        "https://samnytt.news/feed/", f"https://reader:{PIECES[0]}@samnytt.news/feed/"
    )
    path.write_text(text, encoding="utf-8")
    assert main(["config", "--config", str(path), "show", "sources"]) == 0
    out, _ = capsys.readouterr()
    assert "https://***@samnytt.news/feed/" in out and leaks(out) == []
