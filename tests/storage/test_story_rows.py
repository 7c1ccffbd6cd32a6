"""Stored stories are read through the same typed model that writes them, including rows from older versions."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

from sqlalchemy import update

from bot.storage import Database
from bot.storage.articles import insert_articles
from bot.storage.database import utcnow
from bot.storage.schema import stories as stories_table
from bot.storage.stories import current_stories, replace_stories
from bot.storage.story_source import StoredStories
from summarizer.documents import story_to_json
from summarizer.models import Story
from summarizer.readers import make_article


def stored(db: Database, story: Story) -> None:
    """Store ``story`` as the only current story, its articles first."""
    now = utcnow()
    articles = [
        make_article(outlet=a.outlet, text=f"{a.title} {a.id} " * 20, source="test", title=a.title, url=a.url)
        for a in story.articles
    ]
    story = replace(
        story, articles=[replace(ref, id=art.id) for ref, art in zip(story.articles, articles, strict=True)]
    )
    with db.transaction() as conn:
        insert_articles(conn, "test", articles, now - timedelta(minutes=5))
        replace_stories(conn, [story], now=now, through_seq=1)


def test_every_seed_story_comes_back_from_the_database_as_it_was(db: Database, seed_stories: list[Story]) -> None:
    for story in seed_stories:
        stored(db, story)
        with db.read() as conn:
            [row] = current_stories(conn)
        assert replace(row.story, articles=[]) == replace(story, articles=[])
        assert [(a.outlet, a.title, a.url) for a in row.story.articles] == [
            (a.outlet, a.title, a.url) for a in story.articles
        ]


def test_a_row_written_before_credits_party_and_keywords_still_reads(db: Database, seed_stories: list[Story]) -> None:
    election = next(s for s in seed_stories if s.election is not None)
    stored(db, election)
    with db.read() as conn:
        [row] = current_stories(conn)
    old = story_to_json(row.story)  # the story's JSON …
    del old["keywords"]  # … in the shape older versions wrote: no keywords,
    for sentence in old["brief"]["sentences"]:
        del sentence["credits"]  # no receipts on brief sentences,
    for candidate in [old["election"]["winner"], *old["election"]["runners_up"]]:
        candidate.pop("party")  # and no party on candidates
    with db.transaction() as conn:
        conn.execute(update(stories_table).values(doc=json.dumps(old, ensure_ascii=False)))

    [story] = StoredStories(db).stories()
    assert story.title == election.title and story.keywords == []
    assert [s.text for s in story.brief.sentences] == [s.text for s in election.brief.sentences]
    assert all(s.credits == [] for s in story.brief.sentences)
    assert story.election is not None and story.election.winner.name == election.election.winner.name
    assert story.election.winner.party is None
