"""The tables: articles, their analyses, stories, digest runs, posts, feed state and item retries (migrated by Alembic)."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    true,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# One row per unique article. ``seq`` orders articles by when they were first seen; a story's key is
# the ``article_id`` of its earliest article, so the key survives re-clustering.
articles = Table(
    "articles",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(40), nullable=False, unique=True),
    Column("url_hash", String(32), unique=True),
    Column("text_hash", String(32), nullable=False, index=True),
    Column("source", String(64), nullable=False, index=True),
    Column("outlet", String(200), nullable=False),
    Column("outlet_known", Boolean, nullable=False, server_default=true()),  # false: named after the file
    Column("title", Text, nullable=False),
    Column("title_guessed", Boolean, nullable=False, server_default=false()),  # from the URL's slug, no headline
    Column("url", Text),
    Column("published", String(64)),
    Column("bias", String(200)),
    Column("text", Text, nullable=False),
    Column("first_seen", DateTime(timezone=True), nullable=False, index=True),
)

# Each article's analysis (ArticleAnalysis.to_dict() JSON), written when the article is first analysed at
# ingest; ``analysis_key`` says which text and analyser it was made from, so a stale one is redone.
article_analyses = Table(
    "article_analyses",
    metadata,
    Column("article_id", String(40), primary_key=True),
    Column("analysis_key", String(40), nullable=False),
    Column("doc", Text, nullable=False),
    Column("analysed_at", DateTime(timezone=True), nullable=False),
)

# The current stories (rebuilt after each ingest that added articles); ``doc`` is the story's JSON (summarizer.documents.story_to_json).
stories = Table(
    "stories",
    metadata,
    Column("story_key", String(40), primary_key=True),
    Column("story_id", String(40), nullable=False),
    Column("title", Text, nullable=False),
    Column("outlets", Integer, nullable=False),
    Column("articles", Integer, nullable=False),
    Column("article_ids", Text, nullable=False),
    Column("doc", Text, nullable=False),
    Column("newest_seen", DateTime(timezone=True), nullable=False),
    Column("built_at", DateTime(timezone=True), nullable=False),
)

# One row per scheduled digest slot and channel: the claim that makes a slot fire once across processes.
digest_runs = Table(
    "digest_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("platform", String(20), nullable=False),
    Column("channel_id", String(64), nullable=False),
    Column("slot", DateTime(timezone=True), nullable=False),
    Column("status", String(12), nullable=False),
    Column("stories", Integer, nullable=False, default=0),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    UniqueConstraint("platform", "channel_id", "slot", name="uq_digest_runs_slot"),
)

# What was posted where; the unique constraint makes "a story is posted to a channel once" a database fact.
posts = Table(
    "posts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("platform", String(20), nullable=False),
    Column("channel_id", String(64), nullable=False),
    Column("story_key", String(40), nullable=False),
    Column("run_id", Integer, ForeignKey("digest_runs.id"), nullable=False, index=True),
    Column("article_ids", Text, nullable=False),
    Column("status", String(12), nullable=False),
    Column("posted_at", DateTime(timezone=True), nullable=False),
    # In a channel with threads: the story's own message (root), its thread, and what it last told readers.
    Column("root_id", String(64)),
    Column("thread_id", String(64)),
    Column("snapshot", Text),
    UniqueConstraint("platform", "channel_id", "story_key", name="uq_posts_story"),
)

# Updates posted in a story's thread, claimed before posting (at most once, like digests): one per story
# and story build (``built_through``), and never the same change twice (``fingerprint``).
story_updates = Table(
    "story_updates",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("platform", String(20), nullable=False),
    Column("channel_id", String(64), nullable=False),
    Column("story_key", String(40), nullable=False),
    Column("built_through", Integer, nullable=False),
    Column("fingerprint", String(40), nullable=False),
    Column("status", String(12), nullable=False),
    Column("changes", Text, nullable=False),
    Column("previous", Text),
    Column("created_at", DateTime(timezone=True), nullable=False, index=True),
    Column("finished_at", DateTime(timezone=True)),
    UniqueConstraint("platform", "channel_id", "story_key", "built_through", name="uq_story_updates_build"),
    UniqueConstraint("platform", "channel_id", "story_key", "fingerprint", name="uq_story_updates_change"),
)

feed_state = Table(
    "feed_state",
    metadata,
    Column("source", String(64), primary_key=True),
    Column("url", Text, nullable=False),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_attempt_at", DateTime(timezone=True)),
    Column("last_ok_at", DateTime(timezone=True)),
    Column("last_error", Text),
    Column("last_error_at", DateTime(timezone=True)),
    Column("failures", Integer, nullable=False, default=0),
    Column("articles", Integer, nullable=False, default=0),
)

# Feed items whose article page could not be fetched yet: retried on later passes (the feed's
# validators are not saved meanwhile, so the feed is read in full again), the summary kept after the last.
feed_retries = Table(
    "feed_retries",
    metadata,
    Column("source", String(64), primary_key=True),
    Column("url_hash", String(32), primary_key=True),
    Column("url", Text, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("last_error", Text, nullable=False),
    Column("last_attempt_at", DateTime(timezone=True), nullable=False),
)

# Small facts about the database itself, e.g. the last article seq the stories were built from.
meta = Table(
    "newsbrief_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
