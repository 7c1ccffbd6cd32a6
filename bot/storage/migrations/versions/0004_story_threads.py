"""Story threads: the root message and thread of each post, and the updates posted in them.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("posts") as batch:
        batch.add_column(sa.Column("root_id", sa.String(64)))
        batch.add_column(sa.Column("thread_id", sa.String(64)))
        batch.add_column(sa.Column("snapshot", sa.Text))
    op.create_table(
        "story_updates",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.Column("channel_id", sa.String(64), nullable=False),
        sa.Column("story_key", sa.String(40), nullable=False),
        sa.Column("built_through", sa.Integer, nullable=False),
        sa.Column("fingerprint", sa.String(40), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("changes", sa.Text, nullable=False),
        sa.Column("previous", sa.Text),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True)),
        sa.PrimaryKeyConstraint("id", name="pk_story_updates"),
        sa.UniqueConstraint("platform", "channel_id", "story_key", "built_through", name="uq_story_updates_build"),
        sa.UniqueConstraint("platform", "channel_id", "story_key", "fingerprint", name="uq_story_updates_change"),
    )
    op.create_index("ix_story_updates_created_at", "story_updates", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_story_updates_created_at", "story_updates")
    op.drop_table("story_updates")
    with op.batch_alter_table("posts") as batch:
        batch.drop_column("snapshot")
        batch.drop_column("thread_id")
        batch.drop_column("root_id")
