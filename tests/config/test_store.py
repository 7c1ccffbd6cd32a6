"""ConfigStore: validated, atomic, audited changes; subscriptions; hand edits while running."""

from __future__ import annotations

import asyncio
import logging
import threading
from pathlib import Path

import pytest

from bot.config.audit import read_audit
from bot.config.errors import ConfigError
from bot.config.model import NewsbriefConfig
from bot.config.store import ConfigStore
from bot.config.validate import load_config
from tests.config.conftest import BASE_TOML


def test_set_saves_validated_value_and_audits(store: ConfigStore, config_path: Path) -> None:
    change = store.set("defaults.max_stories", "3", actor="cli:ann")
    assert (change.old, change.new) == (5, 3)
    assert load_config(config_path).defaults.max_stories == 3
    assert store.config.defaults.max_stories == 3
    [record] = read_audit(config_path.parent / "audit.log.jsonl")
    assert record["actor"] == "cli:ann"
    assert (record["action"], record["key"], record["old"], record["new"]) == ("set", "defaults.max_stories", 5, 3)
    assert record["at"].endswith("+00:00")


def test_change_survives_a_restart(store: ConfigStore, config_path: Path) -> None:
    store.set("channels.discord:100.schedule", "30 6 * * mon-fri", actor="t")
    store.set("workspaces.T9.algorithm", "lsa", actor="t")
    restarted = ConfigStore(config_path).load()
    assert restarted.channel("discord", "100").schedule == "30 6 * * mon-fri"  # type: ignore[union-attr]
    assert restarted.workspaces["T9"].algorithm == "lsa"


def test_values_are_typed_by_field(store: ConfigStore) -> None:
    store.set("channels.discord:100.include_topics", "election, chile", actor="t")
    store.set("defaults.post_when_quiet", "true", actor="t")
    store.set("sources.samnytt.outlet", "2024", actor="t")  # a text field keeps digits as text
    channel = store.config.channel("discord", "100")
    assert channel is not None and channel.include_topics == ["election", "chile"]
    assert store.config.defaults.post_when_quiet is True
    assert store.config.sources[0].outlet == "2024"


@pytest.mark.parametrize(
    ("key", "value", "fragment"),
    [
        ("channels.discord:100.schedule", "0 25 * * *", "maximum value (23)"),
        ("defaults.timezone", "Mars/Olympus", "unknown timezone"),
        ("sources.samnytt.feed", "samnytt.news/feed", "not an http(s) URL"),
        ("defaults.max_stories", "-2", "greater than or equal to 1"),
        ("defaults.max_storys", "2", "unknown key"),
        ("channels.discord:999.schedule", "0 8 * * *", "no channel 'discord:999'"),
        ("nonsense", "1", "not a settable key"),
    ],
)
def test_invalid_change_is_rejected_and_nothing_changes(
    store: ConfigStore, config_path: Path, key: str, value: str, fragment: str
) -> None:
    before = config_path.read_bytes()
    with pytest.raises(ConfigError) as caught:
        store.set(key, value, actor="t")
    assert caught.value.issues[0].key == key
    assert fragment in caught.value.issues[0].message
    assert config_path.read_bytes() == before
    assert not (config_path.parent / "audit.log.jsonl").exists()
    assert sorted(p.name for p in config_path.parent.iterdir()) == [
        ".newsbrief.toml.lock",
        config_path.name,
    ]  # no temp files


def test_unset_falls_back_to_wider_scope(store: ConfigStore) -> None:
    store.unset("workspaces.G1.max_stories", actor="t")
    assert store.config.workspaces["G1"].max_stories is None
    with pytest.raises(ConfigError, match="is not set"):
        store.unset("workspaces.G1.max_stories", actor="t")


def test_add_and_remove_source(store: ConfigStore, config_path: Path) -> None:
    store.add_source({"name": "eir", "outlet": "EIR News", "page": "https://eir.news/", "bias": None}, actor="t")
    assert load_config(config_path).source("eir") is not None
    with pytest.raises(ConfigError, match="exists"):
        store.add_source({"name": "eir", "outlet": "Again", "page": "https://eir.news/"}, actor="t")
    with pytest.raises(ConfigError) as caught:
        store.add_source({"name": "bad", "outlet": "Bad", "feed": "nope"}, actor="t")
    assert caught.value.issues[0].key == "sources.bad.feed"
    removed = store.remove_source("eir", actor="t")
    assert removed.old["outlet"] == "EIR News" and removed.new is None
    with pytest.raises(ConfigError, match="no source 'eir'"):
        store.remove_source("eir", actor="t")
    assert [r["action"] for r in read_audit(store.audit_path)] == ["add-source", "remove-source"]


def test_schedule_upserts_a_channel(store: ConfigStore) -> None:
    store.set_schedule("slack", "C7", "0 9 * * *", "Europe/Oslo", workspace="T1", actor="t")
    created = store.config.channel("slack", "C7")
    assert created is not None and (created.schedule, created.timezone, created.workspace) == (
        "0 9 * * *",
        "Europe/Oslo",
        "T1",
    )
    change = store.set_schedule("discord", "100", "15 7 * * *", actor="t")
    assert change.old == {"schedule": "0 8 * * *", "timezone": "Europe/Stockholm"}
    assert store.config.channel("discord", "100").timezone == "Europe/Stockholm"  # type: ignore[union-attr]


def test_audit_masks_secrets(store: ConfigStore) -> None:
    store.set("bot.database_url", "postgresql://news:n3wpass@db/newsbrief", actor="t")
    text = store.audit_path.read_text(encoding="utf-8")
    assert "hunter2" not in text and "n3wpass" not in text
    assert "***@db/newsbrief" in text


def test_audit_log_path_is_configurable(config_path: Path, tmp_path: Path) -> None:
    custom = tmp_path / "logs" / "changes.jsonl"
    ConfigStore(config_path, audit_log=custom).set("defaults.max_stories", "4", actor="t")
    assert len(read_audit(custom)) == 1


def test_subscribers_get_each_saved_config_until_they_unsubscribe(store: ConfigStore) -> None:
    seen: list[int] = []
    unsubscribe = store.subscribe(lambda config: seen.append(config.defaults.max_stories))
    store.set("defaults.max_stories", "2", actor="t")
    with pytest.raises(ConfigError):
        store.set("defaults.max_stories", "0", actor="t")
    unsubscribe()
    store.set("defaults.max_stories", "4", actor="t")
    assert seen == [2]


def test_a_failing_subscriber_does_not_break_saves(store: ConfigStore, caplog: pytest.LogCaptureFixture) -> None:
    def broken(config: NewsbriefConfig) -> None:
        raise RuntimeError("boom")

    seen: list[NewsbriefConfig] = []
    store.subscribe(broken)
    store.subscribe(seen.append)
    store.set("defaults.max_stories", "2", actor="t")
    assert len(seen) == 1 and "boom" in caplog.text


def test_valid_hand_edit_is_applied_and_announced(store: ConfigStore, config_path: Path) -> None:
    seen: list[NewsbriefConfig] = []
    store.subscribe(seen.append)
    assert store.check_for_changes().status == "unchanged"
    config_path.write_text(config_path.read_text().replace("max_stories = 5", "max_stories = 7"))
    assert store.check_for_changes().status == "applied"
    assert store.config.defaults.max_stories == 7 and len(seen) == 1
    assert store.check_for_changes().status == "unchanged"


def test_hand_edit_with_syntax_error_is_reported_once_and_last_good_kept(store: ConfigStore, config_path: Path) -> None:
    errors: list[ConfigError] = []
    seen: list[NewsbriefConfig] = []
    store.subscribe(seen.append, on_error=errors.append)
    good = store.config
    config_path.write_text(config_path.read_text() + "\n[defaults\nmax_stories = 9\n")
    check = store.check_for_changes()
    assert check.status == "invalid" and check.error is not None
    assert "TOML syntax error" in check.error.issues[0].message and "line" in check.error.issues[0].message
    assert store.check_for_changes().status == "invalid"
    assert store.config is good and seen == [] and len(errors) == 1
    with pytest.raises(ConfigError, match="fix these by hand first"):
        store.set("defaults.max_stories", "2", actor="t")
    config_path.write_text(config_path.read_text().replace("\n[defaults\nmax_stories = 9\n", ""))
    assert store.check_for_changes().status == "unchanged" and store.last_error is None  # edit undone
    config_path.write_text(config_path.read_text().replace("max_stories = 5", "max_stories = 9"))
    assert store.check_for_changes().status == "applied" and store.config.defaults.max_stories == 9


def test_deleted_file_is_reported_and_last_good_kept(store: ConfigStore, config_path: Path) -> None:
    config_path.unlink()
    check = store.check_for_changes()
    assert check.status == "invalid" and store.config.defaults.max_stories == 5


@pytest.mark.parametrize(
    ("truncated", "reason"),
    [
        ("", "the file is empty"),
        ("  \n\t\n", "the file is empty"),
        ("# only a comment survived\n", "the file is empty"),
        ('[bot]\ndatabase_url = "sqlite:///x.db"\n', "removes every source (1) and every channel (1)"),
    ],
)
def test_file_truncated_while_running_keeps_the_last_good_config_and_says_so(
    store: ConfigStore, config_path: Path, caplog: pytest.LogCaptureFixture, truncated: str, reason: str
) -> None:
    errors: list[ConfigError] = []
    seen: list[NewsbriefConfig] = []
    store.subscribe(seen.append, on_error=errors.append)
    good = store.config
    config_path.write_text(truncated)
    with caplog.at_level(logging.ERROR, logger="bot.config.store"):
        check = store.check_for_changes()
    assert check.status == "invalid" and check.error is not None
    assert reason in check.error.user_message and "looks truncated" in check.error.user_message
    assert store.config is good and seen == [] and len(errors) == 1
    assert [s.name for s in store.config.sources] == ["samnytt"] and store.config.admins.slack_users == ["UADMIN"]
    [logged] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert "keeping the last good config" in logged.getMessage() and reason in logged.getMessage()
    assert store.check_for_changes().status == "invalid" and len(errors) == 1  # reported once
    config_path.write_text(BASE_TOML)
    assert store.check_for_changes().status == "unchanged" and store.last_error is None


def test_a_change_while_the_file_is_empty_is_refused_and_does_not_save_over_it(
    store: ConfigStore, config_path: Path
) -> None:
    assert store.config.sources
    config_path.write_bytes(b"")
    with pytest.raises(ConfigError, match="the file is empty"):
        store.set("defaults.max_stories", "2", actor="slack:UADMIN")
    assert config_path.read_bytes() == b""  # not replaced by a config holding only max_stories


def test_removing_some_sources_or_channels_by_hand_is_still_applied(store: ConfigStore, config_path: Path) -> None:
    without_source = BASE_TOML.split("[[sources]]")[0] + "[[channels]]" + BASE_TOML.split("[[channels]]")[1]
    config_path.write_text(without_source)
    assert store.check_for_changes().status == "applied"
    assert store.config.sources == [] and len(store.config.channels) == 1


def test_watch_applies_edits_and_survives_bad_ones(store: ConfigStore, config_path: Path) -> None:
    seen: list[int] = []
    store.subscribe(lambda config: seen.append(config.defaults.max_stories))

    async def scenario() -> None:
        watcher = asyncio.create_task(store.watch(interval=0.01))
        config_path.write_text("this is = = not toml")
        await asyncio.sleep(0.05)
        config_path.write_text(BASE_TOML.replace("max_stories = 5", "max_stories = 2"))
        for _ in range(200):
            if seen:
                break
            await asyncio.sleep(0.01)
        assert not watcher.done()
        watcher.cancel()
        with pytest.raises(asyncio.CancelledError):
            await watcher

    asyncio.run(scenario())
    assert seen == [2]


def test_concurrent_edits_from_two_threads_keep_both(config_path: Path) -> None:
    first, second = ConfigStore(config_path), ConfigStore(config_path)
    start = threading.Barrier(2)
    failures: list[BaseException] = []

    def edit(store: ConfigStore, platform: str, channel: str) -> None:
        try:
            start.wait()
            for minute in range(15):
                store.set_schedule(platform, channel, f"{minute} 8 * * *", actor=channel)
                store.add_source(
                    {"name": f"{channel}-{minute}", "outlet": "X", "feed": "https://x.example/"}, actor=channel
                )
        except BaseException as exc:  # surfaced by the assert below
            failures.append(exc)

    threads = [
        threading.Thread(target=edit, args=(first, "discord", "a")),
        threading.Thread(target=edit, args=(second, "slack", "b")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    final = load_config(config_path)
    assert final.channel("discord", "a").schedule == "14 8 * * *"  # type: ignore[union-attr]
    assert final.channel("slack", "b").schedule == "14 8 * * *"  # type: ignore[union-attr]
    assert len(final.sources) == 1 + 30
    assert len(read_audit(config_path.parent / "audit.log.jsonl")) == 60


def test_saved_file_is_readable_toml_that_round_trips(store: ConfigStore, config_path: Path) -> None:
    import tomllib

    before = tomllib.loads(config_path.read_text(encoding="utf-8"))
    store.set("defaults.max_stories", "5", actor="t")  # same value: only the layout changes
    text = config_path.read_text(encoding="utf-8")
    assert tomllib.loads(text) == before
    assert '[[sources]]\nname = "samnytt"' in text and '[[channels]]\nplatform = "discord"' in text
    assert text.index("[bot]") < text.index("[defaults]") < text.index("[[sources]]") < text.index("[admins]")
