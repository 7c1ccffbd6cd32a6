"""``Database.read()``: chat commands read the last commit at once while an ingest holds the write lock."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError

from bot.storage import Database, open_database
from bot.storage.articles import count_articles, insert_articles
from bot.storage.database import utcnow
from bot.storage.stories import replace_stories
from bot.storage.story_source import StoredStories
from summarizer.models import Story
from summarizer.readers import load_articles, make_article
from tests.conftest import SEEDS

HARBOR = (
    "The harbour authority said on Tuesday that the new breakwater will be finished in March, two months later "
    "than planned, because storms in the autumn damaged the temporary jetty used by the construction crews."
)
VALLEY = (
    "Farmers in the upper valley began the grape harvest a week early this year after a dry and unusually warm "
    "summer, and the cooperative expects a smaller crop of very good quality according to its chairwoman."
)


def article(url: str, text: str):
    return make_article(outlet="Harbor Gazette", text=text, source="test", title="A story", url=url)


def test_a_read_does_not_wait_for_a_writer_and_sees_only_committed_data(db: Database, db_url: str) -> None:
    with db.transaction() as conn:
        insert_articles(conn, "harbor", [article("https://harbor.test/1", HARBOR)], utcnow())
    ingest = Database(db_url)  # other processes: their own connections to the same database
    chat = Database(db_url)
    try:
        with ingest.transaction() as writing:  # holds the write lock (BEGIN IMMEDIATE on SQLite) until the end
            insert_articles(writing, "valley", [article("https://valley.test/1", VALLEY)], utcnow())
            start = time.perf_counter()
            with db.read() as conn:  # a connection opened before the ingest began
                seen = count_articles(conn)
            with chat.read() as conn:  # a brand-new connection (its set-up PRAGMAs must not wait either)
                seen_fresh = count_articles(conn)
            waited = time.perf_counter() - start
        with db.read() as conn:
            after_commit = count_articles(conn)
    finally:
        ingest.dispose()
        chat.dispose()
    assert waited < 1.0
    assert seen == seen_fresh == 1  # the ingest's uncommitted article is not visible yet
    assert after_commit == 2


def test_chat_stories_refresh_while_an_ingest_rebuilds_them(
    db: Database, db_url: str, seed_stories: list[Story]
) -> None:
    now = utcnow()
    with db.transaction() as conn:
        insert_articles(conn, "seeds", load_articles([SEEDS]).articles, now)
        replace_stories(conn, seed_stories, now=now, through_seq=1)
    stored = StoredStories(db)
    ingest = Database(db_url)
    try:
        with ingest.transaction() as writing:
            replace_stories(writing, [], now=now, through_seq=2)  # mid-rebuild: every story deleted, uncommitted
            start = time.perf_counter()
            count = stored.refresh()
            waited = time.perf_counter() - start
    finally:
        ingest.dispose()
    assert waited < 1.0
    assert count == len(seed_stories) > 0
    assert {s.title for s in stored.stories()} == {s.title for s in seed_stories}


def test_writing_inside_a_read_fails_and_changes_nothing(db: Database) -> None:
    with pytest.raises(DBAPIError), db.read() as conn:
        insert_articles(conn, "harbor", [article("https://harbor.test/1", HARBOR)], utcnow())
    with db.transaction() as conn:  # the connection went back to the pool writable again
        assert insert_articles(conn, "harbor", [article("https://harbor.test/1", HARBOR)], utcnow()) == 1
    with db.read() as conn:
        assert count_articles(conn) == 1


def test_on_sqlite_a_second_writer_waits_for_the_first_instead_of_failing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'newsbrief.db'}"
    first, second = open_database(url), Database(url)
    done = threading.Event()

    def write_second() -> None:
        with second.transaction() as conn:
            insert_articles(conn, "valley", [article("https://valley.test/1", VALLEY)], utcnow())
        done.set()

    try:
        with first.transaction() as conn:
            insert_articles(conn, "harbor", [article("https://harbor.test/1", HARBOR)], utcnow())
            worker = threading.Thread(target=write_second)
            worker.start()
            assert not done.wait(0.3)  # blocked on the write lock while the first writer is open
        worker.join(5)
        assert done.is_set()
        with first.read() as conn:
            assert count_articles(conn) == 2
    finally:
        first.dispose()
        second.dispose()
