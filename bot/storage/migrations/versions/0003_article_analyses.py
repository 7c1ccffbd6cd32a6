"""Each article's linguistic analysis, stored with it so rebuilds and digests never parse twice.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article_analyses",
        sa.Column("article_id", sa.String(40), nullable=False),
        sa.Column("analysis_key", sa.String(40), nullable=False),
        sa.Column("doc", sa.Text, nullable=False),
        sa.Column("analysed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("article_id", name="pk_article_analyses"),
    )


def downgrade() -> None:
    op.drop_table("article_analyses")
