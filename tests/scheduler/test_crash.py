"""SIGKILL the bot mid-ingest and mid-post, restart it: nothing lost, nothing posted twice, database intact."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from bot.storage.database import utcnow
from bot.storage.schema import articles, feed_state, posts, stories
from tests.feeds.loopback import FeedServer, static
from tests.feeds.synthetic import feed_xml

ROOT = Path(__file__).resolve().parents[2]
FEEDS, ITEMS, EVENTS = 8, 25, 30


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        for n in range(FEEDS):
            srv.routes[f"/outlet{n}/feed"] = static(feed_xml(n, ITEMS, EVENTS, srv.base))
        yield srv


def config_json(server: FeedServer) -> str:
    sources = [
        {"name": f"outlet{n}", "outlet": f"Outlet {n}", "feed": server.url(f"/outlet{n}/feed")} for n in range(FEEDS)
    ]
    channel = {"platform": "discord", "channel_id": "100", "schedule": "0 8 * * *", "max_stories": 5}
    return json.dumps({"bot": {"allow_private_sources": True}, "sources": sources, "channels": [channel]})


def child(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("DATABASE_URL", None)
    return subprocess.Popen(
        [sys.executable, "-m", "tests.scheduler.crash_child", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(proc: subprocess.Popen[str]) -> str:
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    return out


def kill(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def scalar(url: str, query) -> int:  # noqa: ANN001
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(query).scalar_one())
    finally:
        engine.dispose()


def check_intact(url: str) -> None:
    if url.startswith("sqlite"):
        engine = create_engine(url)
        try:
            with engine.connect() as conn:
                assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        finally:
            engine.dispose()


def wait_for(predicate, timeout: float = 60) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def count(url: str, table) -> int:  # noqa: ANN001
    try:
        return scalar(url, select(func.count()).select_from(table))
    except Exception:  # the schema may not exist yet while the child starts
        return 0


def test_killed_mid_ingest_then_restarted_loses_nothing(server: FeedServer, db_url: str) -> None:
    cfg = config_json(server)
    proc = child("ingest", db_url, cfg)
    wait_for(lambda: count(db_url, articles) > 0 or proc.poll() is not None)
    kill_time_articles = count(db_url, articles)
    if proc.poll() is None:
        kill(proc)
    check_intact(db_url)
    finish(child("ingest", db_url, cfg))

    expected = FEEDS * ITEMS
    assert kill_time_articles < expected or count(db_url, stories) == 0  # the kill landed mid-ingest
    assert count(db_url, articles) == expected
    assert scalar(db_url, select(func.count(func.distinct(articles.c.url)))) == expected
    assert count(db_url, stories) > 0
    assert scalar(db_url, select(func.count()).where(feed_state.c.last_ok_at.is_not(None))) == FEEDS
    check_intact(db_url)


def test_killed_mid_post_then_restarted_posts_nothing_twice(server: FeedServer, db_url: str, tmp_path: Path) -> None:
    cfg = config_json(server)
    finish(child("ingest", db_url, cfg))
    out = tmp_path / "posted.tsv"
    slot = utcnow().replace(minute=0, second=0, microsecond=0)

    proc = child("post", db_url, cfg, str(out), slot.isoformat(), "60")
    wait_for(lambda: out.exists() and out.read_text().count("\n") == 5)
    kill(proc)  # the message went out; the process died before recording the outcome
    check_intact(db_url)

    again = finish(child("post", db_url, cfg, str(out), slot.isoformat(), "0"))
    later = finish(child("post", db_url, cfg, str(out), (slot + timedelta(hours=1)).isoformat(), "0"))
    lines = out.read_text().splitlines()
    assert again.split() == ["skipped", "0"]  # the same slot does not fire again
    assert later.split()[0] in ("posted", "empty")
    assert len(lines) == len(set(lines)) >= 5  # no story twice
    offered = posts.c.status != "passed"  # leave out the stories the digests ranked below max_stories
    posted_keys = scalar(db_url, select(func.count(func.distinct(posts.c.story_key))).where(offered))
    assert posted_keys == scalar(db_url, select(func.count()).select_from(posts).where(offered)) == len(lines)
    check_intact(db_url)
