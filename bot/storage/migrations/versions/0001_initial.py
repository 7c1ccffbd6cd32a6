"""Initial schema: articles, stories, digest runs, posts, feed state, meta.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(40), nullable=False),
        sa.Column("url_hash", sa.String(32)),
        sa.Column("text_hash", sa.String(32), nullable=False),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("outlet", sa.String(200), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("published", sa.String(64)),
        sa.Column("bias", sa.String(200)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("first_seen", TS, nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_articles"),
        sa.UniqueConstraint("article_id", name="uq_articles_article_id"),
        sa.UniqueConstraint("url_hash", name="uq_articles_url_hash"),
    )
    op.create_index("ix_articles_text_hash", "articles", ["text_hash"])
    op.create_index("ix_articles_source", "articles", ["source"])
    op.create_index("ix_articles_first_seen", "articles", ["first_seen"])
    op.create_table(
        "stories",
        sa.Column("story_key", sa.String(40), nullable=False),
        sa.Column("story_id", sa.String(40), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("outlets", sa.Integer, nullable=False),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("article_ids", sa.Text, nullable=False),
        sa.Column("doc", sa.Text, nullable=False),
        sa.Column("newest_seen", TS, nullable=False),
        sa.Column("built_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("story_key", name="pk_stories"),
    )
    op.create_table(
        "digest_runs",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.Column("channel_id", sa.String(64), nullable=False),
        sa.Column("slot", TS, nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("stories", sa.Integer, nullable=False),
        sa.Column("started_at", TS, nullable=False),
        sa.Column("finished_at", TS),
        sa.PrimaryKeyConstraint("id", name="pk_digest_runs"),
        sa.UniqueConstraint("platform", "channel_id", "slot", name="uq_digest_runs_slot"),
    )
    op.create_table(
        "posts",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.Column("channel_id", sa.String(64), nullable=False),
        sa.Column("story_key", sa.String(40), nullable=False),
        sa.Column("run_id", sa.Integer, nullable=False),
        sa.Column("article_ids", sa.Text, nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("posted_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_posts"),
        sa.ForeignKeyConstraint(["run_id"], ["digest_runs.id"], name="fk_posts_run_id"),
        sa.UniqueConstraint("platform", "channel_id", "story_key", name="uq_posts_story"),
    )
    op.create_index("ix_posts_run_id", "posts", ["run_id"])
    op.create_table(
        "feed_state",
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("last_attempt_at", TS),
        sa.Column("last_ok_at", TS),
        sa.Column("last_error", sa.Text),
        sa.Column("last_error_at", TS),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("source", name="pk_feed_state"),
    )
    op.create_table(
        "newsbrief_meta",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_newsbrief_meta"),
    )


def downgrade() -> None:
    for table in ("newsbrief_meta", "feed_state", "posts", "digest_runs", "stories", "articles"):
        op.drop_table(table)
