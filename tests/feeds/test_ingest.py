"""An ingest pass over the loopback feeds: what `newsbrief ingest` and `newsbrief sources` show."""

from __future__ import annotations

import argparse
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config.model import NewsbriefConfig
from bot.feeds import cli
from bot.feeds.fetch import FetchPolicy
from bot.feeds.ingest import ingest_once
from bot.storage import Database
from bot.storage.articles import count_articles, recent_articles
from bot.storage.database import utcnow
from bot.storage.stories import current_stories
from tests.feeds.loopback import FIXTURES, FeedServer, dynamic, huge, status, truncated

FAST = FetchPolicy(connect_timeout=1, read_timeout=1, deadline=3, attempts=2, backoff=0.01)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        srv.serve_fixtures()
        yield srv


def make_config(server: FeedServer, *extra: tuple[str, str], db_url: str = "sqlite:///unused.db") -> NewsbriefConfig:
    sources = [
        {"name": "harbor", "outlet": "Harbor Gazette", "feed": server.url("/harbor/feed.rss")},
        {"name": "valley", "outlet": "Valley Ledger", "feed": server.url("/valley/feed.atom")},
        {"name": "coast", "outlet": "Coastline Wire", "feed": server.url("/coast/feed.rss")},
    ] + [{"name": name, "outlet": name.title(), "feed": server.url(path)} for name, path in extra]
    return NewsbriefConfig.model_validate(
        {
            "bot": {"database_url": db_url, "allow_private_sources": True},
            "sources": sources,
            "channels": [{"platform": "console", "channel_id": "news", "schedule": "0 8 * * *"}],
        }
    )


def titles(db: Database) -> list[str]:
    with db.transaction() as conn:
        return [s.story.title for s in current_stories(conn)]


async def test_broken_sources_are_recorded_and_the_others_still_ingest(server: FeedServer, db: Database) -> None:
    server.routes["/down/feed"] = status(500)
    server.routes["/cut/feed"] = truncated((FIXTURES / "harbor-gazette.rss").read_bytes())
    server.routes["/huge/feed"] = huge(20, declare=False)
    config = make_config(
        server, ("broken", "/broken/feed.xml"), ("down", "/down/feed"), ("cut", "/cut/feed"), ("huge", "/huge/feed")
    )
    report = await ingest_once(config, db, policy=FAST)

    assert (report.feeds_ok, report.feeds_failed, report.new_articles) == (3, 4, 9)
    assert report.errors == {
        "broken": "not valid RSS/Atom XML (line 3)",
        "down": "HTTP 500 Internal Server Error (after 2 attempts)",
        "cut": "connection closed mid-answer (truncated) (after 2 attempts)",
        "huge": "larger than the 5 MB limit",
    }
    # the three outlets' versions of the same events became stories with three outlets each
    with db.transaction() as conn:
        by_outlets = {s.story.title: s.outlets for s in current_stories(conn)}
    assert sorted(by_outlets.values(), reverse=True)[:2] == [3, 3]
    assert report.new_stories == report.stories == len(by_outlets)


async def test_summary_only_items_get_their_text_from_the_article_page(server: FeedServer, db: Database) -> None:
    await ingest_once(make_config(server), db, policy=FAST)
    with db.transaction() as conn:
        coast = {
            a.title: a.text for a in recent_articles(conn, utcnow().replace(year=2000)) if a.outlet == "Coastline Wire"
        }
    assert "Tomas Okafor called it a model for other ports." in coast["Port strike over as dock workers back deal"]
    assert "Copyright" not in coast["Council says yes to Sable River bridge"]  # page chrome left out
    assert server.hits["/coast/stories/port-deal"] == 1


async def test_the_second_pass_is_conditional_and_adds_nothing(server: FeedServer, db: Database) -> None:
    config = make_config(server)
    await ingest_once(config, db, policy=FAST)
    before = titles(db)
    again = await ingest_once(config, db, policy=FAST)
    assert (again.not_modified, again.new_articles, again.new_stories) == (3, 0, 0)
    assert titles(db) == before
    assert server.hits["/coast/stories/port-deal"] == 1  # known articles are not fetched again


async def test_a_feed_that_changes_guids_and_links_every_fetch_adds_no_repeats(
    server: FeedServer, db: Database
) -> None:
    template = (FIXTURES / "harbor-gazette.rss").read_text("utf-8")

    def render(n: int) -> bytes:
        text = template.replace("<guid>harbor-", f"<guid>fetch{n}-harbor-").replace("/news/", f"/news/{n}/")
        return server.localize(text)

    server.routes["/rotating/feed"] = dynamic(render)
    config = NewsbriefConfig.model_validate(
        {
            "bot": {"allow_private_sources": True},
            "sources": [{"name": "rotating", "outlet": "Harbor Gazette", "feed": server.url("/rotating/feed")}],
        }
    )
    first = await ingest_once(config, db, policy=FAST)
    second = await ingest_once(config, db, policy=FAST)
    with db.transaction() as conn:
        stored = count_articles(conn)
    assert (first.new_articles, second.new_articles, stored) == (3, 0, 3)


async def test_a_source_that_recovers_keeps_its_history(server: FeedServer, db: Database, tmp_path: Path) -> None:
    server.routes["/flaky/feed"] = status(503)
    config = make_config(server, ("flaky", "/flaky/feed"))
    await ingest_once(config, db, policy=FAST)
    server.routes["/flaky/feed"] = server.routes["/harbor/feed.rss"]
    await ingest_once(config, db, policy=FAST)
    server.routes["/flaky/feed"] = status(404)
    await ingest_once(config, db, policy=FAST)
    rows = {r.name: r for r in cli.source_rows(config, db)}
    assert rows["flaky"].last_error is not None and rows["flaky"].last_error.startswith("HTTP 404 Not Found (")
    assert rows["flaky"].last_ok is not None
    assert rows["harbor"].last_error is None and rows["harbor"].articles == 3


def test_the_ingest_digest_and_sources_commands(server: FeedServer, db_url: str, tmp_path: Path) -> None:
    toml = tmp_path / "newsbrief.toml"
    toml.write_text(
        f'[bot]\ndatabase_url = "{db_url}"\nallow_private_sources = true\n'
        + "".join(
            f'[[sources]]\nname = "{n}"\noutlet = "{o}"\nfeed = "{server.url(p)}"\n'
            for n, o, p in [
                ("harbor", "Harbor Gazette", "/harbor/feed.rss"),
                ("valley", "Valley Ledger", "/valley/feed.atom"),
                ("broken", "Broken Feed", "/broken/feed.xml"),
            ]
        )
        + '[[channels]]\nplatform = "slack"\nchannel_id = "C1"\nschedule = "0 8 * * *"\nmax_stories = 1\n'
    )
    parser = argparse.ArgumentParser()
    cli.add_parsers(parser.add_subparsers(dest="command"))

    def run(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = cli.run(parser.parse_args([*argv, "--config", str(toml)]), out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    code, out, _ = run("ingest")
    assert code == 0
    assert out.splitlines()[:3] == [
        "Feeds: 2 ok (0 unchanged), 1 failed",
        "New articles: 6",
        "New stories: 4 (4 in the last 48 hours)",
    ]
    assert "! broken: not valid RSS/Atom XML (line 3)" in out
    code, out, _ = run("sources")
    assert code == 0 and "• Broken Feed — " in out and "last error: not valid RSS/Atom XML (line 3)" in out
    code, out, _ = run("digest", "--channel", "slack:C1", "--dry-run")
    # each source is stored as soon as it is read, so either outlet's article may be the story's first
    outlets = [line for line in out.splitlines() if line.startswith("Outlets: ")]
    assert code == 0 and outlets in (
        ["Outlets: Harbor Gazette, Valley Ledger"],
        ["Outlets: Valley Ledger, Harbor Gazette"],
    )
    assert "Framing: " in out and f"• Valley Ledger: {server.url('/valley/')}" in out
    code, _, err = run("digest", "--channel", "C1", "--dry-run")
    assert code == 2 and "PLATFORM:ID" in err
