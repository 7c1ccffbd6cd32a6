"""Feed items whose article page failed, retried on later passes.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feed_retries",
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("url_hash", sa.String(32), nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("last_error", sa.Text, nullable=False),
        sa.Column("last_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("source", "url_hash", name="pk_feed_retries"),
    )


def downgrade() -> None:
    op.drop_table("feed_retries")
