"""`newsbrief deliveries` and `/newsbrief-config deliveries`: why each digest did or did not post."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from bot.cli import main
from bot.config.admin import AdminActor, run_config_command
from bot.config.model import effective_settings
from bot.config.store import ConfigStore
from bot.deliveries import channel_lines
from bot.digest import run_digest
from bot.service import DeliveryUnknown
from bot.storage import Database, open_database
from tests.publishers import RecordingPublisher

SLOT = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


class Refusing:
    async def post(self, target: str, doc: dict[str, Any]) -> None:
        raise RuntimeError("not_in_channel")


class NeverConfirmed:
    async def post(self, target: str, doc: dict[str, Any]) -> None:
        raise DeliveryUnknown("timed out after sending")


@pytest.fixture
def config_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    channels = [
        {"platform": "slack", "channel_id": "C1", "workspace": "T1", "schedule": "0 8 * * *", "post_when_quiet": True},
        {"platform": "slack", "channel_id": "C2", "workspace": "T2", "schedule": "0 8 * * *"},
    ]
    data = {"bot": {"database_url": f"sqlite:///{tmp_path / 'nb.db'}"}, "channels": channels}
    path = tmp_path / "newsbrief.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
async def db(config_path: Path) -> AsyncIterator[Database]:
    """Four recorded runs: C1 posted its quiet notice, was refused, was never confirmed; C2 had nothing."""
    store = ConfigStore(config_path)
    database = open_database(store.config.bot.database_url)
    c1 = effective_settings(store.config, "slack", "C1")
    for hours, publisher in enumerate((RecordingPublisher(), Refusing(), NeverConfirmed())):
        await run_digest(database, publisher, "slack", "C1", c1, SLOT + timedelta(hours=hours))
    c2 = effective_settings(store.config, "slack", "C2")
    await run_digest(database, RecordingPublisher(), "slack", "C2", c2, SLOT)
    yield database
    database.dispose()


async def test_the_cli_lists_each_run_with_its_status_and_reason(
    db: Database, config_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["deliveries", "--config", str(config_path), "--channel", "slack:C1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(" UTC ")[1].split(" — ")[0] for line in lines] == ["unknown", "failed", "posted"]
    assert "never confirmed the post" in lines[0] and "refused the message" in lines[1]
    assert "“No new stories.” notice was posted" in lines[2]
    assert main(["deliveries", "--config", str(config_path), "--limit", "1"]) == 0
    (only,) = capsys.readouterr().out.splitlines()
    assert " UTC slack:C" in only
    assert main(["deliveries", "--config", str(config_path), "--channel", "C1"]) == 2
    assert "is not PLATFORM:ID" in capsys.readouterr().err


async def test_chat_admins_see_their_own_channels_only(db: Database, config_path: Path) -> None:
    store = ConfigStore(config_path)

    def ask(actor: AdminActor, text: str) -> Any:
        history = lambda channel: channel_lines(db, channel)  # noqa: E731
        return run_config_command(
            store, actor, text, platform="slack", channel_id="C2", workspace="T2", history=history
        )

    member = AdminActor("slack", "U1", "member", False)
    assert ask(member, "deliveries").ok is False
    admin_t2 = AdminActor("slack", "U2", "t2 admin", True)
    here = ask(admin_t2, "deliveries")
    assert here.ok and here.title == "Recent digests in slack:C2" and "empty — no new stories" in here.lines[0]
    assert ask(admin_t2, "deliveries slack:C1").title == "Not allowed"  # another workspace's channel
    assert ask(admin_t2, "deliveries C1").title == "Not understood"
    bot_admin = AdminActor("console", "op", "operator", True)
    assert len(ask(bot_admin, "deliveries slack:C1").lines) == 3
