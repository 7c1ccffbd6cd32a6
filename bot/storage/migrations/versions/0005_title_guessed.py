"""Whether an article's title was guessed from its URL's slug rather than read from a headline.

Existing rows are headlines unless the title is exactly the slug form of their URL (what the reader would have
guessed), so a slug title stored before this column still counts as guessed.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_BATCH = 500


def upgrade() -> None:
    # A plain ADD COLUMN (SQLite takes a NOT NULL column with a default): the table, texts and all, is not copied.
    op.add_column("articles", sa.Column("title_guessed", sa.Boolean, nullable=False, server_default=sa.false()))
    from summarizer.readers.articles import title_from_url  # only when this revision runs

    articles = sa.table(
        "articles", sa.column("seq", sa.Integer), sa.column("title", sa.Text), sa.column("url", sa.Text)
    )
    conn = op.get_bind()
    rows = conn.execute(sa.select(articles.c.seq, articles.c.title, articles.c.url).where(articles.c.url.isnot(None)))
    guessed = [seq for seq, title, url in rows if title and title == title_from_url(url)]
    flags = sa.table("articles", sa.column("seq", sa.Integer), sa.column("title_guessed", sa.Boolean))
    for i in range(0, len(guessed), _BATCH):
        conn.execute(flags.update().where(flags.c.seq.in_(guessed[i : i + _BATCH])).values(title_guessed=True))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("title_guessed")
