"""A title guessed from a URL's slug stays a guess in the database: stories built from stored articles pick a real
headline over it, as they do from files; rows stored before the flag existed are guesses only in slug form."""

from __future__ import annotations

from datetime import timedelta

from alembic import command
from alembic.config import Config
from sqlalchemy import DateTime, Integer, String, Text, column, insert, table

from bot.storage import Database
from bot.storage.articles import recent_articles
from bot.storage.database import MIGRATIONS, utcnow
from summarizer.pipeline import build_stories
from summarizer.readers import make_article
from tests.storage.round_trip import stored_and_rebuilt

SLUG_URL = "https://harbor.example/news/harbour-board-closes-old-pier-at-easterby-for-winter-repairs"
SLUG_TITLE = "Harbour board closes old pier at easterby for winter repairs"
HEADLINE = "Old pier to shut for winter repairs"
GAZETTE = (
    "The harbour board voted on Tuesday to close the old pier at Easterby for winter repairs, the board's chair "
    "said. Engineers found cracks in three of the pier's wooden piles during an inspection in October. The repairs "
    "will cost about 2.4 million euros and should be finished by April, the board said. Fishing boats that use the "
    "pier will moor at the north quay until the work is done."
)
LEDGER = (
    "Easterby's old pier will close for the winter after the harbour board voted on Tuesday to repair it. An "
    "inspection in October found cracks in three wooden piles, according to the board. The board put the cost of "
    "the repairs at 2.4 million euros and expects the work to end in April. Boats that fish from the pier are to "
    "use the north quay while it is shut."
)


def pier_articles():
    slug = make_article(outlet="Harbor Gazette", text=GAZETTE, source="harbor", url=SLUG_URL)
    headline = make_article(
        outlet="Valley Ledger", text=LEDGER, source="valley", title=HEADLINE, url="https://valley.example/p/1"
    )
    return slug, headline


def test_stories_from_the_database_prefer_the_headline_to_the_slug_as_from_files(db: Database) -> None:
    slug, headline = pier_articles()
    assert (slug.title, slug.title_guessed) == (SLUG_TITLE, True)
    [from_files] = build_stories([slug, headline])
    stored, read_back = stored_and_rebuilt(db, ("harbor", slug), ("valley", headline))
    assert {a.outlet: a.title_guessed for a in read_back} == {"Harbor Gazette": True, "Valley Ledger": False}
    assert stored.title == from_files.title == HEADLINE


def test_rows_stored_before_the_flag_are_headlines_unless_their_title_is_the_slug(db_url: str) -> None:
    db = Database(db_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0004")  # the schema before the flag
    old = table(
        "articles",
        column("seq", Integer),
        column("article_id", String),
        column("text_hash", String),
        column("source", String),
        column("outlet", String),
        column("title", Text),
        column("url", Text),
        column("text", Text),
        column("first_seen", DateTime(timezone=True)),
    )
    rows = [
        ("a1", SLUG_TITLE, SLUG_URL),  # what the reader guessed from the URL
        ("a2", HEADLINE, "https://valley.example/p/1"),  # a headline
        (
            "a3",
            "Pier Closes For Winter",
            "https://coast.example/news/pier-closes-for-winter",
        ),  # headline, like its slug
        ("a4", "Pier closes for winter", None),  # no URL, nothing to guess from
    ]
    with db.engine.begin() as conn:
        for seq, (aid, title, url) in enumerate(rows, 1):
            values = {"text_hash": aid, "source": "old", "outlet": "Old", "text": GAZETTE, "first_seen": utcnow()}
            conn.execute(insert(old).values(seq=seq, article_id=aid, title=title, url=url, **values))
    try:
        db.migrate()
        with db.read() as conn:
            guessed = {a.id: a.title_guessed for a in recent_articles(conn, utcnow() - timedelta(hours=1))}
    finally:
        db.dispose()
    assert guessed == {"a1": True, "a2": False, "a3": False, "a4": False}
