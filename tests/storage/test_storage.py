"""Storage on SQLite and PostgreSQL: migrations, article dedupe, run claims, post records."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError

from bot.storage import Database, resolve_database_url
from bot.storage.articles import count_articles, insert_articles, known_urls, normalize_url, recent_articles
from bot.storage.database import utcnow
from bot.storage.posts import (
    PostedState,
    add_pending,
    claim_run,
    fail_run,
    finish_run,
    last_digest_at,
    posted_state,
    recover_interrupted,
)
from bot.storage.schema import digest_runs, posts
from summarizer.readers import make_article

BODY = (
    "The harbour authority said on Tuesday that the new breakwater will be finished in March, two months later "
    "than planned, because storms in the autumn damaged the temporary jetty used by the construction crews."
)


def article(url: str, text: str = BODY, outlet: str = "Harbor Gazette"):
    return make_article(outlet=outlet, text=text, source="test", title="Breakwater delayed", url=url)


def test_migrations_create_every_table_and_can_run_again(db: Database) -> None:
    db.migrate()  # a second start-up is a no-op
    tables = set(inspect(db.engine).get_table_names())
    assert {"articles", "stories", "posts", "digest_runs", "feed_state", "alembic_version"} <= tables


def test_an_article_is_stored_once_by_url_and_by_identical_text(db: Database) -> None:
    now = utcnow()
    with db.transaction() as conn:
        assert insert_articles(conn, "harbor", [article("https://harbor.test/breakwater")], now) == 1
    with db.transaction() as conn:
        # the same page with tracking parameters and a fragment, then the same text at another URL
        again = article("https://HARBOR.test/breakwater/?utm_source=rss#top")
        assert insert_articles(conn, "harbor", [again], now) == 0
        assert insert_articles(conn, "harbor", [article("https://harbor.test/other-path")], now) == 0
        assert known_urls(conn, ["https://harbor.test/breakwater?utm_medium=x", "https://harbor.test/new"]) == {
            "https://harbor.test/breakwater?utm_medium=x"
        }
        assert count_articles(conn) == 1
        assert [a.outlet for a in recent_articles(conn, now - timedelta(hours=1))] == ["Harbor Gazette"]


def test_normalize_url_keeps_meaningful_query_parameters() -> None:
    assert normalize_url("https://a.test/x?id=3&utm_campaign=z#frag") == "https://a.test/x?id=3"


def test_a_digest_slot_is_claimed_once(db: Database) -> None:
    slot, now = utcnow().replace(second=0, microsecond=0), utcnow()
    with db.transaction() as conn:
        first = claim_run(conn, "discord", "42", slot, now)
    with db.transaction() as conn:
        assert claim_run(conn, "discord", "42", slot, now) is None
        assert claim_run(conn, "slack", "42", slot, now) is not None
    assert first is not None


def test_the_database_refuses_the_same_story_twice_for_one_channel(db: Database) -> None:
    now = utcnow()
    with db.transaction() as conn:
        run = claim_run(conn, "discord", "42", now, now)
        assert run is not None
        add_pending(conn, run, "discord", "42", [("a-1", ["a-1", "a-2"])], now)
    with pytest.raises(IntegrityError), db.transaction() as conn:
        run2 = claim_run(conn, "discord", "42", now + timedelta(hours=1), now)
        assert run2 is not None
        add_pending(conn, run2, "discord", "42", [("a-1", ["a-1"])], now)
    with db.transaction() as conn:  # the failed transaction left nothing behind
        assert conn.execute(select(digest_runs)).all().__len__() == 1


def test_posted_state_survives_reclustering_by_majority_of_articles(db: Database) -> None:
    now = utcnow()
    with db.transaction() as conn:
        run = claim_run(conn, "slack", "C1", now, now)
        assert run is not None
        add_pending(conn, run, "slack", "C1", [("a-1", ["a-1", "a-2", "a-3"])], now)
        finish_run(conn, run, "sent", now)
        state = posted_state(conn, "slack", "C1")
        assert last_digest_at(conn, "slack", "C1") is not None
    assert state.covers("a-1", ["a-1"])
    assert state.covers("a-2", ["a-2", "a-3", "a-9"])  # earliest article changed, most articles were posted
    assert not state.covers("a-7", ["a-7", "a-8", "a-3"])
    assert not PostedState(frozenset(), frozenset()).covers("a-1", [])


def test_a_failed_publish_releases_its_stories_and_a_crashed_one_keeps_them(db: Database) -> None:
    now = utcnow()
    with db.transaction() as conn:
        failed = claim_run(conn, "discord", "7", now - timedelta(hours=2), now - timedelta(hours=2))
        crashed = claim_run(conn, "discord", "7", now - timedelta(hours=1), now - timedelta(hours=1))
        assert failed is not None and crashed is not None
        add_pending(conn, failed, "discord", "7", [("a-1", ["a-1"])], now)
        add_pending(conn, crashed, "discord", "7", [("a-2", ["a-2"])], now)
        fail_run(conn, failed, now)
    with db.transaction() as conn:
        assert recover_interrupted(conn, now) == 1
        state = posted_state(conn, "discord", "7")
        statuses = {r.story_key: r.status for r in conn.execute(select(posts))}
    assert state.keys == {"a-2"}  # at-most-once: the interrupted post is never re-sent
    assert statuses == {"a-2": "unknown"}


def test_database_url_comes_from_the_environment_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@127.0.0.1:5433/nb")
    assert resolve_database_url("sqlite:///x.db") == "postgresql+psycopg://u:p@127.0.0.1:5433/nb"
    monkeypatch.delenv("DATABASE_URL")
    assert resolve_database_url("sqlite:///x.db") == "sqlite:///x.db"
    assert resolve_database_url(None) == "sqlite:///newsbrief.db"
