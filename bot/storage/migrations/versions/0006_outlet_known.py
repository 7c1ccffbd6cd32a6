"""Whether an article's outlet was given, or named after the file it came from.

Rows stored before this column keep counting as named outlets, as they were read back until now.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (SQLite takes a NOT NULL column with a default): the table, texts and all, is not copied.
    op.add_column("articles", sa.Column("outlet_known", sa.Boolean, nullable=False, server_default=sa.true()))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("outlet_known")
