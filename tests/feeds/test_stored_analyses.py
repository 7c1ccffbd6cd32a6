"""Analyses are stored with the articles at ingest; rebuilds and channel digests read them, never parse."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.config.model import EffectiveSettings
from bot.digest import rebrief
from bot.feeds.ingest import ingest_once, rebuild_stories
from bot.storage import Database
from bot.storage.analyses import stored_analyses
from bot.storage.articles import recent_articles
from bot.storage.database import utcnow
from bot.storage.stories import BUILT_THROUGH, current_stories, set_meta
from summarizer.analysis.analyse import analysis_key, parsed_count
from summarizer.brief import BriefSettings
from tests.feeds.loopback import FeedServer
from tests.feeds.test_ingest import FAST, make_config


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        srv.serve_fixtures()
        yield srv


async def test_ingest_stores_every_articles_analysis_and_a_rebuild_parses_nothing(
    server: FeedServer, db: Database
) -> None:
    await ingest_once(make_config(server), db, policy=FAST)
    with db.read() as conn:
        articles = recent_articles(conn, utcnow().replace(year=2000))
        stored = stored_analyses(conn, [a.id for a in articles])
    assert articles and sorted(stored) == sorted(a.id for a in articles)
    assert all(stored[a.id].key == analysis_key(a) for a in articles)  # current for the stored text

    with db.transaction() as conn:
        set_meta(conn, BUILT_THROUGH, "0")  # as if articles had arrived: the stories are rebuilt
    before = parsed_count()
    rebuilt = rebuild_stories(db, BriefSettings())
    assert rebuilt is not None and rebuilt[0]
    assert parsed_count() == before


async def test_a_channels_own_brief_length_is_rebuilt_from_stored_analyses(server: FeedServer, db: Database) -> None:
    await ingest_once(make_config(server), db, policy=FAST)
    with db.read() as conn:
        stories = current_stories(conn)
    settings = EffectiveSettings(1, 40, "lexrank", max_stories=5, timezone="UTC", post_when_quiet=False)
    before = parsed_count()
    rebuilt = rebrief(db, stories, settings, BriefSettings())
    assert parsed_count() == before
    assert all(len(s.story.brief.sentences) <= 1 for s in rebuilt)
