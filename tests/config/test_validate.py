"""Each class of bad value is rejected with its key, its value and a fix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.config.errors import ConfigError, ConfigIssue
from bot.config.validate import load_config, validate_config

CHANNEL = {"platform": "slack", "channel_id": "C1", "schedule": "0 8 * * *"}
SOURCE = {"name": "foo", "outlet": "Foo", "feed": "https://foo.example/feed"}


def issues(data: dict[str, Any]) -> list[ConfigIssue]:
    with pytest.raises(ConfigError) as caught:
        validate_config(data)
    return caught.value.issues


def only_issue(data: dict[str, Any]) -> ConfigIssue:
    found = issues(data)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("schedule", "message"),
    [
        ("61 8 * * *", "higher than the maximum value (59)"),
        ("0 8 * *", "5 fields, got 4"),
        ("0 8 * * 1-5", "numeric day-of-week"),
        ("every day", "5 fields, got 2"),
    ],
)
def test_bad_cron(schedule: str, message: str) -> None:
    issue = only_issue({"channels": [{**CHANNEL, "schedule": schedule}]})
    assert issue.key == "channels.slack:C1.schedule"
    assert issue.value == schedule
    assert message in issue.message
    assert "0 8 * * " in issue.fix


def test_unknown_timezone_suggests_the_close_one() -> None:
    issue = only_issue({"defaults": {"timezone": "Europe/Stokholm"}})
    assert (issue.key, issue.value) == ("defaults.timezone", "Europe/Stokholm")
    assert "unknown timezone" in issue.message
    assert '"Europe/Stockholm"' in issue.fix


@pytest.mark.parametrize("url", ["ftp://foo.example/feed", "foo.example/feed", "https://", "not a url"])
def test_bad_url(url: str) -> None:
    issue = only_issue({"sources": [{**SOURCE, "feed": url}]})
    assert (issue.key, issue.value) == ("sources.foo.feed", url)
    assert issue.message == "not an http(s) URL"
    assert "https://" in issue.fix


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({"defaults": {"max_stories": -1}}, "defaults.max_stories"),
        ({"workspaces": {"T1": {"brief_sentences": 0}}}, "workspaces.T1.brief_sentences"),
        ({"channels": [{**CHANNEL, "max_stories": -3}]}, "channels.slack:C1.max_stories"),
        ({"bot": {"ingest_interval_minutes": -30}}, "bot.ingest_interval_minutes"),
    ],
)
def test_negative_counts(data: dict[str, Any], key: str) -> None:
    issue = only_issue(data)
    assert issue.key == key
    assert "greater than or equal" in issue.message
    assert "whole number" in issue.fix


def test_unknown_keys_are_named_with_a_suggestion() -> None:
    found = issues({"defaults": {"max_storys": 3}, "chanels": []})
    by_key = {i.key: i for i in found}
    assert set(by_key) == {"defaults.max_storys", "chanels"}
    assert by_key["defaults.max_storys"].message == "unknown key"
    assert "did you mean 'max_stories'" in by_key["defaults.max_storys"].fix
    assert "did you mean 'channels'" in by_key["chanels"].fix


def test_every_issue_is_reported_at_once_and_readable() -> None:
    with pytest.raises(ConfigError) as caught:
        validate_config({"defaults": {"algorithm": "magic", "post_when_quiet": "yes"}, "sources": [{"name": "x"}]})
    message = caught.value.user_message
    assert message.startswith("The configuration has 3 problems:")
    assert "- defaults.algorithm = \"magic\": Input should be 'lexrank'" in message
    assert "defaults.post_when_quiet" in message and "true or false" in message
    assert "sources.x.outlet: required key is missing" in message


def test_source_needs_exactly_one_location_and_a_bias_source() -> None:
    neither = only_issue({"sources": [{"name": "a", "outlet": "A"}]})
    both = only_issue({"sources": [{**SOURCE, "page": "https://foo.example/"}]})
    unsourced = only_issue({"sources": [{**SOURCE, "bias": "left"}]})
    assert (neither.key, both.key) == ("sources.a.feed", "sources.foo.feed")
    assert "exactly one of feed or page" in both.message
    assert unsourced.key == "sources.foo.bias_source"


def test_duplicates_are_rejected() -> None:
    assert only_issue({"sources": [SOURCE, SOURCE]}).value == "foo"
    assert "duplicate channel 'slack:C1'" in only_issue({"channels": [CHANNEL, CHANNEL]}).message


def test_wrong_types_are_not_coerced() -> None:
    issue = only_issue({"defaults": {"max_stories": "3"}})
    assert (issue.key, issue.value) == ("defaults.max_stories", "3")


def test_toml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[defaults]\nmax_stories = 3\ntimezone = "UTC\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert "line 3" in caught.value.issues[0].message
    assert caught.value.issues[0].key == str(path)


def test_missing_file_says_how_to_create_it(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "nope.toml")
    assert "newsbrief.example.toml" in caught.value.issues[0].fix
