"""SIGKILL between claiming a story update and recording it, then restart: the update is never posted twice."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from bot.config.model import NewsbriefConfig, effective_settings
from bot.digest import run_digest
from bot.storage import Database
from bot.storage.database import utcnow
from bot.storage.schema import story_updates
from tests.scheduler.test_crash import ROOT, finish, kill, wait_for
from tests.threads.file_publisher import FileThreadPublisher
from tests.threads.helpers import ingest
from tests.threads.stories import coast_joins, first_reports

CONFIG = {
    "defaults": {"threads": True},
    "channels": [{"platform": "slack", "channel_id": "C1", "schedule": "0 8 * * *"}],
}


def updates(out: Path) -> list[str]:
    return [line for line in out.read_text().splitlines() if "\tupdate " in line] if out.exists() else []


async def test_killed_after_claiming_an_update_then_restarted_posts_it_once(
    db: Database, db_url: str, tmp_path: Path
) -> None:
    config = NewsbriefConfig.model_validate(CONFIG)
    out = tmp_path / "posted.tsv"
    assert ingest(db, first_reports())
    slot = utcnow().replace(minute=0, second=0, microsecond=0)
    outcome = await run_digest(
        db, FileThreadPublisher(out), "slack", "C1", effective_settings(config, "slack", "C1"), slot
    )
    assert outcome.status == "posted"
    assert ingest(db, coast_joins())

    proc = child_follow(db_url, out, hang=60)
    wait_for(lambda: len(updates(out)) == 1 or proc.poll() is not None)
    kill(proc)  # the update went out; the process died before recording it

    again = finish(child_follow(db_url, out, hang=0))
    assert again.split() == ["0", "0"]  # nothing left to claim: the killed run's claim stands
    [line] = updates(out)
    assert "Coastline Wire now reports it" in line
    with db.read() as conn:
        assert [r.status for r in conn.execute(select(story_updates))] == ["pending"]  # shown unknown once stale


def child_follow(db_url: str, out: Path, hang: float) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("DATABASE_URL", None)
    args = [db_url, json.dumps(CONFIG), str(out), str(hang)]
    return subprocess.Popen(
        [sys.executable, "-m", "tests.threads.crash_child", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
